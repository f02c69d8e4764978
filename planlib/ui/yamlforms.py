"""The form engine for YAML parts of a plan: add or edit the items of a list (audit.yaml's SWOT, PESTEL...).

The twin of `TableForm` for lists of mappings: each step declares its fields
as data; a field's column may be a dotted path inside the item (`scores.x`,
`pair.0`). A form may hold several lists of the same shape (the four SWOT
quadrants), chosen with a group selector. Save validates the whole plan
first: a bad entry shows its message and writes nothing. CSS classes follow
TableForm's: `planlib-<form>-<field>`, `-group`, `-pick`, `-save`, `-message`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Callable

from ..core.errors import CodedError, PlanError
from ..core.i18n import tr
from ..core.fresh import fresh_under_lock
from ..core.plan import Plan
from .forms import (Field, _say, done_html, field_label, field_problem, fill_widget, input_widget, refused_html,
                    save_controls)
from .live import plan_saved


def get_path(item, column: str):
    """The value at a dotted path of an item (`scores.x`, `pair.0`), or None."""
    value = item
    for part in column.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def set_path(item: dict, column: str, value) -> None:
    """Set a dotted path, making the mappings and lists on the way."""
    parts = column.split(".")
    target = item
    for part, following in zip(parts, parts[1:]):
        key = int(part) if isinstance(target, list) else part
        if isinstance(target, list):
            while len(target) <= key:
                target.append(None)
        if not isinstance(target[key] if isinstance(target, list) else target.get(key), (dict, list)):
            target[key] = [] if following.isdigit() else {}
        target = target[key]
    last = parts[-1]
    if isinstance(target, list):
        while len(target) <= int(last):
            target.append(None)
        target[int(last)] = value
    else:
        target[last] = value


def typed(spec: Field, text: str):
    """A form's text as the YAML value it stands for: scores and numbers as numbers, lists split on commas."""
    if text == "":
        return None
    if spec.kind in ("score", "number"):
        try:
            number = float(text.replace(",", ".").replace("\u202f", "").replace(" ", ""))
        except ValueError:
            raise CodedError("form_not_number", "number", value=text) from None
        return int(number) if number.is_integer() else number
    if spec.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if spec.kind == "pairs":  # "C01: 5, C04: 4" -> {C01: 5, C04: 4}
        pairs = {}
        for part in (p.strip() for p in text.split(",") if p.strip()):
            key, sep, value = part.replace("=", ":").partition(":")
            if not sep or not key.strip():
                raise CodedError("form_not_pairs", "pairs", value=part)
            number = typed(Field(key, "number"), value.strip())
            pairs[key.strip()] = number
        return pairs
    if spec.kind == "check":
        return text == "True" or None
    return text


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


@dataclass
class YamlListForm:
    """Add or edit the items of a list in a YAML file of the plan; `plan` is the latest saved plan."""

    plan: Plan
    file: str  # audit.yaml
    name: str  # CSS name, e.g. "swot"
    fields: list[Field]
    groups: list[tuple[str, tuple]]  # (label, path of the list in the document); one group: no selector
    lang: str
    key: str = ""  # catalog key of its labels (field.<key>.<column>)
    label_of: Callable = None  # (item, index, path) -> the picker's label
    to_item: Callable = None  # (values, old item or None, index, path, plan) -> the item to store
    widgets: dict = field(default_factory=dict)

    def __post_init__(self):
        import ipywidgets as w

        self.key = self.key or self.name
        style, layout = {"description_width": "13em"}, w.Layout(width="36em")
        self.group = w.Dropdown(description=_say("group", self.lang), options=[(g, n) for n, (g, _) in
                                                                              enumerate(self.groups)],
                                layout=layout, style=style)
        self.group.add_class(f"planlib-{self.name}-group")
        self.pick = w.Dropdown(description=_say("edit", self.lang), layout=layout, style=style)
        self.pick.add_class(f"planlib-{self.name}-pick")
        for spec in self.fields:
            self.widgets[spec.column] = widget = input_widget(spec, field_label(self.key, spec, self.lang),
                                                              self.options_of(spec))
            widget.add_class(f"planlib-{self.name}-{spec.column.replace('_', '-').replace('.', '-')}")
        self.save_button, self.message = save_controls(self.name, self.lang, self.save)
        head = [self.group] if len(self.groups) > 1 else []
        self.box = w.VBox(head + [self.pick, *self.widgets.values(), self.save_button, self.message])
        self.box.add_class(f"planlib-{self.name}-form")
        self.group.observe(lambda _: self.refresh_pick(None), names="value")
        self.refresh_pick(None)

    def options_of(self, spec: Field) -> list[tuple[str, str]]:
        return spec.options(self.plan) if callable(spec.options) else list(spec.options or [])

    def widget(self):
        return self.box

    @property
    def path(self) -> tuple:
        return self.groups[self.group.value][1]

    def items(self) -> list:
        found = get_path(self.plan.yaml_data.get(self.file) or {}, ".".join(map(str, self.path)))
        return found if isinstance(found, list) else []

    def refresh_pick(self, chosen: int | None) -> None:
        """The picker's entries for the current list, `chosen` selected (None: a new entry)."""
        self.pick.unobserve_all("value")
        label_of = self.label_of or (lambda item, i, path: as_text(item)[:60])
        self.pick.options = [(_say("new", self.lang), -1)] + [
            (str(label_of(item, i, self.path))[:70], i) for i, item in enumerate(self.items())]
        self.pick.value = -1 if chosen is None else chosen
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        self.load(self.pick.value)

    def load(self, index: int) -> None:
        items = self.items()
        item = items[index] if 0 <= index < len(items) else None
        for spec in self.fields:
            value = spec.default if item is None else as_text(get_path(item, spec.column) if isinstance(item, dict)
                                                             else item if spec.column == "text" else None)
            fill_widget(self.widgets[spec.column], spec, value, self.options_of(spec))
        self.message.value = ""

    def values(self) -> dict[str, str]:
        return {spec.column: "" if self.widgets[spec.column].value is None
                else str(self.widgets[spec.column].value).strip() for spec in self.fields}

    def default_item(self, values: dict, old, index, path, plan) -> dict:
        item = copy.deepcopy(old) if isinstance(old, dict) else {}
        for spec in self.fields:
            value = typed(spec, values[spec.column])
            if value is None and get_path(item, spec.column) is None:
                continue
            set_path(item, spec.column, value)
        return {k: v for k, v in item.items() if v is not None}

    def save(self) -> bool:
        """Validate and write; show what went wrong, or what was saved."""
        values = self.values()
        missing = [tr(f"required.{self.key}.{spec.column}", self.lang)
                   for spec in self.fields if spec.is_required(values) and not values[spec.column]]
        if missing:
            return self.show_problems(missing)
        index = self.pick.value
        try:
            with fresh_under_lock(self.plan) as self.plan:  # the edit applies to what another writer saved since
                document = copy.deepcopy(self.plan.yaml_data.get(self.file))
                document = document if isinstance(document, dict) else {}
                items = get_path(document, ".".join(map(str, self.path)))
                if not isinstance(items, list):
                    items = []
                    set_path(document, ".".join(map(str, self.path)), items)
                index = self.pick.value if 0 <= self.pick.value < len(items) else len(items)
                old = items[index] if index < len(items) else None
                item = (self.to_item or self.default_item)(values, old, index, self.path, self.plan)
                items[index:index + 1] = [item]
                self.plan = self.plan.save_yaml(self.file, document)
        except CodedError as error:
            return self.show_problems([error.text(self.lang)])
        except PlanError as error:
            return self.show_problems([self.problem_text(p, index) for p in error.problems])
        except ValueError as error:
            return self.show_problems([str(error)])
        plan_saved(self.plan)
        self.refresh_pick(index)
        word = "updated" if old is not None else "saved"
        shown = (self.label_of or (lambda item, i, path: as_text(item)))(item, index, self.path)
        self.message.value = done_html(_say(word, self.lang, id=shown, file=self.file))
        return True

    def problem_text(self, problem, index: int) -> str:
        """A refused value of the edited item named by its field's label; other problems with file and key path."""
        where = ".".join(map(str, self.path)) + f"[{index}]."
        spec = next((f for f in self.fields if problem.file == self.file and problem.column == where + f.column), None)
        return problem.text(self.lang) if spec is None else field_problem(self.key, spec, problem, self.lang)

    def show_problems(self, problems: list[str]) -> bool:
        self.message.value = refused_html(problems, self.lang)
        return False
