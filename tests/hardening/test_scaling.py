"""Large inputs: a 1 MB segment, a 100 KB segment per check, thousands of segments.

Each check gets a time limit (SIGALRM, so a quadratic check fails in seconds
instead of hanging the suite). Figures measured for docs/reliability.md come
from these shapes.
"""

from __future__ import annotations

import json
import random
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from transaudit.checks import all_checks
from transaudit.engine import Engine
from transaudit.errors import InputError
from transaudit.input.readers import read_article
from transaudit.model import Article, Segment
from transaudit.settings import Settings

#: No month names: "millones de enero" crashes TA201-205 (see test_known_crashes.py), and
#: these tests are about time, not that bug.
SOURCE_WORDS = ("el alcalde inauguró ayer el nuevo puente sobre el río y dijo que costará 20 millones "
                "de euros en Madrid el 15 de 2024").split()
TARGET_WORDS = ("the mayor opened the new bridge over the river yesterday and said it will cost 20 million "
                "euros in Madrid on 15 2024").split()


class TooSlow(BaseException):
    """BaseException so the engine's per-check ``except Exception`` cannot swallow it."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def prose(words: tuple[str, ...] | list[str], count: int, seed: int, stutter: float = 0.0) -> str:
    """Random sentences of the given words; ``stutter`` doubles some words (the the)."""
    rng = random.Random(seed)
    out: list[str] = []
    for index in range(count):
        word = rng.choice(words)
        out.append(word)
        if rng.random() < stutter:
            out.append(word)
        if index % 17 == 16:
            out[-1] += "."
    return " ".join(out)


def one_segment_article(chars: int) -> Article:
    words = chars // 6
    source = prose(SOURCE_WORDS, words, 1, stutter=0.05)[:chars]
    target = prose(TARGET_WORDS, words, 2, stutter=0.05)[:chars]
    return Article("big", "es", "en", [Segment("p1", source, target, 1)], "big.tsv")




@pytest.mark.slow
@pytest.mark.parametrize(
    "code",
    [check.code for check in all_checks()],
)
def test_each_check_handles_a_100_kb_segment(code: str) -> None:
    article = one_segment_article(100_000)
    engine = Engine(Settings().with_overrides(select=(code,)))
    with time_limit(15):
        run = engine.run(article)
    assert run.errors == []


@pytest.mark.parametrize("fmt", ["tsv", "jsonl", "folder"])
def test_a_1_mb_segment_is_refused_quickly_with_its_line(tmp_path: Path, fmt: str) -> None:
    target = prose(TARGET_WORDS, 200_000, 3)[:1_000_000]
    if fmt == "tsv":
        path = tmp_path / "huge.es-en.tsv"
        path.write_text(f"source\ttarget\nHola.\tHello.\nAdiós.\t{target}\n", encoding="utf-8")
        where, line = path, 3
    elif fmt == "jsonl":
        path = tmp_path / "huge.es-en.jsonl"
        path.write_text(json.dumps({"source": "Hola.", "target": target}) + "\n", encoding="utf-8")
        where, line = path, 1
    else:
        path = tmp_path / "huge"
        path.mkdir()
        (path / "source.es.txt").write_text("Hola.\n", encoding="utf-8")
        (path / "target.en.txt").write_text(f"Hello.\n\n{target}\n", encoding="utf-8")
        where, line = path / "target.en.txt", 3
    with time_limit(20), pytest.raises(InputError, match="over the 100,000 limit") as caught:
        read_article(path)
    assert (caught.value.path, caught.value.line) == (str(where), line)


def test_a_100_000_character_segment_is_read(tmp_path: Path) -> None:
    target = prose(TARGET_WORDS, 30_000, 3)[:100_000].strip()
    path = tmp_path / "long.es-en.tsv"
    path.write_text(f"source\ttarget\nHola.\t{target}\n", encoding="utf-8")
    assert read_article(path).segments[0].target == target


@pytest.mark.slow
def test_ten_thousand_segments_in_reasonable_time(tmp_path: Path) -> None:
    rng = random.Random(4)
    rows = []
    for index in range(10_000):
        size = rng.randint(5, 30)
        rows.append(f"s{index}\t{prose(SOURCE_WORDS, size, index)}\t{prose(TARGET_WORDS, size, -index)}\n")
    path = tmp_path / "long.es-en.tsv"
    path.write_text("id\tsource\ttarget\n" + "".join(rows), encoding="utf-8")
    started = time.process_time()
    with time_limit(240):
        article = read_article(path)
        run = Engine(Settings()).run(article)
    elapsed = time.process_time() - started
    assert len(article.segments) == 10_000
    assert run.errors == []
    assert elapsed < 120, f"{elapsed:.1f} s of CPU for 10,000 segments"
