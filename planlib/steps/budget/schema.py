"""Step 6's files: budget lines, forecasts, actual spend and response curves."""
from __future__ import annotations

from dataclasses import dataclass

from ...core.schema import (
    DATE, ENUM, FLOAT, ID, INT, MONEY, PERCENT, PERIOD, REF, SCHEDULE, TEXT, Column, Table,
)
from ...core.settings import block

BUDGET_CATEGORIES = ("studies", "media", "production", "agencies", "events", "tools", "other")
COST_TYPES = ("fixed", "variable")
CURVE_FAMILIES = ("points", "hill", "michaelis_menten", "logistic")  # points: one row per sampled spend
BUDGET_METHODS = ("fixed", "revenue_share", "bottom_up")
DEFAULT_BUDGET_METHOD = "bottom_up"  # the envelope a plan's budget.method names when it names none


def plan_categories(settings: dict) -> dict[str, dict[str, str]]:
    """The budget categories of a plan: the standard set (worded by the catalogs) plus its own.

    A plan's own categories (budget.categories in plan.yaml) carry their labels
    per language: `{id: sponsorship, en: Sponsorship, fr: Parrainage}`.
    """
    categories: dict[str, dict[str, str]] = {code: {} for code in BUDGET_CATEGORIES}
    budget = block(settings, "budget")
    for extra in (budget.get("categories") or []):
        if isinstance(extra, dict) and extra.get("id"):
            categories[str(extra["id"])] = {k: str(v) for k, v in extra.items() if k != "id" and v}
    return categories


@dataclass(frozen=True)
class BudgetSettings:
    """plan.yaml's `budget:` block, typed: the envelope methods' inputs and the one compared with the lines."""

    method: str  # fixed, revenue_share or bottom_up
    stated: bool  # whether plan.yaml names a method (the step's "envelope" check)
    envelope: float  # the fixed envelope for the year
    revenue_share: float  # per cent of the revenue forecast
    revenue_forecast: float  # the year's revenue, when forecasts.csv has no 'revenue' driver

    @classmethod
    def of(cls, settings: dict) -> "BudgetSettings":
        budget = block(settings, "budget")
        number = lambda key: float(budget.get(key) or 0)  # noqa: E731
        return cls(str(budget.get("method") or DEFAULT_BUDGET_METHOD), bool(budget.get("method")),
                   number("envelope"), number("revenue_share"), number("revenue_forecast"))


def category_codes(settings: dict) -> tuple[str, ...]:
    """The category codes a plan's budget and spend rows may use: the standard ones and the plan's own."""
    return tuple(plan_categories(settings))

# French and spoken words a person may type for a code; readers map them back to it.
ALIASES: dict[str, str] = {
    "études et recherche": "studies", "etudes": "studies", "études": "studies",
    "studies and research": "studies", "achat média": "media", "achat media": "media",
    "media buying and advertising": "media", "publicité": "media",
    "production de supports": "production", "production of materials": "production",
    "agences et prestataires": "agencies", "agencies and providers": "agencies",
    "événements": "events", "evenements": "events", "outils et logiciels": "tools",
    "tools and software": "tools", "autre": "other", "autres": "other",
    "fixe": "fixed",
}

TABLES: tuple[Table, ...] = (
    Table("forecasts", (
        Column("id", ID, required=True),
        Column("driver", TEXT, required=True, help="what is forecast, e.g. revenue or marketplace_revenue"),
        Column("period", PERIOD, required=True, help="period id: 2026-05, 2026-Q2..."),
        Column("value", FLOAT, required=True),
        Column("channel_id", REF, ref="channels"),
    ), "Forecasts (revenue by channel...) that variable costs and revenue-share envelopes apply to."),
    Table("budget", (
        Column("id", ID, required=True),
        Column("label", TEXT, required=True),
        Column("action_id", REF, ref="actions", feeds="budget_by_action"),
        Column("category", ENUM, required=True, allowed=BUDGET_CATEGORIES, allowed_from=category_codes),
        Column("period", PERIOD, required=True, help="period id: 2026, 2026-Q2, 2026-05, 2026-S03"),
        Column("amount", MONEY, minimum=0),
        Column("cost_type", ENUM, allowed=COST_TYPES, default="fixed"),
        Column("rate", PERCENT, minimum=0, maximum=100, unit="%", help="for a variable cost: share of the driver"),
        Column("driver", TEXT, help="for a variable cost: the forecast it applies to"),
        Column("schedule", SCHEDULE, help="instalments, e.g. 25% 2026-02-01; 75% end"),
        Column("channel_id", REF, ref="channels"),
    ), "Budget lines."),
    Table("spend", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("amount", MONEY, required=True),
        Column("budget_line_id", REF, ref="budget", feeds="spend_vs_plan"),
        Column("action_id", REF, ref="actions"),
        Column("category", ENUM, allowed=BUDGET_CATEGORIES, allowed_from=category_codes),
        Column("supplier"),
        Column("label"),
        Column("source", help="what import-spend read the row from: an ad platform, or fec:JOURNAL/ENTRY/ACCOUNT/DATE"),
    ), "Actual spend, one row per invoice or payment."),
    Table("curves", (
        Column("id", ID, required=True),
        Column("channel_id", REF, required=True, ref="channels"),
        Column("metric", TEXT, required=True, help="the incremental result the curve gives: orders, revenue..."),
        Column("period_days", INT, required=True, minimum=1, unit="days",
               help="the length of the period its spend and response are counted over (7 for a weekly model)"),
        Column("family", ENUM, allowed=CURVE_FAMILIES, default="points",
               help="points (one row per sampled spend) or a form: hill, michaelis_menten, logistic"),
        Column("spend", MONEY, minimum=0, help="points: the spend of this sample, per period"),
        Column("response", FLOAT, help="points: the incremental response at that spend"),
        Column("low", FLOAT, help="points: the band's low end at that spend"),
        Column("high", FLOAT, help="points: the band's high end at that spend"),
        Column("top", FLOAT, minimum=0, help="a form: the response it tends to (hill, michaelis_menten, logistic)"),
        Column("top_low", FLOAT, minimum=0, help="a form: the low end of its band, as a top"),
        Column("top_high", FLOAT, minimum=0, help="a form: the high end of its band, as a top"),
        Column("half", FLOAT, minimum=0, help="hill, michaelis_menten: the scaled spend giving half the top"),
        Column("shape", FLOAT, minimum=0, help="hill: the slope; logistic: the rate"),
        Column("spend_scale", FLOAT, minimum=0,
               help="what a spend is multiplied by before the form applies (1 / the model's channel scale)"),
        Column("fitted_from", MONEY, minimum=0, help="the lowest spend per period the curve was fitted on"),
        Column("fitted_to", MONEY, minimum=0, help="the highest spend per period the curve was fitted on"),
        Column("r2", FLOAT, help="for a curve fitted by planlib curves fit: its R²"),
        Column("source", help="where it comes from: meridian, pymc-marketing, robyn, csv, or fit:METRIC:BY"),
    ), "Response curves: the incremental result of a channel's spend, imported from a model or fitted."),
)
