"""Audit many articles: name their reports, run in parallel, survive failures.

An unreadable article is reported and skipped while the rest are audited.
Reports are written by the worker that produced them (atomically), so an
interrupted batch leaves every finished report valid; the index is written
from whatever finished.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transaudit.audit import audit_article
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.errors import InputError
from transaudit.fsutil import safe_filename, write_atomic
from transaudit.input.readers import Languages, _name_languages, read_article
from transaudit.report.index_report import IndexEntry, render_index, summary_csv, summary_json
from transaudit.report.json_report import render_json
from transaudit.result import ArticleResult

FORMATS = ("html", "json", "text")
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

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def passed(self) -> bool:
        return bool(self.entry and self.entry.passed)

    def index_entry(self) -> IndexEntry:
        return self.entry or IndexEntry.skipped(self.name, self.error or "not audited", self.path)


def report_names(paths: Sequence[Path]) -> list[str]:
    """A distinct, safe file-name stem per article, derived from its path."""
    names: list[str] = []
    used: set[str] = set()
    for path in paths:
        folder_name = path.name if path.name not in ("", ".", "..") else path.resolve().name
        stem = folder_name if path.is_dir() else _name_languages(path.stem)[0]
        base = safe_filename(stem or "article")
        name, counter = base, 2
        while name.lower() in used or name.lower() == "index" or name.lower() == "summary":
            name = f"{base}-{counter}"
            counter += 1
        used.add(name.lower())
        names.append(name)
    return names


def write_reports(result: ArticleResult, out: Path, name: str, formats: Sequence[str]) -> dict[str, str]:
    """Write the chosen formats; return the file names written, by format."""
    from transaudit.report.html_report import render_html
    from transaudit.report.text_report import render_text

    written = {}
    renderers: dict[str, tuple[str, Callable[[ArticleResult], str]]] = {
        "json": (".json", render_json),
        "html": (".html", render_html),
        "text": (".txt", render_text),
    }
    for fmt in FORMATS:
        if fmt in formats:
            suffix, render = renderers[fmt]
            file_name = name + suffix
            write_atomic(out / file_name, render(result))
            written[fmt] = file_name
    return written


def write_index(out: Path, outcomes: Sequence[Outcome], generated_at: str) -> None:
    """index.html, summary.json and summary.csv for whatever finished (or was skipped)."""
    entries = [outcome.index_entry() for outcome in outcomes]
    write_atomic(out / "summary.json", summary_json(entries, generated_at))
    write_atomic(out / "summary.csv", summary_csv(entries))
    write_atomic(out / "index.html", render_index(entries, generated_at=generated_at))


_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, langs: Languages, out: str, formats: tuple[str, ...]) -> None:
    """Per-process state; a worker ignores Ctrl-C so the parent decides what finishes."""
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(settings=settings, langs=langs, out=Path(out), formats=formats, engine=Engine(settings))


def _audit_one(path: str, name: str) -> Outcome:
    """Read, audit and write one article inside a worker (or in-process)."""
    from transaudit.report.text_report import render_text

    try:
        article = read_article(Path(path), _WORKER["langs"])
    except InputError as error:
        return Outcome(path, name, error=str(error))
    result = audit_article(article, _WORKER["settings"], _WORKER["engine"])
    try:
        files = write_reports(result, _WORKER["out"], name, _WORKER["formats"])
    except OSError as error:
        return Outcome(path, name, error=f"{_WORKER['out']}: cannot write report: {error.strerror or error}")
    entry = IndexEntry.from_result(result, files.get("html"), files.get("json"))
    if name != safe_filename(article.id):
        entry.name = f"{article.id} ({name})"  # two articles share an id: tell them apart
    return Outcome(path, name, entry=entry, text=render_text(result, top=TERMINAL_TOP))


@dataclass
class BatchRun:
    outcomes: list[Outcome]
    interrupted: bool = False


def run_batch(
    paths: Sequence[Path],
    settings: Settings,
    langs: Languages,
    out: Path,
    formats: Sequence[str],
    jobs: int,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> BatchRun:
    """Audit every path; ``on_done`` sees each outcome as it finishes."""
    names = report_names(paths)
    formats = tuple(formats)
    outcomes: dict[int, Outcome] = {}
    interrupted = False
    if jobs <= 1 or len(paths) <= 1:
        _init_worker(settings, langs, str(out), formats)
        try:
            for index, (path, name) in enumerate(zip(paths, names, strict=False)):
                outcomes[index] = _audit_one(str(path), name)
                on_done(outcomes[index])
        except KeyboardInterrupt:
            interrupted = True
    else:
        executor = ProcessPoolExecutor(
            max_workers=min(jobs, len(paths)),
            initializer=_init_worker,
            initargs=(settings, langs, str(out), formats),
        )
        pending: dict[Future[Outcome], int] = {}

        def collect(future: Future[Outcome]) -> None:
            index = pending.pop(future)
            try:
                outcomes[index] = future.result()
            except Exception as error:
                outcomes[index] = Outcome(str(paths[index]), names[index], error=f"{paths[index]}: {error}")
            on_done(outcomes[index])

        try:
            for index, (path, name) in enumerate(zip(paths, names, strict=False)):
                pending[executor.submit(_audit_one, str(path), name)] = index
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    collect(future)
        except KeyboardInterrupt:
            # Workers ignore SIGINT: cancel what has not started, let the
            # running audits finish their (atomic) writes and index them.
            interrupted = True
            for future in list(pending):
                if future.cancel():
                    pending.pop(future)
            for future in list(pending):
                try:
                    future.result()
                except BaseException:
                    pass
                collect(future)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    return BatchRun([outcomes[i] for i in sorted(outcomes)], interrupted)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
