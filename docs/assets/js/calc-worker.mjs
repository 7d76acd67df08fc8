// Module worker: starts Pyodide, installs the calculators wheel, and runs calculations.
// Glue only: no rule and no reader-facing text lives here. Every URL is resolved relative
// to this script, so the site works at "/" and in any sub-folder.

const base = new URL("./", import.meta.url);
const pyodideBase = new URL("../pyodide/", base);
const calcBase = new URL("../calc/", base);

let py = null;
let runJson = null;

function fail(reason, error) {
  postMessage({ type: "failed", reason, detail: String(error && error.message ? error.message : error) });
}

async function start() {
  postMessage({ type: "stage", stage: "runtime" });
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href));
    py = await loadPyodide({ indexURL: pyodideBase.href, packages: [] });
  } catch (error) {
    fail("runtime", error);
    return;
  }
  postMessage({ type: "stage", stage: "rules" });
  try {
    const manifestResponse = await fetch(new URL("manifest.json", calcBase));
    if (!manifestResponse.ok) throw new Error(`manifest.json: HTTP ${manifestResponse.status}`);
    const manifest = await manifestResponse.json();
    const wheelResponse = await fetch(new URL(manifest.wheel, calcBase));
    if (!wheelResponse.ok) throw new Error(`${manifest.wheel}: HTTP ${wheelResponse.status}`);
    const wheel = await wheelResponse.arrayBuffer();
    py.unpackArchive(wheel, "whl", { extractDir: "/lwt" });
    py.runPython("import sys\nif '/lwt' not in sys.path: sys.path.insert(0, '/lwt')");
    const browser = py.pyimport("calculators.browser");
    const version = browser.ready();
    runJson = browser.run_json;
    postMessage({ type: "ready", version, manifest });
  } catch (error) {
    fail("bundle", error);
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
    postMessage({ type: "crash", id: message.id, detail: String(error && error.message ? error.message : error) });
  }
};
