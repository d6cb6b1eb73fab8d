"""The one language-tag parser: tags, pairs, and what counts as a language."""

from __future__ import annotations

import pytest

from transaudit.analysis.languages import LanguageTag, normalize_language, parse_pair, parse_tag
from transaudit.backtranslation.base import language_codes
from transaudit.errors import InputError


@pytest.mark.parametrize(
    ("tag", "parsed"),
    [
        ("es", LanguageTag("es", "spa")),
        ("ES", LanguageTag("es", "spa")),
        ("es-ES", LanguageTag("es", "spa", "ES")),
        ("en_us", LanguageTag("en", "eng", "US")),
        ("spa", LanguageTag("es", "spa")),
        ("es-419", LanguageTag("es", "spa", "419")),
        ("zh-Hant-TW", LanguageTag("zh", "zho", "TW")),
        ("ast", LanguageTag("ast", "ast")),
        (" pt-BR ", LanguageTag("pt", "por", "BR")),
    ],
)
def test_parse_tag(tag: str, parsed: LanguageTag) -> None:
    assert parse_tag(tag) == parsed


@pytest.mark.parametrize("tag", ["", "spanish", "xx", "e", "es--ES", "12", "es ES"])
def test_not_a_language(tag: str) -> None:
    assert parse_tag(tag) is None
    with pytest.raises(InputError, match="unknown language code"):
        normalize_language(tag)


def test_pairs() -> None:
    assert parse_pair("es-en") == ("es", "en")
    assert parse_pair("ES_EN") == ("es", "en")
    with pytest.raises(InputError, match="expected SRC-TGT"):
        parse_pair("english")
    with pytest.raises(InputError, match="unknown language code 'xx'"):
        parse_pair("xx-en")


def test_engines_read_tags_through_the_same_parser() -> None:
    assert language_codes("es-ES") == (["spa", "es"], "ES")
    assert language_codes("spa") == (["spa", "es"], None)
    assert language_codes("qq") == (["qq"], None)
