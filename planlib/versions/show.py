"""The start notebook's "what changed" cell: the plan against its last commit or its newest report."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import PlanError
from ..core.i18n import tr
from ..core.plan import open_source
from ..core.plan_path import resolve_plan_path
from ..core.runtime import report_plan_copy, reports_folder
from ..ui.display import display_markdown
from .page import since_html
from .snapshots import since_last_version

REPORTS = Path("reports")


def what_changed(plan, lang: str = "en", reports_root: str | Path | None = None):
    """Show what changed since the plan's last git commit, else since its newest report (reports/<plan>/).

    In a report run the previous report comes first, as on the front page (its folder is the run's).
    """
    from IPython.display import HTML

    if plan.path is None:
        display_markdown(tr("diff.no_baseline", lang))
        return None
    in_report = reports_folder()
    if reports_root is not None:
        root = Path(reports_root)
    else:
        root = Path(in_report or resolve_plan_path(REPORTS)) / plan.name
    try:
        read = report_plan_copy(plan.path)  # in a report run, the plan as the run read it
        current = open_source(read / Path(plan.path).name if read and Path(plan.path).is_file() else read or plan.path)
        since = since_last_version(plan.path, current, root, report_first=in_report is not None)
    except PlanError as error:
        display_markdown(error.report(lang))
        return None
    if since is None:
        display_markdown(tr("diff.no_baseline", lang))
        return None
    return HTML(since_html(since, lang))
