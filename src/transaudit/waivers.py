"""Waivers: an editor dismisses a false alarm once and it stays dismissed.

A waiver names an article, a check code, the flagged text, a hash of the text
of the segment side the issue sits on and the words around the flagged text,
plus who waived it, when and why. It is keyed by text, never by offsets or
segment ids, so it survives edits elsewhere in the article (paragraphs added
before it renumber the segments; the hash does not change) and edits
elsewhere in its own paragraph (the surrounding words still match). An edit
next to the flagged text makes the waiver stale on purpose: the editor should
look at it again.

Waivers live in a file an editor can also edit by hand: JSON Lines (one
object per line, what ``transaudit waive`` appends to) or TOML (``[[waiver]]``
tables). A waived issue does not count in the score; it is listed under
``waived`` in the JSON and shown struck through in the HTML. A waiver for an
audited article that matches none of its issues is reported as stale.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from transaudit.errors import InputError
from transaudit.model import Issue, Segment
from transaudit.validation import regular_file

#: The waivers file ``check`` reads from its --out folder and ``waive`` writes beside a report.
DEFAULT_NAME = "waivers.jsonl"
_FIELDS = ("article", "segment_hash", "code", "text", "reason", "who", "when", "segment", "side", "context")
#: Characters either side of the flagged text kept as its context: about six words,
#: enough to tell two occurrences of a name apart, short enough that fixing another
#: error in the same paragraph rarely touches it.
CONTEXT_CHARS = 40
_REQUIRED = ("article", "segment_hash", "code", "text", "reason")


@dataclass(frozen=True)
class Waiver:
    """One dismissed issue; ``segment`` (the id when waived) is for people, not matching."""

    article: str
    segment_hash: str
    code: str
    text: str
    reason: str
    who: str = ""
    when: str = ""
    segment: str = ""
    side: str = "target"
    #: The flagged text with up to CONTEXT_CHARS either side (optional in hand-written files).
    context: str = ""

    def key(self) -> tuple[str, str, str, str]:
        return (self.article, self.segment_hash, self.code.upper(), self.text)

    def context_key(self) -> tuple[str, str, str, str] | None:
        return (self.article, self.context, self.code.upper(), self.text) if self.context else None

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def describe(self) -> str:
        where = f" (waived in {self.segment})" if self.segment else ""
        return f"{self.code} “{self.text}”{where}"


def text_hash(text: str) -> str:
    """The key of a segment side: NFC, whitespace runs as one space (a re-wrapped line is the same text)."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def context_of(text: str, start: int, end: int) -> str:
    """The flagged span with its surroundings, whitespace normalised as in :func:`text_hash`."""
    return " ".join(text[max(start - CONTEXT_CHARS, 0):end + CONTEXT_CHARS].split())


def waiver_for(article_id: str, segment: Segment, issue: Issue, reason: str, who: str, when: str) -> Waiver:
    text = segment.text(issue.side)
    return Waiver(article_id, text_hash(text), issue.code, issue.text, reason, who, when, segment.id,
                  issue.side, context_of(text, issue.start, issue.end))


def _from_mapping(raw: Any, path: str, line: int | None) -> Waiver:
    if not isinstance(raw, dict):
        raise InputError(path, "a waiver must be a table (TOML) or an object (JSON Lines)", line)
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise InputError(path, f"unknown waiver field(s) {', '.join(unknown)} (known: {', '.join(_FIELDS)})",
                         line)
    missing = [name for name in _REQUIRED if not isinstance(raw.get(name), str) or not raw[name].strip()]
    if missing:
        raise InputError(path, f"waiver lacks {', '.join(missing)}", line)
    bad = [name for name, value in raw.items() if not isinstance(value, str)]
    if bad:
        raise InputError(path, f"waiver field(s) {', '.join(bad)} must be text", line)
    return Waiver(**{name: raw[name] for name in _FIELDS if name in raw})


def load_waivers(path: str | Path) -> list[Waiver]:
    """Read a waivers file (``.toml`` with ``[[waiver]]`` tables, else JSON Lines)."""
    file = regular_file(path, "waivers file")  # a FIFO would hang, /dev/zero never end
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(file), "waivers file not found") from None
    except UnicodeDecodeError as error:
        raise InputError(str(file), f"waivers file is not UTF-8 (byte {error.start})") from None
    except OSError as error:
        raise InputError(str(file), f"cannot read the waivers file: {error.strerror or error}") from None
    if file.suffix.lower() == ".toml":
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputError(str(file), f"invalid TOML: {error}") from None
        entries = table.get("waiver", [])
        if not isinstance(entries, list) or set(table) - {"waiver"}:
            raise InputError(str(file), "expected only [[waiver]] tables")
        return [_from_mapping(entry, str(file), None) for entry in entries]
    waivers = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(str(file), f"invalid JSON: {error.msg} (column {error.colno})", number) from None
        waivers.append(_from_mapping(raw, str(file), number))
    return waivers


def append_waiver(path: str | Path, waiver: Waiver) -> None:
    """Add one waiver to a JSON Lines or TOML file (created if missing)."""
    file = Path(path)
    data = waiver.to_dict()
    if file.suffix.lower() == ".toml":
        # JSON string escapes are valid TOML basic strings.
        body = "".join(f"{name} = {json.dumps(value, ensure_ascii=False)}\n" for name, value in data.items())
        entry = f"\n[[waiver]]\n{body}"
    else:
        entry = json.dumps(data, ensure_ascii=False, sort_keys=False) + "\n"
    existing = regular_file(file, "waivers file").read_text(encoding="utf-8") if file.exists() else ""
    if existing and not existing.endswith("\n"):
        entry = "\n" + entry
    with file.open("a", encoding="utf-8") as handle:
        handle.write(entry)


@dataclass
class WaivedIssue:
    issue: Issue
    waiver: Waiver

    def to_dict(self) -> dict[str, Any]:
        return {**self.issue.to_dict(), "waiver": {"reason": self.waiver.reason, "who": self.waiver.who,
                                                  "when": self.waiver.when}}


@dataclass
class Applied:
    """The issues that still count, those a waiver dismissed, and waivers that matched nothing."""

    issues: list[Issue]
    waived: list[WaivedIssue]
    stale: list[Waiver]


def apply_waivers(article_id: str, segments: Sequence[Segment], issues: Iterable[Issue],
                  waivers: Iterable[Waiver]) -> Applied:
    """Split ``issues`` by the waivers of this article; one waiver covers every identical issue."""
    mine = [waiver for waiver in waivers if waiver.article == article_id]
    issues = list(issues)
    if not mine:
        return Applied(issues, [], [])
    by_key = {waiver.key(): waiver for waiver in mine}
    by_context = {key: waiver for waiver in mine if (key := waiver.context_key()) is not None}
    texts = {segment.id: segment for segment in segments}
    kept: list[Issue] = []
    waived: list[WaivedIssue] = []
    used: set[tuple[str, str, str, str]] = set()
    for issue in issues:
        segment = texts.get(issue.segment)
        side = segment.text(issue.side) if segment else ""
        waiver = by_key.get((article_id, text_hash(side), issue.code.upper(), issue.text))
        if waiver is None and segment is not None:
            context = context_of(side, issue.start, issue.end)
            waiver = by_context.get((article_id, context, issue.code.upper(), issue.text))
        if waiver is None:
            kept.append(issue)
        else:
            waived.append(WaivedIssue(issue, waiver))
            used.add(waiver.key())
    stale = [waiver for waiver in mine if waiver.key() not in used]
    return Applied(kept, waived, stale)


def waivers_to_records(waivers: Sequence[Waiver]) -> tuple[dict[str, str], ...]:
    """Plain dicts for ``settings.review.waivers`` (they travel to worker processes)."""
    return tuple(waiver.to_dict() for waiver in waivers)


def waivers_from_records(raw: Iterable[Any]) -> list[Waiver]:
    return [Waiver(**item) for item in raw if isinstance(item, dict)]
