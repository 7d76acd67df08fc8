# Wegwijzer leer-werktrajecten vmbo. Two commands matter: `make serve` and `make test`.
# Everything else is a step they share. Works on a fresh Debian machine with Python 3.11 and
# Node 20, with no network beyond the package registries (PyPI, npm, Debian).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve test check build site pdf bench setup browser clean

## serve: set up, build, and serve the site on http://127.0.0.1:$(PORT)/
serve: build
	@echo "De site staat op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl+C)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

## test: set up (including Debian's browsers when missing), then run every test
test: setup browser
	$(PY) -m pytest

## check: the fast part (unit tests: calculators, data, contract, drift), no build and no browser
check: $(VENV)/.installed
	LWT_QUICK=1 $(PY) -m pytest -m unit -q

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml build_scripts/deps.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $$($(PYTHON) build_scripts/deps.py docs test)
	$(PY) -m pip install --quiet --no-deps --editable .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## browser: Debian's Chromium, Firefox ESR, WebKitGTK (WebKitWebDriver) with Xvfb, poppler (pdftoppm,
## pdfinfo), fonts, and Apache, nginx (with and without its brotli module) and brotli (the hosting
## kit on real servers), for the browser
## tests in three engines and the PDF
browser:
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null \
		|| ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
		|| ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null \
		|| [ ! -x /usr/sbin/apache2 ] || [ ! -x /usr/sbin/nginx ] || ! command -v brotli >/dev/null \
		|| [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then \
		echo "Chromium, Firefox ESR, WebKitGTK, Xvfb, poppler-utils, Apache, nginx en brotli installeren (apt-get)…"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
			chromium firefox-esr webkit2gtk-driver xvfb xauth poppler-utils fonts-liberation fonts-dejavu-core \
			apache2 nginx-light libnginx-mod-http-brotli-static brotli; \
	fi

## build: the static site in site/
build: setup
	$(VENV)/bin/mkdocs build --strict

## site: the static site plus a zip of it, ready to copy to a web server
site: build
	$(PY) -m build_scripts.offline.package_site

## pdf: the vergaderset and the naslag PDF, into site/pdf/ (the site then links them)
pdf: build browser
	$(PY) -m build_scripts.offline.make_pdf

## bench: start-up, per-calculation, page weight, build and PDF timings (prints a table, writes JSON)
bench: setup browser
	$(PY) -m build_scripts.tools.bench

clean:
	rm -rf site dist .pytest_cache .hypothesis
