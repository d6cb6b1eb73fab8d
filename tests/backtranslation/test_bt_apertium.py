"""The Apertium backend: mode lookup, mark parsing and real translations."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from transaudit.backtranslation.apertium import (
    ApertiumBackend,
    _kill_group,
    installed_modes,
    mode_for,
    parse_marks,
    route_for,
)
from transaudit.backtranslation.base import BackendError

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not on PATH (install apertium and apertium-eng-spa)"
)
MODES = ("eng-spa", "spa-eng", "spa-eng_US", "es-ca")


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("en", "es", "eng-spa"),
        ("es", "en", "spa-eng"),
        ("es", "en-US", "spa-eng_US"),
        ("es", "en-GB", "spa-eng"),
        ("eng", "spa", "eng-spa"),
        ("ES", "en_us", "spa-eng_US"),
        ("es", "ca", "es-ca"),
        ("fr", "es", None),
        ("en", "de", None),
    ],
)
def test_mode_for_maps_iso_codes_to_installed_modes(source: str, target: str, expected: str | None) -> None:
    assert mode_for(source, target, MODES) == expected


@pytest.mark.parametrize(
    ("raw", "text", "unknown"),
    [
        ("Los dirigentes en el *Samarkand Cumbre", "Los dirigentes en el Samarkand Cumbre", ["Samarkand"]),
        ("Precio: #$5", "Precio: $5", []),
        ("una @casa grande", "una casa grande", ["casa"]),
        ("*Xi *Jinping habló", "Xi Jinping habló", ["Xi", "Jinping"]),
        ("el *Berdi-Mujamédov dijo", "el Berdi-Mujamédov dijo", ["Berdi-Mujamédov"]),
        ("nota \ue001importante \ue002etiqueta \ue003usuario", "nota *importante #etiqueta @usuario", []),
        ("  espacios   de   más  ", "espacios de más", []),
    ],
)
def test_parse_marks_strips_marks_and_keeps_unknown_words(raw: str, text: str, unknown: list[str]) -> None:
    assert parse_marks(raw) == (text, unknown)


@pytest.mark.apertium
@needs_apertium
def test_installed_modes_lists_the_debian_pair() -> None:
    assert {"eng-spa", "spa-eng"} <= set(installed_modes())


@pytest.mark.apertium
@needs_apertium
def test_blank_line_boundary_keeps_words_in_their_segment() -> None:
    # Across a single newline Apertium turned these two into "… Cita" / "de Cumbre:".
    first, second = ApertiumBackend("eng-spa").translate(
        ["The leaders met at the Samarkand Summit", "Date:"], "en", "es"
    )
    assert first.text is not None and first.text.endswith("Cumbre")
    assert second.text == "Cita:"
    assert first.unknown == ["Samarkand"]


@pytest.mark.apertium
@needs_apertium
def test_batch_keeps_length_and_order() -> None:
    texts = [f"I have {n} dogs." for n in range(1, 60)] + ["", "   "]
    results = ApertiumBackend("eng-spa").translate(texts, "en", "es")
    assert len(results) == len(texts)
    for n, result in enumerate(results[:59], start=1):
        assert result.text == f"Tengo {n} perros."
    assert [r.text for r in results[59:]] == ["", ""]


@pytest.mark.apertium
@needs_apertium
def test_literal_mark_characters_survive_and_are_not_unknown_words() -> None:
    (result,) = ApertiumBackend("eng-spa").translate(
        ["The dog *really* likes #football and @Zorblax"], "en", "es"
    )
    assert result.text is not None
    assert "*" in result.text and "#" in result.text and "@Zorblax" in result.text
    assert result.unknown == ["Zorblax"]


@pytest.mark.apertium
@needs_apertium
def test_newline_inside_a_text_is_folded_not_a_boundary() -> None:
    results = ApertiumBackend("eng-spa").translate(["The dog\neats apples.", "I have 7 dogs."], "en", "es")
    assert [r.text for r in results] == ["El perro come manzanas.", "Tengo 7 perros."]


@pytest.mark.apertium
@needs_apertium
def test_missing_mode_raises_a_readable_error() -> None:
    with pytest.raises(BackendError, match="apertium has no mode xxx-yyy"):
        ApertiumBackend("xxx-yyy").translate(["Hello"], "xx", "yy")


@pytest.mark.apertium
@needs_apertium
def test_timeout_marks_the_batch_and_reports_why() -> None:
    results = ApertiumBackend("eng-spa", timeout=0.001).translate(
        ["The dog eats.", "The cat sleeps."], "en", "es"
    )
    assert [r.text for r in results] == [None, None]
    assert all(r.note == "apertium timed out after 0.001 s" for r in results)


def test_missing_executable_raises() -> None:
    with pytest.raises(BackendError, match="not installed"):
        ApertiumBackend("eng-spa", executable="/nonexistent/apertium").translate(["Hello"], "en", "es")


@pytest.mark.apertium
@needs_apertium
def test_version_names_engine_and_data() -> None:
    backend = ApertiumBackend("eng-spa")
    assert backend.version().startswith("Apertium ")
    assert "apertium-eng-spa" in backend.version()
    assert backend.describe() == {"engine": "apertium", "mode": "eng-spa", "version": backend.version()}


PIVOT_MODES = ("eng-spa", "spa-eng", "fr-es", "es-fr", "cat-eng", "spa-cat", "cat-spa", "eng-cat")


@pytest.mark.parametrize(
    ("source", "target", "modes", "via"),
    [
        ("fr", "en", ("fr-es", "spa-eng"), "es"),
        ("en", "fr", ("eng-spa", "es-fr"), "es"),
        ("ca", "en", ("cat-eng",), None),
        ("fr", "ca", ("fr-es", "spa-cat"), "es"),
        ("es", "en", ("spa-eng",), None),
    ],
)
def test_route_for_prefers_a_direct_mode_then_a_pivot(
    source: str, target: str, modes: tuple[str, ...], via: str | None
) -> None:
    route = route_for(source, target, PIVOT_MODES)
    assert route is not None
    assert (route.modes, route.via) == (modes, via)


def test_route_for_gives_none_when_no_pivot_joins_the_pair() -> None:
    assert route_for("de", "en", PIVOT_MODES) is None
    assert route_for("fr", "en", ("fr-es",)) is None


def needs_modes(*modes: str) -> pytest.MarkDecorator:
    missing = [mode for mode in modes if mode not in installed_modes()]
    return pytest.mark.skipif(bool(missing), reason=f"apertium modes missing: {missing} (make installs them)")


@pytest.mark.apertium
@needs_apertium
@needs_modes("fr-es", "spa-eng")
def test_a_route_via_spanish_translates_french_into_english() -> None:
    backend = ApertiumBackend(("fr-es", "spa-eng"), pivot="es")
    (first, second) = backend.translate(
        ["Le gouvernement a approuvé la loi hier soir.", "Les problèmes de Grenoble."], "fr", "en"
    )
    assert first.text is not None and "law" in first.text and "night" in first.text
    assert second.text is not None and "Grenoble" in second.text
    described = backend.describe()
    assert described["mode"] == "fr-es + spa-eng" and described["via"] == "es"
    assert "apertium-fr-es" in described["version"] and "apertium-eng-spa" in described["version"]


@pytest.mark.apertium
@needs_apertium
@needs_modes("fr-es", "spa-eng")
def test_a_route_keeps_the_target_words_the_first_step_did_not_know() -> None:
    (result,) = ApertiumBackend(("fr-es", "spa-eng"), pivot="es").translate(
        ["Le président Zorglubov a parlé."], "fr", "en"
    )
    assert result.text is not None and "Zorglubov" in result.text
    assert result.unknown == ["Zorglubov"]


def test_a_killed_pipeline_leaves_no_pipe_open() -> None:
    """After a timed-out communicate, killing the group closes stdin too: no ResourceWarning
    whenever the garbage collector happens to reach the process object."""
    process = subprocess.Popen(
        ["sleep", "30"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    with pytest.raises(subprocess.TimeoutExpired):
        process.communicate(b"x" * 200_000, timeout=0.05)
    _kill_group(process)
    assert process.returncode is not None
    assert process.stdin is not None and process.stdin.closed
    assert process.stdout is not None and process.stdout.closed
