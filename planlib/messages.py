"""French wording of the problems found in a plan.

Problems are built in English where they are found (validate, periods,
budget, kpis); this table gives each wording its French form, so the CLI and
the notebooks can list them in the analyst's language. A message with no
entry stays in English rather than being lost.
"""
from __future__ import annotations

import re

# (English pattern, French replacement), tried in order on the message, then on what was expected.
MESSAGE_FR: list[tuple[str, str]] = [
    (r"^missing required column$", "colonne obligatoire absente"),
    (r"^missing value$", "valeur manquante"),
    (r"^missing file$", "fichier absent"),
    (r"^missing setting$", "réglage manquant"),
    (r"^missing name$", "nom manquant"),
    (r"^not a date: (.*)$", r"date invalide : \1"),
    (r"^not yes/no: (.*)$", r"ni oui ni non : \1"),
    (r"^not a whole number: (.*)$", r"nombre non entier : \1"),
    (r"^not a number: (.*)$", r"nombre invalide : \1"),
    (r"^negative value: (.*)$", r"valeur négative : \1"),
    (r"^below (\S+): (.*)$", r"inférieur à \1 : \2"),
    (r"^above (\S+): (.*)$", r"supérieur à \1 : \2"),
    (r"^'(.*)' is not allowed$", r"« \1 » n'est pas autorisé"),
    (r"^duplicate id '(.*)', already on row (\d+)$", r"id « \1 » en double, déjà en ligne \2"),
    (r"^duplicate id '(.*)'$", r"id « \1 » en double"),
    (r"^unknown id '(.*)'$", r"id inconnu « \1 »"),
    (r"^unknown channel '(.*)'$", r"canal inconnu « \1 »"),
    (r"^unknown action '(.*)'$", r"action inconnue « \1 »"),
    (r"^dependency cycle: (.*)$", r"dépendance circulaire : \1"),
    (r"^end (\S+) is before start (\S+)$", r"fin \1 avant le début \2"),
    (r"^a variable cost needs a rate$", "un coût variable demande un taux"),
    (r"^a variable cost needs a driver$", "un coût variable demande une base (driver)"),
    (r"^a fixed cost needs an amount$", "un coût fixe demande un montant"),
    (r"^a milestone instalment needs an action$", "une échéance liée à un jalon demande une action"),
    (r"^no forecast for driver '(.*)'$", r"aucune prévision pour la base « \1 »"),
    (r"^no such plan folder or workbook$", "ni dossier de plan ni classeur à cet endroit"),
    (r"^not a plan folder or workbook$", "ni un dossier de plan ni un classeur"),
    (r"^folder already exists and is not empty$", "le dossier existe déjà et n'est pas vide"),
    (r"^not valid YAML: (.*)$", r"YAML invalide : \1"),
    (r"^wrong type: (.*)$", r"type incorrect : \1"),
    (r"^'(.*)' is not a currency code$", r"« \1 » n'est pas un code devise"),
    (r"^'(.*)' has no holiday calendar$", r"pas de calendrier de jours fériés pour « \1 »"),
    (r"^(.*) is out of range$", r"\1 hors limites"),
    (r"^not a list$", "ce n'est pas une liste"),
    (r"^'(.*)' is not a period id$", r"« \1 » n'est pas un identifiant de période"),
    (r"^'(.*)': quarter (\d+) does not exist$", r"« \1 » : le trimestre \2 n'existe pas"),
    (r"^'(.*)': month (\d+) does not exist$", r"« \1 » : le mois \2 n'existe pas"),
    (r"^'(.*)': half (\d+) does not exist$", r"« \1 » : le semestre \2 n'existe pas"),
    (r"^'(.*)': sprint (\d+) does not exist$", r"« \1 » : le sprint \2 n'existe pas"),
    (r"^shares sum to (.*)%, not 100%$", r"les parts font \1 %, pas 100 %"),
    (r"^cannot read instalment '(.*)'$", r"échéance illisible « \1 »"),
    (r"^cannot read formula '(.*)'$", r"formule illisible « \1 »"),
]
EXPECTED_FR: list[tuple[str, str]] = [
    (r"^a date such as 2026-03-15 or 15/03/2026$", "une date comme 2026-03-15 ou 15/03/2026"),
    (r"^one of (.*)$", r"l'une des valeurs \1"),
    (r"^a whole number$", "un nombre entier"),
    (r"^a number such as 1250\.5 or 1 250,50$", "un nombre comme 1250.5 ou 1 250,50"),
    (r"^an amount such as 1250\.50 or 1 250,50 €$", "un montant comme 1250.50 ou 1 250,50 €"),
    (r"^an amount such as 1250\.50$", "un montant comme 1250.50"),
    (r"^a percentage such as 3\.5 or 3,5 %$", "un pourcentage comme 3,5 %"),
    (r"^zero or more$", "zéro ou plus"),
    (r"^a value from (\S+) to (\S+)$", r"une valeur de \1 à \2"),
    (r"^a value$", "une valeur"),
    (r"^a unique id per row$", "un id unique par ligne"),
    (r"^an id from (.*)$", r"un id de \1"),
    (r"^links that never lead back to the same id$", "des liens qui ne reviennent jamais au même id"),
    (r"^end on or after start$", "une fin le jour du début ou après"),
    (r"^a header row with: (.*)$", r"une ligne d'en-tête avec : \1"),
    (r"^a percentage of its driver$", "un pourcentage de sa base"),
    (r"^the forecast the rate applies to$", "la prévision à laquelle le taux s'applique"),
    (r"^a driver of forecasts\.csv(.*)$", r"une base de forecasts.csv\1"),
    (r"^an action_id, or dates instead of start/end$", "un action_id, ou des dates au lieu de start/end"),
    (r"^three capital letters such as EUR$", "trois lettres majuscules comme EUR"),
    (r"^a list of '- ' items$", "une liste d'éléments « - »"),
    (r"^instalments such as .*$", "des échéances comme « 25% 2026-02-01; 75% end » (une part, puis une date, "
                                  "« start » ou « end »), dont les parts font 100 %"),
    (r"^2026 \(year\), 2026-H1 \(half\).*$", "2026 (année), 2026-H1 (semestre), 2026-Q2 (trimestre), 2026-05 (mois) "
                                          "ou 2026-S03 (sprint)"),
    (r"^period id: (.*)$", r"un identifiant de période : \1"),
    (r"^arithmetic over metric names, e\.g\. (.*)$", r"un calcul sur des noms de métriques, ex. \1"),
    (r"^a new folder name, so that no plan is overwritten$", "un nouveau nom de dossier, pour n'écraser aucun plan"),
    (r"^a plan folder \(see 'planlib new'\) or an \.xlsx workbook$",
     "un dossier de plan (voir « planlib new ») ou un classeur .xlsx"),
    (r"^a plan\.yaml with (.*)$", r"un plan.yaml avec l'entreprise, le marché, l'année, la devise et la langue"),
    (r"^indented 'key: value' lines.*$", "des lignes « clé: valeur » indentées ; voir le modèle de « planlib new »"),
]


def _translate(text: str, table: list[tuple[str, str]]) -> str:
    for pattern, replacement in table:
        if re.match(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def problem_text(problem, lang: str = "en") -> str:
    """One problem as a line, in English or French."""
    if lang != "fr":
        return str(problem)
    where = problem.file + (f":{problem.row}" if problem.row is not None else "") + \
        (f":{problem.column}" if problem.column else "")
    text = f"{where} : {_translate(problem.message, MESSAGE_FR)}"
    if problem.expected:
        text += f" (attendu : {_translate(problem.expected, EXPECTED_FR)})"
    return text


def heading(count: int, lang: str = "en") -> str:
    if lang == "fr":
        return f"{count} problème{'s' if count > 1 else ''} trouvé{'s' if count > 1 else ''} :"
    return f"{count} problem{'s' if count != 1 else ''} found:"
