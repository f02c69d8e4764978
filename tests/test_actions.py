"""Step 5 on small hand-checked plans: scheduling, conflicts, recurrence, periods, capacity, status, form."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from planlib import load_plan, new_plan, summary
from planlib.steps.actions import forms
from planlib.steps.actions.compute import capacity, period_view, ranked_actions, status_as_of
from planlib.steps.actions.schedule import conflicts, critical_path, occurrences, schedule

HEADER = "id,workstream,name,owner,status,impact,difficulty,priority,start,end,duration_days,deadline,person_days,recurrence,depends_on"
TEAM = """team:
  - {owner: Ann, days_per_week: 5, absences: [{start: 2026-03-23, end: 2026-03-27}]}
  - {owner: Bob, days_per_week: 2.5}
high_activity_periods:
  - {name: Spring sale, start: 2026-04-06, end: 2026-04-12, avoid: [Web], prepare: [A3]}
"""
ACTIONS = [
    "A1,Web,Audit,Ann,planned,3,2,medium,2026-03-02,2026-03-06,,2026-03-13,5,none,",
    "A2,Web,Fix pages,Bob,planned,3,3,medium,2026-03-09,,3,2026-03-12,3,none,A1",
    "A3,Web,Launch,Bob,done,5,1,high,2026-03-12,2026-03-13,,2026-03-13,2,none,A2",
    "A4,Ads,Campaign set-up,Ann,planned,2,2,low,2026-03-02,2026-03-03,,2026-03-20,30,none,",
    "A5,Ads,Bridge week,Ann,planned,2,2,low,2026-05-04,,5,,5,none,",
    "A6,Web,Hurried,Ann,in_progress,2,2,low,2026-03-02,,2,2026-03-06,2,none,A1",
    "A7,Social,Weekly post,Bob,planned,2,1,low,2026-04-01,2026-04-30,,,4,weekly,",
    "A8,Social,Monthly report,Ann,planned,2,1,low,2026-01-15,2026-06-30,,,6,monthly,",
    "A9,Web,Site tweak,Ann,planned,2,1,low,2026-04-08,2026-04-09,,,1,none,",
]


@pytest.fixture
def plan(tmp_path):
    folder = tmp_path / "steps"
    new_plan(folder, company="Steps", year=2026)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("high_activity_periods: []", "").replace("team: []", "")
    (folder / "plan.yaml").write_text(text.split("high_activity_periods")[0] + TEAM, encoding="utf-8")
    (folder / "actions.csv").write_text(HEADER + "\n" + "\n".join(ACTIONS) + "\n", encoding="utf-8")
    return load_plan(folder)


def row(frame, action_id):
    return frame.set_index("id").loc[action_id]


def test_forward_and_backward_passes(plan):
    scheduled = schedule(plan)
    a2 = row(scheduled, "A2")
    assert (a2["planned_start"], a2["planned_end"], a2["duration"]) == (date(2026, 3, 9), date(2026, 3, 11), 3)
    assert (a2["earliest_start"], a2["earliest_end"]) == (date(2026, 3, 9), date(2026, 3, 11))
    assert (a2["latest_start"], a2["latest_end"]) == (date(2026, 3, 9), date(2026, 3, 11))
    a1 = row(scheduled, "A1")  # A6 (2 days, due 6 March) needs A1 done by 4 March: A1 is 2 days short too
    assert (a1["latest_start"], a1["latest_end"], a1["slack"]) == (date(2026, 2, 26), date(2026, 3, 4), -2)
    a4 = row(scheduled, "A4")
    assert (a4["latest_end"], a4["latest_start"], a4["slack"]) == (date(2026, 3, 20), date(2026, 3, 19), 13)


def test_working_days_skip_holidays(plan):
    a5 = row(schedule(plan), "A5")  # 5 working days from Monday 4 May; Friday 8 May is a holiday
    assert (a5["planned_start"], a5["planned_end"]) == (date(2026, 5, 4), date(2026, 5, 11))


def test_slack_and_critical_path(plan):
    scheduled = schedule(plan)
    assert row(scheduled, "A6")["slack"] == -2
    assert critical_path(plan, scheduled) == ["A1", "A6"]
    without = plan.save_table("actions", plan.actions[plan.actions["id"] != "A6"])
    assert critical_path(without) == ["A1", "A2", "A3"]
    assert row(schedule(without), "A3")["slack"] == 0


def test_conflicts_name_what_is_wrong(plan):
    messages = [(c.kind, c.message) for c in conflicts(plan, None, "en")]
    assert messages == [
        ("before_dependency", "A6 starts 2 March 2026 but depends on A1, which ends 6 March 2026"),
        ("deadline_unreachable", "A6 cannot meet its deadline 6 March 2026: it ends 10 March 2026 at the earliest "
                                 "(2 working days late)"),
        ("in_busy_period", "A9 (Web) runs during Spring sale (6 April 2026 to 12 April 2026), which it should avoid"),
    ]
    french = [c.message for c in conflicts(plan, None, "fr")]
    assert french[0] == "A6 commence le 2 mars 2026 mais dépend de A1, qui finit le 6 mars 2026"
    late_launch = plan.actions.copy()
    late_launch.loc[late_launch["id"] == "A3", ["start", "end", "deadline"]] = [
        pd.Timestamp("2026-04-06"), pd.Timestamp("2026-04-07"), pd.Timestamp("2026-04-08")]
    moved = plan.save_table("actions", late_launch)
    assert ("must_precede", "A3 must end before Spring sale starts on 6 April 2026, but ends 7 April 2026") in \
        [(c.kind, c.message) for c in conflicts(moved, None, "en")]


def test_recurrences_expand_into_occurrences(plan):
    found = occurrences(plan)
    weekly = found[found["id"] == "A7"]
    assert weekly["start"].tolist() == [date(2026, 4, d) for d in (1, 8, 15, 22, 29)]
    assert weekly["person_days"].tolist() == [0.8] * 5
    monthly = found[found["id"] == "A8"]["start"].tolist()  # 15 Feb and 15 Mar are Sundays
    assert monthly == [date(2026, 1, 15), date(2026, 2, 16), date(2026, 3, 16), date(2026, 4, 15),
                       date(2026, 5, 15), date(2026, 6, 15)]


def test_period_view(plan):
    figures, view = period_view(plan, plan.period("2026-03"))
    assert figures == {"period": "2026-03", "start": "2026-03-01", "end": "2026-03-31", "working_days": 22,
                       "actions": 6, "person_days": 43.0}
    assert view["id"].tolist() == ["A4", "A8", "A1", "A6", "A2", "A3"]  # by workstream, then start
    assert dict(zip(view["id"], view["person_days"])) == {"A1": 5.0, "A2": 3.0, "A3": 2.0, "A4": 30.0,
                                                          "A6": 2.0, "A8": 1.0}
    assert view.set_index("id").loc["A2", ["owner", "start", "end"]].tolist() == ["Bob", date(2026, 3, 9),
                                                                                  date(2026, 3, 11)]
    figures, view = period_view(plan, plan.period("2026-04"))
    assert dict(zip(view["id"], view["person_days"]))["A7"] == 4.0


def test_capacity_and_overloads(plan):
    load = capacity(plan, [plan.period("2026-03")]).set_index("owner")
    assert (load.loc["Ann", "capacity"], load.loc["Bob", "capacity"]) == (17.0, 11.0)  # 22 days, Ann off 5; Bob half
    assert load.loc["Ann", "load"] == 38.0  # A1 5 + A4 30 + A6 2 + A8 1
    assert bool(load.loc["Ann", "overloaded"]) and load.loc["Ann", "actions"] == "A4 (30.0), A1 (5.0), A6 (2.0), A8 (1.0)"
    assert load.loc["Bob", "load"] == 5.0 and not load.loc["Bob", "overloaded"]
    settings = {**plan.settings, "team": [{"owner": "Ann", "share": 0.25}, {"owner": "Bob", "days_per_week": 2.5}]}
    shared = plan.save_yaml("plan.yaml", settings)
    assert capacity(shared, [shared.period("2026-03")]).set_index("owner").loc["Ann", "capacity"] == 5.5  # 22 x 0.25


def test_status_as_of(plan):
    status = status_as_of(plan, plan.period("2026-03"), date(2026, 3, 20))
    assert status["late"]["id"].tolist() == ["A1", "A2", "A4", "A6"]
    assert status["at_risk"]["id"].tolist() == []  # A1 and A6 have negative slack, but are late: listed once
    assert status["starting_next"]["id"].tolist() == ["A7", "A9"]
    assert status["done_in_period"]["id"].tolist() == ["A3"]
    assert status["next_period"].id == "2026-04"


def test_late_is_a_passed_end_or_deadline_and_at_risk_what_a_late_action_delays(plan):
    """10 March: A1 should have ended on the 6th (late, 2 working days behind); A2 waits on it with no slack:
    the delay reaches it (at risk). A6 ended on the 3rd (late). A4's deadline (20 March) has not passed but its
    planned end (3 March) has: late."""
    status = status_as_of(plan, plan.period("2026-03"), date(2026, 3, 10))
    assert status["late"]["id"].tolist() == ["A1", "A4", "A6"]
    assert status["at_risk"]["id"].tolist() == ["A2"]
    undated = plan.actions.copy()  # a deadline passed with no planned end: late all the same
    undated.loc[undated["id"] == "A9", ["start", "end", "duration_days", "deadline"]] = [None, None, 1, "2026-03-09"]
    status = status_as_of(plan.save_table("actions", undated), plan.period("2026-03"), date(2026, 3, 10))
    assert "A9" in status["late"]["id"].tolist()


def test_ranking_never_puts_an_action_before_its_dependency(plan):
    ranked = ranked_actions(plan, date(2026, 3, 1))["id"].tolist()
    assert "A3" not in ranked  # done
    assert ranked.index("A1") < ranked.index("A2")
    assert ranked.index("A1") < ranked.index("A6")
    high = plan.actions.copy()
    high.loc[high["id"] == "A2", ["impact", "difficulty", "priority"]] = [5, 1, "high"]
    ranked = ranked_actions(plan.save_table("actions", high), date(2026, 3, 1))
    assert ranked["id"].tolist()[:2] == ["A1", "A2"]  # A1 inherits A2's score and comes first
    assert ranked["score"].tolist()[0] == ranked["score"].tolist()[1] == 10 + 5 + 2 + 3


def test_summary_adds_step_5_figures(plan):
    figures = summary(plan, "2026-03", "2026-03-20")["actions"]
    assert (figures["late"], figures["at_risk"], figures["person_days_in_period"]) == (4, 0, 43.0)
    assert (figures["late_ids"], figures["at_risk_ids"]) == (["A1", "A2", "A4", "A6"], [])
    assert figures["overloaded_owners"] == ["Ann"] and figures["conflicts"] == 3


def test_action_form_adds_and_changes_status(plan):
    form = forms.action_form(plan, "en")
    form.widgets["workstream"].value = "Web"
    form.widgets["name"].value = "Accessibility review"
    form.widgets["owner"].value = "Bob"
    form.widgets["start"].value = date(2026, 6, 1)
    form.widgets["duration_days"].value = "4"
    form.widgets["person_days"].value = "2,5"
    form.widgets["depends_on"].value = "A3"
    form.save_button.click()
    assert "Saved A10 in actions.csv" in form.message.value
    form.pick.value = "A1"
    form.widgets["status"].value = "done"
    form.save_button.click()
    reloaded = load_plan(plan.path).actions.set_index("id")
    assert reloaded.loc["A10", ["status", "person_days", "depends_on"]].tolist() == ["planned", 2.5, "A3"]
    assert reloaded.loc["A1", "status"] == "done"
    form.pick.value = "A2"
    form.widgets["depends_on"].value = "A3"  # A3 depends on A2: a cycle
    form.save_button.click()
    assert "dependency cycle: A2 -&gt; A3 -&gt; A2" in form.message.value
    assert load_plan(plan.path).actions.set_index("id").loc["A2", "depends_on"] == "A1"


def test_front_page_and_step_page_count_the_same_actions_in_a_period(plan_dir):
    """One definition of 'running in the period': scheduled dates, cancelled actions aside."""
    from conftest import set_cell

    set_cell(plan_dir / "actions.csv", "A23", "status", "cancelled")
    plan = load_plan(plan_dir)
    for period_id in ("2026-Q1", "2026-Q2", "2026-05", "2026-S10", "2026"):
        figures, view = period_view(plan, plan.period(period_id))
        front = summary(plan, period_id, "2026-06-15")["actions"]["in_period"]
        assert front == figures["actions"] == len(view), period_id
        assert "A23" not in set(view["id"]) and "cancelled" not in set(view["status"])


def test_done_actions_are_neither_late_nor_starting_next(plan_dir):
    from conftest import set_cell

    plan = load_plan(plan_dir)
    status = status_as_of(plan, plan.period("2026-Q2"), date(2026, 6, 15))
    for frame in (status["late"], status["at_risk"], status["starting_next"]):
        assert not set(frame["status"]) & {"done", "cancelled"}
    upcoming = status["starting_next"]["id"].tolist()
    if upcoming:
        set_cell(plan_dir / "actions.csv", upcoming[0], "status", "done")
        again = status_as_of(load_plan(plan_dir), plan.period("2026-Q2"), date(2026, 6, 15))
        assert upcoming[0] not in set(again["starting_next"]["id"])


def test_names_of_nearby_busy_periods_do_not_print_over_each_other(plan_dir):
    import re as regex

    from matplotlib import pyplot

    from planlib.steps.actions.charts import gantt
    from planlib.ui.charts import _renderer

    settings = plan_dir / "plan.yaml"
    text = regex.sub(r"(?ms)^high_activity_periods:.*?(?=^\S)", "", settings.read_text(encoding="utf-8"))
    settings.write_text(text + "\nhigh_activity_periods:\n"
                        "  - {name: Salon Equip'Hotel et soirées clients, start: 2026-11-02, end: 2026-11-06}\n"
                        "  - {name: Black Friday and Cyber Monday week, start: 2026-11-09, end: 2026-11-13}\n"
                        "  - {name: Christmas gifts, start: 2026-11-16, end: 2026-11-20}\n"
                        "  - {name: Spring fair, start: 2026-03-02, end: 2026-03-04}\n", encoding="utf-8")
    plan = load_plan(plan_dir)
    figure = gantt(plan, schedule(plan), date(2026, 6, 30), lang="en")
    renderer = _renderer(figure)
    names = ("Salon Equip'Hotel et soirées clients", "Black Friday and Cyber Monday week", "Christmas gifts",
             "Spring fair")
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts if t.get_text() in names]
    assert len(boxes) == 4
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    top = figure.axes[0].get_window_extent(renderer).y1
    assert all(box.y1 <= top + 1 for box in boxes)  # inside the chart, not cut at its top
    pyplot.close(figure)


def test_the_gantt_names_its_months_and_as_of_date_in_the_reader_s_language(plan):
    from matplotlib import pyplot

    from planlib.steps.actions.charts import gantt
    from planlib.ui.charts import _renderer

    figure = gantt(plan, schedule(plan), date(2026, 5, 1), lang="fr")
    _renderer(figure)
    months = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert months[:5] == ["janv.", "févr.", "mars", "avr.", "mai"]
    assert " au 1er mai 2026" in [text.get_text() for text in figure.axes[0].texts]
    pyplot.close(figure)
