"""The check registry.

Every module in this package (except ``base``) declares checks with
:func:`register`; modules are imported in sorted name order so the catalogue
and the order of findings never depend on the file system.
"""

from __future__ import annotations

import importlib
import pkgutil

from transaudit.checks.base import Check, CheckContext, Finding, Need, Option

__all__ = [
    "Check", "CheckContext", "Finding", "Need", "Option", "all_checks", "find_check", "get_check", "register",
]

_REGISTRY: dict[str, type[Check]] = {}
_loaded = False


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: add a check to the catalogue under its code."""
    for attribute in ("code", "name", "category"):
        if not getattr(cls, attribute, None):
            raise TypeError(f"check {cls.__name__} must declare {attribute}")
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise TypeError(f"check code {cls.code} declared twice")
    _check_options(cls)
    if not isinstance(cls.needs, tuple) or not all(isinstance(n, Need) for n in cls.needs):
        raise TypeError(f"check {cls.code}: declare needs as a tuple of Need(family, side=…, pair=…)")
    _REGISTRY[cls.code] = cls
    return cls


def _check_options(cls: type[Check]) -> None:
    """Options are declared as :class:`Option` tuples with unique names and valid defaults."""
    if not isinstance(cls.options, tuple) or not all(isinstance(o, Option) for o in cls.options):
        raise TypeError(f"check {cls.code}: declare options as a tuple of Option(name, type, default, …)")
    names = [option.name for option in cls.options]
    if len(set(names)) != len(names):
        raise TypeError(f"check {cls.code}: an option is declared twice")
    for option in cls.options:
        option.coerce(option.default)


def _load_modules() -> None:
    global _loaded
    if _loaded:
        return
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base")
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    _loaded = True


def all_checks() -> list[type[Check]]:
    """Every registered check, sorted by code."""
    _load_modules()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_check(code: str) -> type[Check]:
    _load_modules()
    return _REGISTRY[code]


def find_check(key: str) -> type[Check] | None:
    """The check with this exact code (any case) or name, else None."""
    _load_modules()
    wanted = key.strip()
    for check in _REGISTRY.values():
        if check.code.upper() == wanted.upper() or check.name == wanted.lower():
            return check
    return None
