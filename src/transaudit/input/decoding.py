"""Turn an input file's bytes into text, or say precisely why not.

Editors feed whatever their CMS exported: UTF-8 with or without BOM, UTF-16 or
UTF-32 with BOM, CRLF or CR line ends. Those are decoded. Everything else is
rejected with the byte offset and line, because guessing (Latin-1, Windows-1252,
UTF-16 without a BOM) would silently corrupt names in the report: the same
bytes are valid in several of those encodings, so no guess is unambiguous.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from transaudit.errors import InputError

#: Inputs larger than this are refused before reading (an editor's article is
#: far smaller; this protects batch runs from a stray dump).
MAX_INPUT_BYTES = 512 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LABEL = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise InputError(str(path), "file not found")
        if path.is_dir():
            raise InputError(str(path), "is a folder, expected a file")
        if not path.is_file():
            raise InputError(str(path), "not a regular file (a device, pipe or socket)")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(str(path), f"file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, expected a file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None


def _line_of(data: bytes, offset: int, encoding: str = "utf-8") -> int:
    """1-based line of a byte offset (the prefix is decoded leniently for UTF-16/32)."""
    if encoding.startswith("utf-8"):
        return data.count(b"\n", 0, offset) + 1
    prefix = data[:offset].decode(encoding, errors="replace")
    return prefix.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """"UTF-16LE"/"UTF-16BE" when NULs sit on every other byte, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if zeros.count(0) >= 0.6 * len(zeros) and others.count(0) <= 0.05 * len(others):
            return name
    return None


def _latin_hint(data: bytes, offset: int) -> str:
    """Name the likely culprit of an invalid UTF-8 byte (a hint, never a decode)."""
    if data[offset] >= 0x80:
        return "; perhaps Latin-1 or Windows-1252"
    return ""


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; normalise line ends."""
    if not data.strip():
        raise InputError(path, "file is empty")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8":
        nul = data.find(b"\x00")
        if nul != -1:
            utf16 = _utf16_without_bom(data)
            if utf16:
                raise InputError(
                    path,
                    f"looks like {utf16} without a byte-order mark (NUL byte at offset {nul}); "
                    "re-save the file as UTF-8",
                )
            raise InputError(path, f"binary file (NUL byte at offset {nul}), expected UTF-8 text",
                             _line_of(data, nul))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        hint = _latin_hint(data, error.start) if encoding == "utf-8" else ""
        raise InputError(
            path,
            f"not valid {_LABEL[encoding]}: byte 0x{bad} at offset {error.start} ({error.reason}{hint}); "
            "re-save the file as UTF-8",
            _line_of(data, error.start, encoding),
        ) from None
    nul = text.find("\x00")
    if nul != -1:
        line = text.count("\n", 0, nul) + 1
        raise InputError(path, f"binary content (NUL character at text offset {nul})", line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def read_text(path: Path) -> str:
    return decode(read_bytes(path), str(path))
