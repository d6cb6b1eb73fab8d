"""The public API (transaudit.read, audit, Settings, Issue) and its README example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import transaudit
from transaudit.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "README's Python API section has no python example"
    return match.group(1)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_readme_example_runs() -> None:
    code = readme_example()
    assert len([line for line in code.splitlines() if line.strip()]) <= 5
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    first, *issues = out.stdout.splitlines()
    score, passed = first.split()
    float(score)
    assert passed in ("True", "False")
    assert issues and all(re.match(r"TA\d{3} \S+ ", line) for line in issues)


def test_read_and_audit_match_the_pipeline() -> None:
    article = transaudit.read(ROOT / "corpora" / "clean-water-project.es-en.tsv")
    assert (article.source_lang, article.target_lang) == ("es", "en")
    result = transaudit.audit(article, transaudit.Settings.from_keys(backend="none", select="TA1"))
    assert isinstance(result, transaudit.ArticleResult)
    assert all(isinstance(i, transaudit.Issue) and i.code.startswith("TA1") for i in result.issues)
    assert all(isinstance(issue.severity, transaudit.Severity) for issue in result.issues)
    assert article.segments[0].back_translation is None  # audit does not change its input


def test_read_names_the_languages_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "story.tsv"
    path.write_text("source\ttarget\nHola\tHello\n", encoding="utf-8")
    article = transaudit.read(str(path), source_lang="es", target_lang="en")
    assert [(s.source, s.target) for s in article.segments] == [("Hola", "Hello")]


def test_unreadable_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        transaudit.read(tmp_path / "missing.tsv")


def test_importing_the_package_loads_nothing_heavy() -> None:
    code = (
        "import sys, transaudit; "
        "print(sorted(m for m in ('transaudit.pipeline', 'transaudit.checks', 'langdetect', 'sacrebleu') "
        "if m in sys.modules))"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        transaudit.nothing  # noqa: B018


def test_read_all_gives_every_article_of_a_multi_article_file() -> None:
    path = ROOT / "tests" / "data" / "interchange" / "spec-2.1.xlf"
    assert [a.id for a in transaudit.read_all(path)] == ["spec-2.1-hello", "spec-2.1-bye"]
    with pytest.raises(InputError, match=r"holds 2 articles .* use transaudit.read_all\(\)"):
        transaudit.read(path)


def test_importing_changes_no_process_state() -> None:
    code = (
        "import csv, os; before = (csv.field_size_limit(), os.umask(0o022)); os.umask(before[1]); "
        "import transaudit.cli, transaudit.input.readers, transaudit.batch, transaudit.publish; "
        "after = (csv.field_size_limit(), os.umask(0o022)); print(before == after)"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
