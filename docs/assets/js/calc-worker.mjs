// Module worker: starts Pyodide, installs the calculators wheel, and runs calculations.
// Glue only: no rule and no reader-facing text lives here. Every URL is resolved relative
// to this script, so the site works at "/" and in any sub-folder.
//
// Start-up, fastest path first:
// - the manifest is fetched at once, alongside Pyodide's own module;
// - when the build made a memory snapshot, Pyodide restores it: CPython started, every
//   calculator module imported and the rules loaded, as the build left them. Nothing is
//   imported or unpacked here, so the wheel is not even fetched;
// - without a snapshot, or if it cannot be used, Pyodide starts fresh while the wheel is
//   fetched in parallel; the wheel is then unpacked and the calculators imported.
// Both paths end in the same "ready" message. It carries `timings` (ms since the worker
// started, and `boot`: "snapshot" or "fresh") for the benchmark; the page ignores them.

const base = new URL("./", import.meta.url);
const calcBase = new URL("../calc/", base);
const marks = { start: performance.now() };
const mark = (name) => { marks[name] = performance.now(); };

let runJson = null;

function describe(error) {
  return String(error && error.message ? error.message : error);
}

function fail(reason, error) {
  postMessage({ type: "failed", reason, detail: describe(error) });
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname.split("/").pop()}: HTTP ${response.status}`);
  return response;
}

// The snapshot is stored compressed (31 MB of memory, mostly zeros). A server set up by the
// hosting kit answers `negotiated` (pyodide-snapshot.bin) with the brotli or gzip copy and a
// Content-Encoding, and the browser inflates it. Any other server answers 404 there; the
// gzip file itself (`file`) is then fetched and inflated here. Either way it lands in one
// buffer of the size the manifest gives.
async function fetchSnapshot(entry) {
  let response = entry.negotiated ? await fetch(new URL(entry.negotiated, calcBase)) : null;
  if (!response || !response.ok || !response.headers.get("Content-Encoding")) {
    response = await fetchOk(new URL(entry.file, calcBase));
  }
  const encoding = response.headers.get("Content-Encoding") || "";
  const inflated = encoding.includes("gzip") || encoding.includes("br");
  const stream = inflated ? response.body : response.body.pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(entry.bytes);
  let offset = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length) throw new Error("snapshot larger than announced");
    bytes.set(value, offset);
    offset += value.length;
  }
  if (offset !== bytes.length) throw new Error("snapshot shorter than announced");
  mark("snapshot");
  return bytes;
}

const manifestPromise = fetchOk(new URL("manifest.json", calcBase)).then(async (response) => {
  const manifest = await response.json();
  mark("manifest");
  return manifest;
});

async function fetchWheel(manifest) {
  const wheel = await (await fetchOk(new URL(manifest.wheel, calcBase))).arrayBuffer();
  mark("wheel");
  return wheel;
}

// A failure of the runtime and a failure of our own bundle are told apart for the page.
class BundleError extends Error {}

async function bundleStep(step) {
  try {
    return await step();
  } catch (error) {
    throw new BundleError(describe(error));
  }
}

// Pyodide never settles when its wasm file cannot be compiled, missing or served with the wrong
// MIME type: it catches the error, logs "wasm instantiation failed" and waits, which would
// leave the page waiting for its 30 s timeout. The two WebAssembly calls it makes are observed
// (not changed) so that such an error ends the start-up at once as a runtime failure.
class RuntimeFileError extends Error {}
let reportRuntimeProblem;
const runtimeProblem = new Promise((resolve, reject) => { reportRuntimeProblem = reject; });
runtimeProblem.catch(() => {});
for (const name of ["instantiateStreaming", "instantiate"]) {
  const native = WebAssembly[name];
  WebAssembly[name] = function observed(...args) {
    return native.apply(this, args).catch((error) => {
      reportRuntimeProblem(new RuntimeFileError(`pyodide.asm.wasm: ${describe(error)}`));
      throw error;
    });
  };
}

function guarded(loading) {
  return Promise.race([loading, runtimeProblem]);
}

// Returns Pyodide with the calculators importable, and how it got there.
// The standard library: a restored snapshot has imported all it needs and gets an empty one;
// a fresh start gets the build's trimmed one (only what the calculators import), or Pyodide's.
function stdlibFor(manifest, snapshot) {
  const name = snapshot ? manifest.snapshot.stdlib : manifest.stdlib;
  return name ? { stdLibURL: new URL(name, calcBase).href } : {};
}

async function startPyodide(loadPyodide, manifest, pyodideBase) {
  const options = { indexURL: pyodideBase.href, packages: [] };
  if (manifest.lock_info) {
    // No package is ever loaded: the lock's own header is enough, and its 22 kB are not fetched.
    options.lockFileContents = { info: manifest.lock_info, packages: {} };
    options.packageBaseUrl = pyodideBase.href;
  }
  if (manifest.snapshot && typeof DecompressionStream === "function") {
    try {
      // Pyodide fetches and compiles its runtime while the snapshot downloads and inflates.
      const py = await guarded(loadPyodide({ ...options, ...stdlibFor(manifest, true), _loadSnapshot: fetchSnapshot(manifest.snapshot) }));
      return { py, boot: "snapshot" };
    } catch (error) {
      if (error instanceof RuntimeFileError) throw error;
      marks.snapshot_error = describe(error);
    }
  }
  const wheelPromise = fetchWheel(manifest);
  wheelPromise.catch(() => {}); // reported below, where it is awaited
  const py = await guarded(loadPyodide({ ...options, ...stdlibFor(manifest, false) }));
  mark("runtime_fresh");
  await bundleStep(async () => {
    py.unpackArchive(await wheelPromise, "whl", { extractDir: "/lwt" });
    py.runPython("import sys\nif '/lwt' not in sys.path: sys.path.insert(0, '/lwt')");
  });
  mark("unpacked");
  return { py, boot: "fresh" };
}

async function start() {
  postMessage({ type: "stage", stage: "runtime" });
  try {
    // The runtime's folder is named by its version. The page that starts this worker passes it
    // (`?runtime=`), so that Pyodide's module loads while the manifest is fetched; without it,
    // the manifest names it.
    const asked = new URL(import.meta.url).searchParams.get("runtime");
    const given = asked && /^pyodide\/[0-9A-Za-z.+-]+\/$/.test(asked) ? asked : null;
    const runtimeBase = given
      ? Promise.resolve(new URL(given, new URL("../", base)))
      : bundleStep(() => manifestPromise).then((manifest) => new URL(manifest.runtime, calcBase));
    const pyodideModule = runtimeBase.then((runtime) => import(new URL("pyodide.mjs", runtime).href));
    const [{ loadPyodide }, manifest, pyodideBase] = await Promise.all([
      pyodideModule, bundleStep(() => manifestPromise), runtimeBase,
    ]);
    mark("pyodide_module");
    const { py, boot } = await startPyodide(loadPyodide, manifest, pyodideBase);
    mark("runtime");
    postMessage({ type: "stage", stage: "rules" });
    await bundleStep(() => {
      const browser = py.pyimport("calculators.browser");
      const version = browser.ready();
      runJson = browser.run_json;
      mark("ready");
      postMessage({ type: "ready", version, manifest, timings: { origin: performance.timeOrigin, boot, marks } });
    });
  } catch (error) {
    fail(error instanceof BundleError ? "bundle" : "runtime", error);
  }
}

const started = start();

onmessage = async (event) => {
  const message = event.data || {};
  if (message.type !== "run") return;
  await started;
  if (!runJson) return;
  try {
    const outcome = runJson(message.name, JSON.stringify(message.fields), message.today);
    postMessage({ type: "result", id: message.id, outcome: JSON.parse(outcome) });
  } catch (error) {
    postMessage({ type: "crash", id: message.id, detail: describe(error) });
  }
};
