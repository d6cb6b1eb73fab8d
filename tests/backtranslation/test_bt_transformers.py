"""The transformers backend, on a MarianMT model trained in this session (no downloads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_marian import PAIRS

from transaudit.backtranslation.base import BackendError
from transaudit.backtranslation.run import back_translate
from transaudit.backtranslation.transformers import TransformersBackend
from transaudit.errors import ConfigError
from transaudit.model import Article, Segment
from transaudit.settings import Settings

pytestmark = pytest.mark.slow


def test_translates_every_text_in_input_order(tiny_marian_dir: Path) -> None:
    backend = TransformersBackend(str(tiny_marian_dir), batch_size=4, beams=2, max_length=48)
    english = [en for en, _ in PAIRS]
    results = backend.translate(english, "en", "es")
    assert [r.text for r in results] == [es for _, es in PAIRS]
    assert all(r.note is None and r.unknown == [] for r in results)


def test_blank_texts_stay_blank(tiny_marian_dir: Path) -> None:
    results = TransformersBackend(str(tiny_marian_dir)).translate(
        ["", "The dog eats apples.", " "], "en", "es"
    )
    assert [r.text for r in results] == ["", "El perro come manzanas.", ""]


def test_describe_records_model_and_settings(tiny_marian_dir: Path) -> None:
    backend = TransformersBackend(str(tiny_marian_dir), beams=3, max_length=40)
    described = backend.describe()
    assert described["engine"] == "transformers"
    assert described["model"] == str(tiny_marian_dir.resolve())
    assert described["version"].startswith("transformers ")
    assert "beams 3, max length 40" in described["version"]


def test_back_translate_fills_segments_through_the_real_path(tiny_marian_dir: Path, tmp_path: Path) -> None:
    article = Article(
        "a1",
        "es",
        "en",
        [
            Segment("p1", "El perro come manzanas.", "The dog eats apples. The river is long."),
            Segment("p2", "Fecha: 15 de septiembre", "Date:"),
            Segment("p3", "", ""),
        ],
    )
    settings = Settings.from_keys(model=str(tiny_marian_dir), cache_dir=str(tmp_path), beams=2)
    result = back_translate(article, settings)
    summary = result.summary()
    first, second, third = result.apply(article).segments
    assert first.back_translation == "El perro come manzanas. El río es largo."
    assert second.back_translation == "Fecha:"
    assert third.back_translation is None and third.bt_note is None
    assert first.bt_scores["chrF"] > second.bt_scores["chrF"]
    assert summary["backend"] == "transformers" and summary["model"] == str(tiny_marian_dir.resolve())
    assert result.notices == []
    again = back_translate(article, settings)
    assert again.units_from_cache == again.units == 3


def test_missing_model_marks_segments_and_the_audit_goes_on(tmp_path: Path, offline: None) -> None:
    """A folder that vanished after the settings were read: the segments say so and the
    audit goes on (a folder that does not exist when the settings are read is refused)."""
    article = Article("a1", "es", "en", [Segment("p1", "Hola", "Hello")])
    with pytest.raises(ConfigError, match="names a model folder that does not exist"):
        Settings.from_keys(model=str(tmp_path / "no-such-model"))
    (tmp_path / "no-such-model").mkdir()
    settings = Settings.from_keys(model=str(tmp_path / "no-such-model"), no_cache=True)
    (tmp_path / "no-such-model").rmdir()
    result = back_translate(article, settings)
    segment = result.apply(article).segments[0]
    assert segment.back_translation is None
    assert segment.bt_note == f"not back-translated: model folder not found: {tmp_path / 'no-such-model'}"
    assert any("failed for 1 of 1 segments" in notice for notice in result.notices)
    with pytest.raises(BackendError, match="model folder not found"):
        TransformersBackend(str(tmp_path / "no-such-model")).translate(["Hello"], "en", "es")


def test_a_hub_id_that_cannot_be_fetched_offline_is_reported(offline: None) -> None:
    with pytest.raises(BackendError, match="cannot load model no-such-owner/no-such-model"):
        TransformersBackend("no-such-owner/no-such-model").translate(["Hello"], "en", "es")


def test_timeout_marks_only_the_batch(tiny_marian_dir: Path) -> None:
    results = TransformersBackend(str(tiny_marian_dir), timeout=0.001).translate(
        ["The dog eats apples."], "en", "es"
    )
    assert results[0].text is None
    assert results[0].note == "model timed out after 0.001 s"


def test_an_unreachable_hub_fails_at_once_with_one_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.delenv("HTTPS_PROXY", raising=False)
    monkeypatch.delenv("https_proxy", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-cache"))  # nothing cached
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: refused at once
    started = time.monotonic()
    article = Article("a1", "en", "es", [Segment(f"p{i}", "Hola.", "Hello.") for i in range(3)])
    result = back_translate(article, Settings.from_keys(model="Helsinki-NLP/opus-mt-en-es",
                                                        no_cache=True, batch_size=1))
    assert time.monotonic() - started < 5
    notes = {segment.bt_note for segment in result.apply(article).segments}
    assert len(notes) == 1
    (note,) = notes
    assert "not in the local Hugging Face cache" in note and "hub is unreachable (127.0.0.1:9" in note
