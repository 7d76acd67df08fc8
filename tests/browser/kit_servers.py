"""Real web servers from Debian (Apache 2.4, nginx), configured only with the hosting kit the build
writes, started by the tests themselves: unprivileged port on 127.0.0.1, and their own config,
pid, log and temp paths in a temporary folder. Nothing is skipped: a missing binary fails.

``KitServer(kind, site_dir, prefix)`` copies the built site into a folder of its own (readable by
the server's worker user when the tests run as root), writes a minimal server configuration that
contains the kit's files unchanged (Apache reads the site's ``.htaccess`` with
``AllowOverride FileInfo``; nginx gets ``hosting/nginx.conf`` with only its two example paths
replaced, as its comments tell an administrator to do; ``nginx-brotli`` also loads Debian's brotli
module and switches on the kit's commented ``brotli_static on;`` line, as its comment says), starts
the server in the foreground and stops it again.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

APACHE = "/usr/sbin/apache2"
NGINX = "/usr/sbin/nginx"
#: Debian's brotli module for nginx: the kit's commented `brotli_static on;` line, switched on.
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
#: Debian's default set of Apache modules (a2enmod on a fresh install), plus headers and rewrite,
#: which the kit's LEESMIJ asks the administrator to enable.
APACHE_MODULE_NAMES = (
    "mpm_event", "authz_core", "authz_host", "access_compat", "alias", "dir", "env", "filter", "deflate", "mime",
    "negotiation", "setenvif", "reqtimeout", "headers", "rewrite",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _readable_copy(site_dir: Path, target: Path) -> None:
    shutil.copytree(site_dir, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


class KitServer:
    def __init__(self, kind: str, site_dir: Path, prefix: str) -> None:
        assert kind in ("apache", "nginx", "nginx-brotli") and prefix.startswith("/") and prefix.endswith("/")
        if kind == "nginx-brotli" and not NGINX_BROTLI.is_file():
            raise AssertionError(f"{NGINX_BROTLI} is missing: run 'make browser' (apt-get install libnginx-mod-http-brotli-static)")
        binary = APACHE if kind == "apache" else NGINX
        if not Path(binary).exists():
            raise AssertionError(f"{binary} is missing: run 'make browser' (apt-get install apache2 nginx-light)")
        self.kind, self.prefix = kind, prefix
        self.tmp = Path(tempfile.mkdtemp(prefix=f"lwt-{kind}-"))
        self.tmp.chmod(0o755)
        self.docroot = self.tmp / "www"
        self.site = self.docroot / prefix.strip("/") if prefix != "/" else self.docroot
        _readable_copy(Path(site_dir), self.site)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}{prefix}"
        config = self.tmp / f"{kind}.conf"
        config.write_text(self._apache_conf() if kind == "apache" else self._nginx_conf(), encoding="utf-8")
        command = (
            [APACHE, "-f", str(config), "-DFOREGROUND"] if kind == "apache"
            else [NGINX, "-c", str(config), "-p", str(self.tmp), "-e", str(self.tmp / "error.log")]
        )
        if kind != "apache":
            check = subprocess.run([*command, "-t"], capture_output=True, text=True)
            assert check.returncode == 0, f"nginx -t: {check.stderr}"
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=self.tmp)
        self._wait()

    # --- configurations --------------------------------------------------------------------

    def _user(self) -> tuple[str, str]:
        return ("nobody", "nogroup") if os.geteuid() == 0 else ("", "")

    def _apache_conf(self) -> str:
        modules = "\n".join(
            f"LoadModule {name}_module {APACHE_MODULES / f'mod_{name}.so'}" for name in APACHE_MODULE_NAMES
        )
        user, group = self._user()
        who = f"User {user}\nGroup {group}\n" if user else ""
        return f"""ServerRoot "{self.tmp}"
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile "{self.tmp}/apache.pid"
DefaultRuntimeDir "{self.tmp}"
Mutex file:{self.tmp} default
ErrorLog "{self.tmp}/error.log"
LogLevel warn
{who}{modules}
TypesConfig /etc/mime.types
AddDefaultCharset Off
DocumentRoot "{self.docroot}"
DirectoryIndex index.html
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "{self.docroot}">
  Options -Indexes
  AllowOverride FileInfo
  Require all granted
</Directory>
"""

    def _nginx_conf(self) -> str:
        kit = (self.site / "hosting" / "nginx.conf").read_text(encoding="utf-8")
        start = kit.index("\nmap ")
        split = kit.index("\nlocation /lwt/ {")
        http_part, server_part = kit[start:split], kit[split:]
        server_part = server_part.replace("/var/www/lwt/", f"{self.site}/")
        if self.prefix == "/":
            server_part = server_part.replace("location /lwt/ {", "location / {")
        load = ""
        if self.kind == "nginx-brotli":
            assert "    # brotli_static on;\n" in server_part, "the kit's nginx.conf has no brotli line to switch on"
            server_part = server_part.replace("    # brotli_static on;\n", "    brotli_static on;\n")
            load = f"load_module {NGINX_BROTLI};"
        user, group = self._user()
        temp = "\n".join(
            f"    {name}_temp_path {self.tmp}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        return f"""{load}
{f"user {user} {group};" if user else ""}
worker_processes 1;
daemon off;
pid {self.tmp}/nginx.pid;
error_log {self.tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    include /etc/nginx/mime.types;
{http_part}
    server {{
        listen 127.0.0.1:{self.port};
        server_name localhost;
{server_part}
    }}
}}
"""

    # --- life cycle ------------------------------------------------------------------------

    def _wait(self, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.kind} stopped at once: {self.process.stdout.read().decode()[-2000:]}{self.log()}")
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                return
            except urllib.error.HTTPError as error:
                raise AssertionError(f"{self.kind} answers {self.url} with HTTP {error.code}: {self.log()}") from error
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"{self.kind} did not answer on {self.url} within {seconds} s: {self.log()}")

    def log(self) -> str:
        path = self.tmp / "error.log"
        return path.read_text(encoding="utf-8", errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process.stdout.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
