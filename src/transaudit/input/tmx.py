"""TMX 1.4 translation memories → one Article per language pair.

A ``<tu>`` holds one ``<tuv xml:lang="…"><seg>`` per language. The source
language is ``--source-lang``, else the header's ``srclang`` (``*all*`` says any
language may be the source, so ``--source-lang`` is then required). Every other
language found is a target: one article per pair (labelled ``src-tgt``), or only
the pair ``--target-lang`` names. A ``<tu>`` without the source or the target
language is not part of that pair (a memory need not translate every unit into
every language). Segment ids are ``tuid`` (else ``tu1``, ``tu2`` … by position).

Inline markup (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>``, ``<hi>``) is
kept as placeholders keyed by their native code, so the same ``<b>`` in source
and target is the same placeholder whatever its ``i``/``x`` numbering.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transaudit.analysis.languages import normalize_language
from transaudit.errors import InputError
from transaudit.input.xliff import notes, side_text
from transaudit.input.xmlsafe import local_name, parse_file
from transaudit.model import Segment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Pair:
    """One language pair of a memory, as segments."""

    index: int
    source_tag: str
    target_tag: str
    segments: list[Segment]

    @property
    def label(self) -> str:
        return f"{self.source_tag}-{self.target_tag}"


def _lang(tuv: etree._Element) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").strip()


def _same(tag: str, wanted: str, path: str) -> bool:
    """Whether a TMX language tag is the one asked for (``es`` matches ``es-ES`` and ``es-MX``)."""
    if tag.lower() == wanted.lower():
        return True
    try:
        return normalize_language(tag, path) == normalize_language(wanted, path)
    except InputError:
        return False


def read_pairs(path: Path, source: str | None, target: str | None) -> list[Pair]:
    """The memory's language pairs (only ``target``'s when given), in order of first appearance."""
    root = parse_file(path, "TMX")
    where = str(path)
    if local_name(root.tag) != "tmx":
        raise InputError(where, f"not TMX: the root element is <{local_name(root.tag)}>", root.sourceline)
    header = next((e for e in root if local_name(e.tag) == "header"), None)
    body = next((e for e in root if local_name(e.tag) == "body"), None)
    if body is None:
        raise InputError(where, "TMX without a <body>", root.sourceline)
    declared = (header.get("srclang") if header is not None else "") or ""
    if not source:
        if not declared or declared.strip().lower() == "*all*":
            raise InputError(where, "the TMX header does not name one source language (srclang); "
                             "pass --source-lang", header.sourceline if header is not None else None)
        source = declared.strip()
    units: list[tuple[etree._Element, dict[str, etree._Element]]] = []
    order: list[str] = []
    for tu in (e for e in body if local_name(e.tag) == "tu"):
        by_lang: dict[str, etree._Element] = {}
        for tuv in (e for e in tu if local_name(e.tag) == "tuv"):
            tag = _lang(tuv)
            if not tag:
                raise InputError(where, "<tuv> without xml:lang", tuv.sourceline)
            seg = next((e for e in tuv if local_name(e.tag) == "seg"), None)
            if seg is None:
                raise InputError(where, "<tuv> without <seg>", tuv.sourceline)
            by_lang.setdefault(tag, seg)
            if tag not in order:
                order.append(tag)
        units.append((tu, by_lang))
    source_tags = [tag for tag in order if _same(tag, source, where)]
    if not source_tags:
        found = ", ".join(order) or "none"
        raise InputError(where, f"no <tuv> in the source language {source!r} (found: {found})")
    targets = [tag for tag in order if tag not in source_tags]
    if target:
        targets = [tag for tag in targets if _same(tag, target, where)]
        if not targets:
            raise InputError(where, f"no <tuv> in the target language {target!r} (found: {', '.join(order)})")
    if not targets:
        raise InputError(where, "no target language: every <tuv> is in the source language")
    pairs = []
    for index, target_tag in enumerate(targets):
        segments = []
        for number, (tu, by_lang) in enumerate(units, start=1):
            source_seg = next((by_lang[tag] for tag in source_tags if tag in by_lang), None)
            target_seg = by_lang.get(target_tag)
            if source_seg is None or target_seg is None:
                continue
            source_text, source_placeholders, _ = side_text(source_seg, by_content=True)
            target_text, target_placeholders, _ = side_text(target_seg, by_content=True)
            meta = {}
            note = notes([n for n in tu if local_name(n.tag) == "note"])
            if note:
                meta["note"] = note
            segments.append(
                Segment(
                    id=(tu.get("tuid") or "").strip() or f"tu{number}",
                    source=source_text,
                    target=target_text,
                    line=tu.sourceline, source_placeholders=source_placeholders,
                    target_placeholders=target_placeholders, meta=meta,
                )
            )
        if segments:
            pairs.append(Pair(index, source_tags[0], target_tag, segments))
    if not pairs:
        raise InputError(where, "no <tu> holds both languages of a pair")
    return pairs
