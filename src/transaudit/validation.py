"""Small validators for values that come from users: numbers, paths, settings.

Each returns the clean value or raises with a message an editor can act on, so
the command line and the config file (whatever model holds the settings) refuse
the same things in the same words. Kept free of settings types on purpose.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from transaudit.errors import InputError

#: Largest severity weight accepted. A weight is penalty points per issue; far
#: above any MQM scheme (critical = 25) yet small enough that a million issues
#: times 1000 / words stays a finite float (1e308 made scores -inf and JSON invalid).
MAX_WEIGHT = 1_000_000.0


def finite_number(value: object, what: str) -> float:
    """``value`` as a float; refuses bools, non-numbers, NaN and infinities (ValueError)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} must be a number, not {value!r}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{what} is too large") from None
    if not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    return number


def weight(value: object, what: str) -> float:
    """A severity weight: finite, from 0 to :data:`MAX_WEIGHT` (ValueError otherwise)."""
    number = finite_number(value, what)
    if not 0 <= number <= MAX_WEIGHT:
        raise ValueError(f"{what} must be between 0 and {MAX_WEIGHT:,.0f}, not {value!r}")
    return number


def glossary_setting(value: object, what: str = "'glossary'") -> list[str]:
    """The ``glossary`` setting as a list of paths: one path, or a list of paths."""
    if isinstance(value, str | os.PathLike):
        return [os.fspath(value)] if os.fspath(value) else []
    if isinstance(value, list | tuple) and all(isinstance(item, str | os.PathLike) for item in value):
        return [os.fspath(item) for item in value if os.fspath(item)]
    raise ValueError(f"{what} must be a file path or a list of file paths, not {value!r}")


def regular_file(path: str | os.PathLike[str], what: str, error: type[InputError] = InputError) -> Path:
    """``path`` if it is a regular file (after symlinks); else InputError naming it.

    A FIFO would block the read forever and ``/dev/zero`` would never end, so
    only regular files are read as configs and glossaries (articles too).
    ``error`` is the InputError subclass to raise (ConfigError for a config).
    """
    file = Path(path)
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise error(str(file), f"{what} not found") from None
    except OSError as problem:
        raise error(str(file), f"cannot read {what}: {problem.strerror or problem}") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(str(file), f"is a folder, expected a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise error(str(file), f"not a regular file (a device, pipe or socket), expected a {what}")
    return file
