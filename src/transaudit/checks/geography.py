"""Geography and named entities: descriptions that do not fit, names that changed.

Machine translation often rewrites a definite description ("el país persa")
into one that no longer fits the country it refers to ("the Central Asian
country"), or swaps one name for another. These checks read the gazetteer
(:mod:`transaudit.analysis.gazetteer`) and stay silent when a language has no data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from transaudit.analysis import gazetteer as gz
from transaudit.analysis import place_labels, tokens
from transaudit.analysis.fuzzy import similar_token
from transaudit.analysis.lexicon import capitalises_nouns
from transaudit.analysis.name_runs import NameRun, is_common, name_sequences
from transaudit.analysis.text import sentence_spans
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need, Option
from transaudit.model import Article, Category, Segment, Severity

#: Mentions that can stand for a country as a topic.
_TOPIC_KINDS = (gz.COUNTRY, gz.DEMONYM)


@dataclass(frozen=True)
class Resolution:
    """A target descriptor and the country it refers back to."""

    segment: str
    descriptor: gz.Descriptor
    candidates: frozenset[str]
    antecedent: str | None

    @property
    def fits(self) -> bool:
        return not self.candidates or bool(self.candidates & self.descriptor.fits)


#: Opening and closing quotation marks (straight double quotes alternate).
_OPENING, _CLOSING = "“«„‘", "”»’"


def _quoted(text: str, mention: gz.Mention) -> bool:
    """The mention stands inside a quotation (“…”, «…», "…") of its paragraph.

    A country named in someone's words ("«No vamos a depender de Perú»") is not
    what the narration's next description refers back to: the article's own
    subject is. Only the previous paragraph's mentions are carried over this way.
    """
    before = text[: mention.start]
    depth = sum(before.count(ch) for ch in _OPENING) - sum(before.count(ch) for ch in _CLOSING)
    return depth > 0 or before.count('"') % 2 == 1


def _sentence_index(spans: Sequence[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(spans):
        if start <= offset < end or offset < start:
            return index
    return len(spans) - 1


def resolve(segments: Sequence[tuple[str, str]], lang: str, window: int = 2) -> tuple[Resolution, ...]:
    """See :func:`_resolve`; cached, since TA301 and TA302 both need it."""
    return _resolve(tuple(segments), lang, window)


@lru_cache(maxsize=8)
def _resolve(segments: tuple[tuple[str, str], ...], lang: str, window: int) -> tuple[Resolution, ...]:
    """Find the antecedent of every country description in a text of paragraphs.

    ``segments`` are (id, text) pairs in article order. The antecedent is taken
    from strong mentions in the same sentence before the description and the
    ``window`` sentences before it; weak mentions (a country only locating a
    place, "Dushanbe, the capital of Tajikistan") count only when there is no
    strong one; with no mention nearby, the previous paragraph (outside its
    quotations: :func:`_quoted`) and the article's topic (its most named
    country) are used.
    """
    gaz = gz.gazetteer(lang)
    if not gaz.available:
        return ()
    all_descriptors = [gaz.descriptors(text) if text else () for _, text in segments]
    if not any(all_descriptors):
        return ()
    scanned = []
    article_counts: Counter[str] = Counter()
    for (seg_id, text), descriptors in zip(segments, all_descriptors, strict=True):
        mentions = [
            m
            for m in (gaz.mentions(text) if text else ())
            if m.kind in _TOPIC_KINDS and not any(d.start <= m.start < d.end for d in descriptors)
        ]
        article_counts.update(m.country for m in mentions if m.strong)
        scanned.append((seg_id, text, mentions, descriptors))
    topic: str | None = None
    ranked = article_counts.most_common(2)
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        topic = ranked[0][0]

    results: list[Resolution] = []
    for index, (seg_id, text, mentions, descriptors) in enumerate(scanned):
        if not descriptors:
            continue
        spans = sentence_spans(text)
        for descriptor in descriptors:
            if descriptor.named:
                results.append(
                    Resolution(seg_id, descriptor, frozenset({descriptor.named}), descriptor.named)
                )
                continue
            here = _sentence_index(spans, descriptor.start)
            nearby = [
                m
                for m in mentions
                if m.end <= descriptor.start and _sentence_index(spans, m.start) >= here - window
            ]
            strong = {m.country for m in nearby if m.strong}
            if strong:
                candidates = strong
            else:
                candidates = {m.country for m in nearby}
                if not candidates and index:
                    previous = scanned[index - 1]
                    candidates = {m.country for m in previous[2] if m.strong and not _quoted(previous[1], m)}
                if topic:
                    candidates.add(topic)
            if not candidates:
                results.append(Resolution(seg_id, descriptor, frozenset(), None))
                continue

            antecedent = max(
                sorted(candidates),
                key=lambda code: _salience(code, text, mentions, descriptor, article_counts),
            )
            results.append(Resolution(seg_id, descriptor, frozenset(candidates), antecedent))
    return tuple(results)


def _source_antecedent(res: Resolution, source: str, source_lang: str) -> tuple[str, str | None]:
    """The antecedent a misfitting descriptor most likely means, and why.

    When the paragraph names several countries, the most salient one is only a
    guess; the source's own description of the same place settles it: the
    candidate the source descriptor fits ("el país persa" → Iran) is preferred
    and named in the message.
    """
    assert res.antecedent is not None
    if not source or len(res.candidates) < 2:
        return res.antecedent, None
    src = gz.gazetteer(source_lang)
    if not src.available:
        return res.antecedent, None
    for described in src.descriptors(source):
        fitting = sorted(described.fits & res.candidates)
        if fitting:
            return fitting[0], f"the source's '{described.text}' fits it"
    return res.antecedent, None


def _source_describes_alike(descriptor: gz.Descriptor, source: str, source_lang: str) -> bool:
    """The source's segment holds a description of the same regions: the translation is faithful.

    A misfit found then comes from the antecedent guessed across paragraphs (or
    from the source itself), not from the translation.
    """
    if not source or not gz.supported(source_lang):
        return False
    groups = set(descriptor.groups)
    return any(set(described.groups) == groups for described in gz.gazetteer(source_lang).descriptors(source))


def _salience(
    code: str, text: str, mentions: Sequence[gz.Mention], descriptor: gz.Descriptor, counts: Counter[str]
) -> tuple[int, int]:
    """How much a country is the paragraph's topic: named often, named as a subject, named close."""
    own = [m for m in mentions if m.country == code]
    in_paragraph = sum(1 for m in own if m.strong)
    first = sum(3 for m in own if m.strong and _opens_sentence(text, m))
    distance = min((descriptor.start - m.end for m in own if m.end <= descriptor.start), default=10**6)
    return 2 * in_paragraph + first + counts[code], -distance


def _opens_sentence(text: str, mention: gz.Mention) -> bool:
    before = text[: mention.start].rstrip(" \"'“‘«¿¡")
    return not before or before[-1] in ".!?:"


def _fitting(lang: str, country: str) -> str:
    words = place_labels.fitting_descriptors(lang, country)
    return ", ".join(f"'{w}'" for w in words) if words else "none in the gazetteer"


@register
class DescriptorAntecedent(Check):
    """A country description that does not fit the country it refers to.

    A definite description ("the Central Asian country", "the emirate",
    "el país centroasiático") refers back to a country named earlier: in the same
    or previous sentences, or the article's topic. A country that only locates a
    place ("Dushanbe, the capital of Tajikistan") is a weak antecedent.

    Bad: "Iran applied in 2008 … members meeting in Dushanbe, the capital of
    Tajikistan, approved the accession of the Central Asian country."
    Good: "… approved the accession of the Persian nation." (or "the Middle
    Eastern country"). A description the source segment gives too ("The
    Scandinavian country" → "Das skandinavische Land") is faithful and not reported.
    """

    code = "TA301"
    needs = (Need("gazetteer"),)
    name = "descriptor-antecedent"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    scope = "article"
    options: ClassVar[tuple[Option, ...]] = (
        Option("window", int, 2,
               "sentences before a country description searched for the country it describes", minimum=0),
    )

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        lang = ctx.target_lang
        pairs = [(s.id, s.target) for s in article.segments]
        sources = {s.id: s.source for s in article.segments}
        for res in resolve(pairs, lang, int(ctx.options.get("window", 2))):
            if res.fits or res.antecedent is None:
                continue
            gaz = gz.gazetteer(lang)
            d = res.descriptor
            if _source_describes_alike(d, sources.get(res.segment, ""), ctx.source_lang):
                continue  # the source says the same ("The Scandinavian country"): the reading is ours
            antecedent, because = _source_antecedent(res, sources.get(res.segment, ""), ctx.source_lang)
            name = gaz.name(antecedent)
            where = because or ("named right after it" if d.named else "named earlier")
            yield Finding(
                "target",
                d.start,
                d.end,
                f"'{d.text}' refers to {name} ({where}), which it does not fit: "
                f"{place_labels.group_label(d.groups, lang)}; descriptions that fit {name}: "
                f"{_fitting(lang, antecedent)}",
                segment=res.segment,
            )


@register
class DescriptorSourceMismatch(Check):
    """A country description in the target that contradicts the source's.

    The source's descriptions ("el país persa" → Iran) must describe the same
    country as the target's ("the Central Asian country" → no region with Iran).
    Descriptions already flagged by TA301 (wrong for their antecedent) are left
    to it, so one mistake is reported once.

    Bad: source "la adhesión del país persa" → target "the accession of the
    Central Asian country". Good: "… of the Persian nation".
    """

    code = "TA302"
    needs = (Need("gazetteer", side="both"),)
    name = "descriptor-source-mismatch"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    scope = "article"

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        src, tgt = gz.gazetteer(ctx.source_lang), gz.gazetteer(ctx.target_lang)
        if not (src.available and tgt.available):
            return
        pairs = [(s.id, s.target) for s in article.segments]
        wrong = {(r.segment, r.descriptor.start) for r in resolve(pairs, ctx.target_lang) if not r.fits}
        for segment in article.segments:
            if not segment.source or not segment.target:
                continue
            targets = tgt.descriptors(segment.target)
            if not targets:
                continue
            sources = [d for d in src.descriptors(segment.source) if d.fits]
            if not sources:
                continue
            for d in targets:
                if (segment.id, d.start) in wrong or not d.fits:
                    continue
                if any(s.fits & d.fits for s in sources):
                    continue
                described = sources[0]
                yield Finding(
                    "target",
                    d.start,
                    d.end,
                    f"the source says '{described.text}' "
                    f"({place_labels.describe_countries(described.fits, ctx.target_lang)}),"
                    f" but '{d.text}' fits {place_labels.describe_countries(d.fits, ctx.target_lang)}",
                    segment=segment.id,
                )


def _entity_keys(mentions: Sequence[gz.Mention]) -> tuple[set[str], set[str]]:
    """(countries reached by any mention, cities and people named)."""
    countries = {m.country for m in mentions if m.country}
    named = {f"{m.kind}:{m.entity}" for m in mentions if m.kind in (gz.CITY, gz.PERSON)}
    return countries, named


@register
class EntityChanged(Check):
    """A country, city or person of the source that is missing or replaced in the target.

    A source country counts as present when the target names it, uses its
    demonym, capital or metonym ("the Kremlin") or a description that fits only
    it; a name copied unchanged is left to TA320. Demonyms of the source are not
    required ("el sistema brasileño" may become "the SUS"). Cities and known
    people must appear under their target-language names (close spellings count).
    Other people's names (capitalized runs outside short quotations) are compared
    with folding and fuzzy matching and judged only when a source name is gone
    *and* a new one appears, one of them of two words or more, and at most two
    new ones (more are a translated title, not a swap). A source name of two or
    more words that is simply gone, with nothing in its place, is a minor
    omission, judged only where it cannot be a title-cased common phrase (see
    :func:`_vanished`).

    A country the target names that the source does not name at all is flagged
    as a minor addition.

    Bad: source "para México, la relación…" → target "for the United States, the
    relationship…". Good: "for Mexico, the relationship…".
    """

    code = "TA303"
    needs = (Need("gazetteer", side="both"),)
    name = "entity-changed"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.source.strip() or not segment.target.strip():
            return
        src, tgt = gz.gazetteer(ctx.source_lang), gz.gazetteer(ctx.target_lang)
        if not (src.available and tgt.available):
            return
        s_descriptors = src.descriptors(segment.source)
        s_mentions = [
            m
            for m in src.mentions(segment.source)
            if (m.strong or m.kind != gz.COUNTRY)
            and not any(d.start <= m.start < d.end for d in s_descriptors)
        ]
        t_all = tgt.mentions(segment.target)
        t_countries, t_named = _entity_keys(t_all)
        for d in tgt.descriptors(segment.target):
            if len(d.fits) == 1:
                t_countries |= d.fits
        s_countries, s_named = _entity_keys(src.mentions(segment.source))
        for d in s_descriptors:
            if len(d.fits) == 1:
                s_countries |= d.fits

        missing = []
        copied = tokens.words_of(segment.target)
        for m in s_mentions:
            if m.text.split()[-1] in copied:
                continue  # left untranslated: TA320 reports the spelling
            if m.kind == gz.COUNTRY:
                # Demonyms are not required: "el Sistema brasileño" may become "the SUS".
                if m.country not in t_countries:
                    missing.append(m)
            elif m.kind in (gz.CITY, gz.PERSON) and f"{m.kind}:{m.entity}" not in t_named:
                if not _spelled_alike(m, tgt, segment.target):
                    missing.append(m)
        seen: set[str] = set()
        unique = []
        for m in missing:
            if m.entity not in seen:
                seen.add(m.entity)
                unique.append(m)
        missing = unique

        extra = [
            m
            for m in t_all
            if (
                (m.kind in (gz.COUNTRY, gz.DEMONYM) and m.strong and m.country not in s_countries)
                or (
                    m.kind in (gz.CITY, gz.PERSON)
                    and f"{m.kind}:{m.entity}" not in s_named
                    and m.country not in s_countries
                )
            )
        ]
        extra_reported = bool(missing and extra)
        if missing and extra:
            replaced = missing[0]
            for m in extra:
                yield Finding(
                    "target",
                    m.start,
                    m.end,
                    f"'{m.text}' is not in the source, which names '{replaced.text}' here",
                    suggestion=tgt.standard.get((replaced.kind, replaced.entity))
                    or tgt.name(replaced.country),
                    counterpart=(replaced.start, replaced.end),
                )
            missing = []
        for m in missing:
            expected = tgt.standard.get((m.kind, m.entity)) or tgt.name(m.country)
            garbled = _garbled_acronym(m.text, segment.source, segment.target)
            if garbled is not None:
                start, end = garbled
                yield Finding(
                    "target",
                    start,
                    end,
                    f"'{segment.target[start:end]}' looks like a garbled '{m.text}' ({expected})",
                    suggestion=expected,
                )
                continue
            yield Finding(
                "source",
                m.start,
                m.end,
                f"'{m.text}' ({expected}) is named in the source but not in the translation",
                severity=Severity.MINOR,
                category=Category.OMISSION,
            )
        if not missing and not extra_reported:
            # The source's words only for a country the target adds (most segments have none).
            added = [m for m in extra if m.kind == gz.COUNTRY]
            source_words = tokens.words_of(segment.source) if added else frozenset()
            for m in added:
                if m.text.split()[-1] not in source_words:
                    if _expands_acronym(segment.target, m.start, m.end, segment.source):
                        continue  # "la Agencia … de Estados Unidos (EPA)" for the source's "EPA"
                    yield Finding(
                        "target",
                        m.start,
                        m.end,
                        f"'{m.text}' is named in the translation but the source names no such country",
                        severity=Severity.MINOR,
                        category=Category.ADDITION,
                    )
        yield from self._people(segment, ctx)

    def _people(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        """Unknown people's names (two or more capitalized words) on either side.

        Not judged when either language capitalizes every noun (German, as its
        dictionary shows: :func:`transaudit.analysis.lexicon.capitalises_nouns`):
        "des Nahen Ostens" cannot be told from a name without a lexicon of names.
        """
        if capitalises_nouns(ctx.source_lang) or capitalises_nouns(ctx.target_lang):
            return
        src_names = name_sequences(segment.source, ctx.source_lang)
        if not src_names:
            return
        lost = [n for n in src_names if not any(similar_token(w, segment.target) for _, _, w in n.words)]
        if not lost:
            return  # the target's names matter only when a source name is gone: not scanned
        tgt_names = name_sequences(segment.target, ctx.target_lang)
        new = [n for n in tgt_names if not any(similar_token(w, segment.source) for _, _, w in n.words)]
        if not new:
            yield from _vanished(lost, segment, ctx)
            return
        new = list({n.text: n for n in new}.values())
        # A name swapped for another is one or two names; many new capitalized runs
        # are a translated title or institution.
        if len(new) > 2 or all(len(n.words) == 1 for n in (*lost, *new)):
            return
        for name in new:
            start, end = _name_only(name, segment.target, ctx.target_lang)
            shown = segment.target[start:end]
            yield Finding(
                "target",
                start,
                end,
                f"'{shown}' is not in the source, which names '{lost[0].text}' here",
                suggestion=lost[0].text,
                counterpart=(lost[0].start, lost[0].end),
            )


def _name_only(name: NameRun, text: str, lang: str) -> tuple[int, int]:
    """The run without the ordinary words that open it at the start of a sentence.

    A sentence's first word is capitalized whatever it is, so "Spokesman Miguel
    confirmed it" yields the run "Spokesman Miguel": an ordinary word of the
    language (:func:`transaudit.analysis.name_runs.is_common`) there is a title
    or a common noun before the name, not part of it. The last word always stays.
    """
    words = list(name.words)
    before = text[: words[0][0]].rstrip(" \t\"'“‘«¿¡(")
    if before and before[-1] not in ".!?:\n":
        return name.start, name.end
    while len(words) > 1 and is_common(words[0][2], lang):
        words.pop(0)
    return words[0][0], name.end


def _vanished(lost: Sequence[NameRun], segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
    """Source names of two or more words that left no trace in a full-length translation.

    "Sergei Lavrov se reunió con Antony Blinken" → "He met his counterpart": the
    names are gone and nothing replaced them. Kept precise by skipping what is
    judged elsewhere or may not be a name:

    - a target under half the source's length (TA225 reports the omission);
    - names the gazetteer knows (judged by the mention rules above);
    - a run opening a sentence whose first word the source also writes in lower
      case (a capitalized phrase such as "Nuevas Medidas", not a name);
    - a target with as many new capitalized words as the name has words: the
      name may be a team, work or institution translated in title case
      ("Dust Devils" → "Remolinos de Polvo");
    - a run with a word whose stem the target has in lower case (common nouns in
      title case: "Nautical Miles" → "millas náuticas");
    - a run opening the segment (a heading or a capitalized phrase);
    - source languages that capitalize common words in running text (English,
      whose gazetteer does not set ``lowercase_adjectives``): a run is judged
      only when none of its words is an ordinary word of the language
      (wordfreq and Hunspell, :func:`transaudit.analysis.name_runs.is_common`):
      "Marcela Riquelme Soto" is judged, "my Sourdough Starter" is not.
    """
    source, target = segment.source, segment.target
    if len(target) < 0.5 * len(source):
        return
    # English capitalizes common nouns and adjectives in running text ("my Sourdough
    # Starter", "drilling Super Loud"): there only runs of name-only words are judged.
    title_case = not ctx.source.family("gazetteer").get("grammar", {}).get("lowercase_adjectives")
    known = [(m.start, m.end) for m in gz.gazetteer(ctx.source_lang).mentions(source) if m.kind == gz.PERSON]
    lower_source = {w for w in tokens.words_of(source) if w.islower()}
    new_capitals = _new_capitalized(segment, ctx.target_lang)
    seen: set[str] = set()
    for name in lost:
        if len(name.words) < 2 or name.text in seen:
            continue
        if title_case and any(is_common(w, ctx.source_lang) for _, _, w in name.words):
            continue
        if any(s < name.end and name.start < e for s, e in known):
            continue
        if not source[: name.start].strip(" \"'“‘«¿¡(") or (
            _opens_sentence_at(source, name.start) and name.words[0][2].lower() in lower_source
        ):
            continue
        if new_capitals >= len(name.words) or any(_cognate(w, target) for _, _, w in name.words):
            continue
        seen.add(name.text)
        yield Finding(
            "source",
            name.start,
            name.end,
            f"'{name.text}' is named in the source but not in the translation",
            severity=Severity.MINOR,
            category=Category.OMISSION,
        )


def _opens_sentence_at(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘«¿¡(")
    return not before or before[-1] in ".!?:\n"


def _cognate(word: str, text: str) -> bool:
    """Whether the text has a lower-case word that looks like a translation of this one.

    English title case ("the Battery Charger", "Nautical Miles") is common nouns
    capitalized; their translation keeps the stem ("batería", "millas náuticas").
    A person's name has no such lower-case echo.
    """
    from difflib import SequenceMatcher

    key = tokens.quick_fold(word)
    if len(key) < 4:
        return False
    for other in tokens.words_of(text):
        if not other.islower() or len(other) < 4 or abs(len(other) - len(key)) > 4:
            continue
        folded = tokens.quick_fold(other)
        if folded[:5] == key[:5] or SequenceMatcher(None, key, folded).ratio() >= 0.7:
            return True
    return False


def _new_capitalized(segment: Segment, lang: str) -> int:
    """Capitalized target words inside sentences, not known places, with no close source word."""
    target = segment.target
    places = [(m.start, m.end) for m in gz.gazetteer(lang).mentions(target)]
    count = 0
    for start, _end, word in tokens.tokenize(target):
        if len(word) < 3 or not word[0].isupper() or word.isupper() or _opens_sentence_at(target, start):
            continue
        if any(s <= start < e for s, e in places) or similar_token(word, segment.source):
            continue
        count += 1
    return count


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
#: An acronym in parentheses right after a spelled-out name, or opening one.
_ACRONYM_AFTER_RE = re.compile(r"\s*\(\s*([A-Z]{2,6})\b")
_ACRONYM_BEFORE_RE = re.compile(r"\b([A-Z]{2,6})\s*\([^()]*$")


def _expands_acronym(target: str, start: int, end: int, source: str) -> bool:
    """Is the country at ``start:end`` part of the spelled-out name of an acronym of the source?

    A translator who writes out an organisation the source names by its acronym
    often adds its country, with the acronym beside it: "a former EPA attorney" →
    "la Agencia de Protección Ambiental de Estados Unidos (EPA)". The country is
    then part of the acronym's name (explicitation), not a country the source
    lacks. Two shapes: the name ends with the country and the acronym follows in
    parentheses, or the acronym comes first and the name, country inside, in them.
    """
    acronyms = set(_ACRONYM_RE.findall(source))
    after = _ACRONYM_AFTER_RE.match(target, end)
    if after is not None and after.group(1) in acronyms:
        return True
    before = _ACRONYM_BEFORE_RE.search(target[:start])
    return before is not None and before.group(1) in acronyms


def _garbled_acronym(acronym: str, source: str, target: str) -> tuple[int, int] | None:
    """Where the target writes a source acronym with its letters shuffled or one changed.

    "RDC" (República Democrática del Congo) rendered "RCD", "CDR" or "DDC" is an
    acronym the MT system mangled rather than an omission: the span belongs on
    the target. Only an all-capital token absent from the source, of the same
    length and sharing all but one letter, counts.
    """
    if not _ACRONYM_RE.fullmatch(acronym):
        return None
    for match in _ACRONYM_RE.finditer(target):
        token = match.group()
        if len(token) != len(acronym) or token == acronym or token in source:
            continue
        shared = sum(min(token.count(ch), acronym.count(ch)) for ch in set(token))
        if shared >= len(acronym) - 1:
            return match.start(), match.end()
    return None


def _spelled_alike(mention: gz.Mention, tgt: gz.Gazetteer, target: str) -> bool:
    """A known city or person written in another spelling is present, not missing
    (TA320 reports the spelling)."""
    standard = tgt.standard.get((mention.kind, mention.entity), "")
    words = [mention.text.split()[-1], *standard.split()[-1:]]
    return any(similar_token(word, target) for word in words)
