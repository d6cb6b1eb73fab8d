"""One hardened XML parser for every XML input (XLIFF, TMX, TBX).

Interchange files come from outside: a translation vendor, a CAT tool, a
download. XML can make a parser read local files or URLs (external entities,
external DTDs, XInclude), blow up memory (entity expansion, "billion laughs") or
recurse without end (deep nesting). None of these has a use in XLIFF, TMX or
TBX, so all are refused rather than defused:

- lxml is configured to load no DTD, resolve no entity, touch no network and
  keep its default size limits (no ``huge_tree``);
- a document with a ``<!DOCTYPE>`` (internal subset, entity declarations or an
  external DTD) is refused: none of these formats needs one;
- an XInclude element is refused (lxml never processes XInclude by itself, but
  a file asking for it is not one to trust with silent partial content);
- nesting deeper than :data:`MAX_DEPTH` elements is refused.

Every refusal is an :class:`~transaudit.errors.InputError` naming the file and,
where the parser knows it, the line.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from transaudit.errors import InputError
from transaudit.input.decoding import read_bytes

#: Deepest element nesting accepted. XLIFF groups and inline codes nest a few
#: levels; TBX a dozen. Far beyond any real file, far below a parser's own limit.
MAX_DEPTH = 100
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_DOCTYPE_FORMS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def local_name(tag: object) -> str:
    """``{namespace}name`` → ``name`` (comments and processing instructions → "")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def parse_bytes(data: bytes, path: str, kind: str = "XML") -> etree._Element:
    """The root element of a document, or InputError if it is malformed or hostile."""
    head = data[:65536]
    if any(form in head for form in _DOCTYPE_FORMS):
        raise InputError(path, f"{kind} with a DOCTYPE (DTD or entity declarations) is not accepted",
                         _doctype_line(head))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        message = str(error.msg or error).split(", line ")[0]
        if "Excessive depth" in message:  # libxml's own limit (256) met before ours
            raise InputError(path, f"{kind} nested deeper than {MAX_DEPTH} elements", line) from None
        raise InputError(path, f"not well-formed {kind}: {message}", line) from None
    except ValueError as error:  # e.g. an unknown encoding declaration
        raise InputError(path, f"not readable as {kind}: {error}") from None
    if root is None:
        raise InputError(path, f"not a {kind} document (empty)")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(path, f"{kind} with a DOCTYPE (DTD or entity declarations) is not accepted",
                         _doctype_line(data[:65536]))
    _check_structure(root, path, kind)
    return root


def _doctype_line(head: bytes) -> int:
    """The line of the first ``<!DOCTYPE`` in ``head`` (1 when it is not found as such).

    Newlines are counted in the encoding the declaration was found in, so a
    UTF-16 file is numbered like a UTF-8 one.
    """
    for form, newline in zip(_DOCTYPE_FORMS, (b"\n", "\n".encode("utf-16-le"), "\n".encode("utf-16-be")),
                             strict=True):
        where = head.find(form)
        if where >= 0:
            return head[:where].count(newline) + 1
    return 1


def parse_text(text: str, path: str, kind: str = "XML") -> etree._Element:
    """Parse already decoded text (its encoding declaration no longer applies)."""
    text = _DECLARATION.sub("", text, count=1)
    return parse_bytes(text.encode("utf-8"), path, kind)


def parse_file(path: Path, kind: str = "XML") -> etree._Element:
    return parse_bytes(read_bytes(path), str(path), kind)


def _check_structure(root: etree._Element, path: str, kind: str) -> None:
    """Refuse XInclude and excessive depth, walking the tree without recursion."""
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(path, f"{kind} nested deeper than {MAX_DEPTH} elements", element.sourceline)
        if namespace(element.tag) == XINCLUDE_NS:
            raise InputError(path, f"{kind} with XInclude is not accepted", element.sourceline)
        stack.extend((child, depth + 1) for child in element if isinstance(child.tag, str))


def root_name(path: Path, limit: int = 4096) -> str | None:
    """The local name of the root element from the start of a file, without parsing all of it.

    Used to tell XLIFF and TMX apart from other ``.xml`` files; ``None`` when the
    start does not look like XML.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(limit)
    except OSError:
        return None
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.DOTALL)
    match = re.search(r"<([A-Za-z_][\w.:-]*)", text)
    return match.group(1).rsplit(":", 1)[-1] if match else None
