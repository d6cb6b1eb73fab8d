"""Is a capitalised word a common word of its language rather than a name? Hunspell and wordfreq.

A word written with a capital inside a sentence is a name unless the language
uses it as an ordinary word: "Tomb" in "the Tomb of the Unknown Soldier",
"Tumba" in "la Tumba del Soldado Desconocido", "The" or "Pero" opening a
sentence. Two resources decide, for every language they cover, instead of a
hand-made word list:

* the language's Hunspell dictionaries accept the word in lower case — names
  are stored capitalised ("Paris", "Madrid", "Biden"), so the dictionary
  rejects "paris" but accepts "tomb";
* wordfreq has seen it at least once per million words (Zipf ≥ 3), so a rare
  homograph of a name ("bonita", "alma" in English) does not hide the name.

Names that are also frequent words ("Rice", "Brown", "Young") count as words:
the text alone cannot tell them apart, and missing such a name costs less
than taking every capitalised title word for one.

A language that capitalises its nouns (German) is recognised from its own
dictionary: more than one in twenty of its 300 most frequent words is accepted
only capitalised ("Jahr", "Frau", "Stadt"; English has two, "Mr" and
"American"). There a capitalised word the dictionary accepts as written and
wordfreq finds common is a word too. Without a dictionary for the language
nothing is called common (names are then judged by their shape alone).
"""

from __future__ import annotations

from functools import cache, lru_cache

from transaudit.analysis import frequencies, spelling
from transaudit.memo import WORD_CACHE, lasting

#: A word seen once per million words (Zipf 3) is part of the language's usage.
KNOWN_ZIPF = 3.0
#: How many of the language's most frequent words are looked at, and the share
#: of them accepted only capitalised that marks a language capitalising nouns.
TOP_WORDS = 300
NOUN_CAPITALS_SHARE = 0.05


@cache
def capitalises_nouns(lang: str) -> bool:
    """Does ``lang`` write common nouns capitalised (German)? Read from its dictionary and wordfreq."""
    speller = spelling.speller(lang)
    top = [w for w in frequencies.top_words(lang, 2 * TOP_WORDS) if w.isalpha()][:TOP_WORDS]
    if speller is None or not top:
        return False
    only_capitalised = sum(1 for w in top if not speller.check_main(w) and speller.check_main(w.capitalize()))
    return only_capitalised > NOUN_CAPITALS_SHARE * len(top)


@lasting
@lru_cache(maxsize=WORD_CACHE)
def common_word(word: str, lang: str) -> bool:
    """True when ``word`` (any case) is an ordinary word of ``lang``, not only a name."""
    key = word.casefold()
    if frequencies.zipf(key, lang) < KNOWN_ZIPF:
        return _compound_noun(word, lang)
    speller = spelling.speller(lang)
    if speller is None:
        return False
    # The main variety decides (one look-up): the other varieties differ in
    # spellings ("colour"), not in which words are names.
    if speller.check_main(key):
        return True
    return capitalises_nouns(lang) and speller.check_main(key.capitalize())


#: The shortest head of a compound looked for ("Gas|preise", "EU-Energie|kommissarin").
MIN_HEAD = 4


def _compound_noun(word: str, lang: str) -> bool:
    """A German compound too rare for wordfreq ("Gaspipeline", "Windparkbetreiber").

    Where every noun is capitalised, a compound takes its head's class: the word is
    ordinary when its last part (four letters or more, after a hyphen or anywhere)
    is a common noun the dictionary accepts capitalised ("Pipeline", "Preise"). A
    name ending in a noun ("Schönberg") is taken for a word too: precision first.
    """
    if not word[:1].isupper() or not capitalises_nouns(lang) or len(word) < 2 * MIN_HEAD:
        return False
    speller = spelling.speller(lang)
    if speller is None:
        return False
    for start in range(2, len(word) - MIN_HEAD + 1):
        head = word[start:].lstrip("-")
        if len(head) < MIN_HEAD or not head.isalpha():
            continue
        head = head[0].upper() + head[1:]
        if frequencies.zipf(head.casefold(), lang) >= KNOWN_ZIPF and speller.check_main(head):
            return True
    return False


@lasting
@lru_cache(maxsize=WORD_CACHE)
def capitalised_noun(word: str, lang: str) -> bool:
    """A common noun of a language that capitalises nouns ("Stadt", "Frau"): capitalised by grammar."""
    if not capitalises_nouns(lang) or frequencies.zipf(word, lang) < KNOWN_ZIPF:
        return False
    speller = spelling.speller(lang)
    key = word.casefold()
    return speller is not None and not speller.check_main(key) and speller.check_main(key.capitalize())
