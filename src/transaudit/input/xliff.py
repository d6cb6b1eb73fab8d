"""XLIFF 1.2 and XLIFF 2.x (2.0, 2.1, 2.2) files → one Article per ``<file>``.

XLIFF is what CAT tools and translation management systems exchange. A 1.2
``<trans-unit>`` is one segment (its ``<source>`` and ``<target>``); a 2.x
``<unit>`` holds one or more ``<segment>`` elements, each a segment (ids
``unit`` or ``unit/segment`` when a unit has several). ``<ignorable>`` content,
units marked ``translate="no"`` (or inside a group or file marked so) and
``<alt-trans>``/``<matches>`` candidates are not audited. A 1.2 unit segmented
in ``<seg-source>`` (as Trados, memoQ and Okapi write it) gives one segment per
``<mrk mtype="seg">``, paired with the target's by ``mid`` (ids ``unit/mid``
when a unit has several). ``state``,
``approved`` and notes go into :attr:`Segment.meta`.

Inline markup becomes placeholders (see :mod:`transaudit.input.placeholders`),
shown by element name and id: ``<g1>`` … ``</g1>`` and ``<pc1>`` … ``</pc1>``
around their (translatable) content, ``<x2/>``, ``<ph3/>``, ``<bpt4/>``,
``<ept4/>``, ``<sc5/>``, ``<ec5/>`` for codes. Annotations (1.2 ``<mrk>``, 2.x
``<mrk>``, ``<sm/>``/``<em/>``) are transparent: they add no text. The marks
``--format xliff`` wrote (:func:`strip_own_marks`) are removed on loading, so
an annotated file reads back as the same segments and a re-audit marks only
the current issues. 2.x ``<cp>`` is the character it stands for.

The same walk over an element's content (:func:`pieces`) serves the reader and
the annotating writer (:mod:`transaudit.report.xliff_report`), so the offsets
an issue carries always point at the same place in the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from transaudit.errors import InputError
from transaudit.input.placeholders import TextBuilder
from transaudit.input.xmlsafe import local_name, namespace, parse_file
from transaudit.model import Segment

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_2 = ("urn:oasis:names:tc:xliff:document:2.0", "urn:oasis:names:tc:xliff:document:2.1",
        "urn:oasis:names:tc:xliff:document:2.2")
ITS_NS = "http://www.w3.org/2005/11/its"
#: XLIFF 2 Metadata module: where transaudit keeps what its own XLIFF must give back
#: (the article id, a segment's metadata), in ``<mda:metaGroup category="transaudit">``.
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
META_CATEGORY = "transaudit"
ARTICLE_META = "article"
#: A unit's segment id when it is not a valid XLIFF 2 id (an NMTOKEN): a PO plural
#: ``m02[0]`` becomes unit ``m02_0_`` holding its own id here, so it reads back as written.
SEGMENT_ID_META = "segment-id"
_NOT_NMTOKEN = re.compile(r"[^\w.:-]")


def nmtoken(ident: str) -> str:
    """``ident`` as an XML NMTOKEN (XLIFF 2 ids): every other character becomes ``_``."""
    return _NOT_NMTOKEN.sub("_", ident) or "_"

#: Elements whose content is translatable text between an opening and a closing code.
_PAIRED = {"g", "pc", "hi"}
#: Annotation elements: no text of their own, transparent to the reader.
_ANNOTATIONS = {"mrk"}
_MARKERS = {"sm", "em"}
_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')


@dataclass
class Piece:
    """One step of an element's content: text, a code, the edge of a paired code, a marker."""

    kind: str  # "text" | "code" | "open" | "close" | "marker" | "char"
    node: etree._Element
    shown: str
    #: For text: whether it is ``node.text`` or ``node.tail``.
    attr: str = ""
    key: str = ""
    markup: str = ""


def write_meta(holder: etree._Element, values: dict[str, str]) -> None:
    """``<mda:metadata>`` with one ``<mda:meta>`` per value, as ``holder``'s first child."""
    metadata = etree.Element(f"{{{MDA_NS}}}metadata")
    group = etree.SubElement(metadata, f"{{{MDA_NS}}}metaGroup", {"category": META_CATEGORY})
    for key, value in values.items():
        etree.SubElement(group, f"{{{MDA_NS}}}meta", {"type": key}).text = value
    holder.insert(0, metadata)


def read_meta(holder: etree._Element) -> dict[str, str]:
    """The values :func:`write_meta` put into ``holder`` (its own ``<mda:metadata>`` only)."""
    found: dict[str, str] = {}
    for metadata in holder:
        if metadata.tag != f"{{{MDA_NS}}}metadata":
            continue
        for group in metadata:
            if group.tag == f"{{{MDA_NS}}}metaGroup" and group.get("category") == META_CATEGORY:
                for meta in group:
                    if meta.tag == f"{{{MDA_NS}}}meta" and meta.get("type"):
                        found[meta.get("type", "")] = meta.text or ""
    return found


def _code_id(element: etree._Element) -> str:
    for attribute in ("id", "startRef", "i", "x", "rid"):
        value = element.get(attribute)
        if value:
            return value
    return ""


def _start_tag(element: etree._Element) -> str:
    attributes = "".join(f' {local_name(k)}="{v}"' for k, v in element.attrib.items())
    return f"<{local_name(element.tag)}{attributes}>"


def _markup(element: etree._Element) -> str:
    return _XMLNS.sub("", etree.tostring(element, with_tail=False, encoding="unicode"))


def pieces(element: etree._Element, by_content: bool = False) -> list[Piece]:
    """The content of a ``<source>``/``<target>``/``<seg>`` element in document order.

    A code's key is its element name and id (XLIFF: ids match across source and
    target), or with ``by_content`` its native code when it has some (TMX: ``i``
    and ``x`` numbering is per ``<tuv>`` in practice, the native code is not).
    """
    found: list[Piece] = []
    if element.text:
        found.append(Piece("text", element, element.text, "text"))
    for child in element:
        name = local_name(child.tag)
        if not name:  # a comment or processing instruction: no text
            pass
        elif name in _PAIRED:
            ident = _code_id(child)
            key = f"{name}:{ident or _start_tag(child)}"
            found.append(Piece("open", child, f"<{name}{ident}>", key=key + ">", markup=_start_tag(child)))
            found.extend(pieces(child, by_content))
            found.append(Piece("close", child, f"</{name}{ident}>", key="/" + key, markup=f"</{name}>"))
        elif name in _ANNOTATIONS:
            found.append(Piece("open", child, ""))
            found.extend(pieces(child, by_content))
            found.append(Piece("close", child, ""))
        elif name in _MARKERS:
            found.append(Piece("marker", child, ""))
        elif name == "cp":
            try:
                char = chr(int(child.get("hex") or "", 16))
            except (ValueError, OverflowError):
                char = "\ufffd"
            found.append(Piece("char", child, char))
        else:
            ident = _code_id(child)
            markup = _markup(child)
            native = "".join(child.itertext())
            key = f"{name}:{native}" if (by_content and native) or not ident else f"{name}:{ident}"
            # An XLIFF 2 code shows as its display text when it has one (what a CAT tool shows).
            disp = child.get("disp") if namespace(child.tag) in NS_2 else None
            found.append(Piece("code", child, disp or f"<{name}{ident}/>", key=key, markup=markup))
        if child.tail:
            found.append(Piece("text", child, child.tail, "tail"))
    return found


def side_text(element: etree._Element | None, by_content: bool = False) -> tuple[str, tuple, int]:
    """(text, placeholders, leading characters stripped) of a source/target element."""
    builder = TextBuilder()
    if element is not None:
        for piece in pieces(element, by_content):
            if piece.kind in ("text", "char", "marker") or not piece.key:
                builder.text(piece.shown)
            else:
                builder.placeholder(piece.shown, piece.key, piece.markup)
    return builder.result()


@dataclass
class Unit:
    """Where one segment lives in the tree."""

    id: str
    line: int | None
    source: etree._Element
    target: etree._Element | None
    #: The element a new ``<target>`` goes into (after ``source``).
    holder: etree._Element
    meta: dict[str, str] = field(default_factory=dict)
    #: XLIFF 1.2 ``<seg-source>`` segmentation: the ``mid`` of this segment's
    #: ``<mrk mtype="seg">`` (``source``/``target`` are then those markers).
    mid: str | None = None


def _seg_markers(element: etree._Element | None) -> dict[str, etree._Element]:
    """``<mrk mtype="seg" mid="…">`` elements below an element, by ``mid``."""
    if element is None:
        return {}
    return {
        mark.get("mid") or "": mark
        for mark in element.iter()
        if local_name(mark.tag) == "mrk" and mark.get("mtype") == "seg"
    }


@dataclass
class Document:
    """One ``<file>`` of an XLIFF file."""

    element: etree._Element
    index: int
    label: str
    source_lang: str | None
    target_lang: str | None
    units: list[Unit]
    #: The article id transaudit's own XLIFF report recorded (see :func:`write_meta`).
    article_id: str | None = None


@dataclass
class Xliff:
    root: etree._Element
    version: str  # "1.2" or "2.x"
    documents: list[Document]

    @property
    def format(self) -> str:
        return "xliff-1.2" if self.version == "1.2" else "xliff-2.0"


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child.tag) == name]


def _first(element: etree._Element, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _translatable(element: etree._Element) -> bool:
    """``translate="no"`` on the element or the nearest ancestor that says."""
    node: etree._Element | None = element
    while node is not None:
        value = node.get("translate")
        if value is not None:
            return value.strip().lower() != "no"
        node = node.getparent()
    return True


def notes(elements: list[etree._Element]) -> str:
    """Notes joined with `` | ``, whitespace collapsed."""
    texts = (" ".join("".join(e.itertext()).split()) for e in elements)
    return " | ".join(text for text in texts if text)


def _units_12(file: etree._Element) -> list[Unit]:
    units = []
    for unit in file.iter():
        if local_name(unit.tag) != "trans-unit" or not _translatable(unit):
            continue
        source = _first(unit, "source")
        if source is None:
            raise InputError("", f"trans-unit {unit.get('id')!r} has no <source>", unit.sourceline)
        target = _first(unit, "target")
        meta = {}
        if target is not None and target.get("state"):
            meta["state"] = target.get("state", "")
        if unit.get("approved"):
            meta["approved"] = unit.get("approved", "")
        note = notes(_children(unit, "note"))
        if note:
            meta["note"] = note
        if unit.get("resname"):
            meta["resname"] = unit.get("resname", "")
        unit_id = unit.get("id") or ""
        segmented = _seg_markers(_first(unit, "seg-source"))
        if not segmented:
            units.append(Unit(unit_id, unit.sourceline, source, target, unit, meta))
            continue
        # CAT tools (Trados SDLXLIFF, memoQ, Okapi) segment a unit in <seg-source>:
        # each <mrk mtype="seg"> is a segment, paired with the target's by mid.
        targets = _seg_markers(target)
        for mid, mark in segmented.items():
            ident = unit_id if len(segmented) == 1 else f"{unit_id}/{mid}"
            units.append(Unit(ident, mark.sourceline, mark, targets.get(mid), unit, dict(meta), mid))
    return units


def _units_2(file: etree._Element) -> list[Unit]:
    units = []
    for unit in file.iter():
        if local_name(unit.tag) != "unit" or not _translatable(unit):
            continue
        segments = _children(unit, "segment")
        notes_holder = _first(unit, "notes")
        note = notes(_children(notes_holder, "note")) if notes_holder is not None else ""
        unit_id = unit.get("id") or ""
        for number, segment in enumerate(segments, start=1):
            if not _translatable(segment):
                continue
            source = _first(segment, "source")
            if source is None:
                raise InputError("", f"segment of unit {unit_id!r} has no <source>", segment.sourceline)
            meta = read_meta(unit)
            own_id = meta.get(SEGMENT_ID_META) or unit_id  # a segment id that is no NMTOKEN
            ident = own_id if len(segments) == 1 else f"{own_id}/{segment.get('id') or number}"
            meta.update({key: segment.get(key, "") for key in ("state", "subState") if segment.get(key)})
            if note:
                meta["note"] = note
            if unit.get("name"):
                meta["name"] = unit.get("name", "")
            units.append(Unit(ident, segment.sourceline, source, _first(segment, "target"), segment, meta))
    return units


#: The id (2.x ``<sm>``/``<em startRef>``, 1.2 ``<mrk mid>``) of every mark transaudit writes.
OWN_MARK_PREFIX = "transaudit-lqi-"
_OWN_COMMENT = re.compile(r"TA\d{3} [\w-]+: ")


def _own_mark(element: etree._Element) -> bool:
    """Whether an element is an ITS quality mark that ``--format xliff`` wrote.

    By its id (``transaudit-lqi-N``), or for a 1.2 ``<mrk mtype="x-its">``
    written before marks had one, by its comment ("TA230 placeholder-mismatch: …").
    """
    name = local_name(element.tag)
    if name == "sm":
        return (element.get("id") or "").startswith(OWN_MARK_PREFIX)
    if name == "em":
        return (element.get("startRef") or "").startswith(OWN_MARK_PREFIX)
    if name != "mrk":
        return False
    if (element.get("mid") or "").startswith(OWN_MARK_PREFIX):
        return True
    comment = element.get(f"{{{ITS_NS}}}locQualityIssueComment") or ""
    return element.get("mtype") == "x-its" and bool(_OWN_COMMENT.match(comment))


def _append_text(parent: etree._Element, previous: etree._Element | None, text: str) -> None:
    if not text:
        return
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def strip_own_marks(root: etree._Element) -> int:
    """Unwrap every mark transaudit wrote earlier (their content and text stay); how many.

    A file annotated by ``--format xliff`` is the same file to read again, and
    re-auditing it marks the current issues only: no stacked marks, no stale
    mark of an issue since fixed, no duplicate ``<sm>`` ids.
    """
    found = [element for element in root.iter() if isinstance(element.tag, str) and _own_mark(element)]
    for element in reversed(found):  # innermost first
        parent = element.getparent()
        if parent is None:
            continue
        text, tail = element.text or "", element.tail or ""
        element.text = element.tail = None
        _append_text(parent, element.getprevious(), text)
        for child in list(element):
            element.addprevious(child)
        _append_text(parent, element.getprevious(), tail)
        parent.remove(element)
    return len(found)


def _label(file: etree._Element, index: int) -> str:
    original = file.get("original") or ""
    name = Path(original.replace("\\", "/")).stem if original else ""
    return name or file.get("id") or str(index + 1)


def load(path: Path) -> Xliff:
    """Parse an XLIFF file into its documents and units (no text extraction yet)."""
    root = parse_file(path, "XLIFF")
    if local_name(root.tag) != "xliff":
        name = local_name(root.tag)
        raise InputError(str(path), f"not XLIFF: the root element is <{name}>", root.sourceline)
    strip_own_marks(root)
    ns = namespace(root.tag)
    version = (root.get("version") or "").strip()
    if ns in NS_2 or version.startswith("2"):
        version = "2.x"
    elif ns in (NS_12, "") and version.startswith("1."):
        version = "1.2"
    else:
        raise InputError(str(path), f"unsupported XLIFF version {version or '(none)'} (1.2 and 2.x are read)")
    documents = []
    labels: set[str] = set()
    for index, file in enumerate(_children(root, "file")):
        try:
            units = _units_12(file) if version == "1.2" else _units_2(file)
        except InputError as error:
            raise InputError(str(path), error.problem, error.line) from None
        if version == "1.2":
            source_lang, target_lang = file.get("source-language"), file.get("target-language")
        else:
            source_lang, target_lang = root.get("srcLang"), root.get("trgLang")
        label = _label(file, index)
        if label in labels:
            label = f"{label}-{index + 1}"
        labels.add(label)
        article_id = read_meta(file).get(ARTICLE_META) if version == "2.x" else None
        documents.append(Document(file, index, label, source_lang, target_lang, units, article_id or None))
    if not documents:
        raise InputError(str(path), "no <file> element in this XLIFF file", root.sourceline)
    return Xliff(root, version, documents)


def segments(document: Document, path: Path) -> list[Segment]:
    """The document's segments, with placeholders and metadata."""
    found = []
    for unit in document.units:
        source, source_placeholders, _ = side_text(unit.source)
        target, target_placeholders, _ = side_text(unit.target)
        if not unit.id:
            raise InputError(str(path), "a unit without an id", unit.line)
        meta = {key: value for key, value in unit.meta.items() if key != SEGMENT_ID_META}
        found.append(
            Segment(
                id=unit.id, source=source, target=target, line=unit.line,
                source_placeholders=source_placeholders, target_placeholders=target_placeholders,
                meta=meta,
            )
        )
    return found
