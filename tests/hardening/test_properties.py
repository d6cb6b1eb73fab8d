"""Property-based tests: readers, aligner and every registered check on random input.

Invariants: no exception escapes (readers raise only InputError), no check
crashes (``run.errors`` is empty), every span lies inside its text and every
issue's ``text`` is exactly that slice. New checks are covered automatically
because the check list comes from ``all_checks()`` at collection time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transaudit.checks import all_checks
from transaudit.engine import Engine
from transaudit.errors import InputError
from transaudit.input.align import align_paragraphs, split_paragraphs
from transaudit.input.decoding import decode
from transaudit.input.readers import Languages, read_article
from transaudit.model import Article, Segment
from transaudit.settings import Settings

settings.register_profile(
    "transaudit-hardening",
    derandomize=True,
    deadline=None,
    #: TRANSAUDIT_HYPOTHESIS_EXAMPLES=500 for a longer bug hunt; 30 keeps the suite fast.
    max_examples=int(os.environ.get("TRANSAUDIT_HYPOTHESIS_EXAMPLES", "30")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = settings.get_profile("transaudit-hardening")

#: Words that make checks fire: numbers, names, places, doubled words, quotes,
#: residue, plus scripts and characters that break naive offset arithmetic.
VOCABULARY = [
    "the", "the", "and", "y", "el", "la", "de", "problems", "problemas", "Madrid", "Iran", "Irán",
    "Central", "Asian", "country", "Dushanbé", "Dushanbe", "Putin", "Xi", "Jinping", "15", "2022",
    "1.000", "1,000", "3,5", "3.5", "%", "€", "$", "20.000", "km", "millones", "million", "enero",
    "January", "Date:", "LEAVE", "A", "REPLY", "Share", "post:", "“", "”", "‘", "’", "«", "»", '"',
    "'", "(", ")", "¿", "¡", "?", "!", "...", "…", "—", "-", "İstanbul", "ß", "ﬁ", "e\u0301",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\t", "\x0b", "\x85", "\u2028", "مرحبا",
    "שלום", "😀", "👩‍👩‍👧", "🇪🇸", "中文", "ǅ", "ΣΑΣ", "I", "i", "we", "We", "will", "of", "course",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", "\n", "  ", "", " - ", ": "]
LANGS = ["en", "es", "fr", "de", "pt", "it", "ca", "zz"]

tokens = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(min_size=1, max_size=8),
)
texts = st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)
bt_scores = st.dictionaries(st.sampled_from(["chrf", "bleu", "ter"]),
                            st.floats(min_value=0, max_value=100, allow_nan=False), max_size=3)


@st.composite
def segments(draw: st.DrawFn, index: int) -> Segment:
    source = draw(texts)
    target = draw(st.one_of(texts, st.just(source)))
    has_bt = draw(st.booleans())
    return Segment(
        id=draw(st.sampled_from([f"p{index:02d}", f"s/{index}/../x", f"<b>{index}</b>"])),
        source=source,
        target=target,
        line=index + 1,
        back_translation=draw(st.one_of(texts, st.just(source))) if has_bt else None,
        bt_scores=draw(bt_scores) if has_bt else {},
        bt_unknown=draw(st.lists(st.sampled_from(VOCABULARY), max_size=3)) if has_bt else [],
        bt_note=None if has_bt else draw(st.sampled_from([None, "no back-translation: engine off"])),
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    count = draw(st.integers(min_value=0, max_value=6))
    segs = [draw(segments(index)) for index in range(count)]
    return Article("random", draw(st.sampled_from(LANGS)), draw(st.sampled_from(LANGS)), segs, "random.tsv")


def assert_spans(article: Article, issues) -> None:
    by_id = {segment.id: segment for segment in article.segments}
    for issue in issues:
        text = by_id[issue.segment].text(issue.side)
        assert 0 <= issue.start <= issue.end <= len(text), issue
        assert issue.text == text[issue.start : issue.end], issue


CHECK_CODES = [check.code for check in all_checks()]
ALL_CHECKS = Engine(Settings().with_overrides(select=("ALL",)))


@pytest.mark.parametrize("code", CHECK_CODES)
def test_every_check_survives_random_articles(code: str) -> None:
    engine = Engine(Settings().with_overrides(select=(code,)))
    assert [check.code for check in engine.checks] == [code]

    @PROFILE
    @given(article=articles())
    def run(article: Article) -> None:
        result = engine.run(article)
        assert result.errors == [], result.errors
        assert_spans(article, result.issues)

    run()


#: Letters, spaces and every mark the fluency checks (repetition, punctuation,
#: capitalization) look at: dense in the characters their scanners branch on.
MARKS = "aAbBeEsS yY.,;:!?¿¡…\"'“”‘’«»„‚‹›()- \u00a0\u202f\n"


@settings(PROFILE, max_examples=150)
@given(
    source=st.text(alphabet=MARKS, max_size=60),
    target=st.text(alphabet=MARKS, max_size=60),
    pair=st.sampled_from(["es-en", "en-es", "en-fr", "es-xx"]),
)
def test_every_check_survives_text_made_of_marks(source: str, target: str, pair: str) -> None:
    source_lang, target_lang = pair.split("-")
    article = Article("marks", source_lang, target_lang, [Segment("s1", source, target)])
    result = ALL_CHECKS.run(article)
    assert result.errors == [], result.errors
    assert_spans(article, result.issues)


@settings(PROFILE, max_examples=100)
@given(article=articles())
def test_all_checks_together_keep_span_invariant(article: Article) -> None:
    result = Engine(Settings().with_overrides(select=("ALL",))).run(article)
    assert result.errors == [], result.errors
    assert_spans(article, result.issues)


@PROFILE
@given(data=st.binary(max_size=300))
def test_decode_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "x.tsv")
    except InputError as error:
        assert error.path == "x.tsv" and error.problem
        return
    assert "\r" not in text and "\x00" not in text and text.strip()


cell_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\t\n\r\x00"), max_size=40
)


@PROFILE
@given(rows=st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=8))
def test_plain_tsv_round_trips_or_fails_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                                rows: list[tuple[str, str]]) -> None:
    path = tmp_path_factory.mktemp("tsv") / "a.es-en.tsv"
    path.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")
    try:
        article = read_article(path)
    except InputError as error:
        assert error.path == str(path)
        return
    kept = [(s.strip(), t.strip()) for s, t in rows if s.strip() or t.strip()]
    if not any('"' in s or '"' in t for s, t in rows):
        assert [(seg.source, seg.target) for seg in article.segments] == kept
    assert all(seg.line is not None and seg.line >= 2 for seg in article.segments)


@PROFILE
@given(rows=st.lists(st.tuples(st.text(max_size=40), st.text(max_size=40)), min_size=1, max_size=8))
def test_jsonl_round_trips_or_fails_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                            rows: list[tuple[str, str]]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "a.es-en.jsonl"
    path.write_text("".join(json.dumps({"source": s, "target": t}) + "\n" for s, t in rows), encoding="utf-8")
    try:
        article = read_article(path)
    except InputError as error:
        assert error.path == str(path) and error.problem
        return
    assert [(seg.source, seg.target) for seg in article.segments] == [(s.strip(), t.strip()) for s, t in rows]
    for segment in article.segments:
        segment.source.encode("utf-8")
        segment.target.encode("utf-8")


paragraph_text = texts.filter(lambda text: text.strip() != "")


@PROFILE
@given(
    source=st.lists(paragraph_text, max_size=12),
    target=st.lists(paragraph_text, max_size=12),
    langs=st.tuples(st.sampled_from(LANGS), st.sampled_from(LANGS)),
)
def test_aligner_uses_every_paragraph_once_in_order(source: list[str], target: list[str],
                                                   langs: tuple[str, str]) -> None:
    source_paragraphs = split_paragraphs("\n\n".join(source))
    target_paragraphs = split_paragraphs("\n\n".join(target))
    pairs = align_paragraphs(source_paragraphs, target_paragraphs, *langs)

    def squash(parts: list[str]) -> str:
        return "".join("".join(parts).split())

    assert squash([p.source for p in pairs]) == squash([p.text for p in source_paragraphs])
    assert squash([p.target for p in pairs]) == squash([p.text for p in target_paragraphs])
    assert all(p.source or p.target for p in pairs)
    lines = [p.source_line for p in pairs if p.source_line is not None]
    assert lines == sorted(lines)
    lines = [p.target_line for p in pairs if p.target_line is not None]
    assert lines == sorted(lines)


@PROFILE
@given(text=st.text(max_size=200))
def test_split_paragraphs_keeps_every_non_blank_line(text: str) -> None:
    paragraphs = split_paragraphs(text)
    assert all(p.text and p.text == p.text.strip() for p in paragraphs)
    assert [p.line for p in paragraphs] == sorted({p.line for p in paragraphs})
    assert "".join("".join(p.text for p in paragraphs).split()) == "".join(
        "".join(line.strip() for line in text.split("\n")).split()
    )


def test_profile_is_deterministic() -> None:
    assert PROFILE.derandomize is True and PROFILE.deadline is None


def test_read_article_language_detection_is_seeded(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"source": "El alcalde abrió el puente ayer por la tarde.",
                               "target": "The mayor opened the bridge yesterday afternoon."}) + "\n"
                   for _ in range(2))
    path = tmp_path / "plain.jsonl"
    path.write_text(rows, encoding="utf-8")
    found = {(a.source_lang, a.target_lang) for a in (read_article(path, Languages()) for _ in range(3))}
    assert found == {("es", "en")}
