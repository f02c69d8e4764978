"""Last year's plan of the example company (data/example-2025), the one data/example names as `previous:`.

Small on purpose: eight actions whose costs and results cover each rule of
the audit's review of last year (keep, fix for three reasons, drop, a
cancelled action left aside), with monthly actuals.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from make_example import frame, write_tables

YEAR = 2025

OBJECTIVES = [
    ("B1", "business", "Reach 2.5 M€ of revenue in 2025", "", "Camille", ""),
    ("M1", "marketing", "Bring new customers to the shop", "B1", "Hugo", ""),
    ("M2", "marketing", "Build an audience we own", "B1", "Nadia", ""),
    ("M3", "marketing", "Open a B2B channel with garden centres", "B1", "Camille", ""),
]
# id, objective, title, kpi, baseline, target, unit, deadline, priority, impact, effort, levers, owner
KEY_RESULTS = [
    ("L01", "M1", "Reach 2.5 M€ of online revenue", "K03", 2100000, 2500000, "€", "2025-12-31", "high", 5, 4, "", "Camille"),
    ("L02", "M1", "Win 9 000 new customers", "K05", "", 9000, "customers", "2025-12-31", "high", 4, 3, "", "Hugo"),
    ("L03", "M2", "Collect 10 000 newsletter signups", "K06", "", 10000, "subscribers", "2025-12-31", "medium", 3, 2, "", "Nadia"),
    ("L04", "M2", "Reach 25 000 Instagram followers", "K13", 15000, 25000, "followers", "2025-12-31", "medium", 3, 3, "", "Léa"),
    ("L05", "M3", "Collect 400 leads at trade fairs", "K20", "", 400, "leads", "2025-06-30", "medium", 3, 4, "", "Camille"),
    ("L06", "M1", "Get 3 000 orders from display ads", "K21", "", 3000, "orders", "2025-12-31", "low", 2, 2, "", "Hugo"),
]
KPIS = [
    ("K03", "Revenue", "revenue", "€", "sum", "up", "Online shop revenue, VAT excluded"),
    ("K05", "New customers", "new_customers", "customers", "sum", "up", "First-time buyers"),
    ("K06", "Newsletter signups", "newsletter_signups", "subscribers", "sum", "up", "New subscribers"),
    ("K13", "Instagram followers", "instagram_followers", "followers", "last", "up", "Followers at the end of the period"),
    ("K20", "Trade fair leads", "fair_leads", "leads", "sum", "up", "Contacts collected at fairs"),
    ("K21", "Display orders", "display_orders", "orders", "sum", "up", "Orders attributed to display ads"),
]
CHANNELS = [
    ("C03", "Search ads", "paid", 5, 4, 4, ""),
    ("C06", "Newsletter", "owned", 3, 1, 5, ""),
    ("C07", "Influencers", "paid", 4, 3, 4, ""),
    ("C10", "Trade fairs and events", "paid", 2, 5, 3, ""),
    ("C11", "Display", "paid", 4, 3, 2, "Programmatic banners"),
    ("C12", "Podcast sponsoring", "paid", 2, 3, 3, ""),
]
# id, name, key result, channel, status, budget by quarter, spend (total, paid in equal monthly invoices)
ACTIONS = [
    ("P01", "Search ads always-on", "L01", "C03", "done", 55000, 52000),
    ("P02", "Display campaigns", "L06", "C11", "done", 40000, 43000),
    ("P03", "Weekly newsletter", "L03", "C06", "done", 6000, 5800),
    ("P04", "Instagram micro-influencers", "L04", "C07", "done", 18000, 24000),
    ("P05", "Spring trade fair", "L05", "C10", "done", 15000, 0),  # invoices lost: its cost is its budget
    ("P06", "Checkout redesign", "", "", "done", 8000, 7600),
    ("P07", "Podcast sponsoring", "L02", "C12", "cancelled", 5000, 0),
    ("P08", "Welcome e-mail series", "L02", "C06", "done", 3000, 2900),
]
# metric -> the twelve monthly values of 2025
MONTHLY = {
    "revenue": [170000, 160000, 200000, 230000, 220000, 190000, 170000, 160000, 200000, 220000, 300000, 300000],
    "new_customers": [650, 600, 750, 850, 800, 700, 650, 600, 750, 850, 1100, 1000],
    "newsletter_signups": [700, 650, 800, 850, 800, 700, 650, 600, 750, 800, 900, 1000],
    "instagram_followers": [15900, 16700, 17500, 18300, 19100, 19900, 20700, 21500, 22300, 23200, 24200, 25200],
    "fair_leads": [0, 0, 120, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "display_orders": [70, 65, 80, 85, 80, 70, 65, 60, 75, 80, 95, 75],
}


def _month_end(month: int) -> str:
    return (pd.Timestamp(YEAR, month, 1) + pd.offsets.MonthEnd(0)).date().isoformat()


def tables() -> dict[str, pd.DataFrame]:
    actions = [(a, "Marketing", name, "", kr, "", channel, "Camille", "medium", 3, 3, status,
                f"{YEAR}-01-06", f"{YEAR}-12-19", "", "", "", "none", "")
               for a, name, kr, channel, status, _, _ in ACTIONS]
    budget, spend = [], []
    for a, name, _, channel, _, amount, spent in ACTIONS:
        for quarter in range(1, 5):
            budget.append((f"B{len(budget) + 1:03d}", f"{name} Q{quarter}", a, "media", f"{YEAR}-Q{quarter}",
                           round(amount / 4, 2), "fixed", "", "", "", channel))
        for month in range(1, 13) if spent else ():
            spend.append((f"D{len(spend) + 1:04d}", _month_end(month), round(spent / 12, 2), "", a, "media",
                          "Various", name))
    actuals = [(f"M{n:05d}", _month_end(m + 1), metric, value, "")
               for n, (metric, m, value) in enumerate(((metric, m, v) for metric, values in MONTHLY.items()
                                                       for m, v in enumerate(values)), 1)]
    return {"objectives": frame("objectives", OBJECTIVES), "key_results": frame("key_results", KEY_RESULTS),
            "kpis": frame("kpis", KPIS), "channels": frame("channels", CHANNELS, ("id", "name", "type", "reach", "cost", "fit", "notes")),
            "actions": frame("actions", actions), "budget": frame("budget", budget),
            "spend": frame("spend", spend), "actuals": frame("actuals", actuals)}


def write_previous(folder: Path) -> None:
    """Write the 2025 plan's tables (its plan.yaml and audit.yaml are written by hand)."""
    write_tables(folder, tables())
