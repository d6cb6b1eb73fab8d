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
from functools import lru_cache

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
    return any(ch.isupper() for ch in text) and text[:1].isalnum()


def _is_name(word: Word, text: str, lang: str) -> str:
    """The kind of one analysed unit of ``text``: "name", "title" or "" (neither).

    A word opening a sentence is a name only when the analyser files it as a
    proper noun and as nothing else ("Larry", not "May"): an unknown word there
    may be any word the dictionary lacks ("Gruñendo", "Yisssss"). A word glued to
    digits is a unit of measure or a model ("2600mAh"), and a demonym describes
    ("German"): neither names.
    """
    surface = word.text
    if _letters(surface) < MIN_LETTERS or not _capitalized(surface):
        return ""
    if _GLUED.match(text[word.start - 1 : word.start]) or _GLUED.match(text[word.end : word.end + 1]):
        return ""
    readings = word.readings
    proper = [any(tag in r for tag in _NAME_TAGS) for r in readings]
    demonym = surface.casefold() in gz.gazetteer(lang).demonym_words
    if demonym or (any(proper) and any("<adj>" in r for r in readings)):
        # "German", "Chinese", "India" (indio/india): a name only where the gazetteer names a place.
        places = gz.gazetteer(lang).mentions(text)
        if not any(m.start <= word.start < m.end and m.kind != gz.DEMONYM for m in places):
            return ""
    opening = starts_sentence(text, word.start)
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


#: A neighbouring character that makes a word part of a longer token ("2600mAh", "RobDog_747").
_GLUED = re.compile(r"[\w]")


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


def _units(text: str, lang: str, analyser: Lexicon) -> list[Unit]:
    """The names and title-word runs of a text, in order."""
    analysed = analyser.words([text])[text]
    units: list[Unit] = []
    run: list[Word] = []

    def close() -> None:
        if len(run) >= MIN_TITLE_RUN:
            start, end = run[0].start, run[-1].end
            units.append(Unit(start, end, text[start:end], "title"))
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


def _phrase_count(phrase: str, folded: str) -> int:
    if not phrase:
        return 0
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded))


class _Side:
    """One side's text, folded, with its dictionary forms, for counterpart look-ups."""

    def __init__(self, text: str, lang: str, analyser: Lexicon | None) -> None:
        self.text = text
        self.folded = fold(text)
        self.lang = lang
        lemmas: set[str] = set()
        if analyser is not None:
            for word in analyser.words([text])[text]:
                lemmas |= word.lemmas
        self.lemmas = frozenset(lemmas)
        self.places = {
            (m.kind, m.entity) for m in gz.gazetteer(lang).mentions(text) if m.kind != gz.DEMONYM
        } | {("country", m.country) for m in gz.gazetteer(lang).mentions(text) if m.country}

    def count(self, forms: frozenset[str]) -> int:
        """Occurrences of the most frequent of these folded forms."""
        return max((_phrase_count(f, self.folded) for f in forms), default=0)

    def has_lemma(self, forms: frozenset[str]) -> bool:
        return any(f in self.lemmas or _phrase_count(f, self.folded) for f in forms)


def _forms(unit: Unit, analysed: dict[int, Word], bilingual: Lexicon | None) -> frozenset[str]:
    """The unit's folded spelling and, when a dictionary translates it, its translations."""
    forms = {fold(unit.text)}
    word = analysed.get(unit.start)
    if bilingual is not None and word is not None and word.readings:
        forms |= bilingual.translations(word)
    return frozenset(f for f in forms if f)


def _place_of(unit: Unit, mentions: tuple[gz.Mention, ...]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for m in mentions:
        if m.start < unit.end and unit.start < m.end and m.kind != gz.DEMONYM:
            found.add((m.kind, m.entity))
            if m.country:
                found.add(("country", m.country))
    return found


def _present(unit: Unit, forms: frozenset[str], other: _Side, places: set[tuple[str, str]]) -> bool:
    """Whether the other side holds the unit in any form (one occurrence is enough)."""
    if unit.acronym and unit.text in other.text:
        return True  # case kept: "HTML" is not in "page.html"
    if places and places & other.places:
        return True
    if other.count(forms - {fold(unit.text)} if unit.acronym else forms):
        return True
    if unit.kind == "title" or unit.acronym:
        return False
    if "-" in unit.text and other.count(frozenset({fold(unit.text).replace("-", "")})):
        return True  # "Wi-Fi" / "WiFi"
    return all(similar_token(part, other.text) for part in re.findall(r"\w+", unit.text) if len(part) > 1)


@lru_cache(maxsize=1024)
def replaced_names(source: str, target: str, source_lang: str, target_lang: str) -> tuple[Replacement, ...]:
    """Target names with no counterpart in the source standing where a source name lost its own.

    Empty unless a source name has fewer counterparts in the target than
    occurrences in the source, *and* a target name or title run has no
    counterpart in the source, once respellings and translated or spelled-out
    acronyms are paired off (:func:`_unrespelled`); a lost acronym is replaced
    only by a name, not by a run of title words (a description of it). Without
    an analyser and a bilingual dictionary for the pair nothing is judged.
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
    src_units = [u for u in _units(source, source_lang, forward) if u.kind == "name"]
    if not src_units and need_lost:
        return [], []
    src_words = {w.start: w for w in forward.words([source])[source]}
    tgt = _Side(target, target_lang, backward)
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
            lost.append(unit)
        elif occurrences[key] > 1 and not unit.acronym and 0 < tgt.count(forms) < occurrences[key]:
            lost.append(unit)
    if not lost and need_lost:
        return [], []
    src = _Side(source, source_lang, forward)
    tgt_words = {w.start: w for w in backward.words([target])[target]}
    tgt_mentions = gz.gazetteer(target_lang).mentions(target)
    new: list[Unit] = []
    for unit in _units(target, target_lang, backward):
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
    return _unrespelled(lost, new, source, target)


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
    lost: list[Unit], new: list[Unit], source: str, target: str
) -> tuple[list[Unit], list[Unit]]:
    """Lost and new names left once respellings and translated acronyms are paired off.

    Names are compared as runs of neighbouring names ("Nacional Erofei" /
    "Nasiru El-Rufai": one word respelled makes the run the same name). A
    translator respells or corrects a name keeping most of its letters and its
    initial ("Meguiar" / "McGuire"); an acronym is translated into another
    ("SLA" / "ANS", "IA" / "AI") or spelled out in as many capitalized words as it
    has letters ("NSW" / "Nueva Gales del Sur"). Each such pair is TA530's or
    nobody's, not a replacement. Pairs are made one to one.
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
            elif any(respelled(a, b) for a in keys for b in others):
                pairs.append((2, old, unit))
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
    joined = re.sub(r"[-'’\s]", "", fold(text[start:end]))
    return [*keys, joined]


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
