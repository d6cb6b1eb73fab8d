"""The Dask runner on a real LocalCluster (worker processes, real TCP, real kills).

One cluster serves the module (starting one costs seconds); a test that
breaks a worker waits for the nanny to bring it back before it ends.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit import distributed
from transaudit.batch import Outcome, run_batch, write_index
from transaudit.cli import main
from transaudit.distributed import ClusterError, run_on_cluster
from transaudit.input.readers import Languages, discover
from transaudit.settings import Settings

distributed_pkg = pytest.importorskip("distributed")

SETTINGS = Settings.from_keys(backend="none", timestamp="2026-01-01T00:00:00Z")
LANGS = Languages(None, None)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", host="127.0.0.1"
    ) as local:
        yield local


def corpus(folder: Path, count: int, bad: int | None = None) -> list[Path]:
    """``count`` small es→en articles (one is unreadable when ``bad`` is its number)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        path = folder / f"story{number:03d}.es-en.tsv"
        if number == bad:
            path.write_text("source\ttarget\nsolo una columna\n", encoding="utf-8")
            continue
        path.write_text(
            "source\ttarget\n"
            f"El alcalde inauguró el puente {number} en Madrid.\t"
            f"The mayor opened bridge {number} in Madrid.\n"
            "Costará 20 millones de euros.\tIt will cost 20 million euros.\n",
            encoding="utf-8",
        )
    return list(discover([folder]))


def test_cluster_writes_the_same_reports_and_index_as_local_processes(cluster, tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in", 7, bad=3)
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    seen: list[Outcome] = []
    here = run_batch(paths, SETTINGS, LANGS, local, ("json", "html"), jobs=1)
    address = cluster.scheduler_address
    there = run_on_cluster(paths, SETTINGS, LANGS, remote, ("json", "html"), address, seen.append)
    write_index(local, here.outcomes, "2026-01-01T00:00:00Z")
    write_index(remote, there.outcomes, "2026-01-01T00:00:00Z")
    assert not there.interrupted and len(seen) == len(paths)
    assert [(o.name, o.ok) for o in there.outcomes] == [(o.name, o.ok) for o in here.outcomes]
    assert "story003.es-en.tsv:2" in (there.outcomes[3].error or "")
    assert sorted(p.name for p in remote.iterdir()) == sorted(p.name for p in local.iterdir())
    for report in local.iterdir():
        assert (remote / report.name).read_bytes() == report.read_bytes(), report.name


@pytest.mark.slow
def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(cluster, tmp_path: Path, monkeypatch) -> None:
    from distributed import Client

    monkeypatch.setattr(distributed, "CHUNK_ARTICLES", 1)  # many small tasks, some surely in flight
    paths = corpus(tmp_path / "in", 30)
    out = tmp_path / "out"
    out.mkdir()
    with Client(cluster.scheduler_address, set_as_default=False) as spy:
        pids = spy.run(os.getpid)
        victim = sorted(pids.values())[0]
        seen: list[str] = []

        def on_done(outcome: Outcome) -> None:
            seen.append(outcome.name)
            if len(seen) == 2:
                os.kill(victim, signal.SIGKILL)

        run = run_on_cluster(paths, SETTINGS, LANGS, out, ("json",), cluster.scheduler_address, on_done)
        assert [o.ok for o in run.outcomes] == [True] * 30, [o.error for o in run.outcomes if not o.ok]
        assert sorted(seen) == sorted(set(seen)) and len(seen) == 30  # each article reported once
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.name.split('.')[0]}.json" for p in paths)
        assert victim not in spy.run(os.getpid).values()
        spy.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next test


def test_ctrl_c_cancels_pending_chunks_and_keeps_finished_reports(cluster, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(distributed, "CHUNK_ARTICLES", 1)
    paths = corpus(tmp_path / "in", 20)
    out = tmp_path / "out"
    out.mkdir()
    seen: list[Outcome] = []

    def on_done(outcome: Outcome) -> None:
        seen.append(outcome)
        if len(seen) == 3:
            raise KeyboardInterrupt

    run = run_on_cluster(paths, SETTINGS, LANGS, out, ("json",), cluster.scheduler_address, on_done)
    assert run.interrupted
    assert 3 <= len(run.outcomes) < 20
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{o.name}.json" for o in run.outcomes)
    for report in out.iterdir():
        json.loads(report.read_text())  # every kept report is whole


def test_cli_runs_on_the_scheduler_from_the_option_or_the_config(cluster, tmp_path: Path) -> None:
    corpus(tmp_path / "in", 3)
    runner = CliRunner()
    address = cluster.scheduler_address
    config = tmp_path / "transaudit.toml"
    config.write_text(f'backend = "none"\nscheduler = "{address}"\n', encoding="utf-8")
    for args in (["--scheduler", address, "--backend", "none"], ["--config", str(config)]):
        out = tmp_path / f"out{len(args)}"
        result = runner.invoke(main, ["check", str(tmp_path / "in"), "--out", str(out), "-q", *args])
        assert result.exit_code == 0, result.output
        summary = json.loads((out / "summary.json").read_text())
        assert [a["status"] for a in summary["articles"]] == ["pass"] * 3


def test_cli_usage_errors_are_one_line(tmp_path: Path, monkeypatch) -> None:
    corpus(tmp_path / "in", 2)
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                  "--scheduler", "tcp://127.0.0.1:9", "--jobs", "2"])
    assert result.exit_code == 2 and "exclude each other" in result.output
    for address in ("foo", "http://127.0.0.1:8786", "tcp://127.0.0.1:99999"):
        result = runner.invoke(main, ["check", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                      "--scheduler", address, "--backend", "none"])
        assert result.exit_code == 2
        assert result.output.startswith(f"transaudit: not a Dask scheduler address: {address!r}")
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1.0)
    result = runner.invoke(main, ["check", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                  "--scheduler", "tcp://127.0.0.1:9", "--backend", "none"])
    assert result.exit_code == 2
    assert result.output.startswith("transaudit: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.apertium
def test_a_worker_without_the_apertium_pair_is_named_before_any_audit(tmp_path: Path) -> None:
    """One worker has Apertium, one cannot find it: back-translation would differ, so refuse."""
    from distributed import LocalCluster

    if not distributed_pkg or not Path("/usr/bin/apertium").exists():
        pytest.skip("needs Debian's apertium")
    paths = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    bare = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # python and dask, no apertium
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      host="127.0.0.1") as local:
        worker = subprocess.Popen(
            [str(Path(sys.executable).parent / "dask"), "worker", local.scheduler_address,
             "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
            env=bare, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while len(local.scheduler_info["workers"]) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            with pytest.raises(ClusterError) as caught:
                address = local.scheduler_address
                run_on_cluster(paths, Settings.from_keys(backend="auto"), LANGS, out, ("json",), address)
            assert "en→es" in str(caught.value) and "apertium-eng-spa" in str(caught.value)
            assert list(out.iterdir()) == []
        finally:
            worker.terminate()
            worker.wait(timeout=30)


def fleet(settings: Settings, *modes: tuple[str, ...]) -> distributed._Fleet:
    """Workers that list these Apertium modes (what ``apertium -l`` says on each)."""
    from transaudit import __version__

    workers = [distributed.Capabilities(f"tcp://w{n}:1", __version__, m) for n, m in enumerate(modes)]
    return distributed._Fleet(workers, settings)


def test_the_capability_check_asks_for_every_step_of_a_pivot_route() -> None:
    """fr→en has no direct Apertium pair: fr-es then spa-eng (via es), as a local run does."""
    from transaudit.model import Article

    route = ("fr-es", "spa-eng", "eng-spa")
    french = Article(id="a", source_lang="en", target_lang="fr", segments=[])
    spanish = Article(id="b", source_lang="es", target_lang="en", segments=[])
    for backend in ("auto", "apertium"):
        fleet(Settings.from_keys(backend=backend), route, route).require(french)  # both steps on both
    with pytest.raises(ClusterError) as caught:
        fleet(Settings.from_keys(backend="auto"), route, ("fr-es", "eng-spa")).require(french)
    assert str(caught.value) == (
        "back-translation fr→en (fr-es + spa-eng via es): no mode spa-eng for step es→en on worker(s) "
        "tcp://w1:1 (install apertium-eng-spa there); or use --backend none"
    )
    fleet(Settings.from_keys(backend="auto"), route, ("fr-es", "eng-spa")).require(spanish)  # en→es alike
    with pytest.raises(ClusterError) as caught:  # asked for Apertium, and no worker has the first step
        fleet(Settings.from_keys(backend="apertium"), ("spa-eng",), ("spa-eng",)).require(french)
    assert str(caught.value) == (
        "back-translation fr→en: no mode for step fr→es on worker(s) tcp://w0:1, tcp://w1:1 "
        "(install apertium-fr-es there); or use --backend none"
    )
    fleet(Settings.from_keys(backend="none"), route, ()).require(french)  # no Apertium involved


PIVOT_ARTICLES = {
    "bridge": ("The mayor opened the new bridge in Lyon on Friday.",
               "Le maire a inauguré le nouveau pont à Lyon vendredi."),
    "budget": ("The city will spend twenty million euros on the project.",
               "La ville dépensera vingt millions d'euros pour le projet."),
    "train": ("The first train leaves the station at eight in the morning.",
              "Le premier train quitte la gare à huit heures du matin."),
}


@pytest.mark.slow
@pytest.mark.apertium
def test_a_pivot_route_back_translates_on_the_cluster_as_locally(cluster, tmp_path: Path) -> None:
    """fr→en goes fr-es then spa-eng on the workers too (chunk prefetch included): same reports."""
    if not Path("/usr/bin/apertium").exists():
        pytest.skip("needs Debian's apertium")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (english, french) in PIVOT_ARTICLES.items():
        (folder / f"{name}.en-fr.tsv").write_text(f"source\ttarget\n{english}\t{french}\n", encoding="utf-8")
    paths = list(discover([folder]))
    settings = Settings.from_keys(backend="apertium", no_cache=True, timestamp="2026-01-01T00:00:00Z")
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    here = run_batch(paths, settings, LANGS, local, ("json", "html"), jobs=1)
    there = run_on_cluster(paths, settings, LANGS, remote, ("json", "html"), cluster.scheduler_address)
    assert [o.ok for o in there.outcomes] == [True] * 3, [o.error for o in there.outcomes]
    assert [o.text for o in there.outcomes] == [o.text for o in here.outcomes]
    report = json.loads((remote / "bridge.json").read_text())
    assert report["backtranslation"]["via"] == "es", report["backtranslation"]
    from distributed import Client

    from transaudit.input.readers import read_articles

    articles = [article for path in paths for article in read_articles(path, LANGS)]
    with Client(cluster.scheduler_address, set_as_default=False) as client:  # the chunk's prefetch
        made = client.submit(distributed._prefetch, articles, settings, pure=False).result()
    assert made is not None and sorted(scope.direction for scope in made) == ["es→en", "fr→es"]
    assert all(len(found) == 3 for found in made.values())
    assert sorted(p.name for p in remote.iterdir()) == sorted(p.name for p in local.iterdir())
    for made in local.iterdir():
        assert (remote / made.name).read_bytes() == made.read_bytes(), made.name


@pytest.mark.slow
@pytest.mark.apertium
def test_a_worker_missing_one_step_of_a_pivot_route_is_named_with_that_step(tmp_path: Path) -> None:
    """A worker whose Apertium lists every mode but spa-eng: fr→en would differ there."""
    from distributed import LocalCluster

    modes = Path("/usr/share/apertium/modes")
    if not (modes / "spa-eng.mode").exists() or not (modes / "fr-es.mode").exists():
        pytest.skip("needs Debian's apertium-fr-es and apertium-eng-spa")
    partial = tmp_path / "apertium"
    (partial / "modes").mkdir(parents=True)
    for mode in modes.glob("*.mode"):
        if mode.name != "spa-eng.mode":
            (partial / "modes" / mode.name).symlink_to(mode)
    folder = tmp_path / "in"
    folder.mkdir()
    english, french = PIVOT_ARTICLES["bridge"]
    (folder / "bridge.en-fr.tsv").write_text(f"source\ttarget\n{english}\t{french}\n", encoding="utf-8")
    out = tmp_path / "out"
    lacking = {**os.environ, "APERTIUM_DATADIR": str(partial)}
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      host="127.0.0.1") as local:
        worker = subprocess.Popen(
            [str(Path(sys.executable).parent / "dask"), "worker", local.scheduler_address,
             "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1", "--name", "partial"],
            env=lacking, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while len(local.scheduler_info["workers"]) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            [address] = [a for a, w in local.scheduler_info["workers"].items() if w.get("name") == "partial"]
            result = CliRunner().invoke(main, ["check", str(folder), "--out", str(out), "--no-cache",
                                               "--scheduler", local.scheduler_address])
            assert result.exit_code == 2, result.output
            assert result.output.strip().splitlines() == [
                f"transaudit: back-translation fr→en (fr-es + spa-eng via es): no mode spa-eng for step "
                f"es→en on worker(s) {address} (install apertium-eng-spa there); or use --backend none"
            ]
            assert not out.exists() or list(out.iterdir()) == []
        finally:
            worker.terminate()
            worker.wait(timeout=30)
