"""Inline markup as placeholders: building segment text, and format specifiers.

Readers of interchange formats turn inline markup (XLIFF ``<g>``/``<x/>``/
``<ph>``/``<pc>``, TMX ``<bpt>``/``<ept>``/``<ph>``, PO ``%s``/``{name}``) into a
short visible form in the segment text and record its span as a
:class:`~transaudit.model.Placeholder`. The engine masks those spans before any
check runs (:meth:`~transaudit.model.Segment.masked`), so placeholders are never
read as words, numbers or punctuation, never counted as words, and only the
placeholder check (TA230) compares them between source and target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transaudit.model import Placeholder


class TextBuilder:
    """Accumulates a side's text and the placeholders shown in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.placeholders: list[Placeholder] = []

    def text(self, value: str) -> None:
        self.parts.append(value)
        self.size += len(value)

    def placeholder(self, shown: str, key: str, markup: str) -> None:
        if not shown:
            return
        self.placeholders.append(Placeholder(self.size, self.size + len(shown), key, markup))
        self.text(shown)

    def result(self, strip: bool = True) -> tuple[str, tuple[Placeholder, ...], int]:
        """(text, placeholders, characters stripped at the start): offsets follow the stripping."""
        raw = "".join(self.parts)
        if not strip:
            return raw, tuple(self.placeholders), 0
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        kept = tuple(
            Placeholder(p.start - lead, p.end - lead, p.key, p.markup)
            for p in self.placeholders
            if p.start >= lead and p.end - lead <= len(text)
        )
        return text, kept, lead


_INDEX = re.compile(r'\bi="([^"]*)"')


def _pair_role(placeholder: Placeholder) -> tuple[str, str] | None:
    """("open"|"close", token) for one half of a paired code, None for a standalone one.

    Halves of one pair share the token: ``<g1>``/``</g1>`` (keys ``g:1>`` and
    ``/g:1``), XLIFF ``<bpt id="1">``/``<ept id="1">`` and ``<sc id="1">``/
    ``<ec startRef="1">`` (same id), TMX ``<bpt i="1">``/``<ept i="1">`` (same
    ``i``; their keys are their native codes, ``<b>`` and ``</b>``).
    """
    key = placeholder.key
    if key.startswith(("/g:", "/pc:", "/hi:")):
        return "close", key[1:]
    if key.startswith(("g:", "pc:", "hi:")) and key.endswith(">"):
        return "open", key[:-1]
    for opening, closing in (("bpt:", "ept:"), ("sc:", "ec:")):
        for role, prefix in (("open", opening), ("close", closing)):
            if key.startswith(prefix):
                index = _INDEX.search(placeholder.markup.split(">", 1)[0])
                return role, opening + (f"i={index.group(1)}" if index else key[len(prefix):])
    return None


def pairs(placeholders: tuple[Placeholder, ...] | list[Placeholder]) -> dict[int, int]:
    """Opening index → closing index for the paired codes of one side (in text order)."""
    found: dict[int, int] = {}
    waiting: dict[str, list[int]] = {}
    for index, placeholder in enumerate(placeholders):
        role = _pair_role(placeholder)
        if role is None:
            continue
        kind, token = role
        if kind == "open":
            waiting.setdefault(token, []).append(index)
        elif waiting.get(token):
            found[waiting[token].pop(0)] = index
    return found


#: printf conversions (C, Python ``%``, PHP, Perl, Objective-C, shell, Lua …):
#: ``%s``, ``%d``, ``%5.2f``, ``%1$s``, ``%(name)s``, ``%@``. ``%%`` is a literal
#: percent sign and is matched only to be skipped.
_PRINTF = re.compile(
    r"%%|%(?:\((?P<name>[A-Za-z_][\w.-]*)\))?(?:\d+\$)?(?P<flags>[-+ #0']*)(?:\d+|\*)?"
    r"(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxXeEfFgGaAcspn@]"
)
#: Brace placeholders: Python ``str.format``/f-string style ``{name}``, ``{0}``,
#: ``{0:.2f}``, ICU/Java/C# ``{0}``, ``{0,number}``. ``{{``/``}}`` are literal braces.
_BRACE = re.compile(r"\{\{|\}\}|\{(?:[A-Za-z_][\w.]*|\d+)(?:![rsa])?(?:[:,][^{}]*)?\}")
#: Qt and KDE: ``%1`` … ``%99``.
_QT = re.compile(r"%%|%L?\d{1,2}")

_PRINTF_FLAGS = {
    "c-format", "python-format", "php-format", "perl-format", "objc-format", "sh-format",
    "gcc-internal-format", "gfc-internal-format", "java-printf-format", "lua-format", "awk-format",
    "object-pascal-format", "tcl-format", "ruby-format", "elisp-format", "librep-format", "scheme-format",
    "smalltalk-format", "ycp-format", "boost-format", "javascript-format",
}
_BRACE_FLAGS = {"python-brace-format", "csharp-format", "java-format", "perl-brace-format", "rust-format"}
_QT_FLAGS = {"qt-format", "qt-plural-format", "kde-format", "kde-kuit-format"}


def _families(flags: Iterable[str]) -> list[tuple[re.Pattern[str], bool]]:
    """The specifier patterns for a PO entry's flags, with whether the printf space flag is allowed.

    An entry flagged with a format uses that format's placeholders only; one
    flagged ``no-…-format`` for every family uses none. Without a flag the entry
    is read for printf and brace placeholders, but a printf spec with the space
    flag is not believed ("50% de descuento" holds ``% d``): only flagged
    entries get it.
    """
    flags = {flag.strip() for flag in flags}
    chosen: list[tuple[re.Pattern[str], bool]] = []
    if flags & _PRINTF_FLAGS:
        chosen.append((_PRINTF, True))
    if flags & _BRACE_FLAGS:
        chosen.append((_BRACE, True))
    if flags & _QT_FLAGS:
        chosen.append((_QT, True))
    if chosen:
        return chosen
    negated = {flag[3:] for flag in flags if flag.startswith("no-") and flag.endswith("-format")}
    if negated & _PRINTF_FLAGS and negated & _BRACE_FLAGS:
        return []
    if not negated & _PRINTF_FLAGS:
        chosen.append((_PRINTF, False))
    if not negated & _BRACE_FLAGS:
        chosen.append((_BRACE, False))
    return chosen


def format_specifiers(text: str, flags: Iterable[str] = ()) -> tuple[Placeholder, ...]:
    """The format specifiers of a message as placeholders (keyed by their own text)."""
    found: dict[int, Placeholder] = {}
    for pattern, space_flag in _families(flags):
        for match in pattern.finditer(text):
            shown = match.group()
            if shown in ("%%", "{{", "}}"):
                continue
            if not space_flag and " " in (match.groupdict().get("flags") or ""):
                continue
            if any(p.start < match.end() and match.start() < p.end for p in found.values()):
                continue
            found[match.start()] = Placeholder(match.start(), match.end(), shown, shown)
    return tuple(found[start] for start in sorted(found))
