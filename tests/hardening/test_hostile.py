"""Hostile content: script payloads stay inert text; names cannot write outside --out.

The HTML checks parse each generated page and compare its active parts
(script elements, event-handler attributes, URLs, style) with what the
templates themselves put there, so a payload that slipped through as markup
is caught whatever its shape.
"""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main
from transaudit.fsutil import safe_filename

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror="alert(1)">',
    "<a href=\"javascript:alert(2)\">click</a>",
    "javascript:alert(3)",
    "<style>body{background:url(javascript:alert(4))}</style>",
    "</textarea></title></script><svg onload=alert(5)>",
    "' onmouseover='alert(6)' x='",
    "{{ 7*7 }} {% raw %}",
    "<!-- --><iframe srcdoc='<script>alert(8)</script>'>",
    "</script><script>alert(9)</script>",
    "\u202eevil\u202c \x1b[31mred\x1b[0m",
]
#: A cell may not start with a quote that never closes (the reader refuses it), so the
#: attribute-breaking id starts with a letter.
HOSTILE_IDS = ["../../../etc/passwd", "/abs/path", 'x"><svg onload=alert(10)>', "x" * 500, "a\u0000b"]


class Active(HTMLParser):
    """Collects the parts of a page that can run code or load things."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str, str | None]] = []
        self.urls: list[str] = []
        self.styles: list[str | None] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"):
                self.urls.append(value or "")
            if name == "style":
                self.styles.append(value)
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> Active:
    parser = Active()
    parser.feed(html)
    parser.close()
    return parser


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tsv(rows: list[tuple[str, str, str]]) -> str:
    clean = [tuple(cell.replace("\t", " ").replace("\n", " ").replace("\x00", "") for cell in row)
             for row in rows]
    return "id\tsource\ttarget\n" + "".join(f"{i}\t{s}\t{t}\n" for i, s, t in clean)


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--backend", "none", "--quiet"], catch_exceptions=False)


def assert_inert(html: str, baseline: Active) -> None:
    page = parse(html)
    for payload in ("<script>alert", "<svg onload", "<iframe", "<img ", "<style>body"):
        assert payload not in html, payload
    assert page.handlers == baseline.handlers, page.handlers
    schemes = ("javascript:", "data:", "vbscript:")
    assert not [url for url in page.urls if url.strip().lower().startswith(schemes)]
    assert set(page.styles) <= set(baseline.styles)
    assert len(page.scripts) == len(baseline.scripts)
    for script, expected in zip(page.scripts, baseline.scripts, strict=True):
        if script.lstrip().startswith(("[", "{")):
            json.loads(script)  # data island: must stay valid JSON, never code
        else:
            assert script == expected
    assert page.tags.count("style") == baseline.tags.count("style")
    assert not {"img", "iframe", "svg", "object", "embed", "textarea"} & (set(page.tags) - set(baseline.tags))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A batch of a benign article, a hostile one and a hostile unreadable one, plus a baseline run."""
    root = tmp_path_factory.mktemp("hostile")
    # Enough Spanish around each payload that the source still reads as Spanish
    # (the file name's languages are checked against the text).
    rows = [(f"p{i}", f"Según el texto {payload}, el el alcalde inaugurará mañana el puente.",
             f"According to the text {payload}, the the mayor will open the bridge tomorrow.")
            for i, payload in enumerate(PAYLOADS)]
    rows += [(seg_id, "Hola.", "Hello.") for seg_id in HOSTILE_IDS]
    corpus = root / "corpus"
    write(corpus / '"><img src=x onerror=alert(11)>.es-en.tsv', tsv(rows))
    write(corpus / "<script>alert(12)</script>.es-en.tsv", "source\ttarget\nuno\n")
    write(corpus / "plain.es-en.tsv", tsv([("p1", "El alcalde.", "The mayor.")]))
    out = root / "out"
    result = check(str(corpus), "--out", str(out), "--format", "html", "--format", "json", "--format", "text",
                   "-j", "1")
    assert result.exit_code == 2, result.output  # the unreadable one is skipped
    baseline = root / "baseline"
    write(baseline / "corpus" / "a.es-en.tsv", tsv([("p1", "El alcalde el el.", "The mayor the the.")]))
    write(baseline / "corpus" / "b.es-en.tsv", "source\ttarget\nuno\n")
    assert check(str(baseline / "corpus"), "--out", str(baseline / "out"), "-j", "1").exit_code == 2
    return out, baseline / "out"


def test_article_html_is_inert(reports: tuple[Path, Path]) -> None:
    out, baseline = reports
    pages = [p for p in out.glob("*.html") if p.name != "index.html"]
    assert len(pages) == 2
    for page in pages:
        expected = parse((baseline / "a.html").read_text(encoding="utf-8"))
        assert_inert(page.read_text(encoding="utf-8"), expected)
    hostile = next(p for p in pages if "img" in p.name)
    text = "".join(parse(hostile.read_text(encoding="utf-8")).text)
    for payload in PAYLOADS[:9]:
        assert payload.split(">")[0] in text  # shown to the editor as text


def test_index_html_is_inert(reports: tuple[Path, Path]) -> None:
    out, baseline = reports
    index = (out / "index.html").read_text(encoding="utf-8")
    assert_inert(index, parse((baseline / "index.html").read_text(encoding="utf-8")))
    assert "alert(12)" in "".join(parse(index).text)  # the skipped article is named, as text


def test_json_and_text_reports_keep_payloads_as_data(reports: tuple[Path, Path]) -> None:
    out, _ = reports
    report = json.loads(next(out.glob("*img*.json")).read_text(encoding="utf-8"))
    targets = [s["target"] for s in report["segments"]]
    for payload in PAYLOADS:
        assert any(payload.replace("\x00", "") in target for target in targets)
    assert {s["id"] for s in report["segments"]} >= {i.replace("\x00", "") for i in HOSTILE_IDS}
    for text_file in out.glob("*.txt"):
        text = text_file.read_text(encoding="utf-8")
        assert "\x1b" not in text and "\u202e" not in text
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["articles"]) == 3


def test_nothing_written_outside_out(reports: tuple[Path, Path]) -> None:
    out, _ = reports
    root = out.parent
    everything = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    assert all(p.startswith(("corpus", "out", "baseline")) for p in everything), everything
    assert all(p.parent == out for p in out.rglob("*"))
    assert all(len(p.name.encode()) <= 255 and not p.name.startswith(".") for p in out.iterdir())
    assert not list(out.glob("*.tmp"))


@pytest.mark.parametrize("name", ["..", ".", "../x", "/etc/passwd", "a/../../b", "x" * 500, "a\x00b", "CON",
                                  "index", "", " ", "\u202e", "..\\..\\windows"])
def test_safe_filename_is_one_harmless_component(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and len(safe) <= 120
    assert os.path.basename(safe) == safe


def test_hostile_file_and_folder_names_stay_inside_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    names = ["..hidden-ish.es-en.tsv", "-rf.es-en.tsv", "index.es-en.tsv", "summary.es-en.tsv",
             "y" * 240 + ".tsv", "con.es-en.tsv", "ümlaut ñ 文.es-en.tsv", "=HYPERLINK(x).es-en.tsv"]
    for name in names:
        write(corpus / name, "source\ttarget\nHola.\tHello.\n")
    write(corpus / ("z" * 250) / "source.es.txt", "Hola.\n")
    write(corpus / ("z" * 250) / "target.en.txt", "Hello.\n")
    out = tmp_path / "out"
    result = check(str(corpus), "--out", str(out), "-j", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    files = list(out.iterdir())
    assert all(p.parent == out and p.is_file() for p in files)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    # "..hidden-ish" is skipped like every dot file; the article folder counts; summary.json is the index.
    assert summary["totals"]["articles"] == len(names)
    assert len([p for p in files if p.suffix == ".json" and p.name != "summary.json"]) == len(names)
    csv_text = (out / "summary.csv").read_text(encoding="utf-8")
    assert "\n=HYPERLINK" not in csv_text and "'=HYPERLINK" in csv_text


def test_report_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = write(tmp_path / "outside" / "victim.txt", "precious\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.json").symlink_to(victim)
    article = write(tmp_path / "story.es-en.tsv", "source\ttarget\nHola.\tHello.\n")
    assert check(str(article), "--out", str(out), "--format", "json").exit_code == 0
    assert victim.read_text() == "precious\n"
    assert not (out / "story.json").is_symlink()
    assert json.loads((out / "story.json").read_text())["article"]["id"] == "story"
