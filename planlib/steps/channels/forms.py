"""Step 4's forms: a channel's scores, a message with its variants, the ranking's weights, the A/B calculator.

The channel form is a `TableForm` over channels.csv. The message form writes
one row of messages.csv per variant (A, B, C) of a persona x channel x format,
all sharing the proof and call to action; emptying a variant removes its row.
The weights are saved in plan.yaml (`channel_weights`). Every widget carries
a `planlib-<form>-<field>` CSS class.
"""
from __future__ import annotations

import html

import pandas as pd

from ...core import schema as S
from ...core.errors import CodedError, PlanError
from ...core.i18n import tr
from ...core.fresh import fresh_under_lock
from ...core.io.writers import text_frame
from ...core.plan import Plan
from ...ui.forms import Field, TableForm, done_html, fill_widget, input_widget, refused_html, save_controls
from ...ui.live import plan_saved
from ..personas import model as P
from . import abtest, catalogue, formats
from .ranking import CRITERIA, weights
from .schema import CHANNEL_TYPES, COST_MODELS

VARIANTS = ("A", "B", "C")


def channel_form(plan: Plan, lang: str) -> TableForm:
    kinds = lambda p: [("", "")] + [(tr(f"channel_kind.{k}", lang), k) for k in catalogue.kinds()]  # noqa: E731
    fields = [
        Field("name"),
        Field("kind", "choice", kinds),
        Field("platform"),
        Field("type", "choice", [("", "")] + [(tr(f"value.{t}", lang), t) for t in CHANNEL_TYPES]),
        Field("cost_model", "choice", [("", "")] + [(tr(f"cost_model.{m}", lang), m) for m in COST_MODELS]),
        Field("skills"),
        Field("chosen", "choice", [(tr("value.True", lang), "true"), (tr("value.False", lang), "false")], default="true"),
        Field("change", "textarea"),
        Field("reach", "score"), Field("cost", "score"), Field("fit", "score"),
        Field("notes", "textarea"),
    ]
    form = TableForm(plan, "channels", "channel", fields, lang, id_prefix="C")
    return form


class MessageForm:
    """A message for a persona on a channel, in a format, with up to three variants to test."""

    name = "message"

    def __init__(self, plan: Plan, lang: str):
        import ipywidgets as w

        self.plan, self.lang = plan, lang
        self.fields = [
            Field("persona_id", "choice", self._persona_options), Field("channel_id", "choice", self._channel_options),
            Field("format", "choice", [("", "")] + [(tr(f"format.{f}", lang), f) for f in formats.formats()]),
            *[Field(f"variant_{v}", "textarea") for v in VARIANTS],
            Field("proof"), Field("call_to_action"),
        ]
        self.widgets = {}
        for spec in self.fields:
            self.widgets[spec.column] = widget = input_widget(spec, tr(f"field.message.{spec.column}", lang),
                                                              self._options(spec))
            widget.add_class(f"planlib-message-{spec.column.replace('_', '-')}")
        self.pick = w.Dropdown(description=tr("form.edit", lang), layout=w.Layout(width="36em"),
                               style={"description_width": "13em"})
        self.pick.add_class("planlib-message-pick")
        self.save_button, self.message = save_controls(self.name, lang, self.save)
        self.box = w.VBox([self.pick, *self.widgets.values(), self.save_button, self.message])
        self.box.add_class("planlib-message-form")
        self.refresh_pick("")

    def _persona_options(self, plan):
        return [("", "")] + [(f"{p.id} – {p.name}"[:60], p.id) for p in P.personas(plan.yaml_data.get("personas.yaml"))]

    def _channel_options(self, plan):
        return [("", "")] + [(f"{i} – {n}"[:60], i) for i, n in zip(plan.channels["id"], plan.channels["name"])]

    def _options(self, spec: Field):
        return spec.options(self.plan) if callable(spec.options) else list(spec.options or [])

    def widget(self):
        return self.box

    @staticmethod
    def group_key(row) -> str:
        return f"{row['persona_id']}|{row['channel_id']}|{row['format']}"

    def group_label(self, group: str) -> str:
        """A group of variants as the picker shows it: persona · channel · the format in words."""
        persona, channel, format_code = group.split("|")
        known = format_code in formats.formats()
        words = tr(f"format.{format_code}", self.lang) if known else format_code
        return " · ".join(part for part in (persona, channel, words) if part)

    def refresh_pick(self, chosen: str) -> None:
        frame = self.plan.messages
        groups = list(dict.fromkeys(self.group_key(r) for _, r in frame.iterrows()))
        self.pick.unobserve_all("value")
        self.pick.options = [(tr("form.new", self.lang), "")] + [(self.group_label(g), g) for g in groups]
        self.pick.value = chosen if chosen in groups else ""
        self.pick.observe(lambda change: self.load(change["new"]), names="value")
        self.load(self.pick.value)

    def rows_of(self, key: str) -> pd.DataFrame:
        frame = self.plan.messages
        return frame[frame.apply(self.group_key, axis=1) == key] if key and len(frame) else frame.iloc[0:0]

    def load(self, key: str) -> None:
        rows = self.rows_of(key)
        first = rows.iloc[0] if len(rows) else None
        by_variant = {str(r["variant"]).upper(): r["message"] for _, r in rows.iterrows()}
        for spec in self.fields:
            if spec.column.startswith("variant_"):
                value = by_variant.get(spec.column[-1], "")
            else:
                value = "" if first is None else str(first[spec.column])
            fill_widget(self.widgets[spec.column], spec, value, self._options(spec))
        self.message.value = ""

    def values(self) -> dict[str, str]:
        return {c: "" if w.value is None else str(w.value).strip() for c, w in self.widgets.items()}

    def save(self) -> bool:
        """Write one row per variant filled in, replacing the group's rows; refuse and write nothing on a problem."""
        values = self.values()
        missing = [tr(f"required.message.{c}", self.lang) for c in ("persona_id", "channel_id", "variant_A")
                   if not values[c]]
        if missing:
            self.message.value = refused_html(missing, self.lang)
            return False
        try:
            with fresh_under_lock(self.plan) as self.plan:  # the edit applies to what another writer saved since
                table = S.table("messages")
                texts = text_frame(self.plan.messages, table).astype(str)
                old = self.rows_of(self.pick.value)
                old_ids = {str(r["variant"]).upper(): r["id"] for _, r in old.iterrows()}
                kept = texts[~texts["id"].isin(list(old["id"]))]
                numbers = [int(i[2:]) for i in texts["id"] if i.startswith("MS") and i[2:].isdigit()]
                next_number = max(numbers or [0]) + 1
                rows = []
                for variant in VARIANTS:
                    text = values[f"variant_{variant}"]
                    if not text:
                        continue
                    row_id = old_ids.get(variant)
                    if not row_id:
                        row_id, next_number = f"MS{next_number:02d}", next_number + 1
                    rows.append({"id": row_id, "persona_id": values["persona_id"], "channel_id": values["channel_id"],
                                 "format": values["format"], "message": text, "proof": values["proof"],
                                 "call_to_action": values["call_to_action"], "variant": variant})
                at = int((~texts["id"].isin(list(old["id"]))).cumsum()[texts["id"].isin(list(old["id"]))].min()) \
                    if len(old) else len(kept)  # the group stays where it was in the file
                texts = pd.concat([kept.iloc[:at], pd.DataFrame(rows, columns=texts.columns), kept.iloc[at:]],
                                  ignore_index=True)
                self.plan = self.plan.save_table("messages", texts, as_text=True)
        except PlanError as error:
            self.message.value = refused_html([p.text(self.lang) for p in error.problems], self.lang)
            return False
        plan_saved(self.plan)
        key = self.group_key(rows[0])
        self.refresh_pick(key)
        word = "updated" if len(old) else "saved"
        self.message.value = done_html(tr(f"form.{word}", self.lang, id=", ".join(r["id"] for r in rows),
                                          file=table.file))
        return True


class WeightsForm:
    """The ranking's weights as sliders, saved in plan.yaml's channel_weights."""

    name = "weights"

    def __init__(self, plan: Plan, lang: str):
        import ipywidgets as w

        self.plan, self.lang = plan, lang
        current = weights(plan.settings)
        self.sliders = {}
        for criterion in CRITERIA:
            slider = w.FloatSlider(value=current[criterion], min=0, max=5, step=0.5,
                                   description=tr(f"ranking.{criterion}", lang), style={"description_width": "13em"},
                                   layout=w.Layout(width="36em"))
            slider.add_class(f"planlib-weights-{criterion}")
            self.sliders[criterion] = slider
        self.save_button, self.message = save_controls(self.name, lang, self.save)
        self.box = w.VBox([*self.sliders.values(), self.save_button, self.message])
        self.box.add_class("planlib-weights-form")

    def widget(self):
        return self.box

    def save(self) -> bool:
        try:
            with fresh_under_lock(self.plan) as self.plan:  # the edit applies to what another writer saved since
                document = dict(self.plan.yaml_data.get("plan.yaml") or {})
                document["channel_weights"] = {k: (int(s.value) if float(s.value).is_integer() else float(s.value))
                                               for k, s in self.sliders.items()}
                self.plan = self.plan.save_yaml("plan.yaml", document)
        except PlanError as error:
            self.message.value = refused_html([p.text(self.lang) for p in error.problems], self.lang)
            return False
        plan_saved(self.plan)
        self.message.value = done_html(tr("form.updated", self.lang, id="channel_weights", file="plan.yaml"))
        return True


class Calculator:
    """The A/B test calculator: size a test, or read a finished one, in the notebook."""

    name = "abtest"

    def __init__(self, lang: str):
        import ipywidgets as w

        self.lang = lang
        style, layout = {"description_width": "13em"}, w.Layout(width="30em")
        self.inputs = {}
        for key, value in (("baseline", "0.20"), ("target", "0.25"), ("daily", "1000"), ("variants", "2"),
                           ("a", "200/1000"), ("b", "250/1000")):
            self.inputs[key] = widget = w.Text(value=value, description=tr(f"abtest.field.{key}", lang), style=style,
                                               layout=layout)
            widget.add_class(f"planlib-abtest-{key}")
        self.size_button = w.Button(description=tr("abtest.size_button", lang))
        self.size_button.add_class("planlib-abtest-size")
        self.read_button = w.Button(description=tr("abtest.read_button", lang))
        self.read_button.add_class("planlib-abtest-read")
        self.size_button.on_click(lambda _: self.size())
        self.read_button.on_click(lambda _: self.read())
        self.message = w.HTML()
        self.message.add_class("planlib-abtest-message")
        i = self.inputs
        self.box = w.VBox([i["baseline"], i["target"], i["daily"], i["variants"], self.size_button,
                           i["a"], i["b"], self.read_button, self.message])

    def widget(self):
        return self.box

    def _show(self, compute) -> bool:
        try:
            text = compute()
        except CodedError as error:
            self.message.value = refused_html([error.text(self.lang)], self.lang)
            return False
        self.message.value = "<br>".join(html.escape(line) for line in text.split("\n"))
        return True

    def size(self) -> bool:
        i = self.inputs
        return self._show(lambda: abtest.size_text(abtest.size(
            i["baseline"].value, i["target"].value, daily=i["daily"].value or None, variants=i["variants"].value),
            self.lang))

    def read(self) -> bool:
        return self._show(lambda: abtest.read_text(abtest.read(self.inputs["a"].value, self.inputs["b"].value),
                                                   self.lang))
