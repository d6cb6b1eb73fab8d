"""``transaudit waive``: dismiss a false alarm so that later runs do not flag it again."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Any

import click

from transaudit.cli import Command, fail
from transaudit.validation import regular_file

EXAMPLES = """
\b
Examples:
  transaudit waive reports/caspian-energy-forum.json p04 TA303 --reason "Tokayev is our house spelling"
  transaudit waive reports/story.json p02 TA101 --text "that that" --reason "correct English" --who ana
\b
The waiver is appended to waivers.jsonl beside the report (or --file); the next
`transaudit check … --out reports/` reads it: the issue is struck through, not scored.
"""


@click.command("waive", cls=Command, short_help="Dismiss a false alarm in later runs.", epilog=EXAMPLES)
@click.argument("report", type=click.Path(path_type=Path))
@click.argument("segment")
@click.argument("code")
@click.option("--reason", required=True, help="Why this is not an error (shown in the report).")
@click.option("--text", "span", metavar="TEXT",
              help="The flagged text, when the segment has more than one issue with this code.")
@click.option("--who", default=None, help="Who waives it (default: the login name).")
@click.option("--file", "waivers_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Waivers file to add to (JSON Lines, or TOML by suffix; default: waivers.jsonl "
                   "beside REPORT).")
def waive(report: Path, segment: str, code: str, reason: str, span: str | None, who: str | None,
          waivers_file: Path | None) -> None:
    """Waive issue CODE in SEGMENT of the article whose JSON report is REPORT."""
    from transaudit.model import Issue, Segment, Severity
    from transaudit.pipeline import run_timestamp
    from transaudit.settings import Settings
    from transaudit.waivers import DEFAULT_NAME, append_waiver, load_waivers, waiver_for

    data = _read_report(report)
    if not reason.strip():
        fail("--reason must say why the issue is not an error")
    segments = {str(s.get("id")): s for s in data.get("segments", []) if isinstance(s, dict)}
    if segment not in segments:
        known = ", ".join(list(segments)[:12])
        fail(f"{report}: no segment {segment!r} (segments: {known}{', …' if len(segments) > 12 else ''})")
    issues = [i for i in data.get("issues", []) if isinstance(i, dict) and i.get("segment") == segment
              and str(i.get("code", "")).upper() == code.upper()]
    if span is not None:
        issues = [i for i in issues if i.get("text") == span]
    if not issues:
        waived = [i for i in data.get("waived", []) if isinstance(i, dict) and i.get("segment") == segment
                  and str(i.get("code", "")).upper() == code.upper()]
        if waived:
            why = waived[0].get("waiver", {}).get("reason")
            fail(f"{report}: {code} in {segment} is already waived ({why})")
        fail(f"{report}: segment {segment} has no {code} issue" + (f" on “{span}”" if span else ""))
    texts = sorted({str(i.get("text", "")) for i in issues})
    if len(texts) > 1:
        fail(f"{report}: segment {segment} has {len(issues)} {code} issues ("
             + ", ".join(f"“{t}”" for t in texts) + "): pass --text to say which")
    found = issues[0]
    raw = segments[segment]
    seg = Segment(segment, str(raw.get("source", "")), str(raw.get("target", "")))
    issue = Issue(str(found["code"]), str(found.get("name", "")), str(found.get("category", "")),
                  Severity.parse(str(found.get("severity", "minor"))), segment,
                  "source" if found.get("side") == "source" else "target", _int(found.get("start")),
                  _int(found.get("end")), str(found.get("text", "")), "")
    article_id = str(data.get("article", {}).get("id", ""))
    when = run_timestamp(Settings())
    waiver = waiver_for(article_id, seg, issue, reason.strip(), who or _login(), when)
    target = waivers_file or report.parent / DEFAULT_NAME
    if target.exists():
        if any(existing.key() == waiver.key() for existing in load_waivers(target)):
            fail(f"{target}: this issue is already waived there")
    try:
        append_waiver(target, waiver)
    except OSError as error:
        fail(f"{target}: cannot write the waivers file: {error.strerror or error}")
    click.echo(f"waived {waiver.code} “{waiver.text}” in {segment} of {article_id} → {target}\n"
               f"re-run `transaudit check` with the same --out to update the reports")


def _read_report(report: Path) -> dict[str, Any]:
    if report.exists():
        regular_file(report, "JSON report")  # a FIFO would hang, /dev/zero never end
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{report}: no such report (give the article's .json report)")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        fail(f"{report}: not a transaudit JSON report ({error})")
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        fail(f"{report}: not a transaudit JSON report (no 'issues')")
    return data


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")
