"""Check throughput: the default checks over every WMT24 en→es system output.

Audits 23 systems × 998 paragraphs (22,954 units, the canary line included so
the count matches pofilter's run) with the default checks and no
back-translation, in this one process, several times; prints the median time,
units per second and the process's peak RSS. When a virtualenv with
translate-toolkit is given (``--pofilter-venv`` or ``TRANSAUDIT_POFILTER_VENV``)
it also runs ``pofilter`` over the same units, one PO file per system, in a
child process, and prints the ratio.

    .venv/bin/python benchmarks/bench_checks.py [--runs 3] [--per-check] [--pofilter-venv /work/bench-venv]
    .venv/bin/python benchmarks/bench_checks.py --cli --pofilter-venv /work/bench-venv

``--cli`` measures what a user runs instead: the whole ``transaudit check``
command (one process, ``--jobs 1 --backend none --format json``) over the 23
systems written as 23 TSV articles, against ``pofilter --language=es`` over one
PO file holding the same units, both as child processes, alternating; it
prints each one's CPU time (user + system, start-up included) and peak RSS
(VmHWM), and the ratios (goals: CPU ≤ 0.5× pofilter's, peak ≤ 136 MiB). Both run
from compiled bytecode, as installed software does: transaudit's modules are
compiled once, untimed, before the runs (pofilter's virtualenv has its ``.pyc``).

Data paths default to ``../shared/eval/wmt24-en-es`` relative to the repository
root; the data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "wmt24-en-es"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1] if path.stat().st_size else []


def load_articles(source_path: Path, systems_dir: Path) -> list[Article]:
    """One article per system output, line-aligned with the English source."""
    source = read_lines(source_path)
    articles = []
    for output in sorted(systems_dir.iterdir()):
        target = read_lines(output)
        if len(target) != len(source):
            raise SystemExit(f"{output}: {len(target)} lines, source has {len(source)}")
        segments = [
            Segment(str(i), s, t, line=i) for i, (s, t) in enumerate(zip(source, target, strict=True), 1)
        ]
        articles.append(Article(output.stem, "en", "es", segments, str(output)))
    return articles


def time_transaudit(articles: list[Article], runs: int) -> tuple[list[float], int, int]:
    settings = Settings.from_keys(backend="none")
    issues = 0
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        engine = Engine(settings)
        issues = sum(len(audit_article(article, settings, engine).issues) for article in articles)
        times.append(time.perf_counter() - started)
    return times, issues, len(Engine(settings).checks)


def time_each_check(articles: list[Article]) -> list[tuple[float, str, str]]:
    """Seconds each default check takes alone over all articles, slowest first."""
    engine = Engine(Settings.from_keys(backend="none"))
    checks = engine.checks
    timings = []
    for check in checks:
        engine.checks = [check]
        started = time.perf_counter()
        for article in articles:
            engine.run(article)
        timings.append((time.perf_counter() - started, check.code, check.name))
    return sorted(timings, reverse=True)


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return '"' + escaped.replace("\n", "\\n") + '"'


def write_po_files(articles: list[Article], folder: Path) -> None:
    """One PO file per system; msgctxt keeps repeated source lines distinct units."""
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'
    for article in articles:
        entries = [
            f"msgctxt {_po_quote(segment.id)}\n"
            f"msgid {_po_quote(segment.source)}\nmsgstr {_po_quote(segment.target)}\n"
            for segment in article.segments
        ]
        (folder / f"{article.id}.po").write_text(header + "\n".join(entries), encoding="utf-8")


#: Runs pofilter inside the venv's Python and reports the process's own peak RSS
#: (VmHWM, reset at exec) so the fork from this large process is not counted.
_POFILTER_WRAPPER = """
import atexit, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\nPEAK_KIB {peak}\\n")
atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def time_pofilter(venv: Path, articles: list[Article], runs: int) -> tuple[list[float], int]:
    """Wall time of ``pofilter`` on the PO folder (start-up included) and its peak RSS in KiB."""
    pofilter = venv / "bin" / "pofilter"
    times = []
    peak = 0
    with tempfile.TemporaryDirectory(prefix="bench-po-") as tmp:
        po_dir = Path(tmp) / "po"
        po_dir.mkdir()
        write_po_files(articles, po_dir)
        for run in range(runs):
            out = Path(tmp) / f"out{run}"
            command = [str(venv / "bin" / "python"), "-c", _POFILTER_WRAPPER, str(pofilter)]
            command += ["--language=es", "--progress=none", "-i", str(po_dir), "-o", str(out)]
            started = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            times.append(time.perf_counter() - started)
            if done.returncode:
                raise SystemExit(f"pofilter failed: {done.stderr[-500:]}")
            marks = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KIB ")]
            if marks:
                peak = max(peak, int(marks[-1].split()[1]))
    return times, peak


#: Runs a program (a script path, or ``-m module``) and reports its own CPU time
#: and peak RSS at exit, measured inside the process so nothing else is counted.
_MEASURE_WRAPPER = """
import atexit, resource, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write(f"\\nMEASURED {peak} {usage.ru_utime + usage.ru_stime}\\n")
atexit.register(report)
if sys.argv[1] == "-m":
    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
"""


def measured(
    command: list[str], ok: tuple[int, ...] = (0,), env: dict[str, str] | None = None
) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of one wrapped child process."""
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    marks = [line.split() for line in done.stderr.splitlines() if line.startswith("MEASURED ")]
    if done.returncode not in ok or not marks:
        raise SystemExit(f"{command[3:6]} failed ({done.returncode}): {done.stderr[-800:]}")
    return float(marks[-1][2]), int(marks[-1][1])


def _with_bytecode(prefix: Path) -> dict[str, str]:
    """The environment for the measured ``transaudit`` runs: its modules compiled once, first.

    pofilter runs from its virtualenv's compiled bytecode (pip writes ``.pyc`` files
    at install), as an installed transaudit would. With ``PYTHONDONTWRITEBYTECODE``
    set (as on this project's shared machines) a source checkout is compiled again on
    every run, about 0.3 s of CPU that no user pays twice: the package is compiled
    here, untimed, into ``prefix`` (``PYTHONPYCACHEPREFIX``), and each run reads it.
    """
    import transaudit

    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    subprocess.run([sys.executable, "-c", f"import compileall, sys; sys.exit(not compileall.compile_dir("
                    f"{str(Path(transaudit.__file__).parent)!r}, quiet=1))"], env=env, check=True)
    return env


def write_tsv_articles(articles: list[Article], folder: Path) -> None:
    for article in articles:
        rows = ["id\tsource\ttarget"]
        rows += [f"{s.id}\t{_tsv(s.source)}\t{_tsv(s.target)}" for s in article.segments]
        (folder / f"{article.id}.en-es.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _tsv(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def compare_cli(articles: list[Article], venv: Path, runs: int) -> None:
    """The whole CLI against pofilter, CPU and peak memory, alternating runs."""
    units = sum(len(article.segments) for article in articles)
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        root = Path(tmp)
        (root / "tsv").mkdir()
        (root / "po").mkdir()
        write_tsv_articles(articles, root / "tsv")
        single = Article("all", "en", "es", [s for a in articles for s in a.segments])
        for number, segment in enumerate(single.segments):
            segment.id = str(number)
        write_po_files([single], root / "po")
        env = _with_bytecode(root / "pycache")
        ours, theirs = [], []
        for run in range(runs):
            command = [sys.executable, "-c", _MEASURE_WRAPPER, "-m", "transaudit", "check", str(root / "tsv"),
                       "--out", str(root / f"out{run}"), "--jobs", "1", "--backend", "none",
                       "--format", "json", "--quiet", "--timestamp", "2026-01-01T00:00:00Z"]
            ours.append(measured(command, ok=(0, 1), env=env))
            command = [str(venv / "bin" / "python"), "-c", _MEASURE_WRAPPER, str(venv / "bin" / "pofilter"),
                       "--language=es", "--progress=none", str(root / "po" / "all.po"),
                       str(root / f"po-out{run}.po")]
            theirs.append(measured(command))
    cpu, peak = statistics.median(c for c, _ in ours), max(p for _, p in ours) / 1024
    po_cpu, po_peak = statistics.median(c for c, _ in theirs), max(p for _, p in theirs) / 1024
    print(f"units: {units} ({len(articles)} articles / one PO file); runs: {runs}, alternating")
    print(f"transaudit check (whole CLI, json): CPU median {cpu:.2f} s "
          f"({', '.join(f'{c:.2f}' for c, _ in ours)}), peak RSS {peak:.0f} MiB")
    print(f"pofilter --language=es:            CPU median {po_cpu:.2f} s "
          f"({', '.join(f'{c:.2f}' for c, _ in theirs)}), peak RSS {po_peak:.0f} MiB")
    print(f"ratio: transaudit CPU = {cpu / po_cpu:.2f}× pofilter's (goal ≤ 0.5); "
          f"peak RSS {peak:.0f} MiB = {peak / po_peak:.2f}× pofilter's {po_peak:.0f} MiB (goal ≤ 136 MiB)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DATA / "en-es.src.en")
    parser.add_argument("--systems", type=Path, default=DATA / "system-outputs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-check", action="store_true", help="also time each check alone (one run)")
    parser.add_argument("--pofilter-venv", type=Path, default=os.environ.get("TRANSAUDIT_POFILTER_VENV"))
    parser.add_argument("--cli", action="store_true", help="whole CLI against pofilter: CPU and peak memory")
    args = parser.parse_args(argv)

    articles = load_articles(args.source, args.systems)
    if args.cli:
        if not args.pofilter_venv:
            raise SystemExit("--cli needs --pofilter-venv (or TRANSAUDIT_POFILTER_VENV)")
        compare_cli(articles, args.pofilter_venv, args.runs)
        return
    units = sum(len(article.segments) for article in articles)
    times, issues, checks = time_transaudit(articles, args.runs)
    median = statistics.median(times)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"units: {units} ({len(articles)} systems); runs: {args.runs}")
    print(f"transaudit: {checks} default checks, {issues} issues")
    print(
        f"transaudit: median {median:.2f} s ({', '.join(f'{t:.2f}' for t in times)}), "
        f"{units / median:,.0f} units/s, peak RSS {peak_mib:.0f} MiB (this process, data included)"
    )
    if args.per_check:
        for seconds, code, name in time_each_check(articles):
            print(
                f"  {code} {name:<32} {seconds:7.2f} s  {units / seconds if seconds else 0:>10,.0f} units/s"
            )
    if args.pofilter_venv:
        po_times, po_peak = time_pofilter(args.pofilter_venv, articles, args.runs)
        po_median = statistics.median(po_times)
        print(
            f"pofilter:   median {po_median:.2f} s ({', '.join(f'{t:.2f}' for t in po_times)}), "
            f"{units / po_median:,.0f} units/s, peak RSS {po_peak / 1024:.0f} MiB "
            "(child process, start-up included)"
        )
        print(
            f"ratio: transaudit takes {median / po_median:.2f}× pofilter's time "
            f"(pofilter / transaudit = {po_median / median:.2f})"
        )
    else:
        print("pofilter: not measured (pass --pofilter-venv or set TRANSAUDIT_POFILTER_VENV)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
