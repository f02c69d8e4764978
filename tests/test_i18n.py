"""One translation mechanism: keyed gettext catalogs, complete in every shipped language."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from planlib.core import i18n
from planlib.core.i18n import LOCALE_DIR, SHIPPED, tr

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "planlib"
PLACEHOLDER = re.compile(r"(?<!{){(\w*)}(?!})")


def catalog(lang: str) -> dict:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "planlib.po", "rb") as stream:
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(stream) if m.id}


def wordings(value) -> list[str]:
    return list(value) if isinstance(value, tuple) else [value]


def test_every_key_is_worded_in_every_shipped_language_with_the_same_parameters():
    english = catalog("en")
    for lang in SHIPPED:
        other = catalog(lang)
        assert set(other) == set(english), lang
        for key, value in english.items():
            assert all(wordings(other[key])), f"{lang}: {key} has no wording"
            wanted = set(PLACEHOLDER.findall(wordings(value)[0]))
            for text in wordings(other[key]):
                assert set(PLACEHOLDER.findall(text)) <= wanted | {"count"}, f"{lang}: {key}"


def test_compiled_catalogs_are_up_to_date():
    """The .mo files the kit loads say exactly what the .po sources say (`make catalogs` rebuilds them)."""
    import gettext

    for lang in SHIPPED:
        compiled = gettext.GNUTranslations(open(LOCALE_DIR / lang / "LC_MESSAGES" / "planlib.mo", "rb"))
        for key, value in catalog(lang).items():
            if isinstance(value, tuple):
                assert compiled.ngettext(key, key, 1) == value[0] and compiled.ngettext(key, key, 5) == value[1], key
            else:
                assert compiled.gettext(key) == value, f"{lang}: {key} is stale in planlib.mo"


KEY_NAMESPACES = ("label", "form", "report", "headline", "linter", "smart", "flag", "conflict", "letter", "diff",
                  "category", "field", "required", "problem", "expected", "column")
PROBLEM_CALLS = {"Problem": 3, "CodedError": 0, "PeriodError": 0, "problem": 0, "bad_cells": 0, "cell_problem": 3}


def literal_keys() -> set[str]:
    """Catalog keys written literally in the package, and the codes given to problems."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and id(node) not in in_fstrings and isinstance(node.value, str) and \
                    re.fullmatch(rf"(?:{'|'.join(KEY_NAMESPACES)})\.[\w.-]+", node.value) and \
                    not re.search(r"\.(css|csv|yaml|html|json|pdf|ipynb)$", node.value):
                found.add(node.value)
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in PROBLEM_CALLS:
                    skip = PROBLEM_CALLS[name]
                    for arg in [*node.args[skip:], *(k.value for k in node.keywords if k.arg == "expected")]:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and \
                                re.fullmatch(r"[a-z_]+(?:\.[a-z_]+)?", arg.value):
                            found.add(("code", arg.value))
    return found


def test_every_key_the_code_uses_has_a_wording():
    english = catalog("en")
    missing = []
    for key in literal_keys():
        if isinstance(key, tuple):  # a problem or expected code: one of the two families words it
            if f"problem.{key[1]}" not in english and f"expected.{key[1]}" not in english:
                missing.append(key[1])
        elif key not in english:
            missing.append(key)
    assert sorted(missing) == []


def test_families_of_keys_are_complete():
    """Keys built from a list (flags, conflicts, letters, categories, step titles, form fields) all exist."""
    from planlib.core import schema as S
    from planlib.steps.actions.schedule import CONFLICTS
    from planlib.steps.budget.schema import BUDGET_CATEGORIES
    from planlib.steps.objectives.compute import FLAGS
    from planlib.steps.objectives.letters import LETTERS
    from planlib.steps.registry import STEPS

    english = catalog("en")
    keys = [f"flag.{k}" for k in FLAGS] + [f"conflict.{k}" for k in CONFLICTS] + [f"letter.{k}" for k in LETTERS] \
        + [f"category.{k}" for k in BUDGET_CATEGORIES] + [f"label.step_{s.key}" for s in STEPS] \
        + [f"expected.setting.{k}" for k in S.PLAN_SETTINGS] \
        + [f"expected.help.{t.name}.{c.name}" for t in S.TABLES.values() for c in t.columns if c.help]
    assert [k for k in keys if k not in english] == []


def test_form_labels_exist_for_every_field(example):
    from planlib.steps.actions.forms import action_form
    from planlib.steps.budget.forms import budget_form
    from planlib.steps.objectives.forms import key_result_form, objective_form

    english = catalog("en")
    for make in (objective_form, key_result_form, action_form, budget_form):
        form = make(example, "fr")
        for spec in form.fields:
            assert f"field.{form.key}.{spec.column}" in english
            if spec.required:
                assert f"required.{form.key}.{spec.column}" in english
        assert all(not w.description.startswith("field.") for w in form.widgets.values())


def test_a_third_language_is_one_more_catalog(tmp_path, monkeypatch):
    """Adding a catalog adds a language: wording, fallback to English, plural forms and Babel formats."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    german = Catalog(locale="de", domain="planlib")
    german.add("problem.missing_value", "Wert fehlt")
    german.add("problem.line", "{where}: {what}")
    german.add(("problem.heading", "problem.heading_plural"), ("{count} Problem gefunden:", "{count} Probleme gefunden:"))
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "planlib.po", "wb") as stream:
        write_po(stream, german)
    monkeypatch.setenv(i18n.LOCALE_PATH_ENV, str(tmp_path))
    i18n._catalog.cache_clear()
    try:
        assert "de" in i18n.languages()
        assert tr("problem.missing_value", "de") == "Wert fehlt"
        assert tr("problem.missing_column", "de") == "missing required column"  # not translated yet: English
        assert tr("problem.heading", "de", count=3) == "3 Probleme gefunden:"
        assert i18n.format_number(1250.5, "de", 1) == "1.250,5"
        from planlib.core.errors import PlanError, Problem

        error = PlanError([Problem("budget.csv", 3, "label", "missing_value", {}, None)])
        assert error.report("de") == "1 Problem gefunden:\n  budget.csv:3:label: Wert fehlt"
    finally:
        i18n._catalog.cache_clear()


@pytest.mark.parametrize("lang", SHIPPED)
def test_guides_have_the_same_sections_in_every_language(lang):
    from planlib.steps.guides import STEPS_DIR, sections

    for english in STEPS_DIR.glob("*/guide.en.md"):
        step = english.parent.name
        assert list(sections(step, lang)) == list(sections(step, "en"))
        assert (english.parent / f"guide.{lang}.md").exists()


def test_no_wording_left_in_code_tuples():
    """No (English, French) pairs in the code: wording lives in the catalogs and guides."""
    pair = re.compile(r"\(\s*\"[A-Z][^\"]{3,}\",\s*\"[^\"]*[éèàçù][^\"]*\"\s*\)")
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if pair.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_wording_asked_without_its_values_is_its_template_not_its_key():
    from planlib.core.i18n import label, tr

    assert "{period}" in tr("label.period_figures", "fr") and not tr("label.period_figures", "fr").startswith("label.")
    assert label("smart_count", "fr", n=3, total=4) == tr("label.smart_count", "fr").format(n=3, total=4)
    assert "3" in label("smart_count", "en", n=3, total=4)


def test_the_form_hint_does_not_ask_to_rerun_views_that_redraw_themselves():
    from planlib.core.i18n import tr

    assert "redraw themselves after each save" in tr("form.hint", "en")
    assert "se redessinent après chaque enregistrement" in tr("form.hint", "fr")
    assert not any(word in tr("form.hint", lang).lower() for lang in ("en", "fr") for word in ("re-run", "relancez"))
