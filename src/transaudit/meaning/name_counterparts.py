"""Names of one side with no counterpart on the other, word by word (Apertium's analyser).

TA303 and :func:`transaudit.meaning.names.swapped_name` compare *runs* of
capitalized words and call a run kept when any of its words comes back. A swap
inside a run ("Robert Habeck" → "Ahmed Habeck", "Google Flights" → "JavaScript
Flights"), a name repeated in the source and replaced once ("Port of Seattle …
Seattle-Tacoma" → "Port of Los Angeles … Seattle-Tacoma"), a name the
dictionary also knows as a rare common word ("Aristarco", a severe critic in
Spanish) and a name replaced by a title-cased institution ("Agremex" → "the
Labor State Government") all pass that test. Here the unit is Apertium's: its
analyser tags proper nouns (``<np>``: "Kenneth<np><ant>", "Nueva York<np><loc>"
as one unit) and acronyms (``<acr>``), and its bilingual dictionary translates
them ("Edimburgo" → "Edinburgh", "Banco Mundial" → "World Bank", "ONU" → "UN").

A *name* of a text is a unit that is a proper noun or an acronym to the
analyser, or a capitalized word the analyser does not know and the language's
resources do not know as an ordinary word (wordfreq and Hunspell,
:func:`transaudit.analysis.lexicon.common_word`). A capitalized word the
analyser knows only as a common word is a *title word* ("Government",
"Speaker"): never a lost name, and a new name only inside a run of two or more
such words that translate nothing of the source (an institution's name).

A name has a *counterpart* on the other side when that side holds it (folded,
or a close spelling: :func:`transaudit.analysis.fuzzy.similar_token`), one of
its dictionary translations, or the same gazetteer place. A name written more
often in the source than its counterparts are in the target has lost an
occurrence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from transaudit.analysis import gazetteer as gz
from transaudit.analysis import lexicon as words
from transaudit.analysis.fuzzy import similar_token
from transaudit.analysis.text import fold, starts_sentence
from transaudit.meaning.bilingual import Lexicon, Word, lexicon

#: Tags of Apertium's proper nouns and acronyms.
_NAME_TAGS = ("<np>", "<acr>")
#: Fewest letters of a name word ("Li", "UN" count; "A" and "I" do not).
MIN_LETTERS = 2
#: Fewest title words that make an institution's name on their own.
MIN_TITLE_RUN = 2
#: A name word this close to a word of the other side (rapidfuzz ratio, folded; four
#: letters or more) is that word in another language's spelling: "Plaça" / "plaza" 80.
COGNATE = 80.0
MIN_COGNATE = 4


@dataclass(frozen=True)
class Unit:
    """A name (or a run of title words) of one side, with its offsets."""

    start: int
    end: int
    text: str
    #: "name" (a proper noun, an acronym, or an unknown capitalized word) or "title".
    kind: str
    acronym: bool = False


@dataclass(frozen=True)
class Replacement:
    """A source name with no counterpart and the target name that stands instead."""

    lost: Unit
    new: Unit


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _capitalized(text: str) -> bool:
    """A capital somewhere ("Kenneth", "JavaScript", "iMessage"); lower-case words fail the first test."""
    return not text.islower() and text[:1].isalnum() and any(ch.isupper() for ch in text)


def _is_name(word: Word, text: str, lang: str) -> str:
    """The kind of one analysed unit of ``text``: "name", "title" or "" (neither).

    A word opening a sentence is a name only when the analyser files it as a
    proper noun and as nothing else ("Larry", not "May"): an unknown word there
    may be any word the dictionary lacks ("Gruñendo", "Yisssss"). A word glued to
    digits is a unit of measure or a model ("2600mAh"), and a demonym describes
    ("German"): neither names. A word the analyser reads as a person's given name or
    surname is one, adjective or not ("Rosa", rosa "pink").
    """
    surface = word.text
    if not _capitalized(surface) or _letters(surface) < MIN_LETTERS:
        return ""
    if _GLUED.match(text[word.start - 1 : word.start]) or _GLUED.match(text[word.end : word.end + 1]):
        return ""
    readings = word.readings
    proper = [any(tag in r for tag in _NAME_TAGS) for r in readings]
    demonym = surface.casefold() in gz.gazetteer(lang).demonym_words
    person = any("<np><ant>" in r or "<np><cog>" in r for r in readings)
    if demonym or (any(proper) and not person and any("<adj>" in r for r in readings)):
        # "German", "Chinese", "India" (indio/india): a name only where the gazetteer names a place.
        places = gz.gazetteer(lang).mentions(text)
        if not any(m.start <= word.start < m.end and m.kind != gz.DEMONYM for m in places):
            return ""
    opening = _opens(text, word.start)
    if any(proper):
        return "" if opening and not all(proper) else "name"
    if opening:
        return ""
    if not readings:
        if words.common_word(surface, lang):
            return "title"
        # A word the dictionary knows in lower case, which the analyser does not: a
        # nickname or a coinage ("Stumpy"), which a translator may translate.
        return "" if _known_lower(surface, lang) else "name"
    return "title" if surface[:1].isupper() else ""


#: Dashes that open a line of dialogue ("- Ya lo verá", "—Ya lo verá").
_DASHES = "-‐‑–—―"


def _opens(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence, a dialogue dash after the sentence's end included?

    Spanish and French dialogue open each turn with a dash ("¿Qué pasó? - Ya lo
    verá"): the capital after it is a sentence's, as after the question mark.
    """
    if starts_sentence(text, start):
        return True
    before = text[max(0, start - 8) : start].rstrip(" \t\"“«'‘(¡¿")
    if not before or before[-1] not in _DASHES:
        return False
    before = before.rstrip(_DASHES + " \t")
    return not before or before[-1] in ".!?…:\n"


#: A neighbouring character that makes a word part of a longer token ("2600mAh", "RobDog_747").
_GLUED = re.compile(r"[\w]")


@lru_cache(maxsize=4096)
def _known_lower(word: str, lang: str) -> bool:
    from transaudit.analysis.spelling import speller

    checker = speller(lang)
    return checker is not None and checker.check(word.lower())


def _acronym(word: Word) -> bool:
    """An acronym: tagged so, or capitals only, with a plural "s" at most ("ETFs")."""
    if any("<acr>" in r for r in word.readings):
        return True
    stem = word.text[:-1] if word.text.endswith("s") else word.text
    return stem.isupper() and _letters(stem) >= MIN_LETTERS


def _units(text: str, lang: str, analysed: tuple[Word, ...], single: bool = False) -> list[Unit]:
    """The names and title-word runs of a text, in order.

    With ``single``, a lone title word is kept too (kind "word"): in a language
    that writes common words in lower case, a capitalized one inside a sentence
    is a name ("ganó al Atlético") unless it translates a word of the other side.
    """
    units: list[Unit] = []
    run: list[Word] = []

    def close() -> None:
        if len(run) >= MIN_TITLE_RUN:
            start, end = run[0].start, run[-1].end
            units.append(Unit(start, end, text[start:end], "title"))
        elif run and single and text[run[0].start - 1 : run[0].start] not in _OPENING:
            # (after an opening quote the capital may open a title: "Jugando con fuego")
            units.append(Unit(run[0].start, run[0].end, run[0].text, "word"))
        run.clear()

    for word in analysed:
        kind = _is_name(word, text, lang)
        if kind == "title":
            if run and text[run[-1].end : word.start] != " ":
                close()
            run.append(word)
            continue
        close()
        if kind == "name":
            units.append(Unit(word.start, word.end, word.text, "name", _acronym(word)))
    close()
    return units


def _worth_analysing(source: str, target: str, source_lang: str, target_lang: str, lower: bool) -> bool:
    """A cheap look before Apertium's: a source capital the target lacks, and a target one the source lacks.

    Most segments keep every name as it is. Only a capitalized source word
    absent from the target (:func:`similar_token`; an acronym in its own case),
    or written there fewer times, with a capitalized target word absent from the
    source, can make a replacement. Inside a sentence a word counts unless it is
    an ordinary word (:func:`lexicon.common_word`) of a language that
    capitalizes ordinary words; opening one, unless it is an ordinary word that
    the gazetteer does not find as a place or person there ("Japan" opening a
    sentence counts, "Underestimated" does not).
    """
    return _unexplained_capital(source, target, source_lang, lower, counted=True) and (
        _unexplained_capital(target, source, target_lang, True, counted=False)
    )


def _unexplained_capital(text: str, other: str, lang: str, any_inside: bool, counted: bool) -> bool:
    """A capitalized word of ``text`` that ``other`` does not hold (see :func:`_worth_analysing`).

    Runs on every segment, so nothing per text is cached here: the other side's
    folded words are built for this call only (a cache of tokens per text cost
    13 MiB on one WMT24 system's 1,000 segments).
    """
    from transaudit.analysis.tokens import TOKEN_RE, quick_fold, words_of

    other_words = words_of(other)
    folded: set[str] | None = None
    capitals: list[str] = []
    mine: Counter[str] | None = None
    theirs: Counter[str] | None = None
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        if len(word) < MIN_LETTERS or not _capitalized(word):
            continue  # (most words: lower case)
        if word.isupper():
            if word not in other_words:
                return True
            continue
        if _opens(text, match.start()):
            if _known_lower(word, lang) and not _mention_at(text, match.start(), lang):
                continue  # an ordinary word opening a sentence
        elif not any_inside and _known_lower(word, lang):
            continue  # an ordinary word capitalized in a language that does so
        key = quick_fold(word)
        if folded is None:
            folded = {quick_fold(w) for w in other_words}
            capitals = [k for k in folded if len(k) >= 4] if any(w[:1].isupper() for w in other_words) else []
        if word not in other_words and key not in folded and not _close(key, capitals):
            return True
        if counted:
            if mine is None or theirs is None:
                mine = Counter(quick_fold(w) for w in TOKEN_RE.findall(text) if w[:1].isupper())
                theirs = Counter(quick_fold(w) for w in TOKEN_RE.findall(other))
            if mine[key] > max(theirs[key], 1):
                return True  # "Seattle … Seattle" → "Los Angeles … Seattle"
    return False


#: Share of a text's words written in capitals from which the text is shouted (a
#: heading, a sign, a comic's balloon): capitals then say nothing of which words are names.
SHOUTED = 0.5
#: Fewest capital words that make a shouted text ("I AM SORRY" is three).
MIN_SHOUTED = 3


def _shouting(text: str) -> bool:
    """Are most of the text's words (two letters or more) written in capitals?"""
    found = [w for w in re.findall(r"[^\W\d_]{2,}", text)]
    capitals = sum(1 for w in found if w.isupper())
    return capitals >= MIN_SHOUTED and capitals > SHOUTED * len(found)


def _close(key: str, others: list[str]) -> bool:
    """A close spelling among ``others`` (rapidfuzz ratio ≥ 70, four letters or more), as
    :func:`transaudit.analysis.fuzzy.similar_token` judges it, without its per-text cache."""
    from rapidfuzz import fuzz, process

    return len(key) >= 4 and process.extractOne(key, others, scorer=fuzz.ratio, score_cutoff=70) is not None


def _mention_at(text: str, start: int, lang: str) -> bool:
    return any(m.start == start for m in gz.gazetteer(lang).mentions(text))


#: Characters after which a capital may open a quotation or a title.
_OPENING = frozenset("\"“«‘'(¿¡")


@lru_cache(maxsize=16)
def _lowercase_words(lang: str) -> bool:
    """Does the language write common words in lower case inside a sentence (the gazetteer's grammar)?"""
    from transaudit import data

    return bool(data.load(gz.FAMILY, lang).get("grammar", {}).get("lowercase_adjectives"))


def _phrase_count(phrase: str, folded: str) -> int:
    if not phrase:
        return 0
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded))


class _Side:
    """One side's text, folded, with its dictionary forms, for counterpart look-ups."""

    def __init__(self, text: str, lang: str, analysed: tuple[Word, ...]) -> None:
        self.text = text
        self.folded = fold(text)
        self.lang = lang
        self.lemmas = frozenset().union(*(word.lemmas for word in analysed))
        mentions = gz.gazetteer(lang).mentions(text)
        self.places = {(m.kind, m.entity) for m in mentions if m.kind != gz.DEMONYM} | {
            ("country", m.country) for m in mentions if m.country and m.kind in (gz.COUNTRY, gz.METONYM)
        }

    def cognate(self, word: str) -> bool:
        """A word of this side, in any case, spelled like ``word`` (rapidfuzz ratio ≥ 80):
        a name kept in a third language ("Plaça de Catalunya" for "plaza de Cataluña")."""
        from rapidfuzz import fuzz, process

        key = fold(word)
        if len(key) < MIN_COGNATE:
            return False
        return process.extractOne(key, self.words, scorer=fuzz.ratio, score_cutoff=COGNATE) is not None

    @cached_property
    def words(self) -> list[str]:
        return sorted({w for w in re.findall(r"\w+", self.folded) if len(w) >= MIN_COGNATE})

    def count(self, forms: frozenset[str]) -> int:
        """Occurrences of the most frequent of these folded forms."""
        return max((_phrase_count(f, self.folded) for f in forms), default=0)

    def count_close(self, forms: frozenset[str], key: str) -> int:
        """:meth:`count`, and the words spelled like ``key`` (ratio ≥ 80) besides: a mention
        respelled once ("Milgram … Milgramm") is still a mention, TA530's to judge."""
        from rapidfuzz import fuzz

        found = self.count(forms)
        if len(key) < MIN_COGNATE or " " in key:
            return found
        others = re.findall(r"\w+", self.folded)
        return found + sum(
            1 for w in others if w not in forms and len(w) >= MIN_COGNATE and fuzz.ratio(key, w) >= COGNATE
        )

    def has_lemma(self, forms: frozenset[str]) -> bool:
        return any(f in self.lemmas or _phrase_count(f, self.folded) for f in forms)


def _forms(unit: Unit, analysed: dict[int, Word], bilingual: Lexicon | None) -> frozenset[str]:
    """The unit's folded spelling and, when a dictionary translates it, its translations."""
    forms = {fold(unit.text)}
    word = analysed.get(unit.start)
    if bilingual is not None and word is not None and word.readings:
        forms |= bilingual.translations(word)
    return frozenset(f for f in forms if f)


def _singular_acronym(text: str) -> str:
    """An acronym without the English plural "s" ("CRs" → "CR"), which other languages
    do not write ("las CR"); the acronym itself otherwise."""
    stem = text[:-1]
    return stem if text.endswith("s") and stem.isupper() and _letters(stem) >= MIN_LETTERS else text


def _place_of(unit: Unit, mentions: tuple[gz.Mention, ...]) -> set[tuple[str, str]]:
    """The gazetteer entities the unit names: a city is itself, not its country
    ("Barcelona" is no counterpart of "Madrid"); a country or a metonym ("the
    Kremlin") is its country."""
    found: set[tuple[str, str]] = set()
    for m in mentions:
        if m.start < unit.end and unit.start < m.end and m.kind != gz.DEMONYM:
            found.add((m.kind, m.entity))
            if m.country and m.kind in (gz.COUNTRY, gz.METONYM):
                found.add(("country", m.country))
    return found


def _present(unit: Unit, forms: frozenset[str], other: _Side, places: set[tuple[str, str]]) -> bool:
    """Whether the other side holds the unit in any form (one occurrence is enough)."""
    if unit.acronym and (unit.text in other.text or _singular_acronym(unit.text) in other.text):
        return True  # case kept: "HTML" is not in "page.html"; "CRs" for "las CR"
    if places and places & other.places:
        return True
    if other.count(forms - {fold(unit.text)} if unit.acronym else forms):
        return True
    if unit.kind == "word" and other.has_lemma(forms):
        return True
    if unit.kind == "title" or unit.acronym:
        return False
    if "-" in unit.text and other.count(frozenset({fold(unit.text).replace("-", "")})):
        return True  # "Wi-Fi" / "WiFi"
    parts = [part for part in re.findall(r"\w+", unit.text) if len(part) > 1]
    return all(similar_token(part, other.text) or other.cognate(part) for part in parts)


def replaced_names(source: str, target: str, source_lang: str, target_lang: str) -> tuple[Replacement, ...]:
    """Target names with no counterpart in the source standing where a source name lost its own.

    Empty unless a source name has fewer counterparts in the target than
    occurrences in the source, *and* a target name or title run has no
    counterpart in the source, once respellings and translated or spelled-out
    acronyms are paired off (:func:`_unrespelled`). A lost acronym is replaced
    only by a name, never by a run of title words, which may describe it ("CEO" →
    "Director Ejecutivo" in WMT24 system outputs; so "NASA" → "Regional Strategy
    Office" is missed). Without an analyser and a bilingual dictionary for the
    pair nothing is judged.
    """
    lost, new = unmatched_names(source, target, source_lang, target_lang, need_lost=True)
    found: list[Replacement] = []
    for unit in _merged(new, target):
        candidates = [u for u in lost if not u.acronym or unit.kind == "name"]
        if candidates:
            place = unit.start / len(target)
            nearest = min(candidates, key=lambda u: abs(u.start / len(source) - place))
            found.append(Replacement(_merged_around(nearest, lost, source), unit))
    return tuple(found)


def unmatched_names(
    source: str, target: str, source_lang: str, target_lang: str, need_lost: bool = True
) -> tuple[list[Unit], list[Unit]]:
    """(source names that lost a counterpart, target names and title runs with none).

    With ``need_lost`` the target is not read when no source name is lost.
    """
    if not source.strip() or not target.strip():
        return [], []
    forward, backward = lexicon(source_lang, target_lang), lexicon(target_lang, source_lang)
    if forward is None or backward is None:
        return [], []
    if _shouting(source) or _shouting(target):
        return [], []
    lower = _lowercase_words(source_lang)
    if need_lost and not _worth_analysing(source, target, source_lang, target_lang, lower):
        return [], []
    # Analysed once a side and not memoised: this runs by default on every article.
    analysed_source = forward.words([source], keep=False)[source]
    src_units = [u for u in _units(source, source_lang, analysed_source, lower) if u.kind in ("name", "word")]
    if not src_units and need_lost:
        return [], []
    analysed_target = backward.words([target], keep=False)[target]
    src_words = {w.start: w for w in analysed_source}
    tgt = _Side(target, target_lang, analysed_target)
    src_mentions = gz.gazetteer(source_lang).mentions(source)
    occurrences = Counter(fold(u.text) for u in src_units)
    lost: list[Unit] = []
    seen: set[str] = set()
    for unit in src_units:
        key = fold(unit.text)
        if key in seen:
            continue
        seen.add(key)
        forms = _forms(unit, src_words, forward)
        places = _place_of(unit, src_mentions)
        if not _present(unit, forms, tgt, places):
            if not (unit.acronym and _glossed(unit, source)):
                lost.append(unit)
        elif occurrences[key] > 1 and not unit.acronym and 0 < tgt.count_close(forms, key) < occurrences[key]:
            lost.append(unit)
    if not lost and need_lost:
        return [], []
    src = _Side(source, source_lang, analysed_source)
    tgt_words = {w.start: w for w in analysed_target}
    tgt_mentions = gz.gazetteer(target_lang).mentions(target)
    new: list[Unit] = []
    for unit in _units(target, target_lang, analysed_target):
        forms = _forms(unit, tgt_words, backward)
        if unit.kind == "title":
            inside = [w for s, w in tgt_words.items() if unit.start <= s < unit.end]
            parts = [Unit(w.start, w.end, w.text, "title") for w in inside]
            if any(src.has_lemma(_forms(part, tgt_words, backward)) for part in parts):
                continue
        elif _present(unit, forms, src, _place_of(unit, tgt_mentions)):
            continue
        new.append(unit)
    if not new:
        return lost, []
    return _unrespelled(lost, new, source, target, source_lang)


#: Closest-match ratio (0–100, rapidfuzz, folded) from which a lost and a new name
#: are one name spelled two ways ("Meguiar" / "McGuire" 57, "Elíseos" / "Elysées" 57)
#: rather than two names ("Kowalczyk" / "Kenneth" 25, "Maslow" / "Berardi" 15).
RESPELLED = 50.0


def respelled(old: str, new: str) -> bool:
    """One name spelled two ways: close (ratio ≥ 70), or of one initial and length and ratio ≥ 50."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(old, new)
    if score >= CLOSE:
        return True
    return (
        score >= RESPELLED
        and old[:1] == new[:1]
        and min(len(old), len(new)) >= MIN_RESPELLED
        and abs(len(old) - len(new)) <= 2
    )


#: Shorter words share an initial and half their letters by chance ("Kari" / "Kim").
MIN_RESPELLED = 5


#: Ratio from which two spellings are one name whatever their initials ("Knagglig" /
#: "Nagle" 62, "Neal" / "Neill" 67: a translator correcting a transcript).
CLOSE = 60.0


def _unrespelled(
    lost: list[Unit], new: list[Unit], source: str, target: str, source_lang: str
) -> tuple[list[Unit], list[Unit]]:
    """Lost and new names left once respellings and translated acronyms are paired off.

    Names are compared as runs of neighbouring names ("Nacional Erofei" /
    "Nasiru El-Rufai": one word respelled makes the run the same name). A
    translator respells or corrects a name keeping most of its letters and its
    initial ("Meguiar" / "McGuire"); an acronym is translated into another
    ("SLA" / "ANS", "IA" / "AI") or spelled out in capitalized words with its
    initials, on either side ("NSW" / "Nueva Gales del Sur", "Nueva Gales del Sur"
    / "NSW"); a name made of ordinary words is translated into title words
    ("Vía Láctea" / "Milky Way"). Each such pair is TA530's or nobody's, not a
    replacement. Pairs are made one to one.
    """
    lost_runs, new_runs = _merged(lost, source), _merged(new, target)
    pairs: list[tuple[int, Unit, Unit]] = []
    for old in lost_runs:
        keys = _whole(old, source)
        for unit in new_runs:
            others = _whole(unit, target)
            if old.acronym and unit.acronym:
                pairs.append((0, old, unit))
            elif old.acronym and _spelled_out(old.text, unit, target):
                pairs.append((1, old, unit))
            elif unit.acronym and _spelled_out(unit.text, old, source):
                pairs.append((1, old, unit))
            elif any(respelled(a, b) for a in keys for b in others):
                pairs.append((2, old, unit))
            elif unit.kind == "title" and _descriptive(old, source_lang):
                pairs.append((3, old, unit))
    paired_lost: set[Unit] = set()
    paired_new: set[Unit] = set()
    for kind, old, unit in sorted(pairs, key=lambda p: p[0]):
        # An acronym written twice may be spelled out twice; a name is respelled once.
        if (kind < 2 or old not in paired_lost) and unit not in paired_new:
            paired_lost.add(old)
            paired_new.add(unit)
    return (
        [u for u in lost if not any(p.start <= u.start < p.end for p in paired_lost)],
        [u for u in new if not any(p.start <= u.start < p.end for p in paired_new)],
    )


def _glossed(unit: Unit, text: str) -> bool:
    """An acronym in brackets after the capitalized words it abbreviates ("the
    Accountant-General (AG)"): a gloss the translation may leave out, keeping the
    words ("el Contador General"), whose own counterparts are judged."""
    if text[unit.start - 1 : unit.start] != "(":
        return False
    # The words before the bracket, read backwards: capitalized ones give initials, short
    # lower-case ones link them ("Secretary of State"), anything else ends the name.
    initials: set[str] = set()
    for word in reversed(re.findall(r"[^\W\d_]+|[^\s\-]", text[max(0, unit.start - 100) : unit.start - 1])):
        if word[:1].isupper():
            initials.add(word[0])
        elif not (word.isalpha() and len(word) <= 3 and initials):
            break
    letters = {ch for ch in unit.text if ch.isupper()}
    return len(letters & initials) >= min(2, len(letters))


def _descriptive(unit: Unit, lang: str) -> bool:
    """A name made (in part) of its language's ordinary words ("Vía Láctea", "Casa Blanca"),
    which translators translate: a run of title words may be that translation ("Milky Way")."""
    return any(words.common_word(part, lang) for part in re.findall(r"\w+", unit.text) if len(part) > 1)


def _spelled_out(acronym: str, unit: Unit, text: str) -> bool:
    """Whether the capitalized words around ``unit`` may spell the acronym out.

    A spelled-out name in another language keeps some of the acronym's initials,
    not their order ("NSW" / "Nueva Gales del Sur": N and S; "OMS" / "World Health
    Organization": O): the run of capitalized words (linked by short lower-case
    words) holding ``unit`` must have two of the acronym's capitals as initials
    (one, for a two-letter acronym).
    """
    letters = {ch for ch in acronym if ch.isupper()}
    start, end = unit.start, unit.end
    while (match := _BEFORE.search(text[:start])) is not None:
        start = match.start()
    while (match := _AFTER.match(text, end)) is not None:
        end = match.end()
    initials = {w[0] for w in re.findall(r"[\w\-]+", text[start:end]) if w[:1].isupper()}
    return len(letters & initials) >= min(2, len(letters))


#: Lower-case words allowed inside a spelled-out name ("de", "del", "of", "and").
_LINK = r"\s+(?:[^\W\d_A-ZÀ-ÖØ-Þ]{1,3}\s+)*"
_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w\-]*)" + _LINK + r"$")
_AFTER = re.compile(_LINK + r"([A-ZÀ-ÖØ-Þ][\w\-]*)")


def _whole(unit: Unit, text: str) -> list[str]:
    """The folded words of the unit, and of the hyphenated tokens it is part of joined ("elrufai")."""
    start, end = unit.start, unit.end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    keys = fold(unit.text).replace("-", " ").split()
    joined = [re.sub(r"[-'’]", "", token) for token in fold(text[start:end]).split() if len(token) > 1]
    return list(dict.fromkeys([*keys, *joined]))


def _merged(units: list[Unit], text: str) -> list[Unit]:
    """Neighbouring units (only spaces between) as one: "Thiago" "Silva" → "Thiago Silva"."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and text[last.end : unit.start].isspace():
            kind = "name" if "name" in (last.kind, unit.kind) else "title"
            acronym = last.acronym and unit.acronym
            out[-1] = Unit(last.start, unit.end, text[last.start : unit.end], kind, acronym)
        else:
            out.append(unit)
    return out


def _merged_around(unit: Unit, units: list[Unit], text: str) -> Unit:
    """The run of neighbouring units that holds ``unit``."""
    return next(u for u in _merged(units, text) if u.start <= unit.start < u.end)
