"""Readers for annotated evaluation data, one function per format.

Every reader returns a :class:`Dataset`; :func:`read_dataset` picks the reader
from the file's content (``--format`` overrides). Bad input raises
:class:`~transaudit.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from transaudit.errors import InputError
from transaudit.evaluation.model import AnnotatedError, AnnotatedSegment, Dataset, PerturbedItem
from transaudit.model import Side

FORMATS = ("bio-mqm", "demetr", "mqm-tsv")
MQM_TSV_COLUMNS = ("system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity")
_SEVERITY_ALIASES = {"non-translation!": "major", "non-translation": "major"}
_NO_ERROR = {"no-error", "no error", "none", ""}
_MARK_RE = re.compile(r"</?v>")
#: Google's file names end in the pair without a dash: ``mqm_newstest2020_ende.tsv``.
_PAIR_IN_NAME_RE = re.compile(r"(?:^|[_\-.])([a-z]{2})-?([a-z]{2})(?:\.[a-z]+)*$")


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(str(path), f"invalid JSON: {error.msg}", number) from None
            if not isinstance(row, dict):
                raise InputError(str(path), "each line must be a JSON object", number)
            yield number, row


def _field(row: dict[str, Any], key: str, path: Path, line: int) -> Any:
    if key not in row:
        raise InputError(str(path), f"missing field {key!r}", line)
    return row[key]


def _order(segment_id: str, fallback: int) -> int:
    """Segments of a document are numbered at the end of their id (``…/doc85/4``)."""
    match = re.search(r"(\d+)$", segment_id)
    return int(match.group(1)) if match else fallback


def read_bio_mqm(path: Path, langs: tuple[str, str] | None = None) -> Dataset:
    """bio-mqm JSONL; segments are grouped into articles by system and document.

    Some segments appear on several lines (annotated more than once, by
    different linguists): identical texts under one id become one segment with
    the union of the errors, as for several raters in the MQM TSV.
    """
    dataset = Dataset(str(path), "bio-mqm")
    seen: dict[str, AnnotatedSegment] = {}
    for line, row in _json_lines(path):
        segment_id = str(_field(row, "id", path, line))
        source_lang = row.get("source_lang") or (langs[0] if langs else None)
        target_lang = row.get("target_lang") or (langs[1] if langs else None)
        if not source_lang or not target_lang:
            raise InputError(str(path), "no source_lang/target_lang (pass --langs SRC-TGT)", line)
        source = str(_field(row, "source", path, line))
        target = str(_field(row, "target", path, line))
        errors = []
        for raw in _field(row, "errors", path, line) or []:
            side = raw.get("side", "target")
            if side not in ("source", "target"):
                raise InputError(str(path), f"error side must be source or target, not {side!r}", line)
            start, end = raw.get("start"), raw.get("end")
            text = source if side == "source" else target
            if start is not None and end is not None and not (0 <= start <= end <= len(text)):
                raise InputError(str(path), f"error span {start}:{end} outside the {side} text", line)
            if start is None or end is None:
                start = end = None
            errors.append(
                AnnotatedError(
                    side,
                    start,
                    end,
                    str(raw.get("category", "")),
                    str(raw.get("severity", "minor")).lower(),
                    str(raw.get("text", "")),
                )
            )
        earlier = seen.get(segment_id)
        if earlier is not None and (earlier.source, earlier.target) == (source, target):
            _merge(earlier, errors)
            continue
        if earlier is not None:
            segment_id = f"{segment_id}#{line}"
        group = f"{row.get('system', '')}/{row.get('doc', '')}"
        seen[segment_id] = AnnotatedSegment(
            segment_id,
            source,
            target,
            str(source_lang),
            str(target_lang),
            errors,
            group=group,
            order=_order(str(row["id"]), line),
        )
        dataset.segments.append(seen[segment_id])
    return dataset


def _merge(segment: AnnotatedSegment, errors: list[AnnotatedError]) -> None:
    """A second annotation of the same segment (another annotator): keep the union of errors."""
    known = {(e.side, e.start, e.end, e.category, e.severity) for e in segment.errors}
    for error in errors:
        if (error.side, error.start, error.end, error.category, error.severity) not in known:
            segment.errors.append(error)


def read_demetr(path: Path, langs: tuple[str, str] | None = None) -> Dataset:
    """DEMETR JSONL (``mt`` is the control, ``target`` the perturbed output); es→en by default."""
    default = langs or ("es", "en")
    dataset = Dataset(str(path), "demetr")
    for line, row in _json_lines(path):
        dataset.items.append(
            PerturbedItem(
                id=str(row.get("id", f"line{line}")),
                perturbation=str(_field(row, "perturbation", path, line)),
                applied=bool(row.get("applied", True)),
                source=str(_field(row, "source", path, line)),
                mt=str(_field(row, "mt", path, line)),
                target=str(_field(row, "target", path, line)),
                source_lang=str(row.get("source_lang") or default[0]),
                target_lang=str(row.get("target_lang") or default[1]),
            )
        )
    return dataset


def strip_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove ``<v>…</v>`` marks; return the clean text and the marked spans in it."""
    clean: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened: int | None = None
    position = 0
    for match in _MARK_RE.finditer(marked):
        piece = marked[position : match.start()]
        clean.append(piece)
        length += len(piece)
        position = match.end()
        if match.group() == "<v>":
            opened = length
        elif opened is not None:
            spans.append((opened, length))
            opened = None
    clean.append(marked[position:])
    length += len(marked) - position
    if opened is not None:
        spans.append((opened, length))
    return "".join(clean), spans


def pair_from_name(path: Path) -> tuple[str, str] | None:
    """``mqm_newstest2020_ende.tsv`` → ("en", "de"); None when the name has no pair."""
    match = _PAIR_IN_NAME_RE.search(path.name.lower())
    return (match.group(1), match.group(2)) if match else None


def read_mqm_tsv(path: Path, langs: tuple[str, str] | None = None) -> Dataset:
    """Google's WMT MQM TSV: one row per error and rater, spans marked with <v>…</v>.

    The files are not CSV-quoted (texts contain bare quotes), so rows are split
    on tabs only. Rows are grouped into segments by (system, doc, seg_id); the
    errors of every rater are kept, identical spans once (highest severity).
    """
    langs = langs or pair_from_name(path)
    if langs is None:
        raise InputError(str(path), "cannot tell the language pair from the file name (pass --langs SRC-TGT)")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 (byte {error.start})") from None
    columns = list(MQM_TSV_COLUMNS)
    first = 0
    if lines and lines[0].split("\t")[0].strip().lower() == "system":
        columns = [name.strip().lower() for name in lines[0].split("\t")]
        first = 1
        missing = [name for name in MQM_TSV_COLUMNS if name not in columns and name != "doc_id"]
        if missing:
            raise InputError(str(path), f"missing columns: {', '.join(missing)}", 1)
    segments: dict[tuple[str, str, str], AnnotatedSegment] = {}
    rank = {"neutral": 0, "minor": 1, "major": 2, "critical": 3}
    for number, line in enumerate(lines[first:], start=first + 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < len(columns):
            if len(cells) < 9:
                raise InputError(
                    str(path), f"expected {len(columns)} tab-separated columns, got {len(cells)}", number
                )
            cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells, strict=False))
        source, source_spans = strip_marks(row["source"])
        target, target_spans = strip_marks(row["target"])
        key = (row["system"], row["doc"], row["seg_id"])
        segment = segments.get(key)
        if segment is None:
            segment = AnnotatedSegment(
                "/".join(key),
                source,
                target,
                langs[0],
                langs[1],
                group=f"{row['system']}/{row['doc']}",
                order=_order(row["seg_id"], number),
            )
            segments[key] = segment
        category = row["category"].strip()
        severity = row["severity"].strip().lower()
        if category.lower() in _NO_ERROR or severity in _NO_ERROR:
            continue
        severity = _SEVERITY_ALIASES.get(severity, severity)
        if severity not in rank:
            severity = "major"
        marked: list[tuple[Side, int, int, str]] = [("source", s, e, source) for s, e in source_spans] + [
            ("target", s, e, target) for s, e in target_spans
        ]
        if not marked:
            unlocated: Side = "source" if category.lower().startswith("source") else "target"
            segment.errors.append(AnnotatedError(unlocated, None, None, category, severity))
            continue
        for side, start, end, text in marked:
            annotated = AnnotatedError(side, start, end, category, severity, text[start:end])
            same = next(
                (
                    i
                    for i, old in enumerate(segment.errors)
                    if (old.side, old.start, old.end, old.category) == (side, start, end, category)
                ),
                None,
            )
            if same is None:
                segment.errors.append(annotated)
            elif rank[severity] > rank[segment.errors[same].severity]:
                segment.errors[same] = annotated
    return Dataset(str(path), "mqm-tsv", segments=list(segments.values()))


READERS: dict[str, Callable[[Path, tuple[str, str] | None], Dataset]] = {
    "bio-mqm": read_bio_mqm,
    "demetr": read_demetr,
    "mqm-tsv": read_mqm_tsv,
}


def detect_format(path: Path) -> str:
    """Tell the format from the first non-empty line of the file."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 (byte {error.start})") from None
    if first.lstrip().startswith("{"):
        try:
            row = json.loads(first)
        except json.JSONDecodeError:
            row = {}
        if isinstance(row, dict):
            if "perturbation" in row and "mt" in row:
                return "demetr"
            if "errors" in row:
                return "bio-mqm"
    cells = first.rstrip("\n").split("\t")
    if cells[0].strip().lower() == "system" or (len(cells) >= 9 and "<v>" in first):
        return "mqm-tsv"
    raise InputError(str(path), f"cannot tell the format (pass --format {'|'.join(FORMATS)})", 1)


def read_dataset(path: Path, fmt: str | None = None, langs: tuple[str, str] | None = None) -> Dataset:
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise InputError(str(path), f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")
    return READERS[fmt](path, langs)
