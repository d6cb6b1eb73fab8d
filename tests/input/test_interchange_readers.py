"""XLIFF 1.2/2.1, TMX 1.4b and PO readers, on files written after each specification's examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from transaudit.checks.placeholders import PlaceholderMismatch
from transaudit.engine import Engine
from transaudit.errors import InputError
from transaudit.input.readers import Languages, discover, file_format, read_article, read_articles
from transaudit.settings import Settings

DATA = Path(__file__).parent.parent / "data" / "interchange"


def by_id(article):  # type: ignore[no-untyped-def]
    return {segment.id: segment for segment in article.segments}


def test_xliff_12_units_inline_codes_and_metadata() -> None:
    [article] = read_articles(DATA / "spec-1.2.xlf")
    assert (article.id, article.source_lang, article.target_lang, article.format) == ("spec-1.2", "en", "es",
                                                                                      "xliff-1.2")
    segments = by_id(article)
    assert list(segments) == ["3", "4", "5", "6", "7"]  # translate="no" unit skipped, groups entered
    assert segments["3"].meta == {"state": "signed-off", "approved": "yes", "note": "Product description."}
    four = segments["4"]
    assert four.source == "Click <g1>here</g1> to <x2/>continue."
    assert four.target == "Haga clic <g1>aquí</g1> para continuar."  # <alt-trans> is not the target
    assert [(p.key, four.source[p.start : p.end]) for p in four.source_placeholders] == [
        ("g:1>", "<g1>"), ("/g:1", "</g1>"), ("x:2", "<x2/>")]
    assert four.source_placeholders[2].markup == '<x id="2" ctype="image"/>'
    assert segments["5"].source == "Text in <bpt1/>bold<ept1/>."
    assert segments["5"].source_placeholders[0].markup == '<bpt id="1">&lt;B&gt;</bpt>'


def test_xliff_21_segments_files_ignorables_and_cp() -> None:
    first, second = read_articles(DATA / "spec-2.1.xlf")
    assert (first.id, second.id) == ("spec-2.1-hello", "spec-2.1-bye")
    assert (first.part, second.part, first.format) == (0, 1, "xliff-2.0")
    assert (first.source_lang, first.target_lang) == ("en", "fr")
    segments = by_id(first)
    assert list(segments) == ["u1/s1", "u1/s2", "u2", "u4"]  # translate="no" unit and <ignorable> skipped
    assert segments["u1/s1"].target == "<pc1>Bonjour le Monde!</pc1>"
    assert segments["u1/s1"].meta == {"state": "translated", "note": "note for unit"}
    assert segments["u2"].source == "Press <sc1/>Start<ec1/> for 5 seconds."
    assert segments["u4"].source == "A bell\x07 rings."  # <cp hex="0007"/> is the character
    assert [s.id for s in second.segments] == ["b1"]


def test_tmx_one_article_per_pair_or_the_chosen_target() -> None:
    fr, es = read_articles(DATA / "spec-1.4b.tmx")
    assert (fr.id, fr.source_lang, fr.target_lang, fr.format) == ("spec-1.4b-EN-US-FR-CA", "en", "fr", "tmx")
    assert (es.id, es.target_lang) == ("spec-1.4b-EN-US-ES-ES", "es")
    assert [s.id for s in fr.segments] == ["0001", "0002", "0003"]
    assert [s.id for s in es.segments] == ["0001", "0002"]  # no ES-ES <tuv> in 0003: not in this pair
    assert by_id(fr)["0001"].meta == {"note": "Text of a note at the TU level."}
    click = by_id(fr)["0002"]
    assert click.source == "Click <bpt1/>Save<ept1/> now."
    assert [p.key for p in click.source_placeholders] == ["bpt:<b>", "ept:</b>"]  # keyed by native code
    [only] = read_articles(DATA / "spec-1.4b.tmx", Languages(None, "es"))
    assert (only.id, only.target_lang) == ("spec-1.4b", "es")


def test_tmx_without_a_single_source_language_needs_one(tmp_path: Path) -> None:
    path = tmp_path / "all.tmx"
    path.write_text('<tmx version="1.4"><header srclang="*all*"/><body><tu><tuv xml:lang="en"><seg>a</seg>'
                    '</tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(InputError, match="pass --source-lang"):
        read_articles(path)
    [article] = read_articles(path, Languages("en", None))
    assert article.segments[0].target == "b"
    with pytest.raises(InputError, match="no <tuv> in the target language 'de'"):
        read_articles(path, Languages("en", "de"))


def test_po_plurals_fuzzy_flags_and_placeholders() -> None:
    article = read_article(DATA / "plurals.po")
    assert (article.id, article.source_lang, article.target_lang) == ("plurals", "en", "es")
    assert article.format == "po"
    segments = by_id(article)
    assert list(segments) == ["m01", "m02[0]", "m02[1]", "m03", "m04", "m05"]
    hello = segments["m01"]
    assert [p.key for p in hello.source_placeholders] == ["%s", "%d"]
    assert hello.meta["note"] == "TRANSLATORS: the greeting on the start page."
    assert segments["m02[0]"].source == "One file was removed."
    assert segments["m02[1]"].source == "%d files were removed."
    assert segments["m02[1]"].target == "Se eliminaron %d archivos."
    assert segments["m02[0]"].meta["count"] == "%d"
    menu = segments["m03"]
    assert menu.meta["fuzzy"] == "yes" and menu.meta["context"] == "menu"
    assert [p.key for p in menu.target_placeholders] == ["{name}", "{name}"]
    assert segments["m04"].source_placeholders == ()  # "50% on" is no printf spec without a flag
    assert segments["m05"].target == ""


def test_placeholder_check_on_the_spec_files() -> None:
    engine = Engine(Settings.from_keys(select="TA230", backend="none"))
    found = {}
    for path in (DATA / "spec-1.2.xlf", DATA / "spec-2.1.xlf", DATA / "plurals.po"):
        for article in read_articles(path):
            for issue in engine.run(article).issues:
                found[(article.id, issue.segment, issue.side, issue.text)] = issue.category
    assert found == {
        ("spec-1.2", "4", "source", "<x2/>"): "Accuracy/Omission",
        ("spec-1.2", "6", "target", "<ph2/>"): "Accuracy/Addition",
        ("spec-2.1-hello", "u1/s2", "source", "<ph2/>"): "Accuracy/Omission",
        ("plurals", "m01", "source", "%d"): "Accuracy/Omission",
        ("plurals", "m03", "target", "{name}"): "Accuracy/Addition",
    }


def test_placeholders_are_never_text_for_the_other_checks() -> None:
    """Digits, letters and spaces inside codes fire nothing; only real text does."""
    engine = Engine(Settings.from_keys(backend="none"))
    issues = [i for a in read_articles(DATA / "spec-2.1.xlf") for i in engine.run(a).issues]
    assert all(i.code == "TA230" for i in issues), [(i.code, i.text) for i in issues]
    [article] = read_articles(DATA / "spec-1.2.xlf")
    masked = by_id(article.for_checks())["4"]
    mask = "\ufffc"
    assert masked.source == f"Click {mask * 4}here{mask * 5} to {mask * 5}continue."


def test_format_by_extension_and_root_element(tmp_path: Path) -> None:
    xml = tmp_path / "memory.xml"
    xml.write_bytes((DATA / "spec-1.4b.tmx").read_bytes())
    other = tmp_path / "other.xml"
    other.write_text("<html/>", encoding="utf-8")
    named_wrong = tmp_path / "really-xliff.tmx"
    named_wrong.write_bytes((DATA / "spec-1.2.xlf").read_bytes())
    assert (file_format(xml), file_format(other), file_format(named_wrong)) == ("tmx", None, "xliff")
    assert [p.name for p in discover([tmp_path])] == ["memory.xml", "really-xliff.tmx"]
    with pytest.raises(InputError, match=r"unsupported file type \.xml"):
        read_articles(other)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("e.xlf", '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                  '<xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source></trans-unit>'
                  "</body></file></xliff>", "DOCTYPE"),
        ("x.xlf", '<!DOCTYPE xliff SYSTEM "http://example.com/xliff.dtd"><xliff version="1.2"/>', "DOCTYPE"),
        ("f.tmx", '<!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]><tmx version="1.4"><header '
                  'srclang="en"/><body><tu><tuv xml:lang="en"><seg>&e;</seg></tuv></tu></body></tmx>',
         "DOCTYPE"),
        ("i.xlf", '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                  'xmlns:xi="http://www.w3.org/2001/XInclude" srcLang="en" trgLang="es"><file id="f">'
                  '<xi:include href="/etc/passwd" parse="text"/></file></xliff>', "XInclude"),
        ("d.xlf", '<xliff version="1.2"><file><body>' + "<group>" * 120 + "</group>" * 120
                  + "</body></file></xliff>", "nested deeper than 100"),
        ("dd.xlf", "<xliff>" + "<g>" * 5000 + "</g>" * 5000 + "</xliff>", "nested deeper than 100"),
        ("d3.tmx", "<tmx>" + "<x>" * 300 + "</x>" * 300 + "</tmx>", "TMX nested deeper than 100"),
        ("p.tmx", "<tmx><body><tu>", "not well-formed TMX"),
        ("n.xlf", '<xliff version="3.0"/>', "unsupported XLIFF version 3.0"),
        ("s.xlf", '<xliff version="1.2"><file source-language="en" target-language="es"><body>'
                  '<trans-unit id="1"><source>a</source></trans-unit><trans-unit id="1"><source>b</source>'
                  "</trans-unit></body></file></xliff>", "duplicate segment id '1'"),
        ("t.po", 'msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', "duplicate"),
        ("q1.po", 'msgid "Hello world"\nmsgstr "Hola mundo\n', r":2: .*end-of-line within string"),
        ("q2.po", 'msgid "Hello"\nmsgstr Hola\n', r":2: .*msgstr is not followed by a quoted string"),
        ("q3.po", 'msgid "Hello"\nmsgstr "Hola\\"\n', r":2: .*end-of-line within string"),
        ("q4.po", 'msgid "Hello"\nmsgstr ""\n"Hola" x\n', r":3: .*after the closing quote"),
        ("q5.po", 'msgid "Hello"\nmsgstr ""\nHola"\n', r":3: "),
        ("q6.po", 'msgid "Hello"\nmsgstr "\\q"\n', r":2: .*invalid escape"),
    ],
)
def test_hostile_and_broken_files_are_refused(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_articles(path, Languages("en", "es"))
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize(
    "content",
    [
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">'
        '<file id="f1"><unit id="u1"><segment><source>Save <ph id="1"/>now.</source>'
        "<target>Guardar <ph id=\"1\"/>ahora.</target></segment></unit></file></xliff>",
        '<xliff version="1.2"><file source-language="en" target-language="es" original="a" '
        'datatype="plaintext"><body><trans-unit id="u1"><source>Save <x id="1"/>now.</source>'
        '<target>Guardar <x id="1"/>ahora.</target></trans-unit></body></file></xliff>',  # no namespace
    ],
    ids=["xliff-2.0", "xliff-1.2-without-namespace"],
)
def test_other_xliff_variants(tmp_path: Path, content: str) -> None:
    path = tmp_path / "v.xlf"
    path.write_text(content, encoding="utf-8")
    [article] = read_articles(path)
    [segment] = article.segments
    assert (article.source_lang, article.target_lang, segment.id) == ("en", "es", "u1")
    assert segment.source in ("Save <ph1/>now.", "Save <x1/>now.")
    assert [p.key for p in segment.source_placeholders] == [p.key for p in segment.target_placeholders]


def test_xliff_12_segmented_in_seg_source() -> None:
    [article] = read_articles(DATA / "segmented-1.2.sdlxliff")
    assert [(s.id, s.source, s.target) for s in article.segments] == [
        ("a1/1", "La cumbre terminó ayer.", "The the summit ended yesterday."),
        ("a1/2", "Hubo 300 delegados en <g5>Samarcanda</g5>.",
         "There were 3000 delegates in <g5>Samarkand</g5>."),
        ("a2", "Fin.", ""),
    ]


def test_po_plural_count_is_free_in_the_singular_form_only(tmp_path: Path) -> None:
    path = tmp_path / "files.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n'
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n#, python-format\n'
                    'msgid "%(count)d file in %(place)s"\nmsgid_plural "%(count)d files in %(place)s"\n'
                    'msgstr[0] "Un archivo en %(place)s"\nmsgstr[1] "Archivos en %(place)s"\n',
                    encoding="utf-8")
    [article] = read_articles(path, Languages("en", "es"))
    assert [s.meta["count"] for s in article.segments] == ["%(count)d", "%(count)d"]
    check = PlaceholderMismatch()
    found = [(s.id, s.source[f.start:f.end]) for s in article.segments for f in check.check_segment(s, None)]  # type: ignore[arg-type]
    assert found == [("m01[1]", "%(count)d")]
