"""``transaudit check``: audit articles and write their reports."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from transaudit.cli import EXIT_FAILED, EXIT_INPUT, EXIT_OK, Command, fail, interrupt_code
from transaudit.fsutil import Snapshot, remove_stale_temporaries
from transaudit.report import REPORT_SUFFIXES
from transaudit.terminal import escape

if TYPE_CHECKING:
    from transaudit.settings import Settings


EPILOG = """
\b
Examples:
  transaudit check corpora/caspian-energy-forum --out reports/
  transaudit check corpora/ --out reports/ --jobs 2 --compare /srv/shared/transaudit
  transaudit check story.tsv -s es -t en --extend-select TA401 --format text
  transaudit check story.es-en.tsv --backend none --fail-under 85 --glossary terms.tsv
\b
Exit codes:
  0    every article passes its threshold
  1    at least one article fails it
  2    bad usage or unreadable input (one line names the file and the problem;
       in a batch the article is skipped and the rest are audited)
  3    internal error (a bug; TRANSAUDIT_DEBUG=1 shows the traceback)
  130  interrupted by Ctrl-C, 143 stopped by SIGTERM (finished reports and an
       index of them are kept)
"""


@click.command("check", cls=Command, short_help="Audit articles and write their reports.", epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source-lang", "-s", metavar="LANG",
              help="Source language (ISO 639-1), else from file names or detection.")
@click.option("--target-lang", "-t", metavar="LANG",
              help="Target language (ISO 639-1), else from the file or detection; picks a TMX pair.")
@click.option("--force-lang", is_flag=True,
              help="Audit with the declared languages even when the file name or the text contradicts them.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder for the reports.")
@click.option("--format", "formats", multiple=True,
              type=click.Choice(["html", "json", "text", "xliff", "csv"]),
              help="Report format; repeatable. Default: html and json. xliff: the input annotated with "
                   "ITS quality marks; csv: one row per issue.")
@click.option("--backend", type=click.Choice(["auto", "apertium", "transformers", "none"]),
              help="Back-translation engine (default from config, else auto).")
@click.option("--model", metavar="ID_OR_PATH", help="transformers model (hub id or local folder).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these checks, every other one off (code prefixes or names; comma or space "
                   "separated, repeatable).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Turn these checks on in addition to the default (or --select) set, e.g. TA401.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these checks (code prefixes or names; comma or space separated, repeatable).")
@click.option("--config", type=click.Path(path_type=Path),
              help="Config file (default: ./transaudit.toml or ./pyproject.toml).")
@click.option("--fail-under", metavar="SCORE",
              help="Pass threshold for the article score (default 90).")
@click.option("--glossary", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file (CSV, TSV or TBX); repeatable.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Parallel processes for a batch (default: number of cores).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the batch on a Dask cluster (e.g. tcp://host:8786) instead of local processes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-article summary.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the back-translation cache.")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="Back-translation cache folder.")
@click.option("--bt-timeout", metavar="SECONDS",
              help="Time limit per back-translation batch.")
@click.option("--timestamp", metavar="ISO8601", help="Fix the report timestamp (also: SOURCE_DATE_EPOCH).")
@click.option("--waivers", "waivers_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Waivers file (JSON Lines or TOML; default: waivers.jsonl in --out, if present).")
@click.option("--compare", "compare_with", type=click.Path(path_type=Path), metavar="PREVIOUS_OUT",
              help="Report issues new, fixed and unchanged since an earlier --out folder (or a shared "
                   "folder's latest run).")
def check(
    paths: tuple[Path, ...],
    source_lang: str | None,
    target_lang: str | None,
    force_lang: bool,
    out: Path,
    formats: tuple[str, ...],
    backend: str | None,
    model: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    fail_under: str | None,
    glossary: tuple[Path, ...],
    jobs: int | None,
    scheduler: str | None,
    quiet: bool,
    no_cache: bool,
    cache_dir: Path | None,
    bt_timeout: str | None,
    timestamp: str | None,
    waivers_file: Path | None,
    compare_with: Path | None,
) -> None:
    """Audit articles (TSV, JSONL, XLIFF, TMX, PO or article folders; a folder of them is a batch)."""
    from transaudit.analysis.languages import normalize_language
    from transaudit.batch import default_jobs, run_batch
    from transaudit.engine import select_checks
    from transaudit.input.readers import Languages, discover
    from transaudit.pipeline import run_timestamp
    from transaudit.settings import resolve

    settings = resolve(config, *cli_settings(
        select=select, extend_select=extend_select, ignore=ignore, backend=backend, model=model,
        fail_under=fail_under, glossary=[str(path) for path in glossary], no_cache=no_cache,
        cache_dir=cache_dir and str(cache_dir), bt_timeout=bt_timeout, timestamp=timestamp,
        scheduler=scheduler, waivers=waivers_file and str(waivers_file),
    ))
    try:
        run_timestamp(settings)
    except (ValueError, OverflowError) as error:
        fail(str(error))
    if settings.backtranslation.backend == "transformers" and not settings.backtranslation.model:
        fail("--backend transformers needs --model (a hub id or a local model folder)")
    select_checks(settings)
    run_info, settings = _review_inputs(settings, compare_with, out)
    _validate_glossaries(settings.glossary.paths)
    from transaudit.batch import Outcome, report_names

    # An input left out while collecting (a symlink out of its folder, a broken one) is
    # skipped like an unreadable file: named now, listed in the index, exit code 2.
    unsafe: list[Outcome] = []

    def skip(entry: Path, reason: str) -> None:
        unsafe.append(Outcome(str(entry), report_names([entry])[0], error=f"{entry}: {reason}"))
        click.echo(f"transaudit: skipped {escape(unsafe[-1].error or '')}", err=True)

    articles = list(discover(list(paths), exclude=out, skip=skip,
                             notice=lambda message: click.echo(f"transaudit: {escape(message)}", err=True)))
    if out.exists() and not out.is_dir():
        fail(f"{out}: exists and is not a folder (--out needs a folder)")
    # Folders this run creates for --out are removed again if it stops before writing
    # anything (bad input, a usage error): a failed run leaves no empty folder behind.
    created = _missing_folders(out)
    before: Snapshot | None = None
    try:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(f"{out}: cannot create the report folder: {error.strerror or error}")
        if not _writable(out):
            fail(f"{out}: the report folder is not writable")
        remove_stale_temporaries(out)
        langs = Languages(
            normalize_language(source_lang, "--source-lang") if source_lang else None,
            normalize_language(target_lang, "--target-lang") if target_lang else None,
            force=force_lang,
        )
        formats = formats or ("html", "json")
        scheduler = settings.execution.scheduler
        if scheduler and jobs:
            fail("--jobs and --scheduler exclude each other (the cluster's workers set the parallelism)")
        jobs = jobs or default_jobs()
        show_progress = not quiet and sys.stderr.isatty() and len(articles) > 1

        bar = click.progressbar(length=len(articles), label="Auditing", show_eta=True, show_pos=True,
                                file=sys.stderr) if show_progress else None

        def on_done(outcome: Any) -> None:
            if quiet or (not outcome.ok and len(articles) == 1):
                if bar is not None:
                    bar.update(1)
                return
            if outcome.ok:
                message = outcome.text.rstrip("\n")
            else:
                message = f"transaudit: skipped {escape(outcome.error or outcome.path)}"
            if bar is not None:
                # Erase the bar's line, print above it, then redraw it below: the
                # scrollback keeps the summaries and no stale copies of the bar.
                sys.stderr.write("\r\x1b[2K")
                sys.stderr.flush()
            click.echo(message, err=not outcome.ok)
            if bar is not None:
                bar.update(1)

        before = Snapshot(out, REPORT_SUFFIXES)  # to undo the run if its index cannot be written
        started = time.monotonic()
        if bar is not None:
            bar.__enter__()
        try:
            if scheduler:
                from transaudit.distributed import ClusterError, run_on_cluster

                try:
                    run = run_on_cluster(articles, settings, langs, out, formats, scheduler.strip(), on_done)
                except ClusterError as error:
                    fail(str(error))
            else:
                run = run_batch(articles, settings, langs, out, formats, jobs, on_done, _say_stopping)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        outcomes = run.outcomes + unsafe
        inputs = len(articles) + len(unsafe)
        # One article is a batch of one: it gets an index and a summary.json too, so it
        # can be published; a single unreadable input writes nothing.
        if inputs > 1 or run.interrupted or all(o.ok for o in outcomes) or any(o.parts for o in outcomes):
            if run.interrupted:  # summary.json says so; publish refuses such a batch
                finished = sum(o.ok for o in run.outcomes)
                run_info = {**run_info, "interrupted": f"interrupted after {finished} of {len(articles)} "
                            "inputs; re-run the same command to finish"}
            _write_index_or_fail(out, outcomes, run_timestamp(settings), run_info, before)
            _note_unindexed(out)
        if (inputs > 1 or any(o.parts for o in outcomes)) and not quiet:
            click.echo(totals_line(outcomes, time.monotonic() - started), err=True)
        if run.interrupted:
            finished = sum(o.ok for o in run.outcomes)
            fail(f"interrupted: {finished} finished report(s) kept in {out}",
                 interrupt_code(run.interruption))
        skipped = [o for o in outcomes if not o.ok]
        if skipped and inputs == 1:
            fail(skipped[0].error or skipped[0].path)
        if skipped:
            click.echo(f"transaudit: {len(skipped)} article(s) skipped: "
                       + escape("; ".join(o.error or o.path for o in skipped)), err=True)
            sys.exit(EXIT_INPUT)
        sys.exit(EXIT_OK if all(o.passed for o in outcomes) else EXIT_FAILED)

    finally:
        if before is not None:
            before.discard()  # a run stopped by a bug or a usage error leaves its reports, not the links
        _remove_if_empty(created)

def _say_stopping(running: int) -> None:
    """One line as soon as an interrupt arrives: the running audits get a few seconds to stop."""
    from transaudit.batch import STOP_GRACE

    audits = "audit" if running == 1 else "audits"
    click.echo(f"transaudit: stopping: {running} running {audits} told to stop (killed after "
               f"{STOP_GRACE:g} s); finished reports are kept and indexed", err=True)


def _write_index_or_fail(out: Path, outcomes: Sequence[Any], generated_at: str,
                         run_info: dict[str, Any], before: Snapshot) -> None:
    """Write the run's index; if it cannot be written, put the folder back as it was.

    Reports and index are all or none for the run: the articles' reports are
    already in place (each article's formats together), so on failure the
    reports this run replaced get their previous content back and the ones it
    added are removed (``before``), and the previous index (left whole by the
    failed group write) describes the folder again.
    """
    from transaudit.batch import write_index

    try:
        write_index(out, outcomes, generated_at, run_info)
    except OSError as error:
        written = [name for o in outcomes for part in (o.parts or [o]) if part.entry is not None
                   for name in part.entry.files]
        put_back, removed = before.restore(written)
        undone = []
        if removed:
            undone.append(f"its {removed} new report file{'' if removed == 1 else 's'} removed")
        if put_back:
            undone.append(f"{put_back} replaced report file{'' if put_back == 1 else 's'} put back")
        fail(f"{out}: cannot write the index: {error.strerror or error}; the run is undone"
             + (f" ({', '.join(undone)})" if undone else "") + ": the folder holds what it held before")
    before.discard()


def _note_unindexed(out: Path) -> None:
    """Warn when ``out`` also holds reports of earlier runs that this index does not list."""
    import json

    from transaudit.publish import SUMMARY, describe_unindexed, unindexed_reports

    try:
        summary = json.loads((out / SUMMARY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    stray = unindexed_reports(out, summary)
    if stray:
        click.echo(f"transaudit: note: {escape(str(out))} holds {escape(describe_unindexed(stray))}; "
                   "`transaudit publish` refuses the folder until they are removed", err=True)


def totals_line(outcomes: Sequence[Any], seconds: float) -> str:
    """The batch's closing line: articles, passed, failed, skipped, issues, time."""
    outcomes = [part for o in outcomes for part in (o.parts or [o])]  # each article of a multi-article file
    passed = sum(1 for o in outcomes if o.ok and o.passed)
    failed = sum(1 for o in outcomes if o.ok and not o.passed)
    skipped = sum(1 for o in outcomes if not o.ok)
    issues = sum(o.entry.issues for o in outcomes if o.entry is not None)
    return (f"transaudit: {len(outcomes)} articles: {passed} passed, {failed} failed, {skipped} skipped; "
            f"{issues} issue{'' if issues == 1 else 's'}; {seconds:.1f} s")


def _review_inputs(settings: Settings, compare_with: Path | None,
                   out: Path) -> tuple[dict[str, Any], Settings]:
    """Load the waivers and find the previous run: (summary.json fields, settings carrying them)."""
    from dataclasses import replace

    from transaudit.compare import resolve_previous
    from transaudit.waivers import DEFAULT_NAME, load_waivers, waivers_to_records

    run_info: dict[str, Any] = {}
    review = settings.review
    waivers_file = review.waivers_file
    path = Path(waivers_file) if waivers_file else out / DEFAULT_NAME
    if waivers_file or path.is_file():
        waivers = load_waivers(path)
        review = replace(review, waivers=waivers_to_records(waivers))
        run_info["waivers"] = {"file": str(path), "count": len(waivers)}
    if compare_with is not None:
        previous = resolve_previous(compare_with)
        review = replace(review, compare_with=previous)
        run_info["compared_with"] = previous
    return run_info, replace(settings, review=review)
def cli_settings(**given: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Command-line values as config keys (unset ones left out) and the option behind each key.

    Shared by ``check`` and ``eval`` so both accept the same syntax and errors
    name the option (``--select``), never an internal key.
    """
    keys: dict[str, Any] = {}
    for name, value in given.items():
        if value in (None, False, (), []):
            continue
        keys[name.replace("_", "-")] = list(value) if isinstance(value, tuple) else value
    return keys, {key: f"--{key}" for key in keys}


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its ancestors that do not exist yet, deepest first (what mkdir -p creates)."""
    missing: list[Path] = []
    path = folder.absolute()
    while not path.exists() and not path.is_symlink() and path != path.parent:
        missing.append(path)
        path = path.parent
    return missing


def _remove_if_empty(created: list[Path]) -> None:
    """Remove the folders this run created, deepest first, while they are empty.

    Only folders found missing before the run: a folder that existed, or one
    anything was written into (by this run or another), is kept.
    """
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            return


def _writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK | os.X_OK)


def _validate_glossaries(paths: Sequence[str]) -> None:
    """Load each glossary once up front so a bad file is an input error, not a crash."""
    if not paths:
        return
    from transaudit.input.glossary import load_glossary

    for path in paths:
        load_glossary(path)
