"""The intranet hosting kit: server configurations written into the built site.

``write(site_dir, context)`` (called by the build hook after the build) puts three server
configurations into the built site, all made from the constants below:

- ``web.config`` for IIS: MIME maps, caching per folder, the Content-Security-Policy;
- ``.htaccess`` for Apache 2.4: ``AddType``, headers and caching, each in an ``IfModule`` guard;
- ``hosting/nginx.conf``: a snippet for an nginx ``server`` block (and one ``map`` for ``http``);

plus ``hosting/LEESMIJ.txt`` in Dutch for whoever unpacks the zip. It fails the build when the
site ships a file type the kit does not map, or a file in ``assets/calc/`` that is neither the
content-hashed wheel folder nor one of the known unversioned files, because the kit would then
serve it wrongly or cache it too long.

The pages that explain the kit (self-check, MIME table, server lines) are made by
:mod:`build_scripts.site.hosting_pages` from the constants here.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from calculators import dutch

from ..bundle import wheel as bundle
from ..mime import MIME_TYPES
from . import csp as content_policy
from . import print_page

#: The policy the site works under, as pages show it: a placeholder that ``csp.apply`` replaces
#: with the policy made from the built pages (script hashes, no 'unsafe-inline' for scripts).
CSP = content_policy.PLACEHOLDER

#: Hardening headers besides the policy, the same for every server. Referrer: only to the site
#: itself (an intranet address does not leak to the sites the pages link to). The self-check and
#: the print page need none of the features switched off here.
HARDENING_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "X-Frame-Options": "SAMEORIGIN",
}


def security_headers(policy: str) -> dict[str, str]:
    """Every header the kit sends on every response: the policy and the hardening headers."""
    return {"Content-Security-Policy": policy, **HARDENING_HEADERS}


#: Types that IIS does not know, or knows wrongly, out of the box; web.config maps these.
IIS_MIME = (".mjs", ".wasm", ".whl", ".json", ".map", ".gz", ".conf")
#: Cache lifetimes. The wheel's folder name is its content hash and the Pyodide folder is named by
#: its version (assets/pyodide/<version>/), so neither changes: a year, immutable. A repeat visit
#: downloads no runtime at all. Everything else (HTML, the manifest) is revalidated.
LONG_CACHE = "public, max-age=31536000, immutable"
RUNTIME_CACHE = LONG_CACHE
NO_CACHE = "no-cache"
#: Files directly in assets/calc/ that are not versioned by their name.
CALC_UNVERSIONED = ("manifest.json", "rules.json")


def _runtime() -> str:
    """``assets/pyodide/<version>/``: the runtime's folder, named by its version."""
    try:
        return "assets/" + bundle.runtime_folder()
    except FileNotFoundError:  # no node_modules: only the pages' texts need it then
        return "assets/pyodide/<versie>/"


#: The runtime's folder in the site, from the site root.
RUNTIME = _runtime()


def cache_control(path: str) -> str:
    """The Cache-Control the kit's configs send for ``path`` (relative to the site, any prefix)."""
    if re.search(r"(^|/)assets/pyodide/[^/]+/", path) or re.search(r"(^|/)assets/calc/[0-9a-f]{12}/", path):
        return LONG_CACHE
    return NO_CACHE


# --- The files of the kit ------------------------------------------------------------------


def web_config(policy: str) -> str:
    """IIS 7.5 or newer; works at the root of a site and in a sub-folder (application)."""
    maps = "\n".join(
        f'      <remove fileExtension="{ext}" />\n      <mimeMap fileExtension="{ext}" mimeType="{MIME_TYPES[ext].split(";")[0]}" />'
        for ext in IIS_MIME
    )
    unversioned = "\n".join(
        f'  <location path="assets/calc/{name}">\n'
        '    <system.webServer>\n'
        '      <staticContent><clientCache cacheControlMode="DisableCache" /></staticContent>\n'
        "    </system.webServer>\n"
        "  </location>"
        for name in CALC_UNVERSIONED
    )
    headers = "\n".join(
        f'        <remove name="{name}" />\n        <add name="{name}" value="{escape(value)}" />'
        for name, value in security_headers(policy).items()
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!--
  Wegwijzer leer-werktrajecten vmbo: instellingen voor IIS (7.5 of nieuwer).
  Zet dit bestand in de map van de site (ook als dat een submap is). Het zorgt dat IIS
  .mjs als JavaScript en .wasm als application/wasm aanbiedt, regelt de cache en stuurt
  een Content-Security-Policy mee. Controleer daarna de pagina controle/ van de site.
  Geeft IIS na het plaatsen fout 500.19? Dan staat een van deze bestandstypen al op
  serverniveau zonder 'remove' of is een sectie vergrendeld: vraag de beheerder van de
  server de regels hieronder op serverniveau in te stellen.
-->
<configuration>
  <system.webServer>
    <staticContent>
{maps}
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
{headers}
      </customHeaders>
    </httpProtocol>
  </system.webServer>
  <!-- De Python-omgeving: een jaar bewaren (de submap heet naar de versie). -->
  <location path="assets/pyodide">
    <system.webServer>
      <staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" /></staticContent>
    </system.webServer>
  </location>
  <!-- Regels en rekenhulpen: de submap heet naar de inhoud, dus een jaar bewaren ... -->
  <location path="assets/calc">
    <system.webServer>
      <staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" /></staticContent>
    </system.webServer>
  </location>
  <!-- ... behalve de bestanden die niet naar hun inhoud heten. -->
{unversioned}
</configuration>
"""


def _extensions_by_type(skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The MIME table turned round: each type (without its charset) with its extensions, without dots."""
    by_type: dict[str, list[str]] = {}
    for ext, mime in MIME_TYPES.items():
        if ext not in skip:
            by_type.setdefault(mime.split(";")[0], []).append(ext.lstrip("."))
    return by_type


def htaccess(policy: str) -> str:
    """Apache 2.4; needs ``AllowOverride FileInfo`` for the folder (else put it in the vhost)."""
    add_types = "\n".join(
        f"  AddType {MIME_TYPES[ext].split(';')[0]} {ext}" for ext in (".mjs", ".wasm", ".whl", ".json", ".map", ".gz")
    )
    headers = "\n".join(f'  Header always set {name} "{value}"' for name, value in security_headers(policy).items())
    # A precompressed copy (x.js.gz) keeps the type of the file it copies: .gz is also a type of
    # its own (application/gzip), which would win.
    copy_types = "\n".join(
        f'  <FilesMatch "\\.({"|".join(map(re.escape, exts))})\\.(br|gz)$">\n    ForceType {mime}\n  </FilesMatch>'
        for mime, exts in _extensions_by_type(skip=(".gz", ".br")).items()
    )
    return f"""# Wegwijzer leer-werktrajecten vmbo: instellingen voor Apache 2.4.
# Dit bestand werkt als de beheerder voor deze map 'AllowOverride FileInfo' (of 'All') heeft
# ingesteld. Geeft de site na het plaatsen fout 500? Dan mag .htaccess deze regels hier niet
# zetten: verwijder het bestand en vraag de beheerder dezelfde regels in de configuratie van
# de site te zetten. Controleer daarna de pagina controle/ van de site.

<IfModule mod_mime.c>
{add_types}
  # Vooraf ingepakte kopieën (bestand.br, bestand.gz) naast de grote bestanden: de
  # Content-Encoding komt van .br of .gz, het type van het bestand zelf (ForceType hieronder).
  AddEncoding br .br
  AddEncoding gzip .gz
{copy_types}
</IfModule>
# Een .gz-bestand dat de browser bij zijn eigen naam opvraagt (de reservekopie van de
# geheugenafdruk), is een bestand en geen ingepakte kopie: zonder Content-Encoding sturen.
<If "%{{THE_REQUEST}} =~ m#\\.gz[?\\s]#">
  RemoveEncoding .gz
</If>

# Stuur bestand.br of bestand.gz als de browser dat aanneemt en de kopie bestaat. Zonder
# mod_rewrite krijgt de browser gewoon het bestand zelf.
<IfModule mod_rewrite.c>
  RewriteEngine On
  RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
  RewriteCond %{{REQUEST_FILENAME}}.br -f
  RewriteRule ^(.+)$ $1.br [L]
  RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
  RewriteCond %{{REQUEST_FILENAME}}.gz -f
  RewriteRule ^(.+)$ $1.gz [L]
</IfModule>

<IfModule mod_headers.c>
{headers}
  Header append Vary Accept-Encoding
  # Cache: standaard elke keer controleren; de Python-omgeving (map naar de versie) en regels
  # en rekenhulpen (map naar de inhoud) een jaar.
  Header set Cache-Control "{NO_CACHE}"
  <If "%{{REQUEST_URI}} =~ m#/assets/calc/[0-9a-f]{{12}}/#">
    Header set Cache-Control "{LONG_CACHE}"
  </If>
  <ElseIf "%{{REQUEST_URI}} =~ m#/assets/pyodide/#">
    Header set Cache-Control "{RUNTIME_CACHE}"
  </ElseIf>
</IfModule>

<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE text/html text/css text/javascript application/json application/wasm image/svg+xml
</IfModule>
"""


def nginx_conf(policy: str) -> str:
    """A snippet: one ``map`` for the ``http`` block, one ``location`` for the ``server`` block."""
    types = "\n".join(f"        {mime} {' '.join(exts)};" for mime, exts in _extensions_by_type().items())
    headers = "\n".join(f'    add_header {name} "{value}" always;' for name, value in security_headers(policy).items())
    return f"""# Wegwijzer leer-werktrajecten vmbo: instellingen voor nginx.
# Pas twee dingen aan: het adres (/lwt/) en de map op schijf (/var/www/lwt/).
# Staat de site in de hoofdmap van de server, gebruik dan 'location / {{' en 'root /var/www/lwt;'
# in plaats van 'alias'. Test met 'nginx -t' en controleer daarna de pagina controle/ van de site.

# 1. In het http-blok, één keer (bijvoorbeeld in /etc/nginx/conf.d/lwt-cache.conf):
map $uri $lwt_cache_control {{
    default                         "{NO_CACHE}";
    "~/assets/calc/[0-9a-f]{{12}}/"   "{LONG_CACHE}";
    "~/assets/pyodide/"             "{RUNTIME_CACHE}";
}}

# 2. In het server-blok:
location /lwt/ {{
    alias /var/www/lwt/;
    index index.html;
    # Alle bestandstypen van de site; .mjs moet JavaScript zijn en .wasm application/wasm.
    types {{
{types}
    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/javascript text/plain application/json;
    gzip on;
    gzip_types text/css text/javascript application/json application/wasm image/svg+xml;
    # Vooraf ingepakte kopieën (bestand.gz naast het bestand) sturen als de browser gzip aanneemt.
    gzip_static on;
    gzip_vary on;
    # Met de module voor brotli (Debian: libnginx-mod-http-brotli-static) ook bestand.br,
    # nog kleiner; zet dan het hekje voor de volgende regel weg.
    # brotli_static on;
    add_header Cache-Control $lwt_cache_control always;
{headers}
}}
"""


LEESMIJ = """Wegwijzer leer-werktrajecten vmbo: de site op een eigen webserver
=================================================================

Kopieer alle bestanden naar een map op de webserver, ook de bestanden die met een punt
beginnen (.htaccess). Een submap (bijvoorbeeld /lwt/) mag.

- IIS: web.config staat er al bij; die regelt de bestandstypen, de cache en de
  Content-Security-Policy.
- Apache: .htaccess staat er al bij (de server moet 'AllowOverride FileInfo' toestaan
  en mod_headers aan hebben: 'a2enmod headers').
- nginx: neem hosting/nginx.conf over in de configuratie van de server.

Open daarna in een browser de pagina controle/ van de site ("Controle installatie"). Die zegt
of de server de bestanden goed aanbiedt en of de rekenhulpen kunnen starten, en wat u moet
aanpassen als dat niet zo is. Meer uitleg staat op de pagina over/ ("Over deze site").

De site haalt niets op buiten zijn eigen adres en werkt dus zonder internet.
Stand van de informatie: {on}; versie van de regels: {rules_version}.
"""


def _check_site(site_dir: Path) -> None:
    unknown: dict[str, str] = {}
    for path in site_dir.rglob("*"):
        if path.is_file() and not path.name.startswith(".") and path.name != "web.config":
            if path.suffix.lower() not in MIME_TYPES:
                unknown.setdefault(path.suffix.lower() or "(geen extensie)", path.relative_to(site_dir).as_posix())
    if unknown:
        listed = ", ".join(f"{ext} ({example})" for ext, example in sorted(unknown.items()))
        raise ValueError(f"hosting kit: no MIME type for {listed}; add it to MIME_TYPES in build_scripts/mime.py")
    calc = site_dir / "assets" / "calc"
    strays = [
        p.name for p in calc.iterdir()
        if (p.is_file() and p.name not in CALC_UNVERSIONED) or (p.is_dir() and not _is_hash(p.name))
    ] if calc.is_dir() else []
    if strays:
        raise ValueError(
            f"hosting kit: assets/calc/ holds {', '.join(sorted(strays))}, which the kit would cache for a year; "
            "put versioned files in the hashed folder or add the name to CALC_UNVERSIONED"
        )


def _check_runtime(site_dir: Path) -> None:
    """Everything under assets/pyodide/ is cached for a year: only the version's folder may be there."""
    folder = site_dir / "assets" / "pyodide"
    version = bundle.pyodide_version()
    strays = sorted(p.name for p in folder.iterdir() if p.name != version) if folder.is_dir() else []
    if strays:
        raise ValueError(f"hosting kit: assets/pyodide/ holds {', '.join(strays)} beside {version}/, which the kit would cache for a year")


def _is_hash(name: str) -> bool:
    return len(name) == 12 and all(c in "0123456789abcdef" for c in name)


def write(site_dir: Path, context: dict) -> None:
    """Write the hosting files into ``site_dir`` (and make the print page work in a sub-folder)."""
    site_dir = Path(site_dir)
    _check_site(site_dir)
    _check_runtime(site_dir)
    print_page.fix(site_dir)
    policy = content_policy.apply(site_dir)
    (site_dir / "web.config").write_text(web_config(policy), encoding="utf-8")
    (site_dir / ".htaccess").write_text(htaccess(policy), encoding="utf-8")
    kit = site_dir / "hosting"
    kit.mkdir(exist_ok=True)
    (kit / "nginx.conf").write_text(nginx_conf(policy), encoding="utf-8")
    (kit / "LEESMIJ.txt").write_text(
        LEESMIJ.format(on=dutch.long_date(context["on"]), rules_version=context["manifest"]["rules_version"]),
        encoding="utf-8",
    )
