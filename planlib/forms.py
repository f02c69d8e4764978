"""Forms that edit one table of the plan and save it through planlib.

One `TableForm` class serves every step: fields are declared as data, each
widget carries a stable CSS class (`planlib-<form>-<field>`, the button
`planlib-<form>-save`, the message `planlib-<form>-message`) so people and
tests can find them. Save validates the whole plan first: a bad entry shows
its message and writes nothing.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from . import schema as S
from .errors import PlanError
from .plan import Plan
from .writers import text_frame


@dataclass(frozen=True)
class Field:
    """One input of a form, bound to a column of the table."""

    column: str
    label_en: str
    label_fr: str
    kind: str = "text"  # text, textarea, choice, number, date, score
    options: object = None  # for choice: list of (label, value), or a function of the plan returning it
    required: str | None = None  # message shown when left empty (English, French separated by '|')
    default: str = ""  # value of a new entry

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


MESSAGES = {
    "new": ("(new)", "(nouveau)"),
    "none": ("(none)", "(aucun)"),
    "save": ("Save", "Enregistrer"),
    "saved": ("Saved {id} in {file}; the previous version is kept in .history/",
              "{id} enregistré dans {file} ; la version précédente est conservée dans .history/"),
    "refused": ("Not saved: fix these and save again", "Non enregistré : corrigez puis enregistrez à nouveau"),
    "edit": ("Edit", "Modifier"),
}


def _say(key: str, lang: str, **values) -> str:
    return MESSAGES[key][1 if lang == "fr" else 0].format(**values)


@dataclass
class TableForm:
    """Add or edit rows of one table; `plan` is the latest saved plan."""

    plan: Plan
    table: str
    name: str  # CSS name, e.g. "objective"
    fields: list[Field]
    lang: str = "en"
    id_prefix: object = "X"  # str, or a function of the field values returning the prefix of new ids
    widgets: dict = field(default_factory=dict)

    def __post_init__(self):
        import ipywidgets as w

        self.pick = w.Dropdown(description=_say("edit", self.lang), options=self.pick_options(),
                               layout=w.Layout(width="36em"), style={"description_width": "13em"})
        self.pick.add_class(f"planlib-{self.name}-pick")
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        for spec in self.fields:
            self.widgets[spec.column] = widget = self.make_widget(spec)
            widget.add_class(f"planlib-{self.name}-{spec.column.replace('_', '-')}")
        self.save_button = w.Button(description=_say("save", self.lang), button_style="primary")
        self.save_button.add_class(f"planlib-{self.name}-save")
        self.save_button.on_click(lambda _: self.save())
        self.message = w.HTML()
        self.message.add_class(f"planlib-{self.name}-message")
        self.box = w.VBox([self.pick, *self.widgets.values(), self.save_button, self.message])
        self.load("")
        self.box.add_class(f"planlib-{self.name}-form")

    # -- widgets ------------------------------------------------------------------------
    def options_of(self, spec: Field) -> list[tuple[str, str]]:
        options = spec.options(self.plan) if callable(spec.options) else list(spec.options or [])
        return options

    def make_widget(self, spec: Field):
        import ipywidgets as w

        layout = w.Layout(width="36em")
        style = {"description_width": "13em"}
        label = spec.label(self.lang)
        if spec.kind == "choice":
            return w.Dropdown(description=label, options=self.options_of(spec), layout=layout, style=style)
        if spec.kind == "score":
            return w.Dropdown(description=label, options=[("", "")] + [(str(n), str(n)) for n in range(1, 6)],
                              layout=layout, style=style)
        if spec.kind == "date":
            return w.DatePicker(description=label, layout=layout, style=style)
        if spec.kind == "textarea":
            return w.Textarea(description=label, layout=layout, style=style)
        return w.Text(description=label, layout=layout, style=style)

    def pick_options(self) -> list[tuple[str, str]]:
        frame = self.plan.tables[self.table]
        label_column = next(c for c in ("title", "name", "label") if c in frame.columns)
        return [(_say("new", self.lang), "")] + [(f"{i} – {t}"[:70], i) for i, t in zip(frame["id"], frame[label_column])]

    def widget(self):
        return self.box

    # -- reading and writing values ----------------------------------------------------------
    def load(self, row_id: str) -> None:
        """Fill the widgets from a row (or clear them for a new one)."""
        frame = self.plan.tables[self.table]
        texts = text_frame(frame, S.TABLES[self.table])
        row = texts[frame["id"] == row_id].iloc[0] if row_id else None
        for spec in self.fields:
            widget = self.widgets[spec.column]
            value = spec.default if row is None else row[spec.column]
            if spec.kind == "date":
                widget.value = date.fromisoformat(value) if value else None
            elif spec.kind == "choice":
                allowed = [v for _, v in self.options_of(spec)]
                widget.options = self.options_of(spec)
                widget.value = value if value in allowed else (allowed[0] if allowed else None)
            else:
                widget.value = value
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
        missing = [spec.required.split("|")[1 if self.lang == "fr" else 0]
                   for spec in self.fields if spec.required and not values[spec.column]]
        if missing:
            self.show_problems(missing)
            return False
        row_id = self.pick.value or self.next_id(values)
        table = S.TABLES[self.table]
        texts = text_frame(self.plan.tables[self.table], table).astype(str)
        row = {c: "" for c in texts.columns}
        if self.pick.value:
            row.update(texts[texts["id"] == row_id].iloc[0].to_dict())
        row.update(values)
        row["id"] = row_id
        if self.pick.value:
            texts.loc[texts["id"] == row_id, list(row)] = list(row.values())
        else:
            texts = pd.concat([texts, pd.DataFrame([row])], ignore_index=True)
        try:
            self.plan = self.plan.save_table(self.table, texts, as_text=True)
        except PlanError as error:
            from .messages import problem_text

            self.show_problems([problem_text(p, self.lang) for p in error.problems])
            return False
        self.pick.unobserve_all("value")
        self.pick.options = self.pick_options()
        self.pick.value = row_id
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        self.message.value = f'<span style="color:#2e7d32">{html.escape(_say("saved", self.lang, id=row_id, file=table.file))}</span>'
        return True

    def show_problems(self, problems: list[str]) -> None:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        self.message.value = (f'<div style="color:#b00020"><b>{html.escape(_say("refused", self.lang))}</b>'
                              f"<ul>{items}</ul></div>")


# -- the forms of step 2 ------------------------------------------------------------------------

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


def objective_form(plan: Plan, lang: str = "en") -> TableForm:
    fields = [
        Field("level", "Level", "Niveau", "choice", [("business", "business"), ("marketing", "marketing")],
              default="marketing"),
        Field("title", "Objective", "Objectif", required="The objective needs a title|L'objectif doit avoir un intitulé"),
        Field("parent_id", "Serves (business)", "Sert (business)", "choice",
              id_choices("objectives", "title", lang, keep=lambda frame: frame["level"] == "business")),
        Field("owner", "Owner", "Responsable"),
        Field("description", "Description", "Description", "textarea"),
    ]
    return TableForm(plan, "objectives", "objective", fields, lang,
                     id_prefix=lambda values: "B" if values.get("level") == "business" else "M")


def key_result_form(plan: Plan, lang: str = "en") -> TableForm:
    priorities = [("", "")] + [(p, p) for p in S.PRIORITIES]
    fields = [
        Field("objective_id", "Objective", "Objectif", "choice", id_choices("objectives", "title", lang, empty=False)),
        Field("title", "Key result", "Résultat clé",
              required="The key result needs a title|Le résultat clé doit avoir un intitulé"),
        Field("kpi_id", "KPI", "KPI", "choice", id_choices("kpis", "name", lang)),
        Field("baseline", "Baseline", "Point de départ", "number"),
        Field("target", "Target", "Cible", "number",
              required="A key result needs a target: the number to reach|Un résultat clé doit avoir une cible : le nombre à atteindre"),
        Field("unit", "Unit", "Unité"),
        Field("deadline", "Deadline", "Échéance", "date"),
        Field("priority", "Priority", "Priorité", "choice", priorities),
        Field("impact", "Impact (1-5)", "Impact (1-5)", "score"),
        Field("effort", "Effort (1-5)", "Effort (1-5)", "score"),
        Field("levers", "Levers", "Leviers"),
        Field("owner", "Owner", "Responsable"),
    ]
    return TableForm(plan, "key_results", "key-result", fields, lang, id_prefix="KR")


# -- the form of step 5 ------------------------------------------------------------------------------

def action_form(plan: Plan, lang: str = "en") -> TableForm:
    owners = lambda p: [("", "")] + [(m["owner"], m["owner"]) for m in p.settings.get("team") or []]  # noqa: E731
    fields = [
        Field("workstream", "Workstream", "Chantier", required="The action needs a workstream|L'action doit avoir un chantier"),
        Field("name", "Action", "Action", required="The action needs a name|L'action doit avoir un nom"),
        Field("description", "Description", "Description", "textarea"),
        Field("key_result_id", "Key result", "Résultat clé", "choice", id_choices("key_results", "title", lang)),
        Field("kpi_id", "KPI", "KPI", "choice", id_choices("kpis", "name", lang)),
        Field("channel_id", "Channel", "Canal", "choice", id_choices("channels", "name", lang)),
        Field("owner", "Owner", "Responsable", "choice", owners),
        Field("status", "Status", "Statut", "choice", [(s, s) for s in S.STATUSES], default="planned"),
        Field("priority", "Priority", "Priorité", "choice", [("", "")] + [(p, p) for p in S.PRIORITIES]),
        Field("impact", "Impact (1-5)", "Impact (1-5)", "score"),
        Field("difficulty", "Difficulty (1-5)", "Difficulté (1-5)", "score"),
        Field("start", "Start", "Début", "date"),
        Field("end", "End", "Fin", "date"),
        Field("duration_days", "Duration (working days)", "Durée (jours ouvrés)", "number"),
        Field("deadline", "Deadline", "Échéance", "date"),
        Field("person_days", "Person-days", "Jours-homme", "number"),
        Field("recurrence", "Recurrence", "Récurrence", "choice", [(r, r) for r in S.RECURRENCES], default="none"),
        Field("depends_on", "Depends on (ids)", "Dépend de (ids)"),
    ]
    return TableForm(plan, "actions", "action", fields, lang, id_prefix="A")


# -- the form of step 6 ------------------------------------------------------------------------------

def budget_form(plan: Plan, lang: str = "en") -> TableForm:
    categories = lambda p: [(labels[1 if lang == "fr" else 0], code) for code, labels in S.plan_categories(p.settings).items()]  # noqa: E731
    drivers = lambda p: [("", "")] + [(d, d) for d in sorted(set(p.forecasts["driver"]))]  # noqa: E731
    fields = [
        Field("label", "Budget line", "Ligne budgétaire", required="The line needs a label|La ligne doit avoir un libellé"),
        Field("category", "Category", "Catégorie", "choice", categories),
        Field("action_id", "Action", "Action", "choice", id_choices("actions", "name", lang)),
        Field("period", "Period", "Période", required="The line needs a period, e.g. 2026-Q2 or 2026-05|"
                                                     "La ligne doit avoir une période, ex. 2026-Q2 ou 2026-05"),
        Field("cost_type", "Cost", "Coût", "choice", [(c, c) for c in S.COST_TYPES], default="fixed"),
        Field("amount", "Amount", "Montant", "number"),
        Field("rate", "Rate (%)", "Taux (%)", "number"),
        Field("driver", "Applied to", "Appliqué à", "choice", drivers),
        Field("schedule", "Payment schedule", "Échéancier"),
        Field("channel_id", "Channel", "Canal", "choice", id_choices("channels", "name", lang)),
    ]
    return TableForm(plan, "budget", "budget-line", fields, lang, id_prefix="B")
