"""Reporters: each turns an ArticleResult (or a batch of them) into text."""
