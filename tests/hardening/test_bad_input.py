"""Bad input through the CLI: exit code 2 and one line naming file, line and problem.

Also the odd-but-valid inputs (BOMs, CRLF, control, zero-width and bidi
characters, emoji, quotes at the start of a cell) that must be decoded and
audited, keeping the exact text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main

GOOD_ROW = "El alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--backend", "none", "--quiet"], catch_exceptions=False)


#: (file name, content, expected message after "transaudit: <path>")
BAD = [
    ("empty", "a.es-en.tsv", b"", ": file is empty"),
    ("blank", "a.es-en.tsv", b"  \n\n\t\n", ": file is empty"),
    ("binary", "a.es-en.tsv", b"source\ttarget\n\x89PNG\x00\x00\x01",
     ":2: binary file (NUL byte at offset 18)"),
    ("utf16-no-bom", "a.es-en.tsv", "source\ttarget\nHola\tHello\n".encode("utf-16-le"),
     ": looks like UTF-16LE without a byte-order mark"),
    ("latin1", "a.es-en.tsv", "source\ttarget\nSe\u00f1or\tSir\n".encode("latin-1"),
     ":2: not valid UTF-8: byte 0xf1 at offset 16"),
    ("cp1252-quotes", "a.es-en.tsv", "source\ttarget\nok\tok\nDijo \u201cs\u00ed\u201d\tx\n".encode("cp1252"),
     ":3: not valid UTF-8: byte 0x93 at offset 25"),
    ("utf16-bom-broken", "a.es-en.tsv",
     b"\xff\xfe" + "source\ttarget\nA\tB\n".encode("utf-16-le") + b"\x00\xd8A\x00",
     ":3: not valid UTF-16"),
    ("tsv-missing-column", "a.es-en.tsv", "id\tsource\n1\tHola\n", ":1: header lacks column(s) target"),
    ("tsv-no-header", "a.es-en.tsv", GOOD_ROW, ":1: header lacks column(s) source, target"),
    ("tsv-extra-column", "a.es-en.tsv", "source\ttarget\n" + GOOD_ROW + "uno\tone\textra\n",
     ":3: row has 3 fields, the header has 2"),
    ("tsv-ragged", "a.es-en.tsv", "id\tsource\ttarget\n1\t" + GOOD_ROW + "2\tsolo\n",
     ":3: row has 2 fields, the header has 3"),
    ("tsv-unclosed-quote", "a.es-en.tsv",
     "source\ttarget\n" + GOOD_ROW + '"Sin cierre\tNo close\n' + GOOD_ROW,
     ":3: unclosed quote"),
    ("tsv-header-only", "a.es-en.tsv", "source\ttarget\n", ": no segments"),
    ("tsv-duplicate-id", "a.es-en.tsv", "id\tsource\ttarget\nx\t" + GOOD_ROW + "x\t" + GOOD_ROW,
     ":3: duplicate segment id 'x' (first on line 2)"),
    ("jsonl-broken-line", "a.es-en.jsonl", '{"source": "a", "target": "b"}\n{"source": "a",\n',
     ":2: invalid JSON"),
    ("jsonl-deep", "a.es-en.jsonl", "[" * 100_000 + "\n", ":1: invalid JSON: nested too deeply"),
    ("jsonl-surrogate", "a.es-en.jsonl", '{"source": "a", "target": "b \\udc80"}\n',
     ":1: 'target' holds an unpaired surrogate \\udc80 at character 2"),
    ("jsonl-bool-id", "a.es-en.jsonl", '{"id": true, "source": "a", "target": "b"}\n',
     ":1: 'id' must be a string or a whole number"),
    ("jsonl-no-objects", "a.es-en.jsonl", "\n\n  \n", ": file is empty"),
    ("segment-1mb", "a.es-en.tsv", "source\ttarget\nHola.\t" + "palabra " * 130_000 + "\n",
     ":2: segment 'p01' has a target of 1,039,999 characters, over the 100,000 limit"),
    ("undetectable-language", "a.tsv", "source\ttarget\n😀 123\t👍 456\n",
     ": cannot tell the language; pass --source-lang and --target-lang"),
    ("unsupported", "a.docx", b"PK\x03\x04", ": unsupported file type .docx"),
]


@pytest.mark.parametrize(("name", "content", "message"), [case[1:] for case in BAD],
                         ids=[case[0] for case in BAD])
def test_bad_file_is_one_line_exit_2(tmp_path: Path, name: str, content: str | bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    result = check(str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"transaudit: {path}{message}"), result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    result = check(str(tmp_path / "nope.tsv"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr == f"transaudit: {tmp_path / 'nope.tsv'}: no such file or folder\n"
    (tmp_path / "empty").mkdir()
    result = check(str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "holds no articles" in result.stderr


def test_article_folder_with_an_empty_side(tmp_path: Path) -> None:
    write(tmp_path / "story" / "source.es.txt", "Hola.\n")
    write(tmp_path / "story" / "target.en.txt", "\n\n")
    result = check(str(tmp_path / "story"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr == f"transaudit: {tmp_path / 'story' / 'target.en.txt'}: file is empty\n"


def test_bad_articles_in_a_batch_are_skipped_and_named(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for case in BAD:
        write(corpus / f"{case[0]}-{case[1]}", case[2])
    write(corpus / "fine.es-en.tsv", "source\ttarget\n" + GOOD_ROW)
    out = tmp_path / "out"
    result = check(str(corpus), "--out", str(out), "--jobs", "2")
    assert result.exit_code == 2
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    status = {entry["name"]: entry["status"] for entry in summary["articles"]}
    assert status.pop("fine") == "pass"
    skipped = [case for case in BAD if not case[1].endswith(".docx")]  # discover ignores other suffixes
    assert sorted(status.values()) == ["skipped"] * len(skipped)
    errors = "\n".join(entry["error"] or "" for entry in summary["articles"])
    for case in skipped:
        assert f"{case[0]}-{case[1]}{case[3]}" in errors
    assert f"{len(skipped)} article(s) skipped" in result.stderr


#: Inputs that look odd but are valid: (name, bytes, expected (source, target) pairs).
ODD = [
    ("utf8-bom-crlf", "\ufeffsource\ttarget\r\nHola.\tHello.\r\n".encode(), [("Hola.", "Hello.")]),
    ("utf16-bom-crlf", "source\ttarget\r\nCaña.\tCane.\r\n".encode("utf-16"), [("Caña.", "Cane.")]),
    ("utf16be-bom", b"\xfe\xff" + "source\ttarget\nSí.\tYes.\n".encode("utf-16-be"), [("Sí.", "Yes.")]),
    ("utf32-bom", "source\ttarget\nSí.\tYes.\n".encode("utf-32"), [("Sí.", "Yes.")]),
    ("old-mac-cr", b"source\ttarget\rHola.\tHello.\r", [("Hola.", "Hello.")]),
    ("line-separator-in-cell", "source\ttarget\nUno\u2028dos.\tOne\u2028two.\n".encode(),
     [("Uno\u2028dos.", "One\u2028two.")]),
    ("control-and-zero-width", "source\ttarget\nA\x0cb\u200bc.\tA\x0bb\u200dc\x1bd\x85.\n".encode(),
     [("A\x0cb\u200bc.", "A\x0bb\u200dc\x1bd\x85.")]),
    ("rtl-and-emoji", "source\ttarget\nمرحبا بالعالم 😀\t\u202eHello\u202c world 👩‍👩‍👧 🇪🇸\n".encode(),
     [("مرحبا بالعالم 😀", "\u202eHello\u202c world 👩‍👩‍👧 🇪🇸")]),
    ("quote-at-cell-start", 'source\ttarget\n"Sí", dijo.\t"Yes," he said.\n"Todo."\t"All."\n'.encode(),
     [('"Sí", dijo.', '"Yes," he said.'), ('"Todo."', '"All."')]),
    ("spreadsheet-quoting",
     'source\ttarget\n"Dijo ""sí"".\nOtra línea."\t"He said ""yes"".\nAnother."\n'.encode(),
     [('Dijo "sí".\nOtra línea.', 'He said "yes".\nAnother.')]),
    ("one-sided-rows", b"source\ttarget\nHola.\t\n\tSubscribe\n", [("Hola.", ""), ("", "Subscribe")]),
]


@pytest.mark.parametrize(("content", "pairs"), [case[1:] for case in ODD], ids=[case[0] for case in ODD])
def test_odd_but_valid_input_is_audited_with_exact_text(tmp_path: Path, content: bytes, pairs) -> None:
    path = write(tmp_path / "odd.es-en.tsv", content)
    out = tmp_path / "out"
    result = check(str(path), "--out", str(out), "--format", "json", "--format", "html", "--format", "text")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "odd.json").read_text(encoding="utf-8"))
    assert [(s["source"], s["target"]) for s in report["segments"]] == pairs
    assert report["errors"] == []
    for issue in report["issues"]:
        segment = next(s for s in report["segments"] if s["id"] == issue["segment"])
        assert segment[issue["side"]][issue["start"] : issue["end"]] == issue["text"]
    text_report = (out / "odd.txt").read_text(encoding="utf-8")
    assert not any(c in text_report for c in "\x1b\x0b\x0c\x85\u202e\u2028")


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    from transaudit.errors import InputError
    from transaudit.input.readers import read_article

    fifo = tmp_path / "pipe.es-en.tsv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)
    result = check(str(fifo), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr == f"transaudit: {fifo}: not a regular file (a device, pipe or socket)\n"
