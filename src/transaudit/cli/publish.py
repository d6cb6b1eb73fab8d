"""``transaudit publish``: copy a finished batch into a shared folder."""

from __future__ import annotations

from pathlib import Path

import click

from transaudit.cli import Command
from transaudit.publish import publish


@click.command("publish", cls=Command, short_help="Publish a finished run to a shared folder.")
@click.argument("reports_dir", type=click.Path(path_type=Path))
@click.option("--to", "shared_dir", required=True, type=click.Path(path_type=Path),
              help="Shared folder that receives the run (created if its parent exists).")
@click.option("--keep", type=click.IntRange(min=1), default=None, metavar="N",
              help="Keep only the newest N runs (older ones are deleted).")
def publish_command(reports_dir: Path, shared_dir: Path, keep: int | None) -> None:
    """Publish the finished batch in REPORTS_DIR to a shared folder as a new dated run."""
    run = publish(reports_dir, shared_dir, keep=keep)
    click.echo(f"published {run} (latest: {run.parent / 'latest'})")
