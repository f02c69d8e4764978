"""A diff as an HTML page a manager reads, in daff's highlighter format.

daff (the table-diff library behind `daff diff --output x.html` and the
diff views of several data tools) draws a changed table as one table with an
action column: `@@` on the header row, `+++` for a row added, `---` for a row
removed, `->` for a row changed with each changed cell written `old->new`,
and `...` for rows left out. Its colours are green for added, red for removed
and blue for changed. People who have seen a data diff have seen that
layout, so the page follows it (CSS classes add, remove, modify, spec as in
daff's own page) rather than inventing one; only the changed rows are
shown, with the id, the row's name and the changed columns.
"""
from __future__ import annotations

import html

from ..core import schema as S
from ..core.i18n import column_label, tr
from ..ui.stylesheet import stylesheet
from .compare import NAME_COLUMNS, Change, Diff
from .summary import change_line, important, lines, value_text


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def _table_html(table: str, changes: list[Change], lang: str) -> str:
    columns = S.table(table).column_names
    name_column = next((c for c in NAME_COLUMNS if c in columns), None)
    changed_columns = [c for c in columns if any(ch.column == c for ch in changes)]
    shown = ["id", *([name_column] if name_column and name_column not in changed_columns else []), *changed_columns]
    head = "".join(f"<th>{_esc(column_label(c, lang))}</th>" for c in shown)
    rows = []
    by_id: dict[str, list[Change]] = {}
    for change in changes:
        by_id.setdefault(change.id, []).append(change)
    for row_id, own in by_id.items():
        whole = next((c for c in own if c.column is None), None)
        if whole is not None:
            mark, css = ("+++", "add") if whole.kind == "added" else ("---", "remove")
            values = whole.new if whole.kind == "added" else whole.old
            cells = "".join(f"<td>{_esc(row_id if c == 'id' else value_text((values or {}).get(c), lang))}</td>"
                            for c in shown)
            hint = (f'<tr><td></td><td class="hint" colspan="{len(shown)}">'
                    f'{_esc(tr(f"diff.hint_{whole.kind}", lang, other=whole.hint))}</td></tr>' if whole.hint else "")
            rows.append(f'<tr class="{css}"><td>{mark}</td>{cells}</tr>{hint}')
            continue
        cells = []
        for column in shown:
            cell = next((c for c in own if c.column == column), None)
            if column == "id":
                cells.append(f"<td>{_esc(row_id)}</td>")
            elif column == name_column and cell is None:
                cells.append(f"<td>{_esc(own[0].label or '')}</td>")
            elif cell is None:
                cells.append("<td></td>")
            else:
                cells.append(f'<td class="modify">{_esc(value_text(cell.old, lang))}-&gt;'
                             f'{_esc(value_text(cell.new, lang))}</td>')
        rows.append(f'<tr><td>-&gt;</td>{"".join(cells)}</tr>')
    return (f'<h3>{_esc(S.table(table).file)}</h3><table class="highlighter"><thead>'
            f'<tr class="spec"><th>@@</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _yaml_html(file: str, changes: list[Change], lang: str) -> str:
    rows = []
    for change in changes:
        mark, css = {"added": ("+++", "add"), "removed": ("---", "remove"), "changed": ("->", "")}[change.kind]
        value = (f'<td class="modify">{_esc(value_text(change.old, lang))}-&gt;{_esc(value_text(change.new, lang))}</td>'
                 if change.kind == "changed" else
                 f"<td>{_esc(value_text(change.new if change.kind == 'added' else change.old, lang))}</td>")
        rows.append(f'<tr class="{css}"><td>{_esc(mark)}</td><td>{_esc(change.path or "")}</td>{value}</tr>')
    return (f'<h3>{_esc(file)}</h3><table class="highlighter"><thead><tr class="spec"><th>@@</th>'
            f'<th>{_esc(tr("diff.path", lang))}</th><th>{_esc(tr("diff.value", lang))}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def diff_page(diff: Diff, old_label: str, new_label: str, lang: str, stylesheet_href: str | None = None) -> str:
    """The whole page: the summary in words, the most important changes, then one table per file."""
    summary = "".join(f"<li>{_esc(line)}</li>" for line in lines(diff, lang))
    sections = []
    for file in S.YAML_FILES:
        own = [c for c in diff.changes if c.file == file]
        if own:
            sections.append(_yaml_html(file, own, lang))
    for table in S.table_order():
        own = [c for c in diff.changes if c.table == table]
        if own:
            sections.append(_table_html(table, own, lang))
    legend = (f'<p class="legend"><span class="add">+++ {_esc(tr("diff.kind.added", lang))}</span>'
              f'<span class="remove">--- {_esc(tr("diff.kind.removed", lang))}</span>'
              f'<span class="modify">-&gt; {_esc(tr("diff.kind.changed", lang))}</span></p>')
    # in a report, the page links the report's stylesheet; written alone, it carries the same rules
    style = f'<link rel="stylesheet" href="{_esc(stylesheet_href)}">' if stylesheet_href else f"<style>{stylesheet()}</style>"
    return f"""<!DOCTYPE html>
<html lang="{_esc(lang)}"><head><meta charset="utf-8"><title>{_esc(tr("diff.title", lang))}</title>
{style}</head><body class="highlighter">
<h1>{_esc(tr("diff.title", lang))}</h1>
<p>{_esc(tr("diff.between", lang, old=old_label, new=new_label))}</p>
<h2>{_esc(tr("diff.summary", lang))}</h2><ul>{summary}</ul>
{legend}
<h2>{_esc(tr("diff.detail", lang))}</h2>
{"".join(sections) or "<p>" + _esc(tr("diff.no_change", lang)) + "</p>"}
</body></html>
"""


def since_html(since, lang: str, link: str | None = None) -> str:
    """A first-page block: what changed since an earlier version, in counts and the most important changes."""
    if since is None:
        return f"<p>{_esc(tr('diff.first_report', lang))}</p>"
    key = "diff.since_report" if since.baseline == "report" else "diff.since_commit"
    summary = "".join(f"<li>{_esc(line)}</li>" for line in lines(since.diff, lang))
    items = "".join(f"<li>{_esc(change_line(c, lang))}</li>" for c in important(since.diff.changes))
    more = f'<p><a href="{_esc(link)}">{_esc(tr("diff.full_diff", lang))}</a></p>' if link and since.diff.changes else ""
    return (f"<p>{_esc(tr(key, lang, label=since.label))}</p><ul>{summary}</ul>"
            + (f"<p>{_esc(tr('diff.most_important', lang))}</p><ul>{items}</ul>" if items else "") + more)
