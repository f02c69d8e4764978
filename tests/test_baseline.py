"""Baselines: the schedule frozen, then today's measured against it in working days."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from conftest import run_planlib

from planlib import load_plan
from planlib.steps.actions.baseline import latest_baseline, read_baseline, save_baseline, slipped, slippage

pytestmark = pytest.mark.unit


def _set_dates(plan_dir, action: str, **dates) -> None:
    actions = pd.read_csv(plan_dir / "actions.csv", dtype=str, keep_default_na=False)
    for column, value in dates.items():
        actions.loc[actions["id"] == action, column] = value
    actions.to_csv(plan_dir / "actions.csv", index=False)


def test_a_known_two_day_shift_is_two_working_days_and_a_weekend_counts_none(plan_dir):
    save_baseline(load_plan(plan_dir), "approved", today=date(2026, 3, 1))
    _set_dates(plan_dir, "A02", end="2026-04-14", deadline="2026-04-20")  # Friday 10 April -> Tuesday 14 April
    _set_dates(plan_dir, "A01", start="2026-01-09", end="2026-02-02")  # Friday 30 January -> Monday 2 February
    plan = load_plan(plan_dir)
    baseline = latest_baseline(plan)
    assert (baseline.name, baseline.frozen) == ("approved", date(2026, 3, 1))
    table = slippage(plan, baseline).set_index("id")
    assert table.loc["A02", "end_variance"] == 2 and table.loc["A02", "start_variance"] == 0
    assert table.loc["A01", "end_variance"] == 1 and table.loc["A01", "start_variance"] == 4  # Mon 5 -> Fri 9
    assert table.loc["A02", "baseline_end"] == date(2026, 4, 10) and table.loc["A02", "end"] == date(2026, 4, 14)
    assert list(slipped(slippage(plan, baseline))["id"][:2]) == ["A02", "A01"]
    assert (table.drop(["A01", "A02"])["end_variance"].fillna(0) == 0).all()


def test_the_command_freezes_refuses_a_path_as_name_and_keeps_what_it_replaces(plan_dir):
    first = run_planlib("baseline", str(plan_dir), "--name", "approved")
    assert first.returncode == 0, first.stderr
    count = len(load_plan(plan_dir).actions) - int((load_plan(plan_dir).actions["status"] == "cancelled").sum())
    assert f"froze the schedule of {count} actions into baselines/approved.csv" in first.stdout
    frozen = read_baseline(plan_dir, "approved")
    assert len(frozen.rows) == count and not frozen.problems and frozen.frozen == date.today()
    again = run_planlib("baseline", str(plan_dir), "--name", "approved", "--lang", "fr")
    assert "elle remplace la référence de ce nom, gardée dans baselines/.history" in again.stdout
    assert len(list((plan_dir / "baselines" / ".history").glob("approved.*.csv"))) == 1
    bad = run_planlib("baseline", str(plan_dir), "--name", "../outside")
    assert bad.returncode == 1 and "'../outside' is not a baseline name" in bad.stderr
    assert not (plan_dir.parent / "outside.csv").exists()


def test_diff_against_the_baseline_lists_moves_additions_and_what_left(plan_dir):
    save_baseline(load_plan(plan_dir), "approved", today=date(2026, 3, 1))
    _set_dates(plan_dir, "A02", end="2026-04-14", deadline="2026-04-20")
    text = run_planlib("diff", str(plan_dir), "--baseline")
    assert text.returncode == 0, text.stderr
    assert "against the baseline approved (frozen 1 March 2026): 1 action slipped; moved in all: 1" in text.stdout
    assert "A02 Rewrite top 200 product pages: ends 14 April 2026 instead of 10 April 2026 (+2 working days)" \
        in text.stdout
    as_json = json.loads(run_planlib("diff", str(plan_dir), "--baseline", "approved", "--json").stdout)
    assert as_json["slipped"] == 1 and as_json["moved"][0]["id"] == "A02"
    assert as_json["moved"][0]["end_variance"] == 2 and as_json["added"] == [] and as_json["not_in_plan"] == []
    missing = run_planlib("diff", str(plan_dir), "--baseline", "nope")
    assert missing.returncode == 1 and "the plan has no baseline named 'nope'" in missing.stderr
    assert "one of its baselines: approved" in missing.stderr


def test_a_baseline_naming_a_removed_action_is_a_warning_and_a_bad_date_is_located(plan_dir):
    save_baseline(load_plan(plan_dir), "approved", today=date(2026, 3, 1))
    path = plan_dir / "baselines" / "approved.csv"
    path.write_text(path.read_text(encoding="utf-8") + "A99,Gone action,Hugo,2026-02-02,2026-02-20,\n",
                    encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    check = run_planlib("check", str(plan_dir))
    assert check.returncode == 0, check.stderr
    assert (f"baselines/approved.csv:{len(lines)}:id: the baseline names A99, an action the plan no longer "
            "holds: its slip is not measured") in check.stdout + check.stderr
    diff = run_planlib("diff", str(plan_dir), "--baseline")
    assert diff.returncode == 0 and "1 action of the baseline no longer in the plan: A99" in diff.stdout
    path.write_text(path.read_text(encoding="utf-8").replace("2026-02-20", "20 février ?"), encoding="utf-8")
    broken = run_planlib("check", str(plan_dir))
    assert broken.returncode == 1
    assert f"baselines/approved.csv:{len(lines)}:end: " in broken.stderr and "20 février ?" in broken.stderr


def test_the_summary_and_the_front_page_count_the_slips_and_name_the_largest(plan_dir):
    from planlib import summary
    from planlib.report.front_page import front_page
    from planlib.report.glance import at_a_glance

    assert summary(load_plan(plan_dir), "2026-Q2", "2026-05-15")["actions"]["baseline"] is None
    save_baseline(load_plan(plan_dir), "approved", today=date(2026, 3, 1))
    _set_dates(plan_dir, "A02", end="2026-04-14", deadline="2026-04-20")
    plan = load_plan(plan_dir)
    document = summary(plan, "2026-Q2", "2026-05-15")
    assert document["actions"]["baseline"] == {
        "name": "approved", "frozen": "2026-03-01", "slipped": 1,
        "largest": [{"id": "A02", "name": "Rewrite top 200 product pages", "owner": "Thomas", "end_variance": 2}]}
    glance = at_a_glance(plan, plan.period("2026-Q2"), date(2026, 5, 15), document)
    english = front_page(plan, glance, [], "en", "2026-05-15T09:00:00+00:00")
    assert ("Against the baseline approved (frozen 1 March 2026), 1 action ends later than planned then; the "
            "largest slips: A02 Rewrite top 200 product pages (+2 working days).") in english
    french = front_page(plan, glance, [], "fr", "2026-05-15T09:00:00+00:00")
    assert "(figée le 1er mars 2026), 1 action se termine plus tard" in french and "+2 jours ouvrés" in french


def test_the_gantt_draws_the_frozen_span_under_each_bar_and_the_variance(plan_dir):
    import matplotlib

    matplotlib.use("Agg")
    from planlib.steps.actions import charts
    from planlib.steps.actions.schedule import schedule

    save_baseline(load_plan(plan_dir), "approved", today=date(2026, 3, 1))
    _set_dates(plan_dir, "A02", end="2026-04-14", deadline="2026-04-20")
    plan = load_plan(plan_dir)
    figure = charts.gantt(plan, schedule(plan), date(2026, 5, 15), lang="en")
    axes = figure.axes[0]
    hatched = [p for p in axes.patches if p.get_hatch() == "////"]
    drawn = schedule(plan)["planned_start"].notna().sum()
    assert len(hatched) == drawn
    assert [t.get_text().strip() for t in axes.texts if "wd" in t.get_text()] == ["+2 wd"]
    assert axes.get_legend().get_texts()[0].get_text() == "baseline approved"


def test_without_a_name_each_freeze_is_a_new_baseline_and_the_newest_counts(plan_dir):
    first = run_planlib("baseline", str(plan_dir), "--lang", "fr")
    assert first.returncode == 0 and "dans baselines/v1.csv" in first.stdout
    _set_dates(plan_dir, "A02", end="2026-04-14", deadline="2026-04-20")
    second = run_planlib("baseline", str(plan_dir))
    assert "into baselines/v2.csv" in second.stdout and "replaces" not in second.stdout
    assert latest_baseline(load_plan(plan_dir)).name == "v2"  # frozen the same day: the later name
    text = run_planlib("diff", str(plan_dir), "--baseline").stdout
    assert "against the baseline v2" in text and "0 actions slipped" in text
    assert "1 action slipped" in run_planlib("diff", str(plan_dir), "--baseline", "v1").stdout
