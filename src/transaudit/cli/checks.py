"""``transaudit checks``: the check catalogue."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

import click

from transaudit.cli import Command

if TYPE_CHECKING:
    from transaudit.checks import Check


def checks_markdown() -> str:
    """The check catalogue as a Markdown table (README.md embeds it verbatim)."""
    from transaudit.checks import all_checks

    lines = ["| code | name | MQM category | severity | on by default | what it finds |",
             "|---|---|---|---|---|---|"]
    for check in all_checks():
        title = check.title().replace("|", "\\|")
        lines.append(f"| {check.code} | {check.name} | {check.category} | {check.severity.value} | "
                     f"{'yes' if check.default_enabled else 'no'} | {title} |")
    return "\n".join(lines) + "\n"


def options_markdown() -> str:
    """Every check option as a Markdown table (README.md embeds it verbatim)."""
    from transaudit.checks import all_checks

    lines = ["| check | option | type | default | meaning |", "|---|---|---|---|---|"]
    for check in all_checks():
        for option in check.options:
            meaning = option.description.replace("|", "\\|")
            lines.append(f"| {check.code} {check.name} | `{option.name}` | {option.type.__name__} | "
                         f"{option.default!r} | {meaning} |")
    return "\n".join(lines) + "\n"


#: Developer notes in docstrings: rst literals (``doubled_ok``), roles (:func:`x`) and data paths.
_INTERNAL = re.compile(r"``|:[a-z]+:`|\bdata/|\b_[a-z]")
_PARENTHESIS = re.compile(r"\s*\([^()]*(?:``|:[a-z]+:`)[^()]*\)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(“\"«¿¡])")


def check_languages(check: type[Check]) -> list[str] | None:
    """Languages (as target) with the data this check requires; None when it works in any language.

    Read from the check's ``needs``: its required per-language families, or its
    optional ones when it has only those (the languages where it is refined).
    """
    from transaudit.analysis.resources import BACKTRANSLATION, available
    from transaudit.cli.languages import matrix

    needs = [n for n in check.needs if not n.pair and n.family != BACKTRANSLATION]
    if not needs:
        return None
    required = [n for n in needs if not n.optional] or needs
    langs, _, _ = matrix()
    return [lang for lang in langs if all(available(n.family, lang) for n in required)]


def check_pairs(check: type[Check]) -> list[str] | None:
    """Pairs (``es-en``) with the per-pair data this check requires; None when it requires none.

    Data files (``data/length/es-en.toml``) name their pairs; a machine resource
    (an Apertium dictionary, WordNet through one) is asked of each pair Apertium
    has installed, in either direction, as the engine asks it before a run.
    """
    from transaudit.analysis.resources import PAIR_RESOURCES, for_pair
    from transaudit.backtranslation.apertium import installed_modes, installed_pairs
    from transaudit.cli.languages import pair_families

    families = [n.family for n in check.needs if n.pair and not n.optional]
    if not families:
        return None
    files = [family for family in families if family not in PAIR_RESOURCES]
    if files:
        found = pair_families()
        have = set.intersection(*(found.get(family, set()) for family in files))
    else:
        installed = installed_pairs(installed_modes())
        have = {*installed, *((target, source) for source, target in installed)}
    machine = [family for family in families if family in PAIR_RESOURCES]
    have = {pair for pair in have if all(for_pair(*pair).has(family) for family in machine)}
    return [f"{source}-{target}" for source, target in sorted(have)]


def pairs_line(check: type[Check], pairs: list[str]) -> str:
    """The "Languages:" line of a check that reads per-pair data or resources."""
    from transaudit.analysis.resources import PAIR_RESOURCES, describe

    required = [n.family for n in check.needs if n.pair and not n.optional]
    machine = [describe(family) for family in required if family in PAIR_RESOURCES]
    if not machine:
        return f"Languages: only pairs with its per-pair data: {', '.join(pairs) or 'none yet'}"
    return f"Languages: {', '.join(pairs) or 'none'} on this machine (it needs: {'; '.join(machine)})"


def editor_text(doc: str) -> str:
    """A check's docstring body for editors: examples and behaviour, no implementation notes.

    Parenthesised remarks naming data keys are dropped, then any sentence that
    still names an internal (a data key, a function, a data path).
    """
    text = " ".join(doc.split())
    text = _PARENTHESIS.sub("", text)
    kept = [sentence for sentence in _SENTENCE.split(text) if sentence and not _INTERNAL.search(sentence)]
    return " ".join(kept)


@click.command("checks", cls=Command,
               short_help="List the checks (-v: what each finds, examples, languages).")
@click.option("--verbose", "-v", is_flag=True,
              help="Also say what each check finds, with examples, and for which languages it runs.")
@click.option("--markdown", is_flag=True, help="Print the catalogue as a Markdown table.")
@click.option("--options-markdown", "options_table", is_flag=True,
              help="Print every check option as a Markdown table.")
def list_checks(verbose: bool, markdown: bool, options_table: bool) -> None:
    """List every check: code, name, MQM category, default severity, description."""
    from transaudit.checks import all_checks

    if markdown:
        click.echo(checks_markdown(), nl=False)
        return
    if options_table:
        click.echo(options_markdown(), nl=False)
        return
    for check in all_checks():
        state = "" if check.default_enabled else "  (off by default)"
        click.echo(f"{check.code}  {check.name:<28} {check.category:<34} {check.severity.value:<8} "
                   f"{check.title()}{state}")
        if verbose:
            doc = check.documentation().split("\n", 1)
            body = editor_text(doc[1]) if len(doc) > 1 else ""
            if body:
                click.echo(textwrap.fill(body, width=96, initial_indent="      ", subsequent_indent="      "))
            languages = check_languages(check)
            pairs = check_pairs(check)
            if pairs is not None:
                click.echo(textwrap.fill(pairs_line(check, pairs), width=96, initial_indent="      ",
                                         subsequent_indent="      ", break_on_hyphens=False))
            elif languages is None:
                click.echo("      Languages: any (no per-language data)")
            else:
                click.echo(f"      Languages: {', '.join(languages) or 'none yet'} (others: only its "
                           "language-independent rules, if any)")
            if not check.default_enabled:
                click.echo(f"      Off by default: turn it on with --extend-select {check.code}")
            for option in check.options:
                click.echo(f"      Option [options.{check.code}] {option.name} = {option.default!r} "
                           f"({option.type.__name__}): {option.description}")
            click.echo("")
