"""English antonyms from WordNet's own database files (Debian package ``wordnet-base``).

WordNet 3.0 marks direct antonymy between word senses (pointer ``!``:
increase/decrease, fast/slow, good/bad, love/hate) between two senses (synsets);
a word is taken as the antonym of every word of the other sense ("ascend" ↔
"descend", "fall", "go down": the sense is one, its words are synonyms), and so is
a phrasal word of its own sense ("go up" ↔ "fall"), except among three or more
alternatives (:func:`_scales`). The data files are read
directly: each antonym pointer names the other synset by its byte offset in the
same file, so only the lines holding a pointer are parsed and their targets are
read by offset (about 0.2 s once per process). The relation is made symmetric
(WordNet states most pairs both ways, not all). Without the files the mapping
is empty and the antonym check stays silent.

The files are read through :mod:`transaudit.meaning.wordnet`, WordNet's one
reader here (memory maps; index look-ups by bisection).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from transaudit.meaning import wordnet
from transaudit.meaning.wordnet import DEFAULT_FOLDER as DEFAULT_FOLDER  # re-exported
from transaudit.meaning.wordnet import folder as folder  # re-exported

#: The parts of speech, by the name their files carry and the letter of their pointers.
_PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def _words(line: bytes) -> tuple[list[str], list[bytes], int]:
    """A synset line's words (lower case, no adjective marker), its fields, where its pointers start."""
    fields = line.split(b" ")
    count = int(fields[3], 16)
    words = [
        fields[4 + 2 * i].split(b"(")[0].decode("latin-1").replace("_", " ").lower() for i in range(count)
    ]
    return words, fields, 4 + 2 * count


def _named(gloss: str, words: list[str]) -> bool:
    """The gloss names one of these words (or a form of it: "earlier" for "early")."""
    tokens = re.findall(r"[a-z]+", gloss.lower())
    for word in words:
        if " " in word or not word.isalpha():
            continue
        stem = word[: max(4, len(word) - 2)]
        if any(token.startswith(stem) for token in tokens):
            return True
    return False


def _scales(
    pointers: dict[tuple[str, int], set[tuple[str, int]]],
    senses: dict[tuple[str, int], list[str]],
    glosses: dict[tuple[str, int], str],
) -> set[tuple[str, int]]:
    """Senses in a triangle of mutual antonyms that are not its two poles.

    WordNet links each of three or more alternatives to the others ("early",
    "middle", "late"; "past", "present", "future"; "solid", "liquid", "gaseous"):
    a translation that gives the neighbouring value ("un retraso medio" → "… late")
    is not saying the opposite, so such senses are left out. When the gloss of
    one of the three names both others, it is the middle of a scale whose ends
    are the other two ("middle": "between the beginning and the end"; "between
    an earlier and a later period"), and those ends are opposites: only the
    middle is left out, "beginning" ↔ "end" and "early" ↔ "late" stay. Sets of
    alternatives without a middle (seasons, states of matter) stay out whole.
    """
    out: set[tuple[str, int]] = set()
    for sense, others in pointers.items():
        for b in others:
            for c in others & pointers.get(b, set()):
                trio = (sense, b, c)
                middle = [
                    m
                    for m in trio
                    if all(_named(glosses.get(m, ""), senses.get(o, [])) for o in trio if o != m)
                ]
                out.update(middle if len(middle) == 1 else trio)
    return out


def _gloss(line: bytes) -> str:
    return line.split(b"| ", 1)[1].decode("latin-1") if b"| " in line else ""


@dataclass(frozen=True)
class Adjectives:
    """WordNet's adjective clusters: each head sense with its satellites (similar-to senses).

    An adjective sense is either a head, with direct antonyms, or a satellite
    similar to a head ("huge", "vast" ~ "large"). ``clusters`` maps each word to
    the heads of the clusters it belongs to, ``heads`` each head to its words.
    """

    clusters: dict[str, frozenset[int]]
    heads: dict[int, tuple[str, ...]]
    satellites: dict[int, tuple[tuple[tuple[str, ...], int], ...]]
    #: Glosses that are a negation ("not existing"), by the words of their senses.
    negative: dict[str, tuple[str, ...]]
    #: Heads WordNet's "see also" links to other heads ("masculine" → "male").
    also: dict[int, frozenset[int]]


@lru_cache(maxsize=1)
def adjectives() -> Adjectives:
    """The adjective clusters of ``data.adj`` (empty without the database)."""
    clusters: defaultdict[str, set[int]] = defaultdict(set)
    heads: dict[int, tuple[str, ...]] = {}
    satellites: defaultdict[int, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    negative: defaultdict[str, list[str]] = defaultdict(list)
    also: defaultdict[int, set[int]] = defaultdict(set)
    for line in wordnet.synsets("a"):
        words, fields, at = _words(line)
        offset = int(fields[0])
        gloss = _gloss(line).split(";", 1)[0]
        if _NEGATIVE_GLOSS.search(gloss):
            for word in words:
                negative[word].append(gloss)
        if fields[2] == b"a":
            heads[offset] = tuple(words)
            for word in words:
                clusters[word].add(offset)
            for i in range(int(fields[at])):
                symbol, target, part = fields[at + 1 + 4 * i : at + 4 + 4 * i]
                if symbol == b"^" and part == b"a":
                    also[offset].add(int(target))
            continue
        for i in range(int(fields[at])):
            symbol, target = fields[at + 1 + 4 * i : at + 3 + 4 * i]
            if symbol == b"&":
                head = int(target)
                satellites[head].append((tuple(words), offset))
                for word in words:
                    clusters[word].add(head)
    return Adjectives(
        {w: frozenset(h) for w, h in clusters.items()},
        heads,
        {h: tuple(s) for h, s in satellites.items()},
        {w: tuple(g) for w, g in negative.items()},
        {h: frozenset(o) for h, o in also.items()},
    )


#: Negative prefixes of English adjectives (Quirk et al. 1985, App. I.21; Marchand
#: 1969): "un-" and "non-", "dis-", and "in-" with its assimilated forms, "im-"
#: before b/m/p, "il-" before l, "ir-" before r ("impossible", "illegal", "irregular").
_NEGATIVE_PREFIXES = ("un", "non-", "non", "dis", "in", "im", "il", "ir")
#: Which letters each assimilated form of "in-" stands before.
_ASSIMILATED = {"im": "bmp", "il": "l", "ir": "r"}
#: WordNet glosses a negative derivative by a negation ("nonexistent": "not
#: existing"; "unkind": "lacking kindness"; "illegal", "prohibited by law", is not
#: glossed so, but "illegal" ↔ "legal" is a direct antonym already).
_NEGATIVE_GLOSS = re.compile(r"\b(?:not|lacking|without|no|never)\b")
#: Shortest base a negative prefix is taken off from ("ir" + "e" is no word).
_MIN_BASE = 4


def _in_index(word: str, part: str) -> bool:
    """WordNet lists the word in this part of speech (its index, searched by bisection)."""
    return bool(wordnet.senses(word, _PARTS[part]))


def part_of_speech(word: str) -> str:
    """The first of adjective, noun, verb, adverb that WordNet lists the word as ("" if none)."""
    for part in ("adj", "noun", "verb", "adv"):
        if _in_index(word, part):
            return part
    return ""


def _base_after(word: str, prefix: str) -> str:
    """What is left of the word after this negative prefix, or "" if it cannot be one."""
    if not word.startswith(prefix):
        return ""
    base = word[len(prefix) :]
    if len(base) < _MIN_BASE or not base[0].isalpha():
        return ""
    if prefix == "in" and base[0] in "bmplr":
        return ""
    if prefix in _ASSIMILATED and base[0] not in _ASSIMILATED[prefix]:
        return ""
    return base


def negated(word: str) -> frozenset[str]:
    """Adjectives a negative affix makes this English word the opposite of.

    "unviable" is "viable" negated, and "viable" is a satellite of "possible", so
    "unviable" says the opposite of "possible" too; "careless" of "careful" (the
    suffixes "-less" and "-ful"). The base must be a WordNet adjective, and the word
    either not in WordNet (it is checked against a dictionary by the caller) or an
    adjective with a sense WordNet glosses as a negation of the base ("nonexistent":
    "not existing"; "unkind": "lacking kindness"), in a cluster of its own:
    "intense" is no negated "tense", "invaluable" (similar to "valuable") no
    opposite of it, "inside" none of "side", "indifferent" ("having no particular
    interest") none of "different". A word WordNet lacks also opposes the heads of
    its base's clusters ("unviable": "possible"); one it has, only its base. A
    WordNet noun or verb is no negated adjective ("infancy", "insure").
    """
    table = adjectives()
    word = word.lower()
    bases = [b for prefix in _NEGATIVE_PREFIXES if (b := _base_after(word, prefix))]
    if word.endswith("less"):
        bases.append(word[:-4] + "ful")
    elif word.endswith("ful"):
        bases.append(word[:-3] + "less")
    bases = [b for b in bases if b in table.clusters]
    if not bases or _in_index(word, "noun") or _in_index(word, "verb"):
        return frozenset()  # "insure" is a verb, "infancy" a noun: no negated "sure", "fancy"
    found: set[str] = set()
    own = table.clusters.get(word)
    for base in bases:
        heads = table.clusters[base]
        if own is not None:
            if own & heads or not any(_named(g, [base]) for g in table.negative.get(word, ())):
                continue
            found.add(base)
            continue
        found.add(base)
        for head in heads:
            found.update(table.heads.get(head, ()))
    return frozenset(found - {word})


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Each English word to its WordNet antonyms (empty without the database).

    Antonymy is recorded between one word of each sense ("rise" ↔ "fall"); the
    word's antonym gets the other sense's words, its synonyms there ("fall" ↔
    "rise", "go up", "arise"), and the phrasal words of either sense get the
    antonyms of their sense's word: Apertium renders many verbs by the phrasal
    synonym WordNet lists in the same sense ("subir" → "go up", "bajar" → "go
    down"), where a particle says what the single word says. Single words of the
    same sense stay out ("lift" is not the opposite of "fall": lexical antonymy is
    between words, not senses). Three-way scales are left out but for their
    poles (:func:`_scales`).

    Adjectives also have indirect antonyms (:func:`indirect`).
    """
    senses: dict[tuple[str, int], list[str]] = {}
    glosses: dict[tuple[str, int], str] = {}
    links: list[tuple[tuple[str, int], tuple[str, int], int, int]] = []
    pointers: defaultdict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for part, letter in _PARTS.items():
        for line in wordnet.pointing(letter, b"!"):
            words, fields, at = _words(line)
            here = (part, int(fields[0]))
            senses[here], glosses[here] = words, _gloss(line)
            for i in range(int(fields[at])):
                symbol, offset, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol != b"!":
                    continue
                start = int(offset)
                there = (part, start)
                if there not in senses:
                    line_there = wordnet.synset(letter, start)
                    senses[there], _, _ = _words(line_there)
                    glosses[there] = _gloss(line_there)
                pointers[here].add(there)
                pointers[there].add(here)
                links.append((here, there, int(numbers[:2], 16), int(numbers[2:], 16)))
    scales = _scales(pointers, senses, glosses)
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for here, there, source, target in links:
        if here in scales or there in scales:
            continue
        words, other = senses[here], senses[there]
        a, b = words[source - 1], other[target - 1]
        for word in [a, *(w for w in words if " " in w)]:
            pairs[word].update(other)
        for word in [b, *(w for w in other if " " in w)]:
            pairs[word].update(words)
    return {word: frozenset(found) for word, found in pairs.items()}


def _direct_adjectives() -> list[tuple[int, str, int, str]]:
    """Direct antonym links between adjective heads: (head, its word, other head, its word)."""
    out = []
    for line in wordnet.pointing("a", b"!"):
        words, fields, at = _words(line)
        if fields[2] != b"a":
            continue
        for i in range(int(fields[at])):
            symbol, offset, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol != b"!":
                continue
            other, _, _ = _words(wordnet.synset("a", int(offset)))
            source, target = int(numbers[:2], 16), int(numbers[2:], 16)
            out.append((int(fields[0]), words[source - 1], int(offset), other[target - 1]))
    return out


@lru_cache(maxsize=1)
def indirect() -> dict[str, frozenset[str]]:
    """WordNet's indirect antonyms of adjectives: a satellite and its head's antonym.

    A satellite of a head ("pretty" ~ "beautiful", "prior" ~ "antecedent") is
    opposed to the head's antonym ("ugly", "subsequent"), and that antonym to the
    satellite. This is how WordNet presents antonymy among adjectives (Gross &
    Miller 1990: "huge (vs. small)", through "large"). Two satellites are not
    opposed (one step of similarity at most), and a satellite counts only in a
    sense the sense-tagged corpus saw ("full" is a satellite of "high" only for a
    sound's depth). Pairs among the three values of a scale are left out as in
    :func:`antonyms`.
    """
    clusters, tagged, table = adjectives(), _tagged("a"), antonyms()
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for head, word, other, antonym in _direct_adjectives():
        if antonym not in table.get(word, ()):
            continue  # a scale's neighbouring values
        for near, far in ((head, antonym), (other, word)):
            for satellite, offset in clusters.satellites.get(near, ()):
                for member in satellite:
                    if offset in tagged.get(member, ()):
                        pairs[member].add(far)
                        pairs[far].add(member)
    return {word: frozenset(found) for word, found in pairs.items()}


def _first(word: str, tagged: dict[str, tuple[int, ...]]) -> int:
    senses = tagged.get(word, ())
    return senses[0] if senses else -1


def _tagged(part: str) -> dict[str, tuple[int, ...]]:
    """Each word's senses of this part of speech (a, v) the sense-tagged corpus saw, commonest first.

    The index lists a word's senses commonest first and says how many of them
    the semantic concordance tagged at least once; the others are rare readings
    ("full" of a sound, "game" for lame). One pass over the index, for the tables
    built once over every word (a look-up by bisection per word is slower here).
    """
    return {word: offsets for word, offsets, _ in wordnet.entries(part, seen=True)}


@lru_cache(maxsize=1)
def troponyms() -> dict[str, frozenset[str]]:
    """Verbs opposed through their hypernym: a troponym and its hypernym's antonym.

    WordNet organises verbs by troponymy ("hate" is a manner of "dislike"), and a
    troponym inherits its hypernym's opposition ("dislike" ↔ "like", so "hate" ↔
    "like"), as a satellite adjective inherits its head's. One step only, and
    only in the troponym's commonest sense (the first that WordNet's index lists
    and its sense-tagged corpus saw), and the antonym in a sense that corpus saw:
    common verbs have many senses ("leave" 14, "take" 42), and a rare one's
    hypernym says nothing of the word in use. The troponym, its hypernym and the
    hypernym's antonym must belong to one semantic field (WordNet's lexicographer
    file: "hate", "dislike" and "like" are all verbs of emotion); "change" ↔ "stay"
    would otherwise oppose "stay" to "collapse", a verb of motion.
    """
    tagged = _tagged("v")
    opposed: dict[int, list[str]] = {}
    field: dict[int, bytes] = {}
    for line in wordnet.pointing("v", b"!"):
        words, fields, at = _words(line)
        for i in range(int(fields[at])):
            symbol, offset, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol == b"!":
                other, there, _ = _words(wordnet.synset("v", int(offset)))
                far = other[int(numbers[2:], 16) - 1]
                if int(offset) in tagged.get(far, ()) and there[1] == fields[1]:
                    opposed.setdefault(int(fields[0]), []).append(far)
                    field[int(fields[0])] = fields[1]
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for line in wordnet.synsets("v"):
        if b" @ " not in line:
            continue
        words, fields, at = _words(line)
        here = int(fields[0])
        for i in range(int(fields[at])):
            symbol, target = fields[at + 1 + 4 * i : at + 3 + 4 * i]
            if symbol != b"@" or int(target) not in opposed or field[int(target)] != fields[1]:
                continue
            for word in words:
                if _first(word, tagged) == here:
                    for far in opposed[int(target)]:
                        pairs[word].add(far)
                        pairs[far].add(word)
    return {word: frozenset(found) for word, found in pairs.items()}


@lru_cache(maxsize=1)
def common_clusters() -> dict[str, frozenset[int]]:
    """Each adjective to the clusters (heads) of its senses the sense-tagged corpus saw.

    Two adjectives in one such cluster say much the same ("real", "true"), and so
    do two in clusters WordNet links by "see also" ("masculine" → "male"); rare
    senses are left out, or "good" and "bad", with some twenty senses each, would
    share one.
    """
    table, tagged = adjectives(), _tagged("a")
    heads = {offset: head for head, members in table.satellites.items() for _, offset in members}
    out: dict[str, frozenset[int]] = {}
    for word, offsets in tagged.items():
        found = frozenset(heads.get(offset, offset) for offset in offsets) & table.heads.keys()
        found |= frozenset(heads[o] for o in offsets if o in heads)
        found |= frozenset(o for head in found for o in table.also.get(head, ()))
        if found:
            out[word] = found
    return out


class _VerbSenses(Mapping[str, int]):
    """English verbs (as ``index.verb`` lists them) to their number of senses, looked up on demand."""

    def __getitem__(self, verb: str) -> int:
        found = wordnet.entry(verb, "v")
        if found is None:
            raise KeyError(verb)
        return len(found[0])

    def __iter__(self) -> Iterator[str]:
        return (verb for verb, _, _ in wordnet.entries("v"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@lru_cache(maxsize=1)
def verb_senses() -> Mapping[str, int]:
    """Each English verb to its number of WordNet senses (``index.verb``; empty without it).

    The verbs idioms and light-verb phrases borrow are the most polysemous ones
    ("give" 44, "take" 42, "go" 30, "come" 21, "start" 14), unlike verbs that say
    one thing ("increase" 2, "win" 4, "lose" 11). Each verb is looked up in the
    index when asked for (by bisection), not read in up front.
    """
    return _VerbSenses()
