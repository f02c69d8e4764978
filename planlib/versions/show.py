"""The start notebook's "what changed" cell: the plan against its last commit or its newest report."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import PlanError
from ..core.i18n import tr
from ..core.plan import open_source
from ..core.plan_path import resolve_plan_path
from ..ui.display import display_markdown
from .page import since_html
from .snapshots import since_last_version

REPORTS = Path("reports")


def what_changed(plan, lang: str, reports_root: str | Path | None = None):
    """Show what changed since the plan's last git commit, else since its newest report (reports/<plan>/).

    A report run shows what it computed once instead (notebook.session.what_changed).
    """
    if plan.path is None:
        display_markdown(tr("diff.no_baseline", lang))
        return None
    root = Path(reports_root) if reports_root is not None else resolve_plan_path(REPORTS) / plan.name
    try:
        since = since_last_version(plan.path, open_source(plan.path), root)
    except PlanError as error:
        display_markdown(error.report(lang))
        return None
    return changes_html(since, lang)


def changes_html(since, lang: str):
    """What changed since a version, as the front page words it; a plain line when there is nothing to compare."""
    from IPython.display import HTML

    if since is None:
        display_markdown(tr("diff.no_baseline", lang))
        return None
    return HTML(since_html(since, lang))
