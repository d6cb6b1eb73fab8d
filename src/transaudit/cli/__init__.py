"""The ``transaudit`` command line: thin glue over readers, audit and reports.

One module per command (``check``, ``checks``, ``eval``, ``languages``, ``publish``); this one
holds the group, the exit codes and the one error style they share.

Exit codes: 0 every article passes; 1 at least one article scores below its
threshold; 2 bad usage or unreadable input (one line naming the file and the
problem, never a traceback); 3 an internal error (a bug: one line, the traceback
with ``TRANSAUDIT_DEBUG=1``); 130 interrupted by Ctrl-C (SIGINT) and 143 stopped
by SIGTERM (128 + the signal number, the shell convention). Both signals are
handled alike: finished reports are kept and indexed.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NoReturn

import click

from transaudit import __version__
from transaudit.errors import InputError

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so both stop a run the same way."""

    signum = signal.SIGTERM


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def handle_sigterm(ctx: click.Context) -> None:
    """Make SIGTERM behave like Ctrl-C (KeyboardInterrupt) while the command runs."""
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


def interrupt_code(error: BaseException | None) -> int:
    """130 for Ctrl-C, 143 for SIGTERM."""
    return EXIT_TERMINATED if isinstance(error, Terminated) else EXIT_INTERRUPTED


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """One line on stderr, control characters of file names made visible, then exit."""
    from transaudit.terminal import escape

    click.echo(f"transaudit: {escape(message)}", err=True)
    sys.exit(code)


class Command(click.Command):
    """Every command: an InputError (bad file, bad setting) becomes one line and exit code 2.

    On each command, not only the group, so a command invoked on its own (tests,
    embedding) fails the same way: ``transaudit: WHERE: PROBLEM``.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            fail(str(error))


class Main(click.Group):
    """Turns InputError anywhere below into one line and exit code 2, an interrupt
    into 130/143, and a bug into one line and exit code 3 (so ``make audit`` and
    scripts that accept exit 1 as "some articles fail" never mistake a crash for it)."""

    command_class = Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            fail(str(error))
        except click.UsageError as error:
            usage_error(error)
        except KeyboardInterrupt as error:
            fail("interrupted", interrupt_code(error))
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
        except Exception as error:
            if os.environ.get("TRANSAUDIT_DEBUG"):
                traceback.print_exc()
            fail(f"internal error: {type(error).__name__}: {error} (a bug; TRANSAUDIT_DEBUG=1 shows the "
                 "traceback)", EXIT_INTERNAL)


    #: Commands imported when first run or listed: name → (module, function); see :data:`_COMMANDS`.
    lazy_commands: Mapping[str, tuple[str, str]] = MappingProxyType({})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            from importlib import import_module

            module, attribute = self.lazy_commands[name]
            self.add_command(getattr(import_module(module), attribute), name=name)
        return super().get_command(ctx, name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            usage_error(error)


def usage_error(error: click.UsageError) -> NoReturn:
    """A mistyped command line, in the one error style: one line naming the command
    and the option, and where to read more (Click's own form takes three lines)."""
    names: list[str] = []
    ctx = error.ctx
    while ctx is not None and ctx.parent is not None:  # the root's name may be "python -m …"
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    where = " ".join(names)
    command = f"transaudit {where}".strip()
    message = error.format_message().rstrip(".")
    fail(f"{where + ': ' if where else ''}{message} (see '{command} --help')")


def _quiet_broken_pipe() -> NoReturn:
    """The reader of our output went away (``transaudit checks | head``): that is
    not an error. Point stdout at /dev/null so the interpreter's final flush
    cannot raise again, and exit 0 like ``cat`` or ``ls`` would."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_OK)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="transaudit")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Audit machine-translated articles: checks, MQM-style score, reports."""
    handle_sigterm(ctx)


#: Command name → (module, function). A command's module is imported when it is run (or
#: listed by ``--help``), so ``check`` does not load ``eval``'s evaluation stack, jinja2
#: and numpy with it (memory: a process keeps every module it ever imported).
_COMMANDS = {
    "check": ("transaudit.cli.check", "check"),
    "checks": ("transaudit.cli.checks", "list_checks"),
    "eval": ("transaudit.cli.eval", "eval_command"),
    "languages": ("transaudit.cli.languages", "languages_command"),
    "publish": ("transaudit.cli.publish", "publish_command"),
    "waive": ("transaudit.cli.waive", "waive"),
}
main.lazy_commands = _COMMANDS
