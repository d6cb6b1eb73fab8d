"""The aligner on article pairs written for the tests: inserted, dropped, split paragraphs."""

from __future__ import annotations

from transaudit.input.align import align_paragraphs, split_paragraphs

SOURCE = """El Gobierno presentó ayer el plan de vivienda para 2025.

El programa prevé construir 20.000 pisos de alquiler social en cinco años.

La ministra, Ana Ruiz, explicó que la mitad se levantará en Madrid y Barcelona.

Los sindicatos consideran que la cifra es insuficiente.

La oposición pidió que el plan se debata en el Congreso."""

TARGET = """The Government presented the 2025 housing plan yesterday.

The programme plans to build 20,000 social rental flats in five years.

The minister, Ana Ruiz, explained that half will be built in Madrid and Barcelona.

The unions consider the figure insufficient.

The opposition asked for the plan to be debated in Congress."""


def pairs_of(source: str, target: str):
    return align_paragraphs(split_paragraphs(source), split_paragraphs(target), "es", "en")


def test_split_paragraphs_joins_wrapped_lines_and_keeps_line_numbers() -> None:
    paragraphs = split_paragraphs("first line\ncontinues here\n\n\nsecond\n")
    assert [p.text for p in paragraphs] == ["first line continues here", "second"]
    assert [p.line for p in paragraphs] == [1, 5]


def test_one_to_one_article() -> None:
    pairs = pairs_of(SOURCE, TARGET)
    assert len(pairs) == 5
    assert all(p.source and p.target for p in pairs)
    assert pairs[1].source.startswith("El programa") and pairs[1].target.startswith("The programme")


def test_inserted_target_paragraphs_stay_one_sided() -> None:
    target = (
        TARGET.replace("The unions consider", "Advertisement\n\nThe unions consider")
        + "\n\nLEAVE A REPLY\n\nShare this article"
    )
    pairs = pairs_of(SOURCE, target)
    one_sided = [p.target for p in pairs if not p.source]
    assert one_sided == ["Advertisement", "LEAVE A REPLY", "Share this article"]
    assert all(p.source for p in pairs if p.target not in one_sided)
    assert [p.target_line for p in pairs if not p.source] == [7, 13, 15]


def test_dropped_source_paragraph_becomes_an_omission() -> None:
    target = TARGET.replace("The unions consider the figure insufficient.\n\n", "")
    pairs = pairs_of(SOURCE, target)
    omitted = [p for p in pairs if not p.target]
    assert [p.source for p in omitted] == ["Los sindicatos consideran que la cifra es insuficiente."]
    assert omitted[0].target_line is None and omitted[0].source_line == 7


def test_paragraph_split_by_translator_is_cut_between_sentences() -> None:
    source = (
        "Primera frase del párrafo largo con bastantes palabras. "
        "Segunda frase, también bastante larga, del mismo párrafo.\n\nOtro párrafo distinto al final."
    )
    target = (
        "First sentence of the long paragraph with quite a few words.\n\n"
        "Second sentence, also quite long, of the same paragraph.\n\nAnother different paragraph at the end."
    )
    pairs = pairs_of(source, target)
    assert [(p.source, p.target) for p in pairs] == [
        (
            "Primera frase del párrafo largo con bastantes palabras.",
            "First sentence of the long paragraph with quite a few words.",
        ),
        (
            "Segunda frase, también bastante larga, del mismo párrafo.",
            "Second sentence, also quite long, of the same paragraph.",
        ),
        ("Otro párrafo distinto al final.", "Another different paragraph at the end."),
    ]


def test_every_paragraph_is_used_exactly_once() -> None:
    target = "Breaking news\n\n" + TARGET + "\n\nSubscribe"
    source_paragraphs = split_paragraphs(SOURCE)
    target_paragraphs = split_paragraphs(target)
    pairs = align_paragraphs(source_paragraphs, target_paragraphs, "es", "en")
    assert " ".join(p.source for p in pairs if p.source) == " ".join(p.text for p in source_paragraphs)
    assert " ".join(p.target for p in pairs if p.target) == " ".join(p.text for p in target_paragraphs)


def test_empty_sides() -> None:
    assert pairs_of("", "") == []
    pairs = pairs_of("Solo fuente.", "")
    assert [(p.source, p.target) for p in pairs] == [("Solo fuente.", "")]


def test_the_cut_bound_never_exceeds_the_best_cut() -> None:
    """The aligner skips cutting a paragraph into sentences when this bound already loses: it must
    be a true lower bound, on both sides and for paragraphs with wide gaps between sentences."""
    import random

    from transaudit.input.align import _best_cut, _cut_bound, _Scorer, _sentence_cuts, _widest_space

    rng = random.Random(7)
    words = "the mayor said on Monday that the bridge will open. It cost 20 million euros!".split()
    texts = []
    for _ in range(60):
        sentences = [" ".join(rng.choices(words, k=rng.randint(1, 25))) for _ in range(rng.randint(1, 5))]
        texts.append((" " * rng.randint(1, 4)).join(s.rstrip(".!") + "." for s in sentences))
    for one_is_target in (True, False):
        for ratio_texts in (texts[:10], texts[:3] + [t * 3 for t in texts[3:10]]):
            scorer = _Scorer(ratio_texts, list(reversed(ratio_texts)))
            for whole in texts[:20]:
                cuts = [0, *_sentence_cuts(whole, "en"), len(whole)]
                pieces = [(c, len(whole[:c].strip()), len(whole[c:].strip())) for c in cuts]
                for _ in range(5):
                    two = rng.sample(texts, 2)
                    best, _ = _best_cut(pieces, two, scorer, one_is_target)
                    assert _cut_bound(whole, two, scorer, one_is_target, _widest_space(whole)) <= best


def test_sentence_spans_are_pysbds_char_spans() -> None:
    """Found by str.find instead of pysbd's regex per sentence: the same (text, start) pairs,
    repeated sentences and odd spaces included (checked on 8,077 WMT24 and sample paragraphs too)."""
    from transaudit.analysis.text import sentence_segmenter
    from transaudit.input.align import _sentence_spans

    texts = {
        "en": ["", " ", "a", "Hi.  Hi.  Hi.", "Mr. Smith went.   He came!  ", "x\u00a0y. z.",
               "Yes. Yes. Yes.", "...", "a.b. c", "\u2003Hello. World.\u2003",
               "The U.S. Senate met. It voted 51-49 on Jan. 3."],
        "es": ["El Sr. García llegó. «¿Vendrá?», preguntó. Sí.", "Hola. Hola.  Adiós."],
    }
    for lang, items in texts.items():
        for text in items:
            spans = sentence_segmenter(lang).segment(text) if text else []
            expected = [(span.sent, span.start) for span in spans]
            assert _sentence_spans(text, lang) == expected
