"""Editors' glossaries: required translations and forbidden terms, from CSV or TBX.

A glossary says "translate *Samarcanda* as *Samarkand*" (a required term) and
"never write *Kiev*, write *Kyiv*" (a forbidden variant with its preferred
form). Editors keep these as spreadsheets (CSV/TSV) or export them from a
terminology tool (TBX), and pass them with ``--glossary PATH`` or the config key
``glossary = [...]``.

CSV/TSV: a header row, then one term a row. Columns (case-insensitive):

- ``source``: the source-language term (empty for a pure style rule);
- ``target``: the required target term (alternatives separated by ``|``);
- ``forbidden``: target variants that must not be used (separated by ``|``);
- ``note``: free text, shown in messages;
- ``source_lang`` / ``target_lang``: restrict the row to a language pair.

Instead of ``source``/``target`` the header may name languages (``es,en,forbidden``):
the first language column is the source, the second the target.

TBX (2 with ``termEntry/langSet/tig``, 3 with ``conceptEntry/langSec/termSec``,
including TBX-Basic and TBX-Core): every concept entry with terms in two languages
gives a term for each direction; ``administrativeStatus`` deprecated or superseded
terms are forbidden, the first other term of the target language is required.

Files are decoded like articles (:func:`transaudit.input.decoding.decode`).
:func:`load_glossary` validates and raises :class:`InputError` with the line
(also for a file that yields no terms at all, which would otherwise check nothing);
:func:`cached_glossary` is what checks call (cached by path and mtime).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transaudit.analysis.languages import parse_tag
from transaudit.errors import InputError
from transaudit.input.decoding import decode
from transaudit.validation import regular_file

_SPLIT_RE = re.compile(r"\s*\|\s*")
_LANG_RE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")
_FORBIDDEN_STATUS = ("deprecated", "superseded", "notrecommended", "forbidden")


@dataclass(frozen=True)
class Term:
    """One glossary rule for a language pair (``None`` languages fit any pair)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    forbidden: tuple[str, ...]
    source_lang: str | None = None
    target_lang: str | None = None
    note: str = ""
    line: int | None = None

    def applies(self, source_lang: str, target_lang: str) -> bool:
        return (self.source_lang in (None, source_lang)) and (self.target_lang in (None, target_lang))


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]

    def for_pair(self, source_lang: str, target_lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.applies(source_lang, target_lang))


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a term (spaces match any whitespace)."""
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def find_term(term: str, text: str) -> re.Match[str] | None:
    return term_pattern(term).search(text) if term and text else None


def _is_language(name: str) -> bool:
    """A header naming a language by ISO 639-1 code ("es", "en-GB"): two letters, so that
    a three-letter header ("src", "ids") is never read as an ISO 639-3 code."""
    return _LANG_RE.match(name) is not None and parse_tag(name) is not None


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v for v in _SPLIT_RE.split(value.strip()) if v)


def _lang(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value or None


def _read_text(path: Path) -> str:
    """The glossary's text, decoded like an article (UTF-8 with or without BOM,
    UTF-16/32 with BOM, CRLF normalised), so an editor's spreadsheet export that
    an article would accept is accepted here too."""
    try:
        regular_file(path, "glossary file")  # a FIFO or /dev/zero would never finish reading
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "glossary file not found") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, expected a glossary file") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read glossary: {error.strerror or error}") from None
    if not data.strip():
        raise InputError(
            str(path), "empty glossary (expected a header row such as 'source,target,forbidden')", 1
        )
    return decode(data, str(path))


def _csv_rows(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Rows of a CSV/TSV, rejecting malformed quoting instead of guessing.

    A quote left open (``Kazajistán,Kazakhstan,"Kazajstan``) would otherwise
    swallow the rest of the file into one cell and drop those terms silently;
    strict mode raises, and the error names the line where the quote opened.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    last_line = 0
    try:
        for row in reader:
            rows.append(row)
            last_line = reader.line_num
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise InputError(
                str(path), "unclosed quote: a '\"' opened on this line is never closed", last_line + 1
            ) from None
        raise InputError(str(path), f"malformed CSV row ({error})", reader.line_num) from None
    return rows


def _load_csv(path: Path, text: str) -> tuple[Term, ...]:
    first = text.split("\n", 1)[0]
    if path.suffix.lower() == ".tsv" or "\t" in first:
        delimiter = "\t"
    elif first.count(";") > first.count(","):
        delimiter = ";"
    else:
        delimiter = ","
    rows = _csv_rows(path, text, delimiter)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputError(
            str(path), "empty glossary (expected a header row such as 'source,target,forbidden')", 1
        )
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {name: index for index, name in enumerate(header) if name}
    source_lang = target_lang = None
    if "source" not in columns and "target" not in columns:
        langs = [name for name in header if _is_language(name)]
        if len(langs) >= 2:
            source_lang, target_lang = langs[0], langs[1]
            columns["source"], columns["target"] = header.index(langs[0]), header.index(langs[1])
    if "target" not in columns and "forbidden" not in columns:
        raise InputError(
            str(path),
            f"header {rows[0]!r} has no 'target' or 'forbidden' column (nor two language columns)",
            1,
        )

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    terms = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        sources, targets, forbidden = (
            _split(cell(row, "source")),
            _split(cell(row, "target")),
            _split(cell(row, "forbidden")),
        )
        if sources and not targets:
            raise InputError(str(path), f"term {sources[0]!r} has no target term", number)
        if not targets and not forbidden:
            raise InputError(str(path), "row has neither a target term nor forbidden variants", number)
        if not sources and targets and not forbidden:
            raise InputError(
                str(path), f"target {targets[0]!r} has no source term and no forbidden variants", number
            )
        if not targets and forbidden:
            raise InputError(
                str(path), f"forbidden {forbidden[0]!r} has no preferred term in 'target'", number
            )
        terms.append(
            Term(
                sources,
                targets,
                forbidden,
                _lang(cell(row, "source_lang")) or source_lang,
                _lang(cell(row, "target_lang")) or target_lang,
                cell(row, "note"),
                number,
            )
        )
    return tuple(terms)


def _load_tbx(path: Path, text: str) -> tuple[Term, ...]:
    """TBX through the shared hardened parser (no DTD, no entities, no XInclude, bounded depth).

    lxml is imported here, not with the module: the checks import glossaries, and
    a run without a TBX glossary would carry lxml's 7 MiB for nothing.
    """
    from transaudit.input.xmlsafe import local_name as _local
    from transaudit.input.xmlsafe import parse_text

    root = parse_text(text, str(path), "TBX/XML")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    terms: list[Term] = []
    entries = [e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    if not entries:
        raise InputError(str(path), "no termEntry or conceptEntry elements in this TBX file")
    for entry in entries:
        by_lang: dict[str, tuple[list[str], list[str]]] = {}
        for lang_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            lang = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower().split("-")[0]
            if not lang:
                raise InputError(str(path), f"{_local(lang_set.tag)} without xml:lang")
            preferred, deprecated = by_lang.setdefault(lang, ([], []))
            for holder in lang_set.iter():
                if _local(holder.tag) not in ("tig", "ntig", "termSec", "termGrp"):
                    continue
                term = next((e.text or "" for e in holder.iter() if _local(e.tag) == "term"), "").strip()
                if not term:
                    continue
                status = " ".join(
                    (e.text or "").lower()
                    for e in holder.iter()
                    if (_local(e.tag) == "termNote" and "status" in (e.get("type") or "").lower())
                    or _local(e.tag) == "administrativeStatus"  # TBX 3 DCT style
                )
                bucket = deprecated if any(s in status for s in _FORBIDDEN_STATUS) else preferred
                if term not in bucket:
                    bucket.append(term)
        for src, (src_terms, _) in by_lang.items():
            for tgt, (tgt_terms, tgt_forbidden) in by_lang.items():
                if src == tgt or not tgt_terms:
                    continue
                if src_terms or tgt_forbidden:
                    terms.append(Term(tuple(src_terms), tuple(tgt_terms), tuple(tgt_forbidden), src, tgt))
    return tuple(terms)


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read and validate a glossary (CSV, TSV or TBX); raise InputError on problems."""
    file = Path(path)
    text = _read_text(file)
    if file.suffix.lower() in (".tbx", ".xml") or text.lstrip().startswith("<"):
        terms = _load_tbx(file, text)
    else:
        terms = _load_csv(file, text)
    if not terms:
        raise InputError(
            str(path),
            "no terms found (CSV: rows after the header; TBX: entries with terms in two languages, "
            "in langSet/tig or langSec/termSec)",
        )
    return Glossary(str(path), terms)


@lru_cache(maxsize=64)
def _cached(path: str, mtime_ns: int, size: int) -> Glossary:
    return load_glossary(path)


def cached_glossary(path: str | os.PathLike[str]) -> Glossary:
    """The glossary at ``path``, re-read only when the file changed (mtime/size)."""
    try:
        stat = os.stat(path)
    except OSError:
        raise InputError(str(path), "glossary file not found") from None
    return _cached(os.fspath(path), stat.st_mtime_ns, stat.st_size)


def glossary_paths(setting: object) -> list[str]:
    """The ``glossary`` run setting as a list of paths (a single string is accepted)."""
    if not setting:
        return []
    if isinstance(setting, (str, os.PathLike)):
        return [os.fspath(setting)]
    if isinstance(setting, (list, tuple)):
        return [os.fspath(p) for p in setting if p]
    return []
