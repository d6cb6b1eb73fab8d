"""The time a verb speaks of (past, present, future), read from Apertium's tags.

A translation keeps the time of what it reports: "dijo" is "said", "dirá" is
"will say". Apertium's analysers tag each finite verb form with its tense
(Spanish ``<ifi>`` preterite, ``<pii>`` imperfect, ``<pri>`` present, ``<fti>``
future, ``<cni>`` conditional; English ``<past>``, ``<pri>``/``<pres>``), and a
verb group's time is its first member's: the auxiliary when there is one ("will
say", "has said", "había dicho", "is saying"), else the verb itself. Two verbs
linked by the bilingual dictionary (:mod:`transaudit.meaning.insertions`) whose
groups speak of different times are a tense change, with two tolerances a
translation needs:

* the perfect ("has said", "ha dicho") speaks of the past from the present: it
  agrees with both;
* a form whose time is ambiguous ("put": present or past), a subjunctive, an
  infinitive, or a modal other than will/would ("can", "must") has no time here.

A target verb is compared only with the linked source verbs of its sentence's
counterparts (:func:`counterparts`): a paragraph tells a story in several
times, and the same verb met in another sentence ("recordando la vez que
entraron" … "¿puedo entrar?") is another event, not the one translated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from transaudit.analysis.text import sentence_spans
from transaudit.meaning.bilingual import Lexicon, Word, _tag
from transaudit.meaning.insertions import _grammar, links

PRESENT, PAST, FUTURE, CONDITIONAL, PERFECT = "present", "past", "future", "conditional", "perfect"
#: The present progressive ("is coming", "está llegando"): the present, or a future already
#: arranged ("the decorator is coming in a month" for "vendrá"; Quirk et al. 1985, 4.29).
PRESENT_PROGRESSIVE = "present (progressive)"
#: Apertium's indicative tense tags (Romance languages and English) and the time they speak of.
TENSES = {
    "pri": PRESENT,
    "pres": PRESENT,
    "ifi": PAST,
    "pii": PAST,
    "past": PAST,
    "fti": FUTURE,
    "cni": CONDITIONAL,
}
#: Modal auxiliaries that carry a time (English): the rest ("can", "must") carry a mood.
MODAL_TIMES = {"will": FUTURE, "shall": FUTURE, "would": CONDITIONAL}
#: Auxiliaries (Apertium tags): modals, "have"/"haber", "be"/"ser".
AUXILIARY_TAGS = frozenset({"vaux", "vbhaver", "vbser", "vbmod"})
#: Progressive auxiliaries tagged as lexical verbs ("estar diciendo", "stare facendo").
PROGRESSIVE = frozenset({"estar", "be", "stare"})
#: Words between an auxiliary and its verb: adverbs and clitic pronouns ("has also said",
#: "se lo había dicho"), at most this many.
BETWEEN = 2


@dataclass(frozen=True)
class Shift:
    """A verb of the target whose time differs from that of the source verb it translates."""

    source: Word
    target: Word
    source_time: str
    target_time: str


def _tags(reading: str) -> set[str]:
    return set(re.findall(r"<(\w+)>", reading))


def _own_time(word: Word) -> str | None:
    """The time of a finite form, if every reading agrees (else None).

    English ``<pres>`` is the base form ("see"), which is also the infinitive and
    the imperative ("will see", "to see", "see!"): it speaks of no time by itself,
    and a word that has it among its readings has none.
    """
    tags = [_tags(r) for r in word.readings]
    if any("pres" in t or "inf" in t for t in tags):
        return None
    times = {TENSES[t] for found in tags for t in found if t in TENSES}
    return times.pop() if len(times) == 1 else None


def _auxiliary(word: Word, following: Word) -> bool:
    if any(_tag(r) in AUXILIARY_TAGS for r in word.readings):
        return True
    gerund = any("<ger>" in r or "<pprs>" in r for r in following.readings)
    return gerund and any(r.split("<", 1)[0].lower() in PROGRESSIVE for r in word.readings)


def group_time(words: Sequence[Word], index: int) -> str | None:
    """The time of the verb group whose lexical verb is ``words[index]``."""
    first = index
    at = index - 1
    skipped = 0
    while at >= 0:
        word = words[at]
        if _auxiliary(word, words[first]):
            first, skipped = at, 0
            if any(_tag(r) == "vaux" for r in word.readings):
                break  # a modal opens its group ("something I might add": not "is … add")
        elif skipped < BETWEEN and any(_tag(r) in ("adv", "prn") for r in word.readings):
            skipped += 1
        else:
            break
        at -= 1
    head = words[first]
    if first == index and (_participle_adjective(words, index) or _reduced_relative(words, index)):
        return None
    if first == index:
        if (
            any("<pp>" in r or "<ger>" in r or "<inf>" in r for r in head.readings)
            and _own_time(head) is None
        ):
            return None
        return _own_time(head)
    modal = [r for r in head.readings if _tag(r) == "vaux"]
    if modal:
        times = {MODAL_TIMES.get(r.split("<", 1)[0].lower()) for r in modal}
        return times.pop() if len(times) == 1 else None
    time = _own_time(head)
    if any(_tag(r) == "vbhaver" for r in head.readings) and time == PRESENT:
        return PERFECT
    if time == PRESENT and _progressive(head, words[index]):
        return PRESENT_PROGRESSIVE
    return time


def _progressive(head: Word, verb: Word) -> bool:
    """"be"/"estar" and a gerund: the progressive, which also speaks of an arranged future."""
    gerund = any("<ger>" in r or "<pprs>" in r for r in verb.readings)
    return gerund and any(r.split("<", 1)[0].lower() in PROGRESSIVE for r in head.readings)


def _participle_adjective(words: Sequence[Word], index: int) -> bool:
    """A form that is both a past and a past participle ("complicated"), right after a
    pre-adverb of degree ("very", "more", "so", "quite": Apertium's ``preadv``) or a
    determiner ("the proposed framework"): a participle used as an adjective ("a little
    more complicated"), which has no time. A finite verb never follows a degree word
    or a determiner."""
    tags = [_tags(r) for r in words[index].readings]
    if not (any("past" in t for t in tags) and any("pp" in t for t in tags)) or index == 0:
        return False
    before = words[index - 1].readings
    if any(_tag(r) == "preadv" for r in before):
        return True
    return bool(before) and all(_tag(r) == "det" for r in before)


#: Apertium tags that end a clause for :func:`_reduced_relative`: punctuation, conjunctions
#: and relative words ("the bill that is new": "is" is the relative clause's own verb).
CLAUSE_ENDS = frozenset({"cm", "sent", "lpar", "rpar", "lquest", "rquest", "guio", "cnjcoo", "cnjsub", "rel"})
#: Tags of a noun that a reduced relative clause can follow.
NOUN_TAGS = frozenset({"n", "np"})


def _finite(word: Word) -> bool:
    """Every reading a verb form with a time, or a modal: a finite verb whatever the context."""
    if not word.readings:
        return False
    for reading in word.readings:
        tag = _tag(reading)
        if tag == "vaux":
            continue
        if tag not in ("vblex", "vbser", "vbhaver", "vbmod") or not _tags(reading) & set(TENSES):
            return False
    return True


def _reduced_relative(words: Sequence[Word], index: int) -> bool:
    """A form that is both a past and a past participle right after a noun, when a finite verb
    follows in the same clause: a reduced relative clause ("the framework proposed here is
    useful", "the activation presented by the subjects is higher"), whose participle has no
    time. A finite past there would leave the clause's later verb without a subject ("the
    minister signed the bill" has none; "the bill that is new" starts another clause).
    """
    tags = [_tags(r) for r in words[index].readings]
    if not (any("past" in t for t in tags) and any("pp" in t for t in tags)) or index == 0:
        return False
    if not any(_tag(r) in NOUN_TAGS for r in words[index - 1].readings):
        return False
    for word in words[index + 1 :]:
        if any(_tag(r) in CLAUSE_ENDS for r in word.readings):
            return False
        if _finite(word):
            return True
    return False


def _agree(one: str, other: str) -> bool:
    if PRESENT_PROGRESSIVE in (one, other):  # the present, or an arranged future
        return {one, other} <= {PRESENT_PROGRESSIVE, PRESENT, FUTURE, PERFECT}
    return one == other or (PERFECT in (one, other) and {one, other} <= {PERFECT, PAST, PRESENT})


def _verb(words: Sequence[Word], index: int) -> bool:
    """The head of a verb group: a lexical verb, or "be"/"ser" not followed by the verb it helps."""
    word = words[index]
    if _grammar(word):
        return False  # "like" the preposition, "last" the ordinal
    if any(_tag(r) == "vblex" for r in word.readings):
        # A form that is also a noun or adjective ("anuncio", "places") is a verb only after
        # an auxiliary ("will place").
        other = any(_tag(r) in ("n", "adj") for r in word.readings)
        return not other or (index > 0 and _auxiliary(words[index - 1], word))
    if not any(_tag(r) == "vbser" for r in word.readings):
        return False
    following = words[index + 1 : index + 1 + BETWEEN]
    return not any(_tag(r) == "vblex" for w in following for r in w.readings)


def counterparts(source: str, target: str) -> list[frozenset[int]]:
    """For each sentence of the target text, the source sentences it translates.

    Segments are aligned paragraph by paragraph (:mod:`transaudit.input.align`);
    inside a paragraph nothing records which sentence renders which, so the rule
    is the translator's order: with as many sentences on both sides, the k-th
    renders the k-th; otherwise a translator merged or split sentences without
    reordering them, and a target sentence renders the source sentences that
    overlap its place in the paragraph (its span as a share of the text's
    length). Sentences are the checks' fast split (:func:`sentence_spans`).
    """
    ours, theirs = sentence_spans(target), sentence_spans(source)
    if len(ours) == len(theirs):
        return [frozenset({k}) for k in range(len(ours))]
    t_len, s_len = max(1, len(target)), max(1, len(source))
    out = []
    for start, end in ours:
        low, high = start / t_len, end / t_len
        found = {i for i, (s, e) in enumerate(theirs) if s / s_len < high and e / s_len > low}
        out.append(frozenset(found))
    return out


def _sentence_of(words: Sequence[Word], text: str) -> list[int]:
    """The index of each word's sentence in the text (:func:`sentence_spans`)."""
    starts = [start for start, _ in sentence_spans(text)]
    return [max(0, bisect_right(starts, word.start) - 1) for word in words]


def shifts(
    source: Sequence[Word],
    target: Sequence[Word],
    forward: Lexicon,
    backward: Lexicon,
    texts: tuple[str, str] | None = None,
) -> list[Shift]:
    """Target verbs whose group's time differs from that of every source verb they translate.

    With ``texts`` (the source and target texts the words were read from), only
    the source verbs of the target sentence's counterparts count
    (:func:`counterparts`).
    """
    linked = links(source, target, forward, backward)
    if texts is not None:
        source_text, target_text = texts
        matching = counterparts(source_text, target_text)
        in_source = _sentence_of(source, source_text)
        in_target = _sentence_of(target, target_text)
        linked = [
            {i for i in found if in_source[i] in matching[in_target[j]]} for j, found in enumerate(linked)
        ]
    # Each source verb's time once: a word repeated through a long text links to every
    # occurrence, and recomputing per link would be quadratic.
    verbs = [_verb(source, i) for i in range(len(source))]
    times = [group_time(source, i) if verbs[i] else None for i in range(len(source))]
    found = []
    for j, word in enumerate(target):
        if not linked[j] or not _verb(target, j):
            continue
        time = group_time(target, j)
        if time is None:
            continue
        if any(verbs[i] and times[i] is None for i in linked[j]):
            continue  # it may render a source verb of no time ("may I come in?" → "¿puedo entrar?")
        others = [(i, t) for i in linked[j] if (t := times[i]) is not None]
        if others and not any(_agree(time, other) for _, other in others):
            i, other = min(others)
            found.append(Shift(source[i], word, other, time))
    return found
