"""Shared fixtures: small articles written for the tests."""

from __future__ import annotations

import pytest

from transaudit.model import Article, Segment


@pytest.fixture
def make_article():
    def build(pairs, source_lang="es", target_lang="en", article_id="test"):
        segments = [
            Segment(id=f"p{index:02d}", source=source, target=target, line=index)
            for index, (source, target) in enumerate(pairs, start=1)
        ]
        return Article(article_id, source_lang, target_lang, segments, "test.tsv")

    return build
