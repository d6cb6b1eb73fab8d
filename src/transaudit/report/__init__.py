"""Reporters: each turns an ArticleResult (or a batch of them) into text."""

#: Suffixes of the files ``check`` writes per article (html, json, text, xliff, csv):
#: what a report folder is checked against (publish) and kept safe by (a failed index).
REPORT_SUFFIXES = (".html", ".json", ".txt", ".xlf", ".csv")
