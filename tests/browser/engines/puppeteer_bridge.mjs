// A small bridge so that Python can drive Firefox ESR (WebDriver BiDi) with puppeteer-core from npm.
// One JSON request per line on stdin, one JSON answer per line on stdout:
//   {"id": 1, "op": "goto", "url": "..."}            -> {"id": 1, "ok": true, "value": null}
//   {"id": 2, "op": "evaluate", "fn": "(arg) => ...", "arg": ...}  (fn may be async)
//   {"id": 3, "op": "url"} | {"op": "newPage"} | {"op": "close"}
// Errors come back as {"id": n, "ok": false, "error": "..."}. No browser is ever downloaded:
// the caller passes the system browser's path (Debian's firefox-esr).
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const executablePath = process.argv[2] || "/usr/bin/firefox-esr";
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  protocol: "webDriverBiDi",
  extraPrefsFirefox: {
    "intl.accept_languages": "nl-NL, nl",
    "browser.shell.checkDefaultBrowser": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    "app.update.enabled": false,
  },
});
let page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
send({ id: 0, ok: true, value: { version: await browser.version() } });

const ops = {
  async goto({ url, timeout = 60000 }) { await page.goto(url, { waitUntil: "load", timeout }); return null; },
  async evaluate({ fn, arg }) {
    // The function arrives as source text; puppeteer evaluates it in the page with the argument.
    return await page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`);
  },
  async url() { return page.url(); },
  async newPage() { await page.close(); page = await browser.newPage(); await page.setViewport({ width: 1280, height: 900 }); return null; },
  async close() { await browser.close(); setTimeout(() => process.exit(0), 10); return null; },
};

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on("line", (line) => {
  queue = queue.then(async () => {
    let request;
    try {
      request = JSON.parse(line);
      const value = await ops[request.op](request);
      send({ id: request.id, ok: true, value: value === undefined ? null : value });
    } catch (error) {
      send({ id: request ? request.id : null, ok: false, error: String(error && error.stack || error) });
    }
  });
}).on("close", async () => { try { await browser.close(); } finally { process.exit(0); } });
