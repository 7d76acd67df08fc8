"""Benchmark: calculator start-up against the bare Pyodide floor, page weight, build and PDF time.

Run with ``make bench`` (``python -m build_scripts.tools.bench``). It prints a table and writes the
same figures as JSON to ``.bench/bench.json``. It is a measurement, not a test: nothing here
passes or fails on a time.

In one run, in headless Chromium driven by Playwright, against the built site served by
``build_scripts/tools/serve.py`` as the hosting kit serves it (``.br``/``.gz`` copies by
Accept-Encoding, the kit's Cache-Control per folder, 304 on revalidation), under ``/lwt/``, and
a second build without snapshot (``LWT_SNAPSHOT=0``) under ``/nosnap/``:

- the floor: a bare page, generated into a temporary copy of the site, whose module worker only
  calls ``loadPyodide()`` with its defaults on the same runtime files;
- every calculator page (``rekenhulpen/*`` with a ``form[data-calc]``), and the first one without
  snapshot: navigation to "ready" (``window.__lwtCalc`` set), cold (new browser context) and warm
  (same context, second visit), interleaved with the floor, median and spread, ratio to the floor;
- the time to the first visible verdict (first paint when the built HTML holds the example's
  outcome), and the longest main-thread task and long animation frame before ready, with the
  scripts in that frame;
- the worker's own timing marks (sent with its "ready" message) to show where the time goes;
- the longest main-thread task in two more settings: the theme alone (every script but
  Material's bundle blocked) on each calculator page and the home page, and each calculator page
  opened from the home page in the same tab;
- the worker round trip per calculation, p50 and p95, with inputs from ``tests/cases`` that give
  a real verdict;
- bytes sent by the server for a first and a repeat visit (each page in a browser profile of its
  own, so with a real disk cache): content page, print page, floor, calculator page with and
  without snapshot (``bytes.<page>.first_visit_transferred`` and ``repeat_visit_transferred``,
  and ``..._runtime_transferred`` for the versioned runtime folders);
- ``mkdocs build`` time and ``make pdf`` time;
- the goals of issue 14 and issue 11 item 5 (``goals`` in the JSON), each met or missed.

The machine may be shared: timings are noisy, so the runs are interleaved and medians reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..paths import ROOT
OUT_DIR = ROOT / ".bench"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PREFIX = "lwt"
FLOOR_DIR = "__bench_floor__"
#: What counts as the runtime: Pyodide's versioned folder and the calculators' hashed folder (not
#: the manifest, which is revalidated like the HTML).
RUNTIME_RE = re.compile(r"/assets/pyodide/|/assets/calc/[0-9a-f]{12}/")
NOSNAP = "nosnap"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# The floor: a page with nothing but a module worker that starts Pyodide with its defaults.
FLOOR_HTML = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Pyodide floor</title></head>
<body><p>floor</p>
<script type="module">
const worker = new Worker(new URL("./floor-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__bench.ready = performance.now();
  window.__bench.workerTimings = event.data.timings;
};
</script></body></html>
"""
FLOOR_WORKER = """const marks = { start: performance.now() };
const { loadPyodide } = await import(new URL("../assets/RUNTIME/pyodide.mjs", import.meta.url).href);
marks.pyodide_module = performance.now();
await loadPyodide({ indexURL: new URL("../assets/RUNTIME/", import.meta.url).href });
marks.runtime = performance.now();
marks.ready = marks.runtime;
postMessage({ type: "ready", timings: { origin: performance.timeOrigin, marks } });
"""

# Installed in every page before its own scripts: long tasks, the moment of "ready", and the
# worker's timing marks. It observes; it changes nothing the page does.
INSTRUMENT = """(() => {
  const bench = window.__bench = { ready: null, longtasks: [], workerTimings: null, workerCreated: null };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) { bench.longtaskError = String(error); }
  // Who is on the main thread in a long frame (Long Animation Frames): script file, what
  // invoked it, its own ms and ms of forced style and layout.
  bench.frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration <= 50) continue;
        bench.frames.push([entry.startTime, entry.duration, entry.scripts.map((script) => [
          (script.sourceURL || "").split("/").pop() || "(inline)", String(script.invoker || "").split("/").pop().slice(-40),
          Math.round(script.duration), Math.round(script.forcedStyleAndLayoutDuration || 0)])]);
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (error) { bench.framesError = String(error); }
  let value;
  Object.defineProperty(window, "__lwtCalc", {
    configurable: true,
    get() { return value; },
    set(next) {
      value = next;
      if (next && next.ready && bench.ready === null) bench.ready = performance.now();
      if (next && next.failed) bench.failed = next.failed + ": " + next.detail;
    },
  });
  // The first visible verdict: in the HTML as built (then it is there at first paint), or the
  // first time the page script sets one.
  bench.verdictInHtml = false;
  bench.liveVerdict = null;
  document.addEventListener("DOMContentLoaded", () => {
    const verdict = document.querySelector(".lwt-verdict");
    if (!verdict) return;
    bench.verdictInHtml = Boolean(verdict.dataset.status);
    new MutationObserver(() => {
      if (bench.liveVerdict === null && verdict.dataset.status) bench.liveVerdict = performance.now();
    }).observe(verdict, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      if (bench.workerCreated === null) bench.workerCreated = performance.now();
      this.addEventListener("message", (event) => {
        const data = event.data;
        if (data && data.type === "ready" && data.timings && !bench.workerTimings) bench.workerTimings = data.timings;
      });
    }
  };
})();"""

ROUND_TRIP = """async ([workerUrl, jobs]) => {
  const worker = new Worker(workerUrl, { type: "module" });
  const waiting = new Map();
  let readyResolve, readyReject;
  const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "ready") readyResolve(m);
    else if (m.type === "failed") readyReject(new Error(m.reason + ": " + m.detail));
    else if (m.type === "result" || m.type === "crash") { const r = waiting.get(m.id); waiting.delete(m.id); r(m); }
  };
  await ready;
  const out = [];
  let id = 0;
  for (const job of jobs) {
    id += 1;
    const t0 = performance.now();
    const reply = await new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ type: "run", id, name: job.name, fields: job.fields, today: job.today });
    });
    const t1 = performance.now();
    out.push([t1 - t0, reply.type === "result" ? reply.outcome.status : "crash"]);
  }
  worker.terminate();
  return out;
}"""


# ---------------------------------------------------------------- helpers

def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "runs": len(values),
        "median": median(values),
        "min": min(values) if values else None,
        "max": max(values) if values else None,
        "values": [round(v, 1) for v in values],
    }


def fmt_ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f}".replace(",", " ")


def fmt_bytes(value: int | None) -> str:
    if value is None:
        return "n/a"
    return f"{value / 1_000_000:.2f} MB" if value >= 100_000 else f"{value / 1000:.1f} kB"


# ---------------------------------------------------------------- build and PDF

def time_builds(count: int, work: Path) -> tuple[Path, list[float]]:
    """Build the site ``count`` times (each into a fresh folder); return the first and the times."""
    times = []
    first = None
    for number in range(count):
        target = work / f"site-{number}"
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
            cwd=ROOT, capture_output=True, text=True, env=ENV,
        )
        elapsed = time.perf_counter() - started
        if completed.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{completed.stdout[-3000:]}{completed.stderr[-3000:]}")
        times.append(elapsed * 1000)
        if first is None:
            first = target
        else:
            shutil.rmtree(target, ignore_errors=True)
    return first, times


def time_pdf(count: int) -> dict[str, Any]:
    """``make pdf`` wall time, when the PDF script exists."""
    if not (ROOT / "build_scripts" / "offline" / "make_pdf.py").is_file():
        return {"available": False, "note": "build_scripts/offline/make_pdf.py does not exist yet"}
    times, failures = [], []
    for _ in range(count):
        started = time.perf_counter()
        completed = subprocess.run(["make", "pdf"], cwd=ROOT, capture_output=True, text=True, env=ENV)
        elapsed = (time.perf_counter() - started) * 1000
        if completed.returncode != 0:
            failures.append((completed.stdout + completed.stderr)[-1500:])
        else:
            times.append(elapsed)
    return {"available": True, **summary(times), "failures": failures}


# ---------------------------------------------------------------- browser measurements

def calculator_pages(site: Path) -> list[str]:
    """Paths (relative to the site) of the calculator pages that have a form."""
    pages = []
    for index in sorted((site / "rekenhulpen").glob("*/index.html")):
        if "data-calc=" in index.read_text(encoding="utf-8"):
            pages.append(f"rekenhulpen/{index.parent.name}/")
    return pages


def load_jobs(count: int) -> dict[str, list[dict[str, Any]]]:
    """Per calculator, ``count`` calculations cycled from the cases that give a verdict."""
    import yaml

    jobs: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = [
            {"name": doc["calculator"], "fields": _jsonable(case["inputs"]), "today": str(case["date"]),
             "expect": case["expect"]["status"]}
            for case in doc["cases"] if case["expect"]["status"] != "invalid"
        ]
        if cases:
            jobs[doc["calculator"]] = [cases[i % len(cases)] for i in range(count)]
    return jobs


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class Browser:
    def __init__(self, playwright) -> None:
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.external: list[str] = []

    def context(self):
        ctx = self.browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        ctx.add_init_script(INSTRUMENT)

        def watch(request):
            url = request.url
            if not url.startswith(("data:", "blob:")) and urlparse(url).hostname != "127.0.0.1":
                self.external.append(url)

        ctx.on("request", watch)
        return ctx

    def close(self) -> None:
        self.browser.close()


def visit(page, url: str, timeout_ms: float = 90_000) -> dict[str, Any]:
    """Navigate and wait for "ready"; return nav→ready, long tasks before ready, worker marks."""
    page.goto(url)
    page.wait_for_function("() => window.__bench && (window.__bench.ready !== null || window.__bench.failed)",
                           timeout=timeout_ms)
    data = page.evaluate("""() => ({...window.__bench, timeOrigin: performance.timeOrigin,
        fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime ?? null})""")
    if data.get("failed"):
        raise RuntimeError(f"{url}: calculator failed: {data['failed']}")
    ready = data["ready"]
    long_before = [d for start, d in data["longtasks"] if start < ready]
    frames = [f for f in data.get("frames", []) if f[0] < ready]
    longest_frame = max(frames, key=lambda f: f[1], default=None)
    stages, boot, notes = {}, None, {}
    timings = data.get("workerTimings")
    if timings:
        offset = timings["origin"] - data["timeOrigin"]  # worker start in page time
        for name, value in timings["marks"].items():
            if isinstance(value, (int, float)):
                stages[name] = round(offset + value, 1)
            else:
                notes[name] = value
        boot = timings.get("boot")
    if data.get("workerCreated") is not None:
        stages["worker_created"] = round(data["workerCreated"], 1)
    # With the example's outcome in the built HTML the first verdict is seen at first paint.
    verdict = data.get("fcp") if data.get("verdictInHtml") else data.get("liveVerdict")
    return {"ready": ready, "longtasks": long_before, "stages": stages, "boot": boot, "notes": notes,
            "first_verdict": verdict, "verdict_in_html": bool(data.get("verdictInHtml")), "fcp": data.get("fcp"),
            "live_verdict": data.get("liveVerdict"),
            "longest_frame": {"ms": round(longest_frame[1]), "scripts": longest_frame[2]} if longest_frame else None}


def measure_startup(browser: Browser, base: str, pages: list[str], runs: int,
                    extra: list[tuple[str, str]] = ()) -> dict[str, Any]:
    targets = [("floor", f"{FLOOR_DIR}/")] + [(page, page) for page in pages] + list(extra)
    raw: dict[str, dict[str, list[dict[str, Any]]]] = {name: {"cold": [], "warm": []} for name, _ in targets}
    for number in range(runs):
        # Rotate the order so that no page always runs right after the same neighbour.
        order = targets[number % len(targets):] + targets[:number % len(targets)]
        for name, path in order:
            ctx = browser.context()
            try:
                page = ctx.new_page()
                raw[name]["cold"].append(visit(page, base + path))
                raw[name]["warm"].append(visit(page, base + path))
            finally:
                ctx.close()
            print(f"  run {number + 1}/{runs} {name}: cold {raw[name]['cold'][-1]['ready']:.0f} ms, "
                  f"warm {raw[name]['warm'][-1]['ready']:.0f} ms", flush=True)
    result: dict[str, Any] = {}
    floor = {kind: median([v["ready"] for v in raw["floor"][kind]]) for kind in ("cold", "warm")}
    for name, _ in targets:
        entry: dict[str, Any] = {}
        for kind in ("cold", "warm"):
            visits = raw[name][kind]
            stats = summary([v["ready"] for v in visits])
            stats["ratio_to_floor"] = stats["median"] / floor[kind] if floor[kind] else None
            stage_names = sorted({s for v in visits for s in v["stages"]}, key=lambda s: median(
                [v["stages"][s] for v in visits if s in v["stages"]]))
            stats["stages_median"] = {s: round(median([v["stages"][s] for v in visits if s in v["stages"]]), 1)
                                      for s in stage_names}
            stats["boot"] = sorted({str(v["boot"]) for v in visits if v["boot"]})
            stats["notes"] = [v["notes"] for v in visits if v["notes"]]
            verdicts = [v["first_verdict"] for v in visits if v.get("first_verdict") is not None]
            stats["first_verdict_ms"] = median(verdicts)
            stats["verdict_in_html"] = all(v.get("verdict_in_html") for v in visits) if name != "floor" else None
            counts = [len(v["longtasks"]) for v in visits]
            frames = [v["longest_frame"] for v in visits if v.get("longest_frame")]
            stats["longest_frame"] = max(frames, key=lambda f: f["ms"], default=None)
            stats["longtasks"] = {
                "count_median": median(counts),
                "max_ms": max((d for v in visits for d in v["longtasks"]), default=0),
                "total_ms_median": median([sum(v["longtasks"]) for v in visits]),
            }
            entry[kind] = stats
        result[name] = entry
    return result


#: Every script of a page but Material's bundle: the project's own and the print plugin's. With
#: these blocked a page is the theme alone (its bundle, its search worker, the style sheets).
NOT_THE_THEME = ("**/assets/js/**", "**/js/print-site.js*")


def measure_long_tasks_in_context(browser: Browser, base: str, pages: list[str], runs: int) -> dict[str, Any]:
    """The longest main-thread task on a cold visit in two more settings than "as built", so that
    the long-task goal can be read against what the calculator adds to it:

    - ``theme``: the page with every script but Material's bundle blocked, so no calculator and
      none of the project's scripts, from navigation to 1 s after ``load``; also the site's home
      page, which has no calculator;
    - ``from_home``: the calculator page opened from the home page in the same tab, as a reader
      usually arrives, as built, from that navigation to ready.
    """
    raw: dict[str, dict[str, list[float]]] = {}
    for number in range(runs):
        for page_path in ["", *pages]:
            entry = raw.setdefault(page_path or "(home)", {"theme": [], "from_home": []})
            ctx = browser.context()
            try:
                for pattern in NOT_THE_THEME:
                    ctx.route(pattern, lambda route: route.abort())
                page = ctx.new_page()
                page.goto(base + page_path, wait_until="load")
                page.wait_for_timeout(1000)
                tasks = page.evaluate("() => window.__bench.longtasks.map((task) => task[1])")
                entry["theme"].append(max(tasks, default=0))
            finally:
                ctx.close()
            if not page_path:
                continue
            ctx = browser.context()
            try:
                page = ctx.new_page()
                page.goto(base, wait_until="load")
                page.wait_for_timeout(500)
                entry["from_home"].append(max(visit(page, base + page_path)["longtasks"], default=0))
            finally:
                ctx.close()
        print(f"  run {number + 1}/{runs} done", flush=True)
    return {name: {kind: {"max_ms": max(values, default=None), "values": [round(v) for v in values]}
                   for kind, values in entry.items() if values}
            for name, entry in raw.items()}


def measure_round_trip(browser: Browser, base: str, jobs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    result = {}
    ctx = browser.context()
    try:
        page = ctx.new_page()
        page.goto(base, wait_until="load")
        worker_url = base + "assets/js/calc-worker.mjs"
        for name, batch in jobs.items():
            out = page.evaluate(ROUND_TRIP, [worker_url, [{k: j[k] for k in ("name", "fields", "today")} for j in batch]])
            times = [t for t, _ in out]
            wrong = sum(1 for (t, status), job in zip(out, batch) if status != job["expect"])
            result[name] = {
                "calculations": len(out), "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                "max": max(times), "statuses": sorted({s for _, s in out}), "unexpected_status": wrong,
            }
    finally:
        ctx.close()
    return result


def _traffic(server, start: int) -> tuple[int, int, int]:
    """Bytes sent since ``start`` (headers and bodies): total, of the runtime, and requests."""
    total = runtime = 0
    paths = set()
    for path, size in server.traffic[start:]:
        total += size
        paths.add(path)
        if RUNTIME_RE.search(path):
            runtime += size
    return total, runtime, len(server.requests)


def measure_visits(playwright, server, base: str, pages: dict[str, tuple[str, bool]]) -> dict[str, Any]:
    """First and repeat visit per page, in a browser profile of its own (a real disk cache), counted
    at the server: what it sent, compressed as it sent it. ``pages``: label -> (path, has a worker)."""
    result = {}
    for label, (path, calculator) in pages.items():
        with tempfile.TemporaryDirectory(prefix="lwt-bench-profile-") as profile:
            ctx = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, locale="nl-NL",
                viewport={"width": 1280, "height": 900})
            ctx.add_init_script(INSTRUMENT)
            entry: dict[str, Any] = {"path": path}
            try:
                page = ctx.new_page()
                for visit_kind in ("first_visit", "repeat_visit"):
                    mark, requests_before = len(server.traffic), len(server.requests)
                    page.goto(base + path, wait_until="load")
                    if calculator:
                        page.wait_for_function("() => window.__bench.ready !== null || window.__bench.failed", timeout=90_000)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(500)
                    total, runtime, _ = _traffic(server, mark)
                    served = server.requests[requests_before:]
                    entry[f"{visit_kind}_transferred"] = total
                    entry[f"{visit_kind}_runtime_transferred"] = runtime
                    entry[f"{visit_kind}_requests"] = len(served)
                    entry[f"{visit_kind}_not_modified"] = sum(1 for r in served if r.status == 304)
                    if visit_kind == "first_visit":
                        entry["first_visit_files"] = sorted(
                            {f"{r.path} {r.status} {r.encoding or 'identity'}" for r in served
                             if RUNTIME_RE.search(r.path)})
            finally:
                ctx.close()
        result[label] = entry
    return result


# ---------------------------------------------------------------- report

def measure_class(browser: Browser, base: str, pupils: int, runs: int) -> dict[str, Any]:
    """The class page: a generated file of ``pupils`` rows, from the file's choice to the table shown (ms)."""
    from build_scripts.tools.klas_sample import sample_class_csv

    data = sample_class_csv(pupils)
    values = []
    for _ in range(runs):
        ctx = browser.context()
        page = ctx.new_page()
        page.goto(base + "rekenhulpen/klas/")
        page.wait_for_function("() => ['ready', 'failed'].includes(document.getElementById('lwt-klas').dataset.state)", timeout=90_000)
        page.set_input_files("#lwt-klas-bestand", files=[{"name": "klas.csv", "mimeType": "text/csv", "buffer": data}])
        page.wait_for_function("() => document.getElementById('lwt-klas').dataset.state === 'done'", timeout=120_000)
        values.append(float(page.get_attribute("#lwt-klas", "data-elapsed-ms")))
        rows = int(page.get_attribute("#lwt-klas", "data-rows"))
        ctx.close()
        if rows != pupils:
            raise RuntimeError(f"class page showed {rows} rows for {pupils} pupils")
    return {"pupils": pupils, "goal_ms": 5000, **summary(values)}


MB = 1_000_000
#: The goals of issue 14 and issue 11 item 5, checked on the figures of this run.
GOALS = {
    "first_visit": "first visit of a calculator page ≤ 6.5 MB transferred",
    "cold_ready": "cold ready ≤ 0.5× the bare Pyodide floor (every calculator page)",
    "repeat_visit": "repeat visit: 0 bytes of runtime transferred",
    "first_verdict": "a verdict at first paint (the example's outcome is in the HTML)",
    "long_tasks": "no main-thread task over 50 ms while a calculator page loads",
    "no_pyodide": "print page and content page: 0 bytes of Pyodide",
}


def goals(report: dict[str, Any]) -> dict[str, Any]:
    start, weights = report["startup"], report["bytes"]
    calcs = [name for name in report["calculator_pages"]]
    calc = weights.get("calculator", {})
    ratios = {name: start[name]["cold"]["ratio_to_floor"] for name in calcs}
    longest = {name: start[name]["cold"]["longtasks"]["max_ms"] for name in calcs}
    verdicts = {name: start[name]["cold"]["first_verdict_ms"] for name in calcs}
    in_html = {name: start[name]["cold"]["verdict_in_html"] for name in calcs}
    figures = {
        "first_visit": (calc.get("first_visit_transferred"), lambda v: v is not None and v <= 6.5 * MB),
        "cold_ready": (max(ratios.values(), default=None), lambda v: v is not None and v <= 0.5),
        "repeat_visit": (calc.get("repeat_visit_runtime_transferred"), lambda v: v == 0),
        "first_verdict": (all(in_html.values()) if in_html else None, lambda v: bool(v)),
        "long_tasks": (max(longest.values(), default=None), lambda v: v is not None and v <= 50),
        "no_pyodide": (max(weights.get(k, {}).get("first_visit_runtime_transferred", 0) for k in ("content", "print")),
                       lambda v: v == 0),
    }
    out = {key: {"goal": GOALS[key], "value": value, "met": bool(check(value))} for key, (value, check) in figures.items()}
    out["cold_ready"]["per_page"] = ratios
    out["long_tasks"]["per_page"] = longest
    context = report.get("long_tasks_in_context", {})
    for kind in ("theme", "from_home"):
        values = [entry[kind]["max_ms"] for entry in context.values() if kind in entry]
        out["long_tasks"][f"{kind}_max_ms"] = max(values, default=None)
    out["first_verdict"]["per_page_ms"] = verdicts
    return out


def print_table(report: dict[str, Any]) -> None:
    start = report["startup"]
    print()
    print("Goals (issue 14, issue 11 item 5), this run:")
    shown = {
        "first_visit": lambda v: fmt_bytes(v), "cold_ready": lambda v: "n/a" if v is None else f"{v:.2f}× (worst page)",
        "repeat_visit": lambda v: fmt_bytes(v), "first_verdict": lambda v: "yes" if v else "no",
        "long_tasks": lambda v: "n/a" if v is None else f"{v:.0f} ms (worst page)", "no_pyodide": lambda v: fmt_bytes(v),
    }
    for key, entry in report["goals"].items():
        print(f"  {'MET ' if entry['met'] else 'MISS'}  {shown[key](entry['value']):>20}   goal: {entry['goal']}")
        if key == "long_tasks" and entry.get("theme_max_ms") is not None:
            print(f"{'':>30}   the theme alone, no calculator: {fmt_ms(entry['theme_max_ms'])} ms (worst page); "
                  f"opened from the home page: {fmt_ms(entry.get('from_home_max_ms'))} ms")
    context = report.get("long_tasks_in_context")
    if context:
        print()
        print("Longest main-thread task (ms), cold, per run: as built (above), the theme alone (every script but")
        print("Material's bundle blocked: no calculator, none of the project's scripts; to 1 s after load), and")
        print("the calculator page opened from the home page in the same tab (as built, to ready)")
        print(f"  {'page':<32}{'as built':>10}   {'theme alone':<24}{'opened from the home page':<24}")
        for name, entry in context.items():
            built = start.get(name, {}).get("cold", {}).get("longtasks", {}).get("max_ms")
            cells = [", ".join(str(v) for v in entry[kind]["values"]) if kind in entry else "—"
                     for kind in ("theme", "from_home")]
            print(f"  {name:<32}{'—' if built is None else f'{built:.0f}':>10}   {cells[0]:<24}{cells[1]:<24}")
    print()
    print("Start-up, navigation → ready (ms); median [min–max] over", report["config"]["runs"], "interleaved runs")
    print(f"{'page':<32}{'cold':>26}{'×floor':>8}{'warm':>26}{'×floor':>8}   long tasks >50 ms (cold); first verdict")
    for name, entry in start.items():
        cells = []
        for kind in ("cold", "warm"):
            s = entry[kind]
            cells.append(f"{fmt_ms(s['median'])} [{fmt_ms(s['min'])}–{fmt_ms(s['max'])}]")
            cells.append("—" if name == "floor" else f"{s['ratio_to_floor']:.2f}")
        lt = entry["cold"]["longtasks"]
        verdict = entry["cold"].get("first_verdict_ms")
        where = "at first paint" if entry["cold"].get("verdict_in_html") else "live"
        cells.append(f"median {lt['count_median']:g}, longest {lt['max_ms']:.0f} ms"
                     + ("" if name == "floor" or verdict is None else f"; verdict {fmt_ms(verdict)} ms ({where})"))
        print(f"{name:<32}{cells[0]:>26}{cells[1]:>8}{cells[2]:>26}{cells[3]:>8}   {cells[4]}")
    print()
    print("Longest main-thread frame before ready (cold), and the scripts in it [file, invoked by, ms, ms forced layout]:")
    for name, entry in start.items():
        frame = entry["cold"].get("longest_frame")
        if frame:
            print(f"  {name}: {frame['ms']} ms: " + "; ".join(f"{f} ({inv}) {ms} ms/{lay}" for f, inv, ms, lay in frame["scripts"]))
    print()
    print("Where the cold time goes: median ms since navigation of each mark, [how Pyodide started]")
    print("  (worker_created: the page made the worker; start: its script runs; pyodide_module: pyodide.mjs")
    print("  imported; manifest/wheel/snapshot: fetched (snapshot also inflated); runtime: loadPyodide done;")
    print("  unpacked: wheel unpacked; imported: calculators imported; ready: rules loaded, page told)")
    for name, entry in start.items():
        stages = entry["cold"]["stages_median"]
        boot = "/".join(entry["cold"]["boot"]) or "-"
        print(f"  {name} [{boot}]: " + ", ".join(f"{k} {v:.0f}" for k, v in stages.items()))
    print()
    print("Worker round trip per calculation (ms)")
    if not report["round_trip"]:
        print("  n/a (no test cases with a verdict)")
    for name, entry in report["round_trip"].items():
        print(f"  {name:<20} n={entry['calculations']:<5} p50 {entry['p50']:.2f}  p95 {entry['p95']:.2f}  "
              f"max {entry['max']:.1f}  statuses {','.join(entry['statuses'])}"
              + (f"  UNEXPECTED {entry['unexpected_status']}" if entry["unexpected_status"] else ""))
    print()
    print("Bytes transferred per page, as the server sent them (br/gzip by Accept-Encoding), own browser profile")
    print(f"  {'page':<24} {'first visit':>12} {'of it runtime':>14} {'requests':>9}   {'repeat visit':>12} {'of it runtime':>14} {'304s':>5}")
    for label, entry in report["bytes"].items():
        print(f"  {label:<24} {fmt_bytes(entry['first_visit_transferred']):>12} {fmt_bytes(entry['first_visit_runtime_transferred']):>14}"
              f" {entry['first_visit_requests']:>9}   {fmt_bytes(entry['repeat_visit_transferred']):>12}"
              f" {fmt_bytes(entry['repeat_visit_runtime_transferred']):>14} {entry['repeat_visit_not_modified']:>5}")
    for label in ("calculator", "calculator_no_snapshot", "floor"):
        if label in report["bytes"]:
            print(f"  runtime files, {label}: " + "; ".join(report["bytes"][label]["first_visit_files"]))
    print()
    build = report["build"]
    print(f"mkdocs build --strict: median {fmt_ms(build['median'])} ms [{fmt_ms(build['min'])}–{fmt_ms(build['max'])}] "
          f"over {build['runs']} builds; in order: {', '.join(fmt_ms(v) for v in build['values'])} ms "
          "(a first build makes the Pyodide snapshot unless .cache/ has it)")
    pdf = report["pdf"]
    if pdf.get("available") and pdf.get("median") is not None:
        print(f"make pdf: median {fmt_ms(pdf['median'])} ms over {pdf['runs']} run(s) (includes its mkdocs build)")
    elif pdf.get("available"):
        print(f"make pdf: failed ({len(pdf['failures'])} run(s)); see bench.json")
    else:
        print("make pdf: n/a (" + pdf["note"] + ")")
    klas = report.get("class")
    if klas:
        print(f"Class of {klas['pupils']} pupils (file chosen → table shown): median {fmt_ms(klas['median'])} ms "
              f"[{fmt_ms(klas['min'])}–{fmt_ms(klas['max'])}] over {klas['runs']} run(s); goal ≤ {klas['goal_ms']} ms")
    print(f"requests outside 127.0.0.1: {len(report['external_requests'])}")
    print()


def build_without_snapshot(work: Path) -> Path:
    """One more build, with ``LWT_SNAPSHOT=0``: the trade-off is measured in the same run."""
    target = work / "site-nosnap"
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT, capture_output=True, text=True, env={**ENV, "LWT_SNAPSHOT": "0"},
    )
    if completed.returncode != 0:
        sys.exit(f"mkdocs build (no snapshot) failed:\n{completed.stdout[-3000:]}{completed.stderr[-3000:]}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold and warm visits per page (default 5)")
    parser.add_argument("--calculations", type=int, default=200, help="round trips per calculator (default 200)")
    parser.add_argument("--builds", type=int, default=3, help="timed mkdocs builds (default 3)")
    parser.add_argument("--pdf-runs", type=int, default=1, help="timed 'make pdf' runs (default 1; 0 skips)")
    parser.add_argument("--out", type=Path, default=OUT_DIR / "bench.json")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: run 'make browser'")
    from playwright.sync_api import sync_playwright

    from ..bundle.wheel import runtime_folder
    from ..offline.hosting import cache_control
    from .serve import StaticServer

    with tempfile.TemporaryDirectory(prefix="lwt-bench-") as tmp:
        work = Path(tmp)
        print(f"Building the site {args.builds}× (and once without snapshot) …", flush=True)
        site, build_times = time_builds(max(1, args.builds), work)
        nosnap = build_without_snapshot(work)
        www = work / "www"
        shutil.copytree(site, www / PREFIX)
        shutil.copytree(nosnap, www / NOSNAP)
        floor = www / PREFIX / FLOOR_DIR
        floor.mkdir()
        (floor / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
        (floor / "floor-worker.mjs").write_text(FLOOR_WORKER.replace("RUNTIME/", runtime_folder()), encoding="utf-8")
        pages = calculator_pages(site)
        # Served as the hosting kit serves it: precompressed copies by Accept-Encoding, the kit's
        # Cache-Control per folder, 304 on revalidation.
        server = StaticServer(www, "/", cache_control=cache_control).start()
        root = server.url
        base = root + PREFIX + "/"
        try:
            with sync_playwright() as playwright:
                browser = Browser(playwright)
                try:
                    extra = [(f"{NOSNAP}:{pages[0]}", f"../{NOSNAP}/{pages[0]}")] if pages else []
                    print(f"Start-up: floor, {len(pages)} calculator page(s) and one without snapshot, {args.runs} runs …", flush=True)
                    startup = measure_startup(browser, base, pages, args.runs, extra)
                    print("Long tasks: the theme alone, and calculator pages opened from the home page …", flush=True)
                    in_context = measure_long_tasks_in_context(browser, base, pages, max(1, min(args.runs, 3)))
                    print("Round trips …", flush=True)
                    round_trip = measure_round_trip(browser, base, load_jobs(args.calculations))
                    print("Class of 500 pupils …", flush=True)
                    class_timing = measure_class(browser, base, 500, max(1, min(args.runs, 3)))
                finally:
                    browser.close()
                print("First and repeat visits …", flush=True)
                targets = {"content": (f"{PREFIX}/", False), "print": (f"{PREFIX}/print_page/", False),
                           "floor": (f"{PREFIX}/{FLOOR_DIR}/", True)}
                if pages:
                    targets["calculator"] = (f"{PREFIX}/{pages[0]}", True)
                    targets["calculator_no_snapshot"] = (f"{NOSNAP}/{pages[0]}", True)
                byte_counts = measure_visits(playwright, server, root, targets)
        finally:
            server.stop()
    pdf = time_pdf(args.pdf_runs) if args.pdf_runs > 0 else {"available": False, "note": "skipped (--pdf-runs 0)"}
    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "config": {"runs": args.runs, "calculations": args.calculations, "builds": args.builds,
                   "served_under": f"/{PREFIX}/", "chromium": CHROMIUM,
                   "serving": "build_scripts/tools/serve.py: .br/.gz by Accept-Encoding, the kit's Cache-Control, 304"},
        "calculator_pages": pages,
        "startup": startup,
        "long_tasks_in_context": in_context,
        "round_trip": round_trip,
        "bytes": byte_counts,
        "build": summary(build_times),
        "pdf": pdf,
        "class": class_timing,
        "external_requests": browser.external,
    }
    report["goals"] = goals(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print_table(report)
    print(f"JSON: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
