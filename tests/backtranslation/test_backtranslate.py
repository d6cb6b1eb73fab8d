"""back_translate(): engine choice, the typed result, cache use and local failures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from transaudit.backtranslation.apertium import installed_modes
from transaudit.backtranslation.cache import FILENAME
from transaudit.backtranslation.run import back_translate
from transaudit.errors import ConfigError
from transaudit.model import Article, Segment
from transaudit.settings import BackTranslationSettings, Settings

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not on PATH (install apertium and apertium-eng-spa)"
)


def article(*pairs: tuple[str, str], source_lang: str = "es", target_lang: str = "en") -> Article:
    segments = [Segment(f"p{n}", source, target) for n, (source, target) in enumerate(pairs, start=1)]
    return Article("a1", source_lang, target_lang, segments)


def settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings.from_keys(**{"cache-dir": str(tmp_path), **extra})


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({}, BackTranslationSettings()),
        (
            {"no-cache": True, "cache-dir": "/x", "bt-timeout": 2.5},
            BackTranslationSettings(no_cache=True, cache_dir="/x", timeout=2.5),
        ),
        ({"bt_timeout": "3"}, BackTranslationSettings(timeout=3.0)),
        (
            {"batch-size": 8, "beams": 1, "max-length": 64, "device": "cuda"},
            BackTranslationSettings(batch_size=8, beams=1, max_length=64, device="cuda"),
        ),
        ({"apertium-mode": "spa-eng_US"}, BackTranslationSettings(apertium_mode="spa-eng_US")),
    ],
)
def test_options_from_settings(keys: dict[str, object], expected: BackTranslationSettings) -> None:
    assert Settings.from_keys(**keys).backtranslation == expected


@pytest.mark.parametrize(
    "keys", [{"bt-timeout": "soon"}, {"beams": 0}, {"batch-size": True}, {"no-cache": "yes"}]
)
def test_unusable_options_are_errors_not_defaults(keys: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=next(iter(keys)).replace("-", "[-_]")):
        Settings.from_keys(**keys)


def test_backend_none_leaves_segments_alone(tmp_path: Path) -> None:
    doc = article(("Hola", "Hello"))
    result = back_translate(doc, Settings.from_keys(backend="none"))
    assert result.summary() == {"backend": "none", "direction": "en→es"} and result.notices == []
    filled = result.apply(doc)
    assert filled.segments[0].back_translation is None and filled.segments[0].bt_note is None


def test_auto_without_a_pair_says_what_to_install() -> None:
    # Occitan–Spanish: Debian packages it, and nothing here installs it.
    doc = article(("Bona jornada", "Buenos días"), source_lang="oc", target_lang="es")
    result = back_translate(doc, Settings())
    assert result.backend == "none"
    assert result.notices == ["no back-translation for es→oc: install apertium-oc-es or configure a model"]
    note = "not back-translated: install apertium-oc-es or configure a model"
    assert result.apply(doc).segments[0].bt_note == note
    assert doc.segments[0].bt_note is None  # the article itself is not changed


def test_a_pair_debian_does_not_package_names_no_package() -> None:
    doc = article(("Bonjour le monde", "Hallo Welt"), source_lang="fr", target_lang="de")
    result = back_translate(doc, Settings())
    assert result.notices == [
        "no back-translation for de→fr: Apertium has no pair for it; configure a model (--model)"
    ]


def test_transformers_without_a_model_is_a_notice() -> None:
    result = back_translate(article(("Hola", "Hello")), Settings.from_keys(backend="transformers"))
    assert result.notices == [
        "no back-translation for en→es: the transformers backend needs a model (--model)"]


def test_unknown_backend_is_a_settings_error() -> None:
    with pytest.raises(ConfigError, match="'backend' must be one of auto, apertium, transformers, none"):
        Settings.from_keys(backend="babelfish")


def test_importing_does_not_import_torch() -> None:
    code = "import sys, transaudit.backtranslation.run, transaudit.pipeline; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.apertium
@needs_apertium
def test_apertium_fills_every_field_and_the_summary(tmp_path: Path) -> None:
    doc = article(
        ("El perro come manzanas.", "The dog eats apples."),
        ("La cumbre de Samarcanda", "The leaders met at the Samarkand Summit"),
        ("", "LEAVE A REPLY"),
        ("Fecha: 15 de septiembre", ""),
    )
    result = back_translate(doc, settings(tmp_path))
    summary = result.summary()
    first, second, residue, omitted = result.apply(doc).segments
    assert first.back_translation == "El perro come manzanas."
    assert first.bt_scores["chrF"] == pytest.approx(100.0)
    assert second.bt_unknown == ["Samarkand"] and "*" not in (second.back_translation or "")
    assert residue.back_translation and residue.bt_scores == {}
    assert omitted.back_translation is None and omitted.bt_note is None
    assert summary["backend"] == "apertium" and summary["mode"] == "eng-spa"
    assert summary["version"].startswith("Apertium ")
    assert summary["segments"] == 3 and summary["back_translated"] == 3
    assert set(summary["scores"]) == {"chrF", "BLEU", "TER"}
    assert set(summary["signatures"]) == {"segment", "corpus"}
    assert summary["cache"] == str(tmp_path / FILENAME)
    assert result.notices == []
    assert doc.segments[0].back_translation is None  # the input article is not changed


@pytest.mark.apertium
@needs_apertium
def test_lines_inside_a_segment_stay_apart(tmp_path: Path) -> None:
    doc = article(("La cumbre\nFecha:", "The leaders met at the Samarkand Summit\nDate:\n\nI have 3 dogs."))
    result = back_translate(doc, settings(tmp_path))
    lines = (result.segments["p1"].text or "").split("\n")
    assert lines[0].endswith("Cumbre") and lines[1:] == ["Cita:", "", "Tengo 3 perros."]


@pytest.mark.apertium
@needs_apertium
def test_an_edited_article_only_translates_what_changed(tmp_path: Path) -> None:
    pairs = [("x", f"I have {n} dogs.") for n in range(1, 6)]
    first = back_translate(article(*pairs), settings(tmp_path))
    assert first.units_from_cache == 0 and first.units == 5
    pairs[2] = ("x", "I have 3 cats.")
    edited = article(*pairs)
    second = back_translate(edited, settings(tmp_path))
    assert second.units_from_cache == 4
    assert second.segments["p3"].text == "Tengo 3 gatos."


@pytest.mark.apertium
@needs_apertium
def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    result = back_translate(article(("x", "I have 2 dogs.")), settings(tmp_path, **{"no-cache": True}))
    assert result.cache == "disabled" and result.units_from_cache == 0
    assert not (tmp_path / FILENAME).exists()


@pytest.mark.apertium
@needs_apertium
def test_a_corrupt_cache_does_not_fail_the_audit(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"\x00garbage" * 500)
    doc = article(("x", "I have 2 dogs."))
    result = back_translate(doc, settings(tmp_path))
    assert result.segments["p1"].text == "Tengo 2 perros."
    assert result.cache == "unusable"
    assert any("cache" in notice and "not used" in notice for notice in result.notices)


@pytest.mark.apertium
@needs_apertium
@pytest.mark.parametrize(
    ("extra", "note"),
    [
        ({"bt-timeout": 0.001}, "not back-translated: apertium timed out after 0.001 s"),
        ({"apertium-mode": "xxx-yyy"}, "not back-translated: apertium has no mode xxx-yyy"),
    ],
)
def test_engine_failures_mark_segments_and_the_audit_goes_on(
    tmp_path: Path, extra: dict[str, object], note: str
) -> None:
    doc = article(("Hola", "Hello"), ("Adiós", "Goodbye"))
    result = back_translate(doc, settings(tmp_path, **extra))
    filled = result.apply(doc).segments
    assert [s.bt_note for s in filled] == [note, note]
    assert all(s.back_translation is None and s.bt_scores == {} for s in filled)
    assert result.not_back_translated == 2
    assert result.notices[-1].startswith("back-translation (apertium) failed for 2 of 2 segments")


def test_a_pair_reached_through_a_pivot_names_only_the_missing_package() -> None:
    # Occitan target, English source: oc → es → en; apertium-eng-spa is installed,
    # so only the Occitan–Spanish package is named.
    doc = article(("Good morning", "Bona jornada"), source_lang="en", target_lang="oc")
    result = back_translate(doc, Settings())
    assert result.notices == [
        "no back-translation for oc→en: install apertium-oc-es or configure a model"
    ]


@pytest.mark.apertium
@needs_apertium
def test_a_warm_audit_reads_round_trip_scores_from_the_cache(tmp_path: Path) -> None:
    """Scores are cached with the translations: the warm run rescoring nothing gives
    the very same figures, and a stored figure is what the report shows."""
    import json
    import sqlite3

    doc = article(("Tengo tres perros.", "I have three dogs."), ("El gato duerme.", "The cat sleeps."))
    cold = back_translate(doc, settings(tmp_path))
    warm = back_translate(doc, settings(tmp_path))
    assert warm.units_from_cache == warm.units == 2
    assert warm.segments == cold.segments and warm.scores == cold.scores
    with sqlite3.connect(tmp_path / FILENAME) as db:
        rows = db.execute("SELECT key, statistics FROM round_trip_statistics").fetchall()
        assert len(rows) == 2
        for key, stored in rows:  # a planted figure: only a cache read can show it
            value = json.loads(stored)
            value["scores"]["chrF"] = 12.5
            update = "UPDATE round_trip_statistics SET statistics = ? WHERE key = ?"
            db.execute(update, (json.dumps(value), key))
    planted = back_translate(doc, settings(tmp_path))
    assert {seg.scores["chrF"] for seg in planted.segments.values()} == {12.5}
    assert back_translate(doc, settings(tmp_path, **{"no-cache": True})).segments == cold.segments


@pytest.mark.apertium
@needs_apertium
@pytest.mark.skipif(not {"fr-es", "spa-eng"} <= set(installed_modes()),
                    reason="apertium modes fr-es and spa-eng missing (make installs them)")
def test_a_pivot_route_caches_each_step_so_the_direct_pair_shares_it(tmp_path: Path) -> None:
    """French targets: en→fr back-translates fr→es→en, es→fr back-translates fr→es. The
    fr→es step is cached once, under the direct pair's key, and serves both audits."""
    french = ("Le gouvernement a approuvé la loi hier soir.", "Les trains partent de Lyon.")
    via_spanish = back_translate(
        article(("The government passed the law last night.", french[0]), ("Trains leave Lyon.", french[1]),
                source_lang="en", target_lang="fr"), settings(tmp_path))
    assert via_spanish.engine["via"] == "es" and via_spanish.units_from_cache == 0
    direct = back_translate(
        article(("El gobierno aprobó la ley anoche.", french[0]), ("Los trenes salen de Lyon.", french[1]),
                source_lang="es", target_lang="fr"), settings(tmp_path))
    assert direct.engine["mode"] == "fr-es"
    assert direct.units_from_cache == direct.units == 2  # the first step of the route, reused
    warm = back_translate(
        article(("The government passed the law last night.", french[0]), ("Trains leave Lyon.", french[1]),
                source_lang="en", target_lang="fr"), settings(tmp_path))
    assert warm.units_from_cache == warm.units == 2
    assert warm.segments == via_spanish.segments
    assert "law" in (warm.segments["p1"].text or "")
