"""Settings from ``transaudit.toml`` or ``[tool.transaudit]`` in pyproject.toml.

The CLI's options override the file; everything has a default here, in one
place, so the report can record exactly which settings produced it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from transaudit import validation
from transaudit.errors import ConfigError
from transaudit.model import Severity

DEFAULT_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0}
DEFAULT_THRESHOLD = 90.0
_CORE_KEYS = ("select", "extend-select", "ignore", "severity", "weights", "fail-under", "options", "backend",
              "model")
#: Settings of later stages, kept in ``Settings.extra`` (read by the glossary
#: checks and the back-translation stage; see README "Configuration").
EXTRA_KEYS = frozenset({
    "glossary", "timestamp", "no-cache", "cache-dir", "bt-timeout", "batch-size", "beams", "max-length",
    "device", "apertium-mode", "scheduler", "waivers", "spelling",
})


@dataclass(frozen=True)
class Settings:
    """Everything that changes what an audit reports."""

    select: tuple[str, ...] = ()
    #: Checks turned on in addition to ``select`` (or to the defaults), as in ruff.
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    threshold: float = DEFAULT_THRESHOLD
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    backend: str = "auto"
    model: str | None = None
    _CORE_KEYS = ("select", "ignore", "severity", "weights", "fail-under", "options", "backend", "model")
#: Settings of later stages (backend options, glossary, …) kept verbatim.
    extra: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> Settings:
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in changes.items() if k in known and v is not None})

    def to_dict(self) -> dict[str, Any]:
        return {
            "select": list(self.select),
            "extend_select": list(self.extend_select),
            "ignore": list(self.ignore),
            "severity": {k: v.value for k, v in sorted(self.severity.items())},
            "weights": dict(sorted(self.weights.items())),
            "threshold": self.threshold,
            "check_options": {k: self.check_options[k] for k in sorted(self.check_options)},
            "backend": self.backend,
            "model": self.model,
        }


def _codes(value: Any, path: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace(" ", ",").split(",") if part]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, f"'{key}' must be a list of check codes or names")
    return tuple(value)


def settings_from_mapping(raw: dict[str, Any], path: str) -> Settings:
    """Validate a parsed config table into Settings, naming the bad key."""
    settings = Settings()
    changes: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        norm = key.replace("_", "-")
        if norm == "select":
            changes["select"] = _codes(value, path, key)
        elif norm == "extend-select":
            changes["extend_select"] = _codes(value, path, key)
        elif norm == "ignore":
            changes["ignore"] = _codes(value, path, key)
        elif norm == "severity":
            if not isinstance(value, dict):
                raise ConfigError(path, "'severity' must be a table of CODE = \"minor|major|critical\"")
            try:
                changes["severity"] = {str(k): Severity.parse(str(v)) for k, v in value.items()}
            except ValueError as error:
                raise ConfigError(path, f"[severity]: {error}") from None
        elif norm == "weights":
            if not isinstance(value, dict):
                raise ConfigError(path, "'weights' must be a table of severity = number")
            weights = dict(DEFAULT_WEIGHTS)
            for name, number in value.items():
                if name not in DEFAULT_WEIGHTS:
                    raise ConfigError(path, f"[weights]: bad entry {name!r} = {number!r}")
                try:
                    weights[name] = validation.weight(number, f"[weights] {name}")
                except ValueError as error:
                    raise ConfigError(path, str(error)) from None
            changes["weights"] = weights
        elif norm in ("fail-under", "threshold"):
            try:
                changes["threshold"] = validation.finite_number(value, f"'{key}'")
            except ValueError as error:
                raise ConfigError(path, str(error)) from None
        elif norm in ("options", "check-options"):
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(path, "'options' must hold one table per check code")
            changes["check_options"] = {str(k): dict(v) for k, v in value.items()}
        elif norm == "backend":
            changes["backend"] = str(value)
        elif norm == "model":
            changes["model"] = str(value)
        elif norm == "glossary":
            try:
                extra[norm] = validation.glossary_setting(value, f"'{key}'")
            except ValueError as error:
                raise ConfigError(path, str(error)) from None
        elif norm in EXTRA_KEYS:
            extra[norm] = value
        else:
            known = sorted({*_CORE_KEYS, *EXTRA_KEYS})
            raise ConfigError(path, f"unknown setting {key!r} (known: {', '.join(known)})")
    return replace(settings, extra=extra, **changes)


def load_settings(config_path: str | None, start: Path | None = None) -> Settings:
    """Read the given config file, else ``transaudit.toml`` or pyproject.toml in ``start``."""
    if config_path:
        return _read(Path(config_path), explicit=True)
    folder = start or Path.cwd()
    for name in ("transaudit.toml", "pyproject.toml"):
        candidate = folder / name
        if candidate.is_file():
            settings = _read(candidate, explicit=False)
            if settings is not None:
                return settings
    return Settings()


def _read(path: Path, explicit: bool) -> Settings:
    try:
        validation.regular_file(path, "config file", ConfigError)
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "config file not found") from None
    except UnicodeDecodeError as error:
        raise ConfigError(str(path), f"not UTF-8 (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        raise ConfigError(
            str(path), f"invalid TOML: {error.msg if hasattr(error, 'msg') else error}", line
        ) from None
    if path.name == "pyproject.toml":
        table = raw.get("tool", {}).get("transaudit")
        if table is None:
            if explicit:
                raise ConfigError(str(path), "no [tool.transaudit] table")
            return Settings()
        raw = table
    elif "tool" in raw and "transaudit" in raw.get("tool", {}):
        raw = raw["tool"]["transaudit"]
    return settings_from_mapping(raw, str(path))
