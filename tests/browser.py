"""JupyterLab on loopback and headless Chromium, for tests that work a notebook as a person does.

Everything Jupyter and Chromium write goes to a temporary folder; the server
is stopped by its PID. Shared by the browser test of each step's forms.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import nbformat

BIN = Path(sys.executable).parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    path = os.environ.get("PLANLIB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium not found: run scripts/ensure_browser.sh (make test does) or set PLANLIB_CHROMIUM")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def notebook_for(source: Path, folder: Path, plan_dir: Path) -> Path:
    """A copy of a notebook whose parameters point at a given plan."""
    notebook = nbformat.read(source, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace('plan_dir = "data/example"', f'plan_dir = "{plan_dir}"')
    cell.source = cell.source.replace("lang = None", 'lang = "en"')  # the tests read English wording
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    nbformat.write(notebook, target)
    return target


def isolated_env(home: Path) -> dict:
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                      ("JUPYTERLAB_SETTINGS_DIR", "settings"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
                      ("IPYTHONDIR", "ipython"), ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "xdg")):
        env[name] = str(home / sub)
        (home / sub).mkdir(parents=True, exist_ok=True)
    env["JUPYTER_PREFER_ENV_PATH"] = "1"
    # JupyterLab 4 only renders the cells in view; render them all so every form can be found.
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}')
    return env


@contextmanager
def jupyter_lab(root: Path, home: Path):
    """A JupyterLab server on 127.0.0.1 serving `root`; yields its base URL and token."""
    env = isolated_env(home)
    subprocess.run([BIN / "jupyter", "labextension", "disable", "@jupyterlab/apputils-extension:announcements"],
                   env=env, check=True, capture_output=True)
    port, token = free_port(), "planlib-test-token"
    log = open(home / "lab.log", "w")
    server = subprocess.Popen([BIN / "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
                               f"--ServerApp.token={token}", "--ServerApp.ip=127.0.0.1",
                               f"--ServerApp.root_dir={root}"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + (home / "lab.log").read_text()) from None
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@contextmanager
def browser_page(home: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "xdg"), "XDG_CACHE_HOME": str(home / "cache")}
        context = playwright.chromium.launch_persistent_context(
            str(home / "chromium-profile"), executable_path=chromium(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, env=env)
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def open_and_run_all(page, base: str, token: str, notebook: str, ready_selector: str, home: Path,
                     workspace: str | None = None) -> None:
    """Open a notebook in JupyterLab, wait for its kernel, run every cell until `ready_selector` shows.

    The menu click is retried once if no cell started running: on a loaded
    machine the first click can land before the notebook panel takes focus.
    """
    lab = f"{base}/lab/workspaces/{workspace}" if workspace else f"{base}/lab"  # a named workspace opens alone
    page.goto(f"{lab}/tree/{notebook}?token={token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=30_000)
    for attempt in range(2):
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        try:
            page.wait_for_selector(ready_selector, timeout=120_000 if attempt else 60_000)
            page.locator(ready_selector).scroll_into_view_if_needed()
            return
        except Exception:
            page.screenshot(path=str(home / f"run-all-{attempt}.png"), full_page=True)
            if attempt:
                raise RuntimeError(f"{ready_selector} never showed; see {home} for screenshots and lab.log") from None
