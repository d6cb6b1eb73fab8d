"""A DEMETR-shaped perturbation set built at run time from es→en pairs that are not DEMETR.

DEMETR has 25 source sentences per class in each half of the shared split, so a
rule tuned on the 25 tune items learns those items: the fourth session's antonym
figure went 0.458 (tune) → 0.24 (check). This script makes more tuning material
that never touches the DEMETR check half, by the same recipe DEMETR used (one
controlled perturbation of an English translation of a Spanish sentence),
written to a path outside the repository.

Pairs: the WMT24 en→es test set read backwards — the professional Spanish
reference ``en-es.refA.es`` as the source and the English original
``en-es.src.en`` as the "translation" (``mt``, unperturbed and faithful). One
item per short unit: a paragraph of at most ``MAX_CHARS`` characters, or one
sentence of a longer paragraph whose two sides split into the same number of
sentences of similar lengths (``pair_sentences``). Units keep the document
halves of ``split.py which en-es.docs``: ``--half tune`` builds synth-tune,
``--half check`` synth-check. ``--bio FILE`` (with ``--half tune`` only) adds the
Bio-MQM es→en segments judged error-free (``"errors": []``) of the file's tune
half, filtered through ``split.py tune`` whatever file is given.

Perturbations, each a stated rule on Apertium's English analyser and generator
(apertium-eng-spa), WordNet 3.0 (Debian ``wordnet-base``, the database TA511
reads) and wordfreq, named with DEMETR's class names:

* ``critical_id7_antonym``: one word whose readings are all one part of speech
  (adjective, adverb, lexical verb or noun) and whose lemma has a direct
  WordNet antonym of that part of speech is replaced by the antonym,
  regenerated with the word's own tags ("increased" → "decreased", "faster" →
  "slower"). Both words must be common (wordfreq Zipf ≥ ``COMMON_ZIPF``).
* ``critical_id6_addition``: a common adjective (a WordNet adjective that
  Apertium reads only as an adjective, Zipf in ``ADJ_ZIPF``) is inserted before
  a noun that follows a determiner or preposition ("the removals" → "the
  repeated removals"), or a common manner adverb (WordNet adverb in ``-ly``,
  Apertium adverb only) before a finite lexical verb ("revolved" → "happily
  revolved"): DEMETR's additions are such modifiers.
* ``critical_id9_ne_replaced``: a proper-noun run (Apertium ``<np>``: ``ant``/
  ``cog`` a person, ``loc`` a place, ``al`` an organisation or other name) is
  replaced by a run of the same kind from another unit of the same half.
* ``critical_id8_negation``: a sentence with "not"/"n't"/"never" after an
  auxiliary loses it ("did not go" → "went", "is not" → "is"); otherwise the
  first finite verb is negated ("is" → "is not", "has heard" → "has not heard",
  "went" → "did not go", "says" → "does not say").
* ``control_unperturbed``: ``applied`` false and ``target`` equal to ``mt``: the
  control false-alarm rate of ``transaudit eval``.

A rule that finds no slot in a unit marks the item ``applied: false`` with
``target`` equal to ``mt``, as DEMETR does. Choices among several slots or words
are made by a ``random.Random`` seeded with ``--seed`` and the item id, so a run
is reproducible item by item.

    PYTHONPATH=src .venv/bin/python benchmarks/perturb_set.py --half tune /tmp/synth.tune.jsonl
    PYTHONPATH=src .venv/bin/python benchmarks/perturb_set.py --half check /tmp/synth.check.jsonl
    transaudit eval /tmp/synth.tune.jsonl --backend apertium [--extend-select …]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

from transaudit.backtranslation.apertium import _data_dir
from transaudit.meaning.bilingual import Word, lexicon

REPO = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/eval")
WORDNET = Path("/usr/share/wordnet")
#: DEMETR's sentences are 10-60 words; a paragraph longer than this is cut into sentences.
MAX_CHARS = 300
#: Shorter units are headlines and social fragments, with too few slots for a rule.
MIN_CHARS = 40
#: A word seen at least once per million words (Zipf 3) is common English.
COMMON_ZIPF = 3.0
#: A generated form must have been seen in wordfreq's corpora at least this often.
KNOWN_ZIPF = 1.0
#: Inserted modifiers: common enough to be natural, rare enough to carry meaning
#: (the Zipf 5+ adjectives are "new", "good", "other", "same": near-function words).
ADJ_ZIPF = (3.5, 5.0)
#: Sentences paired across languages may differ in length by this ratio at most.
LENGTH_RATIO = 1.8
CLASSES = (
    "control_unperturbed",
    "critical_id7_antonym",
    "critical_id6_addition",
    "critical_id9_ne_replaced",
    "critical_id8_negation",
)
DESCRIPTIONS = {
    "control_unperturbed": "no perturbation: target is the unperturbed translation",
    "critical_id7_antonym": "a word replaced by its WordNet antonym (adj, adv, verb, noun)",
    "critical_id6_addition": "a common adjective before a noun or an -ly adverb before a verb inserted",
    "critical_id9_ne_replaced": "a proper-noun run replaced by another of its kind (person, place, other)",
    "critical_id8_negation": "affirmative to negative or negative to affirmative",
}
_WN_PART = {"adj": "adj", "adv": "adv", "vblex": "verb", "n": "noun"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“¿¡(]?[A-ZÁÉÍÓÚÑ])")


# ---------------------------------------------------------------- resources


@cache
def wordnet_antonyms(part: str) -> dict[str, tuple[str, ...]]:
    """Direct (lexical) antonyms of one WordNet part of speech: word → antonyms.

    Only the word each ``!`` pointer names is taken ("increase" ↔ "decrease"), not
    its synonyms: a generated antonym must be the word WordNet calls the opposite.
    """
    out: defaultdict[str, set[str]] = defaultdict(set)
    try:
        raw = (WORDNET / f"data.{part}").read_bytes()
    except OSError:
        return {}
    pending: list[tuple[str, int, int]] = []
    at = raw.find(b" ! ")
    while at >= 0:  # only the lines holding an antonym pointer are parsed
        start, end = raw.rfind(b"\n", 0, at) + 1, raw.find(b"\n", at)
        end = len(raw) if end < 0 else end
        if raw[start : start + 1].isdigit():
            words, fields, first = _synset(raw[start:end])
            for i in range(int(fields[first])):
                symbol, offset, _, numbers = fields[first + 1 + 4 * i : first + 5 + 4 * i]
                source, target = int(numbers[:2], 16), int(numbers[2:], 16)
                if symbol == b"!" and source and target:
                    pending.append((words[source - 1], int(offset), target))
        at = raw.find(b" ! ", end)
    by_offset = {o: _synset(raw[o : raw.index(b"\n", o)])[0] for o in {o for _, o, _ in pending}}
    for word, offset, target in pending:
        other = by_offset[offset][target - 1]
        if "_" not in word and "_" not in other and word != other:
            out[word].add(other)
            out[other].add(word)
    # Values of a scale of three or more ("positive", "negative", "neutral") are not opposites
    # (the rule of TA511's WordNet reader): a pair with a common third antonym is dropped.
    return {
        word: tuple(sorted(o for o in found if not found & out[o]))
        for word, found in out.items()
        if any(not found & out[o] for o in found)
    }


def _synset(line: bytes) -> tuple[list[str], list[bytes], int]:
    """A data line's words (lower case, no adjective marker), its fields, where its pointers start."""
    fields = line.split(b" ")
    count = int(fields[3], 16)
    words = [fields[4 + 2 * i].split(b"(")[0].decode("latin-1").lower() for i in range(count)]
    return words, fields, 4 + 2 * count


@cache
def wordnet_lemmas(part: str) -> tuple[str, ...]:
    """Single-word lemmas of a WordNet part of speech (its index file)."""
    try:
        lines = (WORDNET / f"index.{part}").read_text(encoding="latin-1").splitlines()
    except OSError:
        return ()
    return tuple(
        line.split(" ", 1)[0] for line in lines if line[:1].isalpha() and "_" not in line.split(" ", 1)[0]
    )


def common(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_ZIPF


#: English generators, tried in order: Apertium eng-spa's, then eng-cat's, whose dictionary
#: has verbs eng-spa lacks ("decrease").
GENERATORS = ("apertium-eng-spa/spa-eng.autogen.bin", "apertium-eng-cat/cat-eng.autogen.bin")


class English:
    """Apertium's English analyser (via :mod:`transaudit.meaning.bilingual`) and generators."""

    def __init__(self) -> None:
        lex = lexicon("en", "es")
        if lex is None:
            raise SystemExit("perturb_set: Apertium eng-spa is not installed")
        self._lex = lex
        self._autogen = [_data_dir() / name for name in GENERATORS if (_data_dir() / name).is_file()]
        self._generated: dict[str, str | None] = {}

    def words(self, texts: Iterable[str]) -> dict[str, tuple[Word, ...]]:
        return self._lex.words(texts)

    def generate(self, units: Iterable[str]) -> dict[str, str | None]:
        """Surface forms of ``lemma<tags>`` units; None where no generator has a form."""
        units = list(units)
        todo = [u for u in dict.fromkeys(units) if u not in self._generated]
        for path in self._autogen:
            if not todo:
                break
            request = "\n".join(f"^{u}$" for u in todo) + "\n"
            reply = subprocess.run(
                ["lt-proc", "-g", str(path)], input=request, capture_output=True, text=True, check=False
            ).stdout.split("\n")
            for unit, line in zip(todo, reply + [""] * len(todo), strict=False):
                form = line.strip()
                ok = form and form[0] not in "#@*" and "<" not in form and "#" not in form
                self._generated[unit] = form if ok else None
            todo = [u for u in todo if self._generated[u] is None]
        return {unit: self._generated[unit] for unit in units}


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``; ``note`` says what the rule did."""

    start: int
    end: int
    new: str
    note: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


def _tags(reading: str) -> str:
    return reading[reading.index("<") :] if "<" in reading else ""


def _pos(reading: str) -> str:
    match = re.match(r"[^<]*<(\w+)>", reading)
    return match.group(1) if match else ""


def _lemma(reading: str) -> str:
    return reading.split("<", 1)[0]


def _one_pos(word: Word) -> str | None:
    """The word's part of speech when all its readings agree, else None."""
    parts = {_pos(r) for r in word.readings}
    return parts.pop() if len(parts) == 1 else None


def _same_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# ---------------------------------------------------------------- rules


def antonym_edits(text: str, words: Sequence[Word], en: English) -> list[Edit]:
    """Every word replaceable by a direct WordNet antonym of its own part of speech.

    The word must be lower case (or sentence-initial), unambiguous in part of
    speech, common, with a common antonym; the antonym is regenerated with each
    reading's tags and every reading must give the same form.
    """
    edits = []
    for index, word in enumerate(words):
        part = _one_pos(word)
        if part not in _WN_PART or " " in word.text or not word.text.isalpha():
            continue
        if word.text[:1].isupper() and index > 0:
            continue
        if text[word.end : word.end + 1] == "-" or text[word.start - 1 : word.start] == "-":
            continue  # part of a compound ("well-trodden")
        lemma = _lemma(word.readings[0]).lower()
        if any(_lemma(r).lower() != lemma for r in word.readings) or not common(lemma):
            continue
        for other in wordnet_antonyms(_WN_PART[part]).get(lemma, ()):
            if not common(other):
                continue
            units = [other + _tags(r) for r in word.readings]
            forms = set(en.generate(units).values())
            if len(forms) != 1 or None in forms:
                if part in ("adj", "adv") and all(
                    set(re.findall(r"<(\w+)>", r)) <= {part, "sint"} for r in word.readings
                ):
                    forms = {other}  # the positive degree is the lemma itself
                else:
                    continue
            form = forms.pop()
            if form is None or zipf_frequency(form, "en") < KNOWN_ZIPF:
                continue  # a generator's guess no corpus has seen ("tenderr")
            edits.append(Edit(word.start, word.end, _same_case(word.text, form), f"{word.text} -> {form}"))
    return edits


def derived_from(word: str, part: str) -> set[str]:
    """Nouns derived from a verb or adjective (WordNet's ``+`` pointers from the word itself).

    WordNet states a derivation on both sides ("sell" → "seller"); taken in the
    senses its sense-tagged corpus saw, as TA511 reads it.
    """
    from transaudit.meaning import wordnet
    from transaudit.meaning.antonyms import _words

    found: set[str] = set()
    for sense_part, offset in wordnet.senses(word, part):
        words, fields, at = _words(wordnet.synset(sense_part, offset))
        if word not in words:
            continue
        own = words.index(word) + 1
        for i in range(int(fields[at])):
            symbol, target, kind, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol == b"+" and kind == b"n" and int(numbers[:2], 16) == own:
                there, _, _ = _words(wordnet.synset("n", int(target)))
                number = int(numbers[2:], 16)
                if 0 < number <= len(there):
                    found.add(there[number - 1])
    return found


def derived_antonym_edits(text: str, words: Sequence[Word], en: English) -> list[Edit]:
    """Every noun replaceable by a noun derived from its base's direct WordNet antonym.

    "seller" comes from "sell", whose antonym "buy" gives "buyer". Pairs that are
    direct antonyms themselves are left to the direct rule, and so are conversions
    and gerunds ("a buy", "selling": the verb used as a noun). The new noun is
    regenerated with the word's own tags; both must be common, as for :func:`antonym_edits`.
    """
    from transaudit.meaning.derivation import bases

    edits = []
    for index, word in enumerate(words):
        if _one_pos(word) != "n" or " " in word.text or not word.text.isalpha():
            continue
        if word.text[:1].isupper() and index > 0:
            continue
        if text[word.end : word.end + 1] == "-" or text[word.start - 1 : word.start] == "-":
            continue
        lemma = _lemma(word.readings[0]).lower()
        if any(_lemma(r).lower() != lemma for r in word.readings) or not common(lemma):
            continue
        direct = set(wordnet_antonyms("noun").get(lemma, ()))
        for base, part, _ in sorted(bases(lemma, "n")):
            for antonym in wordnet_antonyms({"v": "verb", "a": "adj"}[part]).get(base, ()):
                for other in sorted(derived_from(antonym, part)):
                    if other == lemma or other in direct or not common(other) or " " in other:
                        continue
                    if other == antonym or other.endswith("ing"):
                        continue  # the verb itself used as a noun ("a buy", "selling"), not derived
                    forms = set(en.generate([other + _tags(r) for r in word.readings]).values())
                    if len(forms) != 1 or None in forms:
                        continue
                    form = forms.pop()
                    if form is None or zipf_frequency(form, "en") < KNOWN_ZIPF:
                        continue
                    note = f"{word.text} -> {form} (via {base} <-> {antonym})"
                    edit = Edit(word.start, word.end, _same_case(word.text, form), note)
                    if edit not in edits:  # two senses of one base give the same noun
                        edits.append(edit)
    return edits


@cache
def adjective_pool(en: English) -> tuple[str, ...]:
    """Common WordNet adjectives that Apertium reads only as adjectives (positive degree)."""
    low, high = ADJ_ZIPF
    candidates = [w for w in wordnet_lemmas("adj") if w.isalpha() and low <= zipf_frequency(w, "en") < high]
    analysed = en.words(candidates)
    return tuple(
        w
        for w in candidates
        if len(analysed[w]) == 1
        and analysed[w][0].readings
        and all(_pos(r) == "adj" and "<comp>" not in r and "<sup>" not in r for r in analysed[w][0].readings)
    )


@cache
def adverb_pool(en: English) -> tuple[str, ...]:
    """Common WordNet manner adverbs in -ly that Apertium reads only as adverbs."""
    low, high = ADJ_ZIPF
    candidates = [
        w
        for w in wordnet_lemmas("adv")
        if w.isalpha() and w.endswith("ly") and low <= zipf_frequency(w, "en") < high
    ]
    analysed = en.words(candidates)
    return tuple(
        w
        for w in candidates
        if len(analysed[w]) == 1 and all(_pos(r) == "adv" for r in analysed[w][0].readings or ("",))
    )


_INDEFINITE = {"a", "an"}
_FINITE = ("<pri>", "<past>", "<pres>")


def addition_slots(words: Sequence[Word]) -> list[tuple[int, str]]:
    """Where a modifier fits: (offset, "adj") before a common noun, (offset, "adv") before a finite verb.

    A noun after "a"/"an" is skipped (the article would have to change with the
    inserted word); so is a noun already preceded by an adjective.
    """
    slots = []
    for index, word in enumerate(words[1:], start=1):
        before = words[index - 1]
        part = _one_pos(word)
        if part == "n" and word.text.islower() and word.text.isalpha():
            before_part = _one_pos(before)
            if before_part in ("det", "pr") and before.text.lower() not in _INDEFINITE:
                slots.append((word.start, "adj"))
        elif (
            part == "vblex"
            and word.text.islower()
            and all(any(t in r for t in _FINITE) for r in word.readings)
        ):
            if _one_pos(before) in ("prn", "n", "np"):
                slots.append((word.start, "adv"))
    return slots


def addition_edit(text: str, words: Sequence[Word], en: English, rng: random.Random) -> Edit | None:
    slots = addition_slots(words)
    if not slots:
        return None
    at, kind = rng.choice(slots)
    pool = adjective_pool(en) if kind == "adj" else adverb_pool(en)
    present = {w.text.lower() for w in words}
    choices = [w for w in pool if w not in present]
    if not choices:
        return None
    word = rng.choice(choices)
    return Edit(at, at, word + " ", f"+{word} ({kind})")


#: Apertium's proper-noun subtags, grouped into DEMETR's entity kinds.
_KIND = {"ant": "person", "cog": "person", "loc": "place", "al": "other"}


def name_runs(words: Sequence[Word]) -> list[tuple[int, int, str]]:
    """Whole proper-noun runs (start, end, kind): consecutive words read only as ``<np>`` of one kind.

    Each word must have a single kind (Apertium reads "India" as a place and a
    given name: skipped); given names and surnames are both a person ("Maria
    Garcia"). A run next to a capitalised word outside it ("Robert" of "Robert
    Habeck", where Apertium does not know "Habeck") is part of a longer name and
    is skipped, so a replacement always swaps a whole name.
    """
    runs = []
    index = 0
    while index < len(words):
        kind = _np_kind(words[index])
        if kind is None:
            index += 1
            continue
        stop = index + 1
        while (
            stop < len(words)
            and _np_kind(words[stop]) == kind
            and words[stop].start - words[stop - 1].end <= 1
        ):
            stop += 1
        before = words[index - 1] if index else None
        after = words[stop] if stop < len(words) else None
        joined = (before is not None and _name_like(before) and words[index].start - before.end <= 1) or (
            after is not None and _name_like(after) and after.start - words[stop - 1].end <= 1
        )
        if not joined:
            runs.append((words[index].start, words[stop - 1].end, kind))
        index = stop
    return runs


def _name_like(word: Word) -> bool:
    """Capitalised and unknown to the analyser or read as a proper noun: part of a name."""
    return word.text[:1].isupper() and (not word.readings or any(_pos(r) == "np" for r in word.readings))


def _np_kind(word: Word) -> str | None:
    if not word.readings or not word.text[:1].isupper() or any(_pos(r) != "np" for r in word.readings):
        return None
    kinds = {_KIND.get(m.group(1), "") for r in word.readings for m in [re.search(r"<np><(\w+)>", r)] if m}
    return kinds.pop() if len(kinds) == 1 and "" not in kinds else None


def ne_edit(text: str, words: Sequence[Word], pool: dict[str, list[str]], rng: random.Random) -> Edit | None:
    runs = name_runs(words)
    if not runs:
        return None
    start, end, kind = rng.choice(runs)
    old = text[start:end]
    old_words = set(old.lower().split())
    choices = [
        name
        for name in pool.get(kind, [])
        if name not in text and not old_words & set(name.lower().split())  # "Johnson" ↛ "Mike Johnson"
    ]
    if not choices:
        return None
    new = rng.choice(choices)
    return Edit(start, end, new, f"{old} -> {new} ({kind})")


_NEGATION = re.compile(r"\b(not|never)\b|n't\b", re.IGNORECASE)
#: Apertium's auxiliary tags: be, have (perfect), do (support), modals.
_AUX = ("vbser", "vbhaver", "vaux", "vbdo")
#: What may stand before an unambiguous finite verb as its subject.
_SUBJECT = ("prn", "n", "np")


def _has(word: Word, tag: str) -> bool:
    return any(f"<{tag}>" in r for r in word.readings)


def _finite(reading: str) -> bool:
    return any(t in reading for t in _FINITE)


def negation_edit(text: str, words: Sequence[Word], en: English) -> Edit | None:
    """Remove the sentence's first negation, or, without one, negate its first finite verb.

    Removal: "do/does/did not V" → V in the auxiliary's tense ("did not go" →
    "went"); "not" after another auxiliary is deleted ("is not" → "is"); a
    contraction becomes its auxiliary ("wasn't" → "was", "don't know" → "know");
    "never" is deleted. Addition: "not" after a finite be, modal, or perfect
    "have" (one followed by a participle); a finite lexical verb after a subject
    becomes "do/does/did not" + infinitive ("says" → "does not say"). A negation
    the rules cannot undo leaves the item unapplied.
    """
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else None
        low = word.text.lower()
        if low == "never":
            end = after.start if after is not None and after.start - word.end <= 1 else word.end
            return Edit(word.start, end, "", "-never")
        contracted = [r for r in word.readings if "+not<adv>" in r]
        if contracted:
            aux = contracted[0].split("+", 1)[0]
            return _drop_negation(text, word, word, aux, after, en)
        if low == "not" and index > 0 and any(_has(words[index - 1], t) for t in _AUX):
            before = words[index - 1]
            reading = next(r for r in before.readings if any(f"<{t}>" in r for t in _AUX))
            return _drop_negation(text, before, word, reading, after, en)
    if _NEGATION.search(text):
        return None
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else None
        finite = [r for r in word.readings if _finite(r)]
        if not finite or " " in word.text:
            continue
        if not all(_pos(r) in (*_AUX, "vblex") for r in word.readings):
            continue  # "’s" may be a genitive
        if any(_pos(r) in ("vbser", "vaux") for r in finite) or (
            _has(word, "vbhaver") and after is not None and _has(after, "pp")
        ):
            return Edit(word.end, word.end, " not", f"{word.text} +not")
        before = words[index - 1] if index else None
        lexical = [r for r in finite if _pos(r) == "vblex"]
        # A form that is also a participle or an infinitive ("based", "get") is finite only
        # after a subject pronoun: after a noun it may be a reduced relative ("models based
        # on") or a bare infinitive ("watch your king get").
        ambiguous = _has(word, "pp") or _has(word, "inf")
        subject = before is not None and (_has(before, "subj") if ambiguous else _one_pos(before) in _SUBJECT)
        if lexical and word.text.islower() and subject:
            reading = lexical[0]
            infinitive = en.generate([_lemma(reading) + "<vblex><inf>"])[_lemma(reading) + "<vblex><inf>"]
            if not infinitive:
                return None
            aux = "did" if "<past>" in reading else ("does" if "<p3><sg>" in reading else "do")
            return Edit(
                word.start, word.end, f"{aux} not {infinitive}", f"{word.text} -> {aux} not {infinitive}"
            )
    return None


def _drop_negation(
    text: str, aux_word: Word, neg_word: Word, aux: str, after: Word | None, en: English
) -> Edit | None:
    """Undo one negation: "do"-support goes with it, another auxiliary stays."""
    if _pos(aux) == "vbdo":
        if after is None or not _has(after, "vblex"):
            return None
        tense = "<past>" if "<past>" in aux else ("<pri><p3><sg>" if "<p3><sg>" in aux else "<pres>")
        unit = _lemma(next(r for r in after.readings if _pos(r) == "vblex")) + "<vblex>" + tense
        form = en.generate([unit])[unit]
        if not form:
            return None
        new = _same_case(aux_word.text, form)
        return Edit(aux_word.start, after.end, new, f"{text[aux_word.start : after.end]} -> {new}")
    if aux_word is neg_word:  # a contraction: "wasn't" → "was"
        form = en.generate([aux])[aux]
        if not form:
            return None
        new = _same_case(aux_word.text, form)
        return Edit(aux_word.start, aux_word.end, new, f"{aux_word.text} -> {new}")
    return Edit(aux_word.end, neg_word.end, "", f"-{neg_word.text}")


# ---------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """One es→en pair to perturb."""

    id: str
    source: str
    english: str
    origin: str

    @property
    def domain(self) -> str:
        """WMT24's domain (news, social, literary, speech), or "bio" for Bio-MQM."""
        return self.id.split("-")[1] if self.origin == "wmt24" else "bio"


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def pair_sentences(source: str, english: str) -> list[tuple[str, str]]:
    """Sentence pairs of a paragraph, only when both sides split alike.

    Equal sentence counts and every pair within ``LENGTH_RATIO`` in length: a
    translator who merged or split sentences would make a misaligned control.
    """
    a, b = split_sentences(source), split_sentences(english)
    if len(a) != len(b):
        return []
    pairs = list(zip(a, b, strict=True))
    if any(max(len(x), len(y)) > LENGTH_RATIO * min(len(x), len(y)) for x, y in pairs):
        return []
    return pairs


def wmt_units(folder: Path, split_py: Path, half: str) -> list[Unit]:
    """Short es→en units of the WMT24 documents in ``half``."""
    english = (folder / "en-es.src.en").read_text(encoding="utf-8").split("\n")
    spanish = (folder / "en-es.refA.es").read_text(encoding="utf-8").split("\n")
    docs = (folder / "en-es.docs").read_text(encoding="utf-8").split("\n")
    halves = subprocess.run(
        [sys.executable, str(split_py), "which", str(folder / "en-es.docs")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    units = []
    for number, (en, es, doc, which) in enumerate(zip(english, spanish, docs, halves, strict=False), start=1):
        if which != half or en.startswith("CANARY") or not en.strip() or not es.strip():
            continue
        domain = doc.split("\t")[0]
        if len(en) <= MAX_CHARS and len(es) <= MAX_CHARS * 1.3:
            pairs = [(es.strip(), en.strip())]
        else:
            pairs = pair_sentences(es, en)
        for index, (s, e) in enumerate(pairs, start=1):
            if MIN_CHARS <= len(e) <= MAX_CHARS:
                units.append(Unit(f"wmt24-{domain}-{number}.{index}", s, e, "wmt24"))
    return units


def bio_units(path: Path, split_py: Path) -> list[Unit]:
    """Bio-MQM es→en segments judged error-free, of the file's tune half only.

    The rows are filtered through ``split.py tune`` whatever file is given, so the
    Bio-MQM check half, on which recall is judged, never enters the set.
    """
    tune = subprocess.run(
        [sys.executable, str(split_py), "tune", str(path)], capture_output=True, text=True, check=True
    ).stdout
    units = []
    seen = set()
    for line in tune.splitlines():
        row = json.loads(line)
        if row.get("errors") or row.get("source_lang") != "es" or row.get("target_lang") != "en":
            continue
        key = (row["source"], row["target"])
        if key in seen or not MIN_CHARS <= len(row["target"]) <= MAX_CHARS:
            continue
        seen.add(key)
        units.append(Unit(f"bio-{row['id']}".replace("/", "-"), row["source"], row["target"], "bio-mqm"))
    return units


def name_pool(units: Sequence[Unit], analysed: dict[str, tuple[Word, ...]]) -> dict[str, list[str]]:
    """Every proper-noun run of the units by kind, in first-seen order (replacements from the same half)."""
    pool: dict[str, dict[str, None]] = defaultdict(dict)
    for unit in units:
        for start, end, kind in name_runs(analysed[unit.english]):
            pool[kind][unit.english[start:end]] = None
    return {kind: list(names) for kind, names in pool.items()}


def build(
    units: Sequence[Unit], en: English, seed: int, half: str, antonyms: str = "direct"
) -> list[dict[str, object]]:
    analysed = en.words(u.english for u in units)
    pool = name_pool(units, analysed)
    rows = []
    rules: dict[str, Callable[[str, Sequence[Word], random.Random], Edit | None]] = {
        "control_unperturbed": lambda t, w, r: None,
        "critical_id7_antonym": lambda t, w, r: _pick(
            (derived_antonym_edits if antonyms == "derived" else antonym_edits)(t, w, en), r
        ),
        "critical_id6_addition": lambda t, w, r: addition_edit(t, w, en, r),
        "critical_id9_ne_replaced": lambda t, w, r: ne_edit(t, w, pool, r),
        "critical_id8_negation": lambda t, w, r: negation_edit(t, w, en),
    }
    for unit in units:
        words = analysed[unit.english]
        for name in CLASSES:
            item_id = f"synth-{half}/{name}/{unit.id}"
            edit = rules[name](unit.english, words, random.Random(f"{seed}/{item_id}"))
            target = edit.apply(unit.english) if edit else unit.english
            rows.append(
                {
                    "id": item_id,
                    "perturbation": name,
                    "severity": name.split("_", 1)[0],
                    "applied": edit is not None and target != unit.english,
                    "description": DESCRIPTIONS[name],
                    "edit": edit.note if edit else "",
                    "origin": unit.origin,
                    "source_lang": "es",
                    "target_lang": "en",
                    "source": unit.source,
                    "reference": unit.english,
                    "mt": unit.english,
                    "target": target,
                }
            )
    return rows


def _pick(edits: list[Edit], rng: random.Random) -> Edit | None:
    return rng.choice(edits) if edits else None


def sample(units: list[Unit], limit: int, seed: int) -> list[Unit]:
    """At most ``limit`` units (0: all), drawn with the seed, kept in corpus order."""
    if not limit or len(units) <= limit:
        return units
    chosen = set(random.Random(seed).sample(range(len(units)), limit))
    return [u for i, u in enumerate(units) if i in chosen]


DOMAINS = ("news", "social", "literary", "speech", "bio")


def unit_count(text: str) -> int:
    """A count of units: 0 or more (argparse turns the ValueError into one line, exit 2)."""
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def domain_list(text: str) -> set[str]:
    """Known domain names, comma separated (a typo would silently build an empty set)."""
    names = {d.strip() for d in text.split(",") if d.strip()}
    if not names or names - set(DOMAINS):
        raise ValueError(text)
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out", type=Path, help="JSONL to write (outside the repository, e.g. /tmp/synth.tune.jsonl)"
    )
    parser.add_argument("--half", choices=("tune", "check"), required=True, help="WMT24 document half")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the shared eval folder (read in place)")
    parser.add_argument(
        "--bio", type=Path, help="Bio-MQM es2en JSONL: add the error-free segments of its tune half"
    )
    parser.add_argument(
        "--units", type=unit_count, default=300, help="units to sample per half (0: all; default 300)"
    )
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--domains",
        type=domain_list,
        help="keep only these domains, comma separated (news, social, literary, speech, bio); default all",
    )
    parser.add_argument(
        "--antonyms",
        choices=("direct", "derived"),
        default="direct",
        help="antonym rule: WordNet's direct antonyms (default), or nouns derived from antonyms",
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.is_relative_to(REPO):
        print(
            f"{args.out}: write the set outside the repository (eval data never enters it)", file=sys.stderr
        )
        return 2
    if args.bio and args.half != "tune":
        print(
            "perturb_set: --bio adds Bio-MQM tune segments, so it goes with --half tune only", file=sys.stderr
        )
        return 2
    folder = args.eval / "wmt24-en-es"
    try:
        units = wmt_units(folder, args.eval / "split.py", args.half)
        if args.bio:
            units += bio_units(args.bio, args.eval / "split.py")
    except (OSError, subprocess.CalledProcessError, json.JSONDecodeError, KeyError) as error:
        print(f"perturb_set: cannot read the pairs: {error}", file=sys.stderr)
        return 2
    if args.domains:
        units = [u for u in units if u.domain in args.domains]
    units = sample(units, args.units, args.seed)
    rows = build(units, English(), args.seed, args.half, args.antonyms)
    partial = out.with_name(out.name + ".partial")
    try:  # written whole, then renamed: never a half-written set
        out.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        partial.replace(out)
    except OSError as error:
        print(f"{args.out}: cannot write: {error.strerror}", file=sys.stderr)
        return 2
    applied = defaultdict(int)
    for row in rows:
        applied[row["perturbation"]] += bool(row["applied"])
    print(
        f"{out}: {len(units)} units, {len(rows)} items; applied: "
        + ", ".join(f"{k} {v}" for k, v in applied.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
