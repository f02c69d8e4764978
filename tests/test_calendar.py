"""The team's calendar feeds: read back by the icalendar library and by a reader of the RFC's own rules."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import pytest
from conftest import LIGHT_NOTEBOOK, run_planlib

from planlib import load_plan
from planlib.calendar.feed import calendar_items, ics_bytes
from planlib.calendar.files import TEAM_FILE, owner_file, write_feeds
from planlib.core.i18n import tr

pytestmark = pytest.mark.unit
DOMAIN = "verdure-co-2026.planlib"  # the example's company and year: the part of each UID naming the plan


def unfolded(data: bytes) -> list[tuple[str, dict[str, str], str]]:
    """A second reader, from RFC 5545 alone: CRLF lines, folded lines joined (3.1), NAME;PARAM=V:VALUE."""
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "lines folded at 75 octets"
    parsed = []
    for line in filter(None, lines):
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        parsed.append((name, dict(p.split("=", 1) for p in params), value))
    return parsed


def events(data: bytes) -> list[dict]:
    """Each VEVENT as {NAME: value}, text values unescaped (3.3.11)."""
    found, current = [], None
    for name, params, value in unfolded(data):
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            found.append(current)
            current = None
        elif current is not None:
            if name in ("SUMMARY", "DESCRIPTION", "CATEGORIES"):
                value = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
            current[name] = value
    return found


def _edit_actions(plan_dir, edit) -> None:
    actions = pd.read_csv(plan_dir / "actions.csv", dtype=str, keep_default_na=False)
    edit(actions)
    actions.to_csv(plan_dir / "actions.csv", index=False)


def test_every_dated_action_is_in_the_team_file_once_with_its_span(plan_dir):
    from icalendar import Calendar

    plan = load_plan(plan_dir)
    items = calendar_items(plan, "en")
    data = ics_bytes(plan, items.items, "en", "Team")
    parsed = Calendar.from_ical(data)
    by_uid = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    assert len(by_uid) == len(list(parsed.walk("VEVENT")))  # every UID once
    actions = [uid for uid in by_uid if uid.startswith("action-")]
    assert len(actions) == len(plan.actions) - len(items.undated)
    a01 = by_uid[f"action-a01@{DOMAIN}"]
    assert a01["DTSTART"].dt == date(2026, 1, 5) and a01["DTEND"].dt == date(2026, 1, 31)  # ends on the 30th
    assert str(a01["SUMMARY"]) == "A01 SEO audit" and "Owner: Thomas" in str(a01["DESCRIPTION"])
    second = {e["UID"]: e for e in events(data)}
    assert set(second) == set(by_uid)
    assert second[f"action-a01@{DOMAIN}"]["DTSTART"] == "20260105"
    kinds = {uid.split("-")[0] for uid in by_uid}
    assert kinds == {"action", "payment", "decision", "period", "holiday"}
    assert "Public holiday: Labor Day" in {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}


def test_two_runs_give_the_same_file_and_a_moved_action_keeps_its_uid(plan_dir):
    plan = load_plan(plan_dir)
    first = ics_bytes(plan, calendar_items(plan, "en").items, "en", "Team")
    assert ics_bytes(plan, calendar_items(plan, "en").items, "en", "Team") == first

    def move(actions):
        row = actions["id"] == "A01"
        actions.loc[row, "start"], actions.loc[row, "end"] = "2026-01-07", "2026-02-04"
        actions.loc[row, "deadline"] = "2026-02-06"

    _edit_actions(plan_dir, move)
    plan = load_plan(plan_dir)
    moved = {e["UID"]: e for e in events(ics_bytes(plan, calendar_items(plan, "en").items, "en", "Team"))}
    before = {e["UID"]: e for e in events(first)}
    assert set(moved) == set(before)
    assert moved[f"action-a01@{DOMAIN}"]["DTSTART"] == "20260107"
    assert moved[f"action-a01@{DOMAIN}"]["DTEND"] == "20260205"
    assert before[f"action-a01@{DOMAIN}"]["DTSTART"] == "20260105"


def test_a_cancelled_action_is_marked_cancelled_and_an_idea_tentative(plan_dir):
    def cancel(actions):
        actions.loc[actions["id"] == "A05", "status"] = "cancelled"

    _edit_actions(plan_dir, cancel)
    plan = load_plan(plan_dir)
    found = {e["UID"]: e for e in events(ics_bytes(plan, calendar_items(plan, "fr").items, "fr", "Équipe"))}
    assert found[f"action-a05@{DOMAIN}"]["STATUS"] == "CANCELLED"
    assert "Statut : " + tr("value.cancelled", "fr") in found[f"action-a05@{DOMAIN}"]["DESCRIPTION"]
    idea = plan.actions.loc[plan.actions["status"] == "idea", "id"].iloc[0].lower()
    assert found[f"action-{idea}@{DOMAIN}"]["STATUS"] == "TENTATIVE"


def test_commas_semicolons_and_line_breaks_are_escaped_and_read_back(plan_dir):
    from icalendar import Calendar

    name = "Launch, relaunch; again"
    description = "First line, with a comma\nSecond line; with a semicolon\\ and a backslash"

    def hostile(actions):
        row = actions["id"] == "A01"
        actions.loc[row, "name"], actions.loc[row, "description"] = name, description

    _edit_actions(plan_dir, hostile)
    plan = load_plan(plan_dir)
    data = ics_bytes(plan, calendar_items(plan, "en").items, "en", "Team")
    raw = data.decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:A01 Launch\\, relaunch\\; again\r\n" in raw
    assert "First line\\, with a comma\\nSecond line\\; with a semicolon\\\\ and a backslash" in raw
    event = next(e for e in Calendar.from_ical(data).walk("VEVENT") if e["UID"] == f"action-a01@{DOMAIN}")
    assert str(event["SUMMARY"]) == f"A01 {name}" and str(event["DESCRIPTION"]).startswith(description)
    second = next(e for e in events(data) if e["UID"] == f"action-a01@{DOMAIN}")
    assert second["SUMMARY"] == f"A01 {name}" and second["DESCRIPTION"].startswith(description)


def test_each_owner_file_holds_only_that_owners_items(plan_dir, tmp_path):
    plan = load_plan(plan_dir)
    written = write_feeds(plan, tmp_path, "en")
    owners = sorted(set(plan.actions["owner"]) - {""})
    assert sorted(p.name for p in written) == sorted([TEAM_FILE] + [owner_file(o) for o in owners])
    action_owner = dict(zip(plan.actions["id"].str.lower(), plan.actions["owner"]))
    decision_owner = dict(zip(plan.decisions["id"].str.lower(), plan.decisions["owner"]))
    for owner in owners:
        found = events((tmp_path / owner_file(owner)).read_bytes())
        assert found
        for event in found:
            kind, key = event["UID"].split("@")[0].split("-", 1)
            assert kind in ("action", "payment", "decision"), event["UID"]
            if kind == "action":
                assert action_owner[key] == owner
            elif kind == "decision":
                assert decision_owner[key] == owner
    team = events((tmp_path / TEAM_FILE).read_bytes())
    assert len(team) == len(calendar_items(plan, "en").items)


def test_a_french_calendar_reads_in_french():
    plan = load_plan("data/exemple-fr")
    data = ics_bytes(plan, calendar_items(plan, "fr").items, "fr", "Équipe").decode("utf-8").replace("\r\n ", "")
    for words in ("Jour férié : Fête du Travail", "Forte activité : ", "Statut : ", "Responsable : "):
        assert words in data, words
    for english in ("Public holiday", "High activity", "Status:", "Owner:", "Labor Day"):
        assert english not in data, english


def test_the_command_writes_a_file_or_the_standard_output_and_refuses_an_unknown_owner(plan_dir, tmp_path):
    target = tmp_path / "team.ics"
    result = run_planlib("calendar", str(plan_dir), "--ics", str(target))
    assert result.returncode == 0, result.stderr
    assert f"wrote {target}: " in result.stdout and " actions; " in result.stdout
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    out = run_planlib("calendar", str(plan_dir), "--owner", "thomas")
    assert out.returncode == 0 and out.stdout.startswith("BEGIN:VCALENDAR")
    assert all(e.get("DESCRIPTION", "").count("Owner: Thomas") or not e["UID"].startswith("action-")
               for e in events(out.stdout.encode("utf-8")))
    wrong = run_planlib("calendar", str(plan_dir), "--owner", "Nobody")
    assert wrong.returncode == 1 and "no item of the plan belongs to 'Nobody'" in wrong.stderr
    assert "Camille; Hugo; Léa; Nadia; Thomas" in wrong.stderr and "Traceback" not in wrong.stderr
    over = run_planlib("calendar", str(plan_dir), "--ics", str(plan_dir / "actions.csv"))
    assert over.returncode == 1 and "an output never replaces it" in over.stderr


def test_an_undated_action_is_left_out_and_said(plan_dir, tmp_path):
    def undate(actions):
        row = actions["id"] == "A05"
        actions.loc[row, ["start", "end", "duration_days", "deadline"]] = ""
        actions.loc[row, "status"] = "cancelled"

    _edit_actions(plan_dir, undate)
    result = run_planlib("calendar", str(plan_dir), "--ics", str(tmp_path / "team.ics"))
    assert result.returncode == 0
    assert "left out: A05, an action no date places yet" in result.stderr
    assert "action-a05@" not in (tmp_path / "team.ics").read_text(encoding="utf-8")


@pytest.mark.slow
def test_each_report_run_writes_the_feeds_beside_its_periods(plan_dir, tmp_path):
    import shutil

    from planlib.report.runner import ReportJob

    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(LIGHT_NOTEBOOK, folder / "00_light.ipynb")
    [report] = ReportJob(plan_dir, ["2026-03"], out=tmp_path / "out", jobs=1, notebooks=folder,
                         stream=open(tmp_path / "log", "w")).run()
    root = report.folder.parent
    assert (root / TEAM_FILE).is_file() and (root / owner_file("Léa")).is_file()
    assert (root / owner_file("Léa")).name == "calendar-lea.ics"
    team = events((root / TEAM_FILE).read_bytes())
    assert sum(e["UID"] == f"action-a01@{DOMAIN}" for e in team) == 1
