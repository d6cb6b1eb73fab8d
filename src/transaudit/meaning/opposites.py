"""A word of the translation that means the opposite of the source's word (antonym swap).

One side of the pair must be English, whose antonyms WordNet lists
(:mod:`transaudit.meaning.antonyms`); the other side's words are put into
English through Apertium's bilingual dictionary (:mod:`transaudit.meaning.bilingual`).
An English word *e* is swapped for its opposite when

* *e* itself is not there: no word of the other side is paired with *e*, words
  and their translations (or similar adjectives) facing each other one to one,
  nearest first (:func:`_matched`: of two "primer", one English "first" explains
  one);
* an opposite *a* of *e* is there: some unpaired word *x* of the other side
  translates to *a* ("incremento" → "increase" against "decrease"), or the
  English dictionary renders *a* by *x* ("prior" → "previo", against
  "subsequent", where "previa" → "previous"; :func:`_rendered_opposites`). Opposites are
  WordNet's direct antonyms, the indirect antonyms of adjectives ("bonita" →
  "beautiful" against "ugly", a satellite's head), a troponym's inherited
  antonym ("gustaba" → "like" against "hated"), negative affixes ("posible"
  against "unviable") and nouns or adverbs derived from antonyms ("comprador" →
  "buyer" against "seller", "rápido" → "fast" against "slowly":
  :func:`_derived_opposed`); inherited and derived ones only between words that
  are nothing but adjectives, or verbs, or nouns, or adverbs, on both sides;
* neither *e* nor *x* follows a negation cue or an approximate negator within
  three words (litotes: "not bad" → "bueno", "no es fácil" → "it is hard",
  "poco frecuente" → "infrequent");
* *e* and *x* are content words (*x* counted in its noun, verb, adjective or
  adverb readings only: "para" the preposition is not "stop") and neither is
  one of its language's commonest words (wordfreq Zipf ≥ 6: "here"/"there",
  "en"/"on"/"off" swap in ordinary paraphrase), nor only a common verb (Zipf ≥ 5)
  of many senses (WordNet: :data:`LIGHT_VERB_SENSES`; light verbs and idioms,
  "dar un paso" for "take a step"; the other side's verb is judged by the
  English antonym it translates to: "perdió" as "lose") facing a word that is
  idiom-prone too (an English light verb against a word that also translates to
  a verb of few senses is taken at its word: "fell" against "subió", "go up", 7
  senses, or "aumentó", "increase", 2; against "dio", only "give", 44, it is an
  idiom), nor, on the other side, a negation cue ("nunca" also renders
  "ever": "más que nunca" = "than ever"; polarity is TA510's); an English cue
  counts only against its direct antonym ("never" for "siempre", "always");
* the other side's word is no auxiliary of aspect, a verb governing an infinitive
  through a preposition ("acaba de volver" = "has just come back");
* *x* does not translate some other word of the English side (it is as
  unexplained as *e*), and the two sit at about the same place in their texts
  (:data:`SAME_PLACE`).

No back-translation is needed: the comparison is between the two texts through
the dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transaudit.analysis.frequencies import zipf
from transaudit.meaning.antonyms import (
    antonyms,
    common_clusters,
    indirect,
    negated,
    part_of_speech,
    troponyms,
    verb_senses,
)
from transaudit.meaning.bilingual import CONTENT_TAGS, Lexicon, Word, _tag, lexicon
from transaudit.meaning.derivation import bases, opposed
from transaudit.meaning.polarity import negations, supported

#: Zipf from which a word is one of the language's few hundred commonest.
COMMON_ZIPF = 6.0
#: Zipf from which a verb is one of the common verbs that light-verb phrases and idioms
#: use for something else than their meaning ("dar un paso" = "take a step", "acaba
#: de" = "has just", "¡vamos!" = "come on"): "give"/"take", "start"/"finish",
#: "come"/"go" in such phrases are not antonym swaps.
COMMON_VERB_ZIPF = 5.0
#: WordNet senses from which a common verb is one idioms and light-verb phrases borrow:
#: "give" 44, "take" 42, "go" 30, "come" 21, "fall" 32, "rise" 17, "start" 14 are out
#: against such verbs; verbs that say one thing, "increase" 2, "win" 4, "lose" 11,
#: "finish" 6, "go up" 7, stay in, and hold a light verb facing them to its word.
LIGHT_VERB_SENSES = 12
#: Words before a word within which a negation cue turns an antonym into litotes.
NEGATION_WINDOW = 3
ENGLISH = "en"
#: How far apart (as a share of each text's length) the two words may sit: a
#: translation keeps the order of its sentences, so a word and its counterpart
#: stay at about the same place; two opposite words far apart in a paragraph are
#: about different things ("the year ended …" / "… just the start").
SAME_PLACE = 0.25
#: … or this many words apart at most (in a short sentence a share is a word or two).
NEAR_WORDS = 3


@dataclass(frozen=True)
class Opposite:
    """An English word and the other side's word that translates to its antonym."""

    english: Word
    other: Word
    antonym: str


def _base(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def available(source_lang: str, target_lang: str) -> bool:
    """English on one side, WordNet installed, Apertium's dictionary for the other side."""
    langs = {_base(source_lang), _base(target_lang)}
    if ENGLISH not in langs or len(langs) != 2 or not antonyms():
        return False
    other = (langs - {ENGLISH}).pop()
    return lexicon(other, ENGLISH) is not None and lexicon(ENGLISH, other) is not None


#: English's approximate negators (Quirk et al. 1985, §10.61): "little", "few",
#: "hardly", "barely", "scarcely", "seldom", "rarely" negate what follows almost as
#: "not" does ("poco frecuente" is "infrequent", "apenas visible" "hardly visible"),
#: unless an article makes them a quantity ("a little strange", "un poco": "a bit").
#: Other languages' words count through the bilingual dictionary ("poco": "little").
APPROXIMATE_NEGATORS = frozenset({"little", "few", "hardly", "barely", "scarcely", "seldom", "rarely"})


def _negated(text: str, words: Sequence[Word], index: int, lang: str, lex: Lexicon) -> bool:
    """A negation cue or an approximate negator in the three words before this one.

    Apertium may join "ya no" in one unit, so a cue is looked for by offset.
    """
    if index == 0:
        return False
    first = max(0, index - NEGATION_WINDOW)
    start, end = words[first].start, words[index].start
    if supported(lang) and any(start <= cue.start < end for cue in negations(text, lang)):
        return True
    for k in range(first, index):
        meanings = words[k].lemmas if lang == ENGLISH else _joined(lex.translations(words[k]))
        if meanings & APPROXIMATE_NEGATORS and not (k > 0 and "<det><ind>" in "".join(words[k - 1].readings)):
            return True
    return False


def _joined(words: frozenset[str]) -> frozenset[str]:
    """Phrasal translations as WordNet spells them: Apertium's "go# up" is "go up"."""
    return frozenset(" ".join(w.replace("#", " ").split()) for w in words)


def _content_meanings(word: Word, lex: Lexicon) -> frozenset[str]:
    """Translations of the word's content readings only ("para" the preposition is not "stop")."""
    readings = [r for r in word.readings if _tag(r) in CONTENT_TAGS or "<ord>" in r]
    return _joined(frozenset().union(*lex.translate(readings).values())) if readings else frozenset()


def _rare_enough(word: Word, lang: str) -> bool:
    """Not among the language's commonest words, nor a negation cue (TA510's business)."""
    return _uncommon(word, lang) and not _cue(word, lang)


def _uncommon(word: Word, lang: str) -> bool:
    """Not among the language's commonest words (:data:`COMMON_ZIPF`)."""
    return (
        min(zipf(lemma, lang) for lemma in word.lemmas) < COMMON_ZIPF and zipf(word.text, lang) < COMMON_ZIPF
    )


def _cue(word: Word, lang: str) -> bool:
    """A negation cue of the language ("never", "nunca", "no")."""
    return supported(lang) and bool(negations(word.text, lang))


def _only_verb(word: Word) -> bool:
    """Every content reading of the word is a verb ("perdió"; not "cierres", also a noun)."""
    content = [_tag(r) for r in word.readings if _tag(r) in CONTENT_TAGS or "<ord>" in r]
    return bool(content) and all(tag == "vblex" for tag in content)


def _common_verb(word: Word, lang: str) -> bool:
    """Only a verb, and a common one (Zipf ≥ 5): light-verb phrases and idioms use such verbs."""
    return _only_verb(word) and max(zipf(lemma, lang) for lemma in word.lemmas) >= COMMON_VERB_ZIPF


def _light(verbs: frozenset[str] | set[str]) -> bool:
    """An English verb of many senses among these (:data:`LIGHT_VERB_SENSES`, WordNet)."""
    senses = verb_senses()
    return any(senses.get(verb, 0) >= LIGHT_VERB_SENSES for verb in verbs)


def _specific(meanings: frozenset[str]) -> bool:
    """Some translation is a verb of few WordNet senses: the word says one thing.

    "aumentó" is "rise" (17 senses) but also "increase" (2); "subió" is "go up"
    (7); "dio" is only "give" (44), a verb idioms borrow.
    """
    senses = verb_senses()
    return any(0 < senses.get(meaning, 0) < LIGHT_VERB_SENSES for meaning in meanings)


def _verb_for_verb(english: Word, other: Word, english_common: bool, other_lang: str) -> bool:
    """A common verb is swapped only for a word that is only a verb ("won" → "perdió").

    Against a word that may be a noun ("opened" … "cierres", closures; "ended" …
    "comienzo") a common verb is a paraphrase or another clause, not its opposite.
    """
    if english_common and not _only_verb(other):
        return False
    return not (_common_verb(other, other_lang) and not _only_verb(english))


#: WordNet's own detachment rules for verbs (morphy): inflected form ending → base ending.
_VERB_ENDINGS = (
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("s", ""),
)


def _wordnet_verb(word: Word) -> Word:
    """An English word Apertium does not know, read as the WordNet verb it inflects.

    Apertium's English dictionary lacks some verbs ("decreased" is unknown; only the
    noun "decrease" is in it); WordNet's morphy rules ("-ed" → "-e", "-ing" → "")
    give the base form, kept when WordNet lists it as a verb.
    """
    if word.readings:
        return word
    text = word.text.casefold()
    senses = verb_senses()
    for ending, base in _VERB_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 2:
            lemma = text[: -len(ending)] + base
            if lemma in senses:
                return Word(word.start, word.end, word.text, (f"{lemma}<vblex><past>",))
    return word


def _periphrasis(words: Sequence[Word], index: int) -> bool:
    """The verb governs an infinitive through a preposition: an auxiliary of aspect.

    "Acaba de volver" is "has just come back", "vuelve a llamar" "calls again":
    such a verb says when or how often, which languages say in their own ways,
    not what it means alone ("acabar" is "finish", not the opposite of "start").
    Asked of the other side's words only: English "to" before an infinitive is
    the infinitive's own marker (Quirk et al. 1985, §3.56), not a governed
    preposition, and the verbs it follows keep their meaning ("refused to sign"
    is the opposite of "aceptaron firmar", "discontinue offering" of "continuará").
    """
    if index + 2 >= len(words) or not _only_verb(words[index]):
        return False
    after, then = words[index + 1], words[index + 2]
    return any(_tag(r) == "pr" for r in after.readings) and any("<vblex><inf>" in r for r in then.readings)


def _place(word: Word, text: str) -> float:
    return word.start / max(1, len(text))


def _opposed(
    lemma: str, meaning: str, table: dict[str, frozenset[str]], adjective: bool, verb: bool, derived: str = ""
) -> int:
    """WordNet's antonymy, inherited too between adjectives and between verbs, or a negative affix.

    Direct antonyms ("increase" / "decrease"), a satellite adjective and its
    head's antonym ("pretty" / "ugly"), a troponym and its hypernym's antonym
    ("hate" / "like"), a negated adjective and its base ("unviable" / "possible"),
    two nouns or adverbs derived from antonyms ("arrival" / "departure",
    "slowly" / "fast": :func:`_derived_opposed`, when ``derived`` names the part
    of speech). Returns how direct the opposition is (1 direct, 2 by affix, 3
    inherited or derived), 0 if there is none: the most direct one is reported.
    """
    if meaning in table.get(lemma, ()):
        return 1
    if meaning in negated(lemma) or lemma in negated(meaning):
        return 2
    if adjective and meaning in indirect().get(lemma, ()):
        return 3
    if verb and meaning in troponyms().get(lemma, ()):
        return 3
    return 3 if derived and _derived_opposed(lemma, meaning, derived) else 0


def _derived_opposed(lemma: str, meaning: str, part: str) -> bool:
    """Two nouns (``n``) or adverbs (``r``) made from antonyms, or one from the other's antonym.

    "seller" is made from "sell", the opposite of "buy", from which "buyer"
    (:mod:`transaudit.meaning.derivation`); "slowly" from "slow", the opposite of
    "fast" (an adjective the other language uses as an adverb: "corre rápido").
    A base that is a light verb (:data:`LIGHT_VERB_SENSES`) says too many things
    to oppose anything.
    """
    theirs = bases(meaning, part)
    for base in bases(lemma, part):
        if base[1] == "v" and _light({base[0]}):
            continue
        for other in opposed(base):
            if (other in theirs or other[0] == meaning) and not (other[1] == "v" and _light({other[0]})):
                return True
    return False


def _rank(
    lemmas: frozenset[str],
    meaning: str,
    table: dict[str, frozenset[str]],
    adjective: bool,
    verb: bool,
    derived: str = "",
) -> int:
    """The most direct opposition between any of the word's lemmas and the meaning (0: none)."""
    return min(
        (r for lemma in lemmas if (r := _opposed(lemma, meaning, table, adjective, verb, derived))), default=0
    )


def _only(word: Word, tag: str) -> bool:
    """Every content reading of the word is of this part of speech.

    Inherited antonymy (a satellite's, a troponym's) is weaker evidence than a
    direct antonym, so it is taken only from words that are nothing else: "pretty"
    is also an adverb of degree (``preadv``: "pretty early"), "corto" also "I cut",
    "frías" also "you fry".
    """
    content = [_tag(r) for r in word.readings if _tag(r) in CONTENT_TAGS or _tag(r) == "preadv"]
    return bool(content) and all(t == tag for t in content)


def _adjective(word: Word) -> bool:
    return _only(word, "adj")


def _verb(word: Word) -> bool:
    return _only(word, "vblex")


def _matched(
    en_words: Sequence[Word],
    english: str,
    translations: dict[int, frozenset[str]],
    other_words: Sequence[Word],
    other: str,
    other_lang: str,
) -> tuple[set[int], set[int]]:
    """Which words of each side translate each other, one to one, nearest first.

    A word and its translation face each other one to one, and so do two adjectives
    of one WordNet cluster ("male" and "masculina", "masculine"): of two "primer" in
    "el primer tipo … por primera vez" one English "first" explains one, and the
    other stays unexplained where the English has "last" ("the last type … first
    launched"); of "the beginning of a chapter and the beginning of a new one",
    one "beginning" is "comienzo", the other stands where "final" stood. A
    multiword translation ("por primera vez": "for the first time") explains the
    English words it is made of. Translations are paired first, nearest first, and
    similar adjectives only then: a loose similarity ("bastante": "enough" ~ "good")
    must not take the word a translation explains ("buen": "good"). Neither of two
    similar adjectives may be among its language's commonest words (Zipf ≥ 6),
    whose senses are too many to say what they mean here ("just like": "just" ~
    "good"), nor two antonyms ("early" and "late" are both satellites of "past" in
    some sense). Returns the English and the other side's explained words.
    """
    by_lemma: dict[str, list[int]] = {}
    clusters, table = common_clusters(), antonyms()
    by_cluster: dict[int, list[int]] = {}
    for i, word in enumerate(en_words):
        for lemma in word.lemmas:
            by_lemma.setdefault(lemma, []).append(i)
            if any(_tag(r) == "adj" for r in word.readings) and zipf(word.text, ENGLISH) < COMMON_ZIPF:
                for head in clusters.get(lemma, ()):
                    by_cluster.setdefault(head, []).append(i)
    links: dict[tuple[int, int], int] = {}
    for j, found in translations.items():
        for meaning in found:
            parts = meaning.split()
            for part in {meaning, *parts}:
                for i in by_lemma.get(part, ()):
                    links[j, i] = 0
        if zipf(other_words[j].text, other_lang) >= COMMON_ZIPF:
            continue
        for meaning in found:
            for head in clusters.get(meaning, ()):
                for i in by_cluster.get(head, ()):
                    if not any(_opposed(lemma, meaning, table, True, False) for lemma in en_words[i].lemmas):
                        links.setdefault((j, i), 1)
    candidates = sorted(
        (strength, abs(_place(other_words[j], other) - _place(en_words[i], english)), j, i)
        for (j, i), strength in links.items()
    )
    english_used: set[int] = set()
    other_used: set[int] = set()
    for _, _, j, i in candidates:
        if i not in english_used and j not in other_used:
            english_used.add(i)
            other_used.add(j)
    return english_used, other_used


#: Apertium's tag for each WordNet part of speech.
_TAGS = {"adj": "adj", "noun": "n", "verb": "vblex", "adv": "adv"}


def _english_word(word: Word) -> Word:
    """An English word as the check reads it, WordNet's words Apertium lacks included.

    A word Apertium does not know is read as the verb its inflection gives
    (:func:`_wordnet_verb`: "decreased") and as WordNet lists it ("instability",
    "uneasy", "succumb": the first of adjective, noun, verb, adverb), else, if it is a
    dictionary word (wordfreq knows it) and a negative affix on a WordNet adjective
    ("unviable"), as an adjective opposed to that one.
    """
    if word.readings:
        return word
    text = word.text.casefold()
    verb = _wordnet_verb(word).readings
    part = part_of_speech(text) if text.isalpha() or "-" in text else ""
    if verb or part:
        bare = (f"{text}<{_TAGS[part]}>",) if part else ()
        return Word(word.start, word.end, word.text, verb + bare)
    if zipf(word.text, ENGLISH) <= 0 or not negated(text):
        return word
    return Word(word.start, word.end, word.text, (f"{text}<adj>",))


_INHERITED = 3


def _opposites_of(word: Word, table: dict[str, frozenset[str]]) -> dict[str, int]:
    """Every English word opposed to this one, with how directly (as :func:`_opposed`)."""
    found: dict[str, int] = {}
    adjective, verb = _adjective(word), _verb(word)
    for lemma in word.lemmas:
        relations = [(table.get(lemma, frozenset()), 1), (negated(lemma), 2)]
        if adjective:
            relations.append((indirect().get(lemma, frozenset()), _INHERITED))
        if verb:
            relations.append((troponyms().get(lemma, frozenset()), _INHERITED))
        for words, rank in relations:
            for a in words:
                if a not in word.lemmas:
                    found[a] = min(found.get(a, rank), rank)
    return found


def _dictionary_forms(lemma: str, tag: str) -> list[str]:
    """How Apertium's English dictionary enters an English lemma of this part of speech.

    Adjectives that compare by suffix are entered as ``<adj><sint>`` ("good",
    "old", "able"), others as ``<adj>``; a phrasal verb as its head verb with the
    particle after the tags ("go<vblex># up"), as the analyser writes it.
    """
    if " " in lemma:
        head, tail = lemma.split(" ", 1)
        return [f"{head}<{tag}># {tail}"]
    return [f"{lemma}<{tag}>", f"{lemma}<{tag}><sint>"] if tag == "adj" else [f"{lemma}<{tag}>"]


def _rendered_opposites(
    words: dict[int, Word], table: dict[str, frozenset[str]], english_lex: Lexicon
) -> dict[int, dict[str, tuple[int, frozenset[str]]]]:
    """Each English word's opposites, with what Apertium's English dictionary renders them by.

    The other side's dictionary into English may not give the English antonym
    ("cierto": "true", "some"; not "certain"), while the English dictionary gives
    the other word for it ("certain" → "cierto"): the two directions of a
    bilingual dictionary are written as two lists and neither holds all the
    pairs. An opposite's renderings in the word's own part of speech are its
    counterparts, when the word has one part of speech ("break" is a noun or a
    verb, and only the verb is the opposite of "keep", "continuar") and they do
    not render the word itself ("son" and "daughter" are both "hijo"). One call
    to the dictionary for the whole text.
    """
    wanted: dict[int, dict[str, tuple[int, list[str]]]] = {}
    for i, word in words.items():
        tags = {_tag(r) for r in word.readings if _tag(r) in CONTENT_TAGS}
        if len(tags) != 1:
            continue  # "break", a noun or a verb: which of its antonyms is meant is unknown
        tag = tags.pop()
        for a, rank in _opposites_of(word, table).items():
            wanted.setdefault(i, {})[a] = (rank, _dictionary_forms(a, tag))
    if not wanted:
        return {}
    found = english_lex.translate(f for each in wanted.values() for _, forms in each.values() for f in forms)
    own = {i: english_lex.translations(words[i]) for i in wanted}
    return {
        i: {
            a: (rank, lemmas)
            for a, (rank, forms) in each.items()
            # what renders the word itself too ("son" and "daughter": "hijo") tells neither apart
            if (lemmas := frozenset().union(*(found[f] for f in forms)) - own[i])
        }
        for i, each in wanted.items()
    }


def find(
    english: str, other: str, english_lex: Lexicon, other_lex: Lexicon, other_lang: str
) -> tuple[Opposite, ...]:
    """English words whose antonym, not the word, is what the other text says."""
    table = antonyms()
    en_words = [_english_word(w) for w in english_lex.words([english])[english]]
    other_words = other_lex.words([other])[other]
    said: dict[str, list[int]] = {}
    specific: dict[int, bool] = {}
    translations = {j: _joined(other_lex.translations(word)) for j, word in enumerate(other_words)}
    english_explained, explained = _matched(en_words, english, translations, other_words, other, other_lang)
    meanings: dict[int, frozenset[str]] = {}
    adjective_said: set[str] = set()
    verb_said: set[str] = set()
    noun_said: set[str] = set()
    modifier_said: set[str] = set()  # adverbs, and adjectives used as adverbs ("corre rápido")
    for i, word in enumerate(other_words):
        if not word.content or not _rare_enough(word, other_lang) or _periphrasis(other_words, i):
            continue
        meanings[i] = _content_meanings(word, other_lex)
        if i not in explained:
            if _adjective(word):
                adjective_said |= meanings[i]
            if _verb(word):
                verb_said |= meanings[i]
            if _only(word, "n"):
                noun_said |= meanings[i]
            if _only(word, "adv") or _adjective(word):
                modifier_said |= meanings[i]
    for i, found in meanings.items():
        if i in explained:
            continue  # the word translates something the English side has
        common_verb = _common_verb(other_words[i], other_lang)
        specific[i] = _specific(found)
        for meaning in found:
            if common_verb and _light({meaning}):
                continue  # "dieron un paso": "dar" as "give" is a light verb
            said.setdefault(meaning, []).append(i)
    result: list[Opposite] = []
    judged = [
        i
        for i, word in enumerate(en_words)
        if word.content and word.readings and i not in english_explained and _uncommon(word, ENGLISH)
    ]
    unpaired = [j for j in meanings if j not in explained]
    rendered = _rendered_opposites({i: en_words[i] for i in judged}, table, english_lex) if unpaired else {}
    for i in judged:
        word = en_words[i]
        cue = _cue(word, ENGLISH)
        common_verb = _common_verb(word, ENGLISH)
        adjective, verb = _adjective(word), _verb(word)
        derived = "n" if _only(word, "n") else "r" if _only(word, "adv") else ""
        derived_said = noun_said if derived == "n" else modifier_said if derived == "r" else set()
        ranks = {
            a: _rank(
                word.lemmas,
                a,
                table,
                adjective and a in adjective_said,
                verb and a in verb_said,
                derived if a in derived_said else "",
            )
            for a in said
        }
        sayers = {a: said[a] for a, rank in ranks.items() if rank}
        forward = set(sayers)
        for a, (rank, lemmas) in rendered.get(i, {}).items():
            for j in unpaired:
                x = other_words[j]
                if not x.lemmas & lemmas or j in sayers.get(a, ()):
                    continue
                if rank == _INHERITED and not ((adjective and _adjective(x)) or (verb and _verb(x))):
                    continue  # inherited antonymy only between pure adjectives, pure verbs
                if _common_verb(x, other_lang) and _light({a}):
                    continue
                sayers.setdefault(a, []).append(j)
                ranks[a] = min(ranks.get(a) or rank, rank)
        if cue:
            # An English negation cue against its direct antonym, which the other side says
            # without a cue of its own ("never" for "siempre", "always"); "nunca", a cue, is
            # left out above, as it also renders "ever" ("más que nunca": "than ever").
            sayers = {a: js for a, js in sayers.items() if ranks[a] == 1}
        # the other side's own translation first, then the English dictionary's rendering
        opposite = sorted(sayers, key=lambda a: (ranks[a], a not in forward, a))
        light = common_verb and _light(word.lemmas)
        if light:
            # A light verb is taken at its word only against a verb that says one thing.
            opposite = [a for a in opposite if any(specific[j] for j in sayers[a])]
        if not opposite or _negated(english, en_words, i, ENGLISH, english_lex):
            continue
        here = _place(word, english)
        near = [
            (a, j)
            for a in opposite
            for j in sayers[a]
            if (abs(_place(other_words[j], other) - here) <= SAME_PLACE or abs(j - i) <= NEAR_WORDS)
            and _verb_for_verb(word, other_words[j], common_verb, other_lang)
            and (specific[j] or not light)
        ]
        if not near or _negated(other, other_words, near[0][1], other_lang, other_lex):
            continue
        antonym, j = near[0]
        result.append(Opposite(word, other_words[j], antonym))
    return tuple(result)


def opposites(source: str, target: str, source_lang: str, target_lang: str) -> tuple[Opposite, ...]:
    """Antonym swaps between a source and its translation (empty if the pair is not covered)."""
    if not available(source_lang, target_lang):
        return ()
    if _base(target_lang) == ENGLISH:
        english, other, other_lang = target, source, _base(source_lang)
    else:
        english, other, other_lang = source, target, _base(target_lang)
    english_lex, other_lex = lexicon(ENGLISH, other_lang), lexicon(other_lang, ENGLISH)
    assert english_lex is not None and other_lex is not None
    return find(english, other, english_lex, other_lex, other_lang)


def prepare(texts_by_lang: dict[str, list[str]], source_lang: str, target_lang: str) -> None:
    """Analyse many texts in one analyser process per language (an article at a time)."""
    if not available(source_lang, target_lang):
        return
    for lang, texts in texts_by_lang.items():
        base = _base(lang)
        into = (
            ENGLISH
            if base != ENGLISH
            else _base(target_lang if _base(source_lang) == ENGLISH else source_lang)
        )
        lex = lexicon(base, into)
        if lex is None:
            continue
        words = lex.words(texts)
        lex.translate(r for found in words.values() for w in found for r in w.readings)
