// Two build steps under Node, from the npm package's own files (no network):
//
//   node build_scripts/bundle/snapshot.mjs modules PYODIDE_DIR WHEEL CALLS
//     Start Pyodide with its full standard library, import the calculators and run each call
//     of CALLS (a JSON file: [[name, fields_json, date], ...]); print the standard-library
//     files that were imported, as a JSON list of paths inside python_stdlib.zip. The build
//     packs those into a trimmed python_stdlib.zip: a fresh start downloads a third of it.
//
//   node build_scripts/bundle/snapshot.mjs snapshot PYODIDE_DIR WHEEL STDLIB OUT
//     Start Pyodide on that trimmed STDLIB, import the calculators and load the rules, and save
//     a memory snapshot to OUT. The browser's worker restores it instead of starting CPython and
//     importing, which is most of the wait. Every module of STDLIB is imported before the
//     snapshot is taken, so that a restored worker never reads the standard library again: it is
//     given an empty one and downloads nothing of it. A snapshot only fits the exact Pyodide
//     build that made it (Pyodide checks a build id).
//     Prints {rules_version, bytes, delta_bytes, packed_bytes} as JSON: the snapshot's size, the
//     delta's and the packed file's (below).
//
// The delta: the first 3.9 MB of the memory are the wasm file's own data segments, which the
// browser has already downloaded with pyodide.asm.wasm, and all but about 70 kB of them are
// unchanged when the snapshot is taken. So the snapshot stores its first `delta_bytes` bytes of
// memory XOR the memory as WebAssembly instantiated it (before any code ran): unchanged bytes
// become zeros, which compress away (1.1 MB less of brotli). The worker XORs them back the same
// way, once Pyodide has instantiated its wasm and before it restores the snapshot.
//
// Packed: two thirds of the 31 MB snapshot are zeros. Compressed they cost nothing, but the
// browser still inflates, streams, hashes and copies them. So only the 512-byte blocks that are not
// all zeros are stored; the worker lays them out in a zeroed buffer of the snapshot's size.
// Layout, little-endian 32-bit words: "LWTP", the snapshot's size, the number of runs, then each
// run's offset and length, then the runs' bytes one after another.
//
// Making the snapshot smaller (measured on 2026-12-03, Pyodide 314.0.7, brotli q11): Python
// runs with -OO (no docstrings kept in memory: -0.2 MB; the calculators use neither assert nor
// __doc__), and before the snapshot the free memory of the C heap and the unused part of the
// wasm stack are overwritten with zeros, which compress away (-0.5 MB). The memory is not
// grown for that: malloc gets a footprint limit while the free chunks are filled.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const PACK_MAGIC = 0x5054574c; // "LWTP", the packed snapshot's first word
const PACK_BLOCK = 512;

const [command, pyodideDir, wheelPath, ...rest] = process.argv.slice(2);
if (!["modules", "snapshot"].includes(command) || !pyodideDir || !wheelPath || rest.length < 1) {
  console.error("usage: snapshot.mjs modules PYODIDE_DIR WHEEL CALLS | snapshot PYODIDE_DIR WHEEL STDLIB OUT");
  process.exit(2);
}

// The memory as WebAssembly instantiated it, seen before any of Pyodide's code runs (the first
// reaction to the instantiation), as the worker sees it.
let instantiated = null;
for (const name of ["instantiateStreaming", "instantiate"]) {
  const native = WebAssembly[name];
  WebAssembly[name] = function observed(...args) {
    return native.apply(this, args).then((result) => {
      const memory = exportedMemory(result.instance || result);
      if (memory && !instantiated) instantiated = new Uint8Array(memory.buffer).slice();
      return result;
    });
  };
}

function exportedMemory(instance) {
  return Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
}

const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);

async function start(options) {
  const py = await loadPyodide({
    indexURL: pyodideDir + path.sep,
    // Without this, Node's path to this script would be saved as sys.executable and $_.
    _sysExecutable: "./this.program",
    stdout: (text) => console.error(text),
    stderr: (text) => console.error(text),
    ...options,
  });
  const wheel = await readFile(wheelPath);
  py.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "whl", { extractDir: "/lwt" });
  return py;
}

// The same steps as the worker's fresh start, plus every module of the package, so that no
// import is left for later.
const IMPORT_ALL = `
import importlib, pkgutil, sys
if "/lwt" not in sys.path:
    sys.path.insert(0, "/lwt")
import calculators.browser
for module in pkgutil.iter_modules(calculators.__path__, "calculators."):
    if module.name != "calculators.__main__":
        importlib.import_module(module.name)
calculators.browser.ready()
`;

if (command === "modules") {
  const calls = JSON.parse(await readFile(rest[0], "utf8"));
  const py = await start({ env: { PYTHONHASHSEED: "0" } });
  py.globals.set("calls_json", JSON.stringify(calls));
  const files = py.runPython(`${IMPORT_ALL}
import json, traceback, linecache, tokenize
for name, fields, on in json.loads(calls_json):
    calculators.browser.run_json(name, fields, on)
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
json.dumps(sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(prefix)}))
`);
  process.stdout.write(files);
} else {
  const [stdlib, outPath] = rest;
  const py = await start({
    _makeSnapshot: true,
    stdLibURL: stdlib,
    // Every browser that restores the snapshot shares its hash seed (and the state of `random`):
    // fix the seed at a known value rather than bake in a random one. The calculators depend on
    // neither. The snapshot is still not the same bytes on every run (clock, urandom), so the
    // build caches it by the hash of its inputs instead.
    env: { PYTHONHASHSEED: "0", PYTHONOPTIMIZE: "2" },
  });
  // Nothing here may keep a JavaScript object alive: a snapshot can only hold Python state.
  const version = py.runPython(`${IMPORT_ALL}
import gc, zipfile
prefix = "/lib/python%d%d.zip" % sys.version_info[:2]
for name in zipfile.ZipFile(prefix).namelist():
    if name.endswith(".py"):
        module = name[:-3].replace("/", ".").removesuffix(".__init__")
        if module not in sys.modules:
            importlib.import_module(module)
del name, module
gc.collect()
calculators.browser.ready()
`);
  zeroFreeMemory(py._module);
  const snapshot = py.makeMemorySnapshot();
  const deltaBytes = storeAsDelta(snapshot, instantiated);
  const packed = pack(snapshot);
  await writeFile(outPath, packed);
  process.stdout.write(JSON.stringify({ rules_version: version, bytes: snapshot.length, delta_bytes: deltaBytes,
                                        packed_bytes: packed.length }));
}

// Overwrite the C heap's free chunks and the wasm stack below its pointer with zeros. Only
// memory that nothing uses is touched: the free chunks are taken with malloc and given back.
function zeroFreeMemory(M) {
  M._malloc_trim(0);
  M._malloc_set_footprint_limit(M._malloc_footprint());
  const taken = [];
  for (let size = 1 << 24; size >= 16;) {
    const pointer = M._malloc(size);
    if (!pointer) { size >>>= 1; continue; }
    M.HEAPU8.fill(0, pointer, pointer + size);
    taken.push(pointer);
  }
  for (const pointer of taken) M._free(pointer);
  M._malloc_set_footprint_limit(-1);
  const low = M._emscripten_stack_get_end();
  const current = M._emscripten_stack_get_current();
  M.HEAPU8.fill(0, low, current - 256);
}

// XOR the snapshot's memory (after its header, whose length is its second 32-bit word) with the
// memory as instantiated, up to the end of the instantiated memory's last non-zero 64 KiB page.
// Returns that length.
function storeAsDelta(snapshot, initial) {
  if (!initial) throw new Error("the wasm instantiation was not seen");
  const page = 1 << 16;
  let end = initial.length;
  while (end > 0 && !initial.subarray(end - page, end).some((byte) => byte !== 0)) end -= page;
  const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2)[1];
  const memory = snapshot.subarray(header, header + end);
  for (let i = 0; i < end; i++) memory[i] ^= initial[i];
  return end;
}

function pack(snapshot) {
  const runs = [];
  for (let at = 0; at < snapshot.length; at += PACK_BLOCK) {
    const end = Math.min(at + PACK_BLOCK, snapshot.length);
    if (snapshot.subarray(at, end).every((byte) => byte === 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === at) last[1] = end - last[0];
    else runs.push([at, end - at]);
  }
  const head = 3 + 2 * runs.length;
  const out = new Uint8Array(4 * head + runs.reduce((sum, [, length]) => sum + length, 0));
  const words = new Uint32Array(out.buffer, 0, head);
  words.set([PACK_MAGIC, snapshot.length, runs.length]);
  let offset = 4 * head;
  runs.forEach(([at, length], index) => {
    words.set([at, length], 3 + 2 * index);
    out.set(snapshot.subarray(at, at + length), offset);
    offset += length;
  });
  return out;
}
