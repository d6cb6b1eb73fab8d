"""Heavy optional modules stay out of a default audit's process (memory: lxml 7 MiB; wordfreq's
package with ftfy, langcodes and regex 16 MiB: its frequency files are read without it; numpy
16 MiB: only the meaning signals, TA522's links and the round-trip metrics use it; pycountry's
database of languages, 6 MiB)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("lxml", "wordfreq", "ftfy", "langcodes", "numpy")

SCRIPT = f"""
import sys
import transaudit
article = transaudit.read(sys.argv[1])
result = transaudit.audit(article, transaudit.Settings.from_keys(backend="none"))
loaded = [m for m in {HEAVY!r} if m in sys.modules]
if "pycountry" in sys.modules and getattr(sys.modules["pycountry"].languages, "_is_loaded", False):
    loaded.append("pycountry.languages")  # its 7,900 languages stay loaded (6 MiB)
print(" ".join(sorted(loaded)))
"""


def test_a_default_audit_imports_no_lxml_wordfreq_or_numpy(tmp_path: Path) -> None:
    path = tmp_path / "story.es-en.tsv"
    path.write_text("source\ttarget\nEl alcalde inauguró el puente de 20 millones.\t"
                    "The mayor opened the the 20 million bridge.\n", encoding="utf-8")
    command = [sys.executable, "-c", SCRIPT, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


INDEX = """
import sys
from transaudit.analysis import frequencies
from transaudit.analysis.spelling import Neighbours
words = frequencies.table("es")
finder = Neighbours(words.at_least(2.5), 2.5, frequencies.alphabet("es"))
finder._searches = Neighbours.INDEX_AFTER  # a batch's search: the index is built
print(sorted(finder.find("cassa")), words.get("zurcidor"), "numpy" in sys.modules)
"""


def test_a_batch_builds_its_tables_and_spelling_index_without_numpy() -> None:
    done = subprocess.run([sys.executable, "-c", INDEX], capture_output=True, text=True, check=True)
    found, _, loaded = done.stdout.rpartition(" ")
    assert "'casa'" in found and loaded.strip() == "False"


CLI = """
import sys
from transaudit.cli import main
main(["check", "--help"], standalone_mode=False)
print(" ".join(sorted(m for m in ("transaudit.cli.eval", "transaudit.evaluation", "jinja2", "numpy")
                      if m in sys.modules)))
"""


def test_the_check_command_does_not_load_the_other_commands() -> None:
    done = subprocess.run([sys.executable, "-c", CLI], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1].strip() == ""


JSON_RUN = """
import sys
from transaudit.cli import main
try:
    main(["check", sys.argv[1], "--out", sys.argv[2], "--format", "json", "--backend", "none", "--quiet"])
except SystemExit:
    pass
print(" ".join(sorted(m for m in ("lxml", "numpy") if m in sys.modules)))
"""


def test_a_json_run_loads_no_xliff_writer(tmp_path: Path) -> None:
    """Only the asked formats' writers are imported (the XLIFF one loads lxml, 7 MiB)."""
    path = tmp_path / "story.es-en.tsv"
    path.write_text("source\ttarget\nEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n",
                    encoding="utf-8")
    command = [sys.executable, "-c", JSON_RUN, str(path), str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "" and (tmp_path / "out" / "story.json").is_file()
