"""What an import of actuals says, line by line, in the reader's language: the command and notebook 07 print it.

Which source read the file and in which interface language, the section read
and the ones skipped, each metric with its total, day count and dates, each
class of rows skipped, each column left out and why.
"""
from __future__ import annotations

from ...core.exports.sources import kit_sources
from ...core.i18n import format_exact, tr


def _language_name(code: str, lang: str) -> str:
    from babel import Locale

    base = code.split("_")[0]
    try:
        return Locale.parse(lang).languages.get(base, base)
    except (ValueError, TypeError):
        return base


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    return shown + (", ..." if len(numbers) > 8 else "")


def import_story(result, lang: str, detected: bool, dry_run: bool = False, closing: str = "import.dry_run") -> list[str]:
    """The lines of an import's account; a dry run ends with `closing` (the command's or the panel's wording)."""
    reading = result.reading
    kit = {source.name: source for source in kit_sources()}
    title = kit[reading.source].title(lang) if reading.source in kit else reading.title
    lines = [tr("import.detected" if detected else "import.source", lang, title=title,
                language=_language_name(reading.language, lang))]
    if reading.section:
        lines.append(tr("import.section", lang, name=reading.section))
    lines += [tr("import.section_skipped", lang, name=name) for name in reading.other_sections]
    if reading.date_order in ("dmy", "mdy"):
        lines.append(tr("import.dates", lang, order=tr(f"import.order.{reading.date_order}", lang)))
    key = "import.would_import" if dry_run else "label.imported"
    lines.append(tr(key, lang, count=result.rows, metrics=", ".join(result.metrics), file="actuals.csv",
                    first=result.first or "", last=result.last or ""))
    for metric, (days, first, last, total) in result.metrics.items():
        lines.append(tr("import.metric", lang, metric=metric, total=format_exact(total, lang), count=days,
                        first=first, last=last))
    for reason, numbers in reading.skipped.items():
        lines.append(tr(f"import.rows_skipped.{reason}", lang, count=len(numbers), lines=_lines(numbers)))
    for column, reason in reading.left_out:
        lines.append(tr("import.left_out", lang, column=column, reason=tr(f"leftout.{reason}", lang)))
    if result.replaced:
        lines.append(tr("import.replaced", lang, count=result.replaced, source=reading.source))
    for metric, runs in result.gaps.items():
        for start, end in runs:
            lines.append(tr("label.gap", lang, metric=metric, start=start, end=end))
    if dry_run:
        lines.append(tr(closing, lang))
    return lines

