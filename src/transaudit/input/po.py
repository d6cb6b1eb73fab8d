"""Gettext PO files → one Article (read with polib, MIT-licensed).

Each message is a segment (ids ``m01``, ``m02`` … in file order); ``msgctxt``,
flags and comments go into :attr:`Segment.meta`. The header entry and obsolete
(``#~``) entries are not audited. Untranslated messages are audited with an
empty target (TA220 says so); fuzzy ones are audited and marked
``meta["fuzzy"] = "yes"``: a fuzzy translation is a draft the editor still has
to approve, which is when a check helps.

Plural messages give one segment per ``msgstr[i]`` (``m03[0]``, ``m03[1]`` …):
form 0 pairs with ``msgid``, the others with ``msgid_plural``. The count
specifier (see :func:`_count`) is listed in ``meta["count"]`` when the language
has more than one form: by gettext convention the singular form ``msgstr[0]``
may write "one file" or "%d file", so the placeholder check lets the count be
there or not in form 0; every other form must show it.

Format specifiers (``%s``, ``%(name)s``, ``%1$d``, ``{name}``, ``{0}``, Qt's
``%1``) are placeholders, recognised by the entry's ``*-format`` flag when it has
one (see :func:`transaudit.input.placeholders.format_specifiers`).

Languages: the header's ``Language`` is the target; the source is
``X-Source-Language`` if the header has it. ``--source-lang``/``--target-lang``
win; what is still unknown is detected.
"""

from __future__ import annotations

import re
from pathlib import Path

from transaudit.errors import InputError
from transaudit.input.decoding import read_text
from transaudit.input.placeholders import format_specifiers
from transaudit.model import Segment

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=\s|\"|$)")
#: C escapes a PO string may hold (GNU gettext's lexer accepts these and no others).
_ESCAPES = set("ntrabfv\\\"'?01234567x")


def _string_problem(line: str, at: int) -> str | None:
    """What is wrong with the C-style quoted string starting at ``line[at]``, or None."""
    if at >= len(line) or line[at] != '"':
        return "not a quoted string"
    k = at + 1
    while k < len(line):
        char = line[k]
        if char == "\\":
            if k + 1 >= len(line):
                return "end-of-line within string"
            if line[k + 1] not in _ESCAPES:
                return f"invalid escape sequence \\{line[k + 1]} in string"
            k += 2
            continue
        if char == '"':
            if line[k + 1:].strip():
                return f"text after the closing quote: {line[k + 1:].strip()[:20]!r}"
            return None
        k += 1
    return "end-of-line within string"


def check_syntax(text: str, path: Path) -> None:
    """Refuse a PO file whose strings are not well-formed, as ``msgfmt`` does.

    polib is lenient: it reads ``msgstr "Hola mundo`` (no closing quote) as
    ``Hola mund`` and ``msgstr Hola`` as ``ol``, so a broken file would be
    audited as if it said something else. Every line must be blank, a comment
    (``#`` …), a keyword followed by one quoted string, or one quoted string
    continuing the previous keyword's.
    """
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            problem = _string_problem(line, 0)
            where = "continuation line"
        else:
            keyword = _KEYWORD.match(line)
            if keyword is None:
                word = line.split()[0][:20]
                raise InputError(str(path), f"not a readable PO file: expected a keyword (msgid, msgstr …) "
                                            f"or a quoted string, found {word!r}", number)
            where = keyword.group(1)
            problem = _string_problem(line, len(line) - len(line[keyword.end():].lstrip()))
            if problem == "not a quoted string":
                problem = f"{where} is not followed by a quoted string"
        if problem:
            if problem != f"{where} is not followed by a quoted string":
                problem = f"{where}: {problem}"
            raise InputError(str(path), f"not a readable PO file: {problem}", number)


def _segment(
    ident: str, source: str, target: str, flags: list[str], line: int, meta: dict[str, str]
) -> Segment:
    return Segment(
        id=ident, source=source, target=target, line=line,
        source_placeholders=format_specifiers(source, flags),
        target_placeholders=format_specifiers(target, flags), meta=meta,
    )


_INTEGER = re.compile(r"%(?:\(\w+\))?[^a-zA-Z%]*(?:hh|h|ll|l|L|q|j|z|t)?[diu]$")


def _count(msgid: str, msgid_plural: str, flags: list[str]) -> list[str]:
    """The count specifier(s) of a plural message, by rule:

    the specifiers of ``msgid_plural`` that ``msgid`` lacks ("One file" /
    "%d files"); else its integer conversions (``%d``, ``%(count)d``, ``%lu``);
    else its only specifier when it has exactly one (``{count} files``).
    """
    singular = {p.key for p in format_specifiers(msgid, flags)}
    plural = [p.key for p in format_specifiers(msgid_plural, flags)]
    lacking = [key for key in plural if key not in singular]
    if lacking:
        return lacking
    integers = [key for key in plural if _INTEGER.match(key)]
    if integers:
        return integers
    return plural if len(set(plural)) == 1 else []


def read_po(path: Path) -> tuple[list[Segment], str | None, str | None]:
    """(segments, source language, target language) of a PO or POT file."""
    import polib

    text = read_text(path)
    check_syntax(text, path)
    if "\n" not in text:
        text += "\n"  # polib takes a one-line string for a file name
    try:
        catalog = polib.pofile(text, check_for_duplicates=True, wrapwidth=0)
    except (OSError, ValueError) as error:
        message = str(error)
        line = None
        if "(line " in message:
            try:
                line = int(message.rsplit("(line ", 1)[1].rstrip(")"))
            except ValueError:
                line = None
            message = message.split(" (line ")[0]
        if "already exists" in message:
            message = f"duplicate message: {message}"
        raise InputError(str(path), f"not a readable PO file: {message}", line) from None
    entries = [e for e in catalog if not e.obsolete and not (e.msgid == "" and not e.msgctxt)]
    width = max(2, len(str(len(entries))))
    segments: list[Segment] = []
    for number, entry in enumerate(entries, start=1):
        ident = f"m{number:0{width}d}"
        meta: dict[str, str] = {}
        if entry.msgctxt:
            meta["context"] = entry.msgctxt
        if entry.fuzzy:
            meta["fuzzy"] = "yes"
        if entry.flags:
            meta["flags"] = ", ".join(entry.flags)
        if entry.comment:
            meta["note"] = entry.comment
        if entry.tcomment:
            meta["translator_comment"] = entry.tcomment
        if entry.msgid_plural:
            count = _count(entry.msgid, entry.msgid_plural, entry.flags)
            forms = entry.msgstr_plural or {0: "", 1: ""}
            for form in sorted(forms):
                form_meta = {**meta, "plural": str(form)}
                if count and len(forms) > 1:
                    form_meta["count"] = "\n".join(count)
                source = entry.msgid if form == 0 else entry.msgid_plural
                segments.append(_segment(f"{ident}[{form}]", source, forms[form], entry.flags, entry.linenum,
                                         form_meta))
        else:
            segments.append(_segment(ident, entry.msgid, entry.msgstr, entry.flags, entry.linenum, meta))
    metadata = catalog.metadata
    target = (metadata.get("Language") or "").strip() or None
    source = (metadata.get("X-Source-Language") or "").strip() or None
    return segments, source, target
