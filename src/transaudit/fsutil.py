"""Safe file writing: atomic replacement and file names derived from article ids.

Reports land in folders that editors (and web servers) read while a batch is
still running, so a file must appear complete or not at all: we write to a
temporary file in the same folder, fsync it and ``os.replace`` it over the
target. An article's formats (``X.html`` and ``X.json``) and a batch's index
files are written as one group: every temporary is written first, and only when
all are complete are they renamed, so a full disk or Ctrl-C leaves the previous
set, never a mix. This module is the only writer of files in the project.

Temporary names are random and carry the writer's pid (``.NAME.ta<pid>.XXXX.tmp``)
so that :func:`remove_stale_temporaries` can delete those of dead processes
(kill -9, power loss) at the next run without touching a live writer's.
Article ids come from input files and are untrusted; ``safe_filename`` turns any
id into one harmless path component, and :func:`display_path` makes a file name
with undecodable bytes printable.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import BinaryIO

#: Longest name safe_filename returns (leaves room for ".html"/".json" under 255 bytes).
MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Names Windows refuses (reports may be published to an SMB share).
_RESERVED = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}


def current_umask() -> int:
    """The process umask, read without changing it.

    ``os.umask`` can only be read by setting it, which for a moment changes
    the mask of every thread in the process (a host program's files included);
    Linux shows it in /proc/self/status instead. Elsewhere the set-and-restore
    fallback is the only way.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Temporary files this module creates: ``.<name>.ta<pid>.<random>.tmp``.
_TEMPORARY = re.compile(r"^\..*\.ta(\d{1,10})\.[A-Za-z0-9_]+\.tmp$", re.DOTALL)
#: Signals whose handlers must not run between two renames of a group.
_DEFERRED = tuple(sig for sig in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if sig)


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done (they are delivered right after).

    A group of files is renamed in a few microseconds; an interrupt landing
    between two renames would leave ``X.html`` without ``X.json``.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


#: Text pieces joined before each write when a file is given as pieces (a few hundred KiB).
_JOIN_PIECES = 4096


def _write_payload(handle: BinaryIO, data: str | bytes | Iterable[str]) -> None:
    """Text as UTF-8, bytes as they are, pieces of text (an iterator) a few thousand at a time."""
    if isinstance(data, str):
        handle.write(data.encode("utf-8"))
    elif isinstance(data, bytes | bytearray | memoryview):
        handle.write(data)
    else:
        pieces = iter(data)
        while batch := list(islice(pieces, _JOIN_PIECES)):
            handle.write("".join(batch).encode("utf-8"))


def _write_temporary(folder: Path, name: str, data: str | bytes | Iterable[str], mode: int | None) -> str:
    """A complete, fsynced temporary next to ``folder / name``; its path."""
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name[:60]}.ta{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_payload(handle, data)
            handle.flush()
            os.fchmod(handle.fileno(), mode if mode is not None else 0o666 & ~current_umask())
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(tmp_name)
        raise
    return tmp_name


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_group(
    folder: str | os.PathLike[str], files: Mapping[str, str | bytes | Iterable[str]], mode: int | None = None
) -> list[Path]:
    """Write several files in ``folder`` so that all are replaced or none is.

    Every file goes to its own temporary first (created exclusively, so a
    planted symlink is never written through); if any of them fails (ENOSPC,
    EROFS, EDQUOT, an interrupt) the temporaries are removed and the folder
    keeps its previous files. Then all are renamed with interrupts held, so a
    Ctrl-C cannot fall between two renames. ``os.replace`` swaps the directory
    entry itself: a symlink at a target is replaced, its target never written.
    Text is encoded as UTF-8; files get ``0666 & ~umask`` (or ``mode``) because
    reports are meant to be shared. A file may also be given as an iterable of
    text pieces (``json.JSONEncoder.iterencode``): it is written as it is made,
    so a large report never exists whole in memory (as a list of pieces, then a
    string, then bytes: about 20 MiB for a 998-segment article's JSON), and it
    is still renamed only once complete.
    """
    directory = Path(folder)
    for name in files:
        if not name or "/" in name or name in (".", ".."):
            raise ValueError(f"not a file name: {name!r}")
    written: list[tuple[str, Path]] = []
    with deferred_signals():
        try:
            for name, data in files.items():
                written.append((_write_temporary(directory, name, data, mode), directory / name))
            for tmp_name, target in written:
                os.replace(tmp_name, target)
        except BaseException:
            for tmp_name, _ in written:
                _unlink(tmp_name)
            raise
    fsync_dir(directory)
    return [target for _, target in written]


def write_atomic(path: str | os.PathLike[str], data: str | bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half."""
    target = Path(path)
    return write_group(target.parent, {target.name: data}, mode)[0]


class Snapshot:
    """The files of a folder as they were before a run, kept by hard links, to put back.

    A batch writes each article's reports as it finishes and the index last; if
    the index then cannot be written (a full disk), :meth:`restore` makes the
    folder what it was: reports the run replaced get their previous content back
    and reports it added are removed, so reports and index stay all or none for
    the whole run. A hard link costs no data blocks, so taking the snapshot
    works on a nearly full disk. The links are named like this module's
    temporaries (``.NAME.ta<pid>.XXXX.tmp``): if the run is killed, the next
    run's :func:`remove_stale_temporaries` removes them.
    """

    def __init__(self, folder: str | os.PathLike[str], suffixes: tuple[str, ...]) -> None:
        self.folder = Path(folder)
        self.before: set[str] = set()
        self.links: dict[str, Path] = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            self.before.add(entry.name)
            if entry.name.startswith(".") or not entry.name.lower().endswith(suffixes) \
                    or not entry.is_file(follow_symlinks=False):
                continue
            link = self.folder / f".{entry.name[:60]}.ta{os.getpid()}.{os.urandom(4).hex()}.tmp"
            try:
                os.link(entry.path, link, follow_symlinks=False)
            except OSError:  # no hard links here (some shares): that report cannot be put back
                continue
            self.links[entry.name] = link

    def restore(self, written: Iterable[str]) -> tuple[int, int]:
        """Undo the run's writes of ``written`` (file names); (reports put back, reports removed)."""
        put_back = removed = 0
        for name in dict.fromkeys(written):
            target = self.folder / name
            try:
                if name in self.links:
                    os.replace(self.links.pop(name), target)
                    put_back += 1
                elif name not in self.before:
                    os.unlink(target)
                    removed += 1
            except OSError:
                continue
        self.discard()
        return put_back, removed

    def discard(self) -> None:
        """Drop the links (the run's files stand)."""
        for link in self.links.values():
            _unlink(str(link))
        self.links.clear()
        fsync_dir(self.folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError) as error:
        return isinstance(error, PermissionError)  # someone else's live process
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """Delete this module's temporaries left in ``folder`` by processes that no longer run.

    A writer killed with SIGKILL cannot clean up; its pid is in the name, so
    the next run removes its leftovers. A temporary of a live process (another
    run writing to the same folder, or a reused pid) is left alone. Returns the
    names removed.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return sorted(removed)


def display_path(value: str | os.PathLike[str]) -> str:
    """A file name as printable, encodable text: undecodable bytes as ``\\xNN``.

    Names from Windows zip archives often hold Latin-1 bytes; Python keeps them
    as lone surrogates, which cannot be written to a UTF-8 report.
    """
    text = os.fspath(value)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def fsync_dir(directory: str | os.PathLike[str]) -> None:
    """Make a rename durable; silently skipped where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def safe_filename(article_id: str, max_len: int = MAX_NAME) -> str:
    """One path component for ``article_id``: deterministic, harmless, distinct.

    Only ASCII letters, digits, ``.``, ``_`` and ``-`` survive; no leading dot
    (hidden files, ``..``), no separators or NUL. An id that is already safe is
    returned unchanged; any id that had to be altered or shortened gets an
    8-hex-digit hash of the original, so "a/b" and "a_b" never share a file.
    """
    if max_len < 16:
        raise ValueError("max_len must be at least 16")
    cleaned = _UNSAFE.sub("_", article_id).lstrip(".")
    cleaned = re.sub(r"\.{2,}", ".", cleaned).rstrip(". ")
    changed = cleaned != article_id or not cleaned or cleaned.split(".")[0].lower() in _RESERVED
    if not changed and len(cleaned) <= max_len:
        return cleaned
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = cleaned[: max_len - 9].rstrip("._-") or "article"
    return f"{stem}-{digest}"
