"""The short guides shown at the top of each notebook section, in English and French.

Kept here rather than in notebook cells so the same text serves the chosen
language, and a trainer can fix a sentence once for every report.
"""
from __future__ import annotations

GUIDES: dict[str, dict[str, str]] = {
    "start": {
        "en": """\
**How this kit works.** Your plan lives in a folder of small files (`plan.yaml`, `objectives.csv`,
`actions.csv`...). Each notebook is one step of the method: it explains the step, lets you fill
or edit the plan, then computes checks, tables and charts from the files. The files are the
truth: re-running a notebook never changes them; only a form's **Save** button does, after
checking what you typed.

Work in this order: 1 audit, 2 SMART objectives, 3 personas, 4 channels and messages,
5 action plan, 6 budget, 7 KPI review. The table below shows how far this plan has come.""",
        "fr": """\
**Comment fonctionne ce kit.** Votre plan tient dans un dossier de petits fichiers (`plan.yaml`,
`objectives.csv`, `actions.csv`...). Chaque notebook est une étape de la méthode : il l'explique,
vous permet de remplir ou modifier le plan, puis calcule contrôles, tableaux et graphiques à partir
des fichiers. Les fichiers font foi : relancer un notebook ne les modifie jamais ; seul le bouton
**Enregistrer** d'un formulaire le fait, après avoir vérifié votre saisie.

Suivez l'ordre : 1 audit, 2 objectifs SMART, 3 personas, 4 canaux et messages, 5 plan d'actions,
6 budget, 7 suivi des KPI. Le tableau ci-dessous montre où en est ce plan.""",
    },
    "start_next": {
        "en": """\
**What next.** Fill the first step marked *empty* or *partly filled*. Run `planlib check` after
editing files by hand: it lists every problem with its file, row and column.""",
        "fr": """\
**Et ensuite.** Complétez la première étape marquée *vide* ou *partiellement remplie*. Lancez
`planlib check` après avoir modifié des fichiers à la main : il liste chaque problème avec son
fichier, sa ligne et sa colonne.""",
    },
}


def guide_text(key: str, lang: str = "en") -> str:
    return GUIDES[key]["fr" if lang == "fr" else "en"]
