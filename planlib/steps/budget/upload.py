"""Notebook 06's upload: an ad platform's export or the FEC into spend.csv, dry run first."""
from __future__ import annotations

import pandas as pd

from ...core.i18n import format_money, tr
from ...ui.upload import UploadPanel, channel_choice
from .spend_import import import_spend
from .spend_story import spend_story


def _lines_table(plan, result, lang: str) -> pd.DataFrame:
    labels = dict(zip(plan.budget["id"], plan.budget["label"]))
    rows = [(line, labels.get(line, ""), format_money(amount, plan.currency, lang))
            for line, amount in sorted(result.by_line.items())]
    rows += [("", tr(f"category.{category}", lang), format_money(amount, plan.currency, lang))
             for category, amount in sorted(result.no_line.items())]
    return pd.DataFrame(rows, columns=[tr(f"upload.col.{c}", lang) for c in ("line", "label", "amount")])


def spend_upload(plan, lang: str) -> UploadPanel:
    channel = channel_choice(plan, lang, "upload.ads_channel")

    def preview(plan, path, values):
        _, result = import_spend(plan, path, "auto", values["channel"], dry_run=True)
        story = spend_story(plan, result, lang, dry_run=True, closing="upload.dry_run")
        return story, _lines_table(plan, result, lang)

    def commit(plan, path, values):
        saved, result = import_spend(plan, path, "auto", values["channel"])
        return saved, [tr("spend.imported", lang, rows=result.rows, total=format_money(result.total, plan.currency,
                                                                                        lang),
                          first=result.first, last=result.last)]

    return UploadPanel(plan, "spend-upload", lang, preview, commit, [("channel", channel)])
