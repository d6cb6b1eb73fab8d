"""The XLIFF report: the findings written into the file, as ITS 2.0 quality marks.

An editor's CAT tool shows ITS Localization Quality Issue markup where the
problem is, so this report puts each issue into the XLIFF itself:

- XLIFF 1.2 input: the same file, each issue a ``<mrk mtype="x-its">`` around
  its span (W3C ITS–XLIFF 1.2 mapping). 1.2 markers must nest, so a span that
  starts inside a ``<g>`` and ends outside it is widened to the whole ``<g>``.
- XLIFF 2.x input: the same file, each issue an ``<sm type="its:any"/>`` …
  ``<em startRef/>`` pair (XLIFF 2.1 ITS module); these may cross inline codes,
  so spans are kept exactly.
- Any other input (TSV, JSONL, folders, TMX, PO): an XLIFF 2.1 file of its own,
  one ``<unit>`` per segment (unit id = segment id, ``xml:space="preserve"``; an id
  that is no XML NMTOKEN, such as a PO plural ``m02[0]``, becomes ``m02_0_`` with the
  segment id kept in its metadata),
  annotated the same way. Placeholders (TMX codes, PO format specifiers) are
  inline codes there — ``<ph>``, or ``<sc>``/``<ec>`` for a paired code — with
  ``disp`` as the segment showed them; the article id and each segment's
  metadata go into Metadata-module ``<mda:meta>`` elements. Reading the file
  back gives the same article id, segment text, placeholder spans and metadata.

Each mark carries ``its:locQualityIssueType`` (from the MQM category, table
below), ``its:locQualityIssueComment`` (code, check name, message, suggestion)
and ``its:locQualityIssueSeverity`` (minor 25, major 60, critical 100 on ITS's
0–100 scale). The ``<file>`` gets the article score as
``its:locQualityRatingScore`` and the threshold as
``its:locQualityRatingScoreThreshold`` (both clamped to ITS's 0–100; the JSON
report keeps the unclamped score). A waived issue is marked too, with
``its:locQualityIssueEnabled="no"`` and the waiver's reason in the comment. For an
XLIFF file with several ``<file>`` elements, each article's report holds its own
``<file>`` only.

Markers add no text, and the XLIFF reader treats them as transparent, so
reading the report back gives the same segments as the input. Every mark has
an id starting ``transaudit-lqi-`` (1.2 ``mid``, 2.x ``<sm id>``): loading an
annotated file removes them (:func:`transaudit.input.xliff.strip_own_marks`),
so auditing it again writes the current issues only.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lxml import etree

from transaudit.input import xliff
from transaudit.input.placeholders import pairs
from transaudit.input.xmlsafe import local_name
from transaudit.model import Issue, Placeholder, Segment
from transaudit.result import ArticleResult

ITS = xliff.ITS_NS
XLIFF_2 = xliff.NS_2[0]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: MQM category (top level, or full path where the subcategory decides) → ITS 2.0 issue type.
ITS_TYPES = {
    "Accuracy/Mistranslation": "mistranslation",
    "Accuracy/Omission": "omission",
    "Accuracy/Addition": "addition",
    "Accuracy/Untranslated": "untranslated",
    "Fluency/Grammar": "grammar",
    "Fluency/Spelling": "misspelling",
    "Fluency/Punctuation": "typographical",
    "Fluency/Capitalization": "typographical",
    "Fluency/Repetition": "duplication",
    "Fluency/Whitespace": "whitespace",
    "Locale convention/Number format": "numbers",
    "Locale convention": "locale-violation",
    "Terminology": "terminology",
    "Style": "style",
    "Accuracy": "mistranslation",
    "Fluency": "other",
}
SEVERITY = {"minor": 25, "major": 60, "critical": 100}


def its_type(category: str) -> str:
    """The ITS issue type for an MQM category path (``other`` when nothing fits)."""
    if category in ITS_TYPES:
        return ITS_TYPES[category]
    return ITS_TYPES.get(category.split("/", 1)[0], "other")


def _comment(issue: Issue) -> str:
    comment = f"{issue.code} {issue.name}: {issue.message}"
    if issue.suggestion:
        comment += f" (suggestion: {issue.suggestion})"
    return comment


def _its_attributes(issue: Issue, waived: dict[int, str]) -> dict[str, str]:
    attributes = {
        f"{{{ITS}}}locQualityIssueType": its_type(issue.category),
        f"{{{ITS}}}locQualityIssueComment": _comment(issue),
        f"{{{ITS}}}locQualityIssueSeverity": str(SEVERITY.get(issue.severity.value, 50)),
    }
    if id(issue) in waived:  # ITS's own word for a dismissed issue
        attributes[f"{{{ITS}}}locQualityIssueEnabled"] = "no"
        reason = waived[id(issue)]
        attributes[f"{{{ITS}}}locQualityIssueComment"] += f" [waived{': ' + reason if reason else ''}]"
    return attributes


def _rating(value: float) -> str:
    return f"{min(100.0, max(0.0, value)):g}"


# ---------------------------------------------------------------- positions in a tree


def _offsets(element: etree._Element) -> list[tuple[xliff.Piece, int, int]]:
    found, at = [], 0
    for piece in xliff.pieces(element):
        found.append((piece, at, at + len(piece.shown)))
        at += len(piece.shown)
    return found


def _snap(element: etree._Element, k: int, edge: str) -> int:
    """Move an offset that falls inside a code (or a ``<cp>``) to the code's edge."""
    for piece, start, end in _offsets(element):
        if piece.kind in ("code", "open", "close", "char") and start < k < end:
            return start if edge == "start" else end
    return k


def _insert_after(node: etree._Element, new: etree._Element) -> None:
    parent = node.getparent()
    parent.insert(parent.index(node) + 1, new)
    new.tail, node.tail = node.tail, None


def _insert_before(node: etree._Element, new: etree._Element) -> None:
    node.getparent().insert(node.getparent().index(node), new)


def _place(element: etree._Element, k: int, new: etree._Element, edge: str) -> None:
    """Put an empty element at display offset ``k`` of ``element``'s content.

    At a boundary between two pieces, a start marker goes to the beginning of
    what follows and an end marker to the end of what precedes, so a mark holds
    exactly its span.
    """
    pieces = _offsets(element)
    texts = [(p, s, e) for p, s, e in pieces if p.kind == "text" and s <= k <= e]
    if texts:
        if edge == "start":
            piece, start, _ = next(((p, s, e) for p, s, e in texts if k < e), texts[-1])
        else:
            piece, start, _ = next(((p, s, e) for p, s, e in reversed(texts) if k > s), texts[0])
        cut = k - start
        if piece.attr == "text":
            holder = piece.node
            holder.insert(0, new)
            new.tail, holder.text = holder.text[cut:] or None, holder.text[:cut] or None
        else:
            node = piece.node
            _insert_after(node, new)
            new.tail, node.tail = (new.tail or "")[cut:] or None, (new.tail or "")[:cut] or None
        return
    if edge == "start":
        following = [(p, s, e) for p, s, e in pieces if s >= k and p.kind != "text"]
        if following:
            piece = following[0][0]
            if piece.kind == "close":
                piece.node.append(new)
            else:
                _insert_before(piece.node, new)
            return
        element.append(new)
        return
    preceding = [(p, s, e) for p, s, e in pieces if e <= k and p.kind != "text"]
    if preceding:
        piece = preceding[-1][0]
        if piece.kind == "open":
            piece.node.insert(0, new)
            new.tail, piece.node.text = piece.node.text, None
        else:
            _insert_after(piece.node, new)
        return
    element.insert(0, new)
    new.tail, element.text = element.text, None


def _detach(node: etree._Element) -> None:
    """Remove an element, keeping its tail text where it was."""
    parent = node.getparent()
    previous = node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    node.tail = None
    parent.remove(node)


def _wrap(element: etree._Element, start: int, end: int, mark: etree._Element) -> None:
    """Wrap [start, end) in ``mark`` (XLIFF 1.2 ``<mrk>``), widened until it nests properly."""
    begin = etree.Element("{urn:transaudit:tmp}sm")
    finish = etree.Element("{urn:transaudit:tmp}em")
    _place(element, start, begin, "start")
    if end == start:
        _insert_after(begin, finish)
    else:
        _place(element, end, finish, "end")
    begin_chain = [begin, *begin.iterancestors()]
    finish_ancestors = {id(n) for n in finish.iterancestors()}
    common = next(n for n in begin_chain[1:] if id(n) in finish_ancestors)
    for marker, edge in ((begin, "start"), (finish, "end")):
        if marker.getparent() is common:
            continue
        outer = next(n for n in marker.iterancestors() if n.getparent() is common)
        _detach(marker)
        if edge == "start":
            _insert_before(outer, marker)
        else:
            _insert_after(outer, marker)
    mark.text, begin.tail = begin.tail, None
    node = begin.getnext()
    while node is not finish:
        following = node.getnext()
        mark.append(node)
        node = following
    mark.tail, finish.tail = finish.tail, None
    index = common.index(begin)
    common.remove(begin)
    common.remove(finish)
    common.insert(index, mark)


# ---------------------------------------------------------------- annotating


def _annotate(
    element: etree._Element, issues: list[Issue], version: str, counter: list[int], waived: dict[int, str]
) -> None:
    lead = xliff.side_text(element)[2]
    # Longest first: a wider 1.2 mark is placed before the ones it may contain.
    for issue in sorted(issues, key=lambda i: (i.start, -(i.end - i.start))):
        start = _snap(element, issue.start + lead, "start")
        end = max(start, _snap(element, issue.end + lead, "end"))
        counter[0] += 1
        if version == "1.2":
            mark = etree.Element(f"{{{xliff.NS_12}}}mrk" if element.tag.startswith("{") else "mrk")
            mark.set("mtype", "x-its")
            mark.set("mid", f"{xliff.OWN_MARK_PREFIX}{counter[0]}")
            for key, value in _its_attributes(issue, waived).items():
                mark.set(key, value)
            _wrap(element, start, end, mark)
            continue
        ns = element.tag[1:].split("}", 1)[0] if element.tag.startswith("{") else XLIFF_2
        ident = f"{xliff.OWN_MARK_PREFIX}{counter[0]}"
        begin = etree.Element(f"{{{ns}}}sm", {"id": ident, "type": "its:any"})
        for key, value in _its_attributes(issue, waived).items():
            begin.set(key, value)
        finish = etree.Element(f"{{{ns}}}em", {"startRef": ident})
        _place(element, start, begin, "start")
        if end == start:
            _insert_after(begin, finish)
        else:
            _place(element, end, finish, "end")


def _new_target(unit: xliff.Unit, version: str) -> etree._Element:
    """An empty ``<target>`` after ``<source>`` (or 1.2 ``<seg-source>``) for marks on a missing target.

    For a ``<seg-source>`` segment, an empty ``<mrk mtype="seg">`` with its ``mid``
    inside the unit's ``<target>`` (made too if there is none).
    """
    ns = unit.source.tag[1:].split("}", 1)[0] if unit.source.tag.startswith("{") else None
    if unit.mid is not None:
        holder = next((c for c in unit.holder if local_name(c.tag) == "target"), None)
        if holder is None:
            holder = _new_target(xliff.Unit(unit.id, None, _source_of(unit), None, unit.holder), version)
        mark = etree.SubElement(holder, f"{{{ns}}}mrk" if ns else "mrk", {"mtype": "seg", "mid": unit.mid})
        unit.target = mark
        return mark
    target = etree.Element(f"{{{ns}}}target" if ns else "target")
    anchor = unit.source
    if version == "1.2":
        seg_source = next((c for c in unit.holder if local_name(c.tag) == "seg-source"), None)
        anchor = seg_source if seg_source is not None else anchor
    _insert_after(anchor, target)
    target.tail, anchor.tail = anchor.tail, target.tail
    unit.target = target
    return target


def _source_of(unit: xliff.Unit) -> etree._Element:
    return next(c for c in unit.holder if local_name(c.tag) == "source")


def _annotate_units(units: list[xliff.Unit], result: ArticleResult, version: str) -> None:
    """Mark every issue, and every waived one with ``its:locQualityIssueEnabled="no"``."""
    waived = {id(w.issue): w.waiver.reason or "" for w in result.waived}
    issues = [*result.issues, *(w.issue for w in result.waived)]
    by_side: dict[tuple[str, str], list[Issue]] = defaultdict(list)
    for issue in issues:
        by_side[(issue.segment, issue.side)].append(issue)
    counter = [0]
    for unit in units:
        for side in ("source", "target"):
            found = by_side.get((unit.id, side))
            if not found:
                continue
            element = unit.source if side == "source" else unit.target
            if element is None:
                element = _new_target(unit, version)
            _annotate(element, found, version, counter, waived)


def _serialize(root: etree._Element) -> str:
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"


def _with_its_prefix(root: etree._Element) -> etree._Element:
    """The root, re-made with ``xmlns:its`` declared (lxml cannot add a prefix to an element)."""
    if ITS in root.nsmap.values():
        return root
    new = etree.Element(root.tag, dict(root.attrib), nsmap={**root.nsmap, "its": ITS})
    new.text, new.tail = root.text, root.tail
    for child in list(root):
        new.append(child)
    for before in (True, False):  # comments and processing instructions around the root stay
        sibling = root.getprevious() if before else root.getnext()
        while sibling is not None:
            following = sibling.getprevious() if before else sibling.getnext()
            (new.addprevious if before else new.addnext)(sibling)
            sibling = following
    return new


def _annotated_input(result: ArticleResult) -> str:
    article = result.article
    loaded = xliff.load(Path(article.path))
    loaded.root = _with_its_prefix(loaded.root)
    document = loaded.documents[article.part or 0]
    for other in loaded.documents:
        if other is not document:
            previous = other.element.getprevious()
            if previous is not None:
                previous.tail = other.element.tail
            loaded.root.remove(other.element)
    if loaded.version == "1.2":
        loaded.root.set(f"{{{ITS}}}version", "2.0")
    document.element.set(f"{{{ITS}}}locQualityRatingScore", _rating(result.score))
    document.element.set(f"{{{ITS}}}locQualityRatingScoreThreshold", _rating(result.threshold))
    _annotate_units(document.units, result, loaded.version)
    return _serialize(loaded.root)


def _fill_side(
    element: etree._Element, text: str, placeholders: tuple[Placeholder, ...], ids: dict[tuple[str, int], str]
) -> None:
    """A side's text into ``element``, each placeholder an XLIFF 2.1 inline code.

    A standalone code or format specifier is ``<ph>``; the halves of a paired
    code (:func:`transaudit.input.placeholders.pairs`) are ``<sc>``/``<ec>``.
    ``disp`` holds the placeholder as the segment showed it (the XLIFF reader
    shows a code by its ``disp``, so reading back gives the same text), and the
    ids are shared with the other side by key and occurrence (``ids``), so the
    same code on both sides is the same code for TA230.
    """
    halves = pairs(placeholders)
    closing = {end: start for start, end in halves.items()}
    seen: dict[str, int] = defaultdict(int)
    own: dict[int, str] = {}
    last: etree._Element | None = None
    at = 0

    def add_text(value: str) -> None:
        if not value:
            return
        if last is None:
            element.text = (element.text or "") + value
        else:
            last.tail = (last.tail or "") + value

    for index, placeholder in enumerate(placeholders):
        add_text(text[at:placeholder.start])
        shown = text[placeholder.start:placeholder.end]
        occurrence = seen[placeholder.key]
        seen[placeholder.key] += 1
        ident = ids.setdefault((placeholder.key, occurrence), str(len(ids) + 1))
        own[index] = ident
        ns = f"{{{XLIFF_2}}}"
        if index in halves:
            last = etree.SubElement(element, ns + "sc", {"id": ident, "disp": shown})
        elif index in closing:
            last = etree.SubElement(element, ns + "ec", {"startRef": own[closing[index]], "disp": shown})
        else:
            last = etree.SubElement(element, ns + "ph", {"id": ident, "disp": shown})
        at = placeholder.end
    add_text(text[at:])


def _segment_units(file: etree._Element, segments: list[Segment]) -> list[xliff.Unit]:
    """One ``<unit>`` per segment, ``<source>``/``<target>`` left empty (see :func:`_fill_units`)."""
    units = []
    taken = {segment.id for segment in segments}
    for segment in segments:
        unit_id, meta = segment.id, dict(segment.meta)
        if xliff.nmtoken(segment.id) != segment.id:  # e.g. a PO plural "m02[0]"
            unit_id = xliff.nmtoken(segment.id)
            while unit_id in taken:
                unit_id += "_"
            taken.add(unit_id)
            meta[xliff.SEGMENT_ID_META] = segment.id
        unit = etree.SubElement(file, f"{{{XLIFF_2}}}unit", {"id": unit_id})
        if meta:
            xliff.write_meta(unit, meta)
        holder = etree.SubElement(unit, f"{{{XLIFF_2}}}segment")
        source = etree.SubElement(holder, f"{{{XLIFF_2}}}source")
        target = etree.SubElement(holder, f"{{{XLIFF_2}}}target")
        units.append(xliff.Unit(segment.id, None, source, target, holder))
    return units


def _fill_units(units: list[xliff.Unit], segments: list[Segment]) -> None:
    for unit, segment in zip(units, segments, strict=True):
        ids: dict[tuple[str, int], str] = {}
        _fill_side(unit.source, segment.source, segment.source_placeholders, ids)
        assert unit.target is not None
        _fill_side(unit.target, segment.target, segment.target_placeholders, ids)


def _new_document(result: ArticleResult) -> str:
    article = result.article
    root = etree.Element(
        f"{{{XLIFF_2}}}xliff",
        {"version": "2.1", "srcLang": article.source_lang, "trgLang": article.target_lang},
        nsmap={None: XLIFF_2, "its": ITS, "mda": xliff.MDA_NS},
    )
    file = etree.SubElement(root, f"{{{XLIFF_2}}}file", {
        "id": "f1", "original": Path(article.path).name or article.id, XML_SPACE: "preserve",
        f"{{{ITS}}}locQualityRatingScore": _rating(result.score),
        f"{{{ITS}}}locQualityRatingScoreThreshold": _rating(result.threshold),
    })
    xliff.write_meta(file, {xliff.ARTICLE_META: article.id})
    units = _segment_units(file, article.segments)
    etree.indent(root, space="  ")  # now, while <source>/<target> are empty: their content is never indented
    _fill_units(units, article.segments)
    _annotate_units(units, result, "2.x")
    return _serialize(root)


def render_xliff(result: ArticleResult) -> str:
    """The annotated XLIFF for one audited article."""
    if result.article.format in ("xliff-1.2", "xliff-2.0") and result.article.path:
        return _annotated_input(result)
    return _new_document(result)
