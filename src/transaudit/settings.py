"""One typed settings model: defaults, then the config file, then the command line.

Every setting has one key (``bt-timeout``), one parser and one default, listed in
:data:`KEYS`. The config file (``transaudit.toml``, ``[tool.transaudit]`` in
pyproject.toml or ``--config FILE``), the command line and the Python API all
produce *layers* of the same keys through the same parser, and :func:`merge` is
the one place where they are combined: a later layer wins key by key (check
selection follows ruff, see :class:`Selection`). So a command-line option always
beats the file, a misspelt key is an error naming the key and where it came from
(never a silently ignored setting), and the report can record every setting that
produced it (:meth:`Settings.to_dict`).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from transaudit import validation
from transaudit.errors import ConfigError
from transaudit.model import Severity

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({"minor": 1.0, "major": 5.0, "critical": 25.0})
DEFAULT_THRESHOLD = 90.0
BACKENDS = ("auto", "apertium", "transformers", "none")
#: Where settings built in Python (tests, notebooks) say they came from.
API = "settings"


@dataclass(frozen=True)
class Selection:
    """The ``select``/``extend-select``/``ignore`` patterns of one layer.

    Patterns are code prefixes (``TA1``), exact codes, check names or ``ALL``.
    Layers apply in order, as in ruff: a layer's ``select`` replaces the
    checks chosen so far, ``extend-select`` adds to them, ``ignore`` removes;
    a layer without ``select`` passes its ignores on to the next layer.
    """

    origin: str
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "select": None if self.select is None else list(self.select),
            "extend_select": list(self.extend_select),
            "ignore": list(self.ignore),
        }


@dataclass(frozen=True)
class BackTranslationSettings:
    """How target segments are translated back (``transaudit.backtranslation``)."""

    backend: str = "auto"
    model: str | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    #: Seconds per engine batch (``None``: no limit).
    timeout: float | None = None
    batch_size: int = 16
    beams: int = 4
    max_length: int = 256
    device: str = "cpu"
    #: Force an Apertium mode (e.g. ``spa-eng_US``) instead of choosing one.
    apertium_mode: str | None = None


@dataclass(frozen=True)
class GlossaryFile:
    """A glossary as given (path relative to the working directory) and its content hash."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Glossary:
    files: tuple[GlossaryFile, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(entry.path for entry in self.files)


@dataclass(frozen=True)
class SpellingSettings:
    """The ``[spelling]`` table of the spelling check (TA140)."""

    #: Editors' word lists (one word a line); a missing or unreadable one is refused.
    words: tuple[str, ...] = ()
    #: Only these Hunspell dictionaries (e.g. ``en_US``); empty: every installed variety.
    varieties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Output:
    #: Fixed report timestamp (``--timestamp``); else SOURCE_DATE_EPOCH or now.
    timestamp: str | None = None


@dataclass(frozen=True)
class Execution:
    """Where the audit runs; never changes what a report says, so reports leave it out."""

    #: A Dask scheduler address (``tcp://host:8786``); None: local processes.
    scheduler: str | None = None


@dataclass(frozen=True)
class Review:
    """An editor's waivers and the previous run to compare with.

    Only ``waivers_file`` is a key (``waivers``); the CLI loads the file and
    resolves ``--compare`` once, and the results travel with the settings to
    worker processes. The report lists waived issues and the comparison itself.
    """

    waivers_file: str | None = None
    #: Loaded waivers, as plain dicts (see :mod:`transaudit.waivers`).
    waivers: tuple[Mapping[str, str], ...] = ()
    #: ``{"dir", "since"}`` of the run to compare with.
    compare_with: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Scoring:
    threshold: float = DEFAULT_THRESHOLD
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))


@dataclass(frozen=True)
class Settings:
    """Everything that changes what an audit reports.

    Build one with :meth:`from_keys` (the config file's keys, hyphens or
    underscores) or :func:`resolve` (file and command line); the constructor
    takes already-typed sections.
    """

    selection: tuple[Selection, ...] = ()
    #: Check code → severity.
    severity: Mapping[str, Severity] = field(default_factory=dict)
    #: Check code → option name → value (only what was configured; the
    #: engine adds each check's declared defaults).
    check_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    scoring: Scoring = field(default_factory=Scoring)
    backtranslation: BackTranslationSettings = field(default_factory=BackTranslationSettings)
    glossary: Glossary = field(default_factory=Glossary)
    spelling: SpellingSettings = field(default_factory=SpellingSettings)
    output: Output = field(default_factory=Output)
    execution: Execution = field(default_factory=Execution)
    review: Review = field(default_factory=Review)
    #: The config file that was read (as given or found), if any.
    config_file: str | None = None

    @classmethod
    def from_keys(cls, **keys: Any) -> Settings:
        """Settings from config-file keys (``select="TA101"``, ``bt_timeout=5``), validated."""
        return merge([parse_layer(_python_keys(keys), API)])

    def with_overrides(self, **keys: Any) -> Settings:
        """These settings with config-file keys laid on top; an unknown key is an error."""
        return merge([parse_layer(_python_keys(keys), API)], base=self)

    @property
    def threshold(self) -> float:
        return self.scoring.threshold

    @property
    def weights(self) -> Mapping[str, float]:
        return self.scoring.weights

    def patterns(self, kind: str) -> tuple[str, ...]:
        """Every ``select``, ``extend_select`` or ``ignore`` pattern given, in layer order."""
        return tuple(p for layer in self.selection for p in (getattr(layer, kind) or ()))

    def to_dict(self) -> dict[str, Any]:
        """Every setting, for the report (check options are added by the audit, with defaults).

        ``output.timestamp`` is left out: the report's ``generated_at`` is that
        time, and must stay the only field that differs between identical runs;
        so is ``execution`` (a cluster and a laptop write the same report).
        """
        bt = self.backtranslation
        return {
            "config_file": self.config_file,
            "select": list(self.patterns("select")),
            "extend_select": list(self.patterns("extend_select")),
            "ignore": list(self.patterns("ignore")),
            "selection": [layer.to_dict() for layer in self.selection],
            "severity": {k: v.value for k, v in sorted(self.severity.items())},
            "weights": dict(sorted(self.scoring.weights.items())),
            "threshold": self.scoring.threshold,
            "check_options": {k: dict(sorted(v.items())) for k, v in sorted(self.check_options.items())},
            "backend": bt.backend,
            "model": bt.model,
            "backtranslation": {f.name: getattr(bt, f.name) for f in fields(bt)
                                if f.name not in ("backend", "model")},
            "glossaries": [{"path": g.path, "sha256": g.sha256} for g in self.glossary.files],
            "spelling": {"words": list(self.spelling.words), "varieties": list(self.spelling.varieties)},
        }


# ---------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Key:
    """One setting: where it lives in :class:`Settings` and how its value is read."""

    section: str
    attribute: str
    parse: Callable[[Any], Any]
    help: str
    #: A number: text such as ``"90"`` is read from the command line, which gives every
    #: value as text, and from the API; in a config file, which has types, it is a slip.
    numeric: bool = False


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty string, not {value!r}")
    return value.strip()


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {value!r}")
    return value


def _number(positive: bool = False) -> Callable[[Any], float]:
    """A finite number (a string too: the command line gives strings)."""

    def parse(value: Any) -> float:
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise ValueError(f"must be a number, not {value!r}") from None
        try:
            number = validation.finite_number(value, "")
        except ValueError as error:
            raise ValueError(str(error).strip()) from None
        if positive and number <= 0:
            raise ValueError(f"must be a number above 0, not {value!r}")
        return number

    return parse


def _whole(minimum: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"must be a whole number ≥ {minimum}, not {value!r}")
        return value

    return parse


def _backend(value: Any) -> str:
    name = _string(value).lower()
    if name not in BACKENDS:
        raise ValueError(f"must be one of {', '.join(BACKENDS)}, not {value!r}")
    return name


def _model(value: Any) -> str:
    """A hub id, or a local folder that must exist: a misspelt path is a usage error
    (exit 2), not an audit that silently runs without back-translation."""
    from transaudit.backtranslation.transformers import looks_like_path

    model = _string(value)
    if looks_like_path(model) and not Path(model).expanduser().is_dir():
        raise ValueError(f"names a model folder that does not exist: {model!r} "
                         "(a hub id is NAME or OWNER/NAME)")
    return model


def _scheduler(value: Any) -> str:
    try:
        return _string(value)
    except ValueError:
        raise ValueError(f"must be a Dask scheduler address such as tcp://host:8786, not {value!r}") from None


def _timestamp(value: Any) -> str:
    from transaudit.pipeline import parse_timestamp

    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, datetime.date):  # TOML's own dates and datetimes: 2026-01-01
        value = value.isoformat()
    text = _string(value)
    try:
        parse_timestamp(text)
    except (ValueError, OverflowError, OSError) as error:
        raise ValueError(str(error)) from None
    return text


def split_patterns(value: Any) -> tuple[str, ...]:
    """Check patterns from a string or a list of strings, comma and/or space separated.

    ``"TA101 TA102"``, ``"TA101,TA102"`` and ``["TA101", "TA102"]`` are the
    same; the CLI passes its repeated options as a list.
    """
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be check codes or names (a string or a list of strings), not {value!r}")
    return tuple(part for item in value for part in item.replace(",", " ").split())


def _glossaries(value: Any) -> tuple[GlossaryFile, ...]:
    try:
        paths = validation.glossary_setting(value, "")
    except ValueError as error:
        raise ValueError(str(error).strip()) from None
    return tuple(_glossary_file(path) for path in paths)


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"must be a string or a list of strings, not {value!r}")
    return tuple(v.strip() for v in value)


def _spelling(value: Any) -> SpellingSettings:
    if not isinstance(value, Mapping):
        raise ValueError("must be a table: [spelling] words = …, varieties = […]")
    unknown = sorted(set(value) - {"words", "varieties"})
    if unknown:
        raise ValueError(f"has no setting {unknown[0]!r} (known: words, varieties)")
    try:
        settings = SpellingSettings(_strings(value.get("words", ())), _strings(value.get("varieties", ())))
    except ValueError as error:
        raise ValueError(f"words and varieties {error}") from None
    for path in settings.words:
        _word_list_file(path)
    return settings


def _word_list_file(path: str) -> None:
    """An editors' word list must exist and be UTF-8 text, like a glossary: a misspelt
    path would otherwise let every word it was meant to accept be reported."""
    validation.regular_file(path, "spelling word list", ConfigError)
    try:
        with open(path, encoding="utf-8") as handle:
            for _ in handle:
                pass
    except UnicodeDecodeError as error:
        raise ConfigError(path, f"the spelling word list is not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise ConfigError(path, f"cannot read the spelling word list: {error.strerror or error}") from None


def _glossary_file(path: str) -> GlossaryFile:
    """Hash the file (the report names the exact glossary); FIFOs, devices and folders are refused.

    A problem with the file itself is reported on the file (``terms.csv:
    glossary file not found``), not on the setting that named it.
    """
    validation.regular_file(path, "glossary file", ConfigError)
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise ConfigError(path, f"cannot read the glossary file: {error.strerror or error}") from None
    return GlossaryFile(path, digest.hexdigest())


#: Every plain setting. Selection, ``[severity]``, ``[weights]`` and
#: ``[options.CHECK]`` are tables with their own parsers below.
KEYS: Mapping[str, Key] = {
    "fail-under": Key("scoring", "threshold", _number(), "pass threshold for the article score",
                        numeric=True),
    "backend": Key("backtranslation", "backend", _backend, "auto | apertium | transformers | none"),
    "model": Key("backtranslation", "model", _model, "transformers model: a hub id or a local folder"),
    "no-cache": Key("backtranslation", "no_cache", _flag, "do not read or write the back-translation cache"),
    "cache-dir": Key("backtranslation", "cache_dir", _string, "back-translation cache folder"),
    "bt-timeout": Key("backtranslation", "timeout", _number(positive=True), "seconds per engine batch",
                        numeric=True),
    "batch-size": Key("backtranslation", "batch_size", _whole(1), "units per transformers batch"),
    "beams": Key("backtranslation", "beams", _whole(1), "beam size (transformers)"),
    "max-length": Key("backtranslation", "max_length", _whole(1), "longest output in tokens (transformers)"),
    "device": Key("backtranslation", "device", _string, "torch device (transformers), e.g. cpu or cuda"),
    "apertium-mode": Key("backtranslation", "apertium_mode", _string,
                         "force an Apertium mode, e.g. spa-eng_US"),
    "glossary": Key("glossary", "files", _glossaries, "glossary files (CSV or TBX)"),
    "spelling": Key("spelling", "", _spelling, "the spelling check: words (word lists), varieties"),
    "timestamp": Key("output", "timestamp", _timestamp, "fixed report timestamp (ISO 8601 or Unix seconds)"),
    "scheduler": Key("execution", "scheduler", _scheduler, "Dask scheduler address (tcp://host:8786)"),
    "waivers": Key("review", "waivers_file", _string,
                   "waivers file (default: waivers.jsonl in --out, if any)"),
}
#: Another name accepted for a key (the report and the README use the first).
ALIASES = {"threshold": "fail-under", "check-options": "options"}
#: The origin of the command line's layer (its values are all text).
COMMAND_LINE = "command line"
SELECTION_KEYS = ("select", "extend-select", "ignore")
TABLE_KEYS = ("severity", "weights", "options")


def known_keys() -> list[str]:
    return sorted({*KEYS, *SELECTION_KEYS, *TABLE_KEYS})


def _problem(origin: str, key: str, problem: str) -> ConfigError:
    """One error style: ``FILE: 'key' must be …`` or ``--option: must be …``."""
    if origin.startswith("--"):
        return ConfigError(origin, problem)
    joiner = " " if problem.startswith("must ") else ": "
    return ConfigError(origin, f"'{key}'{joiner}{problem}")


def parse_layer(
    raw: Mapping[str, Any], origin: str, options: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Validate one layer of settings into typed values keyed by canonical key.

    ``origin`` is the file the keys came from (errors name it); ``options``
    maps a key to the command-line option that set it (errors name that).
    """
    layer: dict[str, Any] = {}
    for key, value in raw.items():
        norm = ALIASES.get(str(key).replace("_", "-"), str(key).replace("_", "-"))
        path = (options or {}).get(norm, origin)
        try:
            if norm in KEYS:
                if KEYS[norm].numeric and isinstance(value, str) and origin not in (COMMAND_LINE, API):
                    raise ValueError(f"must be a number, not the text {value!r} (write it without quotes)")
                layer[norm] = KEYS[norm].parse(value)
            elif norm in SELECTION_KEYS:
                layer[norm] = _validated_patterns(split_patterns(value))
            elif norm == "severity":
                layer[norm] = _severities(value, path)
            elif norm == "weights":
                layer[norm] = _weights(value, path)
            elif norm == "options":
                layer[norm] = _check_options(value, path)
            else:
                raise ConfigError(path, f"unknown setting {key!r} (known: {', '.join(known_keys())})")
        except ValueError as error:
            raise _problem(path, str(key), str(error)) from None
    return layer


def _validated_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
    from transaudit.engine import matches_any_check

    for pattern in patterns:
        if not matches_any_check(pattern):
            raise ValueError(f"no check matches {pattern!r} (see `transaudit checks`)")
    return patterns


def _check_for(key: Any, path: str, table: str) -> Any:
    from transaudit.checks import find_check

    check = find_check(str(key))
    if check is None:
        where = f"[options.{key}]:" if table == "options" else f"[{table}] {key}:"
        raise ConfigError(path, f"{where} no check has this code or name (see `transaudit checks`)")
    return check


def _severities(value: Any, path: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ValueError('expected a table of CHECK = "minor|major|critical"')
    result: dict[str, Severity] = {}
    for key, level in value.items():
        check = _check_for(key, path, "severity")
        try:
            result[check.code] = Severity.parse(str(level))
        except ValueError as error:
            raise ConfigError(path, f"[severity] {key}: {error}") from None
    return result


def _weights(value: Any, path: str) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table of severity = number")
    result: dict[str, float] = {}
    for name, weight in value.items():
        if name not in DEFAULT_WEIGHTS:
            raise ConfigError(path, f"[weights] bad entry {name!r} (known: {', '.join(DEFAULT_WEIGHTS)})")
        try:
            result[name] = validation.weight(weight, f"[weights] {name}")
        except ValueError as error:
            raise ConfigError(path, str(error)) from None
    return result


def _check_options(value: Any, path: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ValueError("expected one table per check: [options.CHECK]")
    result: dict[str, dict[str, Any]] = {}
    for key, table in value.items():
        check = _check_for(key, path, "options")
        declared = {option.name: option for option in check.options}
        for name, raw in table.items():
            option = declared.get(str(name).replace("-", "_"))
            if option is None:
                known = ", ".join(declared) or "none"
                problem = f"{check.code} has no such option (known: {known})"
                raise ConfigError(path, f"[options.{key}] {name}: {problem}")
            try:
                result.setdefault(check.code, {})[option.name] = option.coerce(raw)
            except ValueError as error:
                raise ConfigError(path, f"[options.{key}] {name}: {error}") from None
    return result


def _python_keys(keys: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments as config keys; ``None`` means "not given" (as on the command line)."""
    return {key: value for key, value in keys.items() if value is not None}


# ---------------------------------------------------------------- merging


def merge(layers: Iterable[Mapping[str, Any]], base: Settings | None = None,
          origins: Iterable[str] | None = None) -> Settings:
    """The one place settings are combined: each layer, in order, over ``base`` (defaults).

    Plain keys: the later layer wins. ``[severity]``, ``[weights]`` and
    ``[options.CHECK]``: entry by entry. Selection: appended as a layer.
    """
    settings = base or Settings()
    sections: dict[str, dict[str, Any]] = {}
    severity = dict(settings.severity)
    weights = dict(settings.scoring.weights)
    check_options = {code: dict(values) for code, values in settings.check_options.items()}
    selection = list(settings.selection)
    origin_list = list(origins or [])
    whole: dict[str, Any] = {}
    for index, layer in enumerate(layers):
        for key, value in layer.items():
            if key in KEYS and not KEYS[key].attribute:
                whole[KEYS[key].section] = value  # a table that is one section ([spelling])
            elif key in KEYS:
                spec = KEYS[key]
                sections.setdefault(spec.section, {})[spec.attribute] = value
        severity.update(layer.get("severity", {}))
        weights.update(layer.get("weights", {}))
        for code, values in layer.get("options", {}).items():
            check_options.setdefault(code, {}).update(values)
        if any(key in layer for key in SELECTION_KEYS):
            selection.append(Selection(
                origin_list[index] if index < len(origin_list) else API,
                layer.get("select"),
                layer.get("extend-select", ()),
                layer.get("ignore", ()),
            ))
    changes: dict[str, Any] = {
        name: replace(getattr(settings, name), **values) for name, values in sections.items()
    }
    changes.update(whole)
    changes["scoring"] = replace(changes.get("scoring", settings.scoring), weights=weights)
    return replace(settings, selection=tuple(selection), severity=severity, check_options=check_options,
                   **changes)


def resolve(config_path: str | os.PathLike[str] | None, cli: Mapping[str, Any] | None = None,
            cli_options: Mapping[str, str] | None = None, start: Path | None = None) -> Settings:
    """Defaults, then the config file, then the command line: the settings of a run.

    ``cli`` holds config keys set on the command line (``None`` values are
    "not given"); ``cli_options`` names the option of each key for errors.
    """
    found = find_config(config_path, start)
    layers: list[dict[str, Any]] = []
    origins: list[str] = []
    if found is not None:
        path, raw = found
        layers.append(parse_layer(raw, path))
        origins.append(path)
    given = _python_keys(cli or {})
    if given:
        names = dict(cli_options or {})
        layers.append(parse_layer(given, COMMAND_LINE, names))
        origins.append(COMMAND_LINE)
    settings = merge(layers, origins=origins)
    return replace(settings, config_file=found[0] if found else None)


def load_settings(config_path: str | os.PathLike[str] | None, start: Path | None = None) -> Settings:
    """The config file's settings over the defaults (no command line)."""
    return resolve(config_path, start=start)


# ---------------------------------------------------------------- files


def find_config(config_path: str | os.PathLike[str] | None,
                start: Path | None = None) -> tuple[str, dict[str, Any]] | None:
    """``(path, table)`` of the given config file, else ``transaudit.toml`` or pyproject.toml in ``start``."""
    if config_path:
        path = os.fspath(config_path)
        raw = _read(Path(path), explicit=True)
        return (path, raw) if raw is not None else None
    folder = start or Path.cwd()
    for name in ("transaudit.toml", "pyproject.toml"):
        candidate = folder / name
        if candidate.is_file():
            raw = _read(candidate, explicit=False)
            if raw is not None:
                shown = name if start is None else str(candidate)
                return shown, raw
    return None


_TOML_WHERE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


def _toml_error(error: tomllib.TOMLDecodeError, text: str) -> tuple[str, int | None]:
    """tomllib's message without its position, and the line it names.

    Before Python 3.14 the position is only in the message ("(at line 3,
    column 9)", or "(at end of document)": the last line).
    """
    message = str(getattr(error, "msg", None) or error)
    line = getattr(error, "lineno", None)
    found = _TOML_WHERE.search(message)
    if found:
        message = message[: found.start()]
        if line is None:
            line = int(found.group(1)) if found.group(1) else max(1, len(text.splitlines()))
    return message, line


def _read(path: Path, explicit: bool) -> dict[str, Any] | None:
    where = str(path)
    validation.regular_file(path, "config file", ConfigError)  # a FIFO would block forever
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except OSError as error:
        raise ConfigError(where, f"cannot read the config file: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(where, f"not UTF-8 (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        message, line = _toml_error(error, text)
        raise ConfigError(where, f"invalid TOML: {message}", line) from None
    tool = raw.get("tool")
    table = tool.get("transaudit") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        if table is None:
            if explicit:
                raise ConfigError(where, "no [tool.transaudit] table")
            return None
        return dict(table) if isinstance(table, dict) else {}
    if table is not None:
        return dict(table) if isinstance(table, dict) else {}
    return raw
