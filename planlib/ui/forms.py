"""The form engine: edit one table of the plan and save it through the plan's validation.

One `TableForm` class serves every step (each step declares its fields as
data in its own forms.py): each widget carries a stable CSS class
(`planlib-<form>-<field>`, the button `planlib-<form>-save`, the message
`planlib-<form>-message`) so people and tests can find them. Save validates
the whole plan first: a bad entry shows its message and writes nothing.
Labels come from the catalogs: `field.<form>.<column>`, `required.<form>.<column>`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from ..core import schema as S
from ..core.errors import PlanError
from ..core.i18n import tr
from ..core.fresh import fresh_under_lock
from ..core.io.writers import text_frame
from ..core.plan import Plan
from .live import plan_saved


@dataclass(frozen=True)
class Field:
    """One input of a form, bound to a column of the table."""

    column: str
    kind: str | None = None  # text, textarea, choice, number, date, score; in YAML forms also list, check.
    #                          None: a table form takes it from the column's kind, a YAML form shows text
    options: object = None  # for choice: list of (label, value), or a function of the plan returning it
    required: object = None  # refused when left empty (message required.<form>.<column>), its label marked *.
    #                          A table form takes it from the column, so it refuses what `planlib check` refuses;
    #                          a YAML form says True or a function of the form's values (required only then)
    default: str = ""  # value of a new entry

    def is_required(self, values: dict) -> bool:
        return bool(self.required(values)) if callable(self.required) else bool(self.required)


_WIDGET_OF_KIND = {S.DATE: "date", S.INT: "number", S.FLOAT: "number", S.MONEY: "number", S.PERCENT: "number"}


def column_field(spec: Field, column: S.Column) -> Field:
    """A table form's field completed from its column: the widget its kind calls for, and whether it is required.

    A field may choose its widget (a drop-down, a text area) but not its
    requirement: that is the column's, what `planlib check` refuses (required)
    and what only forms insist on (asked, which the step's checks flag in a file).
    """
    if spec.required is not None:
        raise ValueError(f"field {column.name}: a table form's requirement comes from its column, not the form")
    score = column.kind == S.INT and (column.minimum, column.maximum) == (1, 5)
    kind = spec.kind or ("score" if score else _WIDGET_OF_KIND.get(column.kind, "text"))
    required = column.asked_for if isinstance(column.asked, tuple) else column.asked_for({})
    return replace(spec, kind=kind, required=required)


def input_widget(spec: Field, label: str, options: list):
    """The widget of one field, the same in table and YAML forms."""
    import ipywidgets as w

    layout = w.Layout(width="36em")
    style = {"description_width": "13em"}
    if spec.kind == "choice":
        return w.Dropdown(description=label, options=options, layout=layout, style=style)
    if spec.kind == "score":
        return w.Dropdown(description=label, options=[("", "")] + [(str(n), str(n)) for n in range(1, 6)],
                          layout=layout, style=style)
    if spec.kind == "date":
        return w.DatePicker(description=label, layout=layout, style=style)
    if spec.kind == "textarea":
        return w.Textarea(description=label, layout=layout, style=style)
    if spec.kind == "check":
        return w.Checkbox(description=label, layout=layout, style=style)
    return w.Text(description=label, layout=layout, style=style)


def fill_widget(widget, spec: Field, value: str, options: list) -> None:
    """Show a stored text in a field's widget (a date picker takes a date, a check box a boolean)."""
    if spec.kind == "date":
        widget.value = date.fromisoformat(value) if value else None
    elif spec.kind == "choice":
        allowed = [v for _, v in options]
        widget.options = options
        widget.value = value if value in allowed else (allowed[0] if allowed else None)
    elif spec.kind == "check":
        widget.value = value == "True"
    else:
        widget.value = value


def field_label(key: str, spec: Field, lang: str) -> str:
    """A field's label in the form's language, marked * when the field is (or may be) required."""
    return tr(f"field.{key}.{spec.column}", lang) + (" *" if spec.required else "")


def field_problem(key: str, spec: Field, problem, lang: str) -> str:
    """A refused value as a form shows it: the field's label, then what is wrong and what was expected."""
    return tr("form.field_problem", lang, label=tr(f"field.{key}.{spec.column}", lang), what=problem.what_text(lang))


def done_html(text: str) -> str:
    """A form's message after a save."""
    return f'<span style="color:#2e7d32">{html.escape(text)}</span>'


def refused_html(problems: list[str], lang: str, heading: str = "form.refused") -> str:
    """A form's message when a save is refused: every problem, escaped, under `heading` (a catalog key)."""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return f'<div style="color:#b00020"><b>{html.escape(tr(heading, lang))}</b><ul>{items}</ul></div>'


def save_controls(name: str, lang: str, save):
    """A form's Save button and the message under it, with their CSS classes (`planlib-<name>-save`, `-message`)."""
    import ipywidgets as w

    button = w.Button(description=_say("save", lang), button_style="primary")
    button.add_class(f"planlib-{name}-save")
    button.on_click(lambda _: save())
    message = w.HTML()
    message.add_class(f"planlib-{name}-message")
    return button, message


def _say(key: str, lang: str, **values) -> str:
    return tr(f"form.{key}", lang, **values)


@dataclass
class TableForm:
    """Add or edit rows of one table; `plan` is the latest saved plan."""

    plan: Plan
    table: str
    name: str  # CSS name, e.g. "objective"
    fields: list[Field]
    lang: str
    id_prefix: object = "X"  # str, or a function of the field values returning the prefix of new ids
    key: str = ""  # catalog key of its labels (field.<key>.<column>); defaults to the CSS name
    widgets: dict = field(default_factory=dict)

    def __post_init__(self):
        import ipywidgets as w

        self.key = self.key or self.name
        table = S.table(self.table)
        self.fields = [column_field(spec, table.column(spec.column)) for spec in self.fields]
        self.pick = w.Dropdown(description=_say("edit", self.lang), options=self.pick_options(),
                               layout=w.Layout(width="36em"), style={"description_width": "13em"})
        self.pick.add_class(f"planlib-{self.name}-pick")
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        for spec in self.fields:
            self.widgets[spec.column] = widget = self.make_widget(spec)
            widget.add_class(f"planlib-{self.name}-{spec.column.replace('_', '-')}")
        self.save_button, self.message = save_controls(self.name, self.lang, self.save)
        self.box = w.VBox([self.pick, *self.widgets.values(), self.save_button, self.message])
        self.load("")
        self.box.add_class(f"planlib-{self.name}-form")

    # -- widgets ------------------------------------------------------------------------
    def options_of(self, spec: Field) -> list[tuple[str, str]]:
        options = spec.options(self.plan) if callable(spec.options) else list(spec.options or [])
        return options

    def make_widget(self, spec: Field):
        return input_widget(spec, field_label(self.key, spec, self.lang), self.options_of(spec))

    def pick_options(self) -> list[tuple[str, str]]:
        frame = self.plan.tables[self.table]
        label_column = next(c for c in ("title", "name", "label", "reason") if c in frame.columns)
        return [(_say("new", self.lang), "")] + [(f"{i} – {t}"[:70], i) for i, t in zip(frame["id"], frame[label_column])]

    def widget(self):
        return self.box

    # -- reading and writing values ----------------------------------------------------------
    def load(self, row_id: str) -> None:
        """Fill the widgets from a row (or clear them for a new one)."""
        frame = self.plan.tables[self.table]
        texts = text_frame(frame, S.table(self.table))
        row = texts[frame["id"] == row_id].iloc[0] if row_id else None
        for spec in self.fields:
            widget = self.widgets[spec.column]
            fill_widget(widget, spec, spec.default if row is None else row[spec.column], self.options_of(spec))
        self.message.value = ""

    def values(self) -> dict[str, str]:
        out = {}
        for spec in self.fields:
            value = self.widgets[spec.column].value
            if isinstance(value, date):
                value = value.isoformat()
            out[spec.column] = "" if value is None else str(value).strip()
        return out

    def next_id(self, values: dict) -> str:
        prefix = self.id_prefix(values) if callable(self.id_prefix) else self.id_prefix
        numbers = [int(i[len(prefix):]) for i in self.plan.tables[self.table]["id"]
                   if i.startswith(prefix) and i[len(prefix):].isdigit()]
        width = max([len(i) - len(prefix) for i in self.plan.tables[self.table]["id"] if i.startswith(prefix)] or [2])
        return f"{prefix}{max(numbers or [0]) + 1:0{width}d}"

    def save(self) -> bool:
        """Validate and write; show what went wrong, or what was saved."""
        values = self.values()
        missing = [tr(f"required.{self.key}.{spec.column}", self.lang)
                   for spec in self.fields if spec.is_required(values) and not values[spec.column]]
        if missing:
            self.show_problems(missing)
            return False
        table = S.table(self.table)
        try:
            with fresh_under_lock(self.plan) as self.plan:  # the edit applies to what another writer saved since
                texts = text_frame(self.plan.tables[self.table], table).astype(str)
                updating = bool(self.pick.value) and bool((texts["id"] == self.pick.value).any())
                row_id = self.pick.value if updating else self.next_id(values)
                row = {c: "" for c in texts.columns}
                if updating:
                    row.update(texts[texts["id"] == row_id].iloc[0].to_dict())
                row.update(values)
                row["id"] = row_id
                if updating:
                    texts.loc[texts["id"] == row_id, list(row)] = list(row.values())
                else:
                    texts = pd.concat([texts, pd.DataFrame([row])], ignore_index=True)
                self.plan = self.plan.save_table(self.table, texts, as_text=True)
        except PlanError as error:
            self.show_problems([self.problem_text(problem) for problem in error.problems])
            return False
        plan_saved(self.plan)
        self.pick.unobserve_all("value")
        self.pick.options = self.pick_options()
        self.pick.value = row_id
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        self.message.value = done_html(_say("updated" if updating else "saved", self.lang, id=row_id, file=table.file))
        return True

    def problem_text(self, problem) -> str:
        """A refused value named by its field's label, as the form shows it; other problems with their file and row."""
        spec = next((f for f in self.fields if f.column == problem.column), None)
        if spec is None or problem.file != S.table(self.table).file:
            return problem.text(self.lang)
        return field_problem(self.key, spec, problem, self.lang)

    def show_problems(self, problems: list[str]) -> None:
        self.message.value = refused_html(problems, self.lang)


def worded_choices(family: str, codes, lang: str, empty: bool = False) -> list[tuple[str, str]]:
    """The options of a drop-down of codes: each shown in the reader's words (`<family>.<code>` in the
    catalogs), saved as its code; a blank first option when the field may stay empty."""
    return ([("", "")] if empty else []) + [(tr(f"{family}.{code}", lang), code) for code in codes]


def id_choices(table: str, label: str, lang: str, empty: bool = True, keep=None):
    """The options of a drop-down of a table's ids, shown as 'id – label', '(none)' first unless `empty` is False.

    Returns a function of the plan, so the options follow what was saved since;
    `keep` filters the rows (a function of the table giving a boolean mask).
    """
    def options(plan: Plan) -> list[tuple[str, str]]:
        frame = plan.tables[table]
        if keep is not None:
            frame = frame[keep(frame)]
        choices = [(f"{i} – {n}"[:60], i) for i, n in zip(frame["id"], frame[label])]
        return ([(_say("none", lang), "")] if empty else []) + choices

    return options
