"""All benchmarks in one table: the map page at 1k, 10k and 100k claims against a naive page.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000 100000] [--no-seed] [--no-browser]
    .venv/bin/python benchmarks/run.py --sizes 1000000 --no-seed --no-naive   (a million)

For the bundled data (the seed article over Wikipedia's list, the record), the bundled data
without the record, and each synthetic data set (made by
frontline/synthetic.py, kept in a cache folder between runs) it measures, as the median of
several runs, after a first start of the page that has left in the data's .cache what a
start leaves there (the claims' caches, the place labels, and the line of contact's estimates
for the record's dates, which a start makes in the background after its first render):
  - cold start with AppTest: process start to the first full render (a fresh process each);
  - cold start in a browser: `streamlit run` started to the map usable (markers present in
    the map's frame), Playwright driving Debian's Chromium (already open);
  - server time of one rerun after a slider move: the script run, with its bytecode cached
    as the server caches it (AppTest alone compiles the script again on every run); the
    slider goes a year back and forth, and then to dates the page has not shown before;
  - the map payload: the arguments st_folium sends to the browser, largest of the runs;
  - browser draw: the map's frame starting to load (the page has answered) to the map
    usable, on the frame's own clock;
  - peak memory of the AppTest process (resident set);
and once, ingestion throughput (benchmarks/ingest_throughput.py). The naive baseline
(benchmarks/naive_page.py) is measured in the same run and every figure is also given as a
ratio to it. Figures only, no pass or fail; every run is bounded in time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(BENCHMARKS)]

from memory import peak_rss_mib  # noqa: E402

from frontline import synthetic  # noqa: E402
from frontline.record.files import RECORD_DIR  # noqa: E402
from frontline.store import DATA_DIR_ENV, load_dataset  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
BUNDLED_DATA = ROOT / "data"
PAGE = ROOT / "dashboard.py"
NAIVE_PAGE = BENCHMARKS / "naive_page.py"
CACHE = Path(tempfile.gettempdir()) / "frontline-benchmarks"
# Markers drawn one by one (SVG paths or pin images), or the claims canvas once drawn.
MAP_READY = "path.leaflet-interactive, img.leaflet-marker-icon, canvas[data-claims-drawn]"
MAP_PAGE = re.compile(r"/component/streamlit_folium[^/]*/index\.html")
# Put first into the map frame's page: notes, on the frame's clock, when the markers exist.
# (Waiting from outside sees them late: a page busy with a large message notices the frame
# late, and a wait polls every few hundred milliseconds.)
READY_PROBE = """<script>(function () {
  var check = function () {
    if (!window.mapReadyAt && document.querySelector(SELECTOR)) {
      window.mapReadyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
})();</script>""".replace("SELECTOR", json.dumps(MAP_READY))
POLL_SECONDS = 0.05
SLIDER = "Map as of"
# A rerun moves the slider a year back (at most to the first date), then forward again;
# then, as many times, to dates the page has not shown before, this many days further back
# each time (what such a date shares with an earlier one, the page may still have kept).
SLIDER_STEP_BACK_DAYS = 365
SLIDER_NEW_DATE_DAYS = 29


@dataclass(frozen=True)
class Plan:
    """How many runs a figure gets, and how long one may take (seconds)."""

    cold_runs: int
    reruns: int
    browser_runs: int
    timeout: float
    # Naive page at 100k: only its map's build and render, of this many claims, scaled up
    # (the whole page, or even the whole map, takes minutes per run on this machine).
    sample: int | None = None


def plans(claims: int) -> dict[str, Plan]:
    if claims <= 1_000:
        return {"page": Plan(3, 5, 3, 120), "naive": Plan(2, 3, 2, 120)}
    if claims <= 10_000:
        return {"page": Plan(3, 5, 3, 120), "naive": Plan(1, 1, 1, 240)}
    if claims <= 100_000:
        return {"page": Plan(2, 3, 2, 240), "naive": Plan(1, 0, 0, 240, sample=10_000)}
    # A million (--sizes 1000000 --no-seed): one cold start, a few reruns, one browser run.
    return {"page": Plan(1, 3, 1, 900), "naive": Plan(1, 0, 0, 600, sample=10_000)}


# --- the data sets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSet:
    claims: int
    folder: Path
    name: str = ""  # "seed" for the bundled data

    @property
    def label(self) -> str:
        return f"{self.claims:,} ({self.name})" if self.name else f"{self.claims:,}"


def data_set(claims: int) -> Path:
    """A synthetic data directory, generated once per version of the generator."""
    version = hashlib.sha256(Path(synthetic.__file__).read_bytes()).hexdigest()[:12]
    target = CACHE / f"claims-{claims}-{version}"
    stamp = target / ".complete"
    if not stamp.exists():
        started = time.perf_counter()
        synthetic.generate(target, claims)
        stamp.touch()
        print(f"generated {target} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return target


def load_times(folder: Path, from_csv: bool = True) -> str:
    """Loading the data: parsing and validating the CSV files (unless from_csv is False),
    then from the caches (which the first load writes, with what a start derives from the
    claims, so the cold starts measured after it use them)."""
    from frontline.store.derived import start_tables

    csv = "not timed (--no-csv)"
    if from_csv:
        started = time.perf_counter()
        load_dataset(folder, use_cache=False)
        csv = f"{time.perf_counter() - started:.2f} s"
    start_tables(folder, load_dataset(folder))  # writes the caches if missing or stale
    started = time.perf_counter()
    load_dataset(folder)
    from_cache = time.perf_counter() - started
    return f"load_dataset: {csv} from the CSV files, {from_cache:.2f} s from the cache"


def bundled_without_record() -> Path:
    """The bundled data less the record: the map of the news alone."""
    target = CACHE / "seed-without-record"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(BUNDLED_DATA, target, ignore=shutil.ignore_patterns(RECORD_DIR))
    return target


# --- measurements in a fresh process (run.py --worker ...) -----------------------------------


def _apptest_worker(page: str, reruns: int, started: float, timeout: float) -> dict:
    """First render and reruns of a page with AppTest, in this (fresh) process."""
    import datetime as dt

    import streamlit_folium
    from dashboard_rerun import PayloadMeter
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    # One script cache for all runs, as in the server; the server time of a run is the
    # script run itself, without AppTest's waiting and parsing around it.
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    durations: list[float] = []
    run_script = script_runner.ScriptRunner._run_script

    def timed_run(self, *args, **kwargs):
        begin = time.perf_counter()
        try:
            return run_script(self, *args, **kwargs)
        finally:
            durations.append(time.perf_counter() - begin)

    script_runner.ScriptRunner._run_script = timed_run
    meter = PayloadMeter()
    streamlit_folium._component_func = meter

    app = AppTest.from_file(page, default_timeout=timeout)
    app.run()
    cold = time.time() - started
    if app.exception:
        return {"error": app.exception[0].message}
    if not reruns:  # a first render only (another page than the map: benchmarks/pages.py)
        return {"cold_s": cold, "peak_mib": peak_rss_mib()}
    slider = next(s for s in app.slider if s.label == SLIDER)
    last = slider.value
    # A date slider's bounds come in microseconds since the epoch.
    first = dt.datetime.fromtimestamp(slider.min / 1e6, dt.UTC).date()
    targets = [max(first, last - dt.timedelta(days=SLIDER_STEP_BACK_DAYS)), last]
    server = []
    for number in range(reruns):
        slider = next(s for s in app.slider if s.label == SLIDER)
        before = len(durations)
        slider.set_value(targets[number % 2]).run()
        if app.exception:
            return {"error": app.exception[0].message}
        server.append(sum(durations[before:]))
    new_dates = []
    for number in range(1, reruns + 1):
        target = max(first, last - dt.timedelta(days=SLIDER_NEW_DATE_DAYS * number))
        slider = next(s for s in app.slider if s.label == SLIDER)
        before = len(durations)
        slider.set_value(target).run()
        if app.exception:
            return {"error": app.exception[0].message}
        new_dates.append(sum(durations[before:]))
    return {
        "cold_s": cold,
        "rerun_s": server,
        "new_date_rerun_s": new_dates,
        "payload_bytes": max(meter.sizes),
        "peak_mib": peak_rss_mib(),
    }


def _prime_worker(page: str, timeout: float) -> dict:
    """A first start of the page, left to finish the work it does after its first render
    (the line of contact's estimates, which it keeps in the data's .cache): what a server
    that has run with this data before leaves for the next start."""
    import threading

    from streamlit.testing.v1 import AppTest

    from frontline.web.contact import AHEAD_THREAD

    started = time.perf_counter()
    app = AppTest.from_file(page, default_timeout=timeout)
    app.run()
    if app.exception:
        return {"error": app.exception[0].message}
    for thread in threading.enumerate():
        if thread.name == AHEAD_THREAD:
            thread.join(timeout)
    return {"primed_s": time.perf_counter() - started}


def _naive_build_worker(data_dir: str, sample: int) -> dict:
    """The naive map's build and render, without a page around it, over the first `sample`
    claims (in timeline order), scaled to all: its cost per claim is constant."""
    import streamlit_folium
    from dashboard_rerun import PayloadMeter
    from naive_page import naive_map

    from frontline.store import load_dataset
    from frontline.store.boundaries import display_shapes, load_oblast_shapes
    from frontline.timeline import claims_table

    meter = PayloadMeter()
    meter._component = lambda **_kwargs: None  # no Streamlit runtime here
    streamlit_folium._component_func = meter
    dataset = load_dataset(data_dir)
    table = claims_table(dataset)
    shapes = display_shapes(load_oblast_shapes(Path(data_dir))[0])
    scale = len(table) / min(sample, len(table))
    begin = time.perf_counter()
    fmap = naive_map(table.head(sample), (48.5, 31.5), shapes, dataset.oblasts)
    streamlit_folium.st_folium(fmap, key="map", height=480)
    return {
        "rerun_s": [(time.perf_counter() - begin) * scale],
        "payload_bytes": meter.sizes[0] * scale,
    }


def worker_main(args: argparse.Namespace) -> int:
    if args.worker == "apptest":
        result = _apptest_worker(args.page, args.reruns, args.started, args.timeout)
    elif args.worker == "prime":
        result = _prime_worker(args.page, args.timeout)
    else:
        result = _naive_build_worker(args.data, args.sample)
    print("RESULT " + json.dumps(result))
    return 0


def in_fresh_process(kind: str, page: Path, data_dir: Path, plan: Plan) -> dict:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--page",
        str(page),
        "--data",
        str(data_dir),
        "--reruns",
        str(plan.reruns),
        "--timeout",
        str(plan.timeout),
        "--started",
        repr(time.time()),
        "--sample",
        str(plan.sample or 0),
    ]
    env = {**os.environ, DATA_DIR_ENV: str(data_dir)}
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=plan.timeout * 2
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {plan.timeout * 2:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        return {"error": (done.stderr.strip().splitlines() or ["no result"])[-1][:200]}
    return json.loads(lines[-1].removeprefix("RESULT "))


# --- the browser ------------------------------------------------------------------------------


def _with_probe(route) -> None:
    response = route.fetch()
    route.fulfill(
        response=response, body=response.text().replace("<head>", "<head>" + READY_PROBE, 1)
    )


def _map_ready_at(page, deadline: float) -> float:
    """Seconds from the map frame's start to its markers, once they are there."""
    from playwright.sync_api import Error

    while time.perf_counter() < deadline:
        for frame in page.frames:
            if MAP_PAGE.search(frame.url):
                try:
                    ready = frame.evaluate("() => window.mapReadyAt || 0")
                except Error:  # the frame is loading: ask again
                    ready = 0
                if ready:
                    return ready / 1000
        page.wait_for_timeout(POLL_SECONDS * 1000)  # not time.sleep: the probe's route runs here
    raise TimeoutError("the map's markers did not appear in time")


def browser_runs(browser, page_script: Path, data_dir: Path, plan: Plan) -> list[dict]:
    """Cold starts of `streamlit run` in a browser: to the map usable, and its draw time."""
    from tests.conftest import Dashboard

    results = []
    with tempfile.TemporaryDirectory(prefix="frontline-bench-") as scratch:
        script = page_script
        if page_script.parent != ROOT:
            # Streamlit serves ./static beside the script: put the served Leaflet there.
            script = Path(scratch) / page_script.name
            shutil.copyfile(page_script, script)
            (Path(scratch) / "static").symlink_to(ROOT / "static")
        for run in range(plan.browser_runs):
            started = time.perf_counter()
            server = Dashboard(data_dir, Path(scratch) / f"server-{run}.log", script)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            try:
                page.route(MAP_PAGE, _with_probe)
                page.goto(server.url, timeout=plan.timeout * 1000)
                draw = _map_ready_at(page, started + plan.timeout)
                usable = time.perf_counter()
                results.append({"cold_s": usable - started, "draw_s": draw})
            except Exception as error:  # a timeout is a figure too
                results.append({"error": f"{type(error).__name__}: {str(error)[:120]}"})
            finally:
                page.close()
                server.stop()
    return results


# --- the table --------------------------------------------------------------------------------


@dataclass
class Figures:
    values: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    sample: int | None = None  # measured on a sample of the claims, scaled up

    def add(self, result: dict) -> None:
        if "error" in result:
            self.errors.append(result["error"])
            return
        for key, value in result.items():
            self.values.setdefault(key, []).extend(value if isinstance(value, list) else [value])

    def median(self, key: str) -> float | None:
        values = self.values.get(key)
        if not values:
            return None
        if key == "payload_bytes":
            return max(values)
        return statistics.median(values)


ROWS = (
    ("cold start, AppTest (process start to first render)", "cold_apptest_s", "s"),
    ("cold start, browser (server start to map usable)", "cold_s", "s"),
    ("rerun after a slider move, server time", "rerun_s", "ms"),
    ("rerun after a move to a date not shown before, server time", "new_date_rerun_s", "ms"),
    ("map payload sent to the browser", "payload_bytes", "bytes"),
    ("browser draw (map frame starts to map usable)", "draw_s", "ms"),
    ("peak memory, AppTest process", "peak_mib", "MiB"),
)


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "n/m"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "bytes":
        return f"{value / 2**20:.2f} MiB" if value >= 2**20 else f"{value / 1024:.0f} KiB"
    return f"{value:.0f} {unit}"


def print_table(results: dict[DataSet, dict[str, Figures]], ingest) -> None:
    header = ("claims", "figure", "dashboard", "naive baseline", "ratio")
    lines = []
    for data, pages in results.items():
        page, naive = pages["page"], pages["naive"]
        for figure, key, unit in ROWS:
            ours, theirs = page.median(key), naive.median(key)
            ratio = f"{ours / theirs:.3f}" if ours is not None and theirs else "—"
            naive_cell = shown(theirs, unit)
            if naive.sample and theirs is not None:
                naive_cell += " *"
            lines.append((data.label, figure, shown(ours, unit), naive_cell, ratio))
    widths = [max(len(row[i]) for row in (header, *lines)) for i in range(len(header))]
    for row in (header, *lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(
        f"ingestion throughput: {ingest.articles_per_second:.1f} articles/s "
        f"({ingest.characters / ingest.ingest_seconds / 1000:.0f} k characters/s), "
        f"{ingest.articles} articles, one process; no naive counterpart"
    )
    for data, pages in results.items():
        claims = data.claims
        for name, figures in pages.items():
            for error in figures.errors:
                print(f"note: {claims:,} claims, {name}: {error}")
            if figures.sample and figures.values:
                print(
                    f"* {claims:,} claims, naive: a whole page takes minutes per run, so only its "
                    f"map's build and render were timed, on the first {figures.sample:,} claims, "
                    f"and scaled by {claims // figures.sample} (cost and size grow linearly with "
                    "the markers); no cold start, browser or memory figures"
                )


def measure(
    data_sets: list[DataSet], with_browser: bool, with_naive: bool
) -> dict[DataSet, dict[str, Figures]]:
    results: dict[DataSet, dict[str, Figures]] = {}
    browser_context = None
    browser = None
    if with_browser:
        from playwright.sync_api import sync_playwright

        from tests.conftest import CHROMIUM, CHROMIUM_FLAGS

        browser_context = sync_playwright().start()
        browser = browser_context.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
    try:
        for data in data_sets:
            claims, data_dir = data.claims, data.folder
            results[data] = {}
            for name, plan in plans(claims).items():
                figures = Figures(sample=plan.sample)
                results[data][name] = figures
                if name == "naive" and not with_naive:
                    continue
                script = PAGE if name == "page" else NAIVE_PAGE
                print(f"{claims:,} claims: {name} …", file=sys.stderr)
                if plan.sample:
                    figures.add(in_fresh_process("naive-build", script, data_dir, plan))
                    continue
                if name == "page" and (data_dir / RECORD_DIR).is_dir():
                    in_fresh_process("prime", script, data_dir, plan)  # the line's estimates
                for _ in range(plan.cold_runs):
                    result = in_fresh_process("apptest", script, data_dir, plan)
                    if "cold_s" in result:
                        result["cold_apptest_s"] = result.pop("cold_s")
                    figures.add(result)
                if browser is not None:
                    for result in browser_runs(browser, script, data_dir, plan):
                        figures.add(result)
    finally:
        if browser is not None:
            browser.close()
            browser_context.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--no-seed", action="store_true", help="skip the bundled data set")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument(
        "--no-csv", action="store_true", help="do not time a load from the CSV files"
    )
    parser.add_argument("--articles", type=int, default=200, help="for ingestion throughput")
    parser.add_argument(
        "--worker", choices=("apptest", "prime", "naive-build"), help=argparse.SUPPRESS
    )
    parser.add_argument("--page", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--reruns", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=120, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main(args)

    from ingest_throughput import measure as measure_ingest

    began = time.perf_counter()
    data_sets = [DataSet(claims, data_set(claims)) for claims in args.sizes]
    if not args.no_seed:
        seed_claims = len(load_dataset(BUNDLED_DATA).claims)
        data_sets[:0] = [
            DataSet(seed_claims, BUNDLED_DATA, "seed and the record"),
            DataSet(seed_claims, bundled_without_record(), "seed, no record"),
        ]
    loading = {data.label: load_times(data.folder, not args.no_csv) for data in data_sets}
    results = measure(data_sets, not args.no_browser, not args.no_naive)
    ingest = measure_ingest(args.articles)
    print(f"python benchmarks/run.py {' '.join(argv or sys.argv[1:])}".rstrip())
    print_table(results, ingest)
    for label, line in loading.items():
        print(f"{label} claims: {line}")
    print(f"({time.perf_counter() - began:.0f} s in all, {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
