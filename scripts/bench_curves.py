"""Response curves at size: 30 channels x 1,000 grid points allocated (target < 0.5 s), and 30 channels x 104
weeks fitted, Hill and Michaelis-Menten each with its bootstrap band (target < 5 s). Best of 3.

Run: python scripts/bench_curves.py   (make bench runs it too)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planlib.steps.budget.curve_fit import fit_channel  # noqa: E402
from planlib.steps.budget.curves import Curve, form_response  # noqa: E402
from planlib.steps.budget.reallocation import ChannelMove, _greedy, _PeriodCurve  # noqa: E402

CHANNELS, GRID, WEEKS = 30, 1000, 104


def best_of(run, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_curves() -> None:
    rng = np.random.default_rng(11)
    curves, moves = [], []
    for n in range(CHANNELS):
        planned = float(rng.uniform(5000, 50000))
        curves.append(_PeriodCurve(Curve(f"C{n:02d}", "revenue", 7, "hill", top=float(rng.uniform(2e3, 2e4)),
                                         half=float(rng.uniform(300, 3000)), shape=float(rng.uniform(0.8, 1.6))), 91))
        moves.append(ChannelMove(f"C{n:02d}", planned, 0.0, planned * 0.7, planned * 1.3))
    envelope = sum(m.planned for m in moves)
    allocate = best_of(lambda: _greedy(curves, moves, envelope, GRID, None))
    spends = [rng.uniform(200, 3000, WEEKS) for _ in range(CHANNELS)]
    responses = [form_response("hill", x, 5000, 900, 1.3) * (1 + rng.normal(0, 0.05, WEEKS)) for x in spends]
    fit_channel("warm-up", spends[0], responses[0])  # scipy's import is start-up, not fitting
    fit = best_of(lambda: [fit_channel(f"C{n}", x, y) for n, (x, y) in enumerate(zip(spends, responses))])
    print(f"response curves (best of 3):\n"
          f"  allocate {CHANNELS} channels x {GRID} grid points   {allocate:.3f} s   "
          f"{'PASS' if allocate < 0.5 else 'FAIL'} (target < 0.5 s)\n"
          f"  fit {CHANNELS} channels x {WEEKS} weeks              {fit:.3f} s   "
          f"{'PASS' if fit < 5 else 'FAIL'} (target < 5 s)")


if __name__ == "__main__":
    bench_curves()
