"""The plan as calendar items, and those items as iCalendar files a calendar app subscribes to.

A plan lives in people's calendars: each action as an all-day span from the
schedule, the payments of the budget lines and the decisions' due dates as
milestones, the plan's high-activity periods and its country's public holidays.
Each item keeps one UID from run to run (the plan's company and year, and the item's own id),
so an app subscribed to the file moves an action that moved instead of showing
it twice, and marks a cancelled one cancelled.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from ..core import names
from ..core.i18n import column_label, format_money, joined, labelled, tr
from ..core.plan import Plan
from ..steps.actions.schedule import schedule
from ..steps.budget.compute import payment_flows

TEAM = ""  # the owner of the items everyone shares: periods and holidays


@dataclass(frozen=True)
class Item:
    """One calendar entry: an all-day span from `start` to `end` (both included)."""

    uid: str
    kind: str  # action, payment, decision, period, holiday
    start: date
    end: date
    summary: str
    description: tuple[str, ...] = ()
    owner: str = TEAM
    status: str = "CONFIRMED"  # TENTATIVE (an idea), CONFIRMED, CANCELLED
    categories: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class Items:
    """The plan's items, and the actions left out because no date places them."""

    items: list[Item]
    undated: list[str]

    def owners(self) -> list[str]:
        return sorted({i.owner for i in self.items if i.owner != TEAM}, key=str.casefold)

    def of(self, owner: str | None) -> list[Item]:
        """Everything (the team's file), or only what one owner holds."""
        return self.items if owner is None else [i for i in self.items if i.owner == owner]


def slug(text: str) -> str:
    """A piece of a UID or of a file name, never empty."""
    return names.slug(text, 60) or "x"


def plan_domain(plan: Plan) -> str:
    """The part of every UID that names the plan: its company and year, not its folder (every workspace's
    plan folder is called plan/), so two plans' feeds in one calendar app never merge their items."""
    company = plan.config.company or plan.name
    return f"{slug(company)}-{plan.calendar.year}.planlib"


def _day(value) -> date | None:
    """A plain date from what a table holds (a date, a Timestamp, text, or nothing)."""
    if value is None or value == "" or (not isinstance(value, date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):  # a pandas Timestamp too
        return None if pd.isna(value) else value.date()
    return value if isinstance(value, date) else pd.Timestamp(value).date()


def calendar_items(plan: Plan, lang: str) -> Items:
    """Every item of the plan's calendar, in the language given."""
    domain = plan_domain(plan)
    actions = plan.actions.set_index("id")
    names = dict(zip(plan.actions["id"], plan.actions["name"]))
    key_results = dict(zip(plan.key_results["id"], plan.key_results["title"])) \
        if "title" in plan.key_results.columns else {}
    items, undated = [], []
    scheduled = schedule(plan).set_index("id")
    for action_id, row in actions.iterrows():
        if action_id in scheduled.index:
            dates = scheduled.loc[action_id]
            start = _day(dates["planned_start"]) or _day(dates["earliest_start"])
            end = _day(dates["planned_end"]) or _day(dates["earliest_end"])
        else:  # cancelled: kept so that a subscribed app marks it, where its own dates place it
            start, end = _day(row["start"]), _day(row["end"]) or _day(row["start"])
        if start is None or end is None:
            undated.append(action_id)
            continue
        items.append(Item(f"action-{slug(action_id)}@{domain}", "action", start, max(start, end),
                          f"{action_id} {row['name']}", _action_lines(row, names, key_results, lang),
                          row["owner"] or TEAM, _status(row["status"]),
                          tuple(c for c in (row["workstream"],) if c)))
    items += _payments(plan, domain, actions, lang)
    items += _decisions(plan, domain, key_results, lang)
    items += _periods(plan, domain, lang)
    items += _holidays(plan, domain, lang)
    return Items(sorted(items, key=lambda i: (i.start, i.kind, i.uid)), undated)


def _status(code: str) -> str:
    return {"cancelled": "CANCELLED", "idea": "TENTATIVE"}.get(code, "CONFIRMED")


def _action_lines(row, names: dict, key_results: dict, lang: str) -> tuple[str, ...]:
    lines = []
    if row["description"]:
        lines.append(row["description"])
    lines.append(labelled(column_label("status", lang), tr(f"value.{row['status']}", lang), lang))
    if row["owner"]:
        lines.append(labelled(column_label("owner", lang), row["owner"], lang))
    if row["key_result_id"]:
        title = key_results.get(row["key_result_id"], "")
        lines.append(labelled(column_label("key_result_id", lang), f"{row['key_result_id']} {title}".strip(), lang))
    if row["workstream"]:
        lines.append(labelled(column_label("workstream", lang), row["workstream"], lang))
    needs = [n.strip() for n in str(row["depends_on"] or "").replace(";", ",").split(",") if n.strip()]
    if needs:
        lines.append(labelled(column_label("depends_on", lang),
                              joined([f"{n} {names.get(n, '')}".strip() for n in needs], lang), lang))
    deadline = _day(row["deadline"])
    if deadline is not None:
        lines.append(tr("calendar.deadline", lang, day=deadline))
    return tuple(lines)


def _payments(plan: Plan, domain: str, actions, lang: str) -> list[Item]:
    """The instalments of the lines with a payment schedule: the dates money leaves (other lines are spread
    over their period, with no day of their own)."""
    lines = plan.budget.set_index("id")
    flows = payment_flows(plan)
    flows = flows[flows["line_id"].isin(lines.index[lines["schedule"] != ""])]
    if not len(flows):
        return []
    items = []
    for line_id, group in flows.groupby("line_id", sort=True):
        line = lines.loc[line_id]
        action_id = line["action_id"]
        owner = actions.loc[action_id, "owner"] if action_id in actions.index else TEAM
        for number, flow in enumerate(group.sort_values("start").itertuples(index=False), start=1):
            day = _day(flow.start)
            if day is None or flow.amount == 0:
                continue
            amount = format_money(flow.amount, plan.currency, lang)
            items.append(Item(f"payment-{slug(line_id)}-{number}@{domain}", "payment", day, day,
                              tr("calendar.payment", lang, label=line["label"], amount=amount),
                              (labelled(column_label("budget_line_id", lang), f"{line_id} {line['label']}", lang),),
                              owner or TEAM, categories=(tr("calendar.payments", lang),)))
    return items


def _decisions(plan: Plan, domain: str, key_results: dict, lang: str) -> list[Item]:
    items = []
    for row in plan.decisions.itertuples(index=False):
        due = _day(row.due)
        if due is None:
            continue
        result = f"{row.key_result_id} {key_results.get(row.key_result_id, '')}".strip()
        lines = tuple(line for line in (row.reason, labelled(column_label("status", lang),
                                                             tr(f"decision_status.{row.status}", lang), lang)) if line)
        items.append(Item(f"decision-{slug(row.id)}@{domain}", "decision", due, due,
                          tr("calendar.decision_due", lang, id=row.id, decision=tr(f"decision.{row.decision}", lang),
                             result=result), lines, row.owner or TEAM,
                          "CANCELLED" if row.status == "cancelled" else "CONFIRMED",
                          (tr("calendar.decisions", lang),)))
    return items


def _periods(plan: Plan, domain: str, lang: str) -> list[Item]:
    items = []
    for period in plan.config.high_activity_periods:
        start, end = _day(period.get("start")), _day(period.get("end"))
        if start is None or end is None:
            continue
        name = str(period.get("name", ""))
        items.append(Item(f"period-{slug(name)}-{start.year}@{domain}", "period", start, max(start, end),
                          tr("calendar.high_activity", lang, name=name), (), TEAM,
                          categories=(tr("calendar.high_activity_category", lang),)))
    return items


def _holidays(plan: Plan, domain: str, lang: str) -> list[Item]:
    from ..core.periods import has_holiday_calendar, public_holidays

    country = plan.calendar.country
    if not country or not has_holiday_calendar(country):
        return []
    year = plan.calendar.fiscal_year(plan.calendar.year)
    names = public_holidays(country, range(year.start.year, year.end.year + 1), lang)
    items = []
    for day, name in sorted(names.items()):
        if year.start <= day <= year.end:
            items.append(Item(f"holiday-{day:%Y%m%d}@{domain}", "holiday", day, day,
                              tr("calendar.holiday", lang, name=name), (), TEAM,
                              categories=(tr("calendar.holidays", lang),)))
    return items


def ics_bytes(plan: Plan, items: list[Item], lang: str, title: str, stamp: datetime | None = None) -> bytes:
    """The items as one iCalendar file. `stamp` (DTSTAMP) defaults to the start of the plan's fiscal year, so
    the same plan gives the same bytes: a scheduler's fresh file differs only where the plan does."""
    from icalendar import Calendar, Event

    stamp = stamp or datetime.combine(plan.calendar.fiscal_year(plan.calendar.year).start, datetime.min.time(),
                                      tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", "-//planlib//marketing action plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + timedelta(days=1))  # all day: the end is the day after, exclusive
        event.add("summary", item.summary)
        if item.description:
            event.add("description", "\n".join(item.description))
        event.add("status", item.status)
        event.add("transp", "TRANSPARENT")  # a span of work, not a meeting: it blocks no one's free time
        if item.categories:
            event.add("categories", list(item.categories))
        calendar.add_component(event)
    return calendar.to_ical()
