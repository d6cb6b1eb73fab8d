"""Per-article text caches: which caches count, and that a batch keeps memory flat."""

from __future__ import annotations

import functools

import pytest

from transaudit.analysis import tokens
from transaudit.memo import (
    BATCH_GC_THRESHOLD,
    SOURCE_CACHE,
    TEXT_CACHE_MIN,
    WORD_CACHE,
    batch_collector,
    clear_text_caches,
    is_lasting,
    lasting,
    source_texts,
    text_cache,
    text_caches,
)


def test_text_caches_are_the_large_ones_and_resources_stay() -> None:
    from transaudit.analysis import gazetteer

    caches = text_caches()
    assert tokens._words_of in caches and tokens._tokenize in caches
    assert gazetteer.gazetteer not in caches  # the indexed resource, one per language
    assert all(cache.cache_parameters()["maxsize"] >= TEXT_CACHE_MIN for cache in caches)


def test_clearing_empties_them_and_results_do_not_change() -> None:
    first = tokens.tokenize("El alcalde inauguró el puente.")
    assert tokens._tokenize.cache_info().currsize > 0
    assert clear_text_caches() >= 2
    assert tokens._tokenize.cache_info().currsize == 0
    assert tokens.tokenize("El alcalde inauguró el puente.") == first


def test_a_batch_leaves_no_article_text_in_the_caches(tmp_path) -> None:
    from transaudit.batch import run_batch
    from transaudit.input.readers import Languages
    from transaudit.settings import Settings

    paths = []
    for number in range(2):
        path = tmp_path / f"story{number}.es-en.tsv"
        path.write_text(f"source\ttarget\nEl puente {number} de Madrid.\tThe bridge {number} in Madrid.\n",
                        encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out"
    out.mkdir()
    run = run_batch(paths, Settings.from_keys(backend="none"), Languages(None, None), out, ("json",), jobs=1)
    assert [outcome.ok for outcome in run.outcomes] == [True, True]
    assert all(cache.cache_info().currsize == 0 for cache in text_caches())


def _lasting_caches() -> list[functools._lru_cache_wrapper[object]]:
    import sys

    return [value for name, module in list(sys.modules.items()) if name.startswith("transaudit.")
            for value in list(vars(module).values())
            for value in (value, getattr(value, "sources", None))
            if isinstance(value, functools._lru_cache_wrapper) and is_lasting(value)
            and value.__module__ == name]


def test_lasting_caches_are_kept_bounded_and_left_out_of_the_text_caches() -> None:
    from transaudit.analysis import lexicon, numbers
    from transaudit.checks import untranslated

    caches = _lasting_caches()
    assert {lexicon.common_word, numbers._figures, untranslated._source_cases} <= set(caches)
    assert not set(caches) & set(text_caches())
    bounds = {cache.cache_parameters()["maxsize"] for cache in caches}
    assert bounds <= {WORD_CACHE, SOURCE_CACHE, 2 * SOURCE_CACHE}
    lexicon.common_word("puente", "es")
    clear_text_caches()
    assert lexicon.common_word.cache_info().currsize > 0  # a word's verdict outlives the article


def test_lasting_takes_only_a_bounded_lru_cache() -> None:
    with pytest.raises(TypeError):
        lasting(functools.cache(lambda text: text))
    with pytest.raises(TypeError):
        lasting(lambda text: text)
    marked = lasting(functools.lru_cache(maxsize=4)(str.upper))
    assert is_lasting(marked) and marked("a") == "A"


def test_the_next_article_on_the_same_source_reuses_the_source_side(tmp_path) -> None:
    """Two systems' translations of one source: the second article finds the source's figures
    and words cached, its reports are those of a fresh process, and the source caches stay
    bounded (one article's paragraphs), holding no target text."""
    from transaudit.analysis import numbers
    from transaudit.batch import run_batch
    from transaudit.checks import untranslated
    from transaudit.input.readers import Languages
    from transaudit.settings import Settings

    source = "El puente de 300 metros une Madrid con 12 ciudades."
    targets = ["The 300-metre bridge links Madrid with 12 cities.",
               "The 300 m bridge joins Madrid to 13 towns."]
    for number, target in enumerate(targets):
        (tmp_path / f"system{number}.es-en.tsv").write_text(f"source\ttarget\n{source}\t{target}\n",
                                                           encoding="utf-8")
    paths = sorted(tmp_path.glob("*.tsv"))
    settings = Settings.from_keys(backend="none", timestamp="2026-01-01T00:00:00Z")
    reports = []
    for order in (paths, paths[::-1]):
        for cache in _lasting_caches():
            cache.cache_clear()
        out = tmp_path / f"out{len(reports)}"
        out.mkdir()
        run_batch(order, settings, Languages(None, None), out, ("json",), jobs=1)
        reports.append({p.name: p.read_bytes() for p in out.glob("system*.json")})
        assert numbers._figures.cache_info().hits >= 1  # the second article read the source's figures
        assert untranslated._source_cases.cache_info().currsize <= 1  # the one source, no target
    assert reports[0] == reports[1]  # first or second, an article's report is the same


def test_what_the_first_article_loaded_is_settled_out_of_the_collectors_way() -> None:
    import gc

    clear_text_caches()
    assert gc.get_freeze_count() > 0  # frozen once per process, after the first article


def test_a_batch_raises_the_young_collection_threshold_and_restores_it() -> None:
    import gc

    before = gc.get_threshold()
    with batch_collector():
        assert gc.get_threshold() == (max(before[0], BATCH_GC_THRESHOLD), *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(KeyError), batch_collector():
        raise KeyError("an article failed")
    assert gc.get_threshold() == before


def test_a_text_cache_answers_the_articles_sources_from_its_lasting_twin() -> None:
    calls: list[str] = []

    @text_cache(8, text=1)
    def shout(prefix: str, text: str) -> str:
        calls.append(text)
        return prefix + text.upper()

    with source_texts(["la fuente"]):
        assert shout("> ", "la fuente") == "> LA FUENTE" and shout("> ", "the target") == "> THE TARGET"
        assert shout.sources.cache_info().currsize == 1 and shout.cache_info().currsize == 1
    shout.cache_clear()  # what clear_text_caches does after an article
    with source_texts(["la fuente"]):  # the next article on the same source
        assert shout("> ", "la fuente") == "> LA FUENTE"
        assert shout("> ", "the target") == "> THE TARGET"
    assert calls == ["la fuente", "the target", "the target"]  # the source was analysed once
    assert shout("> ", "la fuente") == "> LA FUENTE"  # outside an article: the text cache, same answer
    assert shout.sources.cache_parameters()["maxsize"] == SOURCE_CACHE
    assert is_lasting(shout.sources) and not is_lasting(shout.texts)


def test_source_texts_is_restored_after_the_article_even_on_error() -> None:
    from transaudit import memo

    with pytest.raises(RuntimeError), source_texts(["a"]):
        assert "a" in memo._sources
        raise RuntimeError
    assert not memo._sources


def test_text_cache_functions_are_cleared_as_text_caches() -> None:
    from transaudit.analysis import gazetteer, name_runs

    caches = text_caches()
    assert gazetteer._mentions.texts in caches and name_runs.name_sequences.texts in caches
    assert gazetteer._mentions.sources not in caches
    assert gazetteer._mentions.sources.cache_parameters()["maxsize"] == 2 * SOURCE_CACHE  # both gazetteers
