"""Declared languages that contradict the file name, each other or the text are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main

ES = ("El alcalde de la ciudad inauguró ayer el nuevo puente sobre el río, una obra que costó "
      "doce millones de euros y que tardó cuatro años en terminarse, según informó el ayuntamiento.")
EN = ("The mayor of the city opened the new bridge over the river yesterday, a project that cost "
      "twelve million euros and took four years to finish, the city council said.")


def article(folder: Path, name: str, target: str = EN) -> Path:
    path = folder / name
    path.write_text(f"id\tsource\ttarget\np1\t{ES}\t{target}\n", encoding="utf-8")
    return path


def check(path: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(path), "--out", str(out), "--backend", "none", "-q", *args],
                              catch_exceptions=False)


@pytest.mark.parametrize(("name", "args", "message"), [
    ("story.es-en.tsv", ("-s", "en", "-t", "es"), "--source-lang en contradicts the file name, which says "
                                                 "source es"),
    ("story.tsv", ("-s", "es", "-t", "es"), "source and target language are both es"),
    ("story.tsv", ("-s", "es", "-t", "zh"), "--target-lang zh but the target text reads as en"),
    ("story.tsv", ("-s", "en", "-t", "es"), "--source-lang en but the source text reads as es"),
])
def test_contradicted_languages_are_refused_in_one_line(tmp_path: Path, name, args, message) -> None:
    result = check(article(tmp_path, name), tmp_path / "out", *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "--force-lang" in lines[0], result.output
    assert not list((tmp_path / "out").glob("story*"))


def test_force_lang_audits_with_the_declared_languages(tmp_path: Path) -> None:
    path = article(tmp_path, "story.es-en.tsv")
    result = check(path, tmp_path / "out", "-s", "en", "-t", "es", "--force-lang")
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "out" / "story.json").is_file()


def test_an_untranslated_target_is_audited_not_refused(tmp_path: Path) -> None:
    result = check(article(tmp_path, "story.tsv", target=ES), tmp_path / "out", "-s", "es", "-t", "en")
    assert result.exit_code == 1, result.output
    assert (tmp_path / "out" / "story.json").is_file()


def test_short_text_is_never_contradicted(tmp_path: Path) -> None:
    path = tmp_path / "short.tsv"
    path.write_text("source\ttarget\nEl texto dice el alcalde.\tThe text says the mayor.\n", encoding="utf-8")
    assert check(path, tmp_path / "out", "-s", "es", "-t", "en").exit_code in (0, 1)


def test_a_contradiction_names_where_the_language_came_from() -> None:
    from transaudit.errors import InputError
    from transaudit.input.langsanity import merge_declared
    from transaudit.input.readers import Languages

    with pytest.raises(InputError, match="contradicts the header, which says target en"):
        merge_declared(Languages(target="fr"), Languages(target="en"), "m.po", origin="the header")
    with pytest.raises(InputError, match="contradicts the file name, which says target en"):
        merge_declared(Languages(target="fr"), Languages(target="en"), "m.es-en.tsv")


def test_an_xliff_target_language_is_overridden_not_called_a_file_name(tmp_path: Path) -> None:
    """`-t` against an XLIFF target-language: the command line wins; detection still guards the text."""
    path = tmp_path / "museum.xlf"
    path.write_text('<xliff version="1.2"><file source-language="es" target-language="en" original="m" '
                    f'datatype="plaintext"><body><trans-unit id="u1"><source>{ES}</source>'
                    f"<target>{EN}</target></trans-unit></body></file></xliff>", encoding="utf-8")
    result = check(path, tmp_path / "out", "-t", "fr")
    assert result.exit_code == 2 and "file name" not in result.output
    assert "--target-lang fr but the target text reads as en" in result.output, result.output
