"""Whatever the export's form, an import that succeeds holds exactly the file's values on the file's days.

Random wide exports (fixed seeds): separators, encodings, title lines, totals rows, day-first, month-first or
ISO dates (with or without a time part), decimal commas or points, thousands separators, currency signs, rate
and average columns. Each import either refuses (only when the dates cannot be read one way) or gives, per
metric, the exact sum of the values written, on exactly the days written; no rate is ever a metric.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from planlib.core.errors import PlanError
from planlib.core.exports.reader import read_export

RATE_HEADERS = ["Taux de conversion", "CTR", "Open rate", "Avg. CPC", "Cost per lead", "Position", "Bounce %"]


def _number(value: float, decimal: str, grouped: bool, decimals: int) -> str:
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if decimal == ",":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _day(day: date, form: str, with_time: bool) -> str:
    text = {"iso": f"{day:%Y-%m-%d}", "dmy": f"{day:%d/%m/%Y}", "mdy": f"{day.month}/{day.day}/{day.year}",
            "compact": f"{day:%Y%m%d}"}[form]
    return text + (" 09:30" if with_time and form != "compact" else "")


def _export(seed: int, folder):
    rng = random.Random(seed)
    sep = rng.choice([",", ";", "\t"])
    decimal = "," if sep != "," and rng.random() < 0.6 else "."
    form = rng.choice(["iso", "dmy", "mdy", "compact"])
    start = date(2026, rng.randint(1, 12), rng.randint(1, 28))
    days = sorted({start + timedelta(days=rng.randint(0, 60)) for _ in range(rng.randint(3, 25))})
    metrics = rng.sample(["sessions", "leads", "orders", "revenue", "signups", "quotes"], rng.randint(1, 4))
    rates = rng.sample(RATE_HEADERS, rng.randint(0, 2))
    header = ["date"] + metrics + rates
    sums = {m: 0.0 for m in metrics}
    lines = [sep.join(header)]
    for day in days:
        cells = [_day(day, form, rng.random() < 0.3)]
        for metric in metrics:
            decimals = 2 if metric == "revenue" else 0
            value = round(rng.uniform(0, 50000 if metric == "revenue" else 3000), decimals)
            sums[metric] += value
            shown = _number(value, decimal, rng.random() < 0.5 and sep != ",", decimals)
            cells.append(("€" + shown if decimal == "." else shown + " €") if metric == "revenue" else shown)
        cells += [_number(rng.uniform(0, 100), decimal, False, 2) + (" %" if rng.random() < 0.5 else "")
                  for _ in rates]
        lines.append(sep.join(cells))
    if rng.random() < 0.5:
        lines.append(sep.join(["Total"] + [_number(sums[m], decimal, False, 2) for m in metrics] + ["" for _ in rates]))
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.3:
        text = "Export du tableau de bord\n" + text if sep != "," else text
    encoding = rng.choice(["utf-8", "cp1252", "utf-16"])
    path = folder / f"export-{seed}.csv"
    if encoding == "cp1252":  # French Excel groups thousands with a no-break space
        text = text.replace("\u202f", "\u00a0")
    path.write_bytes(text.encode(encoding))
    ambiguous = form in ("dmy", "mdy") and all(d.day <= 12 for d in days)
    return path, sums, set(days), rates, ambiguous, form


@pytest.mark.parametrize("seed", range(150))
def test_an_import_that_succeeds_holds_exactly_the_files_values(seed, tmp_path):
    path, sums, days, rates, ambiguous, form = _export(seed, tmp_path)
    try:
        reading = read_export(path)
    except PlanError as error:
        assert ambiguous, [p.text("en") for p in error.problems]
        assert [p.code for p in error.problems] == ["dates_ambiguous"]
        reading = read_export(path, dates=form)  # told the order, it reads them
    found = {m: round(float(g["value"].sum()), 6) for m, g in reading.rows.groupby("metric")}
    assert found == {m: round(v, 6) for m, v in sums.items()}
    assert set(reading.rows["date"]) == days
    assert not set(reading.rows["metric"]) & {r.lower() for r in rates}
    assert {column for column, _ in reading.left_out} == set(rates)
