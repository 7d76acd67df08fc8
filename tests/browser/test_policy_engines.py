"""The strict Content-Security-Policy and the runtime's integrity check in Chromium, Firefox ESR and
WebKitGTK (the engines of tests/browser/engines): the site works with the policy sent as a header,
an inline script cannot run (a server-injected one, and one added to the page, which also raises a
securitypolicyviolation event), and a wheel or snapshot that does not match the build gives the
Dutch message within 15 s.
"""

from __future__ import annotations

import gzip

import pytest

from build_scripts.offline import csp, hosting
from build_scripts.site.forms import UI_TEXT
from tests.browser.engines import checks

pytestmark = pytest.mark.browser
READY_TIMEOUT = 90  # only a bound for a stuck page, never a speed goal
FAILURE_TIMEOUT = 15
CALCULATOR = "rekenhulpen/stage-uren/"
INJECTED = b"<script>window.__injected = 'ran';</script>"

#: Adds an inline script to the running page and reports whether it ran and which violations the
#: page was told about (the listener is in place before the script is added).
ADD_INLINE_SCRIPT = """async () => {
  const seen = [];
  document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective || e.violatedDirective));
  const script = document.createElement('script');
  script.textContent = "window.__addedNow = 'ran';";
  document.body.append(script);
  for (let i = 0; i < 40 && !seen.length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return {added: window.__addedNow || null, injected: window.__injected || null, seen};
}"""
POLICY_HEADER = "async () => (await fetch(location.href, {cache: 'no-store'})).headers.get('content-security-policy')"


def _inject(body: bytes) -> bytes:
    return body.replace(b"</body>", INJECTED + b"</body>", 1)


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def test_strict_policy_in_every_engine(engine, site_url, server_faults, built_site):
    """With the policy and hardening headers: the calculator is ready, inline scripts are blocked
    and reported, and the self-check passes."""
    policy = csp.read_policy(built_site)
    try:
        server_faults.headers.update(hosting.security_headers(policy))
        server_faults.replace["index.html"] = _inject
        engine.fresh()
        engine.goto(site_url + CALCULATOR)
        assert engine.wait_for(checks.READY, timeout=READY_TIMEOUT) == "ready", engine.name
        assert engine.evaluate(POLICY_HEADER) == policy, engine.name
        result = engine.evaluate(ADD_INLINE_SCRIPT)
        assert result["injected"] is None, (engine.name, "the server-injected script ran", result)
        assert result["added"] is None, (engine.name, "the added script ran", result)
        assert any(d.startswith("script-src") for d in result["seen"]), (engine.name, result)
        engine.fresh()
        engine.goto(site_url + "controle/")
        report = engine.wait_for(checks.SELF_CHECK, timeout=READY_TIMEOUT)
        assert report["problems"] == [] and report["failures"] == "0", (engine.name, report)
    finally:
        server_faults.reset()


def test_the_inline_script_check_can_fail_in_every_engine(engine, site_url, server_faults):
    """Control: a page served without its meta tag and without a header runs the same scripts."""
    try:
        server_faults.replace["index.html"] = lambda body: _inject(
            body.replace(b'http-equiv="Content-Security-Policy"', b'name="lwt-test-no-policy"', 1))
        engine.fresh()
        engine.goto(site_url + "over/")
        result = engine.evaluate(ADD_INLINE_SCRIPT)
        assert result["injected"] == "ran" and result["added"] == "ran", (engine.name, result)
    finally:
        server_faults.reset()


def _snapshot_name(built_site) -> tuple[str, str]:
    import json

    manifest = json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest.get("snapshot"), "the suite's build makes a start-up snapshot (LWT_SNAPSHOT not 0)"
    return manifest["snapshot"]["file"].rsplit("/", 1)[-1], manifest["wheel"].rsplit("/", 1)[-1]


def test_runtime_files_that_do_not_match_the_build_in_every_engine(engine, site_url, server_faults, built_site):
    """A snapshot of other bytes, a changed wheel (fresh start) and a half-uploaded wasm each give
    the Dutch 'kon niet laden' message within 15 s."""
    snapshot, wheel = _snapshot_name(built_site)
    # The negotiated name of the snapshot (answered with its .br or .gz copy) is taken away, so
    # that the worker fetches the stored .gz, which these cases change.
    negotiated = snapshot.removesuffix(".gz")
    cases = {
        "snapshot": lambda f: (f.missing.add(negotiated),
                               f.replace.__setitem__(snapshot, lambda b: gzip.compress(_flip(gzip.decompress(b)), 1, mtime=0))),
        "wheel": lambda f: (f.missing.update({negotiated, snapshot}), f.replace.__setitem__(wheel, _flip)),
        "wasm": lambda f: f.replace.__setitem__("pyodide.asm.wasm", lambda b: b[: len(b) // 2]),
    }
    try:
        for label, fault in cases.items():
            server_faults.reset()
            fault(server_faults)
            engine.fresh()
            engine.goto(site_url + CALCULATOR)
            try:
                engine.wait_for("() => document.querySelector('form[data-calc]').dataset.state === 'failed'",
                                timeout=FAILURE_TIMEOUT)
            except Exception as error:  # noqa: BLE001 - turned into an assertion with the page's state
                raise AssertionError(f"{engine.name}, {label}: no message within {FAILURE_TIMEOUT} s: "
                                     f"{engine.evaluate(checks.FAILED, 'stage_uren')}") from error
            failed = engine.evaluate(checks.FAILED, "stage_uren")
            assert failed["text"] == UI_TEXT["failed_integrity"], (engine.name, label, failed)
            assert failed["role"] == "alert" and failed["controls_visible"], (engine.name, label, failed)
            assert engine.evaluate("() => window.__lwtCalc && window.__lwtCalc.failed") == "integrity", (engine.name, label)
    finally:
        server_faults.reset()
