"""Views that follow the plan: what a cell shows below a form, drawn again after each save.

A form saves the plan, but the tables and charts under it would show the plan
as it was until their cells run again. A view given to `live` is drawn into
an output area and drawn again, with the saved plan, after every save of any
form of the notebook. In a report run it is drawn once, as plain output.
"""
from __future__ import annotations

from .mode import interactive

_VIEWS: dict[str, tuple] = {}  # view name -> (output area, draw): one per view, however often its cell runs
_LISTENERS: dict[str, object] = {}  # name -> callback(plan): what else follows a save (an exercise's verdict)


def live(draw, plan) -> None:
    """Show `draw(plan)` now and, in JupyterLab, again after every save; `draw` displays what it shows."""
    if not interactive():
        draw(plan)
        return
    import ipywidgets as w
    from IPython.display import display

    output = w.Output()
    output.add_class(f"planlib-view-{draw.__name__.replace('_', '-')}")
    _VIEWS[draw.__name__] = (output, draw)
    display(output)
    _draw(output, draw, plan)


def on_save(name: str, callback) -> None:
    """Call `callback(plan)` after every save of any form (the last one registered under a name wins)."""
    _LISTENERS[name] = callback


def plan_saved(plan) -> None:
    """Called by every form after a save: each live view is drawn again with the saved plan, listeners told."""
    for output, draw in list(_VIEWS.values()):
        _draw(output, draw, plan)
    for callback in list(_LISTENERS.values()):
        callback(plan)


def _draw(output, draw, plan) -> None:
    output.clear_output(wait=True)
    with output:
        draw(plan)
