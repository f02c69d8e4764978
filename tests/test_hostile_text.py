"""Plan text that tries to run script: in every free-text field of every file, never live on any page.

Every text column of every table and every sentence of the YAML files of the
French sample gets a `<script>`, a `javascript:` link and an `onerror=`
image; the report (its pages, the notebooks it executed and its PDF) must
show them as text.
"""
from __future__ import annotations

import re
import shutil

import nbformat
import pandas as pd
import pytest
import yaml
from conftest import ROOT

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.core import schema

pytestmark = [pytest.mark.kernel, pytest.mark.slow]

HOSTILE = ' <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">'
LIVE = re.compile(r"<script>alert|<img\b[^>]*\bonerror=|<a\b[^>]*\bhref=\"?javascript:", re.I)  # real tags only
# YAML keys whose values are sentences or names a person writes (the rest are codes, dates and numbers)
FREE_TEXT = {"company", "sector", "name", "role", "description", "text", "offer", "positioning", "price_note",
             "strengths", "weaknesses", "opportunities", "threats", "worked", "did_not_work", "lessons", "x", "y",
             "quote", "goals", "pains", "objections", "triggers", "job_title", "notes", "needs", "title"}


def hostile_yaml(value, key=None):
    """Every free-text string of a YAML document, hostile; keys of mappings and codes as they were."""
    if isinstance(value, dict):
        return {k: hostile_yaml(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [hostile_yaml(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return value + HOSTILE
    return value


def hostile_plan(folder) -> list[str]:
    """The sample with hostile text in every text column its rules leave free; returns the columns changed."""
    changed = []
    for table in schema.TABLES.values():
        path = folder / table.file
        if not path.exists():
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in table.columns:
            if column.kind == schema.TEXT and column.name in frame and not column.allowed:
                frame[column.name] = [v + HOSTILE if v else v for v in frame[column.name]]
                changed.append(f"{table.name}.{column.name}")
        frame.to_csv(path, index=False)
    for name in schema.YAML_FILES:
        path = folder / name
        path.write_text(yaml.safe_dump(hostile_yaml(yaml.safe_load(path.read_text(encoding="utf-8"))),
                                       allow_unicode=True, sort_keys=False), encoding="utf-8")
    return changed


def loadable(folder, changed: list[str]) -> list[str]:
    """Columns whose values the rules read as more than text (an owner of the team, a metric of the formulas)
    go back to the sample's values until the plan loads: they are not free text."""
    for _ in range(len(changed)):
        try:
            load_plan(folder)
            return changed
        except PlanError as error:
            refused = {f"{p.file.removesuffix('.csv')}.{p.column}" for p in error.problems}
            if not refused & set(changed):
                raise
            for name in refused & set(changed):
                table, column = name.split(".")
                original = pd.read_csv(ROOT / "data" / "exemple-fr" / f"{table}.csv", dtype=str, keep_default_na=False)
                frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
                frame[column] = original[column]
                frame.to_csv(folder / f"{table}.csv", index=False)
                changed.remove(name)
    return changed


def test_hostile_text_in_every_free_field_is_shown_as_text_on_every_page(tmp_path):
    plan = tmp_path / "lumen"
    shutil.copytree(ROOT / "data" / "exemple-fr", plan, ignore=shutil.ignore_patterns(".history"))
    changed = loadable(plan, hostile_plan(plan))
    assert {"actions.name", "actions.description", "objectives.title", "key_results.title", "messages.message",
            "channels.name", "budget.label", "decisions.reason"} <= set(changed)
    assert main(["report", str(plan), "--period", "2026-Q2", "--as-of", "2026-05-15", "--out", str(tmp_path / "out"),
                 "--pdf"]) == 0
    folder = tmp_path / "out" / "lumen" / "2026-Q2"
    pages = {p.name: p.read_text(encoding="utf-8") for p in [*folder.glob("*.html"), folder.parent / "index.html"]}
    live = {name: LIVE.findall(page) for name, page in pages.items() if LIVE.search(page)}
    assert live == {}
    shown = sum(page.count("&lt;script&gt;alert(1)&lt;/script&gt;") for page in pages.values())
    assert shown >= len(changed)  # the hostile text reached the pages, as text
    headers = r"<th[^>]*>[^<]*&lt;script&gt;alert\(1\)"  # competitor axes and persona names head tables
    assert re.search(headers, pages["01_audit.html"]) and re.search(headers, pages["03_personas.html"])
    for notebook in folder.glob("*.ipynb"):
        for cell in nbformat.read(notebook, as_version=4).cells:
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", ""))
                assert not LIVE.search(html), f"{notebook.name}: {LIVE.findall(html)}"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(folder / "report-2026-Q2.pdf").pages)
    assert "<script>alert(1)</script>" in text  # printed as typed, never run nor dropped
