"""What a person reads on a page or in a message, and what must never be in it.

Shared by the reading tier (tests/test_reading_*.py): a page is read as text
(tags, styles and scripts gone, entities decoded) and held to the same rules
whatever produced it: no catalog key, no code of the kit, no Python literal or
repr, no word of the other language outside the plan's own content, a worded
header on every table column, the page's lang attribute right.
"""
from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from planlib.core import schema

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "planlib" / "core" / "locale"
LANGS = ("en", "fr")
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]|[^\W\d_]", re.UNICODE)
LITERALS = re.compile(r"(?<![\w.-])(True|False|None|nan|NaN|NaT|inf|<NA>)(?![\w-])")
REPRS = re.compile(r"\{'|\['|'\]|'\}|Timestamp\(|datetime\.date\(|dtype:|object at 0x|<planlib\.|Name: \w+, |"
                   r"Length: \d+|np\.float64|Decimal\(|\(\d+ rows? x \d+ columns?\)")


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every key of a shipped catalog and its wording."""
    with (LOCALE / lang / "LC_MESSAGES" / "planlib.po").open("rb") as po:
        messages = read_po(po)
    wordings = {}
    for message in messages:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        text = " ".join(message.string) if isinstance(message.string, tuple) else message.string
        wordings[key] = text
    return wordings


@cache
def catalog_key_pattern() -> re.Pattern:
    families = sorted({key.split(".")[0] for key in catalog("en") if "." in key})
    files = r"(?!(?:yaml|csv|html|ipynb|xlsx|json|md|css|pdf|txt|ics)\b)"  # audit.yaml is a file, not a key
    return re.compile(r"\b(?:" + "|".join(families) + r")\." + files + r"[a-z_]+(?:\.[a-z_]+)*\b")


def words_of(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


@cache
def own_words(lang: str) -> frozenset[str]:
    """Every word the kit writes in this language: its catalog and its guides (placeholders aside)."""
    found: set[str] = set()
    for text in catalog(lang).values():
        found |= words_of(re.sub(r"\{[^}]*\}", " ", text))
    for guide in sorted((ROOT / "planlib").rglob(f"*.{lang}.md")):
        found |= words_of(guide.read_text(encoding="utf-8"))
    return frozenset(found)


@cache
def foreign_words(lang: str) -> frozenset[str]:
    """Words only the other language's catalog uses: one of them on a page is a sentence left untranslated."""
    other = next(code for code in LANGS if code != lang)
    return frozenset(w for w in own_words(other) - own_words(lang) if len(w) >= 3)


@cache
def kit_codes() -> frozenset[str]:
    """The codes the kit stores and must word before a person reads them (in_progress, bottom_up...)."""
    from planlib.steps.registry import STEPS

    codes: set[str] = set()
    for module in (schema, *(step.schema for step in STEPS if step.schema is not None)):
        for value in vars(module).values():
            if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
                codes |= set(value)
    for table in schema.registered().values():
        codes |= set(table.column_names)
    return frozenset(codes)


@cache
def worded_codes() -> frozenset[str]:
    """Codes the kit stores and words for people: its enumerations and every code a catalog key words
    (value.in_progress, format.page_title): found in a plan's files, they are still not for reading."""
    return kit_codes() | frozenset(key.rsplit(".", 1)[-1] for key in catalog("en") if "." in key)


@cache
def plan_words(plan_dir: Path) -> frozenset[str]:
    """Every word written in a plan's own files (and its own "word:" punctuation): its names and sentences
    are the analyst's, in any language and typography."""
    found: set[str] = set()
    for path in sorted(plan_dir.iterdir()):
        if path.suffix in (".csv", ".yaml", ".yml") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix != ".csv":
                text = yaml.safe_dump(yaml.safe_load(text), allow_unicode=True)
            found |= words_of(text) | {around for around, _ in FRENCH_MARKS.findall(text)}  # its own "x: y" too
            found |= set(CODE.findall(text)) - worded_codes()  # its own ids (marketplace_revenue_1), not the kit's
    found |= words_of(plan_dir.name)
    settings = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8")) or {}
    previous = (plan_dir / str(settings.get("previous") or "")).resolve() if settings.get("previous") else None
    return frozenset(found | (plan_words(previous) if previous and previous.is_dir() else set()))


def visible_text(page: str, quoted: bool = True) -> str:
    """The text a browser shows: no style, script or tag; entities decoded.

    quoted=False leaves out what a page quotes rather than says: text to type (<code>: a column
    name, a file's value) and the titles of cited sources (<cite>), which keep their own language.
    """
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    if not quoted:
        page = re.sub(r"<(code|cite)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    page = re.sub(r"</?(?:b|i|em|strong|span|a|small|code|cite|sup|sub|abbr)\b[^>]*>", "", page, flags=re.I)
    page = re.sub(r"<[^>]+>", " ", page)  # a block's edge is a space
    return html.unescape(page)


def page_lang(page: str) -> str | None:
    found = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", page)
    return found.group(1) if found else None


def headers(page: str) -> list[str]:
    """The text of every column header of every table: the cells of rows made of th cells only."""
    found = []
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", page, flags=re.S | re.I):
        if re.search(r"<td\b", row, flags=re.I):
            continue  # a body row, perhaps with its row header
        for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", row, flags=re.S | re.I):
            found.append(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip())
    return found


CODE = re.compile(r"(?<![\w.-])[a-z]+(?:_[a-z0-9]+)+(?![\w-])")
ISO_DAY = re.compile(r"(?<![\w-])\d{4}-\d\d-\d\d(?![\w-])")
FRENCH_MARKS = re.compile(r"(\w{2,}([:;?!]))(?=\s)")
SAID = ("code ", "French word", "English word", "ISO date", "no space before")  # judged on what the page says
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
LOCATED = re.compile(r"\s*[\w.-]+\.\w+:\d+")  # file:row: a problem that points at a cell
PATHS = re.compile(r"\S*/\S*")  # a folder or file path: the machine's names, not the kit's words
FILE_NAMES = re.compile(r"[\w.-]+\.(?:csv|yaml|yml|xlsx|json|html|ipynb|ics|pdf|md)\b")


def literal_wordings(lang: str) -> list[str]:
    """Wordings of the language that look like a literal ("None." in English): read as words there."""
    return sorted({t for t in catalog(lang).values() if LITERALS.search(t)}, key=len, reverse=True)


def faults_in_text(text: str, lang: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """What a reader of `lang` should never see in this text; `allowed` holds the plan's own words."""
    faults = [f"catalog key {key}" for key in sorted(set(catalog_key_pattern().findall(text)))]
    unlocated = "\n".join(line for line in text.splitlines() if not LOCATED.match(line))
    faults += [f"ISO date {day}" for day in sorted(set(ISO_DAY.findall(unlocated)))]  # a located problem quotes cells
    text = FILE_NAMES.sub(" ", PATHS.sub(" ", text))
    text = QUOTED.sub(" ", text)  # a file's own text, quoted as read (« Traffic acquisition: Session »)
    for wording in literal_wordings(lang):
        text = text.replace(wording, " ")
    faults += [f"Python literal {value!r}" for value in sorted(set(LITERALS.findall(text)))]
    faults += [f"repr {value!r}" for value in sorted(set(REPRS.findall(text)))]
    codes = {w for w in CODE.findall(text) if w not in allowed}  # in_progress, swot_quadrants: the kit's, not words
    faults += [f"code {code}" for code in sorted(codes)]
    if lang == "fr":  # French sets a (no-break) space before : ; ? !
        faults += [f"no space before {mark!r} in {around!r}" for around, mark in
                   sorted(set(FRENCH_MARKS.findall(text))) if around not in allowed]
    # a foreign word always capitalised is a name (Meta, Campaign Manager): a sentence left untranslated is not
    lowered = {w.casefold() for w in WORD.findall(text) if not w[:1].isupper()}
    foreign = (lowered & foreign_words(lang)) - allowed
    faults += [f"{'French' if lang == 'en' else 'English'} word {word!r}" for word in sorted(foreign)]
    return faults


def faults_in_page(page: str, lang: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """faults_in_text on the visible text, plus the lang attribute and the table headers."""
    faults = faults_in_text(visible_text(page), lang, allowed)
    said = faults_in_text(visible_text(page, quoted=False), lang, allowed)
    faults = [f for f in faults if not f.startswith(SAID)] + [f for f in said if f.startswith(SAID)]
    if page_lang(page) != lang:
        faults.append(f'lang="{page_lang(page)}" where the page speaks {lang}')
    for header in headers(page):
        if not header:
            faults.append("a table column without a header")
        elif header in kit_codes() or CODE.fullmatch(header):
            faults.append(f"column header {header!r} is a code, not a word")
        elif (words_of(header) & foreign_words(lang)) - allowed:  # a header is capitalised, yet no name
            faults.append(f"column header {header!r} is in the other language")
    return faults


WIDGET_TEXT = ("description", "placeholder", "tooltip", "button_style_text")


def notebook_faults(notebook, lang: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """faults_in_page on every output a person sees in an executed notebook, and on its forms' words.

    Forms are read from the widget state the run stored: labels, choices, buttons and messages.
    """
    faults = []
    for number, cell in enumerate(notebook.cells, 1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") in ("stream", "error"):
                faults.append(f"cell {number} printed {output.get('text') or output.get('ename')!r}")
            elif "text/html" in data:
                page = f'<html lang="{lang}">{data["text/html"]}</html>'
                faults += [f"cell {number}: {f}" for f in faults_in_page(page, lang, allowed)]
            elif "text/markdown" in data:
                text = re.sub(r"`[^`]*`", " ", data["text/markdown"])  # text to type, as <code> on a page
                text = html.unescape(re.sub(r"\\(.)", r"\1", text))  # as Markdown renders it
                faults += [f"cell {number}: {f}" for f in faults_in_text(text, lang, allowed)]
            elif "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data \
                    and "image/png" not in data:
                faults += [f"cell {number}: {f}" for f in faults_in_text(data["text/plain"], lang, allowed)]
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model in state.get("state", {}).values():
        values = model.get("state", {})
        words = [str(values.get(key) or "").strip("\u200b") for key in WIDGET_TEXT]
        words += [str(label) for label in values.get("_options_labels", [])]
        if model.get("model_name") in ("HTMLModel", "LabelModel"):
            words.append(visible_text(str(values.get("value") or ""), quoted=False))
        for text in filter(None, words):
            faults += [f"form {model.get('model_name')} {text[:60]!r}: {f}" for f in faults_in_text(text, lang, allowed)]
    return sorted(set(faults))
