"""What a participant sees after a task in exercise mode: the task, the verdict, hint and solution buttons.

The verdict is computed from the saved plan when the cell runs, again on
"Check" and after every Save of the notebook's forms; hints come one at a
time, numbered; the solution only when asked. In a headless run (papermill, nbval) the same panel is shown as HTML, with
the verdict and no buttons, and nothing here raises.
"""
from __future__ import annotations

import html

from ..core.i18n import tr
from ..ui.mode import interactive
from ..ui.live import on_save
from .engine import by_id, check_plan, exercises
from .exercise import COLOURS, Verdict
from .givens import exercise_givens, read_givens


def verdict_html(verdict: Verdict, lang: str) -> str:
    colour = COLOURS.get(verdict.status, "#9e9e9e")
    badge = html.escape(tr(f"workshop.status.{verdict.status}", lang))
    return (f'<div class="planlib-exercise-verdict" data-status="{verdict.status}" '
            f'style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
            f'<b style="color:{colour}">{badge}</b> · {html.escape(verdict.message)}</div>')


def task_html(exercise, givens: dict, lang: str) -> str:
    title = html.escape(tr("workshop.exercise_heading", lang, title=exercise.title(lang)))
    return f"<h4>{title}</h4><p>{html.escape(exercise.task(givens, lang))}</p>"


def hint_html(exercise, number: int, lang: str) -> str:
    text = tr("workshop.hint_line", lang, number=number, count=exercise.hints, hint=exercise.hint(number, lang))
    return f'<p class="planlib-exercise-hint-text">💡 {html.escape(text)}</p>'


def solution_html(exercise, givens: dict, lang: str) -> str:
    text = html.escape(exercise.solution(givens, lang)).replace("\n", "<br>")
    return (f'<div class="planlib-exercise-solution-text" style="background:#f1f8e9;padding:6px 10px">'
            f'<b>{html.escape(tr("workshop.solution", lang))}</b><br>{text}</div>')


def panel_html(task: str, verdict: str) -> str:
    """The panel without its buttons: what a headless run, or a reader without widgets, shows."""
    return f'<div class="planlib-exercise">{task}{verdict}</div>'


def case_givens(plan_dir, exercise_id: str) -> dict:
    try:
        return exercise_givens(read_givens(plan_dir), exercise_id)
    except Exception:  # noqa: BLE001 - the verdict says what is wrong with workshop.yaml
        return {}


def exercise(exercise_id: str, plan_dir, lang: str) -> None:
    """Show the exercise's panel below a task; the check reads the plan folder as saved."""
    from IPython.display import HTML, display

    try:
        item = by_id(exercise_id)
    except KeyError:  # a cell edited by hand: say so, the notebook runs on
        known = ", ".join(e.id for e in exercises())
        display(HTML(verdict_html(Verdict("incorrect", tr("workshop.unknown_exercise", lang, id=exercise_id,
                                                            known=known)), lang)))
        return
    givens = case_givens(plan_dir, exercise_id)
    verdict = check_plan(plan_dir, lang, only=(exercise_id,))[exercise_id]
    if not interactive():
        display(HTML(panel_html(task_html(item, givens, lang), verdict_html(verdict, lang))))
        return
    display(build_panel(item, plan_dir, givens, verdict, lang))


def exercises_overview(plan_dir, lang: str) -> None:
    """Every exercise's verdict on the plan as saved, one row each: where the participant stands."""
    from IPython.display import HTML, display

    verdicts = check_plan(plan_dir, lang)
    rows = "".join(f"<tr><td>{html.escape(by_id(key).title(lang))}</td><td><code>{by_id(key).notebook}</code></td>"
                   f"<td>{verdict_html(verdict, lang)}</td></tr>" for key, verdict in verdicts.items())
    done = sum(v.status == "correct" for v in verdicts.values())
    heading = html.escape(tr("workshop.overview", lang, done=done, total=len(verdicts)))
    display(HTML(f'<div class="planlib-exercise-overview"><h4>{heading}</h4><table>{rows}</table></div>'))


def build_panel(item, plan_dir, givens: dict, verdict: Verdict, lang: str):
    """The widget: task, verdict, and the three buttons with their stable CSS classes."""
    import ipywidgets as w

    task = task_html(item, givens, lang)
    shown = w.HTML(verdict_html(verdict, lang))
    hints = w.HTML("")
    solution = w.HTML("")
    buttons = {}
    for key, icon in (("check", "check"), ("hint", "lightbulb-o"), ("solution", "eye")):
        button = w.Button(description=tr(f"workshop.button.{key}", lang), icon=icon)
        button.add_class(f"planlib-exercise-{key}")
        buttons[key] = button
    given = {"count": 0}

    def check(_):
        shown.value = verdict_html(check_plan(plan_dir, lang, only=(item.id,))[item.id], lang)

    def hint(_):
        if given["count"] < item.hints:
            given["count"] += 1
            hints.value += hint_html(item, given["count"], lang)
        if given["count"] >= item.hints:
            buttons["hint"].disabled = True

    def show_solution(_):
        solution.value = solution_html(item, givens, lang)

    buttons["check"].on_click(check)
    on_save(f"exercise-{item.id}", lambda plan: check(None))  # a form's Save checks again by itself
    buttons["hint"].on_click(hint)
    buttons["solution"].on_click(show_solution)
    box = _panel_class()([w.HTML(task), shown, w.HBox(list(buttons.values())), hints, solution])
    box.add_class("planlib-exercise")
    box.add_class(f"planlib-exercise-{item.id.replace('_', '-')}")
    box.verdict, box.hints, box.solution, box.buttons = shown, hints, solution, buttons  # for tests and scripts
    box.task_html = task
    return box


def _panel_class():
    """A VBox that also carries its task and verdict as HTML and text, for a notebook read without widgets."""
    import re

    import ipywidgets as w

    class Panel(w.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs) or {}
            html_text = panel_html(self.task_html, self.verdict.value)
            bundle["text/html"] = html_text
            bundle["text/plain"] = html.unescape(re.sub(r"<[^>]+>", " ", html_text)).strip()
            return bundle

    return Panel
