"""Words, their dictionary forms and their dictionary translations, from Apertium's data.

A word-level comparison of a source and its translation needs to know which
words translate which. Apertium's installed language pairs carry exactly that:
a morphological analyser (``*.automorf.bin``: "slower" → ``slow<adj><comp>``,
every reading of an ambiguous word) and a bilingual dictionary
(``*.autobil.bin``: ``slow<adj>`` → ``lento<adj>``). Both are read with
``lt-proc`` (the program Apertium's own pipeline runs), one process per batch
of texts; the files are found through the pair's mode file, so every installed
pair works without configuration. Without Apertium, or without a pair for the
two languages, :func:`lexicon` returns None and the callers stay silent.
"""

from __future__ import annotations

import atexit
import os
import re
import select
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from transaudit.analysis.text import fold
from transaudit.backtranslation.apertium import _data_dir, installed_modes, mode_for

#: Apertium stream format: one lexical unit per ``^…$``; readings after the surface form.
_UNIT = re.compile(r"\^((?:\\.|[^$\\])*)\$")
#: Characters the stream format reserves; escaped with a backslash on the way in.
_RESERVED = re.compile(r"([\[\]^$/\\@<>{}*#])")
_AUTOMORF = re.compile(r"lt-proc(?: -\w)* '([^']+\.automorf\.bin)'")
_AUTOBIL = re.compile(r"'([^']+\.autobil\.bin)'")
#: Parts of speech that carry content (Apertium's tag set): nouns, lexical verbs,
#: adjectives, adverbs. Pronouns, determiners, prepositions, auxiliaries and
#: conjunctions are grammar, which translations rearrange freely; ordinals
#: ("first", "last": determiners tagged ``<ord>``) carry content too.
CONTENT_TAGS = frozenset({"n", "vblex", "adj", "adv"})
_TIMEOUT = 120
#: Requests shorter than this (bytes) are written without a thread: below POSIX's
#: PIPE_BUF (4096), a write into an empty pipe never blocks.
INLINE_REQUEST = 4000
#: The long-lived lt-proc processes started by this process (closed at exit).
_LIVE: list[subprocess.Popen[bytes]] = []
#: Texts and readings kept per lexicon; past this the memo starts afresh (a batch of
#: 100,000 segments must not keep every analysis in memory).
MEMO_LIMIT = 50_000


@dataclass(frozen=True)
class Word:
    """A word of a text: its offsets, its surface form and its analyses (empty if unknown)."""

    start: int
    end: int
    text: str
    readings: tuple[str, ...]

    @cached_property
    def lemmas(self) -> frozenset[str]:
        """Dictionary forms, folded (case and accents aside); the word itself if unknown.

        Cached on the word (checks ask for it once per pair of words they link, tens
        of thousands of times a segment); ``cached_property`` writes the instance's
        ``__dict__`` directly, so the dataclass stays frozen for its fields.
        """
        found = {fold(r.split("<", 1)[0]) for r in self.readings}
        return frozenset(found or {fold(self.text)})

    @cached_property
    def content(self) -> bool:
        """A content word: some reading is a noun, verb, adjective or adverb (or unknown)."""
        if not any(ch.isalpha() for ch in self.text):
            return False
        if not self.readings:
            return True
        return any(_tag(r) in CONTENT_TAGS or "<ord>" in r for r in self.readings)


def _tag(reading: str) -> str:
    match = re.search(r"<(\w+)>", reading)
    return match.group(1) if match else ""


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _split(unit: str) -> list[str]:
    return [_unescape(p) for p in re.split(r"(?<!\\)/", unit)]


class Lexicon:
    """Apertium's analyser and bilingual dictionary from one language to another."""

    def __init__(self, lang: str, other: str, automorf: Path, autobil: Path) -> None:
        self.lang, self.other = lang, other
        self._automorf, self._autobil = automorf, autobil
        self._words: dict[str, tuple[Word, ...]] = {}
        self._translations: dict[str, frozenset[str]] = {}
        self._processes: dict[tuple[str, ...], tuple[int, subprocess.Popen[bytes]]] = {}
        self._lock = threading.Lock()

    def _run(self, args: list[str], lines: Sequence[str]) -> list[str]:
        """One request to a long-lived ``lt-proc -z`` (null-flush) process; empty lines on failure."""
        request = ("\n".join(lines) + "\n").replace("\0", " ")
        for _ in range(2):  # a process that died (or was inherited through fork) is started again
            process = self._process(args)
            if process is None:
                break
            try:
                with self._lock:
                    reply = _exchange(process, request.encode("utf-8"))
            except (OSError, ValueError):
                self._processes.pop(tuple(args), None)
                continue
            out = reply.decode("utf-8", errors="replace").split("\n")
            return (out + [""] * len(lines))[: len(lines)]
        return [""] * len(lines)

    def _process(self, args: list[str]) -> subprocess.Popen[bytes] | None:
        key = tuple(args)
        known = self._processes.get(key)
        if known is not None and known[0] == os.getpid() and known[1].poll() is None:
            return known[1]
        try:
            process = subprocess.Popen(
                ["lt-proc", "-z", *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return None
        self._processes[key] = (os.getpid(), process)
        _LIVE.append(process)
        return process

    def words(self, texts: Iterable[str], keep: bool = True) -> dict[str, tuple[Word, ...]]:
        """The words of each text with their analyses (one analyser process for the new ones).

        With ``keep=False`` new analyses are returned without being memoised: a default
        check that analyses a few texts of every article must not grow the memo (up to
        :data:`MEMO_LIMIT` texts, hundreds of MiB on long paragraphs).
        """
        wanted = list(dict.fromkeys(texts))
        todo = [t for t in wanted if t not in self._words]
        if keep and len(self._words) + len(todo) > MEMO_LIMIT:
            self._words = {t: w for t, w in self._words.items() if t in wanted}
        fresh: dict[str, tuple[Word, ...]] = {}
        if todo:
            lines = [_RESERVED.sub(r"\\\1", " ".join(t.split())) for t in todo]
            for text, line in zip(todo, self._run(["-w", str(self._automorf)], lines), strict=True):
                fresh[text] = _locate(text, line)
            if keep:
                self._words.update(fresh)
        return {t: fresh[t] if t in fresh else self._words[t] for t in wanted}

    def translate(self, readings: Iterable[str]) -> dict[str, frozenset[str]]:
        """Folded dictionary forms of every translation of each reading.

        A multiword whose head inflects ("rueda<n><f><sg># de prensa", "llevar<vblex><inf>#
        a cabo") is looked up the way Apertium's own pipeline does after its pretransfer
        step, with the invariable tail before the tags ("rueda# de prensa<n><f><sg>" →
        "press conference"); the "#" of a translation is dropped ("carry out").
        """
        wanted = list(dict.fromkeys(readings))
        for reading in wanted:
            moved = _pretransfer(reading)
            form = moved.split("<", 1)[0].replace("#", "") if moved != reading else reading.split("<", 1)[0]
            if _RESERVED.search(form):
                self._translations[reading] = frozenset()  # a symbol ("$", "/"): nothing to translate
        todo = [r for r in wanted if r not in self._translations]
        if len(self._translations) + len(todo) > MEMO_LIMIT:
            self._translations = {r: t for r, t in self._translations.items() if r in wanted}
        if todo:
            out = self._run(["-b", str(self._autobil)], [f"^{_pretransfer(r)}$" for r in todo])
            for reading, line in zip(todo, out, strict=True):
                found: set[str] = set()
                for unit in _UNIT.findall(line):
                    for option in _split(unit)[1:]:
                        if option and option[0] not in "@*#":
                            found.add(fold(" ".join(option.split("<", 1)[0].replace("#", " ").split())))
                self._translations[reading] = frozenset(found - {""})
        return {r: self._translations[r] for r in wanted}

    def translations(self, word: Word) -> frozenset[str]:
        """Every translation the dictionary gives for any reading of the word."""
        return frozenset().union(*self.translate(word.readings).values()) if word.readings else frozenset()


def _pretransfer(reading: str) -> str:
    """A "#" multiword's tail moved before its tags, as Apertium's pretransfer step does.

    The analyser writes "rueda<n><f><sg># de prensa"; the bilingual dictionary
    knows "rueda# de prensa<n><f><sg>". Other readings are returned unchanged.
    """
    if "#" not in reading or "<" not in reading.split("#", 1)[0]:
        return reading
    head, tail = reading.split("#", 1)
    lemma, tags = head.split("<", 1)
    return f"{lemma}#{tail}<{tags}"


def _exchange(process: subprocess.Popen[bytes], request: bytes) -> bytes:
    """Send one NUL-terminated request and read the reply up to its NUL.

    A long request is written from a thread: it would otherwise fill the pipe
    both ways (lt-proc blocks writing its output while we block writing our
    input). A short one (:data:`INLINE_REQUEST`) is written directly: the
    previous reply was read to its end, so lt-proc has consumed all it was sent
    and the pipe is empty, and a write that fits in an empty pipe (64 KiB on
    Linux, 4 KiB at least by POSIX's PIPE_BUF) never blocks. Starting a thread
    cost more than the look-up itself for one segment.
    """
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout

    def write() -> None:
        try:
            stdin.write(request + b"\0")
            stdin.flush()
        except OSError:
            pass

    writer: threading.Thread | None = None
    if len(request) < INLINE_REQUEST:
        write()
    else:
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([stdout], [], [], _TIMEOUT)
        if not ready:
            process.kill()
            raise OSError("lt-proc did not answer")
        chunk = os.read(stdout.fileno(), 1 << 16)  # what is there, without waiting for more
        if not chunk:
            if writer is not None:
                writer.join(_TIMEOUT)
            raise OSError("lt-proc ended")
        chunks.append(chunk)
        if chunk.endswith(b"\0"):
            break
    if writer is not None:
        writer.join(_TIMEOUT)
    return b"".join(chunks)[:-1]


@atexit.register
def _close() -> None:
    """Close the analysers' input so they end with the audit."""
    for process in _LIVE:
        if process.stdin is not None and not process.stdin.closed:
            try:
                process.stdin.close()
            except OSError:
                pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


def _locate(text: str, line: str) -> tuple[Word, ...]:
    """Lexical units of the analyser's output, placed back on the original text."""
    found: list[Word] = []
    position = 0
    for unit in _UNIT.findall(line):
        parts = _split(unit)
        surface, readings = parts[0], tuple(r for r in parts[1:] if r and not r.startswith("*"))
        start = _find(text, surface, position)
        if start < 0:
            continue
        end = start + len(surface)
        position = end
        found.append(Word(start, end, text[start:end], readings))
    return tuple(found)


def _find(text: str, surface: str, position: int) -> int:
    """The surface form's offset, tolerant of the whitespace the analyser normalised."""
    at = text.find(surface, position)
    if at >= 0 or " " not in surface:
        return at
    pattern = r"\s+".join(re.escape(p) for p in surface.split())
    match = re.compile(pattern).search(text, position)
    return match.start() if match else -1


@lru_cache(maxsize=16)
def lexicon(lang: str, other: str) -> Lexicon | None:
    """The analyser of ``lang`` and its dictionary into ``other`` (None if not installed)."""
    mode = mode_for(lang, other, installed_modes())
    if mode is None:
        return None
    try:
        pipeline = (_data_dir() / "modes" / f"{mode}.mode").read_text(encoding="utf-8")
    except OSError:
        return None
    automorf, autobil = _AUTOMORF.search(pipeline), _AUTOBIL.search(pipeline)
    if automorf is None or autobil is None:
        return None
    paths = Path(automorf.group(1)), Path(autobil.group(1))
    if not all(p.is_file() for p in paths):
        return None
    return Lexicon(lang, other, *paths)
