"""The built site under a strict Content-Security-Policy: no 'unsafe-inline' for scripts anywhere,
every inline script that runs is covered by a hash, every page carries the policy, and the three
server configurations send the same policy and the hardening headers."""

from __future__ import annotations

import base64
import hashlib
import re
from xml.etree import ElementTree

from build_scripts.offline import csp, hosting

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


def test_no_unsafe_inline_in_any_script_src(built_site):
    """Neither the kit's policy nor any page's meta tag allows inline scripts wholesale."""
    policy = csp.read_policy(built_site)
    assert directive(policy, "script-src")[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-inline'" not in directive(policy, "script-src")
    assert "'unsafe-eval'" not in directive(policy, "script-src")
    kit = [(built_site / ".htaccess"), (built_site / "hosting" / "nginx.conf")]
    for path in kit:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "Content-Security-Policy" in line and "script-src" in line:
                assert "'unsafe-inline' 'wasm" not in line and policy in line, path
    for page in built_site.rglob("*.html"):
        metas = META.findall(page.read_text(encoding="utf-8"))
        assert len(metas) == 1, page
        assert "'unsafe-inline'" not in directive(metas[0], "script-src"), page


def test_every_inline_script_that_runs_is_covered_by_a_hash(built_site):
    """For every page, the SHA-256 of each executable inline script is in script-src; the meta tag precedes them."""
    allowed = set(directive(csp.read_policy(built_site), "script-src"))
    scripts_seen = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scripts, handlers = csp.inline_scripts(html)
        assert handlers == [], page
        for script in scripts:
            source = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
            assert source in allowed, f"{page}: {script[:60]}"
            scripts_seen += 1
        first_script = html.find("<script")
        assert first_script < 0 or html.index('http-equiv="Content-Security-Policy"') < first_script, page
    assert scripts_seen > 20, "the theme's snippets were found (the check looked at real scripts)"


def test_the_calculator_forms_have_no_inline_script(built_site):
    """The form's watchdog is a file now: a calculator page's forms hold only JSON data blocks."""
    html = (built_site / "rekenhulpen" / "stage-uren" / "index.html").read_text(encoding="utf-8")
    form = html[html.index("<form"):html.index("</form>")]
    assert re.findall(r"<script(?![^>]*application/json)", form) == []
    assert "assets/js/calc-watchdog.js" in html and html.index("calc-watchdog.js") < html.index("calc-ui.mjs")


def test_meta_policy_is_the_header_policy_without_frame_ancestors(built_site):
    """The pages' meta tag and the servers' header are one policy; frame-ancestors only in the header."""
    policy = csp.read_policy(built_site)
    meta = META.findall((built_site / "index.html").read_text(encoding="utf-8"))[0]
    assert directive(policy, "frame-ancestors") == ["'self'"]
    assert directive(meta, "frame-ancestors") == []
    assert meta == "; ".join(p for p in policy.split("; ") if not p.startswith("frame-ancestors"))


def test_the_three_servers_send_the_policy_and_the_hardening_headers(built_site):
    """IIS, Apache and nginx each send the same policy, Referrer-Policy, Permissions-Policy and nosniff."""
    policy = csp.read_policy(built_site)
    expected = {"Content-Security-Policy": policy, "Referrer-Policy": "same-origin",
                "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
                "X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN"}
    tree = ElementTree.parse(built_site / "web.config")
    iis = {node.get("name"): node.get("value") for node in tree.iter("add") if node.get("name")}
    htaccess = (built_site / ".htaccess").read_text(encoding="utf-8")
    nginx = (built_site / "hosting" / "nginx.conf").read_text(encoding="utf-8")
    for name, value in expected.items():
        assert iis[name] == value, name
        assert f'Header always set {name} "{value}"' in htaccess, name
        assert f'add_header {name} "{value}" always;' in nginx, name
    assert hosting.security_headers(policy) == expected


def test_the_self_check_page_shows_the_real_policy(built_site):
    """The policy shown to the administrator is the one the servers send, not a placeholder."""
    html = (built_site / "controle" / "index.html").read_text(encoding="utf-8")
    assert csp.PLACEHOLDER not in html
    assert csp.read_policy(built_site) in html
