"""Checks written once, in JavaScript, run in every engine through ``EnginePage.evaluate``.

Each constant is the source of a page function ``(arg) => value``; the value is plain JSON that the
Python test asserts on. They act on the page as a user's browser would (values set on the controls
with input/change events, the form submitted with ``requestSubmit``), and read only what a reader
sees (visibility from the layout, text from ``innerText``).
"""

from __future__ import annotations

#: Every calculator form on the page has finished loading: "ready" or "failed" (else false).
READY = """() => {
  const forms = [...document.querySelectorAll('form[data-calc]')];
  if (!forms.length) return false;
  const states = forms.map((f) => f.dataset.state);
  return states.every((s) => s === 'ready' || s === 'failed') ? states.join(',') : false;
}"""

#: The start-up path the worker reported, and whether the build shipped a snapshot at all.
BOOT = """async () => {
  const ui = document.querySelector('script[src*="assets/js/calc-ui"]');
  const manifest = await (await fetch(new URL('../calc/manifest.json', ui.src))).json();
  return {boot: document.documentElement.dataset.lwtBoot || null,
          snapshot: Boolean(manifest.snapshot),
          error: (window.__lwtCalc && window.__lwtCalc.snapshotError) || null};
}"""

#: Set controls: ops are [selector inside the form, action, value]; action "value", "check" (all
#: matches) or "checkFirst".
FILL = """({calc, ops}) => {
  const form = document.querySelector(`form[data-calc=${calc}]`);
  for (const [selector, action, value] of ops) {
    const found = [...form.querySelectorAll(selector)];
    if (!found.length) throw new Error('no control ' + selector);
    for (const el of action === 'checkFirst' ? found.slice(0, 1) : found) {
      if (action === 'value') el.value = value; else el.checked = true;
      el.dispatchEvent(new Event('input', {bubbles: true}));
      el.dispatchEvent(new Event('change', {bubbles: true}));
    }
  }
  return true;
}"""

#: How many outcomes the form has shown so far.
RENDERS = "(calc) => Number(document.querySelector(`form[data-calc=${calc}]`).dataset.renders || 0)"

#: Submit the form as its button would; return the number of outcomes shown just before, read in
#: the same task, so that an earlier calculation still on its way (the one every page runs when it
#: becomes ready) cannot be mistaken for this one's (the page drops such stale outcomes).
SUBMIT = """(calc) => {
  const form = document.querySelector(`form[data-calc=${calc}]`);
  const before = Number(form.dataset.renders || 0);
  form.requestSubmit(form.querySelector('button[type=submit]'));
  return before;
}"""

#: A newer outcome than number ``after`` is on screen (for wait_for).
RENDERED_AFTER = "({calc, after}) => Number(document.querySelector(`form[data-calc=${calc}]`).dataset.renders || 0) > after"

_VISIBLE = "const visible = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';"

#: What a reader sees of the outcome, the controls' values, and the page's URL.
OUTCOME = """(calc) => {
  %s
  const form = document.querySelector(`form[data-calc=${calc}]`);
  const verdict = form.querySelector('.lwt-verdict');
  return {
    status: verdict ? verdict.dataset.status : null,
    verdict: verdict && visible(verdict) ? verdict.innerText.trim() : '',
    summary: (form.querySelector('.lwt-summary') || {innerText: ''}).innerText.trim(),
    findings: [...form.querySelectorAll('.lwt-finding .lwt-finding__head')].map((e) => e.innerText.trim()),
    controls: Object.fromEntries([...form.elements].filter((e) => e.name && e.id)
      .map((e) => [e.id, (e.type === 'checkbox' || e.type === 'radio') ? String(e.checked) : e.value])),
    url: location.href,
  };
}""" % _VISIBLE

#: A field error: the text beside the field, the summary and its link, and where focus is.
FIELD_ERROR = """({calc, id}) => {
  %s
  const form = document.querySelector(`form[data-calc=${calc}]`);
  const slot = document.getElementById(id + '-error');
  const summary = form.querySelector('.lwt-calc__summary');
  const link = summary && summary.querySelector(`a[href="#${id}"]`);
  const field = document.getElementById(id);
  return {
    beside: slot && visible(slot) ? slot.innerText.trim() : '',
    summary: summary && visible(summary) ? summary.innerText.trim() : '',
    link: link && visible(link) ? link.innerText.trim() : '',
    invalid: field.getAttribute('aria-invalid'),
    describedby: field.getAttribute('aria-describedby') || '',
    focus: document.activeElement ? document.activeElement.className : '',
    status: form.querySelector('.lwt-verdict').dataset.status,
  };
}""" % _VISIBLE

#: The print sheet: the page's own @media print rules are applied on top of the screen rules (every
#: engine can do this; not every client can switch the media type), then what shows is read.
PRINT = """(calc) => {
  %s
  const rules = [];
  const collect = (list) => {
    for (const rule of list) {
      if (rule.media && rule.cssRules && [...rule.media].some((m) => m.trim() === 'print')) {
        for (const inner of rule.cssRules) rules.push(inner.cssText);
      } else if (rule.cssRules && !rule.media) collect(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      if (sheet.media && [...sheet.media].some((m) => m.trim() === 'print')) { for (const r of sheet.cssRules) rules.push(r.cssText); }
      else collect(sheet.cssRules);
    } catch (error) { /* a sheet we may not read */ }
  }
  const style = document.createElement('style');
  style.id = 'lwt-print-emulation';
  style.textContent = rules.join('\\n');
  document.head.append(style);
  const form = document.querySelector(`form[data-calc=${calc}]`);
  const shown = (sel, root = form) => visible(root.querySelector(sel));
  const result = {
    rules: rules.length,
    hidden: ['button[type=submit]', '.lwt-calc__print', '.lwt-calc__reset', '.lwt-calc__status']
      .filter((sel) => form.querySelector(sel) && shown(sel)),
    chrome: ['.md-header', '.md-sidebar--primary', '.md-footer'].filter((sel) => shown(sel, document)),
    verdict: shown('.lwt-verdict') ? form.querySelector('.lwt-verdict').innerText.trim() : '',
    meta: shown('.lwt-meta') ? form.querySelector('.lwt-meta').innerText : '',
    sources: shown('.lwt-sourcelist') ? form.querySelector('.lwt-sourcelist').innerText : '',
  };
  style.remove();
  return result;
}""" % _VISIBLE

#: The Dutch message a failed start-up shows, and whether the page's own text is still there.
FAILED = """(calc) => {
  %s
  const form = document.querySelector(`form[data-calc=${calc}]`);
  const status = form.querySelector('.lwt-calc__status');
  const headings = [...document.querySelectorAll('article h2')].filter(visible).map((h) => h.innerText.replace('¶', '').trim());
  return {
    state: form.dataset.state,
    role: status.getAttribute('role'),
    text: visible(status) ? status.innerText.trim() : '',
    submit_disabled: form.querySelector('button[type=submit]').disabled,
    headings,
    controls_visible: visible(form.querySelector('input, select')),
  };
}""" % _VISIBLE

#: The self-check page ("Controle installatie") has finished: its failures and summary.
SELF_CHECK = """() => {
  const box = document.getElementById('lwt-selfcheck');
  if (!box || box.dataset.state !== 'done') return false;
  return {failures: box.dataset.failures, summary: document.querySelector('.lwt-selfcheck__summary').innerText.trim(),
          problems: [...box.querySelectorAll('.lwt-selfcheck__item')].filter((e) => !['ok', 'info'].includes(e.dataset.status))
            .map((e) => `${e.dataset.check}: ${e.dataset.status}`)};
}"""
