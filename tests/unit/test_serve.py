"""The one loopback server (build_scripts/tools/serve.py): prefix, MIME table, precompressed files, faults."""

from __future__ import annotations

import gzip
import http.client

import pytest

from build_scripts.mime import MIME_TYPES
from build_scripts.tools.serve import Faults, accepted, serve


@pytest.fixture()
def www(tmp_path):
    (tmp_path / "secret.txt").write_text("outside the site", encoding="utf-8")
    tmp_path = tmp_path / "www"
    tmp_path.mkdir()
    (tmp_path / "index.html").write_text("<p>thuis</p>", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / "a" / "w.mjs").write_text("export const x = 1;\n", encoding="utf-8")
    (tmp_path / "a" / "w.mjs.gz").write_bytes(gzip.compress(b"export const x = 1;\n"))
    (tmp_path / "a" / "w.mjs.br").write_bytes(b"not really brotli")
    (tmp_path / "a" / "r.wasm").write_bytes(b"\0asm\1\0\0\0")
    (tmp_path / "a" / "s.bin.gz").write_bytes(gzip.compress(b"snapshot"))
    return tmp_path


def get(server, path, method="GET", **headers):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_serves_under_the_prefix_only(www):
    with serve(www, prefix="/lwt/") as server:
        assert server.url == f"http://127.0.0.1:{server.port}/lwt/"
        response, body = get(server, "/lwt/")
        assert (response.status, body) == (200, b"<p>thuis</p>")
        assert response.getheader("Content-Type") == MIME_TYPES[".html"]
        assert get(server, "/lwt/a/")[1] == b"<p>a</p>"
        assert get(server, "/index.html")[0].status == 404
        assert get(server, "/lwt/../secret.txt")[0].status == 404  # never outside the site's folder
        assert get(server, "/lwt/%2e%2e/secret.txt")[0].status == 404
        response, _ = get(server, "/lwt")
        assert (response.status, response.getheader("Location")) == (301, "/lwt/")
        response, _ = get(server, "/lwt/a")
        assert response.status == 301 and response.getheader("Location").endswith("/lwt/a/")


def test_root_prefix(www):
    with serve(www) as server:
        assert server.url.endswith("/") and get(server, "/a/index.html")[1] == b"<p>a</p>"


def test_types_come_from_the_one_table(www):
    with serve(www, prefix="/lwt/") as server:
        assert get(server, "/lwt/a/r.wasm")[0].getheader("Content-Type") == "application/wasm"
        assert get(server, "/lwt/a/w.mjs")[0].getheader("Content-Type") == MIME_TYPES[".mjs"]
        # the snapshot is itself a .gz file: served as it is, never with a Content-Encoding
        response, body = get(server, "/lwt/a/s.bin.gz", **{"Accept-Encoding": "gzip, br"})
        assert response.getheader("Content-Encoding") is None and gzip.decompress(body) == b"snapshot"


def test_precompressed_siblings_follow_accept_encoding(www):
    with serve(www, prefix="/lwt/") as server:
        response, body = get(server, "/lwt/a/w.mjs", **{"Accept-Encoding": "gzip, deflate, br"})
        assert response.getheader("Content-Encoding") == "br" and body == b"not really brotli"
        assert response.getheader("Content-Type") == MIME_TYPES[".mjs"]
        assert response.getheader("Vary") == "Accept-Encoding"
        response, body = get(server, "/lwt/a/w.mjs", **{"Accept-Encoding": "gzip;q=1, br;q=0"})
        assert response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body) == b"export const x = 1;\n"
        response, body = get(server, "/lwt/a/w.mjs")
        assert response.getheader("Content-Encoding") is None and body == b"export const x = 1;\n"
        assert response.getheader("Vary") == "Accept-Encoding"
        assert int(response.getheader("Content-Length")) == len(body)
        response, _ = get(server, "/lwt/a/r.wasm", **{"Accept-Encoding": "br"})
        assert response.getheader("Content-Encoding") is None and response.getheader("Vary") is None
        assert [(s.path, s.encoding) for s in server.requests[:2]] == [("/lwt/a/w.mjs", "br"), ("/lwt/a/w.mjs", "gzip")]


def test_nothing_is_cached_unless_asked(www):
    with serve(www, prefix="/lwt/") as server:
        assert get(server, "/lwt/a/r.wasm")[0].getheader("Cache-Control") == "no-cache"
    with serve(www, prefix="/lwt/", cache_control=None) as server:
        assert get(server, "/lwt/a/r.wasm")[0].getheader("Cache-Control") is None


def test_compression_can_be_turned_off(www):
    with serve(www, prefix="/lwt/", compression=False) as server:
        response, body = get(server, "/lwt/a/w.mjs", **{"Accept-Encoding": "br"})
        assert response.getheader("Content-Encoding") is None and body == b"export const x = 1;\n"


def test_faults_and_extra_headers(www):
    faults = Faults()
    with serve(www, prefix="/lwt/", faults=faults, headers={"X-Content-Type-Options": "nosniff"}) as server:
        faults.mime[".mjs"] = "text/plain"
        faults.missing.add("r.wasm")
        faults.headers["Content-Security-Policy"] = "default-src 'self'"
        response, _ = get(server, "/lwt/a/w.mjs", **{"Accept-Encoding": "br"})
        assert response.getheader("Content-Type") == "text/plain"
        assert response.getheader("Content-Security-Policy") == "default-src 'self'"
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert get(server, "/lwt/a/r.wasm")[0].status == 404
        assert get(server, "/lwt/a/r.wasm", "HEAD")[0].status == 404
        faults.replace["w.mjs"] = lambda body: body + b"throw new Error('broken');\n"
        response, body = get(server, "/lwt/a/w.mjs", **{"Accept-Encoding": "br"})
        assert body == b"export const x = 1;\nthrow new Error('broken');\n"
        assert response.getheader("Content-Encoding") is None
        faults.reset()
        response, _ = get(server, "/lwt/a/r.wasm", "HEAD")
        assert response.status == 200 and response.getheader("Content-Type") == "application/wasm"
        assert response.getheader("Content-Security-Policy") is None


@pytest.mark.parametrize("header, expected", [
    ("gzip, deflate, br", {"gzip", "deflate", "br"}),
    ("br;q=0, gzip;q=0.5", {"gzip"}),
    ("", set()),
    (None, set()),
    ("identity", {"identity"}),
])
def test_accept_encoding(header, expected):
    assert accepted(header) == expected
