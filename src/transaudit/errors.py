"""Errors an editor can act on: which file, which line, what is wrong.

The CLI prints them as one line and exits with code 2; they never surface as a
traceback.
"""

from __future__ import annotations

from transaudit.fsutil import display_path


class InputError(Exception):
    """Input the tool cannot use, located as precisely as possible."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = display_path(str(path))
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


class ConfigError(InputError):
    """A configuration file or option that cannot be used."""
