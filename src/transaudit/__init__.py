"""transaudit: audit machine-translated articles for the artifacts MT leaves.

The public API, for notebooks and other pipelines (the CLI is built on it)::

    import transaudit

    article = transaudit.read("corpora/caspian-energy-forum")
    result = transaudit.audit(article, transaudit.Settings.from_keys(backend="none"))
    print(result.score, [issue.code for issue in result.issues])

``import transaudit`` stays cheap: the pipeline, the checks and their
resources load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleResult", "Issue", "Settings", "Severity", "__version__", "audit", "read", "read_all",
]

if TYPE_CHECKING:
    from os import PathLike

    from transaudit.model import Article, Issue, Severity
    from transaudit.result import ArticleResult
    from transaudit.settings import Settings

#: Names exported lazily (PEP 562): where each one lives.
_LAZY = {
    "Article": "transaudit.model",
    "Issue": "transaudit.model",
    "Severity": "transaudit.model",
    "ArticleResult": "transaudit.result",
    "Settings": "transaudit.settings",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'transaudit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


def read(
    path: str | PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Article:
    """Read one article (aligned TSV, JSON Lines, an article folder, XLIFF, TMX or PO).

    Languages not given come from the file (XLIFF, TMX, PO), the file names,
    else from seeded detection. Unreadable input raises
    :class:`transaudit.errors.InputError` naming the file, the line and the
    problem; so does a file holding several articles (use :func:`read_all`).
    """
    from transaudit.errors import InputError

    articles = read_all(path, source_lang, target_lang)
    if len(articles) > 1:
        raise InputError(str(path), f"holds {len(articles)} articles (XLIFF <file>s or TMX language pairs); "
                                    "use transaudit.read_all()")
    return articles[0]


def read_all(
    path: str | PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> list[Article]:
    """Every article of a path: one per XLIFF ``<file>`` or TMX language pair, else one."""
    from pathlib import Path

    from transaudit.input.readers import Languages, read_articles

    return read_articles(Path(path), Languages(source_lang, target_lang))


def audit(article: Article, settings: Settings | None = None) -> ArticleResult:
    """Back-translate, check and score one article (default settings if none are given).

    Nothing is written: render the result with :mod:`transaudit.report` if a
    report file is wanted.
    """
    from transaudit.pipeline import audit_article
    from transaudit.settings import Settings

    return audit_article(article, settings if settings is not None else Settings())
