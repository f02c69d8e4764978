"""The marketing calendar: lanes per channel, sends of recurring actions, one A4 landscape page per quarter."""
from __future__ import annotations

from datetime import date

import matplotlib
import pytest

from planlib import load_plan
from planlib.steps.actions.marketing_calendar import A4_LANDSCAPE, calendar_entries, lane_order, quarter_figure

matplotlib.use("Agg")
pytestmark = pytest.mark.unit


def test_each_action_sits_in_its_channels_lane_and_recurring_ones_are_sends():
    plan = load_plan("data/example")
    entries = calendar_entries(plan)
    channels = dict(zip(plan.channels["id"], plan.channels["name"]))
    for row in plan.actions[plan.actions["status"] != "cancelled"].itertuples(index=False):
        lanes = set(entries.loc[entries["id"] == row.id, "lane"])
        if lanes:
            assert lanes == {channels.get(row.channel_id) or row.workstream}, row.id
    weekly = entries[entries["id"] == "A15"]  # the weekly newsletter: one send a week, on working days
    assert set(weekly["kind"]) == {"send"} and len(weekly) >= 50
    assert all(plan.calendar.is_working_day(day) for day in weekly["start"])
    assert set(entries.loc[entries["id"] == "A23", "kind"]) == {"span"}
    order = lane_order(plan, entries)
    named = [name for name in plan.channels["name"] if name in order]
    assert order[:len(named)] == named  # channels in the plan's order, then workstreams


def test_a_quarter_is_one_a4_landscape_page_naming_the_messages_of_each_send():
    plan = load_plan("data/example")
    quarter = plan.period("2026-Q2")
    figure = quarter_figure(plan, quarter, calendar_entries(plan), "en", "Marketing calendar, Q2 2026")
    assert tuple(round(x, 2) for x in figure.get_size_inches()) == A4_LANDSCAPE
    axes = figure.axes[0]
    texts = [t.get_text() for t in axes.texts]
    newsletter = next(t for t in texts if t.startswith(" A15 "))
    channel = plan.actions.loc[plan.actions["id"] == "A15", "channel_id"].iloc[0]
    messages = plan.messages.loc[plan.messages["channel_id"] == channel, "id"].tolist()
    assert newsletter.endswith(" · " + ", ".join(messages)) and messages
    assert {"Mother's Day"} <= {t.strip() for t in texts}  # a high-activity period of the quarter, named
    assert not any(t.strip().startswith("Black Friday") for t in texts)  # one of another quarter is not
    assert [label.get_text() for label in axes.get_xticklabels()] == ["Apr", "May", "Jun"]
    left, right = axes.get_xlim()
    import matplotlib.dates as mdates

    assert (mdates.num2date(left).date(), mdates.num2date(right).date()) == (date(2026, 4, 1), date(2026, 7, 1))


def test_a_quarter_with_nothing_planned_says_so_in_french():
    plan = load_plan("data/exemple-fr")
    empty = calendar_entries(plan).iloc[0:0]
    figure = quarter_figure(plan, plan.period("2026-Q3"), empty, "fr", "Calendrier marketing, T3 2026")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "rien de prévu dans ce trimestre" in texts and any(t.startswith("barres : actions en cours") for t in texts)
