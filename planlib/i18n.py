"""French and English labels, and number, currency and date formats.

Babel does the locale rules (1 250,50 € in French, €1,250.50 in English) so
we don't hand-roll separators; this module holds the labels of the kit.
"""
from __future__ import annotations

from datetime import date

LANGUAGES = ("fr", "en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}

LABELS: dict[str, dict[str, str]] = {
    "step": {"en": "Step", "fr": "Étape"},
    "file": {"en": "Files", "fr": "Fichiers"},
    "rows": {"en": "Entries", "fr": "Entrées"},
    "state": {"en": "State", "fr": "État"},
    "missing": {"en": "What is missing", "fr": "Ce qui manque"},
    "filled": {"en": "filled", "fr": "rempli"},
    "partial": {"en": "partly filled", "fr": "partiellement rempli"},
    "empty": {"en": "empty", "fr": "vide"},
    "nothing_missing": {"en": "nothing", "fr": "rien"},
    "step_start": {"en": "0. Start here", "fr": "0. Commencer ici"},
    "step_audit": {"en": "1. Audit", "fr": "1. Audit"},
    "step_objectives": {"en": "2. SMART objectives", "fr": "2. Objectifs SMART"},
    "step_personas": {"en": "3. Personas", "fr": "3. Personas"},
    "step_channels": {"en": "4. Channels and messages", "fr": "4. Canaux et messages"},
    "step_actions": {"en": "5. Action plan", "fr": "5. Plan d'actions"},
    "step_budget": {"en": "6. Budget", "fr": "6. Budget"},
    "step_kpis": {"en": "7. KPI review", "fr": "7. Suivi des KPI"},
    "period": {"en": "Period", "fr": "Période"},
    "from": {"en": "from", "fr": "du"},
    "to": {"en": "to", "fr": "au"},
    "working_days": {"en": "working days", "fr": "jours ouvrés"},
    "as_of": {"en": "as of", "fr": "au"},
    "swot": {"en": "SWOT", "fr": "SWOT (forces, faiblesses, opportunités, menaces)"},
    "pestel": {"en": "PESTEL factors", "fr": "facteurs PESTEL"},
    "market": {"en": "market figures", "fr": "chiffres du marché"},
    "competitors": {"en": "competitors", "fr": "concurrents"},
    "last_year_review": {"en": "review of last year's plan", "fr": "bilan du plan de l'an dernier"},
    "objectives": {"en": "objectives", "fr": "objectifs"},
    "business_objective": {"en": "a business objective", "fr": "un objectif business"},
    "marketing_objective": {"en": "a marketing objective", "fr": "un objectif marketing"},
    "key_results": {"en": "key results", "fr": "résultats clés"},
    "personas": {"en": "personas", "fr": "personas"},
    "channels": {"en": "channels", "fr": "canaux"},
    "messages": {"en": "messages", "fr": "messages"},
    "actions": {"en": "actions", "fr": "actions"},
    "owners": {"en": "an owner for every action", "fr": "un responsable pour chaque action"},
    "dates": {"en": "dates for every action", "fr": "des dates pour chaque action"},
    "budget": {"en": "budget lines", "fr": "lignes de budget"},
    "envelope": {"en": "a budget method and envelope", "fr": "une méthode et une enveloppe budgétaire"},
    "kpis": {"en": "KPI definitions", "fr": "définitions des KPI"},
    "actuals": {"en": "actuals", "fr": "réalisés"},
    "spend": {"en": "actual spend", "fr": "dépenses réelles"},
    "tree_title": {"en": "Objectives and key results", "fr": "Objectifs et résultats clés"},
    "matrix_title": {"en": "Key results by impact and feasibility", "fr": "Résultats clés par impact et faisabilité"},
    "feasibility_axis": {"en": "Feasibility (6 - effort)", "fr": "Faisabilité (6 - effort)"},
    "impact_axis": {"en": "Impact", "fr": "Impact"},
    "no_flags": {"en": "No broken link in the tree.", "fr": "Aucun lien manquant dans l'arbre."},
    "smart_count": {"en": "{n} of {total} key results are SMART.", "fr": "{n} résultats clés sur {total} sont SMART."},
    "gantt_title": {"en": "Retroplanning by workstream", "fr": "Rétroplanning par chantier"},
    "load_title": {"en": "Load and capacity per owner, by month", "fr": "Charge et capacité par responsable, par mois"},
    "load_axis": {"en": "load (person-days)", "fr": "charge (jours-homme)"},
    "capacity_axis": {"en": "capacity", "fr": "capacité"},
    "critical_path": {"en": "Critical path", "fr": "Chemin critique"},
    "no_conflicts": {"en": "No conflict in the timing.", "fr": "Aucun conflit de calendrier."},
    "nothing": {"en": "None.", "fr": "Aucune."},
    "late": {"en": "Late (should have ended, not done)", "fr": "En retard (auraient dû finir, non terminées)"},
    "at_risk": {"en": "At risk (negative slack)", "fr": "À risque (marge négative)"},
    "starting_next": {"en": "Starting in the next period", "fr": "Démarrent à la période suivante"},
    "done_in_period": {"en": "Done in the period", "fr": "Terminées sur la période"},
    "period_figures": {"en": "{period}: {start} to {end}, {working_days} working days, {actions} actions, {person_days} person-days",
                       "fr": "{period} : du {start} au {end}, {working_days} jours ouvrés, {actions} actions, {person_days} jours-homme"},
    "overloaded": {"en": "Overloaded in the period: {owners}", "fr": "Surchargés sur la période : {owners}"},
    "no_overload": {"en": "Nobody is overloaded in the period.", "fr": "Personne n'est surchargé sur la période."},
    "budget_chart_title": {"en": "Budget by quarter and category", "fr": "Budget par trimestre et catégorie"},
    "cumulative_title": {"en": "Cumulative plan and spend", "fr": "Budget prévu et dépenses cumulés"},
    "plan_line": {"en": "plan (committed)", "fr": "prévu (engagé)"},
    "spend_line": {"en": "spend", "fr": "dépensé"},
    "envelope_line": {"en": "envelope", "fr": "enveloppe"},
    "envelopes_intro": {"en": "Method chosen in plan.yaml: **{method}**. A positive gap: the lines cost more than the envelope.",
                        "fr": "Méthode retenue dans plan.yaml : **{method}**. Un écart positif : les lignes coûtent plus que l'enveloppe."},
    "spend_totals": {"en": "As of {as_of}: {spent} spent of {budget} ({consumption}), {committed} committed to date; at this pace, {projection} by the end of the year.",
                     "fr": "Au {as_of} : {spent} dépensés sur {budget} ({consumption}), {committed} engagés à date ; à ce rythme, {projection} en fin d'année."},
    "over_budget": {"en": "Lines over budget", "fr": "Lignes en dépassement"},
    "no_budget_line": {"en": "Spend on actions with no budget line", "fr": "Dépenses sur des actions sans ligne budgétaire"},
    "unlinked": {"en": "Spend linked to no budget line", "fr": "Dépenses rattachées à aucune ligne"},
}


COLUMNS: dict[str, str] = {  # French headers of the tables notebooks show
    "id": "id", "workstream": "chantier", "name": "nom", "description": "description", "owner": "responsable",
    "status": "statut", "priority": "priorité", "impact": "impact", "difficulty": "difficulté", "deadline": "échéance",
    "score": "score", "rank": "rang", "start": "début", "end": "fin", "person_days": "jours-homme",
    "planned_start": "début prévu", "planned_end": "fin prévue", "duration": "durée (j. ouvrés)",
    "earliest_start": "début au plus tôt", "earliest_end": "fin au plus tôt", "latest_start": "début au plus tard",
    "latest_end": "fin au plus tard", "slack": "marge (j. ouvrés)", "critical": "critique", "period": "période",
    "capacity": "capacité", "load": "charge", "overloaded": "surcharge", "actions": "actions", "title": "intitulé",
    "effort": "effort", "feasibility": "faisabilité", "key_result": "résultat clé", "to_fix": "à corriger",
    "flag": "alerte", "reason": "raison", "recurrence": "récurrence", "kind": "type", "message": "message",
    "category": "catégorie", "amount": "montant", "label": "libellé", "total": "total", "fixed": "enveloppe fixe",
    "revenue_share": "% du CA prévu", "bottom_up": "ascendant", "gap_to_fixed": "écart à l'enveloppe fixe",
    "gap_to_revenue_share": "écart au % du CA", "budget": "budget", "committed_to_date": "engagé à date",
    "spent_to_date": "dépensé à date", "variance": "écart", "consumption": "consommation", "line_id": "ligne",
    "action_id": "action", "key_result_id": "résultat clé", "objective_id": "objectif", "channel_id": "canal",
    "planned_units": "unités prévues", "cost_per_planned_unit": "coût par unité prévue",
    "achieved_units": "unités atteintes", "cost_per_achieved_unit": "coût par unité atteinte", "committed": "engagé",
    "spent": "dépensé", "date": "date", "supplier": "fournisseur", "over_budget": "dépassement",
}


def localize_columns(frame, lang: str):
    """Column headers in the reader's language (English headers are the column names)."""
    return frame.rename(columns=COLUMNS) if lang == "fr" else frame


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}' (expected fr or en)")
    return lang


def t(key: str, lang: str = "en") -> str:
    """The label of a key in a language, or the key itself if none exists."""
    return LABELS.get(key, {}).get(check_language(lang), key)


def format_number(value: float, lang: str = "en", decimals: int = 0) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[check_language(lang)])


def format_money(value: float, currency: str = "EUR", lang: str = "en", decimals: int = 2) -> str:
    """An amount in the plan's currency: 1 250,50 € (fr) or €1,250.50 (en)."""
    from babel.numbers import format_currency

    return format_currency(round(float(value), decimals), currency, locale=LOCALES[check_language(lang)],
                           currency_digits=decimals == 2, format=None if decimals == 2 else
                           ("#,##0 ¤" if lang == "fr" else "¤#,##0"))


def format_percent(value: float, lang: str = "en", decimals: int = 1) -> str:
    """A percentage given in percent points: 12.5 -> 12,5 % (fr) or 12.5% (en)."""
    from babel.numbers import format_percent as babel_percent

    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern = number + ("\u00a0%" if lang == "fr" else "%")  # French puts a no-break space before %
    return babel_percent(value / 100, format=pattern, locale=LOCALES[check_language(lang)])


def format_date(day: date, lang: str = "en") -> str:
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=LOCALES[check_language(lang)])
