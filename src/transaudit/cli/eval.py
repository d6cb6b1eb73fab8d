"""The ``transaudit eval`` command: thin glue between options and the evaluation."""

from __future__ import annotations

import os
from pathlib import Path

import click

from transaudit.analysis.languages import parse_pair
from transaudit.cli import Command, fail
from transaudit.cli.check import _missing_folders, _remove_if_empty, cli_settings
from transaudit.evaluation.evaluate import run_evaluation
from transaudit.evaluation.readers import FORMATS
from transaudit.evaluation.render import render_html, render_json, render_text
from transaudit.fsutil import display_path, remove_stale_temporaries, write_group


def _langs(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    return parse_pair(value)


def _prepare_out(out_dir: Path) -> None:
    """Create --out and prove it writable before the (long) evaluation runs."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"{display_path(out_dir)}: cannot create the output folder: {error.strerror or error}")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        fail(f"{display_path(out_dir)}: the output folder is not writable")
    remove_stale_temporaries(out_dir)


@click.command(name="eval", cls=Command, short_help="Measure the checks against human error annotations.")
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="Format of the annotated data (auto: tell from the content).",
)
@click.option("--langs", help="Language pair SRC-TGT for data that does not name it (MQM TSV).")
@click.option("--backend", help="Back-translation backend (none, apertium, …); default from the config.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these checks (code prefixes or names; comma or space separated, repeatable).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Turn these checks on in addition to the default (or --select) set.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these checks (code prefixes or names; comma or space separated, repeatable).")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (transaudit.toml)."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write eval.json and eval.html into this folder.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report instead of the tables.")
@click.option(
    "--per-segment",
    is_flag=True,
    help="Audit every segment as its own article (default: one article per system and document).",
)
@click.option(
    "--samples",
    type=click.IntRange(0),
    default=5,
    show_default=True,
    help="Unmatched issues kept per check for reading by hand.",
)
def eval_command(
    data: tuple[Path, ...],
    fmt: str,
    langs: str | None,
    backend: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    out_dir: Path | None,
    as_json: bool,
    per_segment: bool,
    samples: int,
) -> None:
    """Audit segments annotated by people and report how well the issues agree.

    DATA: bio-mqm JSONL, DEMETR JSONL or Google WMT MQM TSV files.
    """
    from transaudit.settings import resolve

    settings = resolve(config_path, *cli_settings(
        select=select, extend_select=extend_select, ignore=ignore, backend=backend))
    # As in `check`: folders made for --out are removed again if the run fails before
    # writing into them, so a failed evaluation leaves no empty folder behind.
    created = _missing_folders(out_dir) if out_dir is not None else []
    try:
        if out_dir is not None:
            _prepare_out(out_dir)
        try:
            report = run_evaluation(
                list(data), settings, None if fmt == "auto" else fmt, _langs(langs), not per_segment, samples
            )
        except ValueError as error:
            fail(str(error))
        click.echo(render_json(report) if as_json else render_text(report), nl=not as_json)
        if out_dir is not None:
            try:
                write_group(out_dir, {"eval.json": render_json(report), "eval.html": render_html(report)})
            except OSError as error:
                fail(f"{display_path(out_dir)}: cannot write the evaluation: {error.strerror or error}")
            if not as_json:
                click.echo(f"wrote {out_dir / 'eval.json'} and {out_dir / 'eval.html'}")
    finally:
        _remove_if_empty(created)
