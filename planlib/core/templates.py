"""Blank, valid, commented plan folders for `planlib new`.

A new plan starts from files that explain themselves: each CSV begins with
comment lines describing its columns (generated from the steps' tables, so
they never drift), each YAML file with commented examples (plan.yaml's here,
the steps' own from the template each step keeps beside its schema).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from . import schema as S
from .errors import PlanError, Problem
from .io.atomic import atomic_write_text

PLAN_YAML = """\
# plan.yaml: who the plan is for and how its calendar and budget work.
company: {company}
sector: ""                  # e.g. e-commerce, industrial equipment
market: {market}                 # B2B, B2C or B2B2C
year: {year}                  # the plan's fiscal year (labelled by the year it starts in)
currency: EUR               # ISO code used for every amount
language: {language}                # fr or en: labels, messages, number formats
country: FR                 # public holidays of this country are not working days
fiscal_start_month: 1       # 1 = January; 4 = a fiscal year starting in April
sprint_length_days: 10      # working days per sprint (2026-S01, 2026-S02...)
budget:
  method: bottom_up         # fixed, revenue_share or bottom_up
  envelope: 0               # the fixed envelope, in the plan's currency
  revenue_share: 0          # percent of the revenue forecast
  revenue_forecast: 0       # the year's revenue forecast
high_activity_periods: []   # e.g. - {{name: Sales, start: {year}-01-07, end: {year}-02-03, avoid: [Website], prepare: [A01]}}
team: []                    # e.g. - {{owner: Alice, days_per_week: 4, absences: [{{start: {year}-08-03, end: {year}-08-21}}]}}
                            #      - {{owner: Bob, share: 0.5}}   (a share of his time instead of days per week)
other_deadlines: []         # other projects' deadlines, e.g. - {{name: Catalogue print, date: {year}-09-15}}
"""


def csv_template(table: S.Table) -> str:
    """Comment lines describing each column, then the header row."""
    lines = [f"# {table.file}: {table.help}"]
    for column in table.columns:
        details = [column.kind + (" (required)" if column.required else "")]
        if column.allowed:
            details.append("one of " + ", ".join(column.allowed))
        if column.ref:
            details.append(f"id from {column.ref}")
        if column.unit:
            details.append(column.unit)
        if column.help:
            details.append(column.help)
        lines.append(f"# {column.name}: {'; '.join(details)}")
    return "\n".join(lines) + "\n" + ",".join(table.column_names) + "\n"


def new_plan(path: str | Path, company: str = "My company", year: int | None = None,
             language: str = "en", market: str = "B2C") -> Path:
    """Create a blank plan folder; refuse to overwrite an existing one."""
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise PlanError([Problem(str(path), None, None, "folder_exists", {}, "new_folder")])
    year = year or date.today().year
    company_text = '"' + company.replace('"', "'") + '"'
    atomic_write_text(path / "plan.yaml", PLAN_YAML.format(company=company_text, year=year,
                                                           language=language, market=market))
    for file, template in S.YAML_TEMPLATES.items():  # each step's YAML files, with their commented examples
        atomic_write_text(path / file, template.read_text(encoding="utf-8"))
    for name in S.table_order():
        atomic_write_text(path / S.table(name).file, csv_template(S.table(name)))
    return path
