"""The HTML reports in a real browser: highlighting, filters, jumps, sorting, no script injection.

Drives Debian's /usr/bin/chromium through Playwright (never `playwright install`);
screenshots go to test-artifacts/ in the repository root for a human to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transaudit.model import Article, Category, Issue, Segment, Severity
from transaudit.report.html_report import render_html
from transaudit.report.index_report import IndexEntry, render_index
from transaudit.result import ArticleResult

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package chromium)"),
]

SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned'; alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned = 2; document.title = \'pwned\'; alert(2)">'


def span(segment: Segment, code: str, side: str, needle: str, severity: str, category: str,
         message: str) -> Issue:
    start = segment.text(side).index(needle)
    return Issue(code, f"check-{code}", category, Severity(severity), segment.id, side, start,
                 start + len(needle), needle, message)


def report_result() -> ArticleResult:
    one = Segment("p1", "Los líderes se reunieron en la cumbre.", "The leaders met at the the summit.",
                  line=1, back_translation="Los líderes se reunieron en la la cumbre.",
                  bt_scores={"chrF": 78.4})
    two = Segment("p2", "Hubo muchos problemas.", f"There were many problems and problems {SCRIPT}.", line=2)
    three = Segment("p3", "", f"LEAVE A REPLY {IMG}", line=3)
    four = Segment("p4", "El acuerdo se firmó el martes.", "The agreement was signed on Tuesday.", line=4)
    issues = [
        span(one, "TA101", "target", "the the", "minor", Category.REPETITION, "'the' is written twice"),
        span(two, "TA103", "target", "problems and problems", "major", Category.REPETITION,
             f"a noun coordinated with itself {SCRIPT}"),
        span(two, "TA301", "target", "many problems", "minor", Category.MISTRANSLATION, "check the quantity"),
        span(three, "TA220", "target", three.target, "critical", Category.ADDITION, "web-page residue"),
        span(one, "TA222", "source", "cumbre", "major", Category.OMISSION, f"{IMG} not translated"),
    ]
    article = Article(f"cumbre {SCRIPT}", "es", "en", [one, two, three, four], path="samples/cumbre.tsv")
    return ArticleResult(article, issues, score=61.25, passed=False, threshold=90.0, penalty=37.0,
                         target_words=32, notices=["no back-translation for en→es for 3 of 4 segments"],
                         errors=[{"check": "TA130", "segment": "p4", "error": f"ValueError: {IMG}"}],
                         versions={"transaudit": "0.1.0"}, timestamp="2026-11-28T04:00:00Z")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "cumbre.html"
    path.write_text(render_html(report_result()), encoding="utf-8")
    return path


def test_spans_are_highlighted_and_filters_hide_issues(page, report_file):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(report_file.as_uri())
    assert page.locator("mark").count() >= 6
    background = page.locator("mark.minor").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("mark.major", has_text="cumbre").count() == 1  # source-side span on the source text
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

    minor_item = page.locator("li", has_text="'the' is written twice")
    assert minor_item.is_visible()
    page.locator('input[name="sev"][value="minor"]').uncheck()
    assert minor_item.is_hidden()
    assert "off" in page.locator("mark", has_text="the the").get_attribute("class")
    assert page.locator("li", has_text="web-page residue").is_visible()
    assert page.locator("#shown").inner_text().startswith("3 of 5 issues")

    page.locator('input[name="clean"]').uncheck()
    assert page.locator("#s3").is_hidden()  # p4 has no issues
    assert page.locator("#s0").is_visible()  # p1 still has its major source-side issue
    page.locator('input[name="code"][value="TA222"]').uncheck()
    assert page.locator("#s0").is_hidden()
    page.screenshot(path=str(ARTIFACTS / "report-filtered.png"), full_page=True)
    page.locator("#reset").click()
    assert minor_item.is_visible() and page.locator("#s3").is_visible()
    assert page.errors == []


def test_hostile_segments_run_nothing(page, report_file):
    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().startswith("cumbre <script>")
    assert page.dialogs == [] and page.errors == []
    assert page.locator("img").count() == 0
    assert page.locator("td", has_text="<script>window.__pwned").count() >= 1  # shown as text


def test_summary_entry_jumps_to_its_first_segment_and_keyboard_works(page, report_file):
    page.goto(report_file.as_uri())
    page.locator('input[name="clean"]').uncheck()
    page.locator('input[name="sev"][value="critical"]').uncheck()
    assert page.locator("#s2").is_hidden()
    page.locator("table.summary a", has_text="segment p3").click()
    assert page.locator("#s2").is_visible()  # the jump reveals a filtered-out segment
    assert page.evaluate("document.activeElement.closest('tbody').id") == "s2"
    box = page.locator('input[name="sev"][value="major"]')
    box.focus()
    page.keyboard.press("Space")
    assert not box.is_checked()
    assert page.locator("li", has_text="a noun coordinated").is_hidden()


def test_index_sorts_by_any_column(page, tmp_path):
    base = IndexEntry.from_result(report_result(), "cumbre.html", "cumbre.json")
    entries = []
    for name, score in (("pv-copy-10", 95.0), ("pv-copy-2", 40.5), ("pv-copy-1", 88.0)):
        entry = IndexEntry(**{**base.__dict__, "name": name, "score": score, "passed": score >= 90})
        entries.append(entry)
    entries.append(IndexEntry.skipped("broken.tsv", "broken.tsv:2: missing target column"))
    path = tmp_path / "index.html"
    path.write_text(render_index(entries, generated_at="2026-11-28T04:00:00Z"), encoding="utf-8")
    page.goto(path.as_uri())

    def names():
        return page.locator("#articles tbody tr td:first-child a").all_inner_texts()

    assert names() == ["pv-copy-1", "pv-copy-2", "pv-copy-10"]  # natural order, not 1, 10, 2
    page.locator("#articles th button", has_text="Quality").click()
    assert names() == ["pv-copy-2", "pv-copy-1", "pv-copy-10"]
    page.locator("#articles th button", has_text="Quality").click()
    assert names() == ["pv-copy-10", "pv-copy-1", "pv-copy-2"]
    page.locator("#articles th button", has_text="Article").click()
    assert names() == ["pv-copy-1", "pv-copy-2", "pv-copy-10"]
    page.locator("#articles th button", has_text="Article").click()
    assert names() == ["pv-copy-10", "pv-copy-2", "pv-copy-1"]
    assert page.locator("#skipped", has_text="missing target column").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)
    assert page.errors == []


def editor_result() -> ArticleResult:
    """A result with a changed number, a waived issue, a comparison and a shared back-translation failure."""
    from transaudit.waivers import WaivedIssue, Waiver

    note = "not back-translated: no Apertium pair for en→es"
    one = Segment("p1", "Murieron 14 personas.", "41 people died.", line=1, bt_note=note)
    two = Segment("p2", "El presidente Tokáyev habló.", "President Tokáyev spoke the the truth.", line=2,
                  bt_note=note)
    three = Segment("p3", "Fin.", "End.", line=3, bt_note=note)
    changed = Issue("TA201", "number-changed", Category.MISTRANSLATION, Severity.MAJOR, "p1", "target", 0, 2,
                    "41", "'41' does not match the source's '14'", "14", counterpart=(9, 11),
                    counterpart_text="14")
    doubled = span(two, "TA101", "target", "the the", "minor", Category.REPETITION, "'the' is written twice")
    name = span(two, "TA320", "target", "Tokáyev", "minor", Category.LOCALE_NAME, "Spanish spelling")
    waiver = Waiver("editor", "sha256:x", "TA320", "Tokáyev", "house style", "ana", "2026-11-28T09:00:00Z")
    comparison = {"against": "/srv/shared/2026-11-28T090000Z", "since": "2026-11-28T09:00:00Z",
                  "status": "compared", "new": 1, "fixed": 1, "unchanged": 1, "new_issues": [1],
                  "fixed_issues": [{"code": "TA103", "name": "self-coordination",
                                    "text": "problems and problems", "segment": "p3"}]}
    article = Article("editor", "es", "en", [one, two, three], path="samples/editor.tsv")
    return ArticleResult(article, [changed, doubled], score=-35.14, passed=False, threshold=90.0, penalty=6.0,
                         target_words=13, waived=[WaivedIssue(name, waiver)], comparison=comparison,
                         versions={"transaudit": "0.1.0"}, timestamp="2026-11-29T09:00:00Z")


def test_report_for_editors(page, tmp_path):
    path = tmp_path / "editor.html"
    path.write_text(render_html(editor_result()), encoding="utf-8")
    page.goto(path.as_uri())
    cards = page.locator(".cards").inner_text()
    assert "Quality\n40.0" in cards and "MQM score -35.14" in cards  # bounded figure first
    assert "1 fixed, 1 new, 1 unchanged since 2026-11-28" in page.locator("#compare").inner_text()
    assert page.locator("li", has_text="'the' is written twice").locator(".badge.new").is_visible()
    assert page.locator("#shown").inner_text() == "2 issues in 2 of 3 segments"
    body = page.locator("table.segs").inner_text()
    assert "0–2" not in body and not re.search(r"\b\d+–\d+\b", body)  # no character offsets
    source_mark = page.locator("#s0 td").first.locator("mark.pair")
    assert source_mark.inner_text() == "14" and source_mark.is_visible()  # the source counterpart too
    assert page.get_by_text("no Apertium pair for en→es").count() == 1  # said once, not per row
    waived = page.locator("details.waived")
    assert waived.locator("summary").inner_text() == "1 waived"
    assert waived.locator("li").is_hidden()  # collapsed
    waived.locator("summary").click()
    item = waived.locator("li")
    assert item.is_visible() and "house style" in item.inner_text()
    assert "line-through" in item.locator("s").evaluate("s => getComputedStyle(s).textDecorationLine")
    page.locator('input[name="sev"][value="minor"]').uncheck()
    assert page.locator("#shown").inner_text() == "1 of 2 issues shown, in 1 of 3 segments"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-editor.png"), full_page=True)
    assert page.errors == []
