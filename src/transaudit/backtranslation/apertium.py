"""Apertium, the offline default: Debian's rule-based engine run as a pipe.

Why it is driven the way it is:

* One process per batch. Starting the pipeline costs about 0.6 s, so one
  process per segment is about a hundred times slower than one per article.
* Units are separated by a blank line. Apertium treats a blank line as a
  paragraph break and never moves words across it; across a single newline it
  does (a title "… Samarkand Summit" followed by "Date:" came back as
  "… Cita" / "de Cumbre:"), and null-flush mode (``-z``) left words
  untranslated in a trial. Callers therefore pass single-line texts; any
  newline left inside a text is folded into a space here.
* Unknown-word marks are kept (no ``-u``) and parsed: ``*word`` (not in the
  analyser) and ``@word`` (no entry in the bilingual dictionary) are words the
  engine left untranslated, which often points at a misspelling or a name;
  ``#word`` (a form the generator could not produce) is only stripped. Literal
  ``*``, ``#`` and ``@`` in the input are swapped for private-use characters on
  the way in and back on the way out, so they are never taken for marks.
* If the output does not split into as many units as went in, the batch is
  halved until the unit that broke the split is found; only that unit is
  marked, the others keep their translation.
* Where Debian has no direct pair, a *route* of two modes through a pivot
  language (:data:`PIVOTS`) is used: a French target goes ``fr-es`` then
  ``spa-eng`` to reach an English source. Apertium's Romance pairs are built
  around Spanish and Catalan, so those are the pivots; the report says
  "via es". Unknown words are taken from the first step only: they are words
  of the target text, while the second step's are words of the pivot text.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from transaudit.backtranslation.base import BackendError, Translation, check_length, language_codes

SEPARATOR = "\n\n"
_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")
#: Literal mark characters travel as private-use characters (which Apertium
#: passes through untouched) so that every mark in the output is a real one.
_PROTECT = {"*": "\ue001", "#": "\ue002", "@": "\ue003"}
_RESTORE = str.maketrans({v: k for k, v in _PROTECT.items()})
_PROTECT_TABLE = str.maketrans(_PROTECT)
_MARK_RE = re.compile(r"([*#@])(\w+(?:['’\-]\w+)*)")
#: Marks whose word the engine left untranslated (reported as unknown words).
UNKNOWN_MARKS = frozenset("*@")
DEFAULT_CHUNK = 2000
#: Pivot languages for two-step routes, in order of preference: the hubs of
#: Apertium's pair graph in Debian (most Romance pairs have a Spanish side,
#: the rest a Catalan one).
PIVOTS = ("es", "ca")


@lru_cache(maxsize=8)
def installed_modes(executable: str = "apertium") -> tuple[str, ...]:
    """The translation modes ``apertium -l`` lists (empty if Apertium is missing)."""
    if shutil.which(executable) is None:
        return ()
    try:
        listed = subprocess.run([executable, "-l"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(sorted(line.strip() for line in listed.stdout.splitlines() if line.strip()))


def installed_pairs(modes: Sequence[str]) -> list[tuple[str, str]]:
    """The (source, target) languages of translation modes (``spa-eng_US`` → es, en), sorted.

    Mode names of two codes only: others (``eco-es-fr``) name no plain pair.
    """
    from transaudit.analysis.languages import parse_tag

    found = set()
    for mode in modes:
        parts = mode.split("-")
        if len(parts) != 2:
            continue
        source, target = parse_tag(parts[0]), parse_tag(parts[1].split("_")[0])
        if source is not None and target is not None and source.language != target.language:
            found.add((source.language, target.language))
    return sorted(found)


def mode_for(source_lang: str, target_lang: str, modes: Sequence[str]) -> str | None:
    """The installed mode translating source_lang → target_lang, if any.

    Apertium names modes with three-letter codes (``eng-spa``; a few old pairs
    use two letters); a regional variant (``spa-eng_US``) is chosen only when
    the target tag asks for that region.
    """
    sources, _ = language_codes(source_lang)
    targets, region = language_codes(target_lang)
    available = set(modes)
    for source in sources:
        for target in targets:
            candidates = [f"{source}-{target}_{region}"] if region else []
            candidates.append(f"{source}-{target}")
            for candidate in candidates:
                if candidate in available:
                    return candidate
    return None


class Route(NamedTuple):
    """The modes that take one language to another, and the pivot between them if any."""

    modes: tuple[str, ...]
    via: str | None = None


def route_for(source_lang: str, target_lang: str, modes: Sequence[str]) -> Route | None:
    """One direct mode, else two through the first pivot that joins the pair, else None."""
    direct = mode_for(source_lang, target_lang, modes)
    if direct is not None:
        return Route((direct,))
    source, target = source_lang.split("-")[0].lower(), target_lang.split("-")[0].lower()
    for pivot in PIVOTS:
        if pivot in (source, target):
            continue
        first = mode_for(source_lang, pivot, modes)
        second = mode_for(pivot, target_lang, modes) if first else None
        if first and second:
            return Route((first, second), pivot)
    return None


def _data_dir() -> Path:
    return Path(os.environ.get("APERTIUM_DATADIR", "/usr/share/apertium"))


@lru_cache(maxsize=8)
def _engine_version(executable: str) -> str:
    try:
        out = subprocess.run([executable, "-V"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return "apertium (version unknown)"
    return out.stdout.strip() or "apertium (version unknown)"


@lru_cache(maxsize=16)
def _data_version(mode: str) -> str:
    """The language data behind a mode: its package version and a file fingerprint.

    The fingerprint (sizes and modification times of every file the mode
    names) changes whenever the data is rebuilt or upgraded, so cached
    translations from older data are never reused.
    """
    mode_file = _data_dir() / "modes" / f"{mode}.mode"
    try:
        pipeline = mode_file.read_text(encoding="utf-8")
    except OSError:
        return "data unknown"
    files = sorted(set(re.findall(r"'(/[^']+)'", pipeline)))
    digest = hashlib.sha256(pipeline.encode())
    package = None
    for name in files:
        path = Path(name)
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        package = package or path.parent.name
    label = package or mode
    version = _package_version(package) if package else None
    return f"{label} {version or 'unknown'} ({digest.hexdigest()[:12]})"


def _package_version(package: str) -> str | None:
    if shutil.which("dpkg-query") is None:
        return None
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def parse_marks(text: str) -> tuple[str, list[str]]:
    """Strip Apertium's marks from one output unit; return the clean text and unknown words."""
    unknown: list[str] = []

    def strip(match: re.Match[str]) -> str:
        word = match.group(2)
        if match.group(1) in UNKNOWN_MARKS:
            unknown.append(word.translate(_RESTORE))
        return word

    clean = _MARK_RE.sub(strip, text)
    clean = clean.replace("*", "").replace("#", "").replace("@", "")
    return " ".join(clean.translate(_RESTORE).split()), unknown


class ApertiumBackend:
    """Back-translation through one Apertium mode (e.g. ``eng-spa``) or a route of two."""

    name = "apertium"
    unit = "line"

    def __init__(
        self,
        mode: str | Sequence[str],
        executable: str = "apertium",
        timeout: float | None = None,
        chunk_size: int = DEFAULT_CHUNK,
        pivot: str | None = None,
    ) -> None:
        self.modes: tuple[str, ...] = (mode,) if isinstance(mode, str) else tuple(mode)
        if not self.modes:
            raise ValueError("an Apertium backend needs at least one mode")
        self.mode = " + ".join(self.modes)
        self.pivot = pivot
        self.executable = executable
        self.timeout = timeout
        self.chunk_size = max(1, chunk_size)

    def identity(self) -> str:
        return self.mode

    def version(self) -> str:
        data = "; ".join(_data_version(mode) for mode in self.modes)
        return f"{_engine_version(self.executable)}; {data}"

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {"engine": "apertium", "mode": self.mode, "version": self.version()}
        if self.pivot:
            described["via"] = self.pivot
        return described

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        if shutil.which(self.executable) is None:
            raise BackendError(f"'{self.executable}' is not installed (Debian package apertium)")
        missing = [mode for mode in self.modes if mode not in installed_modes(self.executable)]
        if missing:
            raise BackendError(f"apertium has no mode {missing[0]}")
        results = self._translate_step(self.modes[0], texts)
        for mode in self.modes[1:]:
            # Later steps translate the pivot text; the target's unknown words
            # (from the first step) are what the report shows.
            pivot_texts = [result.text or "" for result in results]
            onward = self._translate_step(mode, pivot_texts)
            results = [
                Translation(later.text, first.unknown, later.note) if first.ok else first
                for first, later in zip(results, onward, strict=True)
            ]
        return check_length(texts, results, "apertium")

    def _translate_step(self, mode: str, texts: Sequence[str]) -> list[Translation]:
        """One mode over every text, in chunks; an empty text stays an empty result."""
        results: list[Translation] = [Translation("") for _ in texts]
        # NUL would switch the pipeline's null-flush handling on; whitespace runs
        # (newlines included) become one space so no unit spans a line break.
        work = [(index, " ".join(text.replace("\x00", " ").split())) for index, text in enumerate(texts)]
        work = [(index, text) for index, text in work if text]
        for start in range(0, len(work), self.chunk_size):
            chunk = work[start : start + self.chunk_size]
            try:
                outputs = self._translate_units(mode, [text for _, text in chunk])
            except BackendError as error:
                outputs = [Translation(None, note=str(error)) for _ in chunk]
            for (index, _), output in zip(chunk, outputs, strict=True):
                results[index] = output
        return results

    def _translate_units(self, mode: str, units: list[str]) -> list[Translation]:
        output = self._run(mode, SEPARATOR.join(unit.translate(_PROTECT_TABLE) for unit in units) + "\n")
        blocks = [block for block in _BLOCK_SPLIT_RE.split(output.strip("\n"))]
        if len(blocks) == len(units):
            return [self._parse(block) for block in blocks]
        if len(units) == 1:
            return [self._parse(" ".join(blocks))]
        middle = len(units) // 2
        return self._translate_units(mode, units[:middle]) + self._translate_units(mode, units[middle:])

    @staticmethod
    def _parse(block: str) -> Translation:
        text, unknown = parse_marks(block)
        if not text:
            return Translation(None, note="apertium returned nothing for this text")
        return Translation(text, unknown)

    def _run(self, mode: str, payload: str) -> str:
        """One Apertium process over the whole payload; its own process group so a
        timeout can stop the entire pipeline, not just the wrapper script."""
        try:
            process = subprocess.Popen(
                [self.executable, "-f", "txt", mode],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as error:
            raise BackendError(f"cannot start apertium: {error}") from None
        try:
            out, err = process.communicate(payload.encode("utf-8"), timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise BackendError(f"apertium timed out after {self.timeout:g} s") from None
        if process.returncode != 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            reason = detail[0] if detail else f"exit status {process.returncode}"
            raise BackendError(f"apertium failed: {reason}")
        return out.decode("utf-8", "replace")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the pipeline and close its pipes.

    A ``communicate`` that timed out leaves stdin open (the second call sends no
    input, so it neither writes nor closes it); left to the garbage collector,
    the pipe is closed whenever a collection reaches it, with a ResourceWarning.
    """
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()
    if process.stdin is not None and not process.stdin.closed:
        try:
            process.stdin.close()
        except OSError:  # the pipeline is dead: unsent input cannot be flushed
            pass
