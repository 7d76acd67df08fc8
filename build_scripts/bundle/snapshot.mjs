// Make a Pyodide memory snapshot with the calculators imported and the rules loaded.
// Usage: node build_scripts/bundle/snapshot.mjs PYODIDE_DIR WHEEL OUT
//
// Run by build_scripts/bundle/wheel.py at build time, under Node, from the npm package's own files
// (no network). The browser's worker restores the snapshot instead of starting CPython and
// importing the calculators itself, which is most of the wait before a calculator is ready.
// A snapshot only fits the exact Pyodide build that made it (Pyodide checks a build id).
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheelPath, outPath] = process.argv.slice(2);
if (!pyodideDir || !wheelPath || !outPath) {
  console.error("usage: node build_scripts/bundle/snapshot.mjs PYODIDE_DIR WHEEL OUT");
  process.exit(2);
}

const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  _makeSnapshot: true,
  // Every browser that restores the snapshot shares its hash seed (and the state of `random`):
  // fix the seed at a known value rather than bake in a random one. The calculators depend on
  // neither. The snapshot is still not the same bytes on every run (clock, urandom), so the
  // build caches it by the hash of its inputs instead.
  env: { PYTHONHASHSEED: "0" },
  // Without this, Node's path to this script would be saved as sys.executable and $_.
  _sysExecutable: "./this.program",
  stdout: (text) => console.error(text),
  stderr: (text) => console.error(text),
});
const wheel = await readFile(wheelPath);
py.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "whl", { extractDir: "/lwt" });
// The same steps as the worker's fresh start, plus every module of the package, so that no
// import is left for later: the browser restores this state without unpacking the wheel.
// Nothing here may keep a JavaScript object alive: a snapshot can only hold Python state.
const version = py.runPython(`
import importlib, pkgutil, sys
if "/lwt" not in sys.path:
    sys.path.insert(0, "/lwt")
import calculators.browser
for module in pkgutil.iter_modules(calculators.__path__, "calculators."):
    if module.name != "calculators.__main__":
        importlib.import_module(module.name)
calculators.browser.ready()
`);
const snapshot = py.makeMemorySnapshot();
await writeFile(outPath, snapshot);
process.stdout.write(JSON.stringify({ rules_version: version, bytes: snapshot.length }));
