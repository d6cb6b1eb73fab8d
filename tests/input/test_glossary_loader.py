"""Glossary loading: CSV/TSV/TBX, validation errors with lines, caching by mtime."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transaudit.errors import InputError
from transaudit.input.glossary import cached_glossary, find_term, glossary_paths, load_glossary

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <langSet xml:lang="es"><tig><term>Samarcanda</term></tig></langSet>
    <langSet xml:lang="en">
      <tig><term>Samarkand</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>Samarcand</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>
"""


TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry id="c1">
    <langSec xml:lang="es"><termSec><term>Kazajistán</term></termSec></langSec>
    <langSec xml:lang="en">
      <termSec><term>Kazakhstan</term></termSec>
      <termSec><term>Kazakstan</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    </langSec>
  </conceptEntry>
</body></text></tbx>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_terms_and_style_rules(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        "source,target,forbidden,note\nSamarcanda,Samarkand,Samarcand,house style\n,Kyiv,Kiev|Kiew,\n",
    )
    glossary = load_glossary(path)
    first, second = glossary.terms
    assert first.sources == ("Samarcanda",) and first.targets == ("Samarkand",) and first.line == 2
    assert first.note == "house style" and first.applies("es", "en")
    assert second.sources == () and second.forbidden == ("Kiev", "Kiew")


def test_language_columns_restrict_the_pair(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "es\ten\tforbidden\nOTAN\tNATO\t\n")
    [term] = load_glossary(path).terms
    assert (term.source_lang, term.target_lang) == ("es", "en")
    assert term.applies("es", "en") and not term.applies("en", "es")


def test_semicolon_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "source;target\nOTAN;NATO\n")
    assert load_glossary(path).terms[0].targets == ("NATO",)


def test_tbx_preferred_and_deprecated(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "g.tbx", TBX))
    es_en = glossary.for_pair("es", "en")
    assert len(es_en) == 1
    assert es_en[0].sources == ("Samarcanda",)
    assert es_en[0].targets == ("Samarkand",) and es_en[0].forbidden == ("Samarcand",)
    assert glossary.for_pair("en", "es")[0].targets == ("Samarcanda",)


def test_tbx3_concept_entries_with_lang_and_term_sections(tmp_path: Path) -> None:
    [term] = load_glossary(write(tmp_path, "g.tbx", TBX3)).for_pair("es", "en")
    assert term.sources == ("Kazajistán",)
    assert term.targets == ("Kazakhstan",) and term.forbidden == ("Kazakstan",)


def test_utf16_glossary_with_bom_reads_like_an_article(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes("source,target\r\nKazajistán,Kazakhstan\r\n".encode("utf-16"))
    [term] = load_glossary(path).terms
    assert term.sources == ("Kazajistán",) and term.targets == ("Kazakhstan",)


def test_latin1_glossary_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes("source,target\nKazajistán,Kazakhstan\n".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8: byte 0xe1 at offset 22") as info:
        load_glossary(path)
    assert info.value.line == 2


@pytest.mark.parametrize(
    ("name", "text", "problem", "line"),
    [
        ("a.csv", "", "empty glossary", 1),
        ("b.csv", "foo,bar\nx,y\n", "no 'target'", 1),
        ("c.csv", "source,target\nOTAN,\n", "has no target term", 2),
        ("d.csv", "source,target,forbidden\n,,\n,NATO,\n", "no source term", 3),
        ("e.csv", "source,target,forbidden\n,,Kiev\n", "no preferred term", 2),
        ("f.tbx", "<martif><text><body><termEntry>", "not well-formed", 1),
        ("g.tbx", "<martif><text><body></body></text></martif>", "no termEntry", None),
        ("h.csv", 'source,target\nOTAN,NATO\nKazajistán,Kazakhstan,"Kazajstan\n', "unclosed quote", 3),
        ("i.csv", 'source,target\nKazajistán,"Kazakhstan\nOTAN,NATO\n', "unclosed quote", 2),
        ("j.csv", 'source,target\nOTAN,"NATO"x\n', "malformed CSV row", 2),
        ("k.csv", "source,target\n# no terms yet\n", "no terms found", None),
        ("l.tbx", "<tbx><text><body><conceptEntry><langSec xml:lang='es'><termSec><term>OTAN</term>"
         "</termSec></langSec></conceptEntry></body></text></tbx>", "no terms found", None),
        ("m.tbx", "<tbx><text><body><conceptEntry><langSec><termSec><term>OTAN</term>"
         "</termSec></langSec></conceptEntry></body></text></tbx>", "langSec without xml:lang", None),
    ],
)
def test_errors_name_file_and_line(
    tmp_path: Path, name: str, text: str, problem: str, line: int | None
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert problem in info.value.problem
    assert info.value.line == line
    assert info.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_glossary(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="not found"):
        cached_glossary(tmp_path / "nope.csv")


def test_cache_reloads_when_file_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "source,target\nOTAN,NATO\n")
    first = cached_glossary(path)
    assert cached_glossary(path) is first
    path.write_text("source,target\nOTAN,NATO\nONU,UN\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert len(cached_glossary(path).terms) == 2


def test_find_term_whole_words_any_case() -> None:
    assert find_term("Kiev", "talks in kiev today") is not None
    assert find_term("Kiev", "the Kievan Rus") is None
    assert find_term("Casa Blanca", "la Casa\nBlanca dijo").group() == "Casa\nBlanca"


def test_glossary_paths_setting() -> None:
    assert glossary_paths(None) == []
    assert glossary_paths("a.csv") == ["a.csv"]
    assert glossary_paths(["a.csv", "", "b.tbx"]) == ["a.csv", "b.tbx"]
