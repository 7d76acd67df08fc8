"""The hosting kit on real servers from Debian: Apache 2.4 with the site's .htaccess and nginx with
hosting/nginx.conf, each at the root of the server and in the sub-folder /lwt/, started by the
test itself (see kit_servers.py). Per server: the right MIME types, the policy and hardening
headers on every kind of file, bodies that decode to the built files whatever Content-Encoding
the server chose (precompressed .br/.gz siblings, when the build writes them, must be used),
the calculators ready and the self-check passing in the browser, without a policy violation.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import urllib.request

import pytest

from build_scripts.offline import csp, hosting
from tests.browser.conftest import wait_until_ready
from tests.browser.kit_servers import KitServer

browser_test = pytest.mark.browser
SELF_CHECK_TIMEOUT = 120_000
RECORD_VIOLATIONS = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
    "`${e.effectiveDirective} ${e.blockedURI}`));"
)


@pytest.fixture(scope="module", params=[("apache", "/"), ("apache", "/lwt/"), ("nginx", "/"), ("nginx", "/lwt/"),
                                        ("nginx-brotli", "/lwt/")],
                ids=["apache-root", "apache-lwt", "nginx-root", "nginx-lwt", "nginx-brotli-lwt"])
def kit_server(request, built_site):
    kind, prefix = request.param
    server = KitServer(kind, built_site, prefix)
    yield server
    server.stop()


def files_to_check(built_site) -> list[str]:
    """One file of every kind the calculators need, paths from the site root ('' is the home page)."""
    manifest = json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    paths = ["", "controle/", "assets/js/calc-ui.mjs", "assets/js/calc-watchdog.js", "assets/calc/manifest.json",
             f"assets/calc/{manifest['wheel']}", *manifest.get("integrity", {})]
    if manifest.get("snapshot"):
        paths.append(f"assets/calc/{manifest['snapshot']['file']}")
    paths += [p.relative_to(built_site).as_posix() for p in (built_site / "assets" / "stylesheets").glob("main.*.css")]
    return list(dict.fromkeys(paths))


def expected_type(path: str) -> str:
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ".html"
    return hosting.MIME_TYPES[suffix].split(";")[0]


def decode(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return subprocess.run(["brotli", "--decompress", "--stdout"], input=body, capture_output=True, check=True).stdout
    assert encoding in ("", "identity"), f"unexpected Content-Encoding {encoding!r}"
    return body


def fetch(url: str, accept_encoding: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


@browser_test
@pytest.mark.parametrize("accept_encoding", ["br, gzip", "gzip", "identity"])
def test_types_headers_and_encodings(kit_server, built_site, accept_encoding):
    """Every file: 200, the type of the MIME table, the policy and hardening headers, and a body that is the built file."""
    policy = csp.read_policy(built_site)
    problems = []
    # nginx serves .br copies only with Debian's brotli module and the kit's `brotli_static on;`
    # line, which the kit leaves commented out (a stock nginx has no such module): without them,
    # gzip is the best it can do. "nginx-brotli" is nginx with the module and the line switched on.
    servable = ("br", "gzip") if kit_server.kind in ("apache", "nginx-brotli") else ("gzip",)
    for path in files_to_check(built_site):
        status, headers, body = fetch(kit_server.url + path, accept_encoding)
        local = built_site / (path + "index.html" if path.endswith("/") or path == "" else path)
        mime = headers.get("content-type", "").split(";")[0].strip()
        if status != 200 or mime != expected_type(local.name):
            problems.append(f"{path}: HTTP {status}, {mime!r} instead of {expected_type(local.name)!r}")
        for name, value in hosting.security_headers(policy).items():
            if headers.get(name.lower()) != value:
                problems.append(f"{path}: {name} is {headers.get(name.lower())!r}")
        encoding = headers.get("content-encoding", "")
        if encoding and encoding not in accept_encoding:
            problems.append(f"{path}: Content-Encoding {encoding} although the client accepts {accept_encoding}")
        if decode(body, encoding) != local.read_bytes():
            problems.append(f"{path}: the body (Content-Encoding {encoding or 'none'}) is not the built file")
        if encoding and "accept-encoding" not in headers.get("vary", "").lower():
            problems.append(f"{path}: Content-Encoding {encoding} without Vary: Accept-Encoding")
        if not local.name.endswith(".gz"):
            has = {enc: local.with_name(local.name + suffix).is_file() for enc, suffix in (("br", ".br"), ("gzip", ".gz"))}
            want = next((enc for enc in servable if has[enc] and enc in accept_encoding), None)
            if want and encoding != want:
                problems.append(f"{path}: the precompressed {want} file is not served (Content-Encoding {encoding or 'none'})")
        if local.name.endswith(".gz") and encoding:
            problems.append(f"{path}: a .gz file served with Content-Encoding {encoding}")
    assert problems == [], f"{kit_server.kind} at {kit_server.prefix}:\n" + "\n".join(problems)


@browser_test
def test_calculators_ready_and_self_check_passing(kit_server, built_site, context):
    """In the browser: a calculator page reaches ready and the self-check reports no problem, with no violation."""
    policy = csp.read_policy(built_site)
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(kit_server.url + "rekenhulpen/stage-uren/")
    assert response.headers["content-security-policy"] == policy
    wait_until_ready(page)
    assert page.get_attribute("form[data-calc]", "data-state") == "ready", kit_server.log()
    page.goto(kit_server.url + "controle/")
    page.wait_for_function("() => document.getElementById('lwt-selfcheck').dataset.state === 'done'", timeout=SELF_CHECK_TIMEOUT)
    items = page.eval_on_selector_all(
        ".lwt-selfcheck__item", "els => els.map(e => [e.dataset.check, e.dataset.status, e.innerText])"
    )
    problems = [(check, text) for check, status, text in items if status not in ("ok", "info")]
    assert problems == [], f"{kit_server.kind} at {kit_server.prefix}: {problems}"
    assert page.get_attribute("#lwt-selfcheck", "data-failures") == "0"
    csp_item = next(text for check, _, text in items if check == "csp")
    assert policy in csp_item
    assert page.evaluate("() => window.__cspViolations") == []
