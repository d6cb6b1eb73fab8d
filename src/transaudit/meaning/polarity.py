"""Negation cues per language (``data/negation/<lang>.toml``), with offsets.

A cue is a listed word, or a word ending in a listed suffix (English "n't"),
outside the fixed phrases the data names as not negating ("no obstante" =
however, "not only"). "No." before a number is the abbreviation of *number*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from transaudit import data
from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import Token, fold, words
from transaudit.meaning.bilingual import Word

FAMILY = "negation"
_NUMBER_ABBREVIATION = re.compile(r"\.\s*\d")


@cache
def _cues(lang: str) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...]]:
    spec = data.load(FAMILY, lang)
    listed = frozenset(fold(word) for word in spec.get("words", []))
    suffixes = tuple(fold(suffix) for suffix in spec.get("suffixes", []))
    phrases = tuple(tuple(fold(phrase).split()) for phrase in spec.get("not_negation", []))
    return listed, suffixes, phrases


def supported(lang: str) -> bool:
    return bool(_cues(lang)[0])


@cache
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(fold(word) for word in data.load(FAMILY, lang).get("prepositions", []))


def clausal(cues: tuple[Token, ...], lang: str) -> tuple[Token, ...]:
    """The cues that negate a clause: all but the negative preposition ("sin", "without").

    A preposition negates the noun or infinitive after it ("280 km sin recargar"),
    not the clause's verb; so "sin recargar … no cambiará" → "without recharging …
    will change" keeps a cue on both sides yet loses the clause's negation.
    """
    listed = _prepositions(lang)
    return tuple(cue for cue in cues if fold(cue.text) not in listed)


#: Apertium tags of verbs (lexical, "ser", "haber", modal, auxiliary).
VERB_TAGS = ("<vblex>", "<vbser>", "<vbhaver>", "<vbmod>", "<vaux>")
#: How many words after a cue its verb may stand ("no se lo ha dicho": three clitics/auxiliaries).
VERB_WINDOW = 4


def _verb(readings: tuple[str, ...]) -> bool:
    return any(tag in reading for reading in readings for tag in VERB_TAGS)


def _analysed(
    source: str, target: str, source_lang: str, target_lang: str
) -> tuple[tuple[Word, ...], tuple[Word, ...], Callable[[], list[set[int]]]] | None:
    """Both sides' analysed words and a call that links them through the dictionaries.

    The links are left to the caller to ask for: they weigh every word against every
    other, and :func:`negated_verb` needs them only when a verb follows the cue.
    None without the pair's dictionaries.
    """
    from transaudit.meaning.insertions import lexicons, links

    found = lexicons(source_lang, target_lang)
    if found is None:
        return None
    forward, backward = found
    source_words = forward.words([source])[source]
    target_words = backward.words([target])[target]
    return source_words, target_words, lambda: links(source_words, target_words, forward, backward)


def negated_verb(
    source: str, target: str, cue: Token, source_lang: str, target_lang: str
) -> tuple[int, int] | None:
    """Where in the target the verb a dropped source negation belonged to stands, if found.

    The first verb within :data:`VERB_WINDOW` words after the cue ("no cambiará"),
    and the target word Apertium's dictionaries link to it ("will change" → "change").
    None without the dictionaries or without a single link: the report then marks
    the source cue only.
    """
    analysed = _analysed(source, target, source_lang, target_lang)
    if analysed is None:
        return None
    source_words, target_words, linked_to = analysed
    after = [i for i, word in enumerate(source_words) if word.start >= cue.end][:VERB_WINDOW]
    verb = next((i for i in after if _verb(source_words[i].readings)), None)
    if verb is None:
        return None
    every = linked_to()
    linked = [j for j, found in enumerate(every) if verb in found]
    if len(linked) != 1:
        return None
    word = target_words[linked[0]]
    return word.start, word.end


@cache
def _lexical(lang: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    spec = data.load(FAMILY, lang).get("lexical", {})
    listed = frozenset(fold(word) for word in spec.get("words", []))
    return listed, tuple(spec.get("prefixes", [])), tuple(spec.get("suffixes", []))


@cache
def _implicative(lang: str) -> tuple[tuple[str, ...], ...]:
    """The language's negative implicative phrases (``lexical.implicative``), folded, as word runs."""
    spec = data.load(FAMILY, lang).get("lexical", {})
    return tuple(tuple(fold(phrase).split()) for phrase in spec.get("implicative", []))


def implicative_negations(text: str, lang: str) -> tuple[Token, ...]:
    """Negative implicative verbs with their complement's marker ("failing to", "se negó a").

    A negative implicative verb (Karttunen 1971, "Implicative verbs", *Language*
    47: "John failed to lock the door" entails that he did not lock it) negates
    its complement without a cue: "criticó que no haya aprobado" → "criticised
    it for failing to approve". Listed per language with the word that opens
    the complement (English "to", Spanish "de"/"a"), so "fail" alone (a failed
    exam) is not one. The first word of each is returned.
    """
    phrases = _implicative(lang)
    if not phrases:
        return ()
    tokens = words(text)
    folded = [fold(token.text) for token in tokens]
    found = []
    for i, token in enumerate(tokens):
        if any(tuple(folded[i : i + len(phrase)]) == phrase for phrase in phrases):
            found.append(token)
    return tuple(found)


def _common(word: str, lang: str) -> bool:
    """A common word of the language (wordfreq Zipf ≥ 3)."""
    return len(word) >= 3 and zipf(word, lang) >= 3.0


def _negated_form(word: str, base: str, lang: str) -> bool:
    """``word`` is ``base`` negated by an affix: the base is a common word, and a commoner one.

    A negated form is rarer than the word it negates ("unplanned" 3.1 < "planned"
    4.7, "imposible" 5.0 < "posible" 5.4); a word as common as its would-be base is
    a word of its own that happens to start like a prefix ("impuestos", taxes, 4.71
    ≥ "puestos" 4.69; "información" ≥ "formación").
    """
    return _common(base, lang) and zipf(base, lang) > zipf(word, lang)


@lru_cache(maxsize=8192)
def lexical_negations(text: str, lang: str, affixes_only: bool = False) -> tuple[Token, ...]:
    """Words that mean a negation without a cue ("unable", "lack", "careless").

    ``affixes_only``: only words negated by an affix ("unplanned", "non-experimental"),
    not the listed verbs and nouns ("reject", "lack"), which negate a different thing.
    Either way the negative implicative phrases count (:func:`implicative_negations`:
    "failing to approve" negates the approving itself).
    """
    listed, prefixes, suffixes = _lexical(lang)
    if affixes_only:
        listed = frozenset()
    found = []
    for token in words(text):
        word = fold(token.text)
        parts = word.split("-")
        if len(parts) > 1 and parts[0] in prefixes and parts[1]:
            found.append(token)  # "non-experimental", "un-American"
            continue
        for part in parts:
            if part in listed:
                found.append(token)
                break
            if any(
                part.startswith(p) and _negated_form(part, part[len(p) :], lang)
                for p in prefixes
                if len(part) > len(p) + 2
            ):
                found.append(token)
                break
            if any(
                part.endswith(s) and _negated_form(part, part[: -len(s)], lang)
                for s in suffixes
                if len(part) > len(s) + 2
            ):
                found.append(token)
                break
    implied = implicative_negations(text, lang)
    if implied:
        found = sorted({t.start: t for t in (*found, *implied)}.values(), key=lambda t: t.start)
    return tuple(found)


@lru_cache(maxsize=8192)
def negations(text: str, lang: str) -> tuple[Token, ...]:
    """The negation cues of a text, in order."""
    listed, suffixes, phrases = _cues(lang)
    if not listed:
        return ()
    tokens = words(text)
    folded = [fold(token.text) for token in tokens]
    excluded: set[int] = set()
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(folded) - size + 1):
            if tuple(folded[i : i + size]) == phrase:
                excluded.update(range(i, i + size))
    found = []
    for i, (token, word) in enumerate(zip(tokens, folded, strict=True)):
        if i in excluded:
            continue
        if word in listed or (suffixes and word.endswith(suffixes)):
            if word == "no" and _NUMBER_ABBREVIATION.match(text, token.end):
                continue
            found.append(token)
    return tuple(found)


#: Apertium tags that end a clause: a cue after one of these negates a new clause, a cue
#: before none of them repeats its clause's negation (Spanish negative concord: "no dijo
#: nada", "no … ni"; English "neither … nor").
CLAUSE_TAGS = ("<cm>", "<sent>", "<lpar>", "<rpar>", "<cnjcoo>", "<cnjsub>", "<cnjadv>", "<rel>", "<lquest>")


def negated_verbs(words: Sequence[Word], cues: tuple[Token, ...]) -> list[tuple[Token, int | None]]:
    """The clause negations of a text: each cue that opens one, with the verb it negates (a word
    index, or None when no verb is found: "nunca se entrecruzan" where the analyser lacks the verb).

    A cue's verb is the first verb within :data:`VERB_WINDOW` words after it ("did not
    sustain", "no coincidieron"), else the verb just before it ("is not"). A cue in a
    clause that already has one (no clause end between them) repeats that negation and
    negates nothing of its own.
    """
    found: list[tuple[Token, int | None]] = []
    previous: int | None = None  # index of the word that held the last cue
    for cue in cues:
        at = next((i for i, w in enumerate(words) if w.start >= cue.start), None)
        if at is None:
            continue
        if previous is not None and not _clause_end(words, previous, at):
            previous = at
            continue
        previous = at
        after = range(at + 1, min(len(words), at + 1 + VERB_WINDOW))
        verb = next((i for i in after if _verb(words[i].readings) and not _clause_end(words, at, i)), None)
        if verb is None and at > 0 and _verb(words[at - 1].readings):
            verb = at - 1
        found.append((cue, verb))
    return found


def _clause_end(words: Sequence[Word], start: int, end: int) -> bool:
    return any(tag in r for w in words[start + 1 : end] for r in w.readings for tag in CLAUSE_TAGS)


@dataclass(frozen=True)
class Unmatched:
    """A negated verb of one side that no negated verb of the other side translates."""

    cue: Token
    verb: Word
    #: The other side's word the dictionaries link to the verb, if exactly one.
    counterpart: Word | None


def unmatched_negations(
    source: str, target: str, source_lang: str, target_lang: str
) -> tuple[list[Unmatched], list[Unmatched]] | None:
    """(source negated verbs the target leaves unnegated, target negated verbs the source does not negate).

    Each side keeps only what its count of negated verbs exceeds the other's by:
    when a side negates as many verbs as the other, the dictionaries' links are
    not trusted to say which differ. None without the pair's dictionaries.
    """
    analysed = _analysed(source, target, source_lang, target_lang)
    if analysed is None:
        return None
    source_words, target_words, linked_to = analysed
    source_cues, target_cues = negations(source, source_lang), negations(target, target_lang)
    ours = negated_verbs(source_words, clausal(source_cues, source_lang))
    theirs = negated_verbs(target_words, clausal(target_cues, target_lang))
    # A negative preposition of one side may render a clause negation of the other
    # ("sin importarle" → "not caring", "no pagó" → "without paying").
    source_phrases = len(source_cues) - len(clausal(source_cues, source_lang))
    target_phrases = len(target_cues) - len(clausal(target_cues, target_lang))
    every = linked_to()
    back: list[set[int]] = [set() for _ in source_words]
    for j, linked in enumerate(every):
        for i in linked:
            back[i].add(j)
    return (
        _excess(ours, theirs, back, source_words, target_words, target_phrases),
        _excess(theirs, ours, every, target_words, source_words, source_phrases),
    )


def _excess(
    mine: list[tuple[Token, int | None]],
    other: list[tuple[Token, int | None]],
    linked: list[set[int]],
    words: Sequence[Word],
    others: Sequence[Word],
    answered: int,
) -> list[Unmatched]:
    """This side's negated verbs that no negated verb of the other side translates, when they
    are exactly as many as this side's negations exceed the other's (else none: the links
    cannot say which negations differ). Each must be linked to a word of the other side
    (the evidence that the other side says it unnegated); ``answered``: the other side's
    negative prepositions, each of which may render one of this side's clause negations."""
    excess = len(mine) - len(other) - answered
    if excess <= 0:
        return []
    negated = {verb for _, verb in other if verb is not None}
    unmatched = [(cue, verb) for cue, verb in mine if verb is None or not (linked[verb] & negated)]
    if len(unmatched) != excess or any(verb is None or not linked[verb] for _, verb in unmatched):
        return []  # a verb the dictionaries link to nothing may render a paraphrase, not this clause
    out = []
    for cue, verb in unmatched:
        assert verb is not None
        partners = linked[verb]
        out.append(Unmatched(cue, words[verb], others[next(iter(partners))] if len(partners) == 1 else None))
    return out
