"""The intranet hosting kit, and the macros of the pages that explain it.

``write(site_dir, context)`` (called by the build hook after the build) puts three server
configurations into the built site, all made from the constants below:

- ``web.config`` for IIS: MIME maps, caching per folder, the Content-Security-Policy;
- ``.htaccess`` for Apache 2.4: ``AddType``, headers and caching, each in an ``IfModule`` guard;
- ``hosting/nginx.conf``: a snippet for an nginx ``server`` block (and one ``map`` for ``http``);

plus ``hosting/LEESMIJ.txt`` in Dutch for whoever unpacks the zip. It fails the build when the
site ships a file type the kit does not map, or a file in ``assets/calc/`` that is neither the
content-hashed wheel folder nor one of the known unversioned files, because the kit would then
serve it wrongly or cache it too long.

Macros (see ``build_scripts.macros``):

- ``{{ siteinfo }}``: date and version of the information, and of the software the site ships;
- ``{{ controle }}``: the self-check of ``docs/controle.md``: the expected types and every
  Dutch text as JSON for ``assets/js/controle.js``, plus what the page says without JavaScript;
- ``{{ mimetabel }}``: the table of files the calculators need and the type each must have;
- ``{{ serverregels: iis | apache | nginx }}``: the essential lines for one server type.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ..bundle import wheel as bundle
from ..mime import MIME_TYPES
from ..site.macros import Context, MacroError, register
from . import print_page

#: The policy the site works under (verified by tests/e2e/test_offline.py). Material's inline
#: scripts need 'unsafe-inline'; Pyodide compiles WebAssembly, hence 'wasm-unsafe-eval'.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"
)

#: Types that IIS does not know, or knows wrongly, out of the box; web.config maps these.
IIS_MIME = (".mjs", ".wasm", ".whl", ".json", ".map", ".gz", ".conf")
#: What the browser accepts as JavaScript (HTML standard, "JavaScript MIME type essence match").
JAVASCRIPT_TYPES = [
    "text/javascript", "application/javascript", "application/x-javascript", "application/ecmascript",
    "application/x-ecmascript", "text/ecmascript", "text/x-javascript", "text/x-ecmascript", "text/jscript",
    "text/livescript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5",
]

#: Cache lifetimes. The wheel's folder name is its content hash, so it never changes: a year.
#: The Pyodide folder keeps its name across versions, so a week, not longer: after an upgrade a
#: browser might otherwise combine old and new runtime files. Everything else is revalidated.
LONG_CACHE = "public, max-age=31536000, immutable"
RUNTIME_CACHE = "public, max-age=604800"
NO_CACHE = "no-cache"
#: Files directly in assets/calc/ that are not versioned by their name.
CALC_UNVERSIONED = ("manifest.json", "rules.json")

#: The files the calculators need, as the self-check fetches them (paths from the site root).
CHECKED_FILES = [
    ("assets/pyodide/pyodide.mjs", "javascript", "het startscript van de Python-omgeving"),
    ("assets/pyodide/pyodide.asm.mjs", "javascript", "de Python-omgeving, deel JavaScript"),
    ("assets/pyodide/pyodide.asm.wasm", "wasm", "de Python-omgeving, deel WebAssembly"),
    ("assets/pyodide/python_stdlib.zip", "file", "de standaardbibliotheek van Python"),
    ("assets/pyodide/pyodide-lock.json", "file", "de pakketlijst van de Python-omgeving"),
    ("assets/calc/manifest.json", "manifest", "het overzicht van regels en rekenhulpen"),
    ("assets/js/calc-ui.mjs", "javascript", "het script van de formulieren"),
    ("assets/js/calc-worker.mjs", "javascript", "het script dat de rekenmodule start"),
]
KIND_LABELS = {
    "javascript": "JavaScript (text/javascript)",
    "wasm": "application/wasm",
    "file": "elk type behalve een webpagina (text/html)",
    "manifest": "JSON (application/json)",
    "wheel": "elk type behalve een webpagina (bij voorkeur application/zip)",
    "snapshot": "elk type behalve een webpagina, zonder Content-Encoding (bij voorkeur application/gzip)",
}

SERVERS = {"iis": "IIS (Windows)", "apache": "Apache", "nginx": "nginx"}


def server_lines(server: str) -> str:
    """The essential lines for one server type: the two MIME types and the CSP."""
    if server == "iis":
        return (
            "<!-- in web.config, binnen <system.webServer> -->\n"
            "<staticContent>\n"
            '  <remove fileExtension=".mjs" />\n'
            '  <mimeMap fileExtension=".mjs" mimeType="text/javascript" />\n'
            '  <remove fileExtension=".wasm" />\n'
            '  <mimeMap fileExtension=".wasm" mimeType="application/wasm" />\n'
            '  <remove fileExtension=".whl" />\n'
            '  <mimeMap fileExtension=".whl" mimeType="application/zip" />\n'
            "</staticContent>\n"
            "<httpProtocol><customHeaders>\n"
            f'  <add name="Content-Security-Policy" value="{escape(CSP)}" />\n'
            "</customHeaders></httpProtocol>"
        )
    if server == "apache":
        return (
            "# in .htaccess (AllowOverride FileInfo) of in de configuratie van de site\n"
            "AddType text/javascript .mjs\n"
            "AddType application/wasm .wasm\n"
            "AddType application/zip .whl\n"
            f'Header always set Content-Security-Policy "{CSP}"'
        )
    if server == "nginx":
        return (
            "# in het location-blok van de site\n"
            "types { text/javascript js mjs; application/wasm wasm; application/zip zip whl; }\n"
            f"add_header Content-Security-Policy \"{CSP}\" always;"
        )
    raise MacroError(f"unknown server {server!r} (known: {', '.join(SERVERS)})")


# --- The files of the kit ------------------------------------------------------------------


def web_config() -> str:
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
        <remove name="Content-Security-Policy" />
        <add name="Content-Security-Policy" value="{escape(CSP)}" />
        <remove name="X-Content-Type-Options" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
  <!-- De Python-omgeving: een week bewaren (de mapnaam verandert niet bij een nieuwe versie). -->
  <location path="assets/pyodide">
    <system.webServer>
      <staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="7.00:00:00" /></staticContent>
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


def htaccess() -> str:
    """Apache 2.4; needs ``AllowOverride FileInfo`` for the folder (else put it in the vhost)."""
    add_types = "\n".join(
        f"  AddType {MIME_TYPES[ext].split(';')[0]} {ext}" for ext in (".mjs", ".wasm", ".whl", ".json", ".map", ".gz")
    )
    return f"""# Wegwijzer leer-werktrajecten vmbo: instellingen voor Apache 2.4.
# Dit bestand werkt als de beheerder voor deze map 'AllowOverride FileInfo' (of 'All') heeft
# ingesteld. Geeft de site na het plaatsen fout 500? Dan mag .htaccess deze regels hier niet
# zetten: verwijder het bestand en vraag de beheerder dezelfde regels in de configuratie van
# de site te zetten. Controleer daarna de pagina controle/ van de site.

<IfModule mod_mime.c>
{add_types}
  # .gz-bestanden zijn zelf het bestand (de vooraf gestarte rekenmodule), geen ingepakte pagina.
  RemoveEncoding .gz
</IfModule>

<IfModule mod_headers.c>
  Header always set Content-Security-Policy "{CSP}"
  Header always set X-Content-Type-Options "nosniff"
  # Cache: standaard elke keer controleren; de Python-omgeving een week; regels en
  # rekenhulpen in een map die naar de inhoud heet een jaar.
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


def nginx_conf() -> str:
    """A snippet: one ``map`` for the ``http`` block, one ``location`` for the ``server`` block."""
    by_type: dict[str, list[str]] = {}
    for ext, mime in MIME_TYPES.items():
        by_type.setdefault(mime.split(";")[0], []).append(ext.lstrip("."))
    types = "\n".join(f"        {mime} {' '.join(exts)};" for mime, exts in by_type.items())
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
    add_header Cache-Control $lwt_cache_control always;
    add_header Content-Security-Policy "{CSP}" always;
    add_header X-Content-Type-Options "nosniff" always;
}}
"""


LEESMIJ = """Wegwijzer leer-werktrajecten vmbo: de site op een eigen webserver
=================================================================

Kopieer alle bestanden naar een map op de webserver, ook de bestanden die met een punt
beginnen (.htaccess). Een submap (bijvoorbeeld /lwt/) mag.

- IIS: web.config staat er al bij; die regelt de bestandstypen, de cache en de
  Content-Security-Policy.
- Apache: .htaccess staat er al bij (de server moet 'AllowOverride FileInfo' toestaan).
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


def _is_hash(name: str) -> bool:
    return len(name) == 12 and all(c in "0123456789abcdef" for c in name)


def write(site_dir: Path, context: dict) -> None:
    """Write the hosting files into ``site_dir`` (and make the print page work in a sub-folder)."""
    site_dir = Path(site_dir)
    _check_site(site_dir)
    print_page.fix(site_dir)
    (site_dir / "web.config").write_text(web_config(), encoding="utf-8")
    (site_dir / ".htaccess").write_text(htaccess(), encoding="utf-8")
    kit = site_dir / "hosting"
    kit.mkdir(exist_ok=True)
    (kit / "nginx.conf").write_text(nginx_conf(), encoding="utf-8")
    (kit / "LEESMIJ.txt").write_text(
        LEESMIJ.format(on=dutch_date(context["on"].isoformat()), rules_version=context["manifest"]["rules_version"]),
        encoding="utf-8",
    )


# --- Macros --------------------------------------------------------------------------------

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def dutch_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


@register("siteinfo")
def siteinfo(argument: str, context: Context) -> str:
    """``{{ siteinfo }}``: date and version of the information and of what the site ships."""
    rows = [
        ("Stand van de informatie", dutch_date(context.on.isoformat())),
        ("Versie van de regels", context.compiled["version"]),
        ("Versie van de rekenhulpen", bundle.project_version()),
        ("Python-omgeving in de browser", f"Pyodide {bundle.pyodide_version()}"),
    ]
    body = "".join(f"<tr><th scope=\"row\">{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'\n<table class="lwt-siteinfo"><tbody>{body}</tbody></table>\n'


@register("mimetabel")
def mimetabel(argument: str, context: Context) -> str:
    """``{{ mimetabel }}``: the files the calculators need and the type each must have."""
    rows = [(path, what, KIND_LABELS[kind]) for path, kind, what in CHECKED_FILES]
    rows.insert(6, ("assets/calc/&lt;code&gt;/lwt_calculators-….whl", "regels en rekenhulpen (de naam staat in manifest.json)", KIND_LABELS["wheel"]))
    rows.insert(7, ("assets/calc/&lt;code&gt;/pyodide-snapshot.bin.gz", "de vooraf gestarte rekenmodule, als de site die heeft (versnelt het starten)", KIND_LABELS["snapshot"]))
    body = "".join(
        f"<tr><td><code>{path if '&lt;' in path else escape(path)}</code></td><td>{escape(what)}</td><td>{escape(kind)}</td></tr>"
        for path, what, kind in rows
    )
    return (
        '\n<table class="lwt-mimetabel"><thead><tr><th scope="col">Bestand</th><th scope="col">Wat het is</th>'
        f'<th scope="col">Type dat de server moet sturen</th></tr></thead><tbody>{body}</tbody></table>\n'
    )


@register("csp")
def csp(argument: str, context: Context) -> str:
    """``{{ csp }}``: the Content-Security-Policy of the kit, as a code block."""
    return f'\n<pre class="lwt-csp"><code>{escape(CSP)}</code></pre>\n'


@register("serverregels")
def serverregels(argument: str, context: Context) -> str:
    """``{{ serverregels: iis }}``: the essential lines for one server, as a code block."""
    lines = server_lines(argument.strip().lower())
    return f'\n<pre class="lwt-serverregels"><code>{escape(lines)}</code></pre>\n'


#: Every text the self-check script shows. {name} placeholders are filled in by the script.
CHECK_TEXTS = {
    "initial": (
        "Deze controle werkt in de browser, met JavaScript. Staat deze zin hier nog, dan is JavaScript "
        "uitgeschakeld of kon het controlescript niet laden. Zonder JavaScript werken de rekenhulpen ook "
        "niet; de uitleg op de site blijft wel bruikbaar. Controleer de server dan met de tabel en de "
        "regels hieronder."
    ),
    "running": "Bezig met controleren… De rekenmodule starten duurt enkele seconden.",
    "all_ok": "Alles in orde: de server biedt alle bestanden goed aan en de rekenhulpen kunnen starten.",
    "one_problem": "Er is 1 probleem gevonden. Hieronder staat wat er mis is en wat u kunt aanpassen.",
    "problems": "Er zijn {count} problemen gevonden. Hieronder staat per punt wat er mis is en wat u kunt aanpassen.",
    "status": {"ok": "In orde", "fail": "Probleem", "info": "Ter informatie"},
    "file_ok": "{file} ({what}): aangeboden als {type}.",
    "wrong_type": "{file} ({what}) wordt aangeboden als ‘{type}’, maar moet {expected} zijn.",
    "html_instead": "{file} ({what}): de server stuurt een webpagina (‘{type}’) in plaats van het bestand. Misschien een inlog- of foutpagina.",
    "missing": "{file} ({what}) is niet gevonden: de server antwoordt met HTTP {status}.",
    "unreachable": "{file} ({what}) kon niet worden opgehaald: {detail}",
    "no_type": "geen type",
    "manifest_bad": "assets/calc/manifest.json noemt geen bestand met regels en rekenhulpen.",
    "wheel_what": "regels en rekenhulpen",
    "snapshot_what": "de vooraf gestarte rekenmodule",
    "encoded": "{file} ({what}) wordt aangeboden met Content-Encoding ‘{encoding}’. De browser pakt het bestand dan zelf uit en de rekenmodule kan het niet gebruiken; ze start dan langzamer.",
    "worker_ok": "Een module-worker kan starten (de browser en het beveiligingsbeleid staan dat toe).",
    "worker_fail": "Een module-worker kan niet starten: {detail}",
    "worker_error": "de browser meldt een fout bij het starten.",
    "worker_timeout": "de worker gaf na {seconds} seconden geen antwoord.",
    "calc_ok": "De rekenhulpen kunnen starten (Pyodide {pyodide}, regels {rules}).",
    "calc_fail": "De rekenhulpen kunnen niet starten: {detail}",
    "calc_script": "het script assets/js/calc-worker.mjs werd niet uitgevoerd (meestal: .mjs wordt niet als JavaScript aangeboden).",
    "calc_timeout": "de rekenmodule was na {seconds} seconden nog niet gestart.",
    "csp_present": "De server stuurt een beveiligingsbeleid (Content-Security-Policy) mee: {csp}",
    "csp_absent": "De server stuurt geen beveiligingsbeleid (Content-Security-Policy) mee. Dat is niet nodig om te werken; het aanbevolen beleid staat hieronder.",
    "fix_intro": "Wat aanpassen:",
    "fix_above": "Wat aanpassen: zie het eerdere punt met hetzelfde probleem.",
    "checked_at": "Gecontroleerd op {when}, adres van de site: {base}",
}

#: What to change, per kind of problem: a list of steps, each for one server type ("alle": any),
#: with a Dutch explanation and, where it helps, the exact lines.
CHECK_FIXES = {
    "javascript": [
        {"server": "iis", "text": "In web.config, binnen <staticContent>:",
         "code": '<remove fileExtension=".mjs" />\n<mimeMap fileExtension=".mjs" mimeType="text/javascript" />'},
        {"server": "apache", "text": "In .htaccess of in de configuratie van de site:", "code": "AddType text/javascript .mjs"},
        {"server": "nginx", "text": "In het location-blok van de site (zie hosting/nginx.conf):",
         "code": "types { text/javascript js mjs; }"},
    ],
    "wasm": [
        {"server": "iis", "text": "In web.config, binnen <staticContent>:",
         "code": '<remove fileExtension=".wasm" />\n<mimeMap fileExtension=".wasm" mimeType="application/wasm" />'},
        {"server": "apache", "text": "In .htaccess of in de configuratie van de site:", "code": "AddType application/wasm .wasm"},
        {"server": "nginx", "text": "In het location-blok van de site (zie hosting/nginx.conf):",
         "code": "types { application/wasm wasm; }"},
    ],
    "missing": [
        {"server": "alle", "text": "Kopieer de hele site opnieuw naar de server, met alle mappen (ook assets/)."},
        {"server": "iis", "text": "IIS geeft 404 voor bestandstypen die het niet kent. Plaats de web.config van de site; die kent .mjs, .wasm, .whl en .json."},
        {"server": "nginx", "text": "Controleer of alias of root naar de juiste map wijst (zie hosting/nginx.conf)."},
    ],
    "encoding": [
        {"server": "apache", "text": "In .htaccess of in de configuratie van de site:", "code": "RemoveEncoding .gz"},
        {"server": "iis", "text": "Zet voor .gz geen dynamische compressie of Content-Encoding aan; de mimeMap in web.config is genoeg:",
         "code": '<mimeMap fileExtension=".gz" mimeType="application/gzip" />'},
        {"server": "nginx", "text": "Gebruik voor deze map geen gzip_static en geen add_header Content-Encoding."},
    ],
    "html": [
        {"server": "alle", "text": "De map assets/ moet zonder aparte inlog bereikbaar zijn, net als de pagina's. Vraag de beheerder de inlog of doorverwijzing voor deze map uit te zetten."},
    ],
    "worker": [
        {"server": "alle", "text": "Gebruik een recente versie van Edge, Chrome, Firefox of Safari. Stuurt de server een Content-Security-Policy mee, dan moet die worker-src 'self' toestaan."},
    ],
    "calc": [
        {"server": "alle", "text": "Los eerst de andere problemen op deze pagina op. Is er geen ander probleem, controleer dan of het beveiligingsbeleid van de server WebAssembly toestaat. Dit beleid werkt:",
         "code": CSP},
    ],
}


@register("controle")
def controle(argument: str, context: Context) -> str:
    """``{{ controle }}``: the self-check's configuration as JSON, and its initial text."""
    config = {
        "files": [{"path": path, "kind": kind, "what": what} for path, kind, what in CHECKED_FILES],
        "calc_base": "assets/calc/",
        "worker": "assets/js/calc-worker.mjs",
        "ready_timeout_seconds": 90,
        "javascript_types": JAVASCRIPT_TYPES,
        "wasm_types": ["application/wasm"],
        "expected_labels": {kind: label for kind, label in KIND_LABELS.items()},
        "servers": SERVERS | {"alle": "Alle servers"},
        "texts": CHECK_TEXTS,
        "fixes": CHECK_FIXES,
    }
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return (
        '\n<div class="lwt-selfcheck" id="lwt-selfcheck" data-state="static">'
        f'<p class="lwt-selfcheck__summary" role="status">{escape(CHECK_TEXTS["initial"])}</p>'
        '<ul class="lwt-selfcheck__results"></ul>'
        f'<script type="application/json" class="lwt-selfcheck__config">{data}</script>'
        "</div>\n"
        f'<script src="{_site_root(context.page)}assets/js/controle.js"></script>\n'
    )


def _site_root(page: str) -> str:
    """The relative path from a page's URL (directory URLs) to the site root."""
    parts = page.replace("\\", "/").split("/")
    depth = len(parts) - 1 if parts[-1] == "index.md" else len(parts)
    return "../" * depth
