"""Audit a batch on a Dask cluster (``transaudit check --scheduler tcp://HOST:8786``).

Who does what, and why:

* The **client** (the machine running ``transaudit check``) reads each article
  and sends it to the cluster, so workers need no access to the input files;
  it writes every report (atomically) and the index into ``--out``, so workers
  need no shared folder either. It keeps a bounded window of chunks in
  flight, so its memory does not grow with the size of the batch.
* A **worker** runs exactly what a local ``--jobs`` process runs:
  :func:`transaudit.pipeline.audit_article` with one :class:`Engine` per worker
  process and run, then renders the reports to text and sends them back.
  Rendering on the workers keeps the client's share of the work to reading and
  writing files.
* Small articles travel in **chunks** (up to :data:`CHUNK_SEGMENTS` segments
  or :data:`CHUNK_ARTICLES` articles) so the scheduler's per-task cost is paid
  per chunk, not per article.

Failures: a worker lost mid-task is the scheduler's business: it reruns the
chunk on another worker. Each result is written by the client, once per
article, so a rerun can neither lose nor duplicate a report. A chunk whose
worker died ``distributed.scheduler.allowed-failures`` times (default 3) is
reported as skipped with that reason. Ctrl-C cancels every pending chunk,
keeps the reports already written and writes the index from them.

Before auditing an article of a new language direction, the client compares
what each worker would do with it (:func:`worker_capabilities`): every
worker must run the same transaudit version and, when back-translation is
on, resolve the direction to the same Apertium route (every step of a route
through a pivot, fr-es + spa-eng for fr→en, as a local run picks it; or all to
none), else the batch stops with one line naming each missing step's mode, the
workers lacking it and the package to install.
Back-translations are cached per worker (``cache-dir`` on the worker's
machine, default ``~/.cache/transaudit``); README "Running on a Dask
cluster" shows how to give every worker the same warm cache file.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ALL_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transaudit import __version__
from transaudit.batch import TERMINAL_TOP, BatchRun, Outcome, render_reports, report_names
from transaudit.errors import InputError
from transaudit.fsutil import display_path, safe_filename, write_group
from transaudit.input.readers import Languages, read_articles
from transaudit.memo import clear_text_caches
from transaudit.model import Article
from transaudit.report.index_report import IndexEntry
from transaudit.settings import Settings

if TYPE_CHECKING:
    from transaudit.backtranslation.apertium import Route
    from transaudit.backtranslation.run import Prefetched

#: A chunk closes once it holds this many segments …
CHUNK_SEGMENTS = 200
#: … or this many articles, whichever comes first.
CHUNK_ARTICLES = 25
#: Chunks in flight per worker thread: enough to keep every worker busy while
#: the client writes results, few enough that memory stays flat.
WINDOW_PER_THREAD = 3
#: Reports are written (atomically, with fsync) by this many client threads:
#: an fsync costs milliseconds, and one thread writing them in turn would be
#: the batch's bottleneck.
WRITER_THREADS = 8
#: Written reports waiting to be recorded before the client waits for them.
WRITES_IN_FLIGHT = 256
#: Seconds to wait for the scheduler and for a first worker.
CONNECT_TIMEOUT = 20.0


class ClusterError(Exception):
    """The cluster cannot run this batch (unreachable, no workers, workers unfit)."""


@dataclass
class _Item:
    index: int
    path: str
    name: str
    article: Article


@dataclass
class _Done:
    """What a worker sends back for one article."""

    index: int
    files: dict[str, str]
    entry: IndexEntry | None
    text: str
    #: Set when the audit itself raised (a bug), as a local worker reports it.
    error: str | None = None


@dataclass
class Capabilities:
    """What one worker can do, as far as the audit's findings depend on it."""

    address: str
    version: str
    apertium_modes: tuple[str, ...] = ()
    transformers: bool = False
    notes: list[str] = field(default_factory=list)


def worker_capabilities() -> dict[str, Any]:
    """Runs on each worker (through ``Client.run``): its version and engines."""
    from importlib.util import find_spec

    from transaudit.backtranslation.apertium import installed_modes

    return {
        "version": __version__,
        "apertium_modes": list(installed_modes()),
        "transformers": find_spec("transformers") is not None and find_spec("torch") is not None,
    }


def _route(direction: tuple[str, str], modes: Sequence[str], settings: Settings) -> Route | None:
    """The Apertium route a worker with these modes takes for one direction (what
    :func:`~transaudit.backtranslation.run.choose_backend` would pick there): every
    step of a route through a pivot, so a worker lacking any step differs; an empty
    route when Apertium is not involved; None when the worker has no route."""
    from transaudit.backtranslation.apertium import Route, route_for

    options = settings.backtranslation
    choice = (options.backend or "auto").strip().lower()
    if choice in ("none", "transformers") or (choice == "auto" and options.model):
        return Route(())  # no Apertium involved (transformers is checked once for the fleet)
    if options.apertium_mode:
        return Route((options.apertium_mode,)) if options.apertium_mode in modes else None
    return route_for(direction[0], direction[1], modes)


def _label(route: Route | None) -> str:
    if route is None:
        return "none"
    via = f" via {route.via}" if route.via else ""
    return " + ".join(route.modes) + via


def _steps(direction: tuple[str, str], route: Route) -> list[tuple[str, str, str]]:
    """A route's steps as (from, to, mode): fr→es fr-es, es→en spa-eng."""
    languages = [direction[0], *([route.via] if route.via else []), direction[1]]
    return [(a, b, mode) for a, b, mode in zip(languages[:-1], languages[1:], route.modes, strict=True)]


def _debian_steps(direction: tuple[str, str]) -> list[tuple[str, str]] | None:
    """The steps of the route Debian's Apertium pairs offer (direct first, else
    through the first pivot with a package for each step), or None."""
    from transaudit.backtranslation.apertium import PIVOTS
    from transaudit.backtranslation.run import _apertium_package

    source, target = direction
    if _apertium_package(source, target):
        return [direction]
    bare = source.split("-")[0].lower(), target.split("-")[0].lower()
    for pivot in PIVOTS:
        if pivot in bare:
            continue
        steps = [(source, pivot), (pivot, target)]
        if all(_apertium_package(a, b) for a, b in steps):
            return steps
    return None


def _missing(
    direction: tuple[str, str], routes: dict[str, Route | None], capabilities: Sequence[Capabilities],
    settings: Settings,
) -> str:
    """One line naming, for each step of the route the fleet needs, the workers that
    lack its mode and the package to install there."""
    from transaudit.backtranslation.apertium import mode_for
    from transaudit.backtranslation.run import _apertium_package

    modes = {c.address: c.apertium_modes for c in capabilities}
    found = [route for route in routes.values() if route is not None]
    # The route the others use (the most common one), else the one Debian offers.
    wanted = max(sorted(set(found), key=_label), key=found.count) if found else None
    head = f"back-translation {direction[0]}→{direction[1]}"
    problems: list[str] = []
    lacking: set[str] = set()
    if wanted is not None:
        head += f" ({_label(wanted)})"
        for a, b, mode in _steps(direction, wanted):
            without = sorted(address for address, route in routes.items()
                             if route != wanted and mode not in modes[address])
            if without:
                lacking.update(without)
                package = _apertium_package(a, b) or "an Apertium pair for it"
                problems.append(f"no mode {mode} for step {a}→{b} on worker(s) {', '.join(without)} "
                                f"(install {package} there)")
    else:
        steps = _debian_steps(direction)
        if settings.backtranslation.apertium_mode:
            mode = settings.backtranslation.apertium_mode
            problems.append(f"no mode {mode} on worker(s) {', '.join(sorted(routes))}")
        elif steps is None:
            problems.append("Apertium has no pair for it on any worker, nor in Debian")
        for a, b in steps or []:
            without = sorted(address for address in routes if mode_for(a, b, modes[address]) is None)
            if without:
                package = _apertium_package(a, b) or "an Apertium pair for it"
                problems.append(f"no mode for step {a}→{b} on worker(s) {', '.join(without)} "
                                f"(install {package} there)")
    others = sorted(address for address, route in routes.items()
                    if route != wanted and address not in lacking)
    if wanted is not None and others:  # they have every step, yet would take another route
        problems.append("worker(s) " + ", ".join(f"{a} would use {_label(routes[a])}" for a in others))
    return f"{head}: {'; '.join(problems)}; or use --backend none"


class _Fleet:
    """The workers' capabilities, and the directions already found consistent."""

    def __init__(self, capabilities: list[Capabilities], settings: Settings) -> None:
        self.capabilities = capabilities
        self.settings = settings
        self.checked: set[tuple[str, str]] = set()
        wrong = [c for c in capabilities if c.version != __version__]
        if wrong:
            raise ClusterError(
                "workers run another transaudit version than this client "
                f"({__version__}): " + ", ".join(f"{c.address} has {c.version}" for c in wrong)
            )
        bt = settings.backtranslation
        if bt.model and (bt.backend or "auto") in ("auto", "transformers"):
            lacking = [c.address for c in capabilities if not c.transformers]
            if lacking:
                raise ClusterError(
                    "back-translation with a model needs transformers and torch on every worker; "
                    f"missing on {', '.join(lacking)} (pip install 'transaudit[transformers]')"
                )

    def require(self, article: Article) -> None:
        """Stop unless every worker back-translates this article's direction alike."""
        direction = (article.target_lang, article.source_lang)
        if direction in self.checked:
            return
        routes = {c.address: _route(direction, c.apertium_modes, self.settings) for c in self.capabilities}
        kinds = set(routes.values())
        explicit = (self.settings.backtranslation.backend or "auto").strip().lower() == "apertium"
        if len(kinds) > 1 or (explicit and kinds == {None}):
            raise ClusterError(_missing(direction, routes, self.capabilities, self.settings))
        self.checked.add(direction)


def connect(address: str, timeout: float | None = None) -> Any:
    """A client of the scheduler at ``address`` with at least one worker."""
    timeout = timeout or CONNECT_TIMEOUT
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'transaudit[dask]'") from None
    logging.getLogger("distributed").setLevel(logging.ERROR)
    _check_address(address)
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers (start one: dask worker {address})"
        ) from None
    return client


def _check_address(address: str) -> None:
    """Refuse what is not ``tcp://host:port`` (or tls://) before a client is made:
    a client built on a bad address fails slowly and noisily at exit."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address, strict=True)
        _, port = parse_host_port(location)
    except (ValueError, TypeError) as error:
        problem = f"not a Dask scheduler address: {address!r} (e.g. tcp://host:8786): {error}"
        raise ClusterError(problem) from None
    if scheme not in ("tcp", "tls") or not port or not 0 < int(port) < 65536:
        raise ClusterError(f"not a Dask scheduler address: {address!r} (e.g. tcp://host:8786)")


def _capabilities(client: Any) -> list[Capabilities]:
    try:
        answers = client.run(worker_capabilities)
    except Exception as error:  # a worker that cannot even import transaudit
        if "No module named 'transaudit" in str(error):
            raise ClusterError(
                f"the workers cannot import transaudit.distributed: install transaudit {__version__} "
                "(this client's version) on every worker"
            ) from None
        raise ClusterError(
            f"cannot ask the workers what they can do: {type(error).__name__}: {error}"
        ) from None
    return [
        Capabilities(address, a["version"], tuple(a["apertium_modes"]), bool(a["transformers"]))
        for address, a in sorted(answers.items())
    ]


_ENGINES: dict[str, Any] = {}


def _prefetch(articles: list[Article], settings: Settings) -> Prefetched | None:
    """The chunk's back-translations in one Apertium call per route step, or None (each
    article then calls the engine itself, as a failure here must not cost any audit).

    A failure is logged as a warning on the worker with its traceback: the reports
    stay right, but a prefetch that always fails would otherwise show only as slowness.
    """
    if len(articles) < 2 or settings.backtranslation.backend == "none":
        return None
    from transaudit.backtranslation.run import prefetch

    try:
        return prefetch(articles, settings)
    except Exception:
        logging.getLogger(__name__).warning(
            "chunk prefetch failed; each article calls Apertium itself", exc_info=True
        )
        return None


def _audit_chunk(run: str, settings: Settings, items: list[_Item], formats: tuple[str, ...]) -> list[_Done]:
    """Runs on a worker: the same audit as a local ``--jobs`` process, reports as text."""
    from transaudit.compare import attach as attach_comparison
    from transaudit.engine import Engine
    from transaudit.pipeline import audit_article
    from transaudit.report.text_report import render_text

    engine = _ENGINES.get(run)
    if engine is None:
        _ENGINES.clear()  # one run at a time per worker keeps memory flat
        engine = _ENGINES[run] = Engine(settings)
    prefetched = _prefetch([item.article for item in items], settings)
    done = []
    for item in items:
        try:
            result = audit_article(item.article, settings, engine, prefetched)
            attach_comparison(result, settings.review.compare_with, item.name)
        except Exception as error:  # a bug: the same outcome as in a local worker
            problem = f"{display_path(item.path)}: internal error: {type(error).__name__}: {error}"
            done.append(_Done(item.index, {}, None, "", problem))
            continue
        finally:
            clear_text_caches()  # memory stays flat in the number of articles (memo.py)
        rendered = render_reports(result, item.name, formats)
        entry = IndexEntry.from_result(
            result, rendered.get("html", (None,))[0], rendered.get("json", (None,))[0],
            [file_name for file_name, _ in rendered.values()],
        )
        if item.name != safe_filename(item.article.id):
            entry.name = f"{item.article.id} ({item.name})"  # two articles share an id
        files = dict(rendered.values())
        done.append(_Done(item.index, files, entry, render_text(result, top=TERMINAL_TOP,
                                                                       label=entry.name)))
    return done


def _chunks(
    paths: Sequence[Path], names: Sequence[str], langs: Languages, skipped: Callable[[Outcome, int], None]
) -> Iterator[list[_Item]]:
    """Read articles in order and group them; an unreadable one goes to ``skipped``."""
    chunk: list[_Item] = []
    segments = 0
    for index, (path, name) in enumerate(zip(paths, names, strict=True)):
        try:
            articles = read_articles(path, langs)
        except InputError as error:
            skipped(Outcome(str(path), name, error=str(error)), index)
            continue
        if len(articles) > 1:  # one outcome per path here; the local batch splits such files
            problem = (f"holds {len(articles)} articles (XLIFF <file>s or TMX language pairs); audit it "
                       "without --scheduler, or pick one TMX pair with --target-lang")
            skipped(Outcome(str(path), name, error=f"{path}: {problem}"), index)
            continue
        [article] = articles
        chunk.append(_Item(index, str(path), name, article))
        segments += len(article.segments)
        if segments >= CHUNK_SEGMENTS or len(chunk) >= CHUNK_ARTICLES:
            yield chunk
            chunk, segments = [], 0
    if chunk:
        yield chunk


def run_on_cluster(
    paths: Sequence[Path],
    settings: Settings,
    langs: Languages,
    out: Path,
    formats: Sequence[str],
    scheduler: str,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> BatchRun:
    """Audit every path on the cluster behind ``scheduler``; like :func:`batch.run_batch`.

    Raises ClusterError (before any report is written, or when a new
    language direction turns up that the workers would treat differently).
    """
    from distributed import as_completed

    names = report_names(paths)
    formats = tuple(formats)
    outcomes: dict[int, Outcome] = {}
    interruption: BaseException | None = None
    client = connect(scheduler)
    try:
        fleet = _Fleet(_capabilities(client), settings)
        threads = sum(client.nthreads().values()) or 1
        window = WINDOW_PER_THREAD * threads
        run = uuid.uuid4().hex
        pending: dict[Any, list[_Item]] = {}
        finished = as_completed(loop=client.loop)

        def record(outcome: Outcome, index: int) -> None:
            """Every outcome passes here exactly once (a rerun chunk is collected once)."""
            outcomes[index] = outcome
            on_done(outcome)

        chunks = _chunks(paths, names, langs, record)

        def submit_more() -> None:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                for item in chunk:
                    fleet.require(item.article)
                future = client.submit(_audit_chunk, run, settings, chunk, formats, pure=False)
                pending[future] = chunk
                finished.add(future)

        writer = ThreadPoolExecutor(max_workers=WRITER_THREADS, thread_name_prefix="transaudit-write")
        writes: dict[Future[Outcome], int] = {}

        def drain(block: bool) -> None:
            """Record the written reports; ``block`` waits for all of them."""
            if not writes:
                return
            done, _ = wait(writes, timeout=None if block else 0, return_when=ALL_COMPLETED)
            for write in done:
                record(write.result(), writes.pop(write))

        def collect(future: Any) -> None:
            chunk = pending.pop(future)
            try:
                results = future.result()
            except Exception as error:  # KilledWorker, or a bug in a check that escaped the engine
                reason = f"{type(error).__name__}: {error}"
                for item in chunk:
                    error_line = f"{display_path(item.path)}: lost on the cluster: {reason}"
                    record(Outcome(item.path, item.name, error=error_line), item.index)
                return
            for done, item in zip(results, chunk, strict=True):
                writes[writer.submit(_write, done, item, out)] = item.index
            drain(block=len(writes) > WRITES_IN_FLIGHT)

        try:
            try:
                submit_more()
                while pending:
                    future = next(finished)
                    collect(future)
                    submit_more()
                drain(block=True)
            except KeyboardInterrupt as error:  # Ctrl-C, or SIGTERM raised as one
                interruption = error
                client.cancel(list(pending))
                for future in [f for f in pending if f.status == "finished"]:
                    collect(future)
                drain(block=True)
            finally:
                client.cancel(list(pending))
                writer.shutdown(wait=True)
        except KeyboardInterrupt as error:  # a second Ctrl-C while finishing the writes
            interruption = interruption or error
    finally:
        client.close()
    return BatchRun([outcomes[i] for i in sorted(outcomes)], interruption)


def _write(done: _Done, item: _Item, out: Path) -> Outcome:
    if done.error is not None:
        return Outcome(item.path, item.name, error=done.error)
    try:
        write_group(out, done.files)  # all formats of an article, or none
    except OSError as error:
        return Outcome(item.path, item.name, error=f"{out}: cannot write the report of "
                                                   f"{display_path(item.path)}: {error.strerror or error}")
    return Outcome(item.path, item.name, entry=done.entry, text=done.text)
