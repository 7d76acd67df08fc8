"""The pages that explain the intranet hosting kit: macros for ``docs/controle.md`` and ``docs/over.md``.

- ``{{ siteinfo }}``: date and version of the information, and of the software the site ships;
- ``{{ controle }}``: the self-check of ``docs/controle.md``: the expected types and every
  Dutch text as JSON for ``assets/js/controle.js``, plus what the page says without JavaScript;
- ``{{ mimetabel }}``: the table of files the calculators need and the type each must have;
- ``{{ csp }}``: the Content-Security-Policy of the kit;
- ``{{ serverregels: iis | apache | nginx }}``: the essential lines for one server type.

The server configurations themselves are written by :mod:`build_scripts.offline.hosting`,
whose constants (CSP) these pages show.
"""

from __future__ import annotations

import json
from html import escape

from calculators import dutch

from ..bundle import wheel as bundle
from ..offline.hosting import CSP, RUNTIME
from .macros import Context, MacroError
from .templating import html, render

#: What the browser accepts as JavaScript (HTML standard, "JavaScript MIME type essence match").
JAVASCRIPT_TYPES = [
    "text/javascript", "application/javascript", "application/x-javascript", "application/ecmascript",
    "application/x-ecmascript", "text/ecmascript", "text/x-javascript", "text/x-ecmascript", "text/jscript",
    "text/livescript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5",
]

#: The files the calculators need, as the self-check fetches them (paths from the site root).
CHECKED_FILES = [
    (f"{RUNTIME}pyodide.mjs", "javascript", "het startscript van de Python-omgeving"),
    (f"{RUNTIME}pyodide.asm.mjs", "javascript", "de Python-omgeving, deel JavaScript"),
    (f"{RUNTIME}pyodide.asm.wasm", "wasm", "de Python-omgeving, deel WebAssembly"),
    (f"{RUNTIME}python_stdlib.zip", "file", "de standaardbibliotheek van Python"),
    (f"{RUNTIME}pyodide-lock.json", "file", "de pakketlijst van de Python-omgeving"),
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
    "snapshot": "elk type behalve een webpagina (bij voorkeur application/gzip)",
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


# --- Macros --------------------------------------------------------------------------------

def siteinfo(argument: str, context: Context) -> str:
    """``{{ siteinfo }}``: date and version of the information and of what the site ships."""
    rows = [
        ("Stand van de informatie", dutch.long_date(context.on)),
        ("Versie van de regels", context.rules.version),
        ("Versie van de rekenhulpen", bundle.project_version()),
        ("Python-omgeving in de browser", f"Pyodide {bundle.pyodide_version()}"),
    ]
    return "\n" + render("siteinfo.html", rows=rows) + "\n"


def mimetabel(argument: str, context: Context) -> str:
    """``{{ mimetabel }}``: the files the calculators need and the type each must have."""
    rows = [(path, what, KIND_LABELS[kind]) for path, kind, what in CHECKED_FILES]
    rows.insert(6, ("assets/calc/<code>/lwt_calculators-….whl", "regels en rekenhulpen (de naam staat in manifest.json)", KIND_LABELS["wheel"]))
    rows.insert(7, ("assets/calc/<code>/pyodide-snapshot.bin.gz", "de vooraf gestarte rekenmodule, als de site die heeft (versnelt het starten)", KIND_LABELS["snapshot"]))
    return "\n" + render("mimetabel.html", rows=rows) + "\n"


def csp(argument: str, context: Context) -> str:
    """``{{ csp }}``: the Content-Security-Policy of the kit, as a code block."""
    return "\n" + render("code_block.html", css_class="lwt-csp", code=CSP) + "\n"


def serverregels(argument: str, context: Context) -> str:
    """``{{ serverregels: iis }}``: the essential lines for one server, as a code block."""
    lines = server_lines(argument.strip().lower())
    return "\n" + render("code_block.html", css_class="lwt-serverregels", code=lines) + "\n"


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
    "calc_integrity": "De rekenhulpen kunnen niet starten: de bestanden op de server komen niet overeen met deze versie van de site (onvolledig, beschadigd of verouderd). Technische melding: {detail}",
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
    "integrity": [
        {"server": "alle", "text": "Kopieer de hele site opnieuw naar de server, met alle mappen, en wacht tot het kopiëren klaar is. Een onderbroken upload of bestanden van twee versies door elkaar geven deze melding."},
        {"server": "alle", "text": "Staat er een proxy of cache tussen server en browser, laat die dan de map assets/ opnieuw ophalen. Herlaad daarna deze pagina."},
    ],
    "worker": [
        {"server": "alle", "text": "Gebruik een recente versie van Edge, Chrome, Firefox of Safari. Stuurt de server een Content-Security-Policy mee, dan moet die worker-src 'self' toestaan."},
    ],
    "calc": [
        {"server": "alle", "text": "Los eerst de andere problemen op deze pagina op. Is er geen ander probleem, controleer dan of het beveiligingsbeleid van de server WebAssembly toestaat. Dit beleid werkt:",
         "code": CSP},
    ],
}


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
    page = render(
        "controle.html", initial=CHECK_TEXTS["initial"], config_json=html(data), site_root=context.site_root
    )
    return "\n" + page + "\n"


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {
    "siteinfo": siteinfo, "mimetabel": mimetabel, "csp": csp, "serverregels": serverregels, "controle": controle,
}
