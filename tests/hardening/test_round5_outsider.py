"""Cases an outside tester found in round 5: languages from the file name or an XLIFF
header checked against the text like command-line ones, and no empty ``--out`` folder
left by a run that stops on bad input. Each runs the real command in a fresh process."""

from __future__ import annotations

from pathlib import Path

from tests.hardening.conftest import run_cli

SPANISH = [
    "El gobierno aprobó ayer una ley nueva sobre la vivienda y el alquiler en las grandes ciudades "
    "del país, según informó el ministerio en un comunicado.",
    "La oposición criticó la medida y anunció que presentará un recurso ante el Tribunal "
    "Constitucional en las próximas semanas.",
]
GERMAN = [
    "Die Regierung hat gestern ein neues Gesetz über Wohnungen und Mieten in den großen Städten "
    "des Landes beschlossen, wie das Ministerium in einer Erklärung mitteilte.",
    "Die Opposition kritisierte die Maßnahme und kündigte an, in den kommenden Wochen beim "
    "Verfassungsgericht Beschwerde einzulegen.",
]
CLEAN = "source\ttarget\nEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


def _german_tsv(path: Path) -> Path:
    rows = "".join(f"{source}\t{target}\n" for source, target in zip(SPANISH, GERMAN, strict=True))
    path.write_text("source\ttarget\n" + rows, encoding="utf-8")
    return path


def test_file_name_languages_are_checked_against_the_text(tmp_path: Path) -> None:
    """``x.es-en.tsv`` with a German target is refused like ``-s es -t en`` (was: audited as
    English, with TA140 flagging every German word)."""
    article = _german_tsv(tmp_path / "mism.es-en.tsv")
    named = run_cli("check", article, "--backend", "none", "--format", "text", "--out", tmp_path / "o1")
    assert named.returncode == 2, named.stdout
    assert "target language en (file name, header or configuration) but the target text reads as de" \
        in named.stderr
    assert named.stderr.count("\n") == 1
    explicit = run_cli("check", article, "-s", "es", "-t", "en", "--backend", "none", "--format", "text",
                       "--out", tmp_path / "o2")
    assert explicit.returncode == 2
    assert "--target-lang en but the target text reads as de" in explicit.stderr
    forced = run_cli("check", article, "--force-lang", "--backend", "none", "--format", "text",
                     "--out", tmp_path / "o3")
    assert forced.returncode in (0, 1), forced.stderr


def test_xliff_header_languages_are_checked_against_the_text(tmp_path: Path) -> None:
    units = "".join(f'<trans-unit id="{i}"><source>{s}</source><target>{t}</target></trans-unit>'
                    for i, (s, t) in enumerate(zip(SPANISH, GERMAN, strict=True), 1))
    xliff = tmp_path / "news.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="news" source-language="es" '
        f'target-language="en" datatype="plaintext"><body>{units}</body></file></xliff>\n', encoding="utf-8")
    done = run_cli("check", xliff, "--backend", "none", "--format", "text", "--out", tmp_path / "o")
    assert done.returncode == 2
    assert "the target text reads as de" in done.stderr


def test_a_batch_skips_an_article_whose_file_name_languages_the_text_contradicts(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    _german_tsv(batch / "mism.es-en.tsv")
    (batch / "bridge.es-en.tsv").write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("check", batch, "--backend", "none", "--format", "text", "--out", out)
    assert done.returncode == 2
    assert "skipped" in done.stderr and "reads as de" in done.stderr
    assert (out / "bridge.txt").is_file()
    assert not (out / "mism.txt").exists()


def test_a_run_stopped_by_bad_input_leaves_no_empty_out_folder(tmp_path: Path) -> None:
    """Exit 2 before anything is written: the ``--out`` folders this run created are removed
    (was: an empty folder left behind); a folder that already existed is kept."""
    doctype = tmp_path / "doctype.xlf"
    doctype.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x "y">]>\n<xliff version="1.2"/>\n',
                       encoding="utf-8")
    clean = tmp_path / "bridge.es-en.tsv"
    clean.write_text(CLEAN, encoding="utf-8")
    mism = _german_tsv(tmp_path / "mism.es-en.tsv")
    cases = [
        (doctype,),
        (mism,),
        (clean, "--fail-under", "nan"),
        (clean, "-s", "xx-bad"),
        (clean, "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"),
    ]
    for number, args in enumerate(cases):
        out = tmp_path / f"new{number}" / "reports"
        done = run_cli("check", *args, "--backend", "none", "--out", out)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.count("\n") == 1, done.stderr
        assert not (tmp_path / f"new{number}").exists(), args
    existing = tmp_path / "existing"
    existing.mkdir()
    done = run_cli("check", doctype, "--backend", "none", "--out", existing)
    assert done.returncode == 2
    assert existing.is_dir()
    written = run_cli("check", clean, "--backend", "none", "--format", "json", "--out", tmp_path / "ok" / "r")
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "ok" / "r" / "bridge.json").is_file()
