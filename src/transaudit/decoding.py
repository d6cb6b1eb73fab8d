"""Turn an input file's bytes into text, or say precisely why not.

Editors feed whatever their CMS exported: UTF-8 with or without BOM, UTF-16
with BOM, CRLF line ends. Those are decoded; bytes that are not valid UTF-8 are
rejected with the byte offset, because guessing Latin-1 silently would corrupt
names in the report.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from transaudit.errors import InputError

#: Inputs larger than this are refused before reading (an editor's article is
#: far smaller; this protects batch runs from a stray dump).
MAX_INPUT_BYTES = 512 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    try:
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


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; normalise line ends."""
    if not data.strip():
        raise InputError(path, "file is empty")
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        encoding = "utf-32"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
        nul = data.find(b"\x00")
        if nul != -1:
            raise InputError(path, f"binary file (NUL byte at offset {nul}), expected UTF-8 text", _line_of(data, nul))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(
            path,
            f"not valid {encoding.upper().replace('-SIG', '')}: byte 0x{bad} at offset {error.start} "
            "(re-save the file as UTF-8)",
            _line_of(data, error.start) if encoding.startswith("utf-8") else None,
        ) from None
    if "\x00" in text:
        raise InputError(path, "binary content (NUL character) in text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def read_text(path: Path) -> str:
    return decode(read_bytes(path), str(path))
