"""Audit many articles: name their reports, run in parallel, survive failures.

An unreadable article is reported and skipped while the rest are audited.
Reports are written by the worker that produced them (atomically), so an
interrupted batch leaves every finished report valid; the index is written
from whatever finished.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transaudit.compare import attach as attach_comparison
from transaudit.engine import Engine
from transaudit.errors import InputError
from transaudit.fsutil import display_path, remove_stale_temporaries, safe_filename, write_group
from transaudit.input.readers import Languages, _name_languages, read_articles
from transaudit.memo import batch_collector, clear_text_caches, tune_collector
from transaudit.model import Article
from transaudit.pipeline import audit_article
from transaudit.report.index_report import IndexEntry, render_index, summary_csv, summary_json
from transaudit.report.json_report import json_pieces
from transaudit.result import ArticleResult
from transaudit.settings import Settings

FORMATS = ("html", "json", "text", "xliff", "csv")
#: Issues the terminal summary shows per article (the .txt report lists them all).
TERMINAL_TOP = 3


@dataclass
class Outcome:
    """What happened to one input path."""

    path: str
    name: str
    error: str | None = None
    #: The article's line in the batch index (set when the audit finished).
    entry: IndexEntry | None = None
    text: str = ""
    #: The articles of a file holding several (XLIFF ``<file>``s, TMX language
    #: pairs), each with its own reports; this outcome then stands for the file.
    parts: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.path = display_path(self.path)  # undecodable bytes cannot go into summary.json

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def passed(self) -> bool:
        if self.parts:
            return all(part.passed for part in self.parts)
        return bool(self.entry and self.entry.passed)

    def index_entry(self) -> IndexEntry:
        return self.entry or IndexEntry.skipped(self.name, self.error or "not audited", self.path)

    def index_entries(self) -> list[IndexEntry]:
        return [part.index_entry() for part in self.parts] if self.parts else [self.index_entry()]


def report_names(paths: Sequence[Path]) -> list[str]:
    """A distinct, safe file-name stem per article, derived from its path."""
    names: list[str] = []
    used: set[str] = set()
    for path in paths:
        folder_name = path.name if path.name not in ("", ".", "..") else path.resolve().name
        stem = folder_name if path.is_dir() else _name_languages(path.stem)[0]
        base = safe_filename(display_path(stem) or "article")
        name, counter = base, 2
        while name.lower() in used or name.lower() == "index" or name.lower() == "summary":
            name = f"{base}-{counter}"
            counter += 1
        used.add(name.lower())
        names.append(name)
    return names


#: Format → (file suffix, module, function). A renderer's module is imported only when its
#: format is asked for: the XLIFF writer loads lxml (7 MiB), which a JSON run never needs.
_RENDERERS = {
    "json": (".json", "transaudit.report.json_report", "render_json"),
    "html": (".html", "transaudit.report.html_report", "render_html"),
    "text": (".txt", "transaudit.report.text_report", "render_text"),
    "xliff": (".xlf", "transaudit.report.xliff_report", "render_xliff"),
    "csv": (".csv", "transaudit.report.csv_report", "render_csv"),
}


def render_reports(result: ArticleResult, name: str, formats: Sequence[str]) -> dict[str, tuple[str, str]]:
    """The chosen formats as text, by format: (file name, text)."""
    from importlib import import_module

    rendered = {}
    for fmt in FORMATS:
        if fmt in formats:
            suffix, module, function = _RENDERERS[fmt]
            render: Callable[[ArticleResult], str] = getattr(import_module(module), function)
            rendered[fmt] = (name + suffix, render(result))
    return rendered


def write_reports(result: ArticleResult, out: Path, name: str, formats: Sequence[str]) -> dict[str, str]:
    """Write the chosen formats together (all or none); return the file names, by format."""
    rendered = render_reports(result, name, [fmt for fmt in formats if fmt != "json"])
    files: dict[str, str | Iterator[str]] = dict(rendered.values())
    names = {fmt: file_name for fmt, (file_name, _) in rendered.items()}
    if "json" in formats:  # written as it is encoded, never held whole (fsutil.write_group)
        names["json"] = name + ".json"
        files[names["json"]] = json_pieces(result)
    write_group(out, files)
    return {fmt: names[fmt] for fmt in FORMATS if fmt in names}


def write_index(out: Path, outcomes: Sequence[Outcome], generated_at: str,
                run: dict[str, Any] | None = None) -> None:
    """index.html, summary.json and summary.csv for whatever finished (or was skipped).

    ``run``: what the whole run used (waivers file, previous run compared with).
    """
    entries = [entry for outcome in outcomes for entry in outcome.index_entries()]
    write_group(out, {
        "summary.json": summary_json(entries, generated_at, run),
        "summary.csv": summary_csv(entries),
        "index.html": render_index(entries, generated_at=generated_at, run=run),
    })


_WORKER: dict[str, Any] = {}
#: prctl(2) option: the signal a process receives when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1
#: How often a worker checks that its parent is still there (where prctl is missing).
_WATCH_SECONDS = 1.0


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)


def _die_with_parent(parent_pid: int) -> None:
    """End this worker when the batch process ends, however it ends.

    A worker blocked on the executor's queue would otherwise live forever under
    PID 1 after ``kill -9`` of the parent. Linux delivers SIGKILL at the
    parent's death (``PR_SET_PDEATHSIG``); a watchdog thread polling the parent
    pid covers other systems. The check after prctl closes the race where the
    parent died before it was called.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()


#: What the batch process sends its workers to stop the article they are auditing.
STOP_SIGNAL = signal.SIGUSR1
#: Seconds the running audits get to stop (or finish) after an interrupt, before their
#: workers are killed: a stopped audit returns at once, a report being written needs
#: milliseconds; a worker deaf to the stop (blocked in C code) must not hold the run.
STOP_GRACE = 5.0


class _Stopped(BaseException):
    """Raised in a worker by :data:`STOP_SIGNAL`: the batch was interrupted."""


def _stop_worker(signum: int, frame: Any) -> None:
    """Stop the audit in progress, unless its reports are being written or it is done.

    Written reports stay complete and indexed: from the start of the writing the
    outcome is the parent's to collect, so the stop only marks the worker stopped.
    """
    _WORKER["stopped"] = True
    if not _WORKER.get("writing"):
        raise _Stopped


def _init_worker(
    settings: Settings, langs: Languages, out: str, formats: tuple[str, ...], parent_pid: int | None = None
) -> None:
    """Per-process state. A worker ignores Ctrl-C and SIGTERM so the parent decides
    what finishes, and dies with the parent."""
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(STOP_SIGNAL, _stop_worker)
        if parent_pid is not None:
            _die_with_parent(parent_pid)
        tune_collector()  # a worker process only audits (memo.py)
    _WORKER.update(settings=settings, langs=langs, out=Path(out), formats=formats, engine=Engine(settings))


def _audit_one(path: str, name: str) -> Outcome | None:
    """Read, audit and write the article(s) of one path inside a worker (or in-process).

    None when the batch was interrupted before this path's reports were written.

    A file holding several articles gives one outcome with a part per article,
    reported as ``<name>-<label>`` (the label of its XLIFF file or TMX pair).
    """
    _WORKER["writing"] = False
    if _WORKER.get("stopped"):
        return None
    try:
        return _audit_path(path, name)
    except _Stopped:
        return None  # interrupted: not audited, as if it had never started


def _audit_path(path: str, name: str) -> Outcome:
    try:
        articles = read_articles(Path(path), _WORKER["langs"])
    except InputError as error:
        return Outcome(path, name, error=str(error))
    if len(articles) == 1:
        return _audit_article(articles[0], path, name)
    base = _name_languages(Path(path).stem)[0]
    parts = []
    for article in articles:
        label = article.id[len(base) + 1 :] if article.id.startswith(base + "-") else article.id
        parts.append(_audit_article(article, path, safe_filename(f"{name}-{label}")))
    failed = next((part.error for part in parts if part.error), None)
    return Outcome(path, name, error=failed, text="\n".join(part.text for part in parts if part.text),
                   parts=parts)


def _audit_article(article: Article, path: str, name: str) -> Outcome:
    from transaudit.report.text_report import render_text

    try:
        result = audit_article(article, _WORKER["settings"], _WORKER["engine"])
        attach_comparison(result, _WORKER["settings"].review.compare_with, name)
    except Exception as error:  # a bug: the same outcome with -j 1 as in a worker process
        problem = f"internal error: {type(error).__name__}: {error}"
        return Outcome(path, name, error=f"{display_path(path)}: {problem}")
    finally:
        clear_text_caches()  # memory stays flat in the number of articles (memo.py)
    _WORKER["writing"] = True  # a stop from now on leaves this article's outcome whole
    try:
        files = write_reports(result, _WORKER["out"], name, _WORKER["formats"])
    except OSError as error:
        problem = f"cannot write the report of {display_path(path)}: {error.strerror or error}"
        return Outcome(path, name, error=f"{_WORKER['out']}: {problem}")
    entry = IndexEntry.from_result(result, files.get("html"), files.get("json"), files.values())
    if name != safe_filename(article.id):
        entry.name = f"{article.id} ({name})"  # two articles share an id: tell them apart
    return Outcome(path, name, entry=entry, text=render_text(result, top=TERMINAL_TOP, label=entry.name))


@dataclass
class BatchRun:
    outcomes: list[Outcome]
    #: The KeyboardInterrupt (Ctrl-C) or its SIGTERM subclass that stopped the run.
    interruption: BaseException | None = None

    @property
    def interrupted(self) -> bool:
        return self.interruption is not None


def run_batch(
    paths: Sequence[Path],
    settings: Settings,
    langs: Languages,
    out: Path,
    formats: Sequence[str],
    jobs: int,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    on_stop: Callable[[int], None] = lambda running: None,
) -> BatchRun:
    """Audit every path; ``on_done`` sees each outcome as it finishes, ``on_stop`` the number
    of audits still running when an interrupt arrives (with workers)."""
    names = report_names(paths)
    formats = tuple(formats)
    outcomes: dict[int, Outcome] = {}
    interruption: BaseException | None = None
    if jobs <= 1 or len(paths) <= 1:
        _init_worker(settings, langs, str(out), formats)
        try:
            with batch_collector():
                for index, (path, name) in enumerate(zip(paths, names, strict=False)):
                    outcome = _audit_one(str(path), name)
                    if outcome is not None:
                        outcomes[index] = outcome
                        on_done(outcome)
        except KeyboardInterrupt as error:
            interruption = error
    else:
        executor = ProcessPoolExecutor(
            max_workers=min(jobs, len(paths)),
            initializer=_init_worker,
            initargs=(settings, langs, str(out), formats, os.getpid()),
        )
        pending: dict[Future[Outcome | None], int] = {}

        def collect(future: Future[Outcome | None]) -> None:
            index = pending.pop(future)
            try:
                outcome = future.result()
            except Exception as error:
                where = display_path(paths[index])
                outcome = Outcome(str(paths[index]), names[index], error=f"{where}: {error}")
            if outcome is not None:  # None: stopped by the interrupt, not audited
                outcomes[index] = outcome
                on_done(outcome)

        try:
            for index, (path, name) in enumerate(zip(paths, names, strict=False)):
                pending[executor.submit(_audit_one, str(path), name)] = index
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    collect(future)
        except KeyboardInterrupt as error:
            # Workers ignore SIGINT and SIGTERM: cancel what has not started, tell the
            # running audits to stop (a report being written is finished and indexed),
            # and kill a worker that has not answered after STOP_GRACE.
            interruption = error
            for future in list(pending):
                if future.cancel():
                    pending.pop(future)
            on_stop(len(pending))
            workers = list((getattr(executor, "_processes", None) or {}).values())
            for process in workers:
                with contextlib.suppress(OSError):
                    os.kill(process.pid, STOP_SIGNAL)
            done, _ = wait(pending, timeout=STOP_GRACE)
            for future in done:
                collect(future)
            if pending:
                for process in workers:
                    with contextlib.suppress(OSError):
                        process.kill()
                pending.clear()  # their audits did not finish: not indexed, as if never started
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
            if interruption is not None:
                remove_stale_temporaries(out)  # a killed worker's half-written reports
    return BatchRun([outcomes[i] for i in sorted(outcomes)], interruption)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
