"""Write tests/fixtures/exports/corpus/: exports laid out as the tools download them, and what each holds.

Each file follows its tool's documented layout (title and comment lines, headers in the interface's language,
totals rows, date and number forms, encodings) with its traps; expected.yaml records, from the values written
here and not from the importer, each file's source, per-metric sums and day counts, and the columns it must
leave out. Fixed seeds: the same files every time. Run: python scripts/make_export_corpus.py
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "exports" / "corpus"
EXPECTED: dict[str, dict] = {}
START = date(2026, 3, 1)
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_EN_WIDE = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
MONTHS_FR_WIDE = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"]


def en_number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def fr_number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


class Sums:
    """Per-metric sums and the days each metric has a value on."""

    def __init__(self):
        self.sums, self.days = {}, {}

    def add(self, metric: str, day: date, value: float):
        self.sums[metric] = round(self.sums.get(metric, 0.0) + value, 6)
        self.days.setdefault(metric, set()).add(day)

    def expected(self):
        return {m: {"sum": round(self.sums[m], 4), "days": len(self.days[m])} for m in sorted(self.sums)}


def record(name, source, language, sums: Sums | None = None, left_out=(), args=(), totals=0, refused=None,
           sections_skipped=0):
    entry = {"source": source, "language": language}
    if args:
        entry["args"] = list(args)
    if refused:
        entry["refused"] = refused
    else:
        entry["metrics"] = sums.expected()
        entry["left_out"] = sorted(left_out)
        entry["totals_rows"] = totals
        entry["sections_skipped"] = sections_skipped
    EXPECTED[name] = entry


def write(name, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline)
    if encoding == "cp1252":  # French Excel groups thousands with a no-break space
        data = data.replace("\u202f", "\u00a0")
    (OUT / name).write_bytes(data.encode(encoding))


def days(count, start=START):
    return [start + timedelta(days=i) for i in range(count)]


# -- GA4 ------------------------------------------------------------------------------------------

def ga4_block(title, start, end, lang="en"):
    account, prop, first, last = (("Account", "Property", "Start date", "End date") if lang == "en" else
                                  ("Compte", "Propriété", "Date de début", "Date de fin"))
    return (f"# ----------------------------------------\n# {title}\n# {account}: Demo shop\n# {prop}: Shop - GA4\n"
            f"# ----------------------------------------\n#\n# {first}: {start:%Y%m%d}\n# {last}: {end:%Y%m%d}\n")


def ga4_daily(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    span = days(14)
    head = (["Date", "Sessions", "Engaged sessions", "Engagement rate", "Total users", "New users", "Key events",
             "Total revenue", "Average engagement time per session"] if lang == "en" else
            ["Date", "Sessions", "Sessions avec engagement", "Taux d'engagement", "Nombre total d'utilisateurs",
             "Nouveaux utilisateurs", "Événements clés", "Revenu total", "Durée d'engagement moyenne par session"])
    lines = [",".join(f'"{h}"' if "," in h else h for h in head)]
    for day in span:
        sessions, engaged = rng.randint(800, 2500), 0
        engaged = int(sessions * rng.uniform(0.4, 0.7))
        users, new, events = int(sessions * 0.8), int(sessions * 0.3), rng.randint(5, 40)
        revenue = round(rng.uniform(300, 3000), 2)
        for metric, value in (("sessions", sessions), ("engaged_sessions", engaged), ("users", users),
                              ("new_users", new), ("key_events", events), ("revenue", revenue)):
            sums.add(metric, day, value)
        lines.append(f"{day:%Y%m%d},{sessions},{engaged},{engaged / sessions:.4f},{users},{new},{events},{revenue},"
                     f"{rng.uniform(20, 90):.2f}")
    title = "Traffic acquisition: Session default channel group" if lang == "en" else \
        "Acquisition de trafic : Groupe de canaux par défaut de la session"
    other = ("Session default channel group,Sessions\nDirect,4000\nOrganic Search,9000\n" if lang == "en" else
             "Groupe de canaux par défaut de la session,Sessions\nDirect,4000\nRecherche naturelle,9000\n")
    text = (ga4_block(title, span[0], span[-1], lang) + "\n".join(lines) + "\n\n" + ga4_block(title, span[0], span[-1], lang)
            + other)
    write(name, text)
    record(name, "ga4", lang, sums, [head[3], head[8]], sections_skipped=1)


def ga4_date_hour(name, seed, lang="en"):
    rng, sums = random.Random(seed), Sums()
    lines = ["Date + hour (YYYYMMDDHH),Sessions,Total users,Views per active user" if lang == "en" else
             "Date + heure (AAAAMMJJHH),Sessions,Nombre total d'utilisateurs,Vues par utilisateur actif"]
    for day in days(3):
        for hour in range(24):
            sessions = rng.randint(0, 120)
            sums.add("sessions", day, sessions)
            sums.add("users", day, int(sessions * 0.9))
            lines.append(f"{day:%Y%m%d}{hour:02d},{sessions},{int(sessions * 0.9)},{rng.uniform(1, 3):.2f}")
    write(name, ga4_block("Sessions by hour", START, START + timedelta(days=2), lang) + "\n".join(lines) + "\n")
    record(name, "ga4", lang, sums, [lines[0].split(",")[-1]])


def ga4_snapshot(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    start = date(2026, 2, 1)
    first_head = "Nth day,Active users" if lang == "en" else "Nième jour,Utilisateurs actifs"
    lines = [first_head]
    for offset in range(28):
        value = rng.randint(100, 900)
        sums.add("active_users", start + timedelta(days=offset), value)
        lines.append(f"{offset:04d},{value}")
    title = "Reports snapshot" if lang == "en" else "Instantané des rapports"
    block = ga4_block(title, start, start + timedelta(days=27), lang)
    second = ("Country,Active users\nFrance,5000\nBelgium,700\n" if lang == "en" else
              "Pays,Utilisateurs actifs\nFrance,5000\nBelgique,700\n")
    third = ("Session default channel group,Sessions\nDirect,100\n" if lang == "en" else
             "Groupe de canaux par défaut de la session,Sessions\nDirect,100\n")
    write(name, block + "\n".join(lines) + "\n\n" + block + second + "\n" + block + third)
    record(name, "ga4", lang, sums, [], sections_skipped=2)


def ga4_exploration(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    head = "Date,Sessions,Total users,Key events" if lang == "en" else \
        "Date,Sessions,Nombre total d'utilisateurs,Événements clés"
    rows = []
    for day in days(10):
        s, u, k = rng.randint(100, 999), rng.randint(80, 700), rng.randint(0, 12)
        sums.add("sessions", day, s), sums.add("users", day, u), sums.add("key_events", day, k)
        rows.append(f"{day:%Y%m%d},{s},{u},{k}")
    total = "Grand total" if lang == "en" else "Total général"
    grand = f"{total},{int(sums.sums['sessions'])},{int(sums.sums['users'])},{int(sums.sums['key_events'])}"
    title = "Free form 1" if lang == "en" else "Format libre 1"
    write(name, ga4_block(title, START, START + timedelta(days=9), lang) + "\n".join([head, grand] + rows) + "\n")
    record(name, "ga4", lang, sums, [], totals=1)


# -- Search Console, Bing, Matomo -------------------------------------------------------------------

def gsc(name, lang, seed):
    """Performance > Dates (or the older Chart.csv, same columns); the French interface writes decimal commas."""
    rng, sums = random.Random(seed), Sums()
    lines = ["Date,Clicks,Impressions,CTR,Position" if lang == "en" else "Date,Clics,Impressions,CTR,Position"]
    for day in days(20):
        clicks, impressions = rng.randint(10, 400), rng.randint(1000, 20000)
        sums.add("search_clicks", day, clicks), sums.add("search_impressions", day, impressions)
        ctr, position = clicks / impressions * 100, rng.uniform(3, 30)
        if lang == "en":
            lines.append(f"{day:%Y-%m-%d},{clicks},{impressions},{ctr:.2f}%,{position:.1f}")
        else:
            lines.append(f'{day:%Y-%m-%d},{clicks},{impressions},"{ctr:.2f} %","{position:.1f}"'
                         .replace(".", ","))
    write(name, "\n".join(lines) + "\n")
    record(name, "search_console", lang, sums, ["CTR", "Position"])


def gsc_queries(name):
    write(name, "Top queries,Clicks,Impressions,CTR,Position\nflower shop,120,3000,4%,3.2\nbouquet,80,2500,3.2%,5.1\n")
    record(name, "search_console", "en", refused="export_period_total")


def bing(name, seed, only_small_days):
    rng, sums = random.Random(seed), Sums()
    lines = ["Date,Impressions,Clicks,Avg. CTR,Avg. Position"]
    span = [date(2026, m, d) for m in (1, 2) for d in range(1, 13)] if only_small_days else days(25, date(2026, 1, 5))
    for day in span:
        c, i = rng.randint(1, 90), rng.randint(100, 3000)
        sums.add("search_clicks", day, c), sums.add("search_impressions", day, i)
        hour = "12:00:00 AM"
        lines.append(f"{day.month}/{day.day}/{day.year} {hour},{i},{c},{c / i:.4f},{rng.uniform(2, 20):.2f}")
    write(name, "\n".join(lines) + "\n")
    record(name, "bing_webmaster", "en", sums, ["Avg. CTR", "Avg. Position"])


def matomo(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    if lang == "en":
        head = ["Date", "Visits", "Unique visitors", "Actions", "Maximum actions in one visit", "Bounces",
                "Total time spent by visitors (in seconds)", "Converted visits", "Bounce Rate", "Actions per Visit",
                "Avg. Time on Website"]
    else:
        head = ["Date", "Visites", "Visiteurs uniques", "Actions", "Actions maximum en une visite", "Rebonds",
                "Temps total passé par les visiteurs (en secondes)", "Visites converties", "Taux de rebond",
                "Actions par visite", "Durée moyenne des visites"]
    lines = ["\t".join(head)]
    for day in days(12):
        v, u, a, b, c = rng.randint(50, 500), rng.randint(40, 400), rng.randint(100, 2000), rng.randint(10, 200), \
            rng.randint(0, 20)
        for metric, value in (("sessions", v), ("users", u), ("page_views", a), ("bounces", b), ("key_events", c)):
            sums.add(metric, day, value)
        rate = f"{b / v * 100:.0f}%" if lang == "en" else f"{b / v * 100:.0f} %"
        lines.append("\t".join([f"{day:%Y-%m-%d}", str(v), str(u), str(a), str(rng.randint(5, 40)), str(b),
                                str(rng.randint(1000, 90000)), str(c), rate, f"{a / v:.1f}", "00:02:31"]))
    write(name, "\n".join(lines) + "\n", encoding="utf-16", newline="\r\n")
    record(name, "matomo", "en" if lang == "en" else "fr", sums, [head[4], head[6], head[8], head[9], head[10]])


# -- ad platforms ------------------------------------------------------------------------------------

def google_ads(name, lang, seed, excel=False, by_day=True):
    rng, sums = random.Random(seed), Sums()
    span = days(7)
    if lang == "en":
        title, dates = "Campaign report", f'"{MONTHS_EN_WIDE[span[0].month - 1]} {span[0].day}, {span[0].year} - ' \
                                           f'{MONTHS_EN_WIDE[span[-1].month - 1]} {span[-1].day}, {span[-1].year}"'
        head = ["Day", "Campaign", "Campaign type", "Currency code", "Cost", "Impr.", "Clicks", "CTR", "Avg. CPC",
                "Conversions", "Cost / conv.", "Conv. rate"]
        total_rows = ["Total: Campaigns", "Total: Account", "Total: Search"]
        num = en_number
    else:
        title = "Rapport sur les campagnes"
        dates = f'"{span[0].day} {MONTHS_FR_WIDE[span[0].month - 1]} {span[0].year} - {span[-1].day} ' \
                f'{MONTHS_FR_WIDE[span[-1].month - 1]} {span[-1].year}"'
        head = ["Jour", "Campagne", "Type de campagne", "Code de la devise", "Coût", "Impr.", "Clics", "CTR",
                "CPC moy.", "Conversions", "Coût/conv.", "Taux de conv."]
        total_rows = ["Total : Campagnes", "Total : Compte", "Total : Réseau de Recherche"]
        num = fr_number
    if not by_day:
        head = head[1:]
    sep = "\t" if excel else ","
    quote = (lambda v: v) if excel else (lambda v: f'"{v}"' if ("," in v or "\u202f" in v) else v)
    lines = [title, dates, sep.join(head)]
    for day in span:
        for campaign in ("Brand", "Generic", "Shopping"):
            cost, impr, clicks = round(rng.uniform(5, 300), 2), rng.randint(200, 9000), rng.randint(5, 400)
            conv = round(rng.uniform(0, 12), 2)
            for metric, value in (("ad_cost", cost), ("ad_impressions", impr), ("ad_clicks", clicks),
                                  ("ad_conversions", conv)):
                sums.add(metric, day, value)
            ctr = f"{clicks / impr * 100:.2f}%"
            cells = [f"{day:%Y-%m-%d}", campaign, "Search", "EUR", num(cost, 2), num(impr), num(clicks), ctr,
                     num(cost / clicks, 2), num(conv, 2), num(cost / conv, 2) if conv else "0", "1.00%"]
            if not by_day:
                cells = cells[1:]
            lines.append(sep.join(quote(c) for c in cells))
    for total in total_rows:
        cells = [total, "", "", "", num(sums.sums["ad_cost"], 2), num(sums.sums["ad_impressions"]),
                 num(sums.sums["ad_clicks"]), "3.00%", "0.50", num(sums.sums["ad_conversions"], 2), "10", "2%"]
        if by_day:
            cells = [total] + [" --"] + cells[1:]
            cells = cells[:len(head)]
        lines.append(sep.join(quote(c) for c in cells[:len(head)]))
    if excel:
        write(name, "\n".join(lines) + "\n", encoding="utf-16", newline="\r\n")
    else:
        write(name, "\n".join(lines) + "\n")
    if not by_day:
        record(name, "google_ads", lang, refused="export_period_total")
        return
    record(name, "google_ads", lang, sums, [head[1], head[2], head[3], head[7], head[8], head[10], head[11]],
           totals=3)


def microsoft_ads(name, seed, iso):
    rng, sums = random.Random(seed), Sums()
    lines = ['"Report Name: Campaign performance"', '"Report Time: 3/1/2026 - 3/9/2026"',
             '"Time Zone: (GMT+01:00) Brussels, Copenhagen, Madrid, Paris"', '"Last Completed Available Day: 3/10/2026"',
             '"Rows: 18"', "", '"Gregorian date","Campaign name","Impressions","Clicks","CTR","Average CPC","Spend",'
             '"Conversions","Revenue"']
    for day in days(9):
        for campaign in ("Brand", "Generic"):
            impr, clicks, spend, conv = rng.randint(100, 4000), rng.randint(1, 200), round(rng.uniform(1, 90), 2), \
                rng.randint(0, 6)
            revenue = round(conv * rng.uniform(20, 80), 2)
            for metric, value in (("ad_impressions", impr), ("ad_clicks", clicks), ("ad_cost", spend),
                                  ("ad_conversions", conv), ("ad_conversion_value", revenue)):
                sums.add(metric, day, value)
            shown = f"{day:%Y-%m-%d}" if iso else f"{day.month}/{day.day}/{day.year}"
            lines.append(f'"{shown}","{campaign}","{impr}","{clicks}","{clicks / impr * 100:.2f}%","{spend / clicks:.2f}",'
                         f'"{spend:.2f}","{conv}","{revenue:.2f}"')
    lines.append('"©2026 Microsoft Corporation. All rights reserved. "')
    write(name, "\n".join(lines) + "\n")
    record(name, "microsoft_ads", "en", sums, ["Campaign name", "CTR", "Average CPC"])


def meta_reporting_days(name, seed):
    """Breakdown by day without the Day column: each row's Reporting starts and ends are its day."""
    rng, sums = random.Random(seed), Sums()
    lines = ["Reporting starts,Reporting ends,Ad set name,Amount spent (USD),Impressions,Link clicks,Results,"
             "Result indicator,Cost per result"]
    for day in days(8):
        for adset in ("Lookalike buyers", "Broad 25-44"):
            spend, impressions, clicks, results = round(rng.uniform(5, 400), 2), rng.randint(800, 30000), \
                rng.randint(1, 400), rng.randint(1, 20)
            for metric, value in (("ad_cost", spend), ("ad_impressions", impressions), ("ad_clicks", clicks),
                                  ("ad_conversions", results)):
                sums.add(metric, day, value)
            lines.append(f'{day:%Y-%m-%d},{day:%Y-%m-%d},{adset},"{spend:,.2f}",{impressions},{clicks},{results},'
                         f'actions:offsite_conversion.fb_pixel_purchase,{spend / results:.2f}')
    write(name, "\n".join(lines) + "\n")
    record(name, "meta_ads", "en", sums, ["Ad set name", "Reporting ends", "Result indicator", "Cost per result"])


def meta_fr_semicolon(name, seed):
    """The French interface's export opened and saved by French Excel: `;`, day-first dates all 12 or less."""
    rng, sums = random.Random(seed), Sums()
    lines = ["Jour;Nom de la campagne;Montant dépensé (USD);Impressions;CPM (coût pour 1 000 impressions) (USD)"]
    for day in [date(2026, 8, d) for d in range(1, 11)]:
        spend, impressions = round(rng.uniform(100, 2000), 2), rng.randint(10000, 60000)
        sums.add("ad_cost", day, spend), sums.add("ad_impressions", day, impressions)
        lines.append(f"{day:%d/%m/%Y};Looma - Broad;{fr_number(spend, 2)};{impressions};"
                     f"{fr_number(spend / impressions * 1000, 2)}")
    write(name, "\n".join(lines) + "\n", encoding="cp1252", newline="\r\n")
    record(name, "meta_ads", "fr", sums, ["Nom de la campagne", "CPM (coût pour 1 000 impressions) (USD)"])


def meta(name, lang, seed, by_day=True):
    rng, sums = random.Random(seed), Sums()
    if lang == "en":
        head = ["Campaign name", "Day", "Reporting starts", "Reporting ends", "Amount spent (EUR)", "Impressions",
                "Reach", "Frequency", "Link clicks", "CPC (cost per link click) (EUR)", "CTR (link click-through rate)",
                "Results", "Result indicator", "Cost per results"]
        empty = "No data available"
    else:
        head = ["Nom de la campagne", "Jour", "Début des rapports", "Fin des rapports", "Montant dépensé (EUR)",
                "Impressions", "Couverture", "Répétition", "Clics sur un lien", "CPC (coût par clic sur un lien) (EUR)",
                "CTR (taux de clics sur le lien)", "Résultats", "Indicateur de résultats", "Coût par résultat"]
        empty = ""
    if not by_day:
        head = [h for h in head if h not in ("Day", "Jour")]
    lines = [",".join(f'"{h}"' if "," in h else h for h in head)]
    span = days(6)
    for day in span:
        for campaign in ("Spring sale", "Retargeting"):
            spend, impr, reach, clicks = round(rng.uniform(5, 120), 2), rng.randint(800, 20000), rng.randint(500, 9000), \
                rng.randint(0, 300)
            results = rng.randint(0, 9)
            link = str(clicks) if clicks else ""
            for metric, value in (("ad_cost", spend), ("ad_impressions", impr)):
                sums.add(metric, day, value)
            if clicks:
                sums.add("ad_clicks", day, clicks)
            sums.add("ad_conversions", day, results)
            cpc = f"{spend / clicks:.2f}" if clicks else empty
            cells = [campaign, f"{day:%Y-%m-%d}", f"{span[0]:%Y-%m-%d}", f"{span[-1]:%Y-%m-%d}", f"{spend:.2f}",
                     str(impr), str(reach), f"{impr / reach:.2f}", link, cpc,
                     f"{clicks / impr * 100:.2f}" if clicks else empty, str(results),
                     "actions:offsite_conversion.fb_pixel_purchase", f"{spend / results:.2f}" if results else empty]
            if not by_day:
                cells.pop(1)
            if lang == "fr":
                cells = [c.replace(".", ",") if c.replace(".", "").isdigit() else c for c in cells]
                cells = [f'"{c}"' if "," in c else c for c in cells]
            lines.append(",".join(cells))
    write(name, "\n".join(lines) + "\n")
    if not by_day:
        record(name, "meta_ads", lang, refused="export_period_total")
        return
    record(name, "meta_ads", lang, sums, [head[0], head[6], head[7], head[9], head[10], head[12], head[13]])


def linkedin(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    if lang == "en":
        top = ["Campaign Performance Report (in UTC)", "Report Start: 3/1/2026, 12:00 AM",
               "Report End: 3/10/2026, 11:59 PM", "Date Generated: 3/11/2026, 9:15 AM", "Account Name: Verdure & Co"]
        head = ["Start Date (in UTC)", "Account Name", "Campaign Name", "Campaign ID", "Total Spent", "Impressions",
                "Clicks", "Average CTR", "Average CPM", "Average CPC", "Conversions", "Leads", "Currency"]
    else:
        top = ["Rapport de performance des campagnes (en UTC)", "Début du rapport : 01/03/2026, 00:00",
               "Fin du rapport : 10/03/2026, 23:59", "Compte : Verdure & Co"]
        head = ["Date de début (en UTC)", "Nom du compte", "Nom de la campagne", "ID de la campagne", "Total dépensé",
                "Impressions", "Clics", "CTR moyen", "CPM moyen", "CPC moyen", "Conversions", "Prospects", "Devise"]
    lines = [f'"{t}"' for t in top] + [",".join(f'"{h}"' for h in head)]
    for day in days(10):
        for campaign, cid in (("Decision makers", "1234"), ("Retarget", "5678")):
            spent, impr, clicks, conv, leads = round(rng.uniform(10, 200), 2), rng.randint(300, 6000), \
                rng.randint(1, 90), rng.randint(0, 4), rng.randint(0, 6)
            for metric, value in (("ad_cost", spent), ("ad_impressions", impr), ("ad_clicks", clicks),
                                  ("ad_conversions", conv), ("ad_leads", leads)):
                sums.add(metric, day, value)
            shown = f"{day.month}/{day.day}/{day.year}" if lang == "en" else f"{day.month}/{day.day}/{day.year}"
            money = (lambda v: f"{v:.2f}") if lang == "en" else (lambda v: f"{v:.2f}".replace(".", ","))
            cells = [shown, "Verdure & Co", campaign, cid, money(spent), str(impr), str(clicks),
                     money(clicks / impr), money(spent / impr * 1000), money(spent / clicks), str(conv), str(leads), "EUR"]
            lines.append(",".join(f'"{c}"' for c in cells))
    write(name, "\n".join(lines) + "\n")
    record(name, "linkedin_ads", lang, sums, [head[1], head[2], head[3], head[7], head[8], head[9], head[12]])


# -- e-mailing --------------------------------------------------------------------------------------

def ampm(day, hour, minute):
    shown = hour % 12 or 12
    return f"{MONTHS_EN[day.month - 1]} {day.day:02d}, {day.year} {shown:02d}:{minute:02d} {'pm' if hour >= 12 else 'am'}"


def email_rows(rng, sums, count=8, same_day_pairs=True):
    rows, day = [], date(2026, 3, 2)
    for index in range(count):
        if not (same_day_pairs and index % 3 == 1):
            day = day + timedelta(days=rng.randint(2, 6))
        sent = rng.randint(2000, 30000)
        delivered = sent - rng.randint(10, 200)
        uopens, opens = int(delivered * rng.uniform(0.15, 0.45)), 0
        opens = int(uopens * rng.uniform(1.1, 1.6))
        uclicks = int(uopens * rng.uniform(0.05, 0.2))
        clicks = int(uclicks * rng.uniform(1.0, 1.5))
        unsub, hard, soft = rng.randint(0, 40), rng.randint(0, 30), rng.randint(0, 60)
        values = dict(sent=sent, delivered=delivered, unique_opens=uopens, opens=opens, unique_clicks=uclicks,
                      clicks=clicks, unsubscribes=unsub, hard=hard, soft=soft, bounces=hard + soft)
        rows.append((day, rng.randint(6, 22), rng.randint(0, 59), values))
    return rows


def mailchimp(name, seed):
    rng, sums = random.Random(seed), Sums()
    head = ["Title", "Subject", "List", "Send Date", "Send Weekday", "Total Recipients", "Successful Deliveries",
            "Soft Bounces", "Hard Bounces", "Total Bounces", "Times Forwarded", "Forwarded Opens", "Unique Opens",
            "Open Rate", "Total Opens", "Unique Clicks", "Click Rate", "Total Clicks", "Unsubscribes",
            "Abuse Complaints", "Times Liked on Facebook", "Folder Id", "Unique Id"]
    lines = [",".join(head)]
    for number, (day, hour, minute, v) in enumerate(email_rows(rng, sums)):
        for metric, key in (("emails_sent", "sent"), ("emails_delivered", "delivered"), ("emails_opened", "unique_opens"),
                            ("email_opens", "opens"), ("emails_clicked", "unique_clicks"), ("email_clicks", "clicks"),
                            ("email_unsubscribes", "unsubscribes"), ("email_bounces", "bounces"),
                            ("email_hard_bounces", "hard"), ("email_soft_bounces", "soft"), ("email_complaints", None)):
            sums.add(metric, day, v[key] if key else 1)
        cells = [f"Newsletter {number + 1}", f'"Spring, part {number + 1}"', "Customers", f'"{ampm(day, hour, minute)}"',
                 day.strftime("%A"), str(v["sent"]), str(v["delivered"]), str(v["soft"]), str(v["hard"]),
                 str(v["bounces"]), "3", "5", str(v["unique_opens"]), f"{v['unique_opens'] / v['delivered'] * 100:.2f}%",
                 str(v["opens"]), str(v["unique_clicks"]), f"{v['unique_clicks'] / v['delivered'] * 100:.2f}%",
                 str(v["clicks"]), str(v["unsubscribes"]), "1", "0", "", f"a{number}b"]
        lines.append(",".join(cells))
    write(name, "\n".join(lines) + "\n")
    record(name, "mailchimp", "en", sums, ["Title", "Subject", "List", "Send Weekday", "Times Forwarded",
                                           "Forwarded Opens", "Open Rate", "Click Rate", "Times Liked on Facebook",
                                           "Folder Id", "Unique Id"])


def klaviyo(name, seed):
    rng, sums = random.Random(seed), Sums()
    head = ["Campaign Name", "Tags", "Subject", "List", "Send Time", "Send Weekday", "Total Recipients",
            "Unique Placed Order", "Placed Order Rate", "Revenue", "Unique Opens", "Open Rate", "Total Opens",
            "Unique Clicks", "Click Rate", "Total Clicks", "Unsubscribes", "Spam Complaints", "Spam Complaints Rate",
            "Successful Deliveries", "Bounces", "Bounce Rate", "Campaign ID", "Campaign Channel"]
    lines = [",".join(head)]
    for number, (day, hour, minute, v) in enumerate(email_rows(rng, sums)):
        orders, revenue = rng.randint(0, 30), round(rng.uniform(0, 2000), 2)
        for metric, value in (("emails_sent", v["sent"]), ("email_orders", orders), ("email_revenue", revenue),
                              ("emails_opened", v["unique_opens"]), ("email_opens", v["opens"]),
                              ("emails_clicked", v["unique_clicks"]), ("email_clicks", v["clicks"]),
                              ("email_unsubscribes", v["unsubscribes"]), ("email_complaints", 2),
                              ("emails_delivered", v["delivered"]), ("email_bounces", v["bounces"])):
            sums.add(metric, day, value)
        cells = [f"Campaign {number}", '"spring,promo"', "Hello", "Main list", f'"{ampm(day, hour, minute)}"',
                 day.strftime("%A"), str(v["sent"]), str(orders), f"{orders / v['sent']:.4f}", f"{revenue:.2f}",
                 str(v["unique_opens"]), f"{v['unique_opens'] / v['sent']:.4f}", str(v["opens"]), str(v["unique_clicks"]),
                 f"{v['unique_clicks'] / v['sent']:.4f}", str(v["clicks"]), str(v["unsubscribes"]), "2", "0.0001",
                 str(v["delivered"]), str(v["bounces"]), "0.01", f"01H{number}X", "Email"]
        lines.append(",".join(cells))
    write(name, "\n".join(lines) + "\n")
    record(name, "klaviyo", "en", sums, ["Campaign Name", "Tags", "Subject", "List", "Send Weekday", "Placed Order Rate",
                                         "Open Rate", "Click Rate", "Spam Complaints Rate", "Bounce Rate", "Campaign ID",
                                         "Campaign Channel"])


def brevo(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    if lang == "en":
        head = ["Campaign ID", "Campaign name", "Sent date", "Sent", "Delivered", "Unique opens", "Open rate",
                "Unique clicks", "Click rate", "Unsubscriptions", "Hard bounces", "Soft bounces", "Complaints"]
        sep, when = ",", (lambda d, h, m: f"{d:%Y-%m-%d} {h:02d}:{m:02d}")
    else:
        head = ["ID de la campagne", "Nom de la campagne", "Date d'envoi", "Envoyés", "Délivrés", "Ouvertures uniques",
                "Taux d'ouverture", "Clics uniques", "Taux de clics", "Désinscriptions", "Hard bounces", "Soft bounces",
                "Plaintes"]
        sep, when = ";", (lambda d, h, m: f"{d:%d/%m/%Y} {h:02d}:{m:02d}")
    lines = [sep.join(head)]
    for number, (day, hour, minute, v) in enumerate(email_rows(rng, sums)):
        for metric, key in (("emails_sent", "sent"), ("emails_delivered", "delivered"), ("emails_opened", "unique_opens"),
                            ("emails_clicked", "unique_clicks"), ("email_unsubscribes", "unsubscribes"),
                            ("email_hard_bounces", "hard"), ("email_soft_bounces", "soft")):
            sums.add(metric, day, v[key])
        sums.add("email_complaints", day, 0)
        rate = (lambda a, b: f"{a / b * 100:.2f}%") if lang == "en" else (lambda a, b: f"{a / b * 100:.2f} %".replace(".", ","))
        cells = [str(100 + number), f"Newsletter {number}", when(day, hour, minute), str(v["sent"]), str(v["delivered"]),
                 str(v["unique_opens"]), rate(v["unique_opens"], v["delivered"]), str(v["unique_clicks"]),
                 rate(v["unique_clicks"], v["delivered"]), str(v["unsubscribes"]), str(v["hard"]), str(v["soft"]), "0"]
        lines.append(sep.join(cells))
    write(name, "\n".join(lines) + "\n", encoding="utf-8" if lang == "en" else "cp1252")
    record(name, "brevo", lang, sums, [head[0], head[1], head[6], head[8]])


def hubspot(name, lang, seed):
    rng, sums = random.Random(seed), Sums()
    if lang == "en":
        head = ["Email name", "Subject", "Send date", "Sent", "Delivered", "Opened", "Clicked", "Unsubscribed", "Bounced",
                "Open rate", "Click rate", "Click-through rate"]
        when = lambda d, h, m: f"{d.month}/{d.day}/{d.year} {h % 12 or 12}:{m:02d} {'PM' if h >= 12 else 'AM'}"
    else:
        head = ["Nom de l'e-mail", "Objet", "Date d'envoi", "Envoyés", "Distribués", "Ouverts", "Cliqués", "Désabonnés",
                "Rebonds", "Taux d'ouverture", "Taux de clics", "Taux de clics par ouverture"]
        when = lambda d, h, m: f"{d:%d/%m/%Y} {h:02d}:{m:02d}"
    lines = [",".join(head)]
    rows = email_rows(rng, sums)
    for number, (day, hour, minute, v) in enumerate(rows):
        for metric, key in (("emails_sent", "sent"), ("emails_delivered", "delivered"), ("emails_opened", "unique_opens"),
                            ("emails_clicked", "unique_clicks"), ("email_unsubscribes", "unsubscribes"),
                            ("email_bounces", "bounces")):
            sums.add(metric, day, v[key])
        cells = [f"March news {number}", "Hello", when(day, hour, minute), str(v["sent"]), str(v["delivered"]),
                 str(v["unique_opens"]), str(v["unique_clicks"]), str(v["unsubscribes"]), str(v["bounces"]),
                 f"{v['unique_opens'] / v['delivered'] * 100:.1f}%", "2.1%", "8%"]
        if lang == "fr":
            cells = [c.replace(".", ",") if c.endswith("%") else c for c in cells]
            cells = [f'"{c}"' if "," in c else c for c in cells]
        lines.append(",".join(cells))
    write(name, "\n".join(lines) + "\n")
    # a time part on every date: month-first (en) or day-first (fr) decided from the days above 12
    record(name, "hubspot", lang, sums, [head[0], head[1], head[9], head[10], head[11]])


# -- generic ----------------------------------------------------------------------------------------

def generic_fr_excel(name, seed):
    rng, sums = random.Random(seed), Sums()
    lines = ["Date;leads;devis;Taux de transformation"]
    for day in days(15):
        leads, quotes = rng.randint(0, 40), rng.randint(0, 10)
        sums.add("leads", day, leads), sums.add("devis", day, quotes)
        lines.append(f"{day:%d/%m/%Y};{leads};{quotes};{fr_number(quotes / leads * 100 if leads else 0, 1)} %")
    lines.append(f"Total;{int(sums.sums['leads'])};{int(sums.sums['devis'])};25,0 %")
    write(name, "\n".join(lines) + "\n", encoding="cp1252", newline="\r\n")
    record(name, "generic", "en", sums, ["Taux de transformation"], totals=1)


def generic_channels(name, seed):
    rng, sums = random.Random(seed), Sums()
    lines = ["date,channel,leads,cost per lead"]
    for day in days(5):
        for channel in ("C03", "Social ads", "newsletter"):
            leads = rng.randint(1, 30)
            sums.add("leads", day, leads)
            lines.append(f"{day:%Y-%m-%d},{channel},{leads},{rng.uniform(3, 9):.2f}")
    write(name, "\n".join(lines) + "\n")
    record(name, "generic", "en", sums, ["cost per lead"], args=["--channel-column", "channel"])


def generic_dates(name, kind, seed):
    rng, sums = random.Random(seed), Sums()
    lines = ["date,signups"]
    if kind == "ambiguous":
        span = [date(2026, 1, d) for d in range(2, 12)]
    else:
        span = days(20, date(2026, 4, 5))
    for day in span:
        value = rng.randint(1, 50)
        sums.add("signups", day, value)
        lines.append(f"{day.month}/{day.day}/{day.year},{value}")
    if kind == "mixed":
        lines.append("25/04/2026,3")
    write(name, "\n".join(lines) + "\n")
    if kind == "ambiguous":
        record(name, "generic", "en", refused="dates_ambiguous")
        record(name.replace(".csv", "_with_order.csv"), "generic", "en", sums, [], args=["--dates", "mdy"])
        write(name.replace(".csv", "_with_order.csv"), "\n".join(lines) + "\n")
    elif kind == "mixed":
        record(name, "generic", "en", refused="dates_mixed")
    else:
        record(name, "generic", "en", sums, [])


# -- the accounting export (FEC) ---------------------------------------------------------------------

FEC_HEAD = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
            "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
            "ValidDate", "Montantdevise", "Idevise"]
FEC_SPEND: dict[str, dict] = {}


def fec(name, seed, pipe=False, sense=False):
    """Purchase entries (expense, VAT, supplier), a credit note, a bank payment; amounts with a decimal comma."""
    rng = random.Random(seed)
    head = FEC_HEAD if not sense else FEC_HEAD[:11] + ["Montant", "Sens"] + FEC_HEAD[13:]
    sep = "|" if pipe else "\t"
    lines = [sep.join(head)]
    spend, unmapped, other = {}, {}, 0
    expenses = [("6231", "Annonces et insertions", "media"), ("6233", "Foires et expositions", "events"),
                ("6236", "Catalogues et imprimés", "production"), ("6226", "Honoraires", None)]

    def line(journal, number, day, account, label, text, debit, credit, aux="", aux_label=""):
        if sense:
            amount, way = (debit, "D") if debit else (credit, "C")
            cells = [journal, "Journal des achats", str(number), f"{day:%Y%m%d}", account, label, aux, aux_label,
                     f"F{number}", f"{day:%Y%m%d}", text, f"{amount:.2f}".replace(".", ","), way, "", "",
                     f"{day:%Y%m%d}", "", ""]
        else:
            cells = [journal, "Journal des achats", str(number), f"{day:%Y%m%d}", account, label, aux, aux_label,
                     f"F{number}", f"{day:%Y%m%d}", text, f"{debit:.2f}".replace(".", ","),
                     f"{credit:.2f}".replace(".", ","), "", "", f"{day:%Y%m%d}", "", ""]
        lines.append(sep.join(cells))

    number = 100
    for index in range(12):
        number += 1
        day = date(2026, 1, 5) + timedelta(days=rng.randint(0, 150))
        account, label, category = expenses[index % len(expenses)]
        amount = round(rng.uniform(200, 5000), 2)
        vat = round(amount * 0.2, 2)
        line("AC", number, day, account, label, f"Facture {number}", amount, 0)
        line("AC", number, day, "44566", "TVA déductible", f"Facture {number}", vat, 0)
        line("AC", number, day, "401000", "Fournisseurs", f"Facture {number}", 0, amount + vat, "401MEDIA", "Agence")
        other += 2
        if category:
            spend[f"fec:AC/{number}/{account}"] = amount
        else:
            unmapped[account] = round(unmapped.get(account, 0) + amount, 2)
    number += 1  # a credit note on the first media invoice
    day = date(2026, 3, 1)
    line("AC", number, day, "6231", "Annonces et insertions", "Avoir", 0, 150.0)
    line("AC", number, day, "401000", "Fournisseurs", "Avoir", 150.0, 0, "401MEDIA", "Agence")
    other += 1
    spend[f"fec:AC/{number}/6231"] = -150.0
    line("BQ", number + 1, day, "512000", "Banque", "Règlement", 0, 1000.0)
    line("BQ", number + 1, day, "401000", "Fournisseurs", "Règlement", 1000.0, 0, "401MEDIA", "Agence")
    other += 2
    write(name, "\n".join(lines) + "\n")
    FEC_SPEND[name] = {"rows": len(spend), "total": round(sum(spend.values()), 2), "unmapped": unmapped,
                       "other_lines": other}


def xlsx_exports():
    """Meta Ads and a wide table as the tools' xlsx downloads: typed cells, dates as dates."""
    from openpyxl import Workbook

    rng, sums = random.Random(42), Sums()
    book = Workbook()
    sheet = book.active
    sheet.title = "Raw Data Report"
    sheet.append(["Campaign name", "Day", "Amount spent (EUR)", "Impressions", "Reach", "Link clicks", "CTR (all)"])
    for day in days(9):
        for campaign in ("Spring sale", "Retargeting"):
            spend, impr, clicks = round(rng.uniform(5, 90), 2), rng.randint(500, 9000), rng.randint(1, 200)
            sums.add("ad_cost", day, spend), sums.add("ad_impressions", day, impr), sums.add("ad_clicks", day, clicks)
            sheet.append([campaign, day, spend, impr, rng.randint(300, 4000), clicks, clicks / impr * 100])
    book.save(OUT / "meta_ads_by_day_en.xlsx")
    record("meta_ads_by_day_en.xlsx", "meta_ads", "en", sums, ["Campaign name", "Reach", "CTR (all)"])
    rng, sums = random.Random(43), Sums()
    book = Workbook()
    sheet = book.active
    sheet.append(["Suivi des leads"])
    sheet.append([])
    sheet.append(["date", "leads", "rdv", "Taux de rdv"])
    for day in days(11):
        leads, meetings = rng.randint(0, 30), rng.randint(0, 8)
        sums.add("leads", day, leads), sums.add("rdv", day, meetings)
        sheet.append([day, leads, meetings, meetings / leads if leads else 0])
    sheet.append(["Total", sums.sums["leads"], sums.sums["rdv"], None])
    book.save(OUT / "generic_workbook.xlsx")
    record("generic_workbook.xlsx", "generic", "en", sums, ["Taux de rdv"], totals=1)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    ga4_daily("ga4_traffic_acquisition_en.csv", "en", 1)
    ga4_daily("ga4_traffic_acquisition_fr.csv", "fr", 2)
    ga4_date_hour("ga4_date_hour_en.csv", 3)
    ga4_date_hour("ga4_date_heure_fr.csv", 38, "fr")
    ga4_snapshot("ga4_reports_snapshot_en.csv", "en", 4)
    ga4_snapshot("ga4_reports_snapshot_fr.csv", "fr", 5)
    ga4_exploration("ga4_exploration_en.csv", "en", 6)
    ga4_exploration("ga4_exploration_fr.csv", "fr", 7)
    gsc("search_console_dates_en.csv", "en", 8)
    gsc("search_console_dates_fr.csv", "fr", 9)
    gsc("search_console_chart_en.csv", "en", 10)
    gsc_queries("search_console_queries_en.csv")
    bing("bing_webmaster_small_days_en.csv", 11, True)
    bing("bing_webmaster_en.csv", 12, False)
    matomo("matomo_visits_en.tsv", "en", 13)
    matomo("matomo_visits_fr.tsv", "fr", 14)
    google_ads("google_ads_campaigns_by_day_en.csv", "en", 15)
    google_ads("google_ads_campaigns_by_day_fr.csv", "fr", 16)
    google_ads("google_ads_excel_utf16_en.csv", "en", 17, excel=True)
    google_ads("google_ads_excel_utf16_fr.csv", "fr", 18, excel=True)
    google_ads("google_ads_campaigns_total_en.csv", "en", 19, by_day=False)
    microsoft_ads("microsoft_ads_campaigns_mdy_en.csv", 20, iso=False)
    microsoft_ads("microsoft_ads_campaigns_iso_en.csv", 21, iso=True)
    meta("meta_ads_by_day_en.csv", "en", 22)
    meta("meta_ads_by_day_fr.csv", "fr", 23)
    meta("meta_ads_reporting_period_en.csv", "en", 24, by_day=False)
    meta_reporting_days("meta_ads_daily_without_day_column_en.csv", 44)
    meta_fr_semicolon("meta_ads_excel_fr.csv", 45)
    linkedin("linkedin_campaigns_en.csv", "en", 25)
    linkedin("linkedin_campaigns_fr.csv", "fr", 26)
    mailchimp("mailchimp_campaigns_en.csv", 27)
    klaviyo("klaviyo_campaigns_en.csv", 28)
    brevo("brevo_campaigns_en.csv", "en", 29)
    brevo("brevo_campagnes_fr.csv", "fr", 30)
    hubspot("hubspot_emails_en.csv", "en", 31)
    hubspot("hubspot_emails_fr.csv", "fr", 32)
    generic_fr_excel("generic_excel_fr.csv", 33)
    generic_channels("generic_channel_column.csv", 34)
    generic_dates("generic_month_first.csv", "clear", 35)
    generic_dates("generic_ambiguous_dates.csv", "ambiguous", 36)
    generic_dates("generic_mixed_dates.csv", "mixed", 37)
    xlsx_exports()
    fec("123456789FEC20261231.txt", 40)
    fec("fec_pipe_montant_sens.txt", 41, pipe=True, sense=True)
    (OUT / "expected_spend.yaml").write_text(
        "# What each FEC holds on the kit's default accounts (623x), from the values written.\n"
        + yaml.safe_dump(FEC_SPEND, sort_keys=True, allow_unicode=True), encoding="utf-8")
    (OUT / "expected.yaml").write_text(
        "# What each export holds, from the values scripts/make_export_corpus.py wrote (not from the importer).\n"
        + yaml.safe_dump(EXPECTED, sort_keys=True, allow_unicode=True), encoding="utf-8")
    print(f"{len(EXPECTED)} exports in {OUT}")


if __name__ == "__main__":
    main()
