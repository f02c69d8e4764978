"""The marketing calendar: a quarter on one A4 landscape page, one lane per channel (or workstream).

The wall calendar of a marketing team: what runs on each channel month by
month, each send of a recurring action (a newsletter, a monthly post) as a
mark on its day with the channel's messages named, the high-activity periods
shaded and the public holidays drawn. Actions without a channel sit in their
workstream's lane.
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd

from ...core.i18n import tr
from ...core.parse import to_date
from ...core.periods import Period
from ...core.plan import Plan
from ...ui.charts import month_name, new_figure
from .schedule import RECURRENCE_STEPS, occurrences, schedule

A4_LANDSCAPE = (11.69, 8.27)  # inches: the figure is the page


def calendar_entries(plan: Plan, scheduled: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per action span or send: lane, kind (span or send), id, name, start, end, status."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    channels = dict(zip(plan.channels["id"], plan.channels["name"]))
    action_channel = dict(zip(plan.actions["id"], plan.actions["channel_id"]))
    lanes = {row.id: channels.get(action_channel.get(row.id, ""), "") or row.workstream
             for row in scheduled.itertuples(index=False)}
    info = scheduled.set_index("id")
    rows = []
    for occurrence in occurrences(plan, scheduled).itertuples(index=False):
        action = info.loc[occurrence.id]
        kind = "send" if action["recurrence"] in RECURRENCE_STEPS else "span"
        rows.append({"lane": lanes[occurrence.id], "kind": kind, "id": occurrence.id, "name": action["name"],
                     "start": occurrence.start, "end": occurrence.end, "status": action["status"],
                     "channel_id": action_channel.get(occurrence.id, "")})
    return pd.DataFrame(rows, columns=["lane", "kind", "id", "name", "start", "end", "status", "channel_id"])


def lane_order(plan: Plan, entries: pd.DataFrame) -> list[str]:
    """Channels in the plan's order, then the workstreams of actions without a channel."""
    channels = [name for name in plan.channels["name"] if name in set(entries["lane"])]
    return channels + sorted(set(entries["lane"]) - set(channels), key=str.casefold)


LABEL_DAYS_PER_CHAR = 0.6  # how far a label reaches on a quarter's page, in days per character


def _packed(spans: pd.DataFrame) -> dict[str, int]:
    """A sub-row per action so that no two spans of a lane, nor their labels, overlap (first free row, in
    start order)."""
    ends: list = []
    placed = {}
    for action, group in spans.groupby("id", sort=False):
        first = group["start"].min()
        label = timedelta(days=LABEL_DAYS_PER_CHAR * (len(action) + 2 + min(len(group.iloc[0]["name"]), 40)))
        last = max(group["end"].max(), first + label)
        row = next((n for n, end in enumerate(ends) if end < first), len(ends))
        if row == len(ends):
            ends.append(last)
        else:
            ends[row] = last
        placed[action] = row
    return placed


def quarter_figure(plan: Plan, quarter: Period, entries: pd.DataFrame, lang: str, title: str):
    """One quarter as an A4 landscape page: lanes down, days across, months marked."""
    shown = entries[(entries["end"] >= quarter.start) & (entries["start"] <= quarter.end)].copy()
    shown["start"] = shown["start"].map(lambda day: max(day, quarter.start))  # what the page shows of each
    shown["end"] = shown["end"].map(lambda day: min(day, quarter.end))
    lanes = lane_order(plan, shown) if len(shown) else []
    figure, axes = new_figure(*A4_LANDSCAPE)
    y, ticks, labels, messages = 0.0, [], [], dict(plan.messages.groupby("channel_id")["id"].apply(list))
    for lane in reversed(lanes):
        items = shown[shown["lane"] == lane].sort_values(["start", "id"])
        rows = _packed(items)
        height = max(rows.values()) + 1
        for item in items.itertuples(index=False):
            row_y = y + height - rows[item.id] - 0.5
            if item.kind == "send":  # below the row's label, which the marks would otherwise cross
                axes.scatter([item.start], [row_y - 0.22], marker="v", s=22, color="#1f4e79", zorder=4)
            else:
                axes.barh(row_y, (min(item.end, quarter.end) - max(item.start, quarter.start)).days + 1,
                          left=max(item.start, quarter.start), height=0.7,
                          color="#d9d9d9" if item.status == "idea" else "#9dc3e6", edgecolor="#1f4e79",
                          linewidth=0.5, zorder=3)
        for action, group in items.groupby("id", sort=False):
            first = max(group["start"].min(), quarter.start)
            sent = group.iloc[0]["channel_id"]
            suffix = f" · {', '.join(messages.get(sent, []))}" if group.iloc[0]["kind"] == "send" and \
                messages.get(sent) else ""
            send = group.iloc[0]["kind"] == "send"
            axes.text(first, y + height - rows[action] - (0.45 if send else 0.5),
                      f" {action} {group.iloc[0]['name'][:40]}{suffix}", va="bottom" if send else "center",
                      fontsize=6.5, zorder=5, clip_on=True)
        ticks.append(y + height / 2)
        labels.append(lane)
        axes.axhline(y, color="#bfbfbf", linewidth=0.6, zorder=1)
        y += height
    for busy in plan.config.high_activity_periods:
        start, end = to_date(busy.get("start")), to_date(busy.get("end"))
        if start and end and end >= quarter.start and start <= quarter.end:
            axes.axvspan(max(start, quarter.start), min(end, quarter.end) + timedelta(days=1), color="#ffe699",
                         alpha=0.6, zorder=0)
            axes.text(max(start, quarter.start), y + 0.15, f" {busy.get('name', '')}", fontsize=7,
                      color="#7f6000", va="bottom")
    day = quarter.start
    while day <= quarter.end:
        if plan.calendar.holiday_name(day):
            axes.axvline(day, color="#a6a6a6", linestyle=":", linewidth=0.8, zorder=1)
        day += timedelta(days=1)
    month_starts = pd.date_range(quarter.start, quarter.end, freq="MS").date
    for start in month_starts:
        axes.axvline(start, color="#595959", linewidth=0.8, zorder=2)
    axes.set_xticks([start + timedelta(days=14) for start in month_starts])
    axes.set_xticklabels([month_name(start, lang) for start in month_starts], fontsize=9)
    axes.tick_params(axis="x", length=0)
    axes.set_yticks(ticks)
    axes.set_yticklabels(labels, fontsize=8)
    axes.set_xlim(quarter.start, quarter.end + timedelta(days=1))
    axes.set_ylim(min(0.0, y - 16), max(y, 1) + 1.0)  # a few lanes keep a lane's height, at the top
    if not lanes:
        axes.text(quarter.start + timedelta(days=3), 0.5, tr("label.calendar_empty", lang), fontsize=9)
    axes.set_title(title, loc="left")
    axes.text(1.0, -0.04, tr("label.calendar_key", lang), fontsize=7,
              color="#595959", ha="right", va="top", transform=axes.transAxes)
    figure.subplots_adjust(left=0.16, right=0.98, top=0.94, bottom=0.07)
    return figure


def show_calendar(plan: Plan, period: Period, lang: str, scheduled: pd.DataFrame | None = None) -> None:
    """Each quarter the period touches, as a page of its own (notebook 05 and the report's PDF); the first
    page carries the section's heading and what the calendar shows."""
    import html

    from ...core.i18n import format_period
    from ...ui.charts import show_page

    entries = calendar_entries(plan, scheduled)
    lead = (f"<h2>{html.escape(tr('heading.actions.marketing_calendar', lang))}</h2>"
            f"<p>{html.escape(tr('intro.actions.marketing_calendar', lang))}</p>")
    for quarter in plan.calendar.periods("quarters"):
        if quarter.end >= period.start and quarter.start <= period.end:
            title = tr("label.calendar_title", lang, quarter=format_period(quarter, lang))
            show_page(quarter_figure(plan, quarter, entries, lang, title), title, lead)
            lead = ""
