"""What changed since the last run: issues new, fixed and unchanged per article.

``--compare PREVIOUS_OUT`` names an earlier ``--out`` folder (or a shared
folder, whose ``latest`` run is used). An article is matched with the
previous report of the same name (``<name>.json``); issues are matched by
code and flagged text, never by offsets or segment ids, so an edit elsewhere
in the article does not turn every later issue into "new" and "fixed". Equal
issues are matched as a multiset (two "the the" before, one now: one fixed).
An issue that an editor has waived since is neither new nor fixed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from transaudit.errors import InputError
from transaudit.result import ArticleResult
from transaudit.validation import regular_file


def resolve_previous(path: str | Path) -> dict[str, str]:
    """The previous run to compare with: ``{"dir", "since"}``; InputError if it is not one."""
    folder = Path(path)
    if (folder / "latest").is_dir():
        folder = folder / "latest"  # a shared folder from `transaudit publish`
    summary = folder / "summary.json"
    if not folder.is_dir():
        raise InputError(str(path), "--compare needs the --out folder of an earlier run (or a shared folder)")
    if summary.exists() or summary.is_symlink():
        regular_file(summary, "summary.json")  # a shared folder is not trusted: no FIFO, no /dev/zero
    try:
        data = json.loads(summary.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "--compare: no summary.json here (not the --out folder of a run)"
                         ) from None
    except (OSError, ValueError) as error:
        raise InputError(str(summary), f"--compare: unreadable summary: {error}") from None
    since = data.get("generated_at") if isinstance(data, dict) else None
    return {"dir": str(folder.resolve()), "since": since if isinstance(since, str) else ""}


def _key(issue: dict[str, Any]) -> tuple[str, str]:
    return (str(issue.get("code", "")), str(issue.get("text", "")))


def compare_issues(current: list[dict[str, Any]], waived_now: list[dict[str, Any]],
                   previous: list[dict[str, Any]]) -> dict[str, Any]:
    """Match current against previous issues by (code, text) as multisets."""
    pool = Counter(_key(issue) for issue in previous)
    new_indexes = []
    unchanged = 0
    for index, issue in enumerate(current):
        key = _key(issue)
        if pool[key] > 0:
            pool[key] -= 1
            unchanged += 1
        else:
            new_indexes.append(index)
    for issue in waived_now:  # waived since: not fixed, just dismissed
        if pool[_key(issue)] > 0:
            pool[_key(issue)] -= 1
    fixed = []
    for issue in previous:
        if pool[_key(issue)] > 0:
            pool[_key(issue)] -= 1
            fixed.append({k: issue.get(k) for k in ("code", "name", "severity", "segment", "side", "text",
                                                    "message") if k in issue})
    return {"new": len(new_indexes), "fixed": len(fixed), "unchanged": unchanged,
            "new_issues": new_indexes, "fixed_issues": fixed}


def comparison_for(result: ArticleResult, previous: Mapping[str, str], name: str) -> dict[str, Any]:
    """The comparison of one article's result with its report in the previous run."""
    base = {"against": previous["dir"], "since": previous.get("since", "")}
    path = Path(previous["dir"]) / f"{name}.json"
    current = [issue.to_dict() for issue in result.issues]
    waived = [item.issue.to_dict() for item in result.waived]
    if not Path(previous["dir"]).is_dir():  # a cluster worker that does not share the folder
        return {**base, "status": "previous run not reachable from the worker", "new": None, "fixed": None,
                "unchanged": None, "new_issues": [], "fixed_issues": []}
    if not path.is_file():
        return {**base, "status": "new article", **compare_issues(current, waived, [])}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        issues = data["issues"]
        if not isinstance(issues, list):
            raise ValueError("'issues' is not a list")
    except (OSError, ValueError, KeyError, TypeError) as error:
        return {**base, "status": f"previous report unreadable: {error}", "new": None, "fixed": None,
                "unchanged": None, "new_issues": [], "fixed_issues": []}
    return {**base, "status": "compared", **compare_issues(current, waived, [i for i in issues
                                                                            if isinstance(i, dict)])}


def attach(result: ArticleResult, previous: Mapping[str, str] | None, name: str) -> None:
    """Set ``result.comparison`` when the run compares with a previous one (``settings.review``)."""
    if previous and previous.get("dir"):
        result.comparison = comparison_for(result, previous, name)


def summary_line(comparison: dict[str, Any] | None) -> str:
    """"3 fixed, 1 new since 2026-11-28" (or why there is no comparison)."""
    if not comparison:
        return ""
    since = f" since {comparison['since'][:10]}" if comparison.get("since") else ""
    if comparison.get("status") == "new article":
        return f"new article{since}"
    if comparison.get("new") is None:
        return str(comparison.get("status", ""))
    return f"{comparison['fixed']} fixed, {comparison['new']} new, {comparison['unchanged']} unchanged{since}"
