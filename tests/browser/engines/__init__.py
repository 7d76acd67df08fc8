"""One small interface over the three browser engines, so the same check runs in each.

- ``chromium``: Debian's Chromium through Playwright (Python), as the rest of the browser suite;
- ``firefox``: Debian's Firefox ESR over WebDriver BiDi, through ``puppeteer-core`` from npm, driven
  by a Node bridge process (``puppeteer_bridge.mjs``) that speaks JSON lines over stdin/stdout;
- ``webkit``: Debian's WebKitGTK (``WebKitWebDriver`` and its MiniBrowser with ``--automation``)
  through Selenium, under ``xvfb-run -a`` (MiniBrowser has no working headless mode).

Every engine gives an ``EnginePage`` with four calls; checks are written once, as JavaScript
functions passed as source text (``"(arg) => ..."``, may be async), and Python asserts on the
JSON they return::

    page.goto(url)                       # waits for the load event
    page.evaluate("(sel) => document.querySelector(sel).textContent", "h1")
    page.wait_for("() => document.querySelector('form').dataset.state === 'ready'", timeout=60)
    page.url

No engine is ever downloaded: each uses the system browser that ``make browser`` installs with apt.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
ENGINES = ("chromium", "firefox", "webkit")
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB_RUN = "/usr/bin/xvfb-run"


class EngineError(RuntimeError):
    """The engine could not be started or a call into it failed."""


def _wait_source(fn: str) -> str:
    """A page function that polls ``fn`` until it returns something truthy (or fails after a time)."""
    return (
        "async ({arg, timeout}) => { const check = (" + fn + "); const end = Date.now() + timeout;"
        " for (;;) { const value = await check(arg); if (value) return value;"
        " if (Date.now() > end) throw new Error('wait_for: not true within ' + timeout + ' ms: ' + "
        + json.dumps(fn[:200]) + ");"
        " await new Promise((resolve) => setTimeout(resolve, 50)); } }"
    )


class EnginePage:
    """A page in one engine. Subclasses implement ``goto``, ``evaluate``, ``url``, ``fresh``, ``close``."""

    name: str = "?"
    version: str = "?"

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        raise NotImplementedError

    @property
    def url(self) -> str:
        raise NotImplementedError

    def fresh(self) -> None:
        """Start over on a new blank page (no state from the previous check)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def wait_for(self, fn: str, arg: Any = None, timeout: float = 30) -> Any:
        """Poll ``fn(arg)`` in the page until it is truthy; return its value."""
        return self.evaluate(_wait_source(fn), {"arg": arg, "timeout": int(timeout * 1000)})

    def __repr__(self) -> str:
        return f"<{self.name} {self.version}>"


# ---------------------------------------------------------------- Chromium (Playwright)

class ChromiumPage(EnginePage):
    name = "chromium"

    def __init__(self, browser) -> None:
        self._browser = browser
        self.version = browser.version
        self._context = None
        self.fresh()

    def fresh(self) -> None:
        if self._context is not None:
            self._context.close()
        self._context = self._browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        self._page = self._context.new_page()

    def goto(self, url: str) -> None:
        self._page.goto(url, wait_until="load", timeout=60_000)

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        return self._page.evaluate(fn, arg)

    @property
    def url(self) -> str:
        return self._page.url

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None


# ---------------------------------------------------------------- Firefox (puppeteer-core over BiDi)

class FirefoxPage(EnginePage):
    name = "firefox"

    def __init__(self, executable: str = FIREFOX) -> None:
        node = shutil.which("node")
        if node is None or not (ROOT / "node_modules" / "puppeteer-core").is_dir():
            raise EngineError("node or node_modules/puppeteer-core is missing: run 'make setup'")
        if not Path(executable).exists():
            raise EngineError(f"{executable} is missing: run 'make browser' (apt-get install firefox-esr)")
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        self._process = subprocess.Popen(
            [node, str(HERE / "puppeteer_bridge.mjs"), executable], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self._next = 1
        try:
            hello = self._read()
            if not hello.get("ok"):
                raise EngineError(f"Firefox did not start: {hello}")
        except Exception:
            self.close()
            raise
        self.version = hello["value"]["version"]

    def _read(self) -> dict:
        line = self._process.stdout.readline()
        if not line:
            raise EngineError(f"the puppeteer bridge stopped (exit code {self._process.poll()})")
        return json.loads(line)

    def _call(self, op: str, **fields) -> Any:
        request_id = self._next
        self._next += 1
        self._process.stdin.write(json.dumps({"id": request_id, "op": op, **fields}) + "\n")
        self._process.stdin.flush()
        answer = self._read()
        if answer.get("id") != request_id:
            raise EngineError(f"the bridge answered {answer.get('id')} to {request_id}")
        if not answer["ok"]:
            raise EngineError(f"firefox {op}: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        self._call("goto", url=url)

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        return self._call("evaluate", fn=fn, arg=arg)

    @property
    def url(self) -> str:
        return self._call("url")

    def fresh(self) -> None:
        self._call("newPage")

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self._call("close")
                self._process.wait(timeout=15)
            except (EngineError, OSError, subprocess.TimeoutExpired):
                os.killpg(self._process.pid, signal.SIGTERM)
                self._process.wait(timeout=10)
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass


# ---------------------------------------------------------------- WebKitGTK (Selenium, xvfb-run)

class WebKitPage(EnginePage):
    name = "webkit"

    def __init__(self) -> None:
        for path, package in ((WEBKIT_DRIVER, "webkit2gtk-driver"), (MINIBROWSER, "webkit2gtk-driver"), (XVFB_RUN, "xvfb")):
            if not Path(path).exists():
                raise EngineError(f"{path} is missing: run 'make browser' (apt-get install {package})")
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.service import Service

        class XvfbService(Service):
            """WebKitWebDriver inside its own virtual display (xvfb-run -a picks a free one)."""

            def command_line_args(self) -> list[str]:
                return ["-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp", WEBKIT_DRIVER, "-p", str(self.port)]

        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        self._service = XvfbService(executable_path=XVFB_RUN, popen_kw={"start_new_session": True})
        try:
            with warnings.catch_warnings():
                # Selenium's own WebKitGTK driver still uses a call it deprecates (4.51).
                warnings.simplefilter("ignore", DeprecationWarning)
                self._driver = webdriver.WebKitGTK(options=options, service=self._service)
        except Exception as error:  # noqa: BLE001 - report any start-up failure as the engine's
            self._kill_group()
            raise EngineError(f"WebKitGTK did not start: {error}") from error
        self._driver.set_script_timeout(120)
        self._driver.set_page_load_timeout(60)
        self._driver.set_window_size(1280, 900)
        self.version = self._driver.capabilities.get("browserVersion", "?")

    def _kill_group(self) -> None:
        process = getattr(self._service, "process", None)
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def goto(self, url: str) -> None:
        self._driver.get(url)

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        script = (
            "const done = arguments[arguments.length - 1];"
            "Promise.resolve().then(() => (" + fn + ")(arguments[0]))"
            ".then((value) => done({ok: true, value: value === undefined ? null : value}),"
            " (error) => done({ok: false, error: String(error && error.stack || error)}));"
        )
        answer = self._driver.execute_async_script(script, arg)
        if not answer or not answer.get("ok"):
            raise EngineError(f"webkit evaluate: {answer and answer.get('error')}")
        return answer["value"]

    @property
    def url(self) -> str:
        return self._driver.current_url

    def fresh(self) -> None:
        self._driver.get("about:blank")
        self._driver.delete_all_cookies()

    def close(self) -> None:
        try:
            self._driver.quit()
        finally:
            self._kill_group()


def open_engine(name: str, chromium_browser=None) -> EnginePage:
    """A page in engine ``name``; Chromium needs the Playwright browser the suite already runs."""
    if name == "chromium":
        if chromium_browser is None:
            raise EngineError("chromium: pass the Playwright browser")
        return ChromiumPage(chromium_browser)
    if name == "firefox":
        return FirefoxPage()
    if name == "webkit":
        return WebKitPage()
    raise EngineError(f"unknown engine {name!r}; known: {', '.join(ENGINES)}")
