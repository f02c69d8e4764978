"""An upload panel: a file from the analyst's computer, what importing it would do, then Import.

The step gives two functions of (saved file, options): `preview` (a dry run:
the lines and table of what would be imported) and `commit` (the import
itself, returning the new plan and its lines). The file keeps its own name,
so every message names the file as the analyst knows it. Nothing is written
before Import is clicked; a refused file shows every problem and writes nothing.
"""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from ..core.errors import PlanError
from ..core.i18n import tr
from .forms import done_html, refused_html
from .live import plan_saved


def _uploaded(value) -> tuple[str, bytes] | None:
    """(name, bytes) of a FileUpload's value (ipywidgets 8: a tuple of dicts)."""
    if not value:
        return None
    first = value[0] if isinstance(value, (tuple, list)) else next(iter(value.values()))
    content = first["content"]
    return str(first["name"]), bytes(content.tobytes() if hasattr(content, "tobytes") else content)


def channel_choice(plan, lang: str, key: str = "upload.channel"):
    """A choice among the plan's channels, or none (values for every channel)."""
    import ipywidgets as w

    options = [(tr("upload.no_channel", lang), "")] + [(f"{i} – {n}", i) for i, n in
                                                       zip(plan.channels["id"], plan.channels["name"])]
    return w.Dropdown(options=options, value="", description=tr(key, lang))


class UploadPanel:
    def __init__(self, plan, name: str, lang: str, preview, commit, options=()):
        import ipywidgets as w

        self.plan, self.name, self.lang = plan, name, lang
        self.preview_fn, self.commit_fn = preview, commit
        self.options = list(options)  # (key, widget) pairs whose values the step's functions receive
        for key, widget in self.options:
            widget.add_class(f"planlib-{name}-{key}")
        self.folder = Path(tempfile.mkdtemp(prefix="planlib-upload-"))
        self.path: Path | None = None
        self.upload = w.FileUpload(accept=".csv,.tsv,.txt,.xlsx", multiple=False, description=tr("upload.choose", lang),
                                   layout=w.Layout(width="auto"))  # the French label is longer than the default
        self.upload.add_class(f"planlib-{name}-file")
        self.check = w.Button(description=tr("upload.check", lang))
        self.check.add_class(f"planlib-{name}-check")
        self.button = w.Button(description=tr("upload.import", lang), button_style="primary", disabled=True)
        self.button.add_class(f"planlib-{name}-import")
        self.story = w.HTML()
        self.story.add_class(f"planlib-{name}-story")
        self.message = w.HTML()
        self.message.add_class(f"planlib-{name}-message")
        self.upload.observe(lambda change: self.received(), names="value")
        self.check.on_click(lambda _: self.dry_run())
        for _, widget in self.options:
            widget.observe(lambda change: self.dry_run(), names="value")
        self.button.on_click(lambda _: self.commit())

    def values(self) -> dict:
        return {key: widget.value for key, widget in self.options}

    def received(self) -> None:
        got = _uploaded(self.upload.value)
        if got is None:
            return
        name, content = got
        self.path = self.folder / Path(name).name
        self.path.write_bytes(content)
        self.dry_run()

    def dry_run(self) -> bool:
        self.button.disabled = True
        self.message.value = ""
        if self.path is None:
            self.story.value = ""
            return False
        try:
            lines, frame = self.preview_fn(self.plan, self.path, self.values())
        except PlanError as error:
            self.story.value = ""
            self.message.value = refused_html([p.text(self.lang) for p in error.problems], self.lang, "upload.refused")
            return False
        table = frame.to_html(index=False, escape=True, border=0) if frame is not None and len(frame) else ""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.story.value = f'<ul style="margin:0">{items}</ul>{table}'
        self.button.disabled = False
        return True

    def commit(self) -> bool:
        if self.path is None or not self.dry_run():
            return False
        try:
            self.plan, lines = self.commit_fn(self.plan, self.path, self.values())
        except PlanError as error:
            self.message.value = refused_html([p.text(self.lang) for p in error.problems], self.lang, "upload.refused")
            return False
        plan_saved(self.plan)
        self.button.disabled = True
        self.message.value = done_html(" ".join(lines))
        return True

    def widget(self):
        import ipywidgets as w

        controls = [widget for _, widget in self.options]
        return w.VBox([w.HBox([self.upload, *controls, self.check]), self.story, self.button, self.message])
