"""Content words of one side that no word of the other side translates (insertions, drops).

Each target word is linked to the source words it can translate, through
Apertium's bilingual dictionaries both ways (:mod:`transaudit.meaning.bilingual`):
a link when the two share a dictionary form or spelling (names, numbers,
cognates), when one's translation is the other's dictionary form (each longer
word of a multiword translation counts: "por la noche" → "at night"), or when
the two agree on their first five letters after folding ("organización" /
"organization", "investigadores" / "investigators") or one opens the other
("Asia" / "Asian"). A target content word with no link is *unexplained*
(:func:`unexplained`); a source content word no target word links to is
*dropped* (:func:`omitted`, the mirror).

Paraphrase leaves many unexplained words, always with an unexplained word of the
other side near them (the words the paraphrase replaced); an inserted word has
none: its neighbours translate words that are next to each other there, with no
unexplained content word between them or within :data:`REORDER` words around
them (neighbouring words swap places in translation). That is the rule. What
counts as evidence, each with its reason:

* only a content word that is not also a function word (:func:`_grammar`:
  "una", "este", "para", "will" are read as grammar) nor a number;
* not a capitalized word inside a sentence (a name or a title: TA303, TA530);
* not a word Apertium does not know, unless the language's Hunspell dictionary
  accepts it (an unknown word is a dictionary gap or a misspelling, not an insertion);
  for omissions, never a source word Apertium does not know: nothing can link it to
  its rendering but its spelling, and sources written freely are full of such words
  (on the WMT24 en-es tune reference, 6 of TA523's 14 flags: "crate" ×3, "streaming",
  "ellipsis", "hawks"; none of its DEMETR tune detections but two incidental ones on
  shuffled words);
* for insertions, not a lone finite verb (:func:`_verb_only`);
* not a number's unit (:func:`_after_number`), nor a compound's modifier noun
  (:func:`_modifier_noun`);
* its rarity (``6 − Zipf``, as in :mod:`transaudit.meaning.coverage`) is the
  weight the caller compares with the pair's ``word_weight``.

The callers (TA522, TA523) then ask the sentence encoder, word by word
(:func:`far_from_source`) and sentence by sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where it is used: a default audit never loads it (16 MiB)
    import numpy as np

from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import fold
from transaudit.meaning import wordnet
from transaudit.meaning.bilingual import Lexicon, Word, _tag, lexicon
from transaudit.meaning.coverage import FUNCTION_ZIPF
from transaudit.meaning.opposites import COMMON_VERB_ZIPF

#: Letters two folded forms must share at their start to count as the same word.
PREFIX = 5
#: A form this long that opens another is the same word inflected or derived ("asia"/"asian").
SHORTEST = 4
#: Links kept per word (the nearest by place, see :func:`links`): more than any
#: sentence repeats a word.
MAX_LINKS = 8
#: Closed-class parts of speech in Apertium's tag set: prepositions, determiners,
#: pronouns, conjunctions, auxiliaries and modal verbs, pre-adverbs ("very"),
#: relatives and interrogatives, numerals, interjections.
FUNCTION_TAGS = frozenset(
    "pr det prn cnjcoo cnjsub cnjadv vaux vbhaver vbser vbmod preadv rel itg num predet ij".split()
)
#: Source words this far outside the neighbours' counterparts may still be what the
#: target word translates: neighbouring words swap places in translation (noun and
#: adjective, verb and adverb), by one or two words.
REORDER = 2
#: A gap between two linked neighbours holding this many more unexplained content words
#: than the other side has near their counterparts is an addition (or omission) whatever
#: else is near: a paraphrase replaces a word with a few ("bills" → "proyectos de ley",
#: a second content word; "could see" → "podría acercar las posturas", two), so a loose
#: word accounts for up to three, not for an appositive or a clause.
RUN_EXCESS = 4
#: How far apart, in relative position (a share of each text's length), two words linked
#: only through WordNet (:class:`_SenseIndex`) may stand: a word and its paraphrase keep
#: about the same place, as word aligners assume (the diagonal prior of fast_align, Dyer
#: et al. 2013). On the DEMETR es-en and WMT24 en-es tune pairs, the true WordNet links lie
#: within 0.25; most further ones pair a rare sense with an unrelated word ("people" /
#: "vida", "call" / "llamaron" in another clause).
DIAGONAL = 0.15
#: The end of a sentence: a run of words never reaches over one.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s")
#: Verb forms that modify a noun like an adjective (participles, gerunds, "-ing" forms).
NONFINITE = frozenset({"pp", "ger", "pprs", "subs"})
#: The genitive preposition that joins the two nouns of a compound with no article between
#: them ("documento de identidad", "cajas de zapatos", "succo di frutta", "cup of tea"):
#: Spanish, Portuguese, Catalan, Galician, French and Romanian "de", Italian "di", English
#: "of". Other prepositions between bare nouns ("identidad con fotografía") join two
#: things, each with its own word on the other side.
COMPOUND_PREPOSITIONS = frozenset({"de", "di", "of"})
#: Words after a number that may still be its unit or what it counts.
UNIT_WINDOW = 3


@dataclass(frozen=True)
class Inserted:
    """A target word that translates nothing in the source, and its rarity weight."""

    word: Word
    weight: float
    #: Words found in the same gap between two linked neighbours share this number (a run).
    gap: int = 0
    #: Indices of the other side's words that the word's two neighbours translate: the head
    #: it modifies and its counterpart ("monarchic republic": "república"), which
    #: :func:`far_from_source` does not compare it with.
    kin: frozenset[int] = frozenset()


def lexicons(source_lang: str, target_lang: str) -> tuple[Lexicon, Lexicon] | None:
    """The source's dictionary into the target language and back (None if either is missing)."""
    forward, backward = lexicon(source_lang, target_lang), lexicon(target_lang, source_lang)
    return (forward, backward) if forward is not None and backward is not None else None


def _parts(forms: Iterable[str]) -> set[str]:
    """Forms and, for a multiword unit ("por la noche", "role model"), each of its longer words."""
    out = set(forms)
    for form in forms:
        if " " in form:
            out.update(p for p in form.split() if len(p) >= SHORTEST)
    return out


def _keys(word: Word) -> set[str]:
    return _parts(set(word.lemmas) | {fold(word.text)})


def _agree(one: set[str], other: set[str]) -> bool:
    """A shared form, the same first five letters, or one form opening the other ("asia"/"asian")."""
    if one & other:
        return True
    for a in one:
        for b in other:
            short, long = sorted((a, b), key=len)
            if len(short) >= SHORTEST and long.startswith(short):
                return True
            if len(short) >= PREFIX and a[:PREFIX] == b[:PREFIX]:
                return True
    return False


class _Index:
    """Which of many key sets :func:`_agree` with a given one, without comparing each pair.

    A paragraph of 150 words would otherwise compare every target word with
    every source word (tens of thousands of fuzzy comparisons); here each key is
    looked up by itself, its first five letters and its first four.
    """

    def __init__(self, key_sets: Sequence[set[str]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._head5: dict[str, set[int]] = {}
        self._head4: dict[str, set[int]] = {}  # keys of 4+ letters by their first four
        self._four: dict[str, set[int]] = {}  # keys of exactly four letters
        for i, keys in enumerate(key_sets):
            for key in keys:
                self._exact.setdefault(key, set()).add(i)
                if len(key) >= PREFIX:
                    self._head5.setdefault(key[:PREFIX], set()).add(i)
                if len(key) >= SHORTEST:
                    self._head4.setdefault(key[:SHORTEST], set()).add(i)
                if len(key) == SHORTEST:
                    self._four.setdefault(key, set()).add(i)

    def find(self, keys: set[str]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found |= self._exact.get(key, set())
            if len(key) >= PREFIX:
                found |= self._head5.get(key[:PREFIX], set())
            if len(key) == SHORTEST:
                found |= self._head4.get(key, set())  # this key opens a longer one
            if len(key) >= SHORTEST:
                found |= self._four.get(key[:SHORTEST], set())  # a four-letter key opens this one
        return found


#: Apertium's content tags and WordNet's parts of speech.
_WORDNET_PART = {"n": "n", "vblex": "v", "adj": "a", "adv": "r"}


def _english(word: Word, lexicon: Lexicon) -> set[tuple[str, str]]:
    """The English lemmas a word stands for, each with its part of speech.

    Its own readings if the word is English, else the dictionary's translations
    of each reading (a translation keeps its reading's part of speech). Only
    content readings, and not the language's commonest words (Zipf of
    :data:`FUNCTION_ZIPF` or more: "be", "have", "make", "take", "get"), whose
    senses span the language.
    """
    out: set[tuple[str, str]] = set()
    for reading in word.readings:
        part = _WORDNET_PART.get(_tag(reading))
        if part is None:
            continue
        if lexicon.lang == "en":
            lemmas = {fold(reading.split("<", 1)[0])}
        else:
            lemmas = set(lexicon.translate([reading])[reading])
        out.update((lemma, part) for lemma in lemmas if zipf(lemma, "en") < FUNCTION_ZIPF)
    return out


class _SenseIndex:
    """Which source content words have a WordNet sense near a given English lemma's.

    Paraphrase renders a word by a synonym or a more general or precise word
    that Apertium's dictionary does not give ("exigía" → "required", where the
    dictionary says "demand"; "eliminaciones" → "removals"): such a pair is
    linked when the English sides are :func:`transaudit.meaning.wordnet.related`
    in the reading's own part of speech. Only content words on both sides: a
    function word's senses ("will", "can") would link it to unrelated nouns.
    """

    def __init__(self, source: Sequence[Word], forward: Lexicon) -> None:
        self._own: dict[tuple[str, int], set[int]] = {}
        self._near: dict[tuple[str, int], set[int]] = {}
        for i, word in enumerate(source):
            if not _content(word):
                continue
            for lemma, part in _english(word, forward):
                for sense in wordnet.senses(lemma, part):
                    self._own.setdefault(sense, set()).add(i)
                for sense in wordnet.near(lemma, part):
                    self._near.setdefault(sense, set()).add(i)

    def find(self, lemmas: Iterable[tuple[str, str]]) -> set[int]:
        found: set[int] = set()
        for lemma, part in lemmas:
            for sense in wordnet.near(lemma, part):
                found |= self._own.get(sense, set())
            for sense in wordnet.senses(lemma, part):
                found |= self._near.get(sense, set())
        return found


def links(
    source: Sequence[Word],
    target: Sequence[Word],
    forward: Lexicon,
    backward: Lexicon,
    paraphrases: bool = False,
) -> list[set[int]]:
    """For each target word, the indices of the source words it may translate.

    With ``paraphrases``, words the dictionary leaves alone on both sides are also
    linked when WordNet relates them (:func:`_paraphrases`; English on one side).

    A word's counterpart sits at about the same place in the other text: of more
    than :data:`MAX_LINKS` candidates (a word repeated through a long text), the
    nearest in relative position are kept, so that the links of a long paragraph
    grow with its length, not with its length squared.
    """
    by_form = _Index([_keys(w) for w in source])
    by_meaning = _Index([_parts(forward.translations(w)) for w in source])
    out: list[set[int]] = []
    scale = len(source) / max(1, len(target))
    for j, word in enumerate(target):
        own, meanings = _keys(word), _parts(backward.translations(word))
        found = by_form.find(own) | by_form.find(meanings) | by_meaning.find(own)
        if len(found) > MAX_LINKS:
            import numpy as np

            at = np.fromiter(found, dtype=np.int64, count=len(found))
            nearest = np.argpartition(np.abs(at - j * scale), MAX_LINKS)[:MAX_LINKS]
            found = {int(i) for i in at[nearest]}
        out.append(found)
    if paraphrases and "en" in (forward.lang, forward.other):
        _paraphrases(source, target, forward, backward, out)
    return out


def _paraphrases(
    source: Sequence[Word], target: Sequence[Word], forward: Lexicon, backward: Lexicon, out: list[set[int]]
) -> None:
    """Link the words the dictionary left alone on both sides when WordNet relates them.

    Only leftovers: a target content word with no link and a source content word
    no target word links to, at about the same place (:data:`DIAGONAL`). A word
    the dictionary already pairs has its counterpart; letting WordNet pair it
    again (through a rarer sense) would take a loose word of the other side away
    from the paraphrase it belongs to.
    """
    covered = set().union(*out) if out else set()
    free = [i for i, w in enumerate(source) if i not in covered and _content(w)]
    if not free:
        return
    senses = _SenseIndex([source[i] for i in free], forward)
    for j, word in enumerate(target):
        if out[j] or not _content(word):
            continue
        place = j / max(1, len(target))
        for k in senses.find(_english(word, backward)):
            if abs(free[k] / len(source) - place) <= DIAGONAL:
                out[j].add(free[k])


def _grammar(word: Word) -> bool:
    """Some reading is a closed-class word (Apertium's tags): read it as grammar.

    An ambiguous form is far more often its function reading ("una" the article
    rather than "unir", "este" "this" rather than "east", "para" "for" rather
    than "parar", "will" the auxiliary rather than the noun): translations add
    and drop such words freely, so they are neither evidence of an insertion nor
    a source word left unexplained. Ordinals ("first", "last") carry content.
    """
    return any(_tag(r) in FUNCTION_TAGS and "<ord>" not in r for r in word.readings)


def _content(word: Word) -> bool:
    """A content word that is not also a function word, a number or a symbol."""
    return word.content and not _grammar(word) and not any(ch.isdigit() for ch in word.text)


def _name_part(word: Word, text: str) -> bool:
    """A capitalized word inside a sentence: part of a name or a title ("Agencia de Protección").

    Names and titles are translated as institutions call them, not word by word
    ("National Health Service" → "Servicio Nacional de Sanidad"); TA303 and
    TA530 check names.
    """
    if not word.text[:1].isupper():
        return False
    before = text[: word.start].rstrip().rstrip("\"'“”«»‘’¿¡([")
    return bool(before) and before[-1] not in ".!?:;…"


def _verb_only(word: Word) -> bool:
    """Only finite or infinitive verb readings: a verb does not come alone.

    A sentence keeps its verbs; an unexplained verb renders a source verb or
    verbal idiom in other words ("harían falta" for "would take", "Resulta que"
    for "It turns out"). A participle ("failed", "repeated") can be an inserted
    modifier, so it stays a candidate.
    """
    return bool(word.readings) and all(
        _tag(r) == "vblex" and not NONFINITE & set(re.findall(r"<(\w+)>", r)) for r in word.readings
    )


def _light_verb_noun(words: Sequence[Word], index: int, lang: str) -> bool:
    """A noun right after a common verb: a light-verb phrase ("hacer falta", "tener lugar", "take place").

    The phrase means what one verb of the other language says ("harían falta" =
    "would take"), so its noun has no word of its own there. A common verb is
    one of Zipf 5 or more, as in :mod:`transaudit.meaning.opposites`.
    """
    if index == 0 or not _nominal(words[index]):
        return False
    verb = words[index - 1]
    if verb.end < words[index].start - 1 or not any(_tag(r) == "vblex" for r in verb.readings):
        return False
    return max(zipf(lemma, lang) for lemma in verb.lemmas) >= COMMON_VERB_ZIPF


def _adverbial_phrase(word: Word) -> bool:
    """A source multiword unit the dictionary reads only as an adverb ("a duras penas", "por debajo").

    A fixed adverbial phrase is rendered as a whole and freely ("barely", "beneath",
    "largely"), or by word order alone, so that no target word links to it is no
    evidence of a drop. On the synthetic es→en tune controls (free human
    translations) two of TA523's ten flags were such phrases ("a duras penas" →
    "quickly realized … shot out", "por debajo"); on DEMETR es-en tune none of
    TA523's detections is one (its multiword spans are removed noun phrases and
    clauses, "rueda de prensa").
    """
    return " " in word.text and bool(word.readings) and all(_tag(r) == "adv" for r in word.readings)


def _modifier_noun(words: Sequence[Word], index: int, linked: Sequence[set[int]] = ()) -> bool:
    """A noun right before another noun, or before a preposition and a translated noun: a compound.

    "train drivers", "gallery exhibition", and the Romance compound with a bare
    genitive preposition between the nouns (:data:`COMPOUND_PREPOSITIONS`:
    "documento de identidad", "cajas de zapatos", "piece of advice"): the other
    language often says such a compound in one word ("maquinistas",
    "identification", "shoeboxes") or by its other noun alone, so the first noun
    has no word of its own there. For the second kind the other noun must be
    translated (``linked``): when neither is, the compound itself is what is
    missing or added ("un ingeniero de caminos" inserted).
    """
    following = words[index + 1] if index + 1 < len(words) else None
    word = words[index]
    if following is None or word.end < following.start - 1 or not _nominal(word) or _adjective(word):
        return False
    if _nominal(following):
        return True
    after = words[index + 2] if index + 2 < len(words) else None
    return (
        after is not None
        and following.end >= after.start - 1
        and fold(following.text) in COMPOUND_PREPOSITIONS
        and _nominal(after)
        and not _grammar(after)  # "de este habitante": "este" is a determiner, not the noun "east"
        and index + 2 < len(linked)
        and bool(linked[index + 2])
    )


def _nominal(word: Word) -> bool:
    return any(_tag(r) == "n" for r in word.readings)


def _adjective(word: Word) -> bool:
    return any(_tag(r) == "adj" for r in word.readings)


def _after_number(words: Sequence[Word], index: int) -> bool:
    """Within :data:`UNIT_WINDOW` words after a number: its unit or scale ("34 billones de dólares").

    Sources write units as symbols ("$34 trillion", "15cm") that the
    translation spells out; numbers and units are TA201–TA203's business.
    """
    return any(any(ch.isdigit() for ch in w.text) for w in words[max(0, index - UNIT_WINDOW) : index])


def unexplained(
    source: Sequence[Word],
    target: Sequence[Word],
    forward: Lexicon,
    backward: Lexicon,
    target_lang: str,
    target_text: str = "",
    spelled: Callable[[str], bool] | None = None,
) -> list[Inserted]:
    """Target content words with no link, whose neighbours leave nothing of the source out."""
    linked = links(source, target, forward, backward, paraphrases=True)
    return _lonely(target, target_text, target_lang, linked, source, spelled, verbs=False)


def omitted(
    source: Sequence[Word],
    target: Sequence[Word],
    forward: Lexicon,
    backward: Lexicon,
    source_lang: str,
    source_text: str = "",
    spelled: Callable[[str], bool] | None = None,
) -> list[Inserted]:
    """The mirror: source content words no target word translates, between neighbours that
    translate into neighbouring target words with nothing of the target left unexplained
    between them (a word dropped, not a phrase rendered in other words)."""
    linked = links(source, target, forward, backward, paraphrases=True)
    back: list[set[int]] = [set() for _ in source]
    for j, found in enumerate(linked):
        for i in found:
            back[i].add(j)
    return _lonely(source, source_text, source_lang, back, target, spelled, verbs=True)


def _lonely(
    words: Sequence[Word],
    text: str,
    lang: str,
    linked: list[set[int]],
    others: Sequence[Word],
    spelled: Callable[[str], bool] | None,
    verbs: bool,
) -> list[Inserted]:
    """Content words of one side with no link to the other, whose linked neighbours leave
    no unlinked content word of the other side near their counterparts, or too few to
    account for a run of them (:data:`RUN_EXCESS`)."""
    covered = set().union(*linked) if linked else set()
    loose = [i for i, w in enumerate(others) if _content(w) and i not in covered]
    anchors = [j for j, w in enumerate(words) if linked[j] and _content(w)]
    groups: dict[tuple[int, int], list[int]] = {}  # (gap between two anchors, sentence in it): words
    for j, word in enumerate(words):
        if linked[j] or not _content(word):
            continue
        if not word.readings and (
            verbs or spelled is None or word.text[:1].isupper() or not spelled(word.text)
        ):
            continue  # unknown to the dictionary (a source word) or to the speller too: no evidence
        if text and _name_part(word, text):
            continue
        if (not verbs and _verb_only(word)) or _after_number(words, j) or _modifier_noun(words, j, linked):
            continue
        if _light_verb_noun(words, j, lang):
            continue
        if verbs and _adverbial_phrase(word):
            continue
        at = bisect.bisect_left(anchors, j)  # anchors are in text order; j is not one (unlinked)
        sentence = len(_SENTENCE_END.findall(text, 0, word.start)) if text else 0
        groups.setdefault((at, sentence), []).append(j)
    found: list[Inserted] = []
    for number, ((at, _), members) in enumerate(sorted(groups.items())):
        left = anchors[at - 1] if at > 0 else None
        right = anchors[at] if at < len(anchors) else None
        if left is None and right is None:
            continue
        near = _loose_near(left, right, linked, loose, len(others))
        if near and len(members) - near < RUN_EXCESS:
            continue
        if len(members) < RUN_EXCESS and _ambiguous(left, linked) | _ambiguous(right, linked):
            members = [j for j in members if not _loose_in_place(j, len(words), loose, len(others))]
        for j in members:
            word = words[j]
            lemma = min(word.lemmas, key=lambda lem: zipf(lem, lang))
            kin = frozenset().union(*(linked[k] for k in (j - 1, j + 1) if 0 <= k < len(words)))
            found.append(Inserted(word, max(0.0, FUNCTION_ZIPF - zipf(lemma, lang)), number, kin))
    return found


def _ambiguous(anchor: int | None, linked: list[set[int]]) -> bool:
    """A neighbour linked to several words of the other side (a repeated or many-sided word)."""
    return anchor is not None and len(linked[anchor]) > 1


def _loose_in_place(index: int, size: int, loose: list[int], other_size: int) -> bool:
    """An unexplained word of the other side at about the same relative place (:data:`DIAGONAL`).

    The neighbours' counterparts (:func:`_loose_near`) place a word only as well
    as the neighbours are linked: a neighbour linked to several words of the
    other side ("fotografiamos": "photograph" here and "picture" at the end) lets
    :func:`_loose_near` read it at the far one, where nothing is loose, though the
    word the paraphrase replaced stands beside ("la pila" for "the cell"). With
    such a neighbour (:func:`_ambiguous`), a loose word of the other side at about
    the word's own relative place excuses it too. Not otherwise: in freely
    translated paragraphs some loose word is always that near (on the synthetic
    es→en tune additions, consulting it for every word silenced 17 of 47 inserted
    adjectives).
    """
    place = index / max(1, size)
    low = bisect.bisect_left(loose, (place - DIAGONAL) * other_size)
    return low < len(loose) and loose[low] <= (place + DIAGONAL) * other_size


def _loose_near(
    left: int | None, right: int | None, linked: list[set[int]], loose: list[int], size: int
) -> int:
    """The fewest unexplained words of the other side near the neighbours' counterparts.

    "Near": between the two, or within :data:`REORDER` words outside them, since a
    translation reorders neighbouring words ("un perro maloliente" → "a smelly
    dog", "se aplica también" → "is also applied"). The neighbours may each
    translate several words there: the reading that leaves the fewest counts.
    """
    lefts = linked[left] if left is not None else {-1}
    rights = linked[right] if right is not None else {size}
    fewest = len(loose)
    for a in lefts:
        for b in rights:
            low, high = min(a, b) - REORDER, max(a, b) + REORDER
            # ``loose`` is in text order: count the loose words strictly between low and high.
            fewest = min(fewest, bisect.bisect_left(loose, high) - bisect.bisect_right(loose, low))
            if not fewest:
                return 0
    return fewest


def far_from_source(
    candidates: Sequence[Inserted], source: Sequence[Word], vectors: Mapping[str, np.ndarray], floor: float
) -> list[Inserted]:
    """Candidates whose word vector is below ``floor`` against every content word of the other side.

    Content words as everywhere here (:func:`_content`: "unas" is grammar), but
    not the words the candidate's own neighbours translate (``Inserted.kin``):
    a modifier is naturally like the head it modifies ("monarchic" and
    "república", 0.60), which says nothing about whether the other side has the
    modifier.
    """
    kept = []
    for found in candidates:
        vector = vectors.get(found.word.text)
        if vector is None:
            continue
        others = [
            vectors[w.text]
            for i, w in enumerate(source)
            if i not in found.kin and _content(w) and w.text in vectors
        ]
        if not others or max(float(vector @ other) for other in others) < floor:
            kept.append(found)
    return kept
