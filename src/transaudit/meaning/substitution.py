"""A noun translated by a noun of another meaning: "destierro" → "fire", "patria" → "heritage".

The commonest Major error in Bio-MQM es→en is a mistranslated term: the system
picked a word of another sense. Both words are ordinary vocabulary, so no spelling
or coinage check sees it, and one word barely moves a sentence vector (TA501).
Two resources together do:

* Apertium's bilingual dictionaries (:func:`transaudit.meaning.insertions.links`)
  link each target word to the source words it can translate. A target noun with
  no link, standing where a source noun with no link stands (between the same
  translated neighbours, give or take :data:`~transaudit.meaning.insertions.REORDER`
  words), is one word put for another;
* WordNet (:mod:`transaudit.meaning.senses`) then says whether the two can mean the
  same: the English target word, with every sense WordNet gives it, against the
  source noun's English translations in the dictionary. A
  synonym the dictionary lacks ("destierro" → "exile", where Apertium gives
  "banishment") is a near sense and passes; "fire", "death", "heritage" are far
  from "banishment" and "homeland" and are reported.

The target must be English (WordNet's language), so that the word the reader sees is
looked up with all its senses. Into another language the target word would reach
WordNet only through the one or two translations Apertium's dictionary gives it
("ojo" → "eye", never the "fish-eye" of "objetivo ojo de pez"), and a professional
translation's idioms then look like wrong senses: on the WMT24 en→es tune reference
that direction flagged 19 of 478 paragraphs, none of them wrong. What is not
evidence, each with its reason:

* a word Apertium or WordNet does not know (a term of art, a coinage: TA513's);
  every English word of the comparison must be in WordNet and every candidate
  must be judged, or nothing is said;
* a capitalized word inside a sentence (a name or title: TA303, TA530), a number's
  unit, a quantity noun ("hundreds": it renders a numeral), a compound's modifier
  noun (the other language may fuse the compound);
* a source noun some noun of the target can mean, anywhere in the segment
  (reordered, or a synonym the dictionary lacks), and a target noun that can mean
  any noun of the source;
* a stretch where the source has no unlinked noun (an insertion: TA522's).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from transaudit.analysis.numbers import locale
from transaudit.meaning import senses
from transaudit.meaning.bilingual import Lexicon, Word, _tag
from transaudit.meaning.insertions import (
    REORDER,
    SHORTEST,
    _after_number,
    _agree,
    _content,
    _keys,
    _modifier_noun,
    _name_part,
    _parts,
    lexicons,
    links,
)

ENGLISH = "en"
#: Number words from ten up name a quantity ("hundreds of farmers", "docenas de"), not a thing.
QUANTITY_FROM = 10
#: Letters a translation and a word must share at their start to be taken as one word derived
#: from the other ("organizaci-" aside, six keeps "patrimonio" away from "patria").
DERIVED = 6


@dataclass(frozen=True)
class Substitution:
    """A target noun that renders none of the source nouns left untranslated beside it."""

    target: Word
    source: tuple[Word, ...]


def available(source_lang: str, target_lang: str) -> bool:
    """An English target, WordNet's nouns installed, Apertium's dictionaries both ways."""
    return missing(source_lang, target_lang) is None


def missing(source_lang: str, target_lang: str) -> str | None:
    """Why TA516 cannot run for this pair, in the reader's terms; None when it can.

    The first reason that holds: the language of the pair comes before the
    installation, so an en→es article is told its target is not English rather
    than that a package seems to be missing.
    """
    if target_lang.split("-")[0] != ENGLISH:
        return f"the target ({target_lang}) is not English: word senses are compared in English WordNet"
    if source_lang.split("-")[0] == ENGLISH:
        return "the source is English too"
    if not senses.installed():
        return "English WordNet nouns (wordnet-base) are not installed"
    if lexicons(source_lang, target_lang) is None:
        return f"no Apertium dictionaries for {source_lang}-{target_lang} both ways"
    return None


def _noun(words: Sequence[Word], i: int) -> bool:
    """A noun: every reading one, or a noun reading after a determiner or adjective ("the fire").

    A word that is also a verb ("wish", "fire") is read as the noun only where a
    noun phrase shows it; WordNet's noun senses are what is compared.
    """
    word = words[i]
    if not any(_tag(r) == "n" for r in word.readings) or not _content(word):
        return False
    if all(_tag(r) == "n" for r in word.readings):
        return True
    before = words[i - 1] if i > 0 else None
    return (
        before is not None
        and bool(before.readings)
        and all(_tag(r) in ("det", "adj") for r in before.readings)
    )


def _quantity(word: Word, lang: str) -> bool:
    """A noun that says how many: a scale or a number word of ten or more in the pair's
    numbers data ("hundreds", "thousands", "dozens", "millones"), by its text or lemma.

    Such a noun counts the noun after it ("Hundreds of farmers" for "Cientos de
    campesinos"); it renders the source's numeral, which the analyser may not read
    as a noun at all, so it has no sense of its own to compare, and numbers are
    TA201's.
    """
    numbers = locale(lang)
    for form in {word.text.casefold(), *word.lemmas}:
        if form in numbers.scales or numbers.words.get(form, 0) >= QUANTITY_FROM:
            return True
    return False


def _modifier(words: Sequence[Word], i: int) -> bool:
    """A compound's modifier noun (:func:`~transaudit.meaning.insertions._modifier_noun`), also
    before a word Apertium does not know: such a word is most often a term, a noun ("bile duct",
    whose "duct" the analyser lacks, is "conducto biliar": "bile" has no noun of its own)."""
    if _modifier_noun(words, i):
        return True
    following = words[i + 1] if i + 1 < len(words) else None
    return (
        following is not None
        and following.start <= words[i].end + 1
        and not following.readings
        and following.text.isalpha()
    )


@dataclass(frozen=True)
class _Forms:
    """A word's own forms (:func:`~transaudit.meaning.insertions._keys`) and its translations' forms."""

    own: set[str]
    meanings: set[str]


def _forms(words: Sequence[Word], lexicon: Lexicon) -> list[_Forms]:
    return [_Forms(_keys(w), _parts(lexicon.translations(w))) for w in words]


def _renders(one: _Forms, other: _Forms) -> bool:
    """A strict link: a shared form, one's translation the other's form, or a cognate spelling.

    :func:`~transaudit.meaning.insertions.links` also lets a translation agree with
    the other word on its first five letters, which joins "heritage" (→
    "patrimonio") to "patria"; here only the two words' own spellings may agree so.
    """
    if one.own & other.own or _agree(one.own, other.own):
        return True
    return _derived(one.meanings, other.own) or _derived(other.meanings, one.own)


def _derived(one: set[str], other: set[str]) -> bool:
    """A shared form, one opening the other ("similarity"/"similar"), or six letters in common.

    Five shared letters, enough between two words' own spellings (cognates), join
    unrelated words through a translation: "heritage" → "patrimonio" and "patria".
    Each form's prefixes are looked up in the other set (no pairwise comparison).
    """
    if one & other:
        return True
    heads = {a[:DERIVED] for a in one if len(a) >= DERIVED}
    for b in other:
        if len(b) >= DERIVED and b[:DERIVED] in heads:
            return True
    return _opens(one, other) or _opens(other, one)


def _opens(one: set[str], other: set[str]) -> bool:
    """Some form of ``one`` (four letters or more) opens a longer form of ``other``."""
    return any(b[:size] in one for b in other for size in range(SHORTEST, len(b)))


def _english(word: Word, lang: str, lexicon: Lexicon) -> frozenset[str]:
    """The word's English dictionary forms: its own lemmas, or its dictionary translations."""
    forms = word.lemmas if lang.split("-")[0] == ENGLISH else lexicon.translations(word)
    return frozenset(f for f in forms if f)


def _judge(one: frozenset[str], other: frozenset[str]) -> bool | None:
    """True: some pair of forms is related; False: all judged and none is; None: unknown."""
    if not one or not other:
        return None
    verdicts = [senses.related(a, b) for a in one for b in other]
    if any(verdicts):
        return True
    return False if all(v is False for v in verdicts) else None


def substitutions(
    source: Sequence[Word],
    target: Sequence[Word],
    forward: Lexicon,
    backward: Lexicon,
    source_lang: str,
    target_lang: str,
    source_text: str,
    target_text: str,
) -> list[Substitution]:
    """Target nouns that render no source noun of their stretch, where such a noun is left over."""
    if target_lang.split("-")[0] != ENGLISH:
        return []

    def candidate(words: Sequence[Word], i: int, text: str, lang: str) -> bool:
        return (
            _noun(words, i)
            and not _name_part(words[i], text)
            and not _quantity(words[i], lang)
            and not _after_number(words, i)
            and not _modifier(words, i)
        )

    maybe_target = [j for j in range(len(target)) if candidate(target, j, target_text, target_lang)]
    maybe_source = [i for i in range(len(source)) if candidate(source, i, source_text, source_lang)]
    if not maybe_target or not maybe_source:
        return []
    forms_s, forms_t = _forms(source, forward), _forms(target, backward)
    loose_target = [j for j in maybe_target if not any(_renders(forms_t[j], f) for f in forms_s)]
    loose_source = [i for i in maybe_source if not any(_renders(forms_s[i], f) for f in forms_t)]
    if not loose_target or not loose_source:
        return []
    linked = links(source, target, forward, backward)
    anchors = [j for j, w in enumerate(target) if linked[j] and _content(w)]
    # Every noun reading of either side, for "does anything there mean it?" (not only the loose ones).
    nouns_t = {
        j: _english(w, target_lang, backward)
        for j, w in enumerate(target)
        if any(_tag(r) == "n" for r in w.readings)
    }
    nouns_s = {
        i: _english(w, source_lang, forward)
        for i, w in enumerate(source)
        if any(_tag(r) == "n" for r in w.readings)
    }
    # A source noun some target noun of the segment can mean is rendered (reordered, or said
    # with a synonym the dictionary lacks: "exile" for "destierro").
    unrendered = [i for i in loose_source if not any(_judge(e, nouns_s[i]) for e in nouns_t.values())]
    found = []
    for j in loose_target:
        if any(_judge(nouns_t[j], e) for i, e in nouns_s.items()):
            continue  # it can mean some source noun: a reordered or freer rendering
        at = bisect.bisect_left(anchors, j)
        left = anchors[at - 1] if at > 0 else None
        right = anchors[at] if at < len(anchors) else None
        if left is None and right is None:
            continue
        ends = [linked[k] for k in (left, right) if k is not None]
        low = min(min(e) for e in ends) - REORDER if left is not None else 0
        high = max(max(e) for e in ends) + REORDER if right is not None else len(source) - 1
        if high - low > 4 * REORDER + 2:
            continue  # the neighbours translate words far apart: no single stretch to compare
        near = [i for i in unrendered if low <= i <= high]
        if near and all(_judge(nouns_t[j], nouns_s[i]) is False for i in near):
            found.append(Substitution(target[j], tuple(source[i] for i in near)))
    return found
