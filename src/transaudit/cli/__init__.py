"""The ``transaudit`` command line: thin glue over readers, audit and reports.

One module per command (``check``, ``checks``, ``eval``, ``publish``); this one
holds the group, the exit codes and the one error style they share.

Exit codes: 0 every article passes; 1 at least one article scores below its
threshold; 2 bad usage or unreadable input (one line naming the file and the
problem, never a traceback); 130 interrupted.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from transaudit import __version__
from transaudit.errors import InputError

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"transaudit: {message}", err=True)
    sys.exit(code)


class Main(click.Group):
    """Turns InputError anywhere below into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            fail(str(error))


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transaudit")
def main() -> None:
    """Audit machine-translated articles: checks, MQM-style score, reports."""


def _register_commands() -> None:
    from transaudit.cli.check import check
    from transaudit.cli.checks import list_checks
    from transaudit.cli.eval import eval_command
    from transaudit.cli.publish import publish_command

    main.add_command(check, name="check")
    main.add_command(list_checks, name="checks")
    main.add_command(eval_command, name="eval")
    main.add_command(publish_command, name="publish")


_register_commands()
