"""Progress of a report run: a bar on a terminal, lines in a given log, nothing otherwise.

On a terminal the bar says how many periods are done out of how many, the
notebook that just ended, the time elapsed and the time remaining. A
scheduler's log (not a terminal) stays quiet unless a stream is handed in;
`--quiet` silences everything but errors.
"""
from __future__ import annotations

import sys
import threading
from collections import Counter

from ..core.i18n import format_number, tr


class Progress:
    def __init__(self, notebooks_per_period: dict[tuple[str, str], int], stream=None, quiet: bool = False, *,
                 lang: str):
        self.lang = lang  # the run's language: the plan's, or --lang
        self.expected = dict(notebooks_per_period)  # (plan, period) -> notebooks to run
        self.total = sum(self.expected.values())
        self.done, self.ended = 0, Counter()
        self.periods_done = 0
        self.lock = threading.Lock()  # steps arrive from the export threads, messages from others
        self.bar = None
        self.stream = None if quiet else stream
        if not quiet and stream is None and sys.stderr.isatty():
            from tqdm import tqdm  # comes with papermill

            self.stream = sys.stderr
            self.bar = tqdm(total=self.total, unit=tr("report.progress_unit", lang), file=sys.stderr,
                            desc=self._periods())
        self.quiet = quiet

    def _periods(self) -> str:
        return tr("report.progress_periods", self.lang, done=self.periods_done, total=len(self.expected))

    def say(self, text: str) -> None:
        """A message worth reading (a run waiting for another): shown unless quiet."""
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(text)
        else:
            print(text, file=self.stream or sys.stderr, flush=True)

    def forget(self, key: tuple[str, str]) -> None:
        """A period that will not run (its report is up to date): out of the counts."""
        with self.lock:
            count = self.expected.pop(key, 0)
            self.total -= count
            if self.bar is not None:
                self.bar.total = self.total
                self.bar.set_description_str(self._periods())
                self.bar.refresh()

    def step(self, run) -> None:
        with self.lock:
            self.done += 1
            key = (run.plan, run.period)
            self.ended[key] += 1
            if self.ended[key] == self.expected.get(key):
                self.periods_done += 1
            state = tr("report.progress_ok" if run.error is None else "report.progress_failed", self.lang)
            where = f"{run.plan} {run.period}" if run.plan else run.period
            if self.bar is not None:
                self.bar.set_description_str(self._periods())
                self.bar.set_postfix_str(f"{where} {run.notebook.name} {state}")
                self.bar.update(1)
            elif self.stream is not None:
                seconds = format_number(run.seconds, self.lang, 1)
                print(f"[{self.done}/{self.total}] {where} {run.notebook.name} {state} ({seconds} s)",
                      file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
