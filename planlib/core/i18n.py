"""Every word the kit shows, from gettext catalogs, and locale formats from Babel.

Wording lives in `planlib/core/locale/<lang>/LC_MESSAGES/planlib.po`, which a
translator edits without touching code; the compiled `.mo` beside it loads in
about a millisecond (`make catalogs` rebuilds it; a test checks it is up to
date). Messages are keyed (`problem.not_a_date`, `label.step_audit`) and
formatted with named parameters (`{value}`). A language is any folder with a
catalog: adding one catalog adds a language. A key missing from a catalog
falls back to English, then to the key itself.

Numbers, dates and currency come from Babel in the language's locale
(1 250,50 € in French, €1,250.50 in English) so no separator is hand-rolled.
"""
from __future__ import annotations

import gettext
import os
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

DOMAIN = "planlib"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LOCALE_PATH_ENV = "PLANLIB_LOCALE_PATH"  # more catalog folders, separated by os.pathsep
BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}  # other languages use their own code
SOURCE_LANGUAGE = "en"  # every key has its wording here; other languages fall back to it
SHIPPED = ("fr", "en")  # the kit's own catalogs, in the order they are offered

_extra_dirs: list[Path] = []


def catalog_dirs() -> list[Path]:
    env = [Path(p) for p in os.environ.get(LOCALE_PATH_ENV, "").split(os.pathsep) if p]
    return [*_extra_dirs, *env, LOCALE_DIR]


def add_catalog_dir(path: str | Path) -> None:
    """Make the catalogs of another folder (`<lang>/LC_MESSAGES/planlib.po`) available."""
    _extra_dirs.insert(0, Path(path))
    _catalog.cache_clear()


def languages() -> tuple[str, ...]:
    """Every language with a catalog: the shipped ones, then any added."""
    found = set(SHIPPED)
    for folder in catalog_dirs():
        if folder.is_dir():
            found |= {p.name for p in folder.iterdir()
                      if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").exists() or (p / "LC_MESSAGES" / f"{DOMAIN}.po").exists()}
    return (*SHIPPED, *sorted(found - set(SHIPPED)))


def check_language(lang: str) -> str:
    if lang not in languages():
        raise ValueError(f"unknown language '{lang}' (expected one of {', '.join(languages())})")
    return lang


class _PoCatalog(gettext.NullTranslations):
    """A `.po` file read with Babel, for a catalog nobody compiled yet."""

    def __init__(self, path: Path):
        super().__init__()
        from babel.messages.pofile import read_po

        with open(path, "rb") as stream:
            catalog = read_po(stream)
        self.plural = catalog.plural_expr and _plural_function(catalog.plural_expr)
        self.messages = {}
        for message in catalog:
            if message.id and message.string:
                self.messages[message.id[0] if isinstance(message.id, tuple) else message.id] = message.string

    def gettext(self, message):
        found = self.messages.get(message)
        if isinstance(found, tuple):
            found = found[0]
        return found or message

    def ngettext(self, singular, plural, n):
        found = self.messages.get(singular)
        if isinstance(found, tuple) and any(found):
            return found[min(self.plural(n), len(found) - 1)] or found[0]
        return found or (singular if n == 1 else plural)


def _plural_function(expression: str):
    return gettext.c2py(expression)


@lru_cache(maxsize=None)
def _catalog(lang: str) -> gettext.NullTranslations | None:
    for folder in catalog_dirs():
        base = folder / lang / "LC_MESSAGES"
        if (base / f"{DOMAIN}.mo").exists():
            with open(base / f"{DOMAIN}.mo", "rb") as stream:
                return gettext.GNUTranslations(stream)
        if (base / f"{DOMAIN}.po").exists():
            return _PoCatalog(base / f"{DOMAIN}.po")
    return None


def has(key: str, lang: str) -> bool:
    """Whether a language's own catalog words a key (tests use it)."""
    catalog = _catalog(lang)
    return catalog is not None and catalog.gettext(key) != key


def _lookup(key: str, lang: str, count: int | None) -> str | None:
    catalog = _catalog(lang)
    if catalog is None:
        return None
    text = catalog.ngettext(key, key, count) if count is not None else key
    if text == key:  # not a plural entry: the plain one
        text = catalog.gettext(key)
    return None if text == key else text


def tr(key: str, lang: str, **params) -> str:
    """The wording of a key in a language, formatted with `params`.

    With a `count` parameter, the catalog's plural form for that count is used.
    """
    count = params.get("count") if isinstance(params.get("count"), int) else None
    for language in (lang, SOURCE_LANGUAGE):
        text = _lookup(key, language, count)
        if text is None:
            continue
        try:
            return text.format(**_worded_days(params, language))
        except (KeyError, IndexError, ValueError):
            if not params and language == lang:
                return text  # a wording asked without its values: the template, for the caller to fill
            continue  # a catalog naming a parameter that does not exist: fall back to English
    return key


def _worded_days(params: dict, lang: str) -> dict:
    """Days given to a wording written as the language writes them (1er avril 2026), never 2026-04-01."""
    worded = dict(params)
    for name, value in params.items():
        if isinstance(value, datetime):  # a pandas Timestamp too; a moment of the day keeps its own format
            if value.time() == datetime.min.time():
                worded[name] = format_date(value.date(), lang)
        elif isinstance(value, date):
            worded[name] = format_date(value, lang)
    return worded


def label(key: str, lang: str, **params) -> str:
    """A label of the kit (`label.<key>`), formatted with `params`."""
    return tr(f"label.{key}", lang, **params)


def labelled(name: str, value, lang: str) -> str:
    """`name: value` with the language's spacing (French: `name : value`)."""
    return tr("message.labelled", lang, label=name, value=value)


def joined(items, lang: str) -> str:
    """Items that are phrases, one after the other: `a; b` (French: `a ; b`)."""
    return tr("label.items_separator", lang).join(str(item) for item in items)


def column_label(name: str, lang: str) -> str:
    """A table header in the reader's language (the column name when none is given)."""
    text = tr(f"column.{name}", lang)
    return name if text == f"column.{name}" else text


def localize_columns(frame, lang: str):
    """Column headers in the reader's language."""
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns if isinstance(c, str)})


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, lang)


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale(check_language(lang)))


def format_measure(value: float, lang: str, like: float | None = None) -> str:
    """A KPI's value with enough decimals to compare it with its target: 2,07 against 2,10, 138 701 against 300 000.

    `like` (the target) sets the decimals, so that a key result's actual, expected value, target and forecast
    are written alike: 481 / 600 leads, 21,1 / 22,0 %, never 481,3 beside 600.
    """
    reference = abs(value if like is None else like)
    whole = like is not None and float(like).is_integer()
    decimals = 2 if reference < 10 else 1 if reference < 100 else 0 if whole or reference >= 1000 else 1
    return format_number(value, lang, decimals)


def format_exact(value: float, lang: str) -> str:
    """A number with every decimal it has (up to six), grouped as the language writes it: 0.1234, 1 250,5."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.######", locale=babel_locale(lang))


def format_money(value: float, currency: str, lang: str, decimals: int = 2) -> str:
    """An amount in the plan's currency: 1 250,50 € (fr) or €1,250.50 (en)."""
    from babel.numbers import format_currency

    return format_currency(round(float(value), decimals), currency, locale=babel_locale(check_language(lang)),
                           currency_digits=decimals == 2, format=None if decimals == 2 else
                           ("#,##0 ¤" if lang == "fr" else "¤#,##0"))


def format_percent(value: float, lang: str, decimals: int = 1) -> str:
    """A percentage given in percent points: 12.5 -> 12,5 % (fr) or 12.5% (en)."""
    from babel.numbers import format_percent as babel_percent

    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern = number + ("\u00a0%" if lang == "fr" else "%")  # French puts a no-break space before %
    return babel_percent(value / 100, format=pattern, locale=babel_locale(check_language(lang)))


def format_date(day: date, lang: str, width: str = "long") -> str:
    """A day as the language writes it: 1er avril 2026 (French ordinal for the first), 1 April 2026;
    width="medium" for a table cell, short and unambiguous: 1er avr. 2026, 15 May 2026."""
    from babel.dates import format_date as babel_date

    text = babel_date(day, format=width, locale=babel_locale(check_language(lang)))
    return "1er" + text[1:] if lang == "fr" and day.day == 1 and text.startswith("1 ") else text


def format_moment(moment: datetime, lang: str) -> str:
    """A time something was made, to the minute in its own time zone: 4 décembre 2026 à 03:26 (UTC)."""
    from babel.dates import format_time

    zone = moment.strftime("%Z") or moment.strftime("%z")
    clock = format_time(moment, format="HH:mm", locale=babel_locale(check_language(lang)))
    return tr("label.moment", lang, day=format_date(moment.date(), lang), time=clock, zone=zone)


def format_period(period, lang: str) -> str:
    """A period as a reader names it: T2 2026, S1 2026, juin 2026; Q2 2026, H1 2026, June 2026 (the id stays for
    commands and file names)."""
    from babel.dates import format_date as babel_date

    kind, first = period.kind, period.id.split("-")[0]
    if kind == "month":
        return babel_date(period.start, format="LLLL y", locale=babel_locale(check_language(lang)))
    if kind == "year":
        return tr("label.period_year", lang, year=first)
    return tr(f"label.period_{kind}", lang, n=int(period.id.split("-")[1][1:]), year=first)
