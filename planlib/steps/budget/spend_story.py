"""What an import of spend says, in the reader's language: the command and notebook 06 print it."""
from __future__ import annotations

from ...core.exports.sources import kit_sources
from ...core.i18n import format_money, tr


def spend_story(plan, result, lang: str, dry_run: bool = False, closing: str = "import.dry_run") -> list[str]:
    """The lines of a spend import's account; a dry run ends with `closing` (the command's or the panel's)."""
    currency = plan.currency
    money = lambda value: format_money(value, currency, lang)
    if result.kind == "fec":
        lines = [tr("spend.detected_fec", lang)]
    else:
        titles = {source.name: source.title(lang) for source in kit_sources()}
        lines = [tr("spend.source", lang, title=titles.get(result.kind, result.kind))]
    if result.rows:
        key = "spend.would_import" if dry_run else "spend.imported"
        lines.append(tr(key, lang, rows=result.rows, total=money(result.total), first=result.first, last=result.last))
    else:
        lines.append(tr("spend.nothing_new", lang))
    labels = dict(zip(plan.budget["id"], plan.budget["label"]))
    for line, amount in sorted(result.by_line.items()):
        lines.append(tr("spend.line", lang, line=line, label=labels.get(line, ""), amount=money(amount)))
    for category, amount in sorted(result.no_line.items()):
        lines.append(tr("spend.no_line", lang, category=tr(f"category.{category}", lang), amount=money(amount)))
    if result.already:
        lines.append(tr("spend.already", lang, count=result.already))
    if result.replaced:
        lines.append(tr("spend.replaced", lang, count=result.replaced))
    for account, amount in sorted(result.unmapped.items()):
        lines.append(tr("spend.unmapped", lang, account=account, amount=money(amount)))
    if result.other_lines:
        lines.append(tr("spend.other_lines", lang, count=result.other_lines))
    if result.kind != "fec":
        lines.append(tr("spend.cost_only", lang))
    if dry_run:
        lines.append(tr(closing, lang))
    return lines
