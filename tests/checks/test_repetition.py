"""Repetition checks (TA101-TA104) beyond their cases in cases/repetition.toml."""

from __future__ import annotations

from transaudit.checks.repetition import scan
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings


def test_loop_is_major_when_long() -> None:
    target = "They said that " + "the talks go on " * 3 + "until May."
    segment = Segment("s1", "Dijeron que seguirán hasta mayo.", target)
    run = Engine(Settings.from_keys(select="TA104", backend="none")).run(Article("t", "es", "en", [segment]))
    loops = [i for i in run.issues if i.code == "TA104"]
    assert [i.severity.value for i in loops] == ["major"]
    assert loops[0].text == ("the talks go on " * 3).strip()


def test_scan_without_language_data_still_finds_doubled_words() -> None:
    repeats = scan("ceci est est faux", "xx")
    assert [(r.kind, r.unit) for r in repeats] == [("word", "est")]



def test_repeat_prefilter_is_the_hint_regex_on_random_texts() -> None:
    """The word-view pre-filter says yes exactly where the hint regex matches (or leaves it to the regex)."""
    import random

    from transaudit.checks.repetition import _REPEAT_HINT, _may_repeat

    pieces = ["the", "The", "THE", "de", "la", "La", "ΣΑΣ", "σας", "σασ", "İ", "i", "ß", "ẞ", "K", "k",
              "5", "x_y", "l'", "d’", "·", " ", " ", " ", ", ", ". ", "-", "\n", "(", "…"]
    rng = random.Random(16)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        found = _REPEAT_HINT.search(text) is not None
        assert _may_repeat(text) == found or (_may_repeat(text) and ("İ" in text or "Σ" in text)), text
