"""Sanity checks on declared languages, before a wrong pair wrecks an audit.

A wrong ``--source-lang`` silently turns every paragraph into "still in the
source language" and the score into nonsense, so a declared language is
refused (exit 2, one line naming both) when it contradicts:

- the file name (``story.es-en.tsv`` with ``-s en``);
- the other side (``-s es -t es``: a translation has two languages);
- a confident detection of that side's text (``-t zh`` on English text),
  wherever the language came from (command line, configuration, file name,
  XLIFF/PO header).

A target that reads as the *source* language is not refused: that is an
untranslated article, which the checks exist to report. ``--force-lang``
(``Languages.force``) skips every test here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from transaudit.errors import InputError

if TYPE_CHECKING:
    from transaudit.input.readers import Languages
    from transaudit.model import Article, Side

FORCE_HINT = "pass --force-lang to audit with the declared languages anyway"
#: Characters of a side given to the detector (its own cap is 300); the
#: longest segments go first, since titles and datelines are mostly names.
SAMPLE_CHARS = 300


def merge_declared(
    explicit: Languages, implied: Languages, path: str, origin: str = "the file name"
) -> Languages:
    """Command-line languages over ``implied``, refusing a contradiction between them.

    ``origin`` says where ``implied`` came from, for the message ("the file
    name"); a reader that merges languages of another origin names it.
    """
    if not explicit.force:
        for side, given, named in (("source", explicit.source, implied.source),
                                   ("target", explicit.target, implied.target)):
            if given and named and _base(given) != _base(named):
                raise InputError(path, f"--{side}-lang {given} contradicts {origin}, which says "
                                       f"{side} {named}; {FORCE_HINT}")
    return replace(explicit, source=explicit.source or implied.source,
                   target=explicit.target or implied.target)


def check_declared(explicit: Languages, article: Article) -> None:
    """Refuse a pair that the article's own text contradicts (see module doc).

    Every side's language is compared with detection, wherever it came from
    (command line, configuration, file name, XLIFF/PO header): a wrong pair
    wrecks the audit whatever declared it. ``explicit`` (the command-line
    languages) only words the refusal and carries ``--force-lang``.
    """
    from transaudit.analysis.langid import contradicting_language

    if explicit.force:
        return
    path = article.path or article.id
    if _base(article.source_lang) == _base(article.target_lang):
        raise InputError(path, f"source and target language are both {article.source_lang}; {FORCE_HINT}")
    sides: tuple[tuple[Side, str | None], ...] = (("source", explicit.source), ("target", explicit.target))
    for side, given in sides:
        declared = article.source_lang if side == "source" else article.target_lang
        if not declared:
            continue
        found = contradicting_language(sample([s.text(side) for s in article.segments]), _base(declared))
        if found is None:
            continue
        lang, probability = found
        if side == "target" and lang == _base(article.source_lang):
            continue  # an untranslated article: the checks report it
        named = (f"--{side}-lang {declared}" if given
                 else f"{side} language {declared} (file name, header or configuration)")
        raise InputError(path, f"{named} but the {side} text reads as {lang} "
                               f"(detected with probability {probability:.2f}); {FORCE_HINT}")


def sample(texts: Sequence[str]) -> str:
    """Up to :data:`SAMPLE_CHARS` of a side, from its longest segments."""
    picked: list[str] = []
    size = 0
    for text in sorted((t for t in texts if t.strip()), key=len, reverse=True):
        picked.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(picked)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()
