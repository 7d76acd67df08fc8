"""Benchmark: calculator start-up against the bare Pyodide floor, page weight, build and PDF time.

Run with ``make bench`` (``python -m build_scripts.tools.bench``). It prints a table and writes the
same figures as JSON to ``.bench/bench.json``. It is a measurement, not a test: nothing here
passes or fails on a time.

In one run, in headless Chromium driven by Playwright, against the built site served under a
sub-folder by a ``ThreadingHTTPServer`` on 127.0.0.1 (as the browser tests do):

- the floor: a bare page, generated into a temporary copy of the site, whose module worker only
  calls ``loadPyodide()`` with its defaults on the same runtime files;
- every calculator page (``rekenhulpen/*`` with a ``form[data-calc]``): navigation to "ready"
  (``window.__lwtCalc`` set), cold (new browser context) and warm (same context, second visit),
  interleaved with the floor, median and spread, ratio to the floor;
- the worker's own timing marks (sent with its "ready" message) to show where the time goes;
- the worker round trip per calculation, p50 and p95, with inputs from ``tests/cases`` that give
  a real verdict;
- main-thread long tasks (> 50 ms) until the calculator is ready;
- bytes transferred by a content page, a calculator page and the print page;
- ``mkdocs build`` time and ``make pdf`` time (when ``build_scripts/offline/make_pdf.py`` exists).

The machine may be shared: timings are noisy, so the runs are interleaved and medians reported.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
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
RUNTIME_PATHS = ("/assets/pyodide/", "/assets/calc/")
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
const { loadPyodide } = await import(new URL("../assets/pyodide/pyodide.mjs", import.meta.url).href);
marks.pyodide_module = performance.now();
await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href });
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{PREFIX}/"


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
    data = page.evaluate("() => ({...window.__bench, timeOrigin: performance.timeOrigin})")
    if data.get("failed"):
        raise RuntimeError(f"{url}: calculator failed: {data['failed']}")
    ready = data["ready"]
    long_before = [d for start, d in data["longtasks"] if start < ready]
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
    return {"ready": ready, "longtasks": long_before, "stages": stages, "boot": boot, "notes": notes}


def measure_startup(browser: Browser, base: str, pages: list[str], runs: int) -> dict[str, Any]:
    targets = [("floor", f"{FLOOR_DIR}/")] + [(page, page) for page in pages]
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
            counts = [len(v["longtasks"]) for v in visits]
            stats["longtasks"] = {
                "count_median": median(counts),
                "max_ms": max((d for v in visits for d in v["longtasks"]), default=0),
                "total_ms_median": median([sum(v["longtasks"]) for v in visits]),
            }
            entry[kind] = stats
        result[name] = entry
    return result


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


def measure_bytes(browser: Browser, base: str, pages: dict[str, str]) -> dict[str, Any]:
    result = {}
    for label, path in pages.items():
        ctx = browser.context()
        seen: list[Any] = []
        ctx.on("requestfinished", lambda request: seen.append(request))
        try:
            page = ctx.new_page()
            page.goto(base + path, wait_until="load")
            if label == "calculator":
                page.wait_for_function("() => window.__bench.ready !== null || window.__bench.failed", timeout=90_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            total = runtime = 0
            for request in seen:
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                total += size
                if any(part in urlparse(request.url).path for part in RUNTIME_PATHS):
                    runtime += size
            result[label] = {"path": path, "requests": len(seen), "bytes": total, "runtime_bytes": runtime}
        finally:
            ctx.close()
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


def print_table(report: dict[str, Any]) -> None:
    start = report["startup"]
    print()
    print("Start-up, navigation → ready (ms); median [min–max] over", report["config"]["runs"], "interleaved runs")
    print(f"{'page':<32}{'cold':>26}{'×floor':>8}{'warm':>26}{'×floor':>8}   long tasks >50 ms (cold)")
    for name, entry in start.items():
        cells = []
        for kind in ("cold", "warm"):
            s = entry[kind]
            cells.append(f"{fmt_ms(s['median'])} [{fmt_ms(s['min'])}–{fmt_ms(s['max'])}]")
            cells.append("—" if name == "floor" else f"{s['ratio_to_floor']:.2f}")
        lt = entry["cold"]["longtasks"]
        cells.append(f"median {lt['count_median']:g}, longest {lt['max_ms']:.0f} ms")
        print(f"{name:<32}{cells[0]:>26}{cells[1]:>8}{cells[2]:>26}{cells[3]:>8}   {cells[4]}")
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
    print("Bytes transferred per page (no compression by the test server)")
    for label, entry in report["bytes"].items():
        print(f"  {label:<12} {entry['path']:<28} {entry['requests']:>3} requests  {fmt_bytes(entry['bytes']):>10}"
              f"  of which Pyodide/calculators {fmt_bytes(entry['runtime_bytes'])}")
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

    with tempfile.TemporaryDirectory(prefix="lwt-bench-") as tmp:
        work = Path(tmp)
        print(f"Building the site {args.builds}× …", flush=True)
        site, build_times = time_builds(max(1, args.builds), work)
        www = work / "www"
        shutil.copytree(site, www / PREFIX)
        floor = www / PREFIX / FLOOR_DIR
        floor.mkdir()
        (floor / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
        (floor / "floor-worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")
        pages = calculator_pages(site)
        server, base = serve(www)
        try:
            with sync_playwright() as playwright:
                browser = Browser(playwright)
                try:
                    print(f"Start-up: floor and {len(pages)} calculator page(s), {args.runs} runs …", flush=True)
                    startup = measure_startup(browser, base, pages, args.runs)
                    print("Round trips …", flush=True)
                    round_trip = measure_round_trip(browser, base, load_jobs(args.calculations))
                    print("Page weight …", flush=True)
                    weights = {"content": "", "print": "print_page/"}
                    if pages:
                        weights["calculator"] = pages[0]
                    byte_counts = measure_bytes(browser, base, weights)
                    print("Class of 500 pupils …", flush=True)
                    class_timing = measure_class(browser, base, 500, max(1, min(args.runs, 3)))
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()
    pdf = time_pdf(args.pdf_runs) if args.pdf_runs > 0 else {"available": False, "note": "skipped (--pdf-runs 0)"}
    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "config": {"runs": args.runs, "calculations": args.calculations, "builds": args.builds,
                   "served_under": f"/{PREFIX}/", "chromium": CHROMIUM},
        "calculator_pages": pages,
        "startup": startup,
        "round_trip": round_trip,
        "bytes": byte_counts,
        "build": summary(build_times),
        "pdf": pdf,
        "class": class_timing,
        "external_requests": browser.external,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print_table(report)
    print(f"JSON: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
