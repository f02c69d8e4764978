"""Notebook 07's upload: an export from the analyst's computer into actuals.csv, dry run first."""
from __future__ import annotations

import pandas as pd

from ...core.exports.sources import all_sources
from ...core.i18n import format_exact, tr
from ...ui.upload import UploadPanel, channel_choice
from .import_story import import_story
from .imports import import_actuals


def _metrics_table(result, lang: str) -> pd.DataFrame:
    rows = [(metric, format_exact(total, lang), days, str(first), str(last))
            for metric, (days, first, last, total) in result.metrics.items()]
    return pd.DataFrame(rows, columns=[tr(f"upload.col.{c}", lang) for c in ("metric", "total", "days", "first",
                                                                             "last")])


def actuals_upload(plan, lang: str) -> UploadPanel:
    import ipywidgets as w

    source = w.Dropdown(options=[(tr("upload.auto", lang), "auto")] +
                        [(s.title(lang), s.name) for s in all_sources(plan.path)], value="auto",
                        description=tr("upload.source", lang))
    channel = channel_choice(plan, lang)

    def preview(plan, path, values):
        _, result = import_actuals(plan, path, values["source"], values["channel"], dry_run=True)
        story = import_story(result, lang, values["source"] == "auto", dry_run=True, closing="upload.dry_run")
        return story, _metrics_table(result, lang)

    def commit(plan, path, values):
        saved, result = import_actuals(plan, path, values["source"], values["channel"])
        return saved, [tr("label.imported", lang, count=result.rows, metrics=", ".join(result.metrics),
                          file="actuals.csv", first=result.first, last=result.last)]

    return UploadPanel(plan, "actuals-upload", lang, preview, commit, [("source", source), ("channel", channel)])
