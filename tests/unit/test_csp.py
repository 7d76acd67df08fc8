"""The Content-Security-Policy made from built pages: known inline scripts get a hash, anything
else fails the build (tested on small hand-made sites, no MkDocs build)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from build_scripts.offline import csp

SCOPE = ('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
         '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
         'a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def page(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="nl"><head>\n<meta charset="utf-8">{head}</head><body>{body}</body></html>'


def site(tmp_path: Path, **pages: str) -> Path:
    for name, html in pages.items():
        target = tmp_path / name.replace("__", "/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return tmp_path


def expected_source(script: str) -> str:
    """A CSP hash source computed here by hand: base64 of the SHA-256 of the UTF-8 text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_a_known_theme_script_is_allowed_by_its_own_hash(tmp_path):
    """The theme's scope snippet at any page depth is allowed, by the hash of its exact text."""
    root = site(tmp_path, a__b=page("<p>x</p>", head=f"<script>{SCOPE}</script>"))
    policy = csp.apply(root)
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    assert expected_source(SCOPE) in script_src.split()
    assert "'unsafe-inline'" not in script_src


def test_an_unknown_inline_script_fails_the_build(tmp_path):
    """A page that gains an inline script not in the reviewed list stops the build, naming page and script."""
    root = site(tmp_path, stage=page("<script>alert(1)</script>"))
    with pytest.raises(csp.CSPError, match=r"stage/index.html: unknown inline script «alert\(1\)"):
        csp.apply(root)


def test_an_inline_event_handler_or_javascript_link_fails_the_build(tmp_path):
    """onclick= and javascript: links would be blocked by the policy, so they fail the build too."""
    with pytest.raises(csp.CSPError, match="onclick"):
        csp.apply(site(tmp_path / "a", x=page('<button onclick="go()">Ga</button>')))
    with pytest.raises(csp.CSPError, match="javascript:"):
        csp.apply(site(tmp_path / "b", x=page('<a href="javascript:void(0)">Ga</a>')))


def test_json_data_blocks_and_script_files_need_no_hash(tmp_path):
    """Data blocks are not executed and files are 'self': the policy gets no hash for them."""
    root = site(tmp_path, x=page('<script type="application/json">{"a": "alert(1)"}</script><script src="a.js"></script>'))
    policy = csp.apply(root)
    assert "sha256-" not in policy


def test_every_page_gets_the_policy_in_a_meta_tag_before_any_script(tmp_path):
    """The meta tag comes right after <meta charset>, without frame-ancestors; the header policy has it."""
    root = site(tmp_path, x=page("<p>x</p>", head=f"<script>{SCOPE}</script>"))
    policy = csp.apply(root)
    html = (root / "x" / "index.html").read_text(encoding="utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp.meta_policy_of(policy)}">'
    assert html.index('<meta charset="utf-8">') < html.index(meta) < html.index("<script>")
    assert "frame-ancestors 'self'" in policy and "frame-ancestors" not in csp.meta_policy_of(policy)
    assert csp.read_policy(root) == policy


def test_the_placeholder_is_replaced_where_a_page_shows_the_policy(tmp_path):
    """A page that shows the policy (the self-check) gets the real one, in text and in its JSON."""
    shown = f'<pre><code>{csp.PLACEHOLDER}</code></pre><script type="application/json">{{"code": "{csp.PLACEHOLDER}"}}</script>'
    root = site(tmp_path, controle=page(shown))
    policy = csp.apply(root)
    html = (root / "controle" / "index.html").read_text(encoding="utf-8")
    assert csp.PLACEHOLDER not in html
    assert html.count(policy) == 2
