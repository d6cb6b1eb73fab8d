"""``transaudit eval``: measure the checks against errors annotated by people.

Readers turn annotated data (bio-mqm JSONL, DEMETR JSONL, Google's WMT MQM TSV)
into :class:`~transaudit.evaluation.model.AnnotatedSegment` lists; the runner
audits them with the normal engine; ``metrics`` compares issues with
annotations; ``render`` prints a table, JSON and an HTML page. Nothing here is
imported by an ordinary audit.
"""
