"""Safe file writing: atomic replacement and file names derived from article ids.

Reports land in folders that editors (and web servers) read while a batch is
still running, so a file must appear complete or not at all: we write to a
temporary file in the same folder, fsync it and ``os.replace`` it over the
target. Article ids come from input files and are untrusted; ``safe_filename``
turns any id into one harmless path component.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

#: Longest name safe_filename returns (leaves room for ".html"/".json" under 255 bytes).
MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Names Windows refuses (reports may be published to an SMB share).
_RESERVED = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half.

    Text is encoded as UTF-8. The temporary file is created exclusively
    (``O_EXCL``) next to the target, and ``os.replace`` swaps the directory
    entry itself: if ``path`` is a symlink, the link is replaced, its target is
    never written. The file gets the usual ``0666 & ~umask`` permissions
    (or ``mode``) because reports are meant to be shared.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:60]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode if mode is not None else 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(target.parent)
    return target


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
