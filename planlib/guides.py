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
    "objectives": {
        "en": """\
**Business, then marketing objectives.** A *business objective* is what the company wants
(revenue, margin, market share, loyal customers). A *marketing objective* is what marketing will
change to get there (more qualified visitors, a better conversion rate, a larger newsletter audience).
Each marketing objective serves one business objective (`parent_id`).

**Key results** say how you will know: a KPI of `kpis.csv`, a baseline, a target, a unit, a deadline,
a priority and the levers you will pull. Two to four per marketing objective is plenty.""",
        "fr": """\
**D'abord business, puis marketing.** Un *objectif business* est ce que veut l'entreprise (chiffre
d'affaires, marge, part de marché, fidélité). Un *objectif marketing* est ce que le marketing va
changer pour y parvenir (plus de visiteurs qualifiés, un meilleur taux de conversion, une audience
newsletter plus large). Chaque objectif marketing sert un objectif business (`parent_id`).

**Les résultats clés** disent comment vous saurez que c'est atteint : un KPI de `kpis.csv`, un point
de départ, une cible, une unité, une échéance, une priorité et les leviers activés. Deux à quatre par
objectif marketing suffisent.""",
    },
    "smart": {
        "en": """\
**SMART**: Specific (one KPI), Measurable (baseline, target, unit), Achievable (better than the
baseline, in the right direction), Realistic (a pace the past months make credible), Time-bound
(a deadline within the plan's year).

- Good: *Raise the conversion rate from 1.6% to 2.1% by 31 December 2026.*
- Vague: *Improve our website.* (which KPI? by how much? by when?)""",
        "fr": """\
**SMART** : Spécifique (un KPI), Mesurable (point de départ, cible, unité), Atteignable (mieux que
le point de départ, dans le bon sens), Réaliste (un rythme que les mois passés rendent crédible),
Temporellement défini (une échéance dans l'année du plan).

- Bon : *Faire passer le taux de conversion de 1,6 % à 2,1 % d'ici le 31 décembre 2026.*
- Vague : *Améliorer notre site.* (quel KPI ? de combien ? pour quand ?)""",
    },
    "prioritise": {
        "en": """\
**Prioritise.** Put first the key results with a high impact that are feasible (low effort): the
green corner of the matrix. The ranking weighs impact twice, feasibility once and adds the priority
you stated.""",
        "fr": """\
**Prioriser.** Commencez par les résultats clés à fort impact et faisables (effort faible) : le coin
vert de la matrice. Le classement compte deux fois l'impact, une fois la faisabilité, et ajoute la
priorité déclarée.""",
    },
    "linter": {
        "en": """\
**Test a sentence.** Write an objective as you would say it in a meeting; the checker says which
SMART letters are missing and what to add. Achievable and Realistic need a person's judgement unless
you give the starting point (*from ... to ...*).""",
        "fr": """\
**Tester une phrase.** Écrivez un objectif comme vous le diriez en réunion ; le vérificateur indique
les lettres SMART manquantes et quoi ajouter. Atteignable et Réaliste demandent un jugement humain,
sauf si vous donnez le point de départ (*de ... à ...*).""",
    },
    "forms": {
        "en": "Choose *(new)* to add, or pick an entry to edit it, then **Save**. Re-run the cells below to see the change.",
        "fr": "Choisissez *(nouveau)* pour ajouter, ou une entrée pour la modifier, puis **Enregistrer**. Relancez les cellules suivantes pour voir le changement.",
    },
    "forms_in_report": {
        "en": "*The forms of this step show when the notebook runs in JupyterLab.*",
        "fr": "*Les formulaires de cette étape s'affichent quand le notebook est ouvert dans JupyterLab.*",
    },
    "actions": {
        "en": """\
**From key results to actions.** For each key result, list what the team will actually do to move it:
a campaign, a page to rewrite, an event. Give each action a **workstream** (acquisition, content, CRM...),
an **owner**, an **impact** and a **difficulty** (1 to 5), a **priority**, dates or a duration, and the
**person-days** it takes. Link what must come first with **depends_on**: the tool then computes, from
each deadline, the latest date every step must start (the retroplanning), and warns of what cannot fit.
Recurring work (a weekly newsletter) is one action with a recurrence.

- Good: *A23 Mobile checkout redesign, owner Thomas, 30 person-days, 13 April to 19 June, serves KR02.*
- Vague: *Work on the website.* (who? how long? for which result?)""",
        "fr": """\
**Des résultats clés aux actions.** Pour chaque résultat clé, listez ce que l'équipe va réellement
faire : une campagne, une page à réécrire, un événement. Donnez à chaque action un **chantier**
(acquisition, contenu, CRM...), un **responsable**, un **impact** et une **difficulté** (1 à 5), une
**priorité**, des dates ou une durée, et les **jours-homme** nécessaires. Reliez ce qui doit venir avant
avec **depends_on** : l'outil calcule alors, à partir de chaque échéance, la date à laquelle chaque étape
doit commencer au plus tard (le rétroplanning) et signale ce qui ne tient pas. Un travail récurrent (une
newsletter hebdomadaire) est une seule action avec une récurrence.

- Bon : *A23 Refonte du tunnel de commande mobile, responsable Thomas, 30 jours-homme, du 13 avril au 19 juin, sert KR02.*
- Vague : *Travailler sur le site.* (qui ? combien de temps ? pour quel résultat ?)""",
    },
    "periods": {
        "en": """\
**Periods and capacity.** The plan is lived period by period: what runs this month or this sprint, how
many person-days it takes, and whether each owner has the time (their days per week, less absences and
public holidays). Red bars are overloads: move, split or hand over the actions named.""",
        "fr": """\
**Périodes et capacité.** Le plan se vit période par période : ce qui tourne ce mois-ci ou ce sprint,
combien de jours-homme cela demande, et si chaque responsable a le temps (ses jours par semaine, moins
absences et jours fériés). Les barres rouges sont des surcharges : décalez, découpez ou confiez les
actions citées.""",
    },
    "budget": {
        "en": """\
**What to budget.** Studies and research, media buying and advertising, production of materials,
agencies and providers, events, tools and software. Tie each line to the action it pays for, so the
budget rolls up by workstream, key result and objective.

**How much in all.** Three ways, shown side by side: a **fixed envelope** decided by management; a
**share of the revenue forecast** (often 3 to 10% in e-commerce); or **bottom-up**, the sum of the
lines. When bottom-up is over the envelope, cut or phase the lines, or argue for more.

**Start small and test.** Budget a test first (a month of ads, one event), read the results in step 7,
then scale what works. A line may be paid in instalments (`25% 2026-02-01; 75% end`) and a cost may be
variable: a rate applied to a forecast (a 12% marketplace commission on that marketplace's sales).""",
        "fr": """\
**Que budgéter.** Études et recherche, achat média et publicité, production de supports, agences et
prestataires, événements, outils et logiciels. Rattachez chaque ligne à l'action qu'elle finance : le
budget se consolide alors par chantier, résultat clé et objectif.

**Combien au total.** Trois méthodes, côte à côte : une **enveloppe fixe** décidée par la direction ;
un **pourcentage du chiffre d'affaires prévu** (souvent 3 à 10 % en e-commerce) ; ou l'approche
**ascendante**, la somme des lignes. Si la somme dépasse l'enveloppe, coupez ou étalez les lignes, ou
argumentez pour plus.

**Commencer petit et tester.** Budgétez d'abord un test (un mois de publicité, un événement), lisez
les résultats à l'étape 7, puis amplifiez ce qui marche. Une ligne peut être payée en plusieurs fois
(`25% 2026-02-01; 75% end`) et un coût peut être variable : un taux appliqué à une prévision (une
commission de 12 % sur les ventes d'une marketplace).""",
    },
}



def guide_text(key: str, lang: str = "en") -> str:
    return GUIDES[key]["fr" if lang == "fr" else "en"]
