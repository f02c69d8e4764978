"""A step is its own folder: a small step in a temporary package, with a new table, is read, checked,
written and exported by the kit without touching anything outside that folder."""
from __future__ import annotations

import sys
import textwrap

import pytest

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.core import schema
from planlib.core.plan import export_plan, file_order
from planlib.steps import new_plan, registry

SCHEMA = '''
from planlib.core.schema import DATE, ID, REF, SCORE, Column, Table

TABLES = (
    Table("tastings", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("channel_id", REF, ref="channels"),
        Column("liking", **SCORE),
    ), "Product tastings and how much people liked them."),
)
ALIASES = {"dégustation": "tasting"}
YAML_FILES = ("tastings.yaml",)
'''

TEMPLATE = "# tastings.yaml: who tastes, and how a tasting is run.\npanel: []             # e.g. - {name: Léa, since: 2025}\n"

RULES = '''
def no_tasting_on_a_sunday(ctx):
    frame = ctx.tables["tastings"]
    for row, day in enumerate(frame["date"], start=2):
        if day is not None and day == day and day.weekday() == 6:
            ctx.cell_problem("tastings", row, "date", "not_a_date", "date", value=f"{day:%Y-%m-%d} (a Sunday)")

RULES = (no_tasting_on_a_sunday,)
'''


@pytest.fixture
def tasting_step(tmp_path, monkeypatch):
    package = tmp_path / "packages" / "tasting_step"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""A step added in a test."""\n')
    (package / "schema.py").write_text(textwrap.dedent(SCHEMA))
    (package / "rules.py").write_text(textwrap.dedent(RULES))
    (package / "tastings.template.yaml").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(package.parent))
    registry.add_step(registry.Step(8, "tastings", None, package="tasting_step"))
    yield package
    registry.remove_step("tastings")
    for name in [m for m in sys.modules if m.startswith("tasting_step")]:
        del sys.modules[name]


def test_a_step_in_its_own_package_brings_its_table_to_every_reader_and_writer(tasting_step, tmp_path, capsys):
    assert "tastings.csv" in file_order() and registry.STEPS[-1].files == ("tastings.yaml", "tastings.csv")
    plan_dir = new_plan(tmp_path / "plan", "Maison Test", 2026)
    assert (plan_dir / "tastings.csv").read_text(encoding="utf-8").splitlines()[-1] == "id,date,channel_id,liking"
    assert (plan_dir / "tastings.yaml").read_text(encoding="utf-8") == TEMPLATE  # its blank, from its own folder
    assert load_plan(plan_dir).yaml_data["tastings.yaml"] == {"panel": []}

    (plan_dir / "tastings.csv").write_text("id,date,channel_id,liking\nT1,2026-03-02,,4\nT2,2026-03-08,,9\n")
    with pytest.raises(PlanError) as refused:
        load_plan(plan_dir)
    texts = [p.text("en") for p in refused.value.problems]
    assert any(t.startswith("tastings.csv:3:date") for t in texts), texts  # the step's rule: a Sunday
    assert any(t.startswith("tastings.csv:3:liking") for t in texts), texts  # the core, from the columns
    assert main(["check", str(plan_dir)]) == 1
    assert "tastings.csv:3:liking: above 5" in capsys.readouterr().err

    (plan_dir / "tastings.csv").write_text("id,date,channel_id,liking\nT1,2026-03-02,,4\n")
    plan = load_plan(plan_dir)
    assert plan.tables["tastings"]["liking"].tolist() == [4]
    export_plan(plan, tmp_path / "plan.xlsx")
    from openpyxl import load_workbook

    assert "tastings" in load_workbook(tmp_path / "plan.xlsx").sheetnames


def test_a_removed_step_takes_its_table_away(tasting_step):
    registry.remove_step("tastings")
    assert "tastings" not in schema.registered() and "tastings.csv" not in file_order()
    assert "tastings.yaml" not in file_order() and "tastings.yaml" not in schema.YAML_TEMPLATES
    registry.add_step(registry.Step(8, "tastings", None, package="tasting_step"))  # the fixture removes it again


def test_two_steps_cannot_own_one_table(tasting_step):
    with pytest.raises(ValueError, match="already registered by step tastings"):
        schema.register("other", registry.STEPS[-1].tables)


def test_two_steps_cannot_own_one_yaml_file(tasting_step):
    with pytest.raises(ValueError, match="already registered by step audit"):
        schema.register("other", yaml_files=("audit.yaml",))


def test_the_kit_steps_tables_come_from_their_own_folders():
    owners = {name: table.step for name, table in schema.registered().items()}
    assert owners["key_results"] == "objectives" and owners["kpis"] == "review" and owners["curves"] == "budget"
    assert registry.STEPS[6].files == ("forecasts.csv", "budget.csv", "spend.csv", "curves.csv")
