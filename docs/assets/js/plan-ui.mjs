// Page glue for the plan of one pupil and for a whole class. Glue only: every check, every file
// validation and every reader-facing message comes from Python (calculators.browser.run_json,
// through the same worker protocol as calc-ui.mjs); the fixed texts come from the page's HTML.
// Everything is inserted as text nodes. Nothing is stored in the browser and nothing is sent
// anywhere: a class file is read here and handed to the worker as bytes.

const isPrintPage = document.getElementById("print-site-page") !== null;

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A worker of our own (the class page has no calculator form, so calc-ui starts none there).
function startWorker(onReady, onFail) {
  const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  worker.addEventListener("error", (event) => { event.preventDefault(); onFail(); });
  worker.addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === "ready") onReady();
    else if (message.type === "failed") onFail();
    else if (message.type === "result" || message.type === "crash") {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (!entry) return;
      if (message.type === "crash") entry.reject(new Error(message.detail));
      else entry.resolve(message.outcome);
    }
  });
  return {
    run(name, fields) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "run", id, name, fields, today: today() });
      });
    },
  };
}

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function bytesToBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// ---- One pupil's plan: save, open, and whether the plan fits in a link. ----

function collect(form) {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled || element.name === "peildatum") continue;
    if (element.type === "checkbox") {
      const group = form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(element.name)}"]`);
      if (group.length > 1) {
        if (!(element.name in fields)) fields[element.name] = "";
        if (element.checked) fields[element.name] = fields[element.name] ? `${fields[element.name]},${element.value}` : element.value;
      } else if (element.checked) {
        fields[element.name] = "ja";
      }
      continue;
    }
    if (element.type === "radio") {
      if (element.checked) fields[element.name] = element.value;
      continue;
    }
    if (element.value !== "") fields[element.name] = element.value;
  }
  return fields;
}

function fill(form, values) {
  for (const element of form.elements) {
    if (!element.name || element.name === "peildatum") continue;
    const value = Object.prototype.hasOwnProperty.call(values, element.name) ? values[element.name] : "";
    if (element.type === "checkbox") {
      element.checked = value === "ja" || value.split(",").includes(element.value);
    } else if (element.type === "radio") {
      element.checked = value === element.value;
    } else {
      element.value = value;
    }
  }
}

function enhancePlan(box) {
  const form = document.querySelector('form[data-calc="plan"]');
  const worker = window.__lwtWorker;
  if (!form || !worker) return;
  const message = box.querySelector(".lwt-plan__message");
  const done = box.querySelector(".lwt-plan__done");
  const link = box.querySelector(".lwt-plan__link");
  const fileInput = box.querySelector("input[type=file]");
  box.hidden = false;

  function showProblem(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  box.querySelector("[data-action=save]").addEventListener("click", async () => {
    showProblem("");
    const fields = collect(form);
    const answer = await worker.run("plan-bewaren", { velden: fields });
    const name = (fields.leerling || "leerling").replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 40);
    download(answer.tekst, `plan-${name}.json`, "application/json");
    done.textContent = box.dataset.textSaved;
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    showProblem("");
    done.textContent = "";
    const text = await file.text();
    fileInput.value = "";
    const answer = await worker.run("plan-openen", { tekst: text });
    if (!answer.ok) {
      showProblem(answer.bericht);
      return;
    }
    fill(form, answer.velden);
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    done.textContent = box.dataset.textOpened;
  });

  // After every result: does the link in the address bar carry the whole plan?
  const limit = Number(link.dataset.limit);
  const update = () => {
    link.textContent = window.location.href.length > limit ? link.dataset.tooLong : link.dataset.fits;
    link.dataset.state = window.location.href.length > limit ? "too-long" : "fits";
  };
  new MutationObserver(update).observe(form, { attributes: true, attributeFilter: ["data-renders"] });
}

// ---- A whole class: read the file, show the table, open a pupil's report. ----

function verdictCell(pupil) {
  const cell = document.createElement("td");
  const verdict = document.createElement("span");
  verdict.className = "lwt-verdict";
  verdict.dataset.status = pupil.status;
  verdict.textContent = pupil.oordeel;
  cell.append(verdict);
  return cell;
}

function renderReport(section, outcome, pupil) {
  const heading = section.querySelector("h2");
  if (!section.dataset.title) section.dataset.title = heading.textContent;
  heading.textContent = `${section.dataset.title}: ${pupil.leerling}`;
  const verdict = section.querySelector(".lwt-verdict");
  verdict.textContent = pupil.oordeel;
  verdict.dataset.status = outcome.status;
  section.querySelector(".lwt-summary").textContent = outcome.summary;
  const texts = section.dataset;
  const items = outcome.findings.map((finding) => {
    const item = document.createElement("li");
    item.className = "lwt-finding";
    item.dataset.status = finding.status;
    const head = document.createElement("p");
    head.className = "lwt-finding__head";
    head.textContent = finding.message;
    const meta = document.createElement("dl");
    meta.className = "lwt-finding__meta";
    const add = (term, value) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.append(value);
      meta.append(dt, dd);
    };
    const code = document.createElement("code");
    code.textContent = finding.rule;
    add(texts.textRule, code);
    const sources = document.createElement("span");
    finding.sources.forEach((source, index) => {
      if (index > 0) sources.append("; ");
      const name = source.article ? `${source.title}, ${source.article}` : source.title;
      if (source.url) {
        const anchor = document.createElement("a");
        anchor.href = source.url;
        anchor.rel = "noopener";
        anchor.textContent = name;
        sources.append(anchor);
      } else {
        sources.append(name);
      }
    });
    add(texts.textSources, sources);
    add(texts.textCertainty, finding.certainty);
    item.append(head, meta);
    return item;
  });
  section.querySelector(".lwt-findings").replaceChildren(...items);
}

function enhanceClass(root) {
  const input = root.querySelector("#lwt-klas-bestand");
  const status = root.querySelector(".lwt-klas__status");
  const result = root.querySelector(".lwt-klas__result");
  const report = root.querySelector(".lwt-klas__report");
  const tbody = result.querySelector("tbody");
  let outcome = null;
  let sortKey = "rij";
  let ascending = true;

  const setStatus = (text, state) => {
    status.textContent = text;
    root.dataset.state = state;
  };
  setStatus(root.dataset.textLoading, "loading");
  const worker = startWorker(() => {
    input.disabled = false;
    setStatus(root.dataset.textReady, "ready");
  }, () => setStatus(root.dataset.textFailed, "failed"));

  function renderTable() {
    const pupils = outcome.values.leerlingen.slice();
    pupils.sort((a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "nl", { numeric: true });
      return (ascending ? order : -order) || a.rij - b.rij;
    });
    const rows = pupils.map((pupil) => {
      const row = document.createElement("tr");
      row.dataset.status = pupil.status;
      const number = document.createElement("td");
      number.textContent = String(pupil.rij);
      const name = document.createElement("td");
      if (pupil.invoer) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "lwt-klas__open";
        button.textContent = pupil.leerling || String(pupil.rij);
        button.addEventListener("click", () => openReport(pupil));
        name.append(button);
      } else {
        name.textContent = pupil.leerling;
      }
      const summary = document.createElement("td");
      summary.textContent = pupil.samenvatting;
      if (pupil.fouten.length) {
        const list = document.createElement("ul");
        for (const error of pupil.fouten) {
          const item = document.createElement("li");
          item.textContent = error.bericht;
          list.append(item);
        }
        summary.append(list);
      }
      row.append(number, name, verdictCell(pupil), summary);
      return row;
    });
    tbody.replaceChildren(...rows);
    for (const header of result.querySelectorAll("th[aria-sort]")) {
      const key = header.querySelector("button").dataset.sort;
      header.setAttribute("aria-sort", key === sortKey ? (ascending ? "ascending" : "descending") : "none");
    }
  }

  async function openReport(pupil) {
    status.textContent = root.dataset.textReportBusy;
    const answer = await worker.run("klas-rapport", { invoer: pupil.invoer });
    renderReport(report, answer, pupil);
    report.hidden = false;
    status.textContent = "";
    report.focus();
    report.scrollIntoView({ block: "start" });
  }

  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const started = performance.now();
    setStatus(root.dataset.textBusy, "busy");
    report.hidden = true;
    const bytes = await file.arrayBuffer();
    outcome = await worker.run("klas", { bestand_base64: bytesToBase64(bytes) });
    result.querySelector(".lwt-klas__summary").textContent = outcome.status === "invalid" ? "" : outcome.summary;
    const errors = outcome.errors.map((error) => {
      const item = document.createElement("li");
      item.textContent = error.message;
      return item;
    });
    result.querySelector(".lwt-klas__errors").replaceChildren(...errors);
    sortKey = "rij";
    ascending = true;
    if (outcome.status === "invalid") tbody.replaceChildren();
    else renderTable();
    result.querySelector("table").hidden = outcome.status === "invalid";
    result.querySelector(".lwt-klas__actions").hidden = outcome.status === "invalid";
    result.hidden = false;
    setStatus("", "done");
    root.dataset.status = outcome.status;
    root.dataset.rows = String(outcome.status === "invalid" ? 0 : outcome.values.leerlingen.length);
    root.dataset.elapsedMs = String(Math.round(performance.now() - started)); // read by make bench
  });

  for (const button of result.querySelectorAll("button[data-sort]")) {
    button.addEventListener("click", () => {
      if (!outcome) return;
      if (sortKey === button.dataset.sort) ascending = !ascending;
      else {
        sortKey = button.dataset.sort;
        ascending = true;
      }
      renderTable();
    });
  }
  result.querySelector("[data-action=download]").addEventListener("click", () => {
    if (outcome) download(outcome.values.resultaat_csv, "uitkomst-klas.csv", "text/csv;charset=utf-8");
  });
  result.querySelector("[data-action=print]").addEventListener("click", () => window.print());
}

if (!isPrintPage) {
  const planBox = document.getElementById("lwt-plan");
  if (planBox) enhancePlan(planBox);
  const classRoot = document.getElementById("lwt-klas");
  if (classRoot) enhanceClass(classRoot);
}
