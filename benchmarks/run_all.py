"""Run the project's measurements one after another (``make bench``).

Each script prints its own figures; they read ``../shared`` by path and write
nothing into the repository. Set TRANSAUDIT_POFILTER_VENV to a virtualenv with
translate-toolkit to time pofilter in the same run as the checks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ["seed_check.py"],
    ["false_alarms_wmt24.py"],
    ["bench_checks.py", "--runs", "3"],
    ["bench_spelling.py"],
    ["bench_backtranslation.py"],
    ["bench_meaning.py"],
    ["bench_bt_audit.py"],
    ["bench_cluster.py", "--runs", "3"],
]


def main() -> int:
    failed = 0
    for script, *args in RUNS:
        print(f"\n### {script} {' '.join(args)}", flush=True)
        completed = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        failed += completed.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
