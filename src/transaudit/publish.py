"""Publishing a finished batch of reports to a shared folder, atomically.

Layout of SHARED_DIR::

    2026-11-28T041500Z/      one folder per run (copy of REPORTS_DIR + manifest.json)
    2026-11-28T041500Z-2/    a second publish in the same second
    latest -> 2026-…Z        symlink to the newest run (replaced atomically)
    latest.html              redirect to the newest run (for shares without symlinks)
    index.html               every run with its date, article count and scores

Why it is safe to read while publishing: a run is copied under a temporary
dot-name in SHARED_DIR (same filesystem) and renamed into place in one step;
``latest`` and ``index.html`` are replaced with ``os.replace``. Concurrent
publishes serialise naming, renaming and the index rewrite on an ``fcntl.flock``
lock file, so neither can drop the other's run from the index. Nothing outside
SHARED_DIR is written: sources are read without following symlinks (a symlink in
REPORTS_DIR is skipped and listed in the manifest), files are created with
``O_EXCL``/``O_NOFOLLOW``, and entries we replace are replaced, never written through.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from transaudit.errors import InputError
from transaudit.fsutil import current_umask, fsync_dir, write_atomic
from transaudit.report import REPORT_SUFFIXES, looks_like_report

RUN_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(\d+))?$")
LOCK_NAME = ".transaudit-publish.lock"
#: The last run name given out (names are never reused, even after pruning).
LAST_NAME = ".transaudit-last-run"
STAGING_PREFIX = ".publishing-"
#: ``.publishing-HOST-PID-RANDOM``: who is copying, so a dead copier's folder can go.
_STAGING_NAME = re.compile(r"^\.publishing-(.+)-(\d+)-[0-9a-z_]+$")
MANIFEST = "manifest.json"
SUMMARY = "summary.json"
#: Staging folders older than this are leftovers of a crashed publish.
STALE_SECONDS = 24 * 3600
_CHUNK = 1 << 20


@dataclass
class RunInfo:
    """One published run as the shared index lists it."""

    name: str
    published_at: str = ""
    totals: dict[str, Any] = field(default_factory=dict)
    #: Issues new/fixed/unchanged since the run that was latest when this one was published.
    changes: dict[str, Any] = field(default_factory=dict)


def run_sort_key(name: str) -> tuple[str, int]:
    """Chronological order of run names ("…Z" before "…Z-2" before "…Z-10")."""
    match = RUN_NAME.match(name)
    if not match:
        return (name, 0)
    return (match.group(1), int(match.group(2) or 1))


def _reports_root(reports_dir: str | os.PathLike[str]) -> Path:
    path = Path(reports_dir)
    if not path.exists():
        raise InputError(str(path), "no such reports folder")
    if not path.is_dir():
        raise InputError(str(path), "not a folder (expected the --out folder of `transaudit check`)")
    summary = path / SUMMARY
    if not summary.is_file():
        raise InputError(
            str(path), f"not a finished batch: no {SUMMARY} (run `transaudit check … --out` first)"
        )
    try:
        data = json.loads(summary.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(str(summary), f"unreadable batch summary: {error}") from None
    if isinstance(data, dict) and data.get("interrupted"):
        # Readers of the shared folder would take a half batch for the whole one.
        raise InputError(str(path), f"not a finished batch: {data['interrupted']}")
    stray = unindexed_reports(path, data)
    if stray:
        # Several `check` runs into one --out: the index is the last run's, the
        # others' reports would go live with no line in it (and no score).
        raise InputError(str(path), f"{describe_unindexed(stray)}; publish would put them live "
                         "unindexed: remove them, or re-run `transaudit check` into an empty --out")
    return path.resolve()


#: The run's own files beside the reports (the index, its summaries, a publish manifest).
RUN_FILES = frozenset({"index.html", SUMMARY, "summary.csv", MANIFEST})


def unindexed_reports(folder: Path, summary: Any) -> list[str]:
    """Reports at the top of ``folder`` that ``summary`` does not list, sorted.

    A report is a file ``transaudit check`` writes per article: a report suffix
    (``.html``, ``.json``, ``.txt``, ``.xlf``, ``.csv``) and that format's
    signature in its opening (:func:`~transaudit.report.looks_like_report`: the
    HTML generator tag, the JSON report's first keys, the text report's first
    line, …). Other files (notes.txt, a team's own CSV) are not reports: they
    are published as they are, and never block. An article's reports are exactly
    its ``files`` (every format written), so an earlier run's ``X.html`` beside
    this run's ``X.txt`` is stale. A summary written before ``files`` existed
    names only ``html``/``json``: any file sharing their stem is then the
    article's. Skipped articles list no files: an earlier report of an article
    this run could not read is stale too.
    """
    articles = summary.get("articles") if isinstance(summary, dict) else None
    names: set[str] = set()
    stems: set[str] = set()
    for entry in articles if isinstance(articles, list) else []:
        if not isinstance(entry, dict):
            continue
        given = [entry.get("html"), entry.get("json")]
        if isinstance(entry.get("files"), list):
            names.update(name for name in [*given, *entry["files"]] if isinstance(name, str))
        else:
            stems.update(os.path.splitext(name)[0] for name in given if isinstance(name, str))
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(
        entry.name for entry in entries
        if entry.name not in RUN_FILES and entry.name not in names and not entry.name.startswith(".")
        and os.path.splitext(entry.name)[1].lower() in REPORT_SUFFIXES
        and os.path.splitext(entry.name)[0] not in stems
        and entry.is_file(follow_symlinks=False) and looks_like_report(entry.path)
    )


def describe_unindexed(names: list[str], shown: int = 4) -> str:
    """``3 report files its index does not list (a.json, b.json, c.txt)``, long lists cut."""
    listed = ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
    plural = "" if len(names) == 1 else "s"
    return f"{len(names)} report file{plural} that its index does not list (from other runs: {listed})"


def _shared_root(shared_dir: str | os.PathLike[str], reports: Path) -> Path:
    path = Path(shared_dir)
    # Refuse a shared folder inside the reports folder before creating anything.
    planned = path.parent.resolve() / path.name if not path.exists() else path.resolve()
    if planned == reports or reports in planned.parents:
        raise InputError(str(path), "the shared folder must not be the reports folder or inside it")
    if not path.exists():
        if not path.parent.is_dir():
            raise InputError(str(path), "the shared folder's parent does not exist")
        try:
            path.mkdir()
        except FileExistsError:
            pass
        except OSError as error:
            raise InputError(str(path), f"cannot create the shared folder: {error.strerror}") from None
    if not path.is_dir():
        raise InputError(str(path), "the shared folder is not a folder")
    shared = path.resolve()
    if shared == reports or reports in shared.parents:
        raise InputError(str(path), "the shared folder must not be the reports folder or inside it")
    for name in ("latest", "index.html", "latest.html"):
        entry = shared / name
        if entry.is_dir() and not entry.is_symlink():
            raise InputError(str(entry), "is a folder; remove it so publish can manage it")
    return shared


@contextlib.contextmanager
def _lock(shared: Path) -> Iterator[None]:
    """Exclusive publish lock; ``O_NOFOLLOW`` so a planted symlink cannot create a file elsewhere."""
    path = shared / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(str(path), "the lock file is a symlink; remove it") from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(str(path), "the lock file is not a regular file; remove it")
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def copy_tree(source: Path, dest: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, str]]]:
    """Copy regular files and folders from ``source`` into the empty ``dest``.

    Symlinks (to files or folders) and special files are not followed or copied;
    they are returned as skipped. Returns ``(files, skipped)`` keyed by POSIX
    relative path; files carry their sha256 and size as copied.
    """
    files: dict[str, dict[str, Any]] = {}
    skipped: list[dict[str, str]] = []
    mode = 0o666 & ~current_umask()

    def walk(src: Path, dst: Path, rel: str) -> None:
        with os.scandir(src) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            name = f"{rel}{entry.name}"
            if not rel and entry.name == MANIFEST:
                skipped.append({"path": name, "reason": "replaced by the publish manifest"})
            elif entry.is_symlink():
                skipped.append({"path": name, "reason": "symlink (not followed)"})
            elif entry.is_dir(follow_symlinks=False):
                os.mkdir(dst / entry.name)
                walk(Path(entry.path), dst / entry.name, f"{name}/")
            elif entry.is_file(follow_symlinks=False):
                files[name] = _copy_file(Path(entry.path), dst / entry.name, mode)
            else:
                skipped.append({"path": name, "reason": "not a regular file"})

    walk(source, dest, "")
    return files, skipped


def _copy_file(src: Path, dst: Path, mode: int) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    fd_in = os.open(src, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        fd_out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
        try:
            while chunk := os.read(fd_in, _CHUNK):
                digest.update(chunk)
                size += len(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd_out, view):]
            os.fsync(fd_out)
        finally:
            os.close(fd_out)
    finally:
        os.close(fd_in)
    return {"sha256": digest.hexdigest(), "bytes": size}


def _carry_waivers(reports: Path, staging: Path, files: dict[str, dict[str, Any]]) -> None:
    """Copy the waivers file the run used into it, when it lives outside the reports folder.

    The run then shows which waivers were in effect, and a later run can be
    compared with it knowing what was dismissed rather than fixed.
    """
    summary = _read_json(reports / SUMMARY)
    info = summary.get("waivers") if isinstance(summary, dict) else None
    source = Path(info["file"]) if isinstance(info, dict) and isinstance(info.get("file"), str) else None
    if source is None or not source.is_file() or reports in source.resolve().parents:
        return  # none, gone, or already copied with the folder
    name = "waivers" + (".toml" if source.suffix.lower() == ".toml" else ".jsonl")
    if name in files:
        return
    files[name] = _copy_file(source, staging / name, 0o666 & ~current_umask())


def compare_with_latest(shared: Path, run: Path) -> dict[str, Any] | None:
    """Issues new, fixed and unchanged in ``run`` against the shared folder's current latest run.

    Publishing compares automatically, so the shared index says "3 fixed, 1 new" for
    every run, whether or not the audit itself ran with ``--compare``. Articles are
    matched by report file name, issues by code and text (see transaudit.compare).
    """
    from transaudit.compare import compare_issues

    latest = shared / "latest"
    try:
        previous_name = os.readlink(latest)
    except OSError:
        return None
    if not RUN_NAME.match(previous_name) or not (shared / previous_name).is_dir():
        return None
    previous = shared / previous_name
    summary = _read_json(run / SUMMARY)
    articles = summary.get("articles") if isinstance(summary, dict) else None
    if not isinstance(articles, list):
        return None
    totals = {"new": 0, "fixed": 0, "unchanged": 0, "new_articles": 0}
    for article in articles:
        report = article.get("json") if isinstance(article, dict) else None
        if not isinstance(report, str) or "/" in report or report.startswith("."):
            continue
        now, before = _read_json(run / report), _read_json(previous / report)
        if not isinstance(now, dict):
            continue
        if not isinstance(before, dict):
            totals["new_articles"] += 1
            continue
        current = [i for i in now.get("issues", []) if isinstance(i, dict)]
        waived = [i for i in now.get("waived", []) if isinstance(i, dict)]
        old = [i for i in before.get("issues", []) if isinstance(i, dict)]
        counts = compare_issues(current, waived, old)
        for key in ("new", "fixed", "unchanged"):
            totals[key] += counts[key]
    manifest = _read_json(previous / MANIFEST)
    since = manifest.get("published_at") if isinstance(manifest, dict) else None
    return {"run": previous_name, "since": since if isinstance(since, str) else "", **totals}



def _unique_name(shared: Path, moment: datetime) -> str:
    """A run name never used before in this shared folder, sorting after every earlier one.

    Taken under the publish lock when the run is committed. The last name given
    out is kept in :data:`LAST_NAME`, so a pruned run's name is not reused
    (``T``, ``T-2`` pruned, the next publish in second ``T`` is ``T-3``) and a
    clock that went backwards still yields a name that sorts last.
    """
    base = moment.astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    names = [run.name for run in list_runs(shared)]
    last = _read_last_name(shared)
    if last:
        names.append(last)
    newest = max(names, key=run_sort_key, default=None)
    suffix = 1
    if newest is not None:
        newest_base, newest_suffix = run_sort_key(newest)
        if newest_base >= base:
            base, suffix = newest_base, newest_suffix + 1
    name = base if suffix == 1 else f"{base}-{suffix}"
    while os.path.lexists(shared / name):
        suffix += 1
        name = f"{base}-{suffix}"
    return name


def _read_last_name(shared: Path) -> str | None:
    try:
        fd = os.open(shared / LAST_NAME, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        text = os.read(fd, 200).decode("ascii", "replace").strip()
    finally:
        os.close(fd)
    return text if RUN_NAME.match(text) else None


def _point_latest(shared: Path, name: str) -> bool:
    """Point ``latest`` at the run; False where the filesystem has no symlinks."""
    tmp = shared / f".latest-{secrets.token_hex(6)}"
    try:
        os.symlink(name, tmp, target_is_directory=True)
    except OSError:
        return False
    try:
        os.replace(tmp, shared / "latest")
    except OSError as error:
        os.unlink(tmp)
        raise InputError(str(shared / "latest"), f"cannot replace: {error.strerror}") from None
    return True


def _redirect_page(name: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={name}/index.html">'
        f"<title>Latest audit run: {name}</title></head>"
        f'<body><p>Latest run: <a href="{name}/index.html">{name}</a></p></body></html>\n'
    )


def _read_json(path: Path) -> Any:
    """Read JSON without following a symlink (an index must not leak files from elsewhere)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            return json.loads(handle.read(10_000_000).decode("utf-8"))
    except (OSError, ValueError):
        return None


def _number(value: Any) -> float | int | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def list_runs(shared: str | os.PathLike[str]) -> list[RunInfo]:
    """Every published run, newest first, with totals read from its summary.json."""
    root = Path(shared)
    runs = []
    with os.scandir(root) as it:
        entries = [e for e in it if RUN_NAME.match(e.name) and e.is_dir(follow_symlinks=False)]
    for entry in entries:
        summary = _read_json(Path(entry.path) / SUMMARY)
        manifest = _read_json(Path(entry.path) / MANIFEST)
        raw = summary.get("totals") if isinstance(summary, dict) else None
        totals: dict[str, Any] = {}
        if isinstance(raw, dict):
            totals = {k: _number(raw.get(k)) for k in
                      ("articles", "passed", "failed", "skipped", "mean_score", "min_score")}
        elif isinstance(summary, dict) and isinstance(summary.get("articles"), list):
            totals = {"articles": len(summary["articles"])}
        published = manifest.get("published_at") if isinstance(manifest, dict) else None
        changes = manifest.get("compared_with") if isinstance(manifest, dict) else None
        runs.append(RunInfo(entry.name, published if isinstance(published, str) else "", totals,
                            changes if isinstance(changes, dict) else {}))
    runs.sort(key=lambda run: run_sort_key(run.name), reverse=True)
    return runs


def render_runs_index(runs: list[RunInfo]) -> str:
    from transaudit.report.html_report import environment

    return environment().get_template("runs.html.j2").render(runs=runs)


def _doomed(runs: list[RunInfo], keep: int | None, protect: str) -> list[str]:
    """The runs beyond the newest ``keep`` (never the one just published)."""
    if keep is None:
        return []
    names = sorted((run.name for run in runs), key=run_sort_key, reverse=True)
    return [name for name in names[keep:] if name != protect]


def _prune(shared: Path, doomed: list[str]) -> list[str]:
    """Remove these runs (each vanishes by rename first); returns one line per failure."""
    problems = []
    for name in doomed:
        trash = shared / f".pruning-{name}-{secrets.token_hex(4)}"
        try:
            os.rename(shared / name, trash)
        except OSError as error:
            problems.append(f"{name}: {error.strerror or error}")
            continue
        shutil.rmtree(trash, ignore_errors=True)
    return problems


def _staging_owner(name: str) -> tuple[str, int] | None:
    """(host, pid) from ``.publishing-HOST-PID-…``; None for older or foreign names."""
    match = _STAGING_NAME.match(name)
    return (match.group(1), int(match.group(2))) if match else None


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "host"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def _clean_stale(shared: Path) -> None:
    """Remove leftovers of crashed publishes: at once when their process on this host is gone.

    A staging folder's name records the host and pid that made it; on another
    host (a shared network folder) or for a name without them, only age tells:
    older than :data:`STALE_SECONDS`.
    """
    cutoff = time.time() - STALE_SECONDS
    host = _host()
    with os.scandir(shared) as it:
        for entry in it:
            leftover = entry.name.startswith((STAGING_PREFIX, ".pruning-"))
            if not leftover or not entry.is_dir(follow_symlinks=False):
                continue
            owner = _staging_owner(entry.name)
            dead = owner is not None and owner[0] == host and not _alive(owner[1])
            if dead or entry.stat(follow_symlinks=False).st_mtime < cutoff:
                shutil.rmtree(entry.path, ignore_errors=True)


def publish(
    reports_dir: str | os.PathLike[str],
    shared_dir: str | os.PathLike[str],
    keep: int | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy a finished batch into ``shared_dir`` as a new run; return the run's folder.

    ``keep`` prunes all but the newest ``keep`` runs; ``now`` fixes the run's
    timestamp (tests, reproducible publishing).
    """
    if keep is not None and (isinstance(keep, bool) or not isinstance(keep, int) or keep < 1):
        raise InputError("--keep", f"must be a whole number of runs, at least 1 (got {keep!r})")
    reports = _reports_root(reports_dir)
    shared = _shared_root(shared_dir, reports)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    staging: Path | None = None
    try:
        _clean_stale(shared)  # a crashed publish's copy can be gigabytes; no lock needed
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{_host()}-{os.getpid()}-", dir=shared))
        os.chmod(staging, 0o777 & ~current_umask())
        files, skipped = copy_tree(reports, staging)
        _carry_waivers(reports, staging, files)
        with _lock(shared):
            name = _unique_name(shared, moment)
            manifest = {
                "format_version": 1,
                "run": name,
                "published_at": moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                "source": os.fspath(reports_dir),  # as given: absolute paths are not published
                "files": files,
                "skipped": skipped,
            }
            changes = compare_with_latest(shared, staging)
            if changes:
                manifest["compared_with"] = changes
            write_atomic(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
            write_atomic(shared / LAST_NAME, name + "\n")
            os.rename(staging, shared / name)
            staging = None
            fsync_dir(shared)
    except OSError as error:
        where = error.filename or shared
        raise InputError(str(where), f"cannot publish: {error.strerror or error}") from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return _roll_forward(shared, name, keep)


class PublishedWithProblems(InputError):
    """The run is published, but a later step failed; the message says what is where."""


def _roll_forward(shared: Path, name: str, keep: int | None) -> Path:
    """After the run is in place: index, ``latest``, then pruning, in that order.

    Readers never see an index that links to a pruned run: the index lists only
    the runs that stay, and runs are pruned only after it is in place. A failure
    here does not undo the run (it is complete and readable); it is reported as
    exactly what is live and what is stale, and the next publish repairs it.
    """
    try:
        with _lock(shared):
            runs = list_runs(shared)
            doomed = _doomed(runs, keep, protect=name)
            kept = [run for run in runs if run.name not in doomed]
            write_atomic(shared / "index.html", render_runs_index(kept))
            _point_latest(shared, name)
            write_atomic(shared / "latest.html", _redirect_page(name))
            problems = _prune(shared, doomed)
    except (OSError, InputError) as error:
        problem = error.strerror if isinstance(error, OSError) else error.problem
        raise PublishedWithProblems(
            str(shared / name),
            f"published, but the index or latest could not be updated ({problem}); "
            "the run is complete; the next publish rewrites them",
        ) from None
    if problems:
        raise PublishedWithProblems(
            str(shared / name),
            f"published and indexed, but {len(problems)} old run(s) could not be pruned: "
            + "; ".join(problems),
        )
    return shared / name
