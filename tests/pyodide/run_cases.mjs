// Run the test cases inside Pyodide under Node, with the same wheel the browser gets.
// Usage: node tests/pyodide/run_cases.mjs WHEEL CASES_JSON
// Prints {"python": "...", "outcomes": {case id: outcome}} as JSON on stdout.
// Loads nothing but the npm package's own files: no network.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath] = process.argv.slice(2);
if (!wheelPath || !casesPath) {
  console.error("usage: node tests/pyodide/run_cases.mjs WHEEL CASES_JSON");
  process.exit(2);
}

const py = await loadPyodide({ stdout: (s) => console.error(s), stderr: (s) => console.error(s) });
const wheel = await readFile(wheelPath);
py.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "whl", { extractDir: "/lwt" });
py.globals.set("cases_json", await readFile(casesPath, "utf8"));
const result = py.runPython(`
import json, sys
sys.path.insert(0, "/lwt")
from datetime import date
from calculators import run
from calculators.bundled import load_rules

rules = load_rules()
outcomes = {}
for case in json.loads(cases_json):
    outcomes[case["id"]] = run(case["calculator"], case["inputs"], rules, date.fromisoformat(case["date"]))
json.dumps({"python": sys.version, "outcomes": outcomes}, ensure_ascii=False)
`);
process.stdout.write(result);
