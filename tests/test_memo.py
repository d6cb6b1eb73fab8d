"""Per-article text caches: which caches count, and that a batch keeps memory flat."""

from __future__ import annotations

from transaudit.analysis import tokens
from transaudit.memo import TEXT_CACHE_MIN, clear_text_caches, text_caches


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


def test_what_the_first_article_loaded_is_settled_out_of_the_collectors_way() -> None:
    import gc

    clear_text_caches()
    assert gc.get_freeze_count() > 0  # frozen once per process, after the first article
