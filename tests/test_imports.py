"""Heavy optional modules stay out of a default audit's process (memory: lxml 7 MiB; wordfreq's
package with ftfy, langcodes and regex 16 MiB: its frequency files are read without it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
import transaudit
article = transaudit.read(sys.argv[1])
result = transaudit.audit(article, transaudit.Settings.from_keys(backend="none"))
print(" ".join(sorted(m for m in ("lxml", "wordfreq", "ftfy", "langcodes") if m in sys.modules)))
"""


def test_a_default_audit_imports_no_lxml_or_wordfreq(tmp_path: Path) -> None:
    path = tmp_path / "story.es-en.tsv"
    path.write_text("source\ttarget\nEl alcalde inauguró el puente de 20 millones.\t"
                    "The mayor opened the the 20 million bridge.\n", encoding="utf-8")
    command = [sys.executable, "-c", SCRIPT, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""

