// Self-check glue for the page "Controle installatie" (docs/controle.md, macro {{ controle }}).
//
// A classic script with a .js name on purpose: every web server knows .js, so this check still
// runs when the server sends .mjs with the wrong type, and can then say so. Started as a module
// worker (this same file), it answers one message: that shows module workers can start here.
//
// Glue only: the files to check, the types they must have, every Dutch text and every fix come
// from the page's JSON block (rendered by build_scripts/offline/hosting.py). Results are text nodes.
// Every URL is resolved relative to this script, so the site may live in a sub-folder.
(function () {
  "use strict";

  if (typeof document === "undefined") {
    self.postMessage({ type: "selfcheck-worker" });
    return;
  }

  const script = document.currentScript;
  const box = document.getElementById("lwt-selfcheck");
  if (!script || !box || document.getElementById("print-site-page")) return;

  const config = JSON.parse(box.querySelector(".lwt-selfcheck__config").textContent);
  const texts = config.texts;
  const root = new URL("../../", script.src);
  const summary = box.querySelector(".lwt-selfcheck__summary");
  const results = box.querySelector(".lwt-selfcheck__results");
  let failures = 0;
  const shownFixes = new Set();

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  function essence(contentType) {
    return (contentType || "").split(";")[0].trim().toLowerCase();
  }

  function report(check, status, message, fixKey) {
    const item = document.createElement("li");
    item.className = "lwt-selfcheck__item";
    item.dataset.check = check;
    item.dataset.status = status;
    const label = document.createElement("strong");
    label.textContent = `${texts.status[status]}: `;
    item.append(label, message);
    const fixes = fixKey ? config.fixes[fixKey] : null;
    if (fixes && shownFixes.has(fixKey)) {
      const again = document.createElement("p");
      again.textContent = texts.fix_above;
      item.append(again);
    } else if (fixes) {
      shownFixes.add(fixKey);
      const intro = document.createElement("p");
      intro.className = "lwt-selfcheck__fix-intro";
      intro.textContent = texts.fix_intro;
      const list = document.createElement("ul");
      list.className = "lwt-selfcheck__fixes";
      for (const step of fixes) {
        const entry = document.createElement("li");
        const server = document.createElement("strong");
        server.textContent = `${config.servers[step.server] || step.server}: `;
        entry.append(server, step.text);
        if (step.code) {
          const pre = document.createElement("pre");
          const code = document.createElement("code");
          code.textContent = step.code;
          pre.append(code);
          entry.append(pre);
        }
        list.append(entry);
      }
      item.append(intro, list);
    }
    if (status === "fail") failures += 1;
    results.append(item);
  }

  // Headers only (HEAD), except where the body is needed; a server that refuses HEAD gets a GET.
  async function request(url, withBody) {
    if (!withBody) {
      const head = await fetch(url, { method: "HEAD", cache: "no-store" });
      if (head.status !== 405 && head.status !== 501) return head;
    }
    return fetch(url, { cache: "no-store" });
  }

  async function checkFile(path, kind, what) {
    const url = new URL(path, root);
    const values = { file: path, what };
    let response;
    try {
      response = await request(url, kind === "manifest");
    } catch (error) {
      report(`file:${path}`, "fail", fill(texts.unreachable, { ...values, detail: String(error && error.message || error) }), "missing");
      return null;
    }
    const type = essence(response.headers.get("content-type"));
    values.type = type || texts.no_type;
    values.status = response.status;
    values.expected = config.expected_labels[kind];
    if (!response.ok) {
      report(`file:${path}`, "fail", fill(texts.missing, values), "missing");
      return null;
    }
    if (type === "text/html") {
      report(`file:${path}`, "fail", fill(texts.html_instead, values), "html");
      return null;
    }
    if (kind === "javascript" && !config.javascript_types.includes(type)) {
      report(`file:${path}`, "fail", fill(texts.wrong_type, values), "javascript");
      return null;
    }
    if (kind === "wasm" && !config.wasm_types.includes(type)) {
      report(`file:${path}`, "fail", fill(texts.wrong_type, values), "wasm");
      return null;
    }
    // A snapshot sent with a Content-Encoding is fine: the worker takes it inflated or not.
    report(`file:${path}`, "ok", fill(texts.file_ok, values));
    return response;
  }

  function startWorker(url, onMessage, timeoutSeconds) {
    return new Promise((resolve) => {
      let worker;
      const finish = (outcome) => {
        clearTimeout(timer);
        if (worker) worker.terminate();
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ timeout: true }), timeoutSeconds * 1000);
      try {
        worker = new Worker(url, { type: "module" });
      } catch (error) {
        finish({ error: String(error && error.message || error) });
        return;
      }
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        finish({ error: event.message || "" });
      });
      worker.addEventListener("message", (event) => {
        const outcome = onMessage(event.data || {});
        if (outcome) finish(outcome);
      });
    });
  }

  async function run() {
    box.dataset.state = "running";
    summary.textContent = texts.running;
    results.replaceChildren();
    shownFixes.clear();
    failures = 0;
    let csp = null;

    for (const file of config.files) {
      const response = await checkFile(file.path, file.kind, file.what);
      if (!response) continue;
      if (csp === null) csp = response.headers.get("content-security-policy") || "";
      if (file.kind === "manifest") {
        let manifest = null;
        try {
          manifest = await response.json();
        } catch (error) {
          manifest = null;
        }
        if (!manifest || typeof manifest.wheel !== "string") {
          report("manifest", "fail", texts.manifest_bad, "missing");
        } else {
          await checkFile(config.calc_base + manifest.wheel, "wheel", texts.wheel_what);
          if (manifest.snapshot && typeof manifest.snapshot.file === "string") {
            await checkFile(config.calc_base + manifest.snapshot.file, "snapshot", texts.snapshot_what);
          }
        }
      }
    }
    if (csp) report("csp", "info", fill(texts.csp_present, { csp }));
    else if (csp === "") report("csp", "info", texts.csp_absent);

    const probe = await startWorker(script.src, (message) => (message.type === "selfcheck-worker" ? { ok: true } : null), 20);
    if (probe.ok) report("worker", "ok", texts.worker_ok);
    else {
      const detail = probe.timeout ? fill(texts.worker_timeout, { seconds: 20 }) : (probe.error || texts.worker_error);
      report("worker", "fail", fill(texts.worker_fail, { detail }), "worker");
    }

    const seconds = config.ready_timeout_seconds;
    const calc = await startWorker(new URL(config.worker, root), (message) => {
      if (message.type === "ready") return { ready: true, manifest: message.manifest || {}, version: message.version };
      if (message.type === "failed") return { error: message.detail || message.reason, integrity: message.reason === "integrity" };
      return null;
    }, seconds);
    if (calc.ready) {
      report("calc", "ok", fill(texts.calc_ok, {
        pyodide: calc.manifest.pyodide || "?", rules: calc.manifest.rules_version || calc.version || "?",
      }));
    } else if (calc.integrity) {
      report("calc", "fail", fill(texts.calc_integrity, { detail: calc.error }), "integrity");
    } else {
      const detail = calc.timeout ? fill(texts.calc_timeout, { seconds }) : (calc.error || texts.calc_script);
      report("calc", "fail", fill(texts.calc_fail, { detail }), "calc");
    }

    const when = new Date().toLocaleString("nl-NL");
    const meta = document.createElement("p");
    meta.className = "lwt-selfcheck__meta";
    meta.textContent = fill(texts.checked_at, { when, base: root.href });
    summary.textContent = failures === 0 ? texts.all_ok : failures === 1 ? texts.one_problem : fill(texts.problems, { count: failures });
    results.after(meta);
    box.dataset.failures = String(failures);
    box.dataset.state = "done";
  }

  run();
})();
