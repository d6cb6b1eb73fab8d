"""Readers: each format, one-sided segments, languages, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.errors import InputError
from transaudit.input.readers import Languages, discover, read_article


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_tsv_with_ids_languages_from_name_and_one_sided_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "story.es-en.tsv",
        "id\tsource\ttarget\na1\tHola mundo.\tHello world.\na2\t\tSubscribe\na3\tAdiós.\t\n",
    )
    article = read_article(path)
    assert (article.id, article.source_lang, article.target_lang) == ("story", "es", "en")
    assert [(s.id, s.source, s.target, s.line) for s in article.segments] == [
        ("a1", "Hola mundo.", "Hello world.", 2),
        ("a2", "", "Subscribe", 3),
        ("a3", "Adiós.", "", 4),
    ]


def test_tsv_without_id_column_numbers_segments(tmp_path: Path) -> None:
    path = write(tmp_path / "a.tsv", "target\tsource\nHello.\tHola.\nBye.\tAdiós.\n")
    article = read_article(path, Languages("es", "en"))
    assert [(s.id, s.source, s.target) for s in article.segments] == [
        ("p01", "Hola.", "Hello."),
        ("p02", "Adiós.", "Bye."),
    ]


def test_tsv_keeps_quotes_inside_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "a.es-en.tsv", 'source\ttarget\nDijo «sí».\tHe said "yes" twice.\n')
    assert read_article(path).segments[0].target == 'He said "yes" twice.'


def test_languages_detected_when_not_given(tmp_path: Path) -> None:
    rows = [
        (
            "El gobierno aprobó ayer una nueva ley sobre la vivienda y el alquiler.",
            "The government approved a new law on housing and rent yesterday.",
        ),
        (
            "Los ciudadanos podrán pedir ayudas a partir del próximo mes de enero.",
            "Citizens will be able to apply for grants from next January.",
        ),
    ]
    path = write(tmp_path / "plain.jsonl", "\n".join(json.dumps({"source": s, "target": t}) for s, t in rows))
    article = read_article(path)
    assert (article.source_lang, article.target_lang) == ("es", "en")


def test_explicit_languages_win_over_file_name_only_when_forced(tmp_path: Path) -> None:
    path = write(tmp_path / "x.es-en.tsv", "source\ttarget\nBonjour.\tHello.\n")
    with pytest.raises(InputError, match="contradicts the file name"):
        read_article(path, Languages("fr", None))
    article = read_article(path, Languages("fr", None, force=True))
    assert (article.source_lang, article.target_lang) == ("fr", "en")


def test_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path / "n.en-es.jsonl",
        '{"id": "s1", "source": "Hi.", "target": "Hola."}\n\n{"source": "", "target": "Suscríbete"}\n',
    )
    article = read_article(path)
    assert [(s.id, s.source, s.target, s.line) for s in article.segments] == [
        ("s1", "Hi.", "Hola.", 1),
        ("p02", "", "Suscríbete", 3),
    ]


def test_article_folder_aligns_and_keeps_residue(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    write(
        folder / "source.es.txt",
        "Titular del día\n\nEl alcalde inauguró ayer el nuevo puente sobre el río.\n",
    )
    write(
        folder / "target.en.txt",
        "Headline of the day\n\nThe mayor opened the new bridge over the river yesterday.\n\nLEAVE A REPLY\n",
    )
    article = read_article(folder)
    assert (article.id, article.source_lang, article.target_lang) == ("story", "es", "en")
    assert [(s.source, s.target) for s in article.segments][-1] == ("", "LEAVE A REPLY")
    assert [s.line for s in article.segments] == [1, 3, 5]


@pytest.mark.parametrize(
    ("name", "content", "problem", "line"),
    [
        ("a.tsv", "source\ttext\nx\ty\n", "header lacks column(s) target", 1),
        ("a.tsv", "source\ttarget\nuno\tone\ttoo many\n", "row has 3 fields, the header has 2", 2),
        ("a.tsv", "source\ttarget\nuno\tone\ndos\n", "row has 1 fields, the header has 2", 3),
        ("a.tsv", 'source\ttarget\nuno\t"one\ndos\ttwo\n', "unclosed quote", None),
        ("a.tsv", "source\ttarget\n\n", "no segments", None),
        ("a.tsv", "id\tsource\ttarget\nx\ta\tb\nx\tc\td\n", "duplicate segment id 'x'", 3),
        ("a.jsonl", '{"source": "a", "target": "b"}\n{"source": "a", "target": \n', "invalid JSON", 2),
        ("a.jsonl", '["a", "b"]\n', "expected a JSON object", 1),
        ("a.jsonl", '{"source": "a"}\n', "lacks 'target'", 1),
        ("a.jsonl", '{"source": "a", "target": 3}\n', "'target' must be a string", 1),
        ("a.tsv", b"", "file is empty", None),
        ("a.tsv", b"source\ttarget\n\x00\x01\x02", "binary file", 2),
        ("a.tsv", "source\ttarget\nca\u00f1a\tcane\n".encode("latin-1"), "byte 0xf1 at offset 16", 2),
        ("a.txt", "hello", "unsupported file type .txt", None),
    ],
)
def test_bad_files_name_file_line_and_problem(tmp_path: Path, name, content, problem, line) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        read_article(path, Languages("es", "en"))
    assert problem in caught.value.problem
    assert caught.value.path == str(path)
    if line is not None:
        assert caught.value.line == line
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeffsource\ttarget\r\nHola.\tHello.\r\n".encode(),
        "source\ttarget\r\nHola.\tHello.\r\n".encode("utf-16"),
    ],
)
def test_bom_and_crlf_inputs_are_decoded(tmp_path: Path, encoded: bytes) -> None:
    article = read_article(write(tmp_path / "a.es-en.tsv", encoded))
    assert [(s.source, s.target) for s in article.segments] == [("Hola.", "Hello.")]


PORT_SOURCE = """Perú abre un nuevo puerto de carga en el sur

La Autoridad Portuaria Nacional inauguró el martes en Ilo una terminal que moverá 600.000 contenedores al año.

La obra costó 310 millones de dólares y fue financiada por un consorcio de empresas chilenas y peruanas.

«Este puerto conecta el sur del país con Asia», dijo el presidente de la autoridad durante la ceremonia.

Los exportadores de cobre y de uva serán los principales usuarios de la nueva terminal en los primeros años.

Los vecinos del puerto se quejaron del ruido de las obras y reclamaron una compensación económica.

La terminal empleará a unas 900 personas cuando funcione a plena capacidad.
"""

PORT_TARGET = """Peru opens a new cargo port in the south

The National Port Authority inaugurated on Tuesday in Ilo a terminal able to handle 600,000 containers a year.

The project cost 310 million dollars and was funded by a consortium of Chilean and Peruvian companies.

Leave a comment

Share this article

"This port connects the south of the country with Asia," the head of the authority said at the ceremony.

Copper and grape exporters will be the main users of the new terminal during the first years.

The terminal will employ about 900 people when it runs at full capacity.
"""


def test_residue_paragraphs_cannot_take_a_source_paragraphs_place(tmp_path: Path) -> None:
    """Two residue paragraphs and a dropped paragraph further on: each stays one-sided.

    Without pinning the residue, Gale–Church paired every paragraph in between one off
    (two skips cost more than a chain of plausible lengths) and the omission vanished.
    """
    write(tmp_path / "port" / "source.es.txt", PORT_SOURCE)
    write(tmp_path / "port" / "target.en.txt", PORT_TARGET)
    pairs = [(s.source[:12], s.target[:12]) for s in read_article(tmp_path / "port").segments]
    assert pairs[3:] == [
        ("", "Leave a comm"),
        ("", "Share this a"),
        ("«Este puerto", '"This port c'),
        ("Los exportad", "Copper and g"),
        ("Los vecinos ", ""),
        ("La terminal ", "The terminal"),
    ]


def test_residue_in_both_sides_is_left_to_the_aligner(tmp_path: Path) -> None:
    """A source with residue of its own may have it translated: nothing is pinned."""
    write(tmp_path / "a" / "source.es.txt", "El puente se abrió ayer.\n\nDeja un comentario\n")
    write(tmp_path / "a" / "target.en.txt", "The bridge opened yesterday.\n\nLeave a comment\n")
    pairs = [(s.source, s.target) for s in read_article(tmp_path / "a").segments]
    assert pairs[-1] == ("Deja un comentario", "Leave a comment")


def test_missing_path_and_incomplete_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_article(tmp_path / "missing.tsv")
    folder = tmp_path / "half"
    write(folder / "source.es.txt", "Hola.")
    with pytest.raises(InputError, match=r"no target\.<lang>\.txt"):
        read_article(folder)


def test_discover_batch_in_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b.tsv", "source\ttarget\na\tb\n")
    write(tmp_path / "a" / "source.es.txt", "Hola.")
    write(tmp_path / "a" / "target.en.txt", "Hello.")
    write(tmp_path / "README.md", "not an article")
    write(tmp_path / "sub" / "c.jsonl", '{"source": "a", "target": "b"}')
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a", "b.tsv", "sub/c.jsonl"]
    with pytest.raises(InputError, match="no such file"):
        list(discover([tmp_path / "nope"]))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="holds no articles"):
        list(discover([empty]))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # plain TSV: quotes are text, wherever they are
        ('source\ttarget\n"Sí", dijo.\t"Yes," he said.\n', [('"Sí", dijo.', '"Yes," he said.')]),
        ('source\ttarget\n"Todo."\t"All."\n', [('"Todo."', '"All."')]),
        # spreadsheet quoting: doubled quotes and a cell spanning two lines
        ('source\ttarget\n"Dijo ""sí""."\t"He said ""yes""."\n', [('Dijo "sí".', 'He said "yes".')]),
        ('"source"\t"target"\n"Hola."\t"Hello."\n', [("Hola.", "Hello.")]),
        ('source\ttarget\n"Uno\ndos"\tOne two\n', [("Uno\ndos", "One two")]),
        # separators str.splitlines would split at stay inside the cell
        ("source\ttarget\nA\u2028b\tC\x0cd\x1ce\x85f\n", [("A\u2028b", "C\x0cd\x1ce\x85f")]),
    ],
)
def test_tsv_quoting_is_read_as_meant(tmp_path: Path, content: str, expected) -> None:
    article = read_article(write(tmp_path / "q.es-en.tsv", content))
    assert [(s.source, s.target) for s in article.segments] == expected


def test_unclosed_quote_names_the_line_where_it_opens(tmp_path: Path) -> None:
    rows = "".join(f"uno {i}\tone {i}\n" for i in range(5))
    path = write(tmp_path / "q.es-en.tsv", "source\ttarget\n" + rows + '"abre\topens\n' + rows)
    with pytest.raises(InputError, match="unclosed quote") as caught:
        read_article(path)
    assert caught.value.line == 7


def test_mid_cell_quotes_do_not_make_a_plain_tsv_quoted(tmp_path: Path) -> None:
    content = 'source\ttarget\nDijo "sí" dos veces.\tHe said "yes" twice.\n"Todo."\t"All."\n'
    article = read_article(write(tmp_path / "q.es-en.tsv", content))
    assert [s.target for s in article.segments] == ['He said "yes" twice.', '"All."']


@pytest.mark.parametrize(
    ("given", "expected"), [("es-ES", "es"), ("EN_us", "en"), ("pt-BR", "pt"), ("spa", "es")]
)
def test_language_tags_are_reduced_to_their_primary_subtag(tmp_path: Path, given: str, expected: str) -> None:
    path = write(tmp_path / "a.tsv", "source\ttarget\nHola.\tHello.\n")
    assert read_article(path, Languages(given, "de-DE")).source_lang == expected


@pytest.mark.parametrize("given", ["spanish", "xx", "e", "es es"])
def test_unknown_language_codes_are_input_errors(tmp_path: Path, given: str) -> None:
    path = write(tmp_path / "a.tsv", "source\ttarget\nHola.\tHello.\n")
    with pytest.raises(InputError, match="unknown language code"):
        read_article(path, Languages(given, "en"))
