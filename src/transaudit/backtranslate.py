"""Back-translation of an article's target segments (engines: issue #3).

Until the engines land only ``--backend none`` exists; any other choice is
reported as a notice so the editor knows the report has no back-translation.
"""

from __future__ import annotations

from typing import Any

from transaudit.config import Settings
from transaudit.model import Article


def back_translate(article: Article, settings: Settings) -> dict[str, Any]:
    """Fill each segment's back-translation fields; return a run summary."""
    if settings.backend == "none":
        return {"backend": "none", "notices": []}
    return {
        "backend": "none",
        "notices": [
            f"no back-translation for {article.target_lang}→{article.source_lang}: "
            "no engine is available yet"
        ],
    }
