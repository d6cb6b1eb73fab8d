"""Numbers and dates as written in one language, and matched across two.

Each side's numbers are read with that language's conventions
(``data/numbers/<lang>.toml``: decimal and group marks, number words, scale
words, month names; plus the CLDR symbols via Babel), so "2.500" in Spanish
equals "2,500" in English and "3.400 millones" equals "3.4 billion". A number is
compared by the set of values it may mean: an ambiguous "1,400" in Spanish
(Spain: 1.4, Mexico: 1400) matches either reading, which costs little recall and
saves false alarms. No findings here: ``checks/numbers.py`` turns a
:class:`Comparison` into issues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from transaudit.analysis.resources import LanguageResources, resolve
from transaudit.analysis.tokens import word_view
from transaudit.memo import SOURCE_CACHE, lasting

Value = Decimal | tuple[Any, ...]

#: Stretches whose digits belong to no number a reader sees (links, handles).
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+")
_TIME_RE = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
#: Two to seven Roman capitals standing as a word (``\b[MDCLXVI]{2,7}\b``), written to
#: open with the letters so the regex engine skips ahead to them instead of trying
#: every position; the look-behind after the first letter is the leading ``\b``.
_ROMAN_CANDIDATE_RE = re.compile(r"[MDCLXVI](?<!\w[MDCLXVI])[MDCLXVI]{1,6}(?!\w)")
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_DECADE_RE = re.compile(r"['’]?s\b")
_NON_DIGIT_SPLIT_RE = re.compile(r"(\D)")
#: Marks that may separate decimals somewhere ("1·89" in British scientific text).
_DECIMAL_MARKS = ".,·"
_RANGE_START_RE = re.compile(r"(\d\d)\d\d\s?[-–/]\s?$")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: Letters an inflection may add to a decade word's stem ("octogenari" + "as").
_DECADE_ENDING = 3
_DIGIT_RE = re.compile(r"\d")


def _word_after_number(words: Iterable[str]) -> re.Pattern[str] | None:
    """One of ``words`` (a scale word or a unit) right after a number, longest first so
    "km²" wins over "km"; None when the language has none."""
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"[ \u00a0]?(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """One number as written on one side, with every value it may mean."""

    start: int
    end: int
    text: str
    #: Values under this language's conventions.
    values: frozenset[Value]
    #: Values times the scale word that follows ("3.4 billion"), if any.
    scaled: frozenset[Value]
    #: Values under any convention, to tell a wrong format from a wrong number.
    loose: frozenset[Value]
    #: "digit", "word", "month" or "roman".
    kind: str
    #: Whether the mention may be reported at all (idiomatic words may not).
    reportable: bool = True
    #: Unit written after the number, as (dimension, size in SI units).
    unit: tuple[str, float] | None = None

    def all_values(self) -> frozenset[Value]:
        return self.values | self.scaled


def _matches(a: Mention, b: Mention) -> bool:
    """Same number? Two scaled numbers must agree after scaling (billion ≠ billón)."""
    if a.scaled and b.scaled:
        return bool(a.scaled & b.scaled)
    return bool(a.all_values() & b.all_values())


def _loose_match(a: Mention, b: Mention) -> bool:
    """Same number under some other convention ("2.500" read the Spanish way)?"""
    if a.scaled and b.scaled:
        return False  # a different scale word is a different number, not a format
    return bool((a.loose | a.scaled) & b.all_values())


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


class Locale:
    """A language's number conventions, compiled once from its data file."""

    def __init__(self, lang: str, raw: Mapping[str, Any]) -> None:
        self.lang = lang
        decimal, group = _cldr_symbols(lang)
        self.decimal = tuple(dict.fromkeys([*raw.get("decimal", [".", ","]), *decimal]))
        self.group = tuple(dict.fromkeys([*raw.get("group", [",", ".", "\u00a0", "\u202f"]), *group]))
        self.three_digits: dict[str, str] = dict(raw.get("three_digits", {}))
        self.words = {str(k).casefold(): Decimal(str(v)) for k, v in raw.get("words", {}).items()}
        self.scales = {str(k).casefold(): Decimal(str(v)) for k, v in raw.get("scales", {}).items()}
        self.months = {str(k).casefold(): int(v) for k, v in raw.get("months", {}).items()}
        #: Stems of words naming a person's age by its decade ("octogenari" → 80).
        self.decades = {str(k).casefold(): int(v) for k, v in raw.get("decades", {}).items()}
        stems = "|".join(re.escape(stem) for stem in sorted(self.decades, key=len, reverse=True))
        #: A whole word made of a decade stem and up to three letters of inflection.
        word = rf"(?<![^\W\d_])({stems})[^\W\d_]{{0,{_DECADE_ENDING}}}(?![^\W\d_])"
        self.decade_re = re.compile(word) if stems else None
        self.idiomatic = {str(w).casefold() for w in raw.get("idiomatic", [])}
        self.month_title = raw.get("month_case") == "title"
        self.long_months = tuple(m for m in self.months if len(m) >= 4)
        # Short names ("may", "mai") are looked for as whole words: as substrings
        # they would match inside every "mayor" and "maintain".
        short = sorted(m for m in self.months if len(m) < 4)
        self.short_months = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, short)) + r")(?!\w)") if short else None
        )
        seps = "".join(sorted(set(self.decimal) | set(self.group) | set(_DECIMAL_MARKS)))
        # Starts with \d so the regex engine can skip ahead to digits.
        # Thousands grouped by a space, a no-break space or a narrow one ("20 000",
        # SI style and French/Spanish typography) come first: only groups of three.
        # The first digit is taken out of both alternatives ("\d{1,3}…|\d+…" reads
        # "\d(?:\d{0,2}…|\d*…)", tried in the same order), so the pattern opens with a
        # digit and the regex engine skips ahead to digits instead of trying every position.
        self.number_re = re.compile(
            rf"\d(?:\d{{0,2}}(?:{_SPACE_GROUP}\d{{3}})+(?![\d{re.escape(seps)}]\d)|\d*(?:[{re.escape(seps)}]\d+)*)"
        )
        self.scale_re = _word_after_number(self.scales)
        after_noon = [re.escape(w) for w in raw.get("after_noon", [])]
        self.pm_re = re.compile(r"\s?(?:" + "|".join(after_noon) + r")(?!\w)", re.I) if after_noon else None
        hour_marks = [re.escape(w) for w in raw.get("hour_marks", [])]
        self.hour_re = re.compile(r"\s?(?:" + "|".join(hour_marks) + r")(?!\w)", re.I) if hour_marks else None
        self.units = {str(k).casefold(): (str(v[0]), float(v[1])) for k, v in raw.get("units", {}).items()}
        self.unit_re = _word_after_number(self.units)
        long_scales = {w for w in self.scales if len(w) >= 4}
        #: Every word that may be (part of) a number; runs of them are joined by
        #: spaces, hyphens or a connector ("twenty-five", "treinta y cinco").
        self.vocab = frozenset(self.words) | long_scales | frozenset(self.months)
        self.connectors = frozenset(str(c).casefold() for c in raw.get("connectors", []))
        #: Number words that may be reported (not idiomatic), and months.
        self.strong = frozenset(
            w
            for w in self.vocab
            if w not in self.idiomatic and (w in self.months or self.words.get(w, 2) >= 2)
        )

    # -- digits ---------------------------------------------------------
    def interpret(self, raw: str) -> tuple[set[Decimal], set[Decimal]]:
        """Values of a digit string: (under this language, under any convention)."""
        parts = _NON_DIGIT_SPLIT_RE.split(raw)
        digits, seps = parts[0::2], parts[1::2]
        if not seps:
            value = _dec(raw)
            return ({value}, {value}) if value is not None else (set(), set())
        strict: set[Decimal] = set()  # allowed here and by the three-digit rule
        allowed: set[Decimal] = set()  # allowed here, whatever the three-digit rule says
        loose: set[Decimal] = set()  # under any convention
        # All separators grouping thousands: "2.500.000", "2,500" (never "0,001").
        if (
            len(set(seps)) == 1
            and 1 <= len(digits[0]) <= 3
            and not digits[0].startswith("0")
            and all(len(d) == 3 for d in digits[1:])
        ):
            value = _dec("".join(digits))
            sep = seps[0]
            if value is not None:
                loose.add(value)
                rule = self.three_digits.get(sep, "both") if len(seps) == 1 else "group"
                if sep in self.group:
                    allowed.add(value)
                    if rule in ("group", "both"):
                        strict.add(value)
        # The last separator a decimal mark: "2,5", "1.234,56", "1,234.56", "1·89".
        last = seps[-1]
        head_seps = set(seps[:-1])
        if (
            last in _DECIMAL_MARKS
            and (
                not head_seps
                or (len(head_seps) == 1 and last not in head_seps and all(len(d) == 3 for d in digits[1:-1]))
            )
            and 1 <= len(digits[0]) <= (3 if head_seps else 20)
        ):
            value = _dec("".join(digits[:-1]) + "." + digits[-1])
            if value is not None:
                loose.add(value)
                rule = self.three_digits.get(last, "both") if len(seps) == 1 and len(digits[-1]) == 3 else "x"
                if last in self.decimal and all(s in self.group for s in head_seps):
                    allowed.add(value)
                    if rule != "group":
                        strict.add(value)
        if not loose:
            # Dates and versions ("15.09.2022", "1.2.3"): each part on its own.
            loose = {v for v in (_dec(d) for d in digits) if v is not None}
            strict = set(loose)
        # The three-digit rule only breaks ties: "0.001" is a decimal even in Spanish.
        return (strict or allowed), loose

    def mentions(self, text: str, words: frozenset[str] | None = None) -> list[Mention]:
        """Every number on one side of a segment, in order.

        ``words`` are the text's case-folded words if the caller has them already.
        """
        return sorted([*self.figures(text), *self.word_mentions(text, words)], key=lambda m: m.start)

    def word_mentions(self, text: str, words: frozenset[str] | None = None) -> list[Mention]:
        """Numbers and months written as words."""
        masked = _mask(text)
        found = []
        for start, end, tokens in self._word_runs(masked, words):
            mention = self._word_mention(text, start, end, tokens)
            if mention is not None:
                found.append(mention)
        return found

    def has_month(self, text: str) -> bool:
        """Cheap look for a month name anywhere (may say yes for "mayor")."""
        folded = text.casefold()
        if any(month in folded for month in self.long_months):
            return True
        return self.short_months is not None and self.short_months.search(folded) is not None

    def figures(self, text: str) -> list[Mention]:
        """Numbers written with digits (and clock times, Roman numerals), in order."""
        masked = _mask(text)
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        if ":" in masked:
            for match in _TIME_RE.finditer(masked):
                hour, minute = int(match.group(1)), int(match.group(2))
                values: set[Value] = {("t", hour % 12, minute), Decimal(hour), Decimal(hour % 12 or 12)}
                if hour <= 12:
                    values.add(Decimal(hour + 12))
                if minute:
                    values.add(Decimal(minute))
                frozen = frozenset(values)
                found.append(
                    Mention(match.start(), match.end(), match.group(), frozen, frozenset(), frozen, "digit")
                )
                taken.append(match.span())
        if _DIGIT_RE.search(masked):
            for match in self.number_re.finditer(masked):
                start, end = match.span()
                if taken and any(s <= start < e for s, e in taken):
                    continue
                mention = self._digit_mention(masked, text, start, end)
                if start and masked[start - 1].isalpha() and masked[end : end + 1].isalpha():
                    # Part of a code or user name ("A319neo", "Psych2Go"): matches, never reported.
                    mention = replace(mention, reportable=False)
                found.append(mention)
        if "I" in masked or "V" in masked or "X" in masked:
            for match in _ROMAN_CANDIDATE_RE.finditer(masked):
                if _ROMAN_RE.fullmatch(match.group()):
                    value = Decimal(_roman(match.group()))
                    vals = frozenset({value})
                    found.append(
                        Mention(
                            match.start(), match.end(), match.group(), vals, frozenset(), vals, "roman", False
                        )
                    )
        found.sort(key=lambda m: m.start)
        return found

    def _digit_mention(self, masked: str, text: str, start: int, end: int) -> Mention:
        raw = masked[start:end]
        if _SPACE_GROUP_RE.search(raw):
            # "20 000" is twenty thousand; its parts are kept as readings too, so a
            # list of small numbers ("5 100-metre races") never raises a false alarm.
            parts = _SPACE_GROUP_RE.split(raw)
            readings: frozenset[Value] = frozenset(
                v for v in (_dec("".join(parts)), *map(_dec, parts)) if v is not None
            )
            frozen = readings
            return Mention(start, end, text[start:end], frozen, frozenset(), frozen, "digit")
        strict, loose = self.interpret(raw)
        values: set[Value] = set(strict)
        loose_values: set[Value] = set(loose)
        rest = masked[end : end + 24]
        # Words or symbols after the number (scale, unit, "p.m.", decade "s"):
        # most numbers are followed by punctuation, so look only when needed.
        first = rest.lstrip(" \u00a0")[:1]
        worded = first.isalpha() or first in "°º'’"
        scaled: set[Value] = set()
        if worded and self.scale_re is not None:
            scale = self.scale_re.match(rest)
            if scale is not None:
                factor = self.scales[scale.group(1).casefold()]
                scaled = {(v * factor).normalize() for v in (strict or loose)}
        decade = _DECADE_RE.match(rest) if worded else None
        if decade is not None and raw.isdigit() and raw.endswith("0") and len(raw) in (2, 4):
            number = int(raw)
            extra = (
                {Decimal(number % 100)} if len(raw) == 4 else {Decimal(1900 + number), Decimal(2000 + number)}
            )
            values |= extra
            loose_values |= extra
        if raw.isdigit() and len(raw) == 2:
            previous = _RANGE_START_RE.search(masked[max(0, start - 8) : start])
            if previous is not None:  # "1981-87": the second year of a range
                values.add(Decimal(previous.group(1) + raw))
        if raw.isdigit() and len(raw) == 4 and raw.endswith("00") and decade is not None:
            values.add(Decimal(int(raw) // 100 + 1))  # "the 1900s": the twentieth century
        if raw.isdigit() and len(raw) == 4 and raw[0] in "012" and int(raw[:2]) <= 24 and int(raw[2:]) < 60:
            values.add(("t", int(raw[:2]) % 12, int(raw[2:])))  # "0430 hours"
        if worded and raw.isdigit() and int(raw) <= 24:
            hour = int(raw)
            if self.pm_re is not None and hour <= 12 and self.pm_re.match(rest):
                values |= {Decimal(hour + 12), ("t", hour % 12, 0)}
            if self.hour_re is not None and self.hour_re.match(rest):
                values |= {Decimal(hour % 12 or 12), ("t", hour % 12, 0)}
        return Mention(
            start,
            end,
            text[start:end],
            frozenset(values),
            frozenset(scaled),
            frozenset(loose_values),
            "digit",
            unit=self.unit_after(rest) if worded else None,
        )

    def unit_after(self, rest: str) -> tuple[str, float] | None:
        """The unit written right after a number, if any ("6 in", "15cm", "95 °F")."""
        if self.unit_re is None:
            return None
        match = self.unit_re.match(rest)
        return self.units[match.group(1).casefold()] if match is not None else None

    def _word_runs(self, text: str, words: frozenset[str] | None) -> Iterator[tuple[int, int, list[str]]]:
        """Runs of number words: (start, end, case-folded words).

        Only the few vocabulary words present in the text are searched for
        (one cached regex each), so a paragraph costs a set intersection.
        """
        present = self.vocab.intersection(
            words if words is not None else _LETTERS_RE.findall(text.casefold())
        )
        if not present:
            return
        hits = sorted(_find_words(text, present))
        run: list[str] = []
        run_start = run_end = 0
        for start, end, word in hits:
            gap = text[run_end:start]
            joined = not gap.strip(" -\u00a0") or (
                gap.strip().casefold() in self.connectors and gap.startswith(" ") and gap.endswith(" ")
            )
            if run and joined:
                run.append(word)
            else:
                if run:
                    yield run_start, run_end, run
                run = [word]
                run_start = start
            run_end = end
        if run:
            yield run_start, run_end, run

    def may_report(self, text: str) -> tuple[bool, bool, frozenset[str]]:
        """Cheap look: (has digits, has a reportable number word or month, its words)."""
        digits = _DIGIT_RE.search(text) is not None
        folded = word_view(text).folded_letter_set  # frozenset(_LETTERS_RE.findall(text.casefold()))
        return digits, not self.strong.isdisjoint(folded), folded

    def _word_mention(self, text: str, start: int, end: int, tokens: list[str]) -> Mention | None:
        if len(tokens) == 1 and tokens[0] in self.months:
            word = text[start:end]
            if self.month_title and not word[:1].isupper():
                return None
            vals = frozenset({Decimal(self.months[tokens[0]])})
            return Mention(start, end, word, vals, frozenset(), vals, "month", True)
        # A month inside a run of words ("15 de mayo"): keep the number words only.
        pairs = [(t, n) for t in tokens if (n := self.words.get(t, self.scales.get(t))) is not None]
        if not pairs:
            return None
        known = [n for _, n in pairs]
        plain = [n.normalize() for t, n in pairs if t not in self.scales]
        total = _compose(known)
        values: set[Decimal] = set(plain)
        if total is not None:
            values.add(total)
        if not values:
            values = {n.normalize() for n in known}
        if all(t in self.scales for t in tokens):
            # "millones" after a figure belongs to the figure; "millions of people" is no number.
            before = text[:start].rstrip()
            if before[-1:].isdigit():
                return None
            vals = frozenset(values)
            return Mention(start, end, text[start:end], vals, frozenset(), vals, "word", False)
        reportable = not (len(tokens) == 1 and tokens[0] in self.idiomatic) and max(values) >= 2
        vals = frozenset(values)
        unit = self.unit_after(text[end : end + 24])
        return Mention(start, end, text[start:end], vals, frozenset(), vals, "word", reportable, unit)


_SPACE_GROUP = "[ \u00a0\u202f\u2009]"
_SPACE_GROUP_RE = re.compile(_SPACE_GROUP)


def _cldr_symbols(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The locale's decimal and group symbols from CLDR (Babel), read at run time.

    Read at run time rather than generated into data files: Babel is already a
    dependency, the two symbols cost microseconds once per language (a
    :class:`Locale` is built once per language's resources), and every CLDR
    locale works without a file (a new language needs none).
    """
    try:
        from babel.core import UnknownLocaleError
        from babel.numbers import get_decimal_symbol, get_group_symbol
    except ImportError:  # pragma: no cover - babel is a core dependency
        return (), ()
    try:
        return (get_decimal_symbol(lang),), (get_group_symbol(lang),)
    except (UnknownLocaleError, ValueError):
        return (), ()


def format_number(value: Decimal, lang: str) -> str | None:
    """``value`` written the way ``lang`` writes numbers (CLDR via Babel): 7250 → "7,250" / "7.250"."""
    try:
        from babel.core import UnknownLocaleError
        from babel.numbers import format_decimal
    except ImportError:  # pragma: no cover
        return None
    try:
        return format_decimal(value, locale=lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _mask(text: str) -> str:
    """The text with links and handles blanked (same length): their digits are no numbers."""
    if "/" in text or "@" in text or "#" in text:
        return _NOISE_RE.sub(lambda m: " " * len(m.group()), text)
    return text


def _find_words(text: str, words: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """Whole-word (or hyphen-joined) occurrences of ``words`` in ``text``, by str.find."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        for word in words:
            for m in _word_pattern(word).finditer(text):
                yield m.start(), m.end(), word
        return
    for word in words:
        start = lowered.find(word)
        while start != -1:
            end = start + len(word)
            before = lowered[start - 1] if start else " "
            after = lowered[end] if end < len(lowered) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                yield start, end, word
            start = lowered.find(word, end)


@cache
def _word_pattern(word: str) -> re.Pattern[str]:
    """One compiled pattern per number word: a pure function of the word (no language data)."""
    return re.compile(
        rf"(?<![\w\-]){re.escape(word)}(?![\w\-])|(?<=-){re.escape(word)}(?!\w)|"
        rf"(?<![\w\-]){re.escape(word)}(?=-)",
        re.IGNORECASE,
    )


def _compose(numbers: list[Decimal]) -> Decimal | None:
    """Value of a run of number words: "twenty five" → 25, "dos mil millones" → 2e9."""
    if any(n < 1 for n in numbers):
        return None
    total = Decimal(0)
    current = Decimal(0)
    for n in numbers:
        if n == 100:
            current = (current or Decimal(1)) * 100
        elif n >= 1000:
            one = current or Decimal(1)
            total = (total + one) * n if total and not current else total + one * n
            current = Decimal(0)
        else:
            current += n
    return (total + current).normalize()


def _roman(text: str) -> int:
    total = 0
    for ch, nxt in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return total


def _build_locale(lang: LanguageResources) -> Locale:
    return Locale(lang.lang, lang.family("numbers"))


def locale(lang: str | LanguageResources) -> Locale:
    """The compiled conventions of ``lang`` (generic ones when it has no data), built once per language."""
    return resolve(lang).part(_build_locale)


@dataclass
class Comparison:
    """Which numbers of a segment found no counterpart on the other side."""

    changed: list[tuple[Mention, Mention]]
    missing: list[Mention]
    added: list[Mention]
    misformatted: list[tuple[Mention, Mention]]
    months_changed: list[tuple[Mention, Mention]]


#: No numbers to report (shared, so callers can test identity cheaply).
NOTHING = Comparison([], [], [], [], [])


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _figures(lang: LanguageResources, text: str) -> list[Mention]:
    """Figures of a text, cached: one source is often compared with many translations."""
    return locale(lang).figures(text)


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _names_numbers(lang: LanguageResources, text: str) -> bool:
    """Whether a source text has a reportable number word or month (:meth:`Locale.may_report`),
    cached: one source is compared with many translations, most of them without figures, and
    only a yes or no is kept (the words are read again in the rare segment that goes on)."""
    return locale(lang).may_report(text)[1]


def _all_matched(source: list[Mention], target: list[Mention]) -> bool:
    """Does every reportable figure on each side match one on the other?"""
    return all(any(_matches(s, t) for t in target) for s in source if s.reportable) and all(
        any(_matches(t, s) for s in source) for t in target if t.reportable
    )


#: How far a converted figure may be rounded ("27 miles" → "más de 40 km").
CONVERSION_TOLERANCE = 0.1


def _converted(source: Mention, target: Mention) -> bool:
    """True when the target is the source in another unit, rounded: "6 in" → "15 cm"."""
    if source.unit is None or target.unit is None or source.unit == target.unit:
        return False
    (src_dim, src_size), (tgt_dim, tgt_size) = source.unit, target.unit
    for a in source.values:
        for b in target.values:
            if not isinstance(a, Decimal) or not isinstance(b, Decimal) or b == 0:
                continue
            x, y = float(a), float(b)
            if src_dim == tgt_dim:
                expected = x * src_size / tgt_size
            elif (src_dim, tgt_dim) == ("fahrenheit", "celsius"):
                expected = (x - 32) * 5 / 9
            elif (src_dim, tgt_dim) == ("celsius", "fahrenheit"):
                expected = x * 9 / 5 + 32
            else:
                continue
            if abs(expected - y) <= CONVERSION_TOLERANCE * max(abs(expected), abs(y)):
                return True
    return False


def _decades_named(locale: Locale, text: str) -> set[int]:
    """The decades of age the text's words name ("octogenario" → 80)."""
    if locale.decade_re is None:
        return set()
    return {locale.decades[m.group(1)] for m in locale.decade_re.finditer(text.casefold())}


def _in_decades(mention: Mention, decades: set[int]) -> bool:
    """Is the number an age the target states by its decade ("80 year old" → "octogenario")?"""
    for value in mention.values:
        if isinstance(value, Decimal) and value == value.to_integral_value():
            age = int(value)
            if (age // 10) * 10 in decades or (age >= 100 and 100 in decades):
                return True
    return False


@lru_cache(maxsize=8192)
def compare(
    source: str, target: str, source_lang: str | LanguageResources, target_lang: str | LanguageResources
) -> Comparison:
    """Match the numbers of both sides (cached by texts and languages: five checks ask about one segment)."""
    source_lang, target_lang = resolve(source_lang), resolve(target_lang)
    src_locale, tgt_locale = locale(source_lang), locale(target_lang)
    src_figures = _figures(source_lang, source)
    tgt_figures = tgt_locale.figures(target)
    if not src_figures and not tgt_figures:
        # Reports then need number words (or months) on both sides.
        if not _names_numbers(source_lang, source):
            return NOTHING
        _, tgt_words, tgt_folded = tgt_locale.may_report(target)
        if not tgt_words:
            return NOTHING
        src_folded = src_locale.may_report(source)[2]
    elif _all_matched(src_figures, tgt_figures) and not (
        src_locale.has_month(source) and tgt_locale.has_month(target)
    ):
        return NOTHING  # every figure found its counterpart: number words cannot change that
    else:
        src_folded = word_view(source).folded_letter_set
        tgt_folded = word_view(target).folded_letter_set
    src = sorted([*src_figures, *src_locale.word_mentions(source, src_folded)], key=lambda m: m.start)
    tgt = sorted([*tgt_figures, *tgt_locale.word_mentions(target, tgt_folded)], key=lambda m: m.start)
    result = Comparison([], [], [], [], [])
    if not src and not tgt:
        return result
    src_numbers = [m for m in src if m.kind != "month"]
    tgt_numbers = [m for m in tgt if m.kind != "month"]
    all_src = [*src_numbers, *(m for m in src if m.kind == "month")]
    all_tgt = [*tgt_numbers, *(m for m in tgt if m.kind == "month")]
    lost_src = [
        s
        for s in src_numbers
        if s.reportable and s.kind in ("digit", "word") and not any(_matches(s, t) for t in all_tgt)
    ]
    lost_tgt = [
        t
        for t in tgt_numbers
        if t.reportable and t.kind in ("digit", "word") and not any(_matches(t, s) for s in all_src)
    ]
    for t in [t for t in lost_tgt if t.kind == "digit"]:
        counterpart = next((s for s in all_src if _loose_match(t, s)), None)
        if counterpart is not None:
            result.misformatted.append((t, counterpart))
            lost_tgt.remove(t)
            if counterpart in lost_src:
                lost_src.remove(counterpart)
    # An age stated by its decade on the other side ("80 year old" → "octogenario").
    if tgt_locale.decades and lost_src:
        decades = _decades_named(tgt_locale, target)
        lost_src = [s for s in lost_src if not _in_decades(s, decades)]
    if src_locale.decades and lost_tgt:
        decades = _decades_named(src_locale, source)
        lost_tgt = [t for t in lost_tgt if not _in_decades(t, decades)]
    for t in [t for t in lost_tgt if t.unit is not None]:
        converted = next((s for s in lost_src if _converted(s, t)), None)
        if converted is not None:
            lost_tgt.remove(t)
            lost_src.remove(converted)
    # The parts of a date that vanished whole are one omission, never half of a change.
    dated = [
        s
        for start, end, _ in lost_dates(source, target, lost_src, source_lang, target_lang)
        for s in lost_src
        if start <= s.start < end
    ]
    lost_src = [s for s in lost_src if s not in dated]
    # A source number gone and a target number come: one change, not two issues.
    while lost_src and lost_tgt:
        result.changed.append((lost_src.pop(0), lost_tgt.pop(0)))
    # Numbers are counted, not only looked up: "3 % … otro 3 %" → "3% … 5%" lost one of two
    # 3s as the 5 came. An occurrence left over once each number is paired one-to-one with one
    # of the other side (months aside: a month name is no second occurrence of a figure) is
    # reported only as the counterpart of a number left without one (a change): a repeat
    # alone may be said again as "the same".
    if lost_tgt:
        _pair_with_surplus(lost_tgt, _surplus(src_numbers, tgt_numbers), result.changed, target, source, True)
    if lost_src:
        surplus = _surplus(tgt_numbers, src_numbers)
        _pair_with_surplus(lost_src, surplus, result.changed, source, target, False)
    result.missing = sorted([s for s in [*lost_src, *dated] if s.kind == "digit"], key=lambda m: m.start)
    result.added = [t for t in lost_tgt if t.kind == "digit"]
    src_months = [m for m in src if m.kind == "month"]
    tgt_months = [m for m in tgt if m.kind == "month"]
    gone = [s for s in src_months if not any(s.values & t.values for t in tgt_months)]
    come = [t for t in tgt_months if not any(t.values & s.values for s in src_months)]
    result.months_changed = list(zip(gone, come, strict=False))
    return result


def _surplus(mentions: list[Mention], others: list[Mention]) -> list[Mention]:
    """The reportable figures of ``mentions`` that match figures of ``others`` but have none left
    to pair with one-to-one (a maximum bipartite matching, Kuhn's augmenting paths: a handful each
    side). Figures against figures: a number word is weak evidence of a repeat."""
    figures = [o for o in others if o.kind == "digit"]
    candidates = [
        (m, [k for k, o in enumerate(figures) if _matches(m, o)])
        for m in mentions
        if m.reportable and m.kind == "digit"
    ]
    candidates = [(m, found) for m, found in candidates if found]
    if len(candidates) < 2:
        return []
    owner: dict[int, int] = {}

    def augment(index: int, seen: set[int]) -> bool:
        for k in candidates[index][1]:
            if k not in seen:
                seen.add(k)
                if k not in owner or augment(owner[k], seen):
                    owner[k] = index
                    return True
        return False

    unmatched = [index for index in range(len(candidates)) if not augment(index, set())]
    return [candidates[index][0] for index in unmatched]


def _pair_with_surplus(lost: list[Mention], surplus: list[Mention], changed: list[tuple[Mention, Mention]],
                       lost_text: str, surplus_text: str, lost_is_target: bool) -> None:
    """Pair each lost figure with the left-over figure at the nearest relative place (a change).

    Figures only: a number word is never reported missing, and a lost one is
    often not a number at all ("double-decker").
    """
    for mention in [m for m in lost if m.kind == "digit"]:
        if not surplus:
            return
        lost.remove(mention)
        place = mention.start / max(len(lost_text), 1)
        nearest = min(surplus, key=lambda m: abs(m.start / max(len(surplus_text), 1) - place))
        surplus.remove(nearest)
        changed.append((nearest, mention) if lost_is_target else (mention, nearest))


def suggestion_for(source: Mention, target_lang: str) -> str | None:
    """The source's figure written in the target language's format ("7.250" → "7,250" in English).

    Only a source digit is offered; a number word or month name is in the source
    language, so it would be no fix in the target. A figure with one reading is
    rewritten with the target locale's symbols (CLDR); a code or a date is kept as written.
    """
    if source.kind != "digit":
        return None
    readings = [v for v in source.values if isinstance(v, Decimal)]
    if len(readings) == 1 and not any(ch in source.text for ch in "/:-") and len(source.values) == 1:
        formatted = format_number(readings[0], target_lang)
        if formatted:
            return formatted
    return source.text


def _month_re(resources: LanguageResources) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """Month names of the language from CLDR (Babel, read at run time), as one pattern (once per language)."""
    lang = resources.lang
    try:
        from babel.core import UnknownLocaleError
        from babel.dates import get_month_names
    except ImportError:  # pragma: no cover
        return None
    try:
        names = {str(name): int(number) for number, name in get_month_names("wide", locale=lang).items()}
    except (UnknownLocaleError, ValueError):
        return None
    if not names:
        return None
    # A language that capitalises month names (English, German) needs the capital:
    # "may" is a verb, "May" a month.
    flags = 0 if all(n[:1].isupper() for n in names) else re.IGNORECASE
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags), {n.casefold(): v for n, v in names.items()}


def month_mentions(text: str, lang: str | LanguageResources) -> list[Mention]:
    """Month names written in ``text`` (CLDR's, for any language Babel knows)."""
    compiled = resolve(lang).part(_month_re)
    if compiled is None:
        return []
    pattern, numbers = compiled
    found = []
    for match in pattern.finditer(text):
        value = frozenset({Decimal(numbers[match.group().casefold()])})
        found.append(Mention(match.start(), match.end(), match.group(), value, frozenset(), value, "month"))
    return found


#: What may stand between the parts of a date: "15 de mayo de 2023", "May 15, 2023", "15 May 2023".
_DATE_GLUE_RE = re.compile(r"[\s,.]*(?:(?:de|del|of|the|el|le|der|di|do|da)\s+)?[\s,.]*", re.IGNORECASE)


def lost_dates(
    source: str,
    target: str,
    missing: list[Mention],
    source_lang: str | LanguageResources,
    target_lang: str | LanguageResources,
) -> list[tuple[int, int, str]]:
    """Dates of the source whose month and numbers are all gone: one span each ("15 de mayo de 2023").

    A date is one unit: its day and its year are not two lost numbers. A month name
    with a missing number right next to it (only spaces, commas or "de"/"of" between)
    makes a date, when the target has no such month either.
    """
    src_months = month_mentions(source, source_lang)
    if not src_months:
        return []
    tgt_months = {v for m in month_mentions(target, target_lang) for v in m.values}
    dates: list[tuple[int, int, str]] = []
    for month in src_months:
        if month.values & tgt_months:
            continue
        parts = [month]
        for mention in sorted(missing, key=lambda m: -m.start):  # leftwards: the day before the month
            if mention.end <= parts[0].start and _DATE_GLUE_RE.fullmatch(
                source[mention.end : parts[0].start]
            ):
                parts.insert(0, mention)
        for mention in sorted(missing, key=lambda m: m.start):  # rightwards: "mayo de 2023"
            if mention.start >= parts[-1].end and _DATE_GLUE_RE.fullmatch(
                source[parts[-1].end : mention.start]
            ):
                parts.append(mention)
        if len(parts) > 1:
            start, end = parts[0].start, parts[-1].end
            dates.append((start, end, source[start:end]))
    return dates
