// Page glue for the calculators: one module worker per page, form fields in, outcome out.
// No rule, no norm and no reader-facing text lives here: the texts come from the form's
// own JSON block (rendered at build time from Python), the outcome from the calculators.
// Everything is inserted as text nodes, never as HTML.

const forms = Array.from(document.querySelectorAll("form[data-calc]"));
const isPrintPage = document.getElementById("print-site-page") !== null;
const READY_TIMEOUT_MS = 30000;
const DEBOUNCE_MS = 300;
// This script lives in assets/js/; the site's root is two folders up, at "/" or in a sub-folder.
const SITE_ROOT = new URL("../../", import.meta.url);

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

// "2026-11-28" in the page's language, e.g. "28 november 2026"; unchanged if it is no date.
function longDate(iso, locale) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  const value = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(value);
}

// The Peildatum as the form shows it, dd-mm-jjjj; a link carries the ISO date (jjjj-mm-dd).
// Formatting only: the calculators read both notations (calculators.inputs.read_date).
function shownDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  return match ? `${match[3]}-${match[2]}-${match[1]}` : value;
}

// A shared link carries the Peildatum as the calculator read it (the outcome's reference date),
// in one notation whatever way it was typed; a date it could not read stays as typed.
function linkFields(fields, outcome) {
  if (!fields.peildatum || (outcome.errors || []).some((error) => error.field === "peildatum")) return fields;
  return { ...fields, peildatum: outcome.reference_date };
}

function prefixFor(form) {
  return forms.length > 1 ? `${form.dataset.calc}:` : "";
}

function isOwnKey(key, prefix) {
  return prefix ? key.startsWith(prefix) : !key.includes(":");
}

// The form's fields as flat strings; checkbox groups become comma-separated lists.
function collect(form) {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) continue;
    if (element.type === "radio") {
      if (!(element.name in fields)) fields[element.name] = "";
      if (element.checked) fields[element.name] = element.value;
      continue;
    }
    if (element.type === "checkbox") {
      const group = form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(element.name)}"]`);
      if (group.length > 1) {
        // An empty list is sent as "" so that "nothing ticked" is kept in the URL.
        if (!(element.name in fields)) fields[element.name] = "";
        if (element.checked) fields[element.name] = fields[element.name] ? `${fields[element.name]},${element.value}` : element.value;
      } else if (element.checked) {
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
  // Only a query that names this form's fields counts (not, say, Material's search highlight "?h=").
  const names = new Set(Array.from(form.elements, (element) => element.name).filter(Boolean));
  const own = Array.from(params.keys()).filter((key) => isOwnKey(key, prefix) && names.has(key.slice(prefix.length)));
  if (own.length === 0) return false;
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = params.get(prefix + element.name);
    if (element.type === "radio") {
      element.checked = (value || "") === element.value;
    } else if (element.type === "checkbox") {
      const values = (value || "").split(",");
      element.checked = value !== null && (values.includes(element.value) || value === "ja");
    } else if (value !== null) {
      element.value = value;
    } else {
      element.value = "";
    }
    if (element.name === "peildatum") element.value = shownDate(element.value);
  }
  return true;
}

function toQuery(form, fields) {
  const params = new URLSearchParams(window.location.search);
  const prefix = prefixFor(form);
  const names = new Set(Array.from(form.elements, (element) => element.name).filter(Boolean));
  for (const key of Array.from(params.keys())) {
    if (isOwnKey(key, prefix) && names.has(key.slice(prefix.length))) params.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    const isList = form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(key)}"]`).length > 1;
    if (value !== "" || isList) params.set(prefix + key, value);
  }
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
}

function controlFor(form, field) {
  const byName = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (byName) return byName;
  const container = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  return container ? container.querySelector("input, select") : null;
}

function clearFieldErrors(form) {
  for (const node of form.querySelectorAll("[data-error-for]")) {
    node.textContent = "";
    node.hidden = true;
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll(".lwt-has-error")) node.classList.remove("lwt-has-error");
}

// Errors beside their fields; the summary at the top lists them as links to the fields.
// The summary is (re)built when `showSummary` is set (on submit and on a shared link), and
// otherwise only kept up to date while it is already open, so that the fields do not move
// while someone types.
function showErrors(form, errors, showSummary) {
  clearFieldErrors(form);
  const summary = form.querySelector(".lwt-calc__summary");
  const list = summary.querySelector("ul");
  const items = [];
  for (const error of errors) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
    const control = controlFor(form, error.field);
    const holder = slot ? slot.closest("[data-field]") : null;
    const context = holder && holder.dataset.errorContext ? `${holder.dataset.errorContext}: ` : "";
    if (slot) {
      slot.textContent = error.message;
      slot.hidden = false;
    }
    if (holder) holder.classList.add("lwt-has-error");
    if (control) control.setAttribute("aria-invalid", "true");
    const item = document.createElement("li");
    if (control && control.id) {
      const link = document.createElement("a");
      link.href = `#${control.id}`;
      link.textContent = context + error.message;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: "center" });
      });
      item.append(link);
    } else {
      item.textContent = context + error.message;
    }
    items.push(item);
  }
  if (showSummary || !summary.hidden) {
    list.replaceChildren(...items);
    summary.hidden = items.length === 0;
  }
}

// Sources are links on screen; on paper each carries a number that points into the list of
// sources (with their full URLs) under the findings, so a long URL is printed only once.
function renderSources(sources, refs) {
  const list = document.createElement("span");
  list.className = "lwt-sources";
  sources.forEach((source, index) => {
    if (index > 0) list.append("; ");
    const name = source.article ? `${source.title}, ${source.article}` : source.title;
    if (source.url) {
      const link = document.createElement("a");
      link.href = source.url;
      link.textContent = name;
      link.rel = "noopener";
      list.append(link);
      const key = `${name}|${source.url}`;
      if (!refs.has(key)) refs.set(key, { number: refs.size + 1, name, url: source.url });
      const ref = document.createElement("span");
      ref.className = "lwt-ref lwt-print-only";
      ref.textContent = ` [${refs.get(key).number}]`;
      list.append(ref);
    } else {
      list.append(name);
    }
  });
  return list;
}

function renderSourceList(container, refs, texts) {
  container.querySelector("h4").textContent = texts.sources_heading;
  const items = Array.from(refs.values(), (source) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = source.url;
    link.textContent = source.url;
    item.append(`${source.name}: `, link);
    return item;
  });
  container.querySelector("ol").replaceChildren(...items);
}

function metaItem(list, term, value) {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  if (typeof value === "string") dd.textContent = value;
  else dd.append(value);
  list.append(dt, dd);
}

function renderFinding(finding, texts, refs) {
  const item = document.createElement("li");
  item.className = "lwt-finding";
  item.dataset.status = finding.status;
  item.dataset.certainty = finding.certainty;
  const head = document.createElement("p");
  head.className = "lwt-finding__head";
  const label = document.createElement("strong");
  label.className = "lwt-finding__status";
  label.textContent = texts.finding_statuses[finding.status] || finding.status;
  const message = document.createElement("span");
  message.className = "lwt-finding__message";
  message.textContent = finding.message;
  head.append(label, " ", message);
  const meta = document.createElement("dl");
  meta.className = "lwt-finding__meta";
  const rule = document.createElement("span");
  const described = (texts.rules || {})[finding.rule];
  const code = document.createElement("code");
  code.textContent = finding.rule;
  if (described) {
    // The rule's description links to the rule on the sources page, with its history.
    const link = document.createElement("a");
    link.href = new URL(`${texts.rules_page}#${described.anchor}`, SITE_ROOT).href;
    link.textContent = described.text;
    rule.append(link, " ", code);
  } else {
    rule.append(code);
  }
  metaItem(meta, texts.finding_rule, rule);
  if (finding.sources && finding.sources.length) metaItem(meta, texts.finding_sources, renderSources(finding.sources, refs));
  metaItem(meta, texts.finding_certainty, (texts.certainties || {})[finding.certainty] || finding.certainty);
  item.append(head, meta);
  return item;
}

// Rows of a repeated group that are entirely empty are left out of the printed result sheet.
function markEmptyRows(form) {
  for (const row of form.querySelectorAll("tr[data-row]")) {
    const controls = Array.from(row.querySelectorAll("input, select"));
    const empty = controls.every((control) => (control.type === "checkbox" ? !control.checked : control.value.trim() === ""));
    row.classList.toggle("lwt-row--empty", empty);
  }
}

function render(form, outcome, texts, version, showSummary) {
  const result = form.querySelector(".lwt-calc__result");
  // The build's example outcome (see build_scripts/site/example.py) gives way to a live one.
  for (const note of result.querySelectorAll(".lwt-example-note")) note.remove();
  delete result.dataset.example;
  const verdictLabel = texts.verdicts[outcome.status] || outcome.status;
  const verdict = result.querySelector(".lwt-verdict");
  verdict.textContent = verdictLabel;
  verdict.dataset.status = outcome.status;
  result.querySelector(".lwt-summary").textContent = outcome.summary;
  const findings = result.querySelector(".lwt-findings");
  const refs = new Map();
  findings.replaceChildren(...outcome.findings.map((finding) => renderFinding(finding, texts, refs)));
  renderSourceList(result.querySelector(".lwt-sourcelist"), refs, texts);
  const meta = result.querySelector(".lwt-meta");
  meta.replaceChildren();
  metaItem(meta, texts.reference_date, longDate(outcome.reference_date, texts.locale));
  metaItem(meta, texts.rules_version, version);
  const now = new Date();
  metaItem(meta, texts.computed_on, `${longDate(today(), texts.locale)} ${now.toLocaleTimeString(texts.locale, { hour: "2-digit", minute: "2-digit" })}`);
  const share = document.createElement("span");
  share.className = "lwt-meta__link";
  share.textContent = window.location.href;
  metaItem(meta, texts.share_link, share);
  meta.lastElementChild.previousElementSibling.classList.add("lwt-print-only");
  meta.lastElementChild.classList.add("lwt-print-only");
  showErrors(form, outcome.errors || [], showSummary);
  markEmptyRows(form);
  form.dataset.status = outcome.status;
  form.dataset.renders = String(Number(form.dataset.renders || 0) + 1);
  const announce = form.querySelector(".lwt-calc__announce");
  const line = `${texts.announce} ${verdictLabel}. ${outcome.summary}`;
  if (announce && announce.textContent !== line) announce.textContent = line;
}

// The worker started by calc-early.js from the page's head, with what it said so far; or a new one.
function takeEarlyWorker() {
  const early = window.__lwtEarlyWorker;
  if (!early || !early.worker) return null;
  delete window.__lwtEarlyWorker;
  early.worker.removeEventListener("message", early.onMessage);
  early.worker.removeEventListener("error", early.onError);
  return early;
}

// Where the form left a field empty, the calculator says what it used (values.invoer_aangevuld,
// e.g. the day of a row without one); the printed result sheet shows that instead of "–".
function showFilledIn(form, outcome) {
  for (const node of form.querySelectorAll(".lwt-filled")) node.remove();
  for (const node of form.querySelectorAll(".lwt-has-filled")) node.classList.remove("lwt-has-filled");
  const filled = (outcome.values || {}).invoer_aangevuld || {};
  for (const [name, value] of Object.entries(filled)) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!control || control.value !== "") continue;
    const option = control.tagName === "SELECT" ? Array.from(control.options).find((item) => item.value === String(value)) : null;
    const note = document.createElement("span");
    note.className = "lwt-filled lwt-print-only";
    note.textContent = option ? option.textContent : String(value);
    control.after(note);
    const holder = control.closest("[data-field]");
    if (holder) holder.classList.add("lwt-has-filled");
  }
}

// --- The verdict bar: on a long form the current verdict stays in view while the reader types. ---
// It sticks below the site's header while the form scrolls by (the on-screen keyboard is at the
// bottom, so the top stays clear of it), and lets go while the full outcome's verdict is in view.
// It is no live region: the outcome's own status line already announces every change once.
function makeBar(form, texts) {
  const heading = form.querySelector(".lwt-calc__result h3");
  const inputs = form.querySelector(".lwt-calc__inputs");
  if (!heading || !inputs) return;
  const bar = document.createElement("div");
  bar.className = "lwt-calc__bar";
  bar.dataset.status = "";
  const text = document.createElement("p");
  text.className = "lwt-bar__text";
  const label = document.createElement("span");
  label.className = "lwt-bar__label";
  label.textContent = texts.bar_label;
  const verdict = document.createElement("strong");
  verdict.className = "lwt-bar__verdict";
  verdict.textContent = texts.bar_pending;
  const counts = document.createElement("span");
  counts.className = "lwt-bar__counts";
  text.append(label, " ", verdict, counts);
  const link = document.createElement("a");
  link.className = "lwt-bar__link";
  link.href = `#${heading.id}`;
  link.textContent = texts.bar_link;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  });
  bar.append(text, link);
  inputs.before(bar);
  // The build's example outcome is in the page (build_scripts/site/example.py): the bar says its
  // verdict, marked as the example's, until a live outcome replaces it.
  const example = form.querySelector(".lwt-calc__result[data-example] .lwt-verdict");
  if (example) {
    label.textContent = texts.bar_example;
    bar.dataset.status = example.dataset.status || "";
    verdict.textContent = example.textContent;
    counts.textContent = barCounts(texts, (status) => status === "invalid"
      ? 0 : form.querySelectorAll(`.lwt-calc__result .lwt-finding[data-status="${status}"]`).length);
  }
  // Lets go of the top while the full verdict is on screen: no need to show it twice.
  const full = form.querySelector(".lwt-verdict");
  if (full && "IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      for (const entry of entries) bar.classList.toggle("lwt-calc__bar--resting", entry.isIntersecting);
    }).observe(full);
  }
  // A field that receives focus is never left under the bar (WCAG 2.4.11).
  form.addEventListener("focusin", (event) => {
    const target = event.target;
    if (!target || target === link || !inputs.contains(target)) return;
    const barBox = bar.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    const stuck = getComputedStyle(bar).position === "sticky" && barBox.top <= parseFloat(getComputedStyle(bar).top) + 1;
    if (stuck && box.top < barBox.bottom + 8) window.scrollBy(0, box.top - barBox.bottom - 8);
  });
}

function updateBar(form, outcome, texts) {
  const bar = form.querySelector(".lwt-calc__bar");
  if (!bar) return;
  bar.dataset.status = outcome.status;
  bar.querySelector(".lwt-bar__label").textContent = texts.bar_label;
  bar.querySelector(".lwt-bar__verdict").textContent = texts.verdicts[outcome.status] || outcome.status;
  bar.querySelector(".lwt-bar__counts").textContent = barCounts(texts, (status) => status === "invalid"
    ? (outcome.errors || []).length
    : outcome.findings.filter((finding) => finding.status === status).length);
}

// " · 2 punten niet in orde, 1 punt om op te letten", from a count per status.
function barCounts(texts, count) {
  const parts = [];
  for (const status of ["invalid", "fail", "warning"]) {
    const n = count(status);
    const [one, many] = texts.bar_counts[status];
    if (n > 0) parts.push(n === 1 ? one : many.replace("{n}", String(n)));
  }
  return parts.length ? ` · ${parts.join(", ")}` : "";
}

function startWorker() {
  const early = takeEarlyWorker();
  const worker = early ? early.worker : new Worker(new URL("./calc-worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  const controllers = new Set();
  let ready = false;
  let failed = false;
  let nextId = 1;

  function failAll(key) {
    if (failed) return;
    failed = true;
    for (const controller of controllers) controller.fail(key);
  }
  // No answer from the worker for this long (no next loading stage, no "ready") counts as a failure.
  let timer = setTimeout(() => { if (!ready) failAll("failed_timeout"); }, READY_TIMEOUT_MS);

  function onError(event) {
    event.preventDefault();
    clearTimeout(timer);
    failAll(ready ? "failed_crash" : "failed_script");
  }
  worker.addEventListener("error", onError);
  worker.addEventListener("message", onMessage);
  function onMessage(event) {
    const message = event.data;
    if (message.type === "stage") {
      clearTimeout(timer);
      timer = setTimeout(() => { if (!ready) failAll("failed_timeout"); }, READY_TIMEOUT_MS);
      for (const controller of controllers) controller.stage(message.stage);
    } else if (message.type === "ready") {
      ready = true;
      clearTimeout(timer);
      const version = message.manifest ? message.manifest.rules_version : message.version;
      if (!failed) for (const controller of controllers) controller.ready(version);
      // Which start-up path the worker took ("snapshot" or "fresh"), for the tests per engine.
      const boot = message.timings ? message.timings.boot : undefined;
      if (boot) document.documentElement.dataset.lwtBoot = boot;
      const snapshotError = message.timings && message.timings.marks ? message.timings.marks.snapshot_error : undefined;
      window.__lwtCalc = { ready: true, version, manifest: message.manifest, boot, snapshotError };
    } else if (message.type === "failed") {
      clearTimeout(timer);
      failAll({ runtime: "failed_runtime", integrity: "failed_integrity" }[message.reason] || "failed_bundle");
      window.__lwtCalc = { ready: false, failed: message.reason, detail: message.detail };
    } else if (message.type === "result" || message.type === "crash") {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      if (!resolve) return;
      if (message.type === "crash") failAll("failed_crash");
      else resolve(message.outcome);
    }
  }
  // What the early worker said before this script ran, in order, once the forms have attached.
  const replay = early ? () => {
    for (const event of early.messages) onMessage(event);
    for (const event of early.errors) onError(event);
  } : () => {};

  return {
    replay,
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

// The browser history holds one entry per checked state: a submitted form is an entry of its
// own, and the live updates after it go into one "draft" entry, so Back returns to the last
// submitted inputs.
function remember(url, submitted) {
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  const draft = history.state !== null && typeof history.state === "object" && history.state.lwt === "draft";
  if (submitted) {
    if (draft || url === here) history.replaceState({ lwt: "submitted" }, "", url);
    else history.pushState({ lwt: "submitted" }, "", url);
  } else if (draft) {
    history.replaceState({ lwt: "draft" }, "", url);
  } else if (url !== here) {
    history.pushState({ lwt: "draft" }, "", url);
  }
}

function enhance(form, worker) {
  const texts = textsOf(form);
  const button = form.querySelector("button[type=submit]");
  const printButton = form.querySelector(".lwt-calc__print");
  const dateField = form.querySelector("input[name=peildatum]");
  let version = "";
  let latest = 0;
  let debounce = null;
  let isReady = false;

  makeBar(form, texts);
  const restored = restore(form, new URLSearchParams(window.location.search));
  if (dateField && !dateField.value) dateField.value = shownDate(today());
  setStatus(form, texts.loading_runtime, "loading");
  button.disabled = true;

  async function compute({ push = false, focus = false, showSummary = false, keepUrl = false } = {}) {
    if (!isReady) return;
    const ticket = ++latest;
    const fields = collect(form);
    form.setAttribute("aria-busy", "true");
    const outcome = await worker.run(form.dataset.calc, fields);
    if (ticket !== latest || outcome === undefined) return;
    form.removeAttribute("aria-busy");
    if (!keepUrl) remember(toQuery(form, linkFields(fields, outcome)), push);
    render(form, outcome, texts, version, showSummary);
    showFilledIn(form, outcome);
    updateBar(form, outcome, texts);
    if (printButton) printButton.hidden = false;
    if (focus) {
      const target = outcome.status === "invalid"
        ? form.querySelector(".lwt-calc__summary")
        : form.querySelector(".lwt-calc__result h3");
      if (target && !target.hidden) {
        target.focus();
        target.scrollIntoView({ block: "start" });
      }
    }
  }

  // The build put the example's outcome in the page; it stays until the inputs differ from
  // the example's (a change, or a shared link), and is then replaced by a live outcome.
  const hasExample = form.querySelector(".lwt-calc__result[data-example]") !== null;
  let changed = false;

  function later() {
    changed = true;
    clearTimeout(debounce);
    debounce = setTimeout(() => compute(), DEBOUNCE_MS);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    compute({ push: true, focus: true, showSummary: true });
  });
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  // Printing the example: the result sheet is made from a live outcome, so the example's inputs
  // are calculated first (the build's outcome has no numbered source list).
  if (printButton) printButton.addEventListener("click", async () => {
    if (form.querySelector(".lwt-calc__result[data-example]") && isReady) {
      clearTimeout(debounce);
      await compute({ keepUrl: true });
    }
    window.print();
  });
  window.addEventListener("popstate", () => {
    if (!restore(form, new URLSearchParams(window.location.search))) form.reset();
    if (dateField && !dateField.value) dateField.value = shownDate(today());
    clearTimeout(debounce);
    compute({ showSummary: true, keepUrl: true });
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
      if (restored || changed || !hasExample) compute({ showSummary: restored, keepUrl: true });
      else if (printButton) printButton.hidden = false;
    },
    fail(key) {
      isReady = false;
      button.disabled = true;
      const status = form.querySelector(".lwt-calc__status");
      status.setAttribute("role", "alert");
      setStatus(form, texts[key], "failed");
    },
  });
}

if (forms.length > 0) {
  if (isPrintPage) {
    for (const form of forms) form.dataset.state = "static";
  } else {
    const worker = startWorker();
    window.__lwtWorker = worker; // shared with plan-ui.mjs (save and open a plan), so a page runs one worker
    for (const form of forms) enhance(form, worker);
    worker.replay();
  }
}
