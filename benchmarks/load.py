"""Many readers at once: the map page under concurrent sessions moving the timeline slider.

    .venv/bin/python benchmarks/load.py [--sessions 50] [--seconds 60] [--think 0.5]
                                        [--client websocket|browser] [--data DIR]
                                        [--processes N] [--page map|data]

Starts the dashboard (`streamlit run dashboard.py`, with tests/conftest.py's Dashboard) on
127.0.0.1, opens the sessions, and for --seconds each session moves the slider one day at a
time (back from the latest date, forward again at the first), pausing a random think time of
0 to 2×--think seconds between moves. It prints the errors (target: none), the rerun latency
(p50, p95, max: from the key press, or the rerun request, to the page's "shown as of <date>"
for the new date), the server's processor time and its memory (resident set, from /proc,
sampled each second). Figures only, no pass or fail. With --processes N it serves through
`make serve`'s nginx in front of N processes (frontline/serve.py), and the processor and
memory figures are the processes' sum. With --page data the sessions move the Data page's
slider ("Claims as of") and wait for its caption's "as of <date>" (the page run alone, with
--processes 0).

Clients:
  websocket  (default) one minimal Streamlit client per session, speaking the app's own
             protocol as the browser does (protobuf over /_stcore/stream): a rerun request with
             the slider's new value, then the run's messages to its end. It costs the machine
             little, so the figures are the server's. It also gives the whole run's latency.
  browser    one headless Chromium (Debian's), one browser context per session, driven by
             Playwright: the real page, its map frame and scripts, the slider moved with the
             keyboard. The most faithful client, but on a 2-core machine Chromium drawing the
             pages is the bottleneck: 50 contexts come up, yet the server is then only a
             quarter busy while moves wait for the browser (a few time out). Use it with 10
             to 20 sessions here, and --setup-seconds 300 for more.

Bounded: setting up may take --setup-seconds, then the run lasts --seconds, and a watchdog ends
everything (server and browser included) at the sum plus a margin. Every request goes to
127.0.0.1; the browser's requests elsewhere (map tiles) are refused.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontline.serve import Cluster  # noqa: E402
from frontline.store import default_data_dir, load_dataset  # noqa: E402
from frontline.timeline import claims_table, date_bounds  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS, Dashboard  # noqa: E402

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RERUN_TIMEOUT_S = 30.0  # a move whose text has not changed by then counts as an error
OPENING_AT_ONCE = 4  # sessions loading the page at the same time, while setting up
WATCHDOG_MARGIN_S = 60.0


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)  # to the new date's text
    run_latencies: list[float] = field(default_factory=list)  # to the end of the run
    errors: list[str] = field(default_factory=list)
    sessions_up: int = 0
    rss_kib: list[int] = field(default_factory=list)
    seconds: float = 0.0  # how long the run lasted
    started: float = 0.0  # when (time.monotonic)
    cpu: list[tuple[float, float]] = field(default_factory=list)  # (when, server CPU seconds)

    def error(self, session: int, what: str) -> None:
        self.errors.append(f"session {session}: {what}")


def rss_kib(pid: int) -> int | None:
    """The resident set of a process, in KiB (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User and system time a process has used so far (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def sample_memory(pids: list[int], results: Results, stop: asyncio.Event) -> None:
    """The server's memory each second, and its processor time, while the run lasts (summed
    over the server's processes)."""
    while not stop.is_set():
        values = [rss_kib(pid) for pid in pids]
        if None not in values:
            results.rss_kib.append(sum(values))
        used = [cpu_seconds(pid) for pid in pids]
        if None not in used:
            results.cpu.append((time.monotonic(), sum(used)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)


class Phase:
    """Setting up, then the run: it starts when every session is up (or has failed to come
    up), or when --setup-seconds are over, and lasts --seconds."""

    def __init__(self, sessions: int, seconds: float, setup_seconds: float):
        self.pending, self.seconds, self.setup_seconds = sessions, seconds, setup_seconds
        self.go = asyncio.Event()
        self.started = self.end = 0.0

    def start(self) -> None:
        if not self.go.is_set():
            self.started = time.monotonic()
            self.end = self.started + self.seconds
            self.go.set()

    def ready(self) -> None:
        """A session is up, or gave up: the run starts once every one has."""
        self.pending -= 1
        if self.pending <= 0:
            self.start()

    async def wait(self) -> None:
        try:
            await asyncio.wait_for(self.go.wait(), timeout=self.setup_seconds)
        except TimeoutError:
            self.start()

    def running(self) -> bool:
        return time.monotonic() < self.end


@dataclass
class Run:
    """What every session of a run shares."""

    url: str
    phase: Phase
    think: float  # mean pause between moves (s)
    results: Results
    # Sessions loading the page at the same time while setting up: readers arrive a few at a
    # time, not all in the same instant.
    opening: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(OPENING_AT_ONCE))

    async def joined(self) -> None:
        """Count a session that is up, and wait with it for the run to start."""
        self.results.sessions_up += 1
        self.phase.ready()
        await self.phase.wait()


class Walk:
    """The dates a session's slider visits: one day at a time, back from the latest date to
    the first and forward again."""

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.last, self.date, self.step = first, last, last, -1

    def next(self) -> tuple[dt.date, str]:
        if not self.first <= self.date + dt.timedelta(days=self.step) <= self.last:
            self.step = -self.step
        self.date += dt.timedelta(days=self.step)
        return self.date, "ArrowLeft" if self.step < 0 else "ArrowRight"


# --- the browser client -------------------------------------------------------------------------


async def browser_session(index: int, browser, walk: Walk, run: Run) -> None:
    url, phase, results = run.url, run.phase, run.results
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    # Nothing but the dashboard: map tiles and anything else are refused.
    await context.route(lambda address: not address.startswith(url), lambda r: r.abort())
    page = await context.new_page()
    page.on("pageerror", lambda error: results.error(index, f"page error: {error}"))
    up = False
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]')
    try:
        async with run.opening:
            setup_ms = phase.setup_seconds * 1000
            await page.goto(url, timeout=setup_ms)
            await counts_text(page, walk.date).wait_for(timeout=setup_ms)
            await thumb.wait_for(timeout=setup_ms)
            # A key pressed while the first run is still drawing can be lost: wait for it.
            await page.locator(IDLE).wait_for(timeout=setup_ms)
        up = True
        await run.joined()
        while phase.running():
            date, key = walk.next()
            started = time.perf_counter()
            await thumb.press(key)
            try:
                await counts_text(page, date).wait_for(timeout=RERUN_TIMEOUT_S * 1000)
            except Exception:  # noqa: BLE001 - a move that did not show is the error counted
                results.error(index, f"no 'shown as of {date}' within {RERUN_TIMEOUT_S:g} s")
                walk.date = await slider_date(thumb, walk.date)
                continue
            results.latencies.append(time.perf_counter() - started)
            if await page.locator('[data-testid="stException"]').count():
                results.error(index, "an exception is shown on the page")
            await asyncio.sleep(random.uniform(0, 2 * run.think))
    except Exception as error:  # noqa: BLE001 - a session that fails is an error, not a crash
        results.error(index, f"{type(error).__name__}: {str(error).splitlines()[0][:160]}")
    finally:
        if not up:
            phase.ready()
        await context.close()


def counts_text(page, date: dt.date):
    return page.get_by_text(re.compile(rf"{SHOWN[2]}{date.isoformat()}\b")).first


async def slider_date(thumb, fallback: dt.date) -> dt.date:
    """Where the slider stands after a move that went astray, to walk on from there."""
    try:
        return dt.date.fromisoformat(await thumb.get_attribute("aria-valuetext") or "")
    except (ValueError, TypeError):
        return fallback


async def run_browsers(args, url: str, walks: list[Walk], phase: Phase, results: Results) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
        run = Run(url, phase, args.think, results)
        try:
            await asyncio.gather(
                *(browser_session(i, browser, walk, run) for i, walk in enumerate(walks))
            )
        finally:
            await browser.close()


# --- the websocket client ---------------------------------------------------------------------

# Each page the sessions may read: its script, its date slider's label, and the words before
# the date that say a run has drawn the new date.
PAGES = {
    "map": ("dashboard.py", "Map as of", "shown as of "),
    "data": ("pages/2_Data.py", "Claims as of", "as of "),
}
SHOWN = PAGES["map"]  # set by main from --page
EPOCH = dt.datetime(1970, 1, 1)


class StreamlitClient:
    """One session over the app's websocket: asks for reruns with widget states and reads the
    messages of each run (protobufs, as the browser does), keeping the page and the link."""

    def __init__(self, socket):
        self.socket = socket
        self.page_hash = ""
        self.query = ""

    async def rerun(self, widgets=()) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(widgets)
        await self.socket.send(message.SerializeToString())

    async def run(self, seen) -> None:
        """Read one run's messages, calling seen(message) on each, until it finishes."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        while True:
            message = ForwardMsg()
            message.ParseFromString(
                await asyncio.wait_for(self.socket.recv(), timeout=RERUN_TIMEOUT_S)
            )
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = message.new_session.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            seen(message)
            if kind == "script_finished" and message.script_finished in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ):
                return


def element(message):
    if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
        return message.delta.new_element
    return None


def slider_state(slider_id: str, date: dt.date):
    """The widget state a browser sends for the date slider: microseconds since the epoch."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=slider_id)
    micros = (dt.datetime.combine(date, dt.time()) - EPOCH) // dt.timedelta(microseconds=1)
    state.double_array_value.data.append(micros)
    return state


async def websocket_session(index: int, walk: Walk, run: Run) -> None:
    url, phase, results = run.url, run.phase, run.results
    import websockets

    up = False
    found: dict[str, object] = {}

    def seen(message) -> None:
        shown = element(message)
        if shown is None:
            return
        kind = shown.WhichOneof("type")
        if kind == "slider" and shown.slider.label == SHOWN[1]:
            found["slider"] = shown.slider.id
        elif kind in ("markdown", "html") and f"{SHOWN[2]}{found['date']}" in (
            shown.markdown.body if kind == "markdown" else shown.html.body
        ):
            found.setdefault("text_at", time.perf_counter())
        elif kind == "exception":
            results.error(index, f"exception on the page: {shown.exception.message[:120]}")

    address = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(address, subprotocols=["streamlit"], max_size=None) as ws:
            client = StreamlitClient(ws)
            async with run.opening:
                found["date"] = walk.date
                await client.rerun()
                await client.run(seen)
            if "slider" not in found or "text_at" not in found:
                raise RuntimeError("the first run showed no slider or no counts")
            up = True
            await run.joined()
            while phase.running():
                date, _ = walk.next()
                found["date"] = date
                found.pop("text_at", None)
                started = time.perf_counter()
                await client.rerun([slider_state(found["slider"], date)])
                await client.run(seen)
                finished = time.perf_counter()
                if "text_at" not in found:
                    results.error(index, f"the run for {date} did not show 'shown as of {date}'")
                    continue
                results.latencies.append(found["text_at"] - started)
                results.run_latencies.append(finished - started)
                await asyncio.sleep(random.uniform(0, 2 * run.think))
    except Exception as error:  # noqa: BLE001 - a session that fails is an error, not a crash
        results.error(index, f"{type(error).__name__}: {str(error)[:160]}")
    finally:
        if not up:
            phase.ready()


async def run_websockets(args, url: str, walks: list[Walk], phase: Phase, results) -> None:
    run = Run(url, phase, args.think, results)
    await asyncio.gather(*(websocket_session(i, walk, run) for i, walk in enumerate(walks)))


# --- figures ----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _server(args) -> str:
    if args.processes:
        return f"{args.processes} process(es) behind nginx"
    return "one process, no proxy"


def report(args, results: Results) -> str:
    seconds = max(results.seconds, 1e-9)
    lines = [
        f"page: {args.page}; client: {args.client}; server: {_server(args)}; "
        f"sessions: {results.sessions_up} of {args.sessions} up; "
        f"think time 0–{2 * args.think:g} s; measured for {seconds:.0f} s",
        f"errors: {len(results.errors)}",
    ]
    lines += [f"  {error}" for error in results.errors[:10]]
    if results.latencies:
        ms = [value * 1000 for value in results.latencies]
        lines.append(
            f"slider moves: {len(ms)} ({len(ms) / seconds:.1f}/s); rerun latency p50 "
            f"{statistics.median(ms):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, "
            f"max {max(ms):.0f} ms"
        )
    if results.run_latencies:
        ms = [value * 1000 for value in results.run_latencies]
        lines.append(
            f"whole run (to the end of the script, map included): p50 "
            f"{statistics.median(ms):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, "
            f"max {max(ms):.0f} ms"
        )
    during = [(when, used) for when, used in results.cpu if when >= results.started]
    if len(during) >= 2:
        (t0, c0), (t1, c1) = during[0], during[-1]
        lines.append(
            f"server processor time: {100 * (c1 - c0) / (t1 - t0):.0f}% of one core "
            f"(this machine has {os.cpu_count()})"
        )
    if results.rss_kib:
        mib = [value / 1024 for value in results.rss_kib]
        lines.append(
            f"server memory (RSS): {mib[0]:.0f} MiB at the start, peak {max(mib):.0f} MiB, "
            f"{mib[-1]:.0f} MiB at the end"
        )
    return "\n".join(lines)


def watchdog(limit: float, server: Dashboard | Cluster) -> threading.Timer:
    """End the whole run, server included, if it outlasts its time."""

    def stop() -> None:
        print(f"load: stopped by the watchdog after {limit:.0f} s", file=sys.stderr)
        server.stop()
        os._exit(2)

    timer = threading.Timer(limit, stop)
    timer.daemon = True
    timer.start()
    return timer


async def measure(args, server: Dashboard | Cluster, first: dt.date, last: dt.date) -> Results:
    results = Results()
    phase = Phase(args.sessions, args.seconds, args.setup_seconds)
    walks = [Walk(first, last) for _ in range(args.sessions)]
    stop = asyncio.Event()
    pids = server.pids if isinstance(server, Cluster) else [server.process.pid]
    sampler = asyncio.create_task(sample_memory(pids, results, stop))
    try:
        run = run_browsers if args.client == "browser" else run_websockets
        await run(args, server.url, walks, phase, results)
    finally:
        stop.set()
        await sampler
    results.seconds = min(args.seconds, time.monotonic() - phase.started) if phase.started else 0
    results.started = phase.started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--client", choices=("websocket", "browser"), default="websocket")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between moves (s)")
    parser.add_argument("--setup-seconds", type=float, default=120.0)
    parser.add_argument("--data", type=Path, default=None, help="data directory to serve")
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        help="serve with N processes behind nginx (make serve); 0: one process, no proxy",
    )
    parser.add_argument("--page", choices=sorted(PAGES), default="map", help="page to read")
    args = parser.parse_args(argv)
    global SHOWN  # noqa: PLW0603 - one page per run of the benchmark
    SHOWN = PAGES[args.page]
    if args.processes and args.page != "map":
        parser.error("--page data runs the page alone: use it without --processes")

    data_dir = args.data or default_data_dir()
    first, last = date_bounds(claims_table(load_dataset(data_dir)))
    with tempfile.TemporaryDirectory(prefix="frontline-load-") as scratch:
        server = (
            Cluster(args.processes, data_dir=data_dir, run_dir=Path(scratch) / "serve")
            if args.processes
            else Dashboard(data_dir, Path(scratch) / "streamlit.log", script=SHOWN[0])
        )
        timer = watchdog(args.setup_seconds + args.seconds + WATCHDOG_MARGIN_S, server)
        try:
            results = asyncio.run(measure(args, server, first, last))
        finally:
            timer.cancel()
            server.stop()
    print(report(args, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
