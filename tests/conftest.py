"""Shared fixtures: small articles written for the tests."""

from __future__ import annotations

import signal

import pytest

from transaudit.model import Article, Segment


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C as a terminal delivers it, whatever started the test run.

    A test run started in the background of a non-interactive shell (``cmd &``,
    as some CI runners do) inherits SIGINT *ignored*; every process it spawns
    inherits that too, and Python then, rightly, never raises KeyboardInterrupt:
    the tests that press Ctrl-C on a real ``transaudit`` would see exit 0 or a
    hang. A Python handler here becomes the default disposition in each child.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def make_article():
    def build(pairs, source_lang="es", target_lang="en", article_id="test"):
        segments = [
            Segment(id=f"p{index:02d}", source=source, target=target, line=index)
            for index, (source, target) in enumerate(pairs, start=1)
        ]
        return Article(article_id, source_lang, target_lang, segments, "test.tsv")

    return build
