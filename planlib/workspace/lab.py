"""`planlib lab [WORKSPACE]`: JupyterLab on a workspace, opened on its start notebook.

The server runs in its own session so that Ctrl+C reaches this command only:
it then asks the server to stop (SIGTERM: kernels shut down, nothing is
asked on the terminal) and waits for it, instead of leaving it running.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

from ..core.errors import CodedError
from .create import read_record

START_NOTEBOOK = "notebooks/00_start_here.ipynb"
LOG_FILE = ".lab.log"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lab_command(root: Path, port: int, token: str) -> list[str]:
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
               f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
               f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers run as root; Jupyter refuses it unless told
        command.append("--allow-root")
    return command


def run_lab(root: str | Path, port: int | None = None, open_browser: bool = True, say=print,
            timeout: float = 120) -> int:
    """Start the server, say its URL, open it, and stop the server on Ctrl+C; the server's exit code."""
    root = Path(root).resolve()
    read_record(root)  # a workspace, or a message saying how to make one
    port = port or free_port()
    token = secrets.token_hex(16)
    url = f"http://localhost:{port}/lab/tree/{START_NOTEBOOK}?token={token}"
    log = open(root / LOG_FILE, "w", encoding="utf-8")  # the server's own lines, for when it does not start
    server = subprocess.Popen(lab_command(root, port, token), cwd=root, start_new_session=True,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        if not _ready(f"http://127.0.0.1:{port}/api/status?token={token}", server, timeout):
            raise CodedError("lab_not_started", "lab_start", port=port, log=str(root / LOG_FILE))
        say(url)
        if open_browser:
            webbrowser.open(url)
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()


def _ready(url: str, server: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False
