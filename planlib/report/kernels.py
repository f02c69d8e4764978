"""A pool of warm kernels that papermill runs notebooks in, one after another.

Starting a kernel and importing pandas, matplotlib and ipywidgets costs more
than most of our notebooks' own work. Papermill lets an engine hand nbclient
an existing kernel manager, so a report keeps one kernel per job and runs
notebook after notebook in it, wiping the user namespace, figures and
execution count in between: each notebook still starts from a clean slate
(the same outputs as in a fresh kernel) without paying for the start-up again.
A kernel that saw a failure is discarded, never reused.
"""
from __future__ import annotations

import inspect
import logging
import os
import tempfile
import threading
import time
import uuid
from queue import Empty

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import AsyncKernelManager, KernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

ENGINE_NAME = "planlib-warm-kernel"
# Run in a kernel between two notebooks: back to the state of a kernel that has just started.
RESET_CODE = """\
import matplotlib.pyplot as _planlib_plt
_planlib_plt.close("all")
del _planlib_plt
get_ipython().run_line_magic("reset", "-f")
get_ipython().execution_count = 1
"""


async def _reset(kc) -> dict:
    """Run RESET_CODE through nbclient's own (asynchronous) client, already connected."""
    reply = kc.execute_interactive(RESET_CODE, store_history=False, timeout=30)
    return await reply if inspect.isawaitable(reply) else reply


class QuickReadyClient(BlockingKernelClient):
    """A client that, once the kernel answered kernel_info on both channels, flushes IOPub briefly.

    jupyter_client waits 0.2 s of silence after readiness; for a kernel that is
    already running and idle, a short flush is enough, and it saves that wait
    for every notebook a warm kernel runs.
    """

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or 60)
        while True:
            self.kernel_info()
            try:
                reply = self.get_shell_msg(timeout=1)
            except Empty:
                reply = None
            if reply and reply["msg_type"] == "kernel_info_reply":
                try:
                    self.get_iopub_msg(timeout=0.5)  # IOPub is connected once a status message arrives
                    break
                except Empty:
                    pass
            if not self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                self.get_iopub_msg(timeout=0.02)
            except Empty:
                break


class IPCTransport:
    """Kernels talk over local IPC sockets, each with its own path: nothing listens on the network."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", os.path.join(tempfile.gettempdir(), f"planlib-kernel-{uuid.uuid4().hex[:12]}"))
        super().__init__(**kwargs)


class IPCKernelManager(IPCTransport, KernelManager):
    """The pool's warm kernels."""

    client_class = "planlib.report.kernels.QuickReadyClient"


class AsyncIPCKernelManager(IPCTransport, AsyncKernelManager):
    """Papermill's own kernels (one new kernel per notebook), on the same local sockets."""


class WarmKernelEngine(NBClientEngine):
    """Papermill's nbclient engine, run in a kernel the caller owns (passed as `km`)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        km = kwargs.pop("km")
        kwargs.pop("input_path", None)
        client = PapermillNotebookClient(nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                                         kernel_name=kernel_name, log=logging.getLogger("papermill"),
                                         log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
                                         store_widget_state=False, **kwargs)
        km.planlib_clean = False
        try:
            result = client.execute()
            reply = run_sync(_reset)(client.kc)
            km.planlib_clean = reply["content"]["status"] == "ok"
            return result
        finally:
            if client.kc is not None:
                client.kc.stop_channels()


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)


# Imported by a kernel as soon as it starts, while the report loads the plan: the first
# notebook then finds them loaded. Names are deleted again, leaving the namespace empty.
WARM_MODULES = ("pandas", "matplotlib.pyplot", "ipywidgets", "babel.numbers", "babel.dates", "planlib.notebook",
                "planlib.steps.registry", "planlib.steps.objectives.charts", "planlib.steps.actions.charts",
                "planlib.steps.budget.charts", "planlib.steps.budget.spend")
WARM_CODE = f"""\
import importlib as _planlib_importlib
for _planlib_module in {WARM_MODULES!r}:
    _planlib_importlib.import_module(_planlib_module)
del _planlib_importlib, _planlib_module
"""


class KernelPool:
    """Started kernels waiting for their next notebook."""

    def __init__(self, cwd: str, kernel_name: str = "python3"):
        self.cwd, self.kernel_name = cwd, kernel_name
        self.idle: list[KernelManager] = []
        self.warming = 0
        self.lock = threading.Condition()

    def start(self) -> KernelManager:
        km = IPCKernelManager(kernel_name=self.kernel_name)
        # No history database: report runs leave nothing in ~/.ipython, and counters can restart at 1.
        km.start_kernel(cwd=self.cwd, extra_arguments=["--HistoryManager.enabled=False"])
        km.planlib_clean = True
        return km

    def prewarm(self, count: int) -> None:
        """Start kernels in the background and load the stack into them."""
        def warm() -> None:
            km = self.start()
            client = km.blocking_client()
            client.start_channels()
            try:
                client.wait_for_ready(timeout=60)
                client.execute_interactive(WARM_CODE, store_history=False, timeout=60)
            except (RuntimeError, TimeoutError):
                pass  # a cold kernel still works; the notebook imports what it needs
            finally:
                client.stop_channels()
                with self.lock:
                    self.warming -= 1
                    self.idle.append(km)
                    self.lock.notify()

        with self.lock:
            self.warming += count
        for _ in range(count):
            threading.Thread(target=warm, daemon=True).start()

    def acquire(self) -> KernelManager:
        with self.lock:
            while not self.idle and self.warming:
                self.lock.wait()
            if self.idle:
                return self.idle.pop()
        return self.start()

    def release(self, km: KernelManager, healthy: bool) -> None:
        """Keep a kernel the engine reset after a clean run; shut it down if anything went wrong."""
        if healthy and getattr(km, "planlib_clean", False) and km.is_alive():
            with self.lock:
                self.idle.append(km)
        else:
            self._shutdown(km)

    @staticmethod
    def _shutdown(km: KernelManager) -> None:
        try:
            km.shutdown_kernel(now=True)
        finally:
            km.cleanup_resources()

    def close(self) -> None:
        with self.lock:
            while self.warming:
                self.lock.wait()
            kernels, self.idle = self.idle, []
        for km in kernels:
            self._shutdown(km)
