"""``transaudit languages``: which language data exists, and which checks run for a pair.

Everything is read from what is installed, never from a list kept by hand: the
per-language data families are the folders of ``transaudit/data`` holding
``<lang>.toml`` (or ``.txt``) files, pair families are folders holding
``<src>-<tgt>.toml``, Hunspell dictionaries are those enchant can open, word
frequencies are wordfreq's languages and back-translation routes are the
Apertium modes ``apertium -l`` lists (direct, or two steps through a pivot).
Which check reads which family is each check's own declaration (``needs``, see
:class:`~transaudit.checks.base.Need`), the same one the engine obeys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import click

from transaudit.analysis.resources import HUNSPELL, WORDFREQ

_LANG_FILE = re.compile(r"^([a-z]{2,3})\.(?:toml|txt)$")
_PAIR_FILE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})\.toml$")


def _entries(family: str) -> list[str]:
    folder = files("transaudit.data") / family
    return sorted(entry.name for entry in folder.iterdir()) if folder.is_dir() else []


def language_families() -> dict[str, set[str]]:
    """Data family → the languages with a file in it (families with per-language files only)."""
    found: dict[str, set[str]] = {}
    for folder in sorted(entry.name for entry in files("transaudit.data").iterdir() if entry.is_dir()):
        if folder.startswith("_"):
            continue
        langs = {m.group(1) for name in _entries(folder) if (m := _LANG_FILE.match(name))}
        if langs:
            found[folder] = langs
    return found


def pair_families() -> dict[str, set[tuple[str, str]]]:
    """Data family → the (source, target) pairs with a file in it (both sides languages with data)."""
    langs = set().union(*language_families().values())
    found: dict[str, set[tuple[str, str]]] = {}
    for folder in sorted(entry.name for entry in files("transaudit.data").iterdir() if entry.is_dir()):
        pairs = {
            (m.group(1), m.group(2))
            for name in _entries(folder)
            if (m := _PAIR_FILE.match(name)) and m.group(1) in langs and m.group(2) in langs
        }
        if pairs:
            found[folder] = pairs
    return found


def resource_languages() -> dict[str, set[str]]:
    """Hunspell dictionaries enchant can open, and wordfreq's languages (for the data languages)."""
    from transaudit.analysis import frequencies, spelling

    langs = set().union(*language_families().values())
    return {
        HUNSPELL: {lang for lang in langs if spelling.varieties(lang)},
        WORDFREQ: {lang for lang in langs if frequencies.available(lang)},
    }


def matrix() -> tuple[list[str], list[str], dict[str, set[str]]]:
    """(languages, columns, column → languages that have it)."""
    columns = {**language_families(), **resource_languages()}
    langs = sorted(set().union(*columns.values()))
    return langs, list(columns), columns


@dataclass(frozen=True)
class Status:
    """One check for one pair: whether its data is there, and whether it runs."""

    code: str
    name: str
    runs: bool  # its data is there and the configuration selects it
    why: str
    available: bool = True  # its data is there (it would run if selected)


def _backtranslation(
    source: str, target: str, backend: str | None = None, model: str | None = None
) -> tuple[bool, str]:
    """Whether the target can be back-translated (the ``check`` rules: ``--backend``, ``--model``)."""
    from transaudit.backtranslation.apertium import installed_modes, route_for
    from transaudit.backtranslation.run import unavailable
    from transaudit.settings import BackTranslationSettings

    options = BackTranslationSettings(backend=backend or "auto", model=model)
    why = unavailable(target, source, options)
    if why is not None:
        return False, why
    if model and (backend or "auto") in ("auto", "transformers"):
        return True, f"back-translated by the transformers model {model}"
    route = route_for(target, source, installed_modes())
    if route is None:  # pragma: no cover - unavailable() said there is one
        return False, f"no back-translation for {target}→{source}"
    steps = " then ".join(route.modes)
    via = f" (via {route.via})" if route.via else ""
    return True, f"back-translated by Apertium {steps}{via}"


def pair_status(
    source: str, target: str, backend: str | None = None, model: str | None = None,
    selected: set[str] | None = None,
) -> list[Status]:
    """For every check, whether it runs for this pair and why (the data or resource it needs).

    ``selected`` is the configuration's check selection (codes); without it the
    default set. A check outside it is listed with its data, marked as off.
    """
    from transaudit.analysis import resources
    from transaudit.checks import all_checks
    from transaudit.checks.base import need_status, unmet

    backtranslation = _backtranslation(source, target, backend, model)
    src, tgt = resources.for_language(source), resources.for_language(target)
    pair = resources.for_pair(source, target)
    result = []
    for check in all_checks():
        statuses = need_status(check, src, tgt, pair, backtranslation)
        missing = unmet(statuses)
        why = missing or "; ".join(s.text for s in statuses) or "works in any language"
        chosen = check.default_enabled if selected is None else check.code in selected
        if not chosen:
            why += " (off by default)" if selected is None else " (not selected)"
        runs = missing is None and chosen
        result.append(Status(check.code, check.name, runs, why, available=missing is None))
    return result


@click.command("languages", short_help="Which languages have data, and which checks run for a pair.")
@click.option("--source-lang", "-s", metavar="LANG", help="Source language of the pair (with -t).")
@click.option("--target-lang", "-t", metavar="LANG", help="Target language of the pair (with -s).")
@click.option("--backend", type=click.Choice(["auto", "apertium", "transformers", "none"]),
              help="Back-translation engine, as for check (default from config, else auto).")
@click.option("--model", metavar="ID_OR_PATH", help="transformers model, as for check.")
@click.option("--config", type=click.Path(path_type=Path),
              help="Config file, as for check (default: ./transaudit.toml or ./pyproject.toml): "
                   "its backend, model and check selection.")
def languages_command(
    source_lang: str | None, target_lang: str | None, backend: str | None, model: str | None,
    config: Path | None,
) -> None:
    """Print the language × data-family matrix, or (with -s and -t) which checks run for a pair and why.

    A family is a folder of per-language data (gazetteer, boilerplate, …) or a
    resource found on this machine (Hunspell dictionaries, wordfreq). A check
    whose family has no data for a language does not run for it. Languages are
    read as ``check`` reads them (``es-ES``, ``en_US``, ``spa`` → es, en, es).
    """
    from transaudit.analysis.languages import normalize_language
    from transaudit.cli import fail
    from transaudit.cli.check import cli_settings
    from transaudit.engine import select_checks
    from transaudit.errors import InputError
    from transaudit.settings import resolve

    if (source_lang is None) != (target_lang is None):
        fail("languages: give both --source-lang and --target-lang, or neither")
    # Read (and so validate) the config in both modes: a typo in it is an error here too.
    settings = resolve(config, *cli_settings(backend=backend, model=model))
    chosen = {check.code for check in select_checks(settings)}
    if source_lang is not None and target_lang is not None:
        try:
            source = normalize_language(source_lang, "--source-lang")
            target = normalize_language(target_lang, "--target-lang")
        except InputError as error:
            fail(str(error))
        if source == target:
            fail(f"languages: source and target language are both {source}")
        selected = chosen if settings.selection else None  # None: the default set
        options = settings.backtranslation
        statuses = pair_status(source, target, options.backend, options.model, selected)
        running = [s for s in statuses if s.runs]
        click.echo(f"{source}→{target}: {len(running)} of {len(statuses)} checks run")
        for status in statuses:
            mark = "runs   " if status.runs else "off    " if status.available else "no     "
            click.echo(f"  {mark}{status.code} {status.name:<28} {status.why}")
        return
    langs, columns, have = matrix()
    width = max(len(c) for c in columns)
    click.echo(" " * (width + 2) + "  ".join(f"{lang:<3}" for lang in langs))
    for column in columns:
        cells = "  ".join(f"{'yes' if lang in have[column] else '-':<3}" for lang in langs)
        click.echo(f"{column:<{width}}  {cells}".rstrip())
    for family, pairs in pair_families().items():
        listed = ", ".join(f"{s}-{t}" for s, t in sorted(pairs))
        click.echo(f"{family} (per pair): {listed}")
