// Module worker: starts Pyodide, installs the calculators wheel, and runs calculations.
// Glue only: no rule and no reader-facing text lives here. Every URL is resolved relative
// to this script, so the site works at "/" and in any sub-folder.
//
// Start-up, fastest path first:
// - the manifest is fetched at once, alongside Pyodide's own module;
// - when the build made a memory snapshot, Pyodide restores it: CPython started, every
//   calculator module imported and the rules loaded, as the build left them. Nothing is
//   imported or unpacked here, so the wheel is not even fetched. The snapshot comes packed and
//   partly as a delta against the wasm's own data (fetchSnapshot, completeSnapshot); Pyodide's
//   glue is imported and its wasm compiled while it streams;
// - without a snapshot, or if it cannot be used, Pyodide starts fresh while the wheel is
//   fetched in parallel; the wheel is then unpacked and the calculators imported.
// Both paths end in the same "ready" message. It carries `timings` (ms since the worker
// started, and `boot`: "snapshot" or "fresh") for the benchmark; the page ignores them.

const base = new URL("./", import.meta.url);
const calcBase = new URL("../calc/", base);
const siteRoot = new URL("../../", base);
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

// --- Integrity: every runtime file is checked against the build before Pyodide gets it ---------
// The manifest gives the SHA-256 of each runtime file (`integrity`, paths from the site root) and
// of the inflated snapshot. A file that does not match (a half-finished upload, a stale cache,
// files of two versions mixed) ends the start-up with reason "integrity" instead of an obscure
// failure later. Pyodide's own requests (its wasm, stdlib and lock file) go through `fetch`,
// which is wrapped here: a listed file's body is passed on as it arrives, but its end is only
// signalled after its hash matched, so no consumer ever sees a complete unverified file and the
// wasm still compiles while it streams. The two JavaScript modules are imported, not fetched,
// and are not covered.
class IntegrityError extends Error {}
let integrityFailure = null;
let reportIntegrity;
const integrityProblem = new Promise((resolve, reject) => { reportIntegrity = reject; });
integrityProblem.catch(() => {});
const expectedHashes = new Map();

function mismatch(name, detail = "the file does not match the build (SHA-256)") {
  const error = new IntegrityError(`${name}: ${detail}`);
  if (!integrityFailure) integrityFailure = error;
  reportIntegrity(error);
  return error;
}

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function verifiedResponse(response, expected, name) {
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (!done) {
        chunks.push(value);
        length += value.length;
        controller.enqueue(value);
        return;
      }
      const all = new Uint8Array(length);
      let offset = 0;
      for (const chunk of chunks) { all.set(chunk, offset); offset += chunk.length; }
      chunks.length = 0;
      if (await sha256Hex(all) === expected) controller.close();
      else controller.error(mismatch(name));
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const nativeFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async function verifyingFetch(input, init) {
  const response = await nativeFetch(input, init);
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, self.location.href);
  const expected = expectedHashes.get(url.href);
  const checked = expected && response.ok && response.body
    ? verifiedResponse(response, expected, url.pathname.split("/").pop()) : response;
  return url.pathname.endsWith("/pyodide.asm.wasm") ? compileEarly(checked) : checked;
};

// Pyodide fetches its wasm early but only instantiates it once the snapshot is in. The wasm is
// compiled as it arrives instead (one branch of its body), while the snapshot still streams;
// Pyodide's instantiateStreaming (below) then gets an instance of that compiled module.
let earlyWasm = null;

function compileEarly(response) {
  if (earlyWasm || !response.ok || !response.body || typeof WebAssembly.compileStreaming !== "function") return response;
  const [mine, theirs] = response.body.tee();
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  earlyWasm = WebAssembly.compileStreaming(new Response(mine, init));
  earlyWasm.catch(() => {}); // reported when Pyodide instantiates
  return new Response(theirs, init);
}

function expectIntegrity(manifest) {
  for (const [path, hash] of Object.entries(manifest.integrity || {})) expectedHashes.set(new URL(path, siteRoot).href, hash);
}

// The snapshot is stored packed (only its blocks that are not all zeros, see
// build_scripts/bundle/snapshot.mjs) and compressed. A server set up by the hosting kit answers
// `negotiated` (pyodide-snapshot.bin) with the brotli or gzip copy and a Content-Encoding, and
// the browser inflates it. Any other server answers 404 there; the gzip file itself (`file`) is
// then fetched and inflated here. Either way it lands in one buffer of `packed_bytes`, which is
// then laid out in a zeroed buffer of the snapshot's size (`bytes`). Integrity: the stored gzip
// file is checked while it streams (`file_sha256`); bytes the browser already inflated are
// checked once they are all in (`sha256`).
async function fetchSnapshot(entry) {
  let fetched = entry.negotiated ? await nativeFetch(new URL(entry.negotiated, calcBase)) : null;
  if (!fetched || !fetched.ok || !fetched.headers.get("Content-Encoding")) {
    fetched = await fetchOk(new URL(entry.file, calcBase));
  }
  const encoding = fetched.headers.get("Content-Encoding") || "";
  const encoded = encoding.includes("gzip") || encoding.includes("br");
  const name = entry.file.split("/").pop();
  const checkStored = !encoded && entry.file_sha256;
  const response = checkStored ? verifiedResponse(fetched, entry.file_sha256, name) : fetched;
  const stream = encoded ? response.body : response.body.pipeThrough(new DecompressionStream("gzip"));
  const packed = new Uint8Array(entry.packed_bytes);
  let offset = 0;
  const reader = stream.getReader();
  // A snapshot that is found but does not inflate to the announced bytes is not the build's.
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (offset + value.length > packed.length) throw new Error("snapshot larger than announced");
      packed.set(value, offset);
      offset += value.length;
    }
    if (offset !== packed.length) throw new Error("snapshot shorter than announced");
  } catch (error) {
    if (integrityFailure) throw integrityFailure;
    if (entry.sha256) throw mismatch(name, describe(error));
    throw error;
  }
  if (!checkStored && entry.sha256 && await sha256Hex(packed) !== entry.sha256) throw mismatch(name);
  const bytes = unpack(packed, entry.bytes);
  mark("snapshot");
  return bytes;
}

// Lay the packed runs out in a zeroed buffer: "LWTP", size, number of runs, (offset, length) per
// run, then the runs' bytes (little-endian 32-bit words).
const PACK_MAGIC = 0x5054574c; // "LWTP", the packed snapshot's first word (as snapshot.mjs writes it)

function unpack(packed, size) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const word = (index) => view.getUint32(4 * index, true);
  if (packed.length < 12 || word(0) !== PACK_MAGIC || word(1) !== size) throw new Error("snapshot: not a packed snapshot of the announced size");
  const runs = word(2);
  const bytes = new Uint8Array(size);
  let from = 4 * (3 + 2 * runs);
  for (let index = 0; index < runs; index++) {
    const at = word(3 + 2 * index);
    const length = word(4 + 2 * index);
    if (at + length > size || from + length > packed.length) throw new Error("snapshot: a run lies outside the snapshot");
    bytes.set(packed.subarray(from, from + length), at);
    from += length;
  }
  if (from !== packed.length) throw new Error("snapshot: bytes left after the last run");
  return bytes;
}

const manifestPromise = fetchOk(new URL("manifest.json", calcBase)).then(async (response) => {
  const manifest = await response.json();
  expectIntegrity(manifest);
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
// so that such an error ends the start-up at once as a runtime failure (an instantiateStreaming
// of the early compiled module, above, included).
//
// The same observation completes a snapshot stored as a delta (`delta_bytes` in the manifest):
// its first bytes of memory are stored XOR the memory as WebAssembly instantiated it, which is
// the wasm file's own data (build_scripts/bundle/snapshot.mjs). They are XORed back here, as the
// first reaction to the instantiation, before Pyodide's own code runs and restores the snapshot.
class RuntimeFileError extends Error {}
let reportRuntimeProblem;
const runtimeProblem = new Promise((resolve, reject) => { reportRuntimeProblem = reject; });
runtimeProblem.catch(() => {});
let reportSnapshotProblem;
const snapshotProblem = new Promise((resolve, reject) => { reportSnapshotProblem = reject; });
snapshotProblem.catch(() => {});
let pendingDelta = null; // { snapshot: Promise<Uint8Array>, length }

const nativeInstantiate = WebAssembly.instantiate.bind(WebAssembly);

function instantiateEarly(source, imports) {
  Promise.resolve(source).then((response) => response.body && response.body.cancel()).catch(() => {});
  return earlyWasm.then((module) => nativeInstantiate(module, imports).then((instance) => ({ module, instance })));
}

for (const name of ["instantiateStreaming", "instantiate"]) {
  const native = WebAssembly[name];
  WebAssembly[name] = function observed(...args) {
    const instantiating = name === "instantiateStreaming" && earlyWasm ? instantiateEarly(...args) : native.apply(this, args);
    return instantiating.catch((error) => {
      reportRuntimeProblem(new RuntimeFileError(`pyodide.asm.wasm: ${describe(error)}`));
      throw error;
    }).then(async (result) => {
      // Only Pyodide's main module exports its memory (the small module that pyodide.mjs
      // instantiates as it loads has none).
      const memory = Object.values((result.instance || result).exports).find((value) => value instanceof WebAssembly.Memory);
      if (pendingDelta && memory) {
        const delta = pendingDelta;
        pendingDelta = null;
        await completeSnapshot(delta, memory).catch((error) => { reportSnapshotProblem(error); throw error; });
      }
      return result;
    });
  };
}

// The delta is whole wasm pages and Pyodide pads its header to 16 bytes (snapshot.mjs), so the
// XOR goes a 32-bit word at a time; anything else is not the build's snapshot.
async function completeSnapshot({ snapshot, length }, memory) {
  if (memory.buffer.byteLength < length) throw new Error("snapshot delta: the wasm memory is smaller than the delta");
  const bytes = await snapshot;
  const header = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (length % 4 || (bytes.byteOffset + header) % 4) throw new Error("snapshot delta: not aligned to 32-bit words");
  const stored = new Uint32Array(bytes.buffer, bytes.byteOffset + header, length / 4);
  const initial = new Uint32Array(memory.buffer, 0, length / 4);
  for (let i = 0; i < stored.length; i++) stored[i] ^= initial[i];
  mark("delta");
}

function guarded(loading, ...problems) {
  return Promise.race([loading, runtimeProblem, integrityProblem, ...problems]);
}

// Returns Pyodide with the calculators importable, and how it got there.
// The standard library: a restored snapshot has imported all it needs and gets an empty one;
// a fresh start gets the build's trimmed one (only what the calculators import), or Pyodide's.
function stdlibFor(manifest, snapshot) {
  const name = snapshot ? manifest.snapshot.stdlib : manifest.stdlib;
  return name ? { stdLibURL: new URL(name, calcBase).href } : {};
}

async function startPyodide(loadPyodide, manifest, pyodideBase, createPyodideModule) {
  const options = { indexURL: pyodideBase.href, packages: [], createPyodideModule };
  if (manifest.lock_info) {
    // No package is ever loaded: the lock's own header is enough, and its 22 kB are not fetched.
    options.lockFileContents = { info: manifest.lock_info, packages: {} };
    options.packageBaseUrl = pyodideBase.href;
  }
  if (manifest.snapshot && typeof DecompressionStream === "function") {
    try {
      // Pyodide fetches and compiles its runtime while the snapshot downloads and inflates.
      const snapshot = fetchSnapshot(manifest.snapshot);
      if (manifest.snapshot.delta_bytes) pendingDelta = { snapshot, length: manifest.snapshot.delta_bytes };
      const py = await guarded(loadPyodide({ ...options, ...stdlibFor(manifest, true), _loadSnapshot: snapshot }), snapshotProblem);
      return { py, boot: "snapshot" };
    } catch (error) {
      pendingDelta = null;
      if (error instanceof RuntimeFileError || integrityFailure) throw integrityFailure || error;
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
    // Pyodide's wasm glue (pyodide.asm.mjs, 1.2 MB) is imported at once beside pyodide.mjs,
    // instead of by loadPyodide once it has started; loadPyodide is handed its factory.
    const glue = runtimeBase.then((runtime) => import(new URL("pyodide.asm.mjs", runtime).href));
    glue.catch(() => {}); // reported where loadPyodide awaits it
    const createPyodideModule = async (settings) => (await glue).default(settings);
    const [{ loadPyodide }, manifest, pyodideBase] = await Promise.all([
      pyodideModule, bundleStep(() => manifestPromise), runtimeBase,
    ]);
    mark("pyodide_module");
    const { py, boot } = await startPyodide(loadPyodide, manifest, pyodideBase, createPyodideModule);
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
    if (integrityFailure) fail("integrity", integrityFailure);
    else fail(error instanceof BundleError ? "bundle" : "runtime", error);
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
