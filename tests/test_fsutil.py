"""Atomic writes and safe file names from untrusted article ids."""

from __future__ import annotations

import os
import re
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transaudit import fsutil
from transaudit.fsutil import MAX_NAME, safe_filename, write_atomic


def test_write_atomic_text_and_bytes(tmp_path):
    target = tmp_path / "report.html"
    write_atomic(target, "héllo")
    assert target.read_text(encoding="utf-8") == "héllo"
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert os.listdir(tmp_path) == ["report.html"]  # no temporary file left behind


def test_write_atomic_uses_shareable_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_write_atomic_replaces_a_symlink_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    inside = tmp_path / "shared"
    inside.mkdir()
    (inside / "index.html").symlink_to(outside)
    write_atomic(inside / "index.html", "new")
    assert outside.read_text() == "precious"
    assert not (inside / "index.html").is_symlink() and (inside / "index.html").read_text() == "new"


def test_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "summary.json"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["summary.json"]


SAFE_CASES = [
    ("plain", "samarkand", "samarkand"),
    ("dots and dashes", "art-01.es_en", "art-01.es_en"),
    ("separator", "a/b", None),
    ("backslash", "a\\b", None),
    ("parent", "..", None),
    ("hidden", ".bashrc", None),
    ("nul", "a\0b", None),
    ("empty", "", None),
    ("windows device", "CON", None),
    ("unicode", "Dushanbé", None),
]


@pytest.mark.parametrize(
    ("article_id", "expected"), [c[1:] for c in SAFE_CASES], ids=[c[0] for c in SAFE_CASES]
)
def test_safe_filename_cases(article_id, expected):
    name = safe_filename(article_id)
    if expected is not None:
        assert name == expected
    else:
        assert name != article_id and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{8}", name)


def test_altered_ids_do_not_collide_with_their_plain_lookalikes():
    assert len({safe_filename(i) for i in ("a/b", "a_b", "a\\b", "a b", "a:b")}) == 5


def test_long_ids_are_capped_but_distinct():
    one, two = "x" * 300 + "1", "x" * 300 + "2"
    assert len(safe_filename(one)) <= MAX_NAME and safe_filename(one) != safe_filename(two)


@given(st.text(max_size=400))
def test_safe_filename_properties(article_id):
    name = safe_filename(article_id)
    assert name == safe_filename(article_id)  # deterministic
    assert 0 < len(name) <= MAX_NAME
    assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*", name)
    assert ".." not in name and name not in (".", "..")
    assert "/" not in name and "\0" not in name


@given(st.lists(st.text(max_size=20), min_size=2, max_size=10, unique=True))
def test_distinct_ids_get_distinct_names(ids):
    assert len({safe_filename(i) for i in ids}) == len(ids)


def test_current_umask_reads_without_changing_it() -> None:
    import os

    from transaudit.fsutil import current_umask

    before = os.umask(0o027)
    try:
        assert current_umask() == 0o027
        assert os.umask(0o027) == 0o027  # unchanged by the read
    finally:
        os.umask(before)


def test_a_file_given_in_pieces_is_written_whole_and_only_when_complete(tmp_path):
    """A report streamed as it is encoded: the same bytes as one string; a failure in the
    middle of the pieces leaves the previous files and no temporary."""
    pieces = [f"line {i} é\n" for i in range(10_000)]
    fsutil.write_group(tmp_path, {"a.json": iter(pieces), "b.txt": "b"})
    assert (tmp_path / "a.json").read_bytes() == "".join(pieces).encode("utf-8")

    def failing():
        yield "half a report"
        raise RuntimeError("a bug while encoding")

    with pytest.raises(RuntimeError):
        fsutil.write_group(tmp_path, {"b.txt": "new b", "a.json": failing()})
    assert (tmp_path / "a.json").read_bytes() == "".join(pieces).encode("utf-8")
    assert (tmp_path / "b.txt").read_text() == "b"
    assert sorted(os.listdir(tmp_path)) == ["a.json", "b.txt"]
