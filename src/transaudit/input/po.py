"""Gettext PO files → one Article (read with polib, MIT-licensed).

Each message is a segment (ids ``m01``, ``m02`` … in file order); ``msgctxt``,
flags and comments go into :attr:`Segment.meta`. The header entry and obsolete
(``#~``) entries are not audited. Untranslated messages are audited with an
empty target (TA220 says so); fuzzy ones are audited and marked
``meta["fuzzy"] = "yes"``: a fuzzy translation is a draft the editor still has
to approve, which is when a check helps.

Plural messages give one segment per ``msgstr[i]`` (``m03[0]``, ``m03[1]`` …):
form 0 pairs with ``msgid``, the others with ``msgid_plural``. The count
specifier (a placeholder of ``msgid_plural`` that ``msgid`` lacks, such as
``%d``) may be present or absent in any form — languages write "one file" and
"%d files" differently — so the placeholder check lets it be; the reader lists
it in ``meta["count"]``.

Format specifiers (``%s``, ``%(name)s``, ``%1$d``, ``{name}``, ``{0}``, Qt's
``%1``) are placeholders, recognised by the entry's ``*-format`` flag when it has
one (see :func:`transaudit.input.placeholders.format_specifiers`).

Languages: the header's ``Language`` is the target; the source is
``X-Source-Language`` if the header has it. ``--source-lang``/``--target-lang``
win; what is still unknown is detected.
"""

from __future__ import annotations

from pathlib import Path

from transaudit.errors import InputError
from transaudit.input.decoding import read_text
from transaudit.input.placeholders import format_specifiers
from transaudit.model import Segment


def _segment(
    ident: str, source: str, target: str, flags: list[str], line: int, meta: dict[str, str]
) -> Segment:
    return Segment(
        id=ident, source=source, target=target, line=line,
        source_placeholders=format_specifiers(source, flags),
        target_placeholders=format_specifiers(target, flags), meta=meta,
    )


def read_po(path: Path) -> tuple[list[Segment], str | None, str | None]:
    """(segments, source language, target language) of a PO or POT file."""
    import polib

    text = read_text(path)
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
            singular = {p.key for p in format_specifiers(entry.msgid, entry.flags)}
            plural = format_specifiers(entry.msgid_plural, entry.flags)
            count = [p.key for p in plural if p.key not in singular]
            forms = entry.msgstr_plural or {0: "", 1: ""}
            for form in sorted(forms):
                form_meta = {**meta, "plural": str(form)}
                if count:
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
