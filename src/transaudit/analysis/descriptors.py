"""Definite descriptions of countries: "the Central Asian country", "el emirato".

The grammar is data (``[grammar]`` in ``data/gazetteer/<lang>.toml``): the
article that opens a description, optional fillers, modifiers (regions,
demonyms) before or after a head noun ("country", "país"), or a type noun
("emirate") on its own. A description glued to a country name is that name,
not a description of something else; "the Gulf state of Qatar" names its
country right after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from transaudit.analysis.regions import fitting
from transaudit.analysis.tokens import Token, joined, only_space, tokenize, words_of
from transaudit.analysis.trie import COUNTRY, DEMONYM

if TYPE_CHECKING:
    from transaudit.analysis.gazetteer import Gazetteer


@dataclass(frozen=True)
class Descriptor:
    """A definite description of a country: "the Central Asian country", "el emirato".

    The span (``start``/``end``) covers the describing words without the
    article. ``fits`` are the countries it can describe (the intersection of its
    groups, accepted members included); ``named`` is a country named right after
    it ("the Gulf state of Qatar", "das Golfemirat Katar").
    """

    start: int
    end: int
    text: str
    groups: tuple[str, ...]
    fits: frozenset[str]
    named: str | None = None


def find_descriptors(gaz: Gazetteer, text: str) -> tuple[Descriptor, ...]:
    """Every definite description of a country in the text ("the Central Asian country")."""
    if not gaz.articles:
        return ()
    words = words_of(text, gaz.elisions)
    if words.isdisjoint(gaz.article_surfaces) or (
        words.isdisjoint(gaz.head_surfaces) and words.isdisjoint(gaz.type_nouns.surfaces)
    ):
        return ()
    tokens = tokenize(text, gaz.elisions)
    country_spans = [(m.start, m.end) for m in gaz.mentions(text) if m.kind == COUNTRY]
    found: list[Descriptor] = []
    for i, token in enumerate(tokens):
        if token[2] not in gaz.article_surfaces:
            continue
        described = _describe(gaz, tokens, i + 1, text)
        if described is None:
            continue
        start, end, gids, last = described
        if any(s < end and start < e for s, e in country_spans):
            continue
        named: str | None = None
        nxt = last + 1
        apposition = (
            next((m for m in gaz.mentions(text) if m.start == tokens[nxt][0]), None)
            if nxt < len(tokens) and only_space(text, tokens[last], tokens[nxt])
            else None
        )
        if apposition is not None and apposition.kind == COUNTRY:
            named = apposition.country  # "das Golfemirat Katar", "the Gulf state Qatar"
        elif (
            nxt + 1 < len(tokens)
            and tokens[nxt][2] in gaz.of_words
            and only_space(text, tokens[last], tokens[nxt])
        ):
            target = next((m for m in gaz.mentions(text) if m.start == tokens[nxt + 1][0]), None)
            if target is None or target.kind != COUNTRY:
                continue
            named = target.country
        fits = fitting(gids)
        found.append(Descriptor(start, end, text[start:end], gids, fits, named))
    return tuple(found)


def _describe(
    gaz: Gazetteer, tokens: Sequence[Token], j: int, text: str
) -> tuple[int, int, tuple[str, ...], int] | None:
    """Match fillers, modifiers and a head (or a type noun) from token j."""
    fillers = 0
    while j < len(tokens) and joined(text, tokens[j - 1], tokens[j]):
        word = tokens[j][2]
        typed = gaz.type_nouns.scan(tokens, j, text)
        if typed is not None:
            n = len(typed.tokens)
            return tokens[j][0], tokens[j + n - 1][1], tuple(typed.entity.split("+")), j + n - 1
        if gaz.modifier_before:
            result = _modifiers(gaz, tokens, j, text)
            if result is not None:
                gids, k, demonym_only = result
                if k < len(tokens) and only_space(text, tokens[k - 1], tokens[k]):
                    head = tokens[k][2].casefold()
                    if head in (gaz.demonym_heads if demonym_only else gaz.heads):
                        return tokens[j][0], tokens[k][1], gids, k
                return None
        elif word.casefold() in gaz.heads and (word.islower() or fillers == 0):
            head = word.casefold()
            if j + 1 < len(tokens) and only_space(text, tokens[j], tokens[j + 1]):
                result = _modifiers(gaz, tokens, j + 1, text)
                if result is not None:
                    gids, k, demonym_only = result
                    if not demonym_only or head in gaz.demonym_heads:
                        return tokens[j][0], tokens[k - 1][1], gids, k - 1
        if not word.islower() or word in gaz.not_fillers or fillers >= gaz.max_fillers:
            return None
        if gaz.modifier_before and word in gaz.heads:
            return None
        fillers += 1
        j += 1
    return None


def _modifiers(
    gaz: Gazetteer, tokens: Sequence[Token], j: int, text: str
) -> tuple[tuple[str, ...], int, bool] | None:
    """One or more modifiers from token j: (group ids, next token, only demonyms)."""
    gids: list[str] = []
    demonym_only = True
    k = j
    while k < len(tokens):
        if k > j and not only_space(text, tokens[k - 1], tokens[k]):
            break
        entry = gaz.modifiers.scan(tokens, k, text)
        if entry is None:
            break
        if entry.kind == DEMONYM:
            if not _adjective_case(gaz, tokens[k][2]):
                break
            gids.append("=" + entry.entity)
        else:
            gids.extend(entry.entity.split("+"))
            demonym_only = False
        k += len(entry.tokens)
    if not gids:
        return None
    return tuple(gids), k, demonym_only


def _adjective_case(gaz: Gazetteer, word: str) -> bool:
    # English demonyms are capitalized; Spanish, French and German ones are lower case.
    return word.islower() if gaz.lowercase_adjectives else word[:1].isupper()
