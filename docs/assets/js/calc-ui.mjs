// Page glue for the calculators: one module worker per page, form fields in, outcome out.
// No rule, no norm and no reader-facing text lives here: the texts come from the form's
// own JSON block (rendered at build time from Python), the outcome from the calculators.
// Everything is inserted as text nodes, never as HTML.

const forms = Array.from(document.querySelectorAll("form[data-calc]"));
const isPrintPage = document.getElementById("print-site-page") !== null;
const READY_TIMEOUT_MS = 30000;
const DEBOUNCE_MS = 250;

function textsOf(form) {
  const node = form.querySelector("script.lwt-calc__text");
  return node ? JSON.parse(node.textContent) : {};
}

function setStatus(form, text, state) {
  const status = form.querySelector(".lwt-calc__status");
  if (status) status.textContent = text;
  if (state) form.dataset.state = state;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function prefixFor(form) {
  return forms.length > 1 ? `${form.dataset.calc}:` : "";
}

// The form's fields as flat strings; checkbox groups become comma-separated lists.
function collect(form) {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) continue;
    if (element.type === "checkbox") {
      if (!element.checked) continue;
      const group = form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(element.name)}"]`);
      if (group.length > 1) {
        fields[element.name] = fields[element.name] ? `${fields[element.name]},${element.value}` : element.value;
      } else {
        fields[element.name] = "ja";
      }
      continue;
    }
    fields[element.name] = element.value;
  }
  return fields;
}

function restore(form, params) {
  const prefix = prefixFor(form);
  const own = Array.from(params.keys()).filter((key) => key.startsWith(prefix) && (prefix || !key.includes(":")));
  if (own.length === 0) return false;
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = params.get(prefix + element.name);
    if (element.type === "checkbox") {
      const values = (value || "").split(",");
      element.checked = value !== null && (values.includes(element.value) || value === "ja");
    } else if (value !== null) {
      element.value = value;
    } else if (element.tagName !== "SELECT") {
      element.value = "";
    }
  }
  return true;
}

function toQuery(form, fields) {
  const params = new URLSearchParams(window.location.search);
  const prefix = prefixFor(form);
  for (const key of Array.from(params.keys())) {
    if (key.startsWith(prefix) && (prefix || !key.includes(":"))) params.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value !== "") params.set(prefix + key, value);
  }
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
}

function clearErrors(form) {
  for (const node of form.querySelectorAll("[data-error-for]")) {
    node.textContent = "";
    node.hidden = true;
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const summary = form.querySelector(".lwt-calc__summary");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
}

function controlFor(form, field) {
  const byName = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (byName) return byName;
  const container = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  return container ? container.querySelector("input, select") : null;
}

function showErrors(form, errors, texts) {
  const summary = form.querySelector(".lwt-calc__summary");
  const list = summary.querySelector("ul");
  for (const error of errors) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
    const control = controlFor(form, error.field);
    if (slot) {
      slot.textContent = error.message;
      slot.hidden = false;
    }
    if (control) control.setAttribute("aria-invalid", "true");
    const item = document.createElement("li");
    if (control && control.id) {
      const link = document.createElement("a");
      link.href = `#${control.id}`;
      link.textContent = error.message;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        control.focus();
      });
      item.append(link);
    } else {
      item.textContent = error.message;
    }
    list.append(item);
  }
  summary.hidden = errors.length === 0;
}

function renderSources(sources) {
  const list = document.createElement("span");
  list.className = "lwt-sources";
  sources.forEach((source, index) => {
    if (index > 0) list.append("; ");
    const link = document.createElement("a");
    link.href = source.url;
    link.textContent = source.article ? `${source.title}, ${source.article}` : source.title;
    link.rel = "noopener";
    list.append(link);
  });
  return list;
}

function render(form, outcome, texts, version) {
  clearErrors(form);
  const result = form.querySelector(".lwt-calc__result");
  const verdict = result.querySelector(".lwt-verdict");
  verdict.textContent = `${texts.verdict_prefix} ${texts.verdicts[outcome.status]}`;
  verdict.dataset.status = outcome.status;
  result.querySelector(".lwt-summary").textContent = outcome.summary;
  const findings = result.querySelector(".lwt-findings");
  findings.replaceChildren();
  for (const finding of outcome.findings) {
    const item = document.createElement("li");
    item.className = "lwt-finding";
    item.dataset.status = finding.status;
    const label = document.createElement("strong");
    label.className = "lwt-finding__status";
    label.textContent = texts.finding_statuses[finding.status];
    const message = document.createElement("span");
    message.className = "lwt-finding__message";
    message.textContent = ` ${finding.message}`;
    const meta = document.createElement("span");
    meta.className = "lwt-finding__meta";
    const certainty = texts.certainties[finding.certainty] || finding.certainty;
    meta.append(`${texts.finding_rule}: `);
    const code = document.createElement("code");
    code.textContent = finding.rule;
    meta.append(code, ` · ${texts.finding_certainty}: ${certainty} · ${texts.finding_sources}: `, renderSources(finding.sources));
    item.append(label, message, meta);
    findings.append(item);
  }
  const date = new Date().toLocaleDateString("nl-NL");
  result.querySelector(".lwt-meta").textContent =
    `${texts.reference_date}: ${outcome.reference_date} · ${texts.site_version}: ${version} · ${texts.printed_on}: ${date}`;
  showErrors(form, outcome.errors, texts);
  form.dataset.status = outcome.status;
  form.dataset.renders = String(Number(form.dataset.renders || 0) + 1);
}

function startWorker() {
  const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  const controllers = new Set();
  let ready = false;
  let failed = false;
  let nextId = 1;
  let version = "";

  function failAll(key) {
    if (failed) return;
    failed = true;
    for (const controller of controllers) controller.fail(key);
  }
  const timer = setTimeout(() => { if (!ready) failAll("failed_timeout"); }, READY_TIMEOUT_MS);

  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failAll(ready ? "failed_crash" : "failed_script");
  });
  worker.addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === "stage") {
      for (const controller of controllers) controller.stage(message.stage);
    } else if (message.type === "ready") {
      ready = true;
      clearTimeout(timer);
      version = message.manifest ? message.manifest.rules_version : message.version;
      if (!failed) for (const controller of controllers) controller.ready(version);
      window.__lwtCalc = { ready: true, version, manifest: message.manifest };
    } else if (message.type === "failed") {
      clearTimeout(timer);
      failAll(message.reason === "runtime" ? "failed_runtime" : "failed_bundle");
      window.__lwtCalc = { ready: false, failed: message.reason, detail: message.detail };
    } else if (message.type === "result" || message.type === "crash") {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      if (!resolve) return;
      if (message.type === "crash") failAll("failed_crash");
      else resolve(message.outcome);
    }
  });

  return {
    attach(controller) { controllers.add(controller); },
    run(name, fields) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: "run", id, name, fields, today: today() });
      });
    },
  };
}

function enhance(form, worker) {
  const texts = textsOf(form);
  const button = form.querySelector("button[type=submit]");
  const dateField = form.querySelector("input[name=peildatum]");
  let version = "";
  let latest = 0;
  let debounce = null;
  let isReady = false;

  restore(form, new URLSearchParams(window.location.search));
  if (dateField && !dateField.value) dateField.value = today();
  setStatus(form, texts.loading_runtime, "loading");
  button.disabled = true;

  async function compute({ push = false, focus = false } = {}) {
    if (!isReady) return;
    const ticket = ++latest;
    const fields = collect(form);
    form.setAttribute("aria-busy", "true");
    const outcome = await worker.run(form.dataset.calc, fields);
    if (ticket !== latest) return;
    form.removeAttribute("aria-busy");
    render(form, outcome, texts, version);
    const url = toQuery(form, fields);
    if (push) history.pushState({ lwt: true }, "", url);
    else history.replaceState({ lwt: true }, "", url);
    if (focus) {
      const target = outcome.status === "invalid"
        ? form.querySelector(".lwt-calc__summary")
        : form.querySelector(".lwt-calc__result h3");
      if (target) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    compute({ push: true, focus: true });
  });
  form.addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => compute(), DEBOUNCE_MS);
  });
  form.addEventListener("change", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => compute(), DEBOUNCE_MS);
  });
  window.addEventListener("popstate", () => {
    restore(form, new URLSearchParams(window.location.search));
    compute();
  });

  worker.attach({
    stage(stage) {
      setStatus(form, stage === "rules" ? texts.loading_rules : texts.loading_runtime, "loading");
    },
    ready(rulesVersion) {
      version = rulesVersion;
      isReady = true;
      button.disabled = false;
      setStatus(form, texts.ready, "ready");
      compute();
    },
    fail(key) {
      isReady = false;
      button.disabled = true;
      setStatus(form, texts[key], "failed");
      form.querySelector(".lwt-calc__status").setAttribute("role", "alert");
    },
  });
}

if (forms.length > 0) {
  if (isPrintPage) {
    for (const form of forms) form.dataset.state = "static";
  } else {
    const worker = startWorker();
    for (const form of forms) enhance(form, worker);
  }
}
