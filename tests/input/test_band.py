"""The band's lower bounds, and the pruned aligner against the one that prices every cell."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transaudit.input.align import (
    _MOVE_COST,
    _S2,
    Paragraph,
    _cut_bound,
    _length_cost,
    _Scorer,
    _widest_space,
    align_paragraphs,
)
from transaudit.input.band import cut_cost_lower, length_cost_lower, neg_log_erfc_lower

WORDS = ("the mayor said on Monday that the new bridge over the river will open in May and "
         "cost more than expected according to officials in Lisbon Porto Madrid").split()


def test_erfc_bound_is_below_and_close() -> None:
    z = np.concatenate([np.linspace(0, 40, 200_001), np.linspace(0, 0.01, 1_001)])
    bound = neg_log_erfc_lower(z)
    exact = np.array([-math.log(max(math.erfc(x), 1e-300)) for x in z.tolist()])
    assert (bound <= exact).all()
    assert (exact - bound).max() < 2e-6


@given(st.integers(0, 3000), st.integers(0, 3000), st.floats(0.5, 2.0))
def test_length_bound_never_exceeds_the_cost(ls: int, lt: int, ratio: float) -> None:
    bound = float(length_cost_lower(np.array([float(ls)]), np.array([float(lt)]), ratio, _S2)[0])
    exact = _length_cost(ls, lt, ratio)
    assert bound <= exact
    assert exact - bound < 1e-5 or exact > 600


@settings(max_examples=300)
@given(st.text("ab .", min_size=1, max_size=60), st.integers(1, 400), st.integers(1, 400),
       st.floats(0.5, 2.0), st.booleans())
def test_cut_bound_from_below(whole: str, l0: int, l1: int, ratio: float, one_is_target: bool) -> None:
    """Below the aligner's own bound (which is below the best cut), whatever the widest space."""
    scorer = _Scorer(["x" * 100], ["y" * max(1, round(100 * ratio))])
    two = ("a" * l0, "b" * l1)
    widest = _widest_space(whole)
    exact = _cut_bound(whole, two, scorer, one_is_target, widest)
    for above in (widest, widest + 1, len(whole)):
        bound = cut_cost_lower(np.array([float(len(whole))]), np.array([float(above)]), np.array([float(l0)]),
                               np.array([float(l1)]), one_is_target, scorer.ratio, _S2, _MOVE_COST[(1, 0)])
        assert float(bound[0]) <= exact


def _article(rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """A source and a 'translation' of it (same words, lengths jittered), then damaged as
    translations and web pages are: omissions, insertions, merged and split paragraphs."""
    sources, targets = [], []
    for number in range(size):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            words = rng.choices(WORDS, k=rng.randint(3, 30))
            if rng.random() < 0.5:
                words.append(str(rng.randint(1, 3000)))
            sentences.append(" ".join(words).capitalize() + ".")
        source = " ".join(sentences) + f" ({number})"
        target = " ".join(s + " y" * rng.randint(0, 4) for s in sentences) + f" ({number})"
        roll = rng.random()
        if roll < 0.04:
            sources.append(source)
        elif roll < 0.08:
            sources.append(source)
            targets += [target, "Publicidad. " * rng.randint(1, 3)]
        elif roll < 0.13 and targets:
            sources.append(source)
            targets[-1] += " " + target
        elif roll < 0.17 and sources:
            sources[-1] += " " + source
            targets.append(target)
        elif roll < 0.20 and ". " in target:
            sources.append(source)
            targets += target.split(". ", 1)
        else:
            sources.append(source)
            targets.append(target)
    return sources, targets


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(text, line) for line, text in enumerate(texts, start=1)]


def _same_pairs(seed: int, sizes: tuple[int, ...]) -> None:
    rng = random.Random(seed)
    for size in sizes:
        sources, targets = _article(rng, size)
        s, t = _paragraphs(sources), _paragraphs(targets)
        pruned = align_paragraphs(s, t, "en", "es", prune_from=0)
        assert pruned == align_paragraphs(s, t, "en", "es", prune_from=10**12)


def test_pruning_gives_the_same_pairs_on_damaged_articles() -> None:
    _same_pairs(16, (3, 30, 90))


@pytest.mark.slow
def test_pruning_gives_the_same_pairs_on_long_damaged_articles() -> None:
    """Also checked on WMT24 (the reference and 23 systems as folders, 171 damaged documents,
    40 damaged runs of 50-400 paragraphs): the same pairs everywhere."""
    for seed in range(2):
        _same_pairs(seed, (150, 300))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 600), min_size=1, max_size=60),
       st.lists(st.integers(1, 600), min_size=1, max_size=60))
def test_pruning_gives_the_same_pairs_on_any_lengths(sources: list[int], targets: list[int]) -> None:
    """Unrelated paragraphs of any lengths: many near-ties, one-sided runs and cuts."""
    s = _paragraphs([("Word. " * (n // 6 + 1))[:n].strip() or "W" for n in sources])
    t = _paragraphs([("Palabra 7. " * (n // 11 + 1))[:n].strip() or "P" for n in targets])
    pruned = align_paragraphs(s, t, "en", "es", prune_from=0)
    assert pruned == align_paragraphs(s, t, "en", "es", prune_from=10**12)


def test_short_articles_are_not_pruned_and_need_no_numpy() -> None:
    """Below PRUNE_FROM cells the aligner prices every cell (cheap) without importing numpy."""
    import subprocess
    import sys

    code = ("import sys; from transaudit.input.align import Paragraph, align_paragraphs; "
            "p = [Paragraph('Uno. Dos.', 1), Paragraph('Tres.', 3)]; align_paragraphs(p, p, 'es', 'es'); "
            "print('numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_very_unequal_sides_are_priced_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """A band wider than ±60 paragraphs (sides 50+ paragraphs apart) is not pruned by
    default: many one-sided paragraphs leave many cells possible, so it would not pay."""
    from transaudit.input import band

    def refuse(*args: object) -> None:
        raise AssertionError("pruned")

    monkeypatch.setattr(band, "surviving_cells", refuse)
    rng = random.Random(3)
    sources, _ = _article(rng, 300)
    pairs = align_paragraphs(_paragraphs(sources), _paragraphs(sources[:30]), "en", "en")
    assert len(pairs) >= len(sources)
