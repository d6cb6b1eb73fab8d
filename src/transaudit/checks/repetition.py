"""Repetition: words and phrases machine translation doubled by mistake.

Four shapes, one scan: a word twice in a row (TA101), a phrase twice in a row
(TA102), a word or phrase coordinated with itself ("problems and problems",
TA103) and a loop, a unit repeated three or more times (TA104). The scan runs
once per target text (cached), and each check picks its own shape, so the
catalogue pays for one tokenisation however many of these checks are on.

Legitimate reduplication ("had had", "more and more", "poco a poco") is data:
``data/repetition/<lang>.toml`` lists it per language. A repetition the source
has too ("Walla Walla", "Baden Baden") is faithful and stays silent. "X and X"
is reported only when the second copy closes the phrase (punctuation or a
function word follows; the function words are ``lowercase_words`` of
``data/capitalization/<lang>.toml``), because "metro y metro ligero" and
"paper and paper beats rock" are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise
from operator import eq
from typing import ClassVar

from transaudit.analysis.lexicon import capitalises_nouns
from transaudit.analysis.resources import LanguageResources, resolve
from transaudit.analysis.text import WORD_RE, fold
from transaudit.analysis.tokens import word_view
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need, Option
from transaudit.memo import SOURCE_CACHE, lasting, text_cache
from transaudit.model import Category, Segment, Severity

#: Longest unit (in words) a doubled phrase or loop may have. Machine
#: translation loops are short ("of the country of the country"); each extra
#: word costs the C-level hint about a fifth more time on every segment.
MAX_UNIT = 4
#: Longest conjunct (in words) of a self-coordination.
MAX_CONJUNCT = 3


@dataclass(frozen=True)
class Repeat:
    """One repetition found in a text: its shape, span and repeated unit."""

    kind: str  # "word" | "phrase" | "coordination" | "loop"
    start: int
    end: int
    unit: str
    count: int
    #: The copies are separated by commas ("the rim, the rim, the rim").
    separated: bool = False
    #: Both copies capitalized in a language that capitalizes nouns ("Häfen und Häfen").
    capitalized: bool = False


@dataclass(frozen=True)
class _LangData:
    doubled_ok: frozenset[str]
    loop_ok: frozenset[str]
    coordinators: frozenset[str]
    coordination_ok: frozenset[str]
    coordination_ok_re: re.Pattern[str] | None
    #: Words that may follow "X and X" (prepositions, articles…); empty: only punctuation may.
    function_words: frozenset[str]
    #: " and ", " or "…: what :func:`_coordination_hints` looks for (the spaces are not consumed).
    needles: re.Pattern[str] | None
    #: Endings of finite verbs (``finite_verb_endings``): "X and X" followed by a verb
    #: ("the reforms and reforms were/passed …") is the subject repeated, not a compound.
    verb_endings: tuple[str, ...] = ()
    #: The language capitalizes every noun (German, read from its dictionary by
    #: :func:`transaudit.analysis.lexicon.capitalises_nouns`): two capitalized copies
    #: are a name only if the source writes it too.
    nouns_capitalized: bool = False
    #: Articles (``determiners``): a conjunct that starts with one is a whole noun phrase.
    determiners: frozenset[str] = frozenset()


#: One C-level pass that every word, phrase or loop repeat the scan can find
#: must match: a word then itself (doubled words, loops, "ft) ft)"), or a word
#: pair seen again within MAX_UNIT words (doubled phrases, phrase loops).
#: Possessive, so failed attempts never backtrack; "don’t" is two hint words,
#: which only makes the hint looser. Most texts fail it and skip the Python scan.
_REPEAT_HINT = re.compile(
    rf"\b(\w++)\W++(?:\1\b|(\w++)\W++(?:\w++\W++){{0,{MAX_UNIT - 2}}}?\1\W++\2\b)", re.IGNORECASE
)


def _may_repeat(text: str) -> bool:
    """Can :data:`_REPEAT_HINT` match ``text``? Answered from the shared word view at C speed.

    The hint's words are whole ``\\w+`` runs compared as ``re.IGNORECASE`` does
    (:attr:`~transaudit.analysis.tokens.WordView.lowered`): it matches exactly when
    a run equals the next one, or a pair of runs comes again 2 to :data:`MAX_UNIT`
    runs on. Nine texts in ten have neither and skip the regex; a text whose case
    mapping is irregular (no ``lowered`` view) is left to the regex.
    """
    low = word_view(text).lowered
    if low is None:
        return True
    if any(map(eq, low, islice(low, 1, None))):
        return True
    pairs = list(zip(low, islice(low, 1, None), strict=False))
    return any(any(map(eq, pairs, islice(pairs, lag, None))) for lag in range(2, MAX_UNIT + 1))


def _coordination_hints(text: str, needles: re.Pattern[str] | None) -> Iterator[tuple[int, int]]:
    """Windows around each " and " whose left word recurs just after it."""
    if needles is None:
        return
    for match in needles.finditer(text):
        index, after = match.start() - 1, match.end() + 1
        left_start = text.rfind(" ", 0, index) + 1
        word = text[left_start:index]
        reach = after + (len(word) + 12) * MAX_CONJUNCT
        if word and (text.find(word, after, reach) >= 0 or text.find(word.lower(), after, reach) >= 0):
            start = left_start
            for _ in range(MAX_CONJUNCT - 1):
                start = text.rfind(" ", 0, max(start - 1, 0)) + 1
            yield start, min(len(text), reach)


def _lang_data(lang: LanguageResources) -> _LangData:
    """The language's repetition exceptions and coordinators, built once per language (``lang.part``)."""
    raw = lang.family("repetition")
    patterns = [p for p in raw.get("coordination_ok_patterns", []) if p]
    return _LangData(
        doubled_ok=frozenset(w.casefold() for w in raw.get("doubled_ok", [])),
        loop_ok=frozenset(w.casefold() for w in raw.get("loop_ok", [])),
        coordinators=frozenset(w.casefold() for w in raw.get("coordinators", [])),
        coordination_ok=frozenset(w.casefold() for w in raw.get("coordination_ok", [])),
        coordination_ok_re=re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None,
        function_words=frozenset(
            w.casefold() for w in lang.family("capitalization").get("lowercase_words", [])
        ),
        needles=_needles(raw.get("coordinators", [])),
        verb_endings=tuple(str(e).casefold() for e in raw.get("finite_verb_endings", [])),
        nouns_capitalized=capitalises_nouns(lang.lang),
        determiners=frozenset(w.casefold() for w in raw.get("determiners", [])),
    )


def _needles(coordinators: list[str]) -> re.Pattern[str] | None:
    if not coordinators:
        return None
    words = "|".join(re.escape(w) for w in sorted(coordinators, key=len, reverse=True))
    return re.compile(f"(?<= )(?:{words})(?= )")


def _is_space(gap: str) -> bool:
    return bool(gap) and gap.isspace()


def _is_loop_gap(gap: str) -> bool:
    """Between copies of a looping unit: spaces, or a comma and spaces."""
    return _is_space(gap) or (gap.startswith(",") and (len(gap) == 1 or gap[1:].isspace()))


_BREAKS = (". ", "? ", "! ", "\n")
#: How far past a hint the scan reads before it knows whether a loop goes on.
_LOOK_AHEAD = 120
#: A word or short phrase repeated after a comma, in any language: "rim, rim", "all right, all right".
_COMMA_REPEAT_RE = re.compile(r"\b(\w++(?:\s+\w++){0,3}),\s+\1\b", re.IGNORECASE)


@text_cache(4096)
def scan(text: str, lang: str | LanguageResources) -> tuple[Repeat, ...]:
    """Every repetition in ``text`` (target language ``lang``), left to right.

    Cached: a pure function of the text and the language's resources, asked by four checks.

    Cheap hints find the candidates; only the text from a repeat hint to the end
    of its sentence, or a few words around a suspicious " and ", is tokenised
    and scanned in Python.
    """
    if not text:
        return ()
    lang_data = resolve(lang).part(_lang_data)
    found: list[Repeat] = []
    covered = 0
    for hint in _REPEAT_HINT.finditer(text) if _may_repeat(text) else ():
        if hint.start() < covered:
            continue
        ends = [i for i in (text.find(b, hint.end()) for b in _BREAKS) if i >= 0]
        sentence_end = min(ends) + 1 if ends else len(text)
        covered = min(sentence_end, hint.end() + _LOOK_AHEAD)
        repeats = _repeats(text, hint.start(), covered, hint.end(), lang_data)
        if covered < sentence_end and any(r.end > covered - _LOOK_AHEAD // 2 for r in repeats):
            covered = sentence_end  # a long loop: follow it to the end of its sentence
            repeats = _repeats(text, hint.start(), covered, hint.end(), lang_data)
        found.extend(repeats)
    for start, end in _coordination_hints(text, lang_data.needles):
        for repeat in _coordinations(text, start, end, lang_data):
            if not any(r.start < repeat.end and repeat.start < r.end for r in found):
                found.append(repeat)  # once, and not inside a loop or doubled phrase
    if len(found) > 1:
        found.sort(key=lambda r: r.start)
    return tuple(found)


def _tokens(text: str, start: int, end: int) -> tuple[list[re.Match[str]], list[str], list[str]]:
    matches = list(WORD_RE.finditer(text, start, end))
    folded = [m.group().casefold() for m in matches]
    gaps = [text[a.end() : b.start()] for a, b in pairwise(matches)]
    return matches, folded, gaps


def _repeats(text: str, start: int, end: int, hint_end: int, lang_data: _LangData) -> list[Repeat]:
    """Word and phrase repeats and loops in text[start:end] (start is a hint's start)."""
    matches, folded, gaps = _tokens(text, start, end)
    found: list[Repeat] = []
    # Candidate starts: a word whose next occurrence is at most MAX_UNIT words on.
    last_seen: dict[str, int] = {}
    candidates: list[tuple[int, int]] = []
    for j, word in enumerate(folded):
        i = last_seen.get(word)
        if i is not None and j - i <= MAX_UNIT:
            candidates.append((i, j - i))
        last_seen[word] = j
    candidates.sort()
    covered_until = -1
    for i, size in candidates:
        if i <= covered_until:
            continue
        repeat = _repeat_at(text, matches, folded, gaps, i, size, lang_data)
        if repeat is not None:
            found.append(repeat)
            covered_until = i + size * repeat.count - 1
    if not found:
        found.extend(_doubled_chunks(text, start, min(end, hint_end + 20), found))
    return found


_CHUNK_RE = re.compile(r"\S+")
_CLAUSE_PUNCTUATION = frozenset(".,;:!?…¿¡")


def _doubled_chunks(text: str, start: int, end: int, found: list[Repeat]) -> Iterator[Repeat]:
    """A word doubled with its punctuation ("(328 ft) ft)"), which the word scan misses.

    Only chunks with punctuation are looked at (plain words are the scan's job),
    and not those with clause punctuation: "No. No." and "Sí, sí," are speech.
    """
    chunks = list(_CHUNK_RE.finditer(text, start, end))
    for first, second in pairwise(chunks):
        chunk = first.group()
        if chunk != second.group().rstrip(".,;:!?…") or chunk.isalnum():
            continue
        if not any(c.isalpha() for c in chunk):
            continue
        if any(c in _CLAUSE_PUNCTUATION for c in chunk):
            continue
        if not text[first.end() : second.start()].isspace():
            continue
        end = second.start() + len(chunk)
        if any(r.start < end and first.start() < r.end for r in found):
            continue
        yield Repeat("word", first.start(), end, chunk, 2)


def _acronym_and_word(first: str, second: str) -> bool:
    """One copy is an acronym, the other a word: "DE de", "US us"."""
    return len(first) > 1 and first.isupper() != second.isupper()


#: What follows a transcribed stutter ("la la…", "the the—").
_HESITATION = ("…", "...", "-", "—", "–")


def _primitive(unit: list[str]) -> bool:
    """A unit that is not itself a smaller unit repeated ("the the" is not)."""
    size = len(unit)
    return not any(size % p == 0 and unit == unit[:p] * (size // p) for p in range(1, size))


def _repeat_at(
    text: str,
    matches: list[re.Match[str]],
    folded: list[str],
    gaps: list[str],
    i: int,
    size: int,
    lang_data: _LangData,
) -> Repeat | None:
    unit = folded[i : i + size]
    if not _primitive(unit):
        return None
    count = 1
    while folded[i + count * size : i + (count + 1) * size] == unit:
        count += 1
    if count < 2:
        return None
    # Gaps between the copies decide whether this is a stutter or prose.
    joints = [gaps[i + k * size - 1] for k in range(1, count)]
    if count == 2 and not _is_space(joints[0]):
        return None
    if count >= 3 and not all(_is_loop_gap(g) for g in joints):
        # The first two copies might still be a plain doubling.
        if not _is_space(joints[0]):
            return None
        count = 2
    start = matches[i].start()
    end = matches[i + count * size - 1].end()
    unit_text = text[start : matches[i + size - 1].end()]
    if size == 1:
        word = unit[0]
        if count == 2 and (word in lang_data.doubled_ok or (len(word) == 1 and word.isdigit())):
            return None
        if count == 2 and text.startswith(_HESITATION, end):
            return None  # "de la la… del borde": transcribed hesitation
        if count == 2 and _acronym_and_word(matches[i].group(), matches[i + 1].group()):
            return None  # "DE de 3 años" (DE: desviación estándar)
        if count >= 3 and word in lang_data.loop_ok:
            return None
    kind = "loop" if count >= 3 else ("word" if size == 1 else "phrase")
    return Repeat(kind, start, end, unit_text, count, separated=any("," in g for g in joints))


def _coordinations(text: str, start: int, end: int, lang_data: _LangData) -> Iterator[Repeat]:
    """ "X and X" in text[start:end] for a conjunct X of up to MAX_CONJUNCT words, longest first."""
    matches, folded, gaps = _tokens(text, start, end)
    n = len(folded)
    for j in range(1, n - 1):
        if folded[j] not in lang_data.coordinators:
            continue
        if not (_is_space(gaps[j - 1]) and _is_space(gaps[j])):
            continue
        for size in range(min(MAX_CONJUNCT, j, n - 1 - j), 0, -1):
            left = folded[j - size : j]
            if left != folded[j + 1 : j + 1 + size]:
                continue
            if not all(_is_space(g) for g in gaps[j - size : j - 1] + gaps[j + 1 : j + size]):
                continue
            if _coordination_ok(left, matches[j - size].group(), matches[j + 1].group(), lang_data):
                break
            before = folded[j - size - 1] if j - size - 1 >= 0 else _word_before(text, matches[0].start())
            if j + size + 1 < n:
                after = folded[j + size + 1] if _is_space(gaps[j + size]) else None
            else:
                after = _word_after(text, matches[-1].end())
            if before is not None and before == after:
                break  # a chain, "scissors beat paper and paper beat rock"
            verb_follows = (
                after is not None and len(after) >= 4 and after.endswith(lang_data.verb_endings or ("\0",))
            )
            # An article makes each copy a whole noun phrase ("des réformes et des
            # réformes"): only a capitalised word after it (a name, a German genitive
            # noun) may still extend the second one.
            whole_phrase = size >= 2 and left[0] in lang_data.determiners
            closes = (
                after is None
                or after in lang_data.function_words
                or verb_follows
                or _elided(after)
                or (whole_phrase and not _capitalised_after(text, matches, j + size))
            )
            if not closes:
                # "metro y metro ligero", "oil and oil products", "paper and paper
                # beats rock": the second copy heads a compound or a new clause.
                break
            yield Repeat(
                "coordination",
                matches[j - size].start(),
                matches[j + size].end(),
                text[matches[j - size].start() : matches[j - 1].end()],
                2,
                capitalized=_both_capitalized(matches[j - size].group(), matches[j + 1].group()),
            )
            break


def _elided(word: str) -> bool:
    """A word glued to an elided function word ("l'an", "d'un", "dell'anno"): a new phrase starts."""
    head, apostrophe, rest = word.replace("’", "'").partition("'")
    return bool(apostrophe) and bool(rest) and len(head) <= 4


def _capitalised_after(text: str, matches: list[re.Match[str]], last: int) -> bool:
    """The word after the second copy is capitalised (a name, a German noun in the genitive)."""
    if last + 1 < len(matches):
        following = matches[last + 1]
        return text[matches[last].end() : following.start()].isspace() and following.group()[:1].isupper()
    match = WORD_RE.search(text, matches[-1].end(), matches[-1].end() + 40)
    return bool(match and text[matches[-1].end() : match.start()].isspace() and match.group()[:1].isupper())


def _word_before(text: str, index: int) -> str | None:
    """The word just before ``index`` (only spaces between), for the chain test."""
    found = list(WORD_RE.finditer(text, max(0, index - 40), index))
    if not found or not text[found[-1].end() : index].isspace():
        return None
    return found[-1].group().casefold()


def _word_after(text: str, index: int) -> str | None:
    """The word just after ``index`` (only spaces between)."""
    match = WORD_RE.search(text, index, index + 40)
    return match.group().casefold() if match and text[index : match.start()].isspace() else None


def _coordination_ok(conjunct: list[str], left_first: str, right_first: str, lang_data: _LangData) -> bool:
    phrase = " ".join(conjunct)
    if phrase in lang_data.coordination_ok or any(w.isdigit() for w in conjunct):
        return True
    # Both copies capitalised: a name such as "Johnson and Johnson" (where every noun is
    # capitalised, "Häfen und Häfen", the source decides: see _in_source).
    if _both_capitalized(left_first, right_first) and not lang_data.nouns_capitalized:
        return True
    pattern = lang_data.coordination_ok_re
    return bool(pattern and pattern.fullmatch(phrase))


def _both_capitalized(left_first: str, right_first: str) -> bool:
    return left_first[:1].isupper() and right_first[:1].isupper()


def _in_source(segment: Segment, repeat: Repeat, source_lang: LanguageResources,
               target_lang: LanguageResources) -> bool:
    """The source repeats the same words ("Walla Walla"), loops as often ("Whoa, whoa, whoa"),
    or coordinates a word with itself too ("de turismo y de turismo")."""
    if not segment.source:
        return False
    if repeat.kind == "coordination":
        # "Johnson und Johnson": a capitalised conjunct the source writes too is a name.
        if repeat.capitalized and f" {fold(repeat.unit)} " in f" {_folded_source(segment.source)} ":
            return True
        return _source_coordinates(segment, repeat, source_lang, target_lang)
    if repeat.kind == "loop":
        if any(r.kind == "loop" and r.count == repeat.count for r in scan(segment.source, source_lang)):
            return True
        if repeat.separated and _COMMA_REPEAT_RE.search(segment.source):
            return True  # "Okay, okay, okay!" → "Bien, bien, bien": speech, rendered faithfully
    copies = " ".join([fold(repeat.unit)] * min(repeat.count, 2))
    return copies in _folded_source(segment.source)


def _source_coordinates(segment: Segment, repeat: Repeat, source_lang: LanguageResources,
                        target_lang: LanguageResources) -> bool:
    """The source has this self-coordination too: copied faithfully, not the translator's artifact.

    The source's own text is scanned with the source language's rules (its idioms,
    "más y más", are not coordinations there). The same conjunct spelt alike
    ("turismo y turismo" -> "turismo e turismo") is the same coordination; across
    spellings ("turismo y turismo" -> "tourism and tourism") the words cannot be
    compared, so the n-th self-coordination of the target is excused when the
    source has at least n of them.
    """
    found = [r for r in scan(segment.source, source_lang) if r.kind == "coordination"]
    if not found:
        return False
    unit = fold(repeat.unit)
    if any(fold(r.unit) == unit for r in found):
        return True
    ours = [r.start for r in scan(segment.target, target_lang) if r.kind == "coordination"]
    return repeat.start in ours and ours.index(repeat.start) < len(found)


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _folded_source(source: str) -> str:
    """The source folded once per text, not once per repeat found in its target."""
    return fold(" ".join(source.split()))


class _RepetitionCheck(Check):
    """Shared plumbing: pick one shape from the cached scan of the target."""

    kind = ""
    category = Category.REPETITION

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for repeat in scan(segment.target, ctx.target):
            if repeat.kind != self.kind or _in_source(segment, repeat, ctx.source, ctx.target):
                continue
            yield self.finding(repeat)

    def finding(self, repeat: Repeat) -> Finding:
        raise NotImplementedError


class _DoubledCheck(_RepetitionCheck):
    """TA101 and TA102: the same word or phrase twice in a row, fixed by keeping one copy."""

    def finding(self, repeat: Repeat) -> Finding:
        return Finding(
            "target", repeat.start, repeat.end, f"'{repeat.unit}' is written twice", suggestion=repeat.unit
        )


@register
class DoubledWord(_DoubledCheck):
    """A word written twice in a row.

    Bad: "talks at the the summit" — Good: "talks at the summit".
    Legitimate reduplication listed in the target language's data
    (``data/repetition/<lang>.toml``, key ``doubled_ok``: "had had", "bye bye")
    stays silent, and so does a doubling the source has too.
    """

    code = "TA101"
    needs = (Need("repetition", optional=True),)
    name = "doubled-word"
    severity = Severity.MINOR
    kind = "word"


@register
class DoubledPhrase(_DoubledCheck):
    """A phrase of two to four words written twice in a row.

    Bad: "she arrived in the city in the city on Monday" — Good: "she arrived
    in the city on Monday". Only copies separated by plain spaces count.
    """

    code = "TA102"
    needs = (Need("repetition", optional=True),)
    name = "doubled-phrase"
    severity = Severity.MINOR
    kind = "phrase"


@register
class SelfCoordination(_RepetitionCheck):
    """A word or phrase coordinated with itself.

    Bad: "it can solve many problems and problems" / "problemas y problemas" —
    Good: "it can solve many problems". Idioms where the repetition is the point
    ("more and more", "again and again", "horas y horas") and verb shapes
    ("waited and waited") are listed per language (``coordination_ok``,
    ``coordination_ok_patterns``) and stay silent, as do names ("Johnson and
    Johnson") and a second copy that heads a compound or a clause ("oil and oil
    products", "paper and paper beats rock"), and a coordination the source has
    too ("de turismo y de turismo").
    """

    code = "TA103"
    needs = (Need("repetition"),)
    name = "self-coordination"
    severity = Severity.MINOR
    kind = "coordination"

    def finding(self, repeat: Repeat) -> Finding:
        return Finding(
            "target",
            repeat.start,
            repeat.end,
            f"'{repeat.unit}' is coordinated with itself",
            suggestion=repeat.unit,
        )


@register
class RepetitionLoop(_RepetitionCheck):
    """A word or phrase repeated three or more times in a row (a generation loop).

    Bad: "the the the talks" / "prices rose more more more more." — Good: "the
    talks" / "prices rose more." Expressive loops listed per language
    (``loop_ok``: "ha ha ha", "bla bla bla") stay silent. Minor, or major when
    the loop runs to ``major_words`` words (runaway generation).
    """

    code = "TA104"
    needs = (Need("repetition", optional=True),)
    name = "repetition-loop"
    severity = Severity.MINOR
    kind = "loop"
    options: ClassVar[tuple[Option, ...]] = (
        Option("major_words", int, 8,
               "a loop this many words long reads as runaway generation: major", minimum=1),
    )

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        major_words = int(ctx.options.get("major_words", 8))
        for finding in super().check_segment(segment, ctx):
            length = len(WORD_RE.findall(segment.target, finding.start, finding.end))
            if length >= major_words:
                finding = replace(finding, severity=Severity.MAJOR)
            yield finding

    def finding(self, repeat: Repeat) -> Finding:
        return Finding(
            "target",
            repeat.start,
            repeat.end,
            f"'{repeat.unit}' is repeated {repeat.count} times",
            suggestion=repeat.unit,
        )
