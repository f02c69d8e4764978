"""Generate the CSV tables of data/example (a fictional B2C e-commerce plan).

The qualitative files (plan.yaml, audit.yaml, personas.yaml) are written by
hand; the tables are written here once, with a fixed seed, so the daily
actuals and spend are reproducible. Run: python scripts/make_example.py
"""
from __future__ import annotations

import math
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planlib.core import schema as S  # noqa: E402
from planlib.core.io.writers import write_csv  # noqa: E402

SEED = 2026
YEAR = 2026

OBJECTIVES = [
    ("B1", "business", "Reach 3 M€ of revenue in 2026 (+20%)", "", "Camille"),
    ("B2", "business", "Keep marketing spend under 6% of revenue", "", "Camille"),
    ("B3", "business", "Grow the share of repeat customers to 45%", "", "Camille"),
    ("B4", "business", "Make marketplaces 10% of revenue", "", "Camille"),
    ("M1", "marketing", "Bring more qualified visitors to the shop", "B1", "Hugo"),
    ("M2", "marketing", "Turn more visits into orders", "B1", "Thomas"),
    ("M3", "marketing", "Raise the average basket", "B1", "Camille"),
    ("M4", "marketing", "Acquire customers at a lower cost", "B2", "Hugo"),
    ("M5", "marketing", "Grow the newsletter audience", "B3", "Nadia"),
    ("M6", "marketing", "Make emails more engaging", "B3", "Nadia"),
    ("M7", "marketing", "Build brand awareness on Instagram", "B3", "Léa"),
    ("M8", "marketing", "Develop marketplace sales", "B4", "Hugo"),
]

# id, objective, title, kpi, baseline, target, unit, deadline, priority, impact, effort, levers, owner
KEY_RESULTS = [
    ("KR01", "M1", "Reach 2.9 M sessions over the year", "K01", 2400000, 2900000, "sessions", "2026-12-31", "high", 5, 3, "SEO, search ads, social", "Hugo", "P1,P2,P3"),
    ("KR02", "M2", "Raise the conversion rate from 1.6% to 2.1%", "K02", 1.6, 2.1, "%", "2026-12-31", "high", 5, 4, "checkout redesign, reviews, A/B tests", "Thomas", "P1,P2"),
    ("KR03", "M3", "Raise the average order value from 62 € to 70 €", "K04", 62, 70, "€", "2026-12-31", "medium", 4, 2, "bundles, free delivery threshold", "Camille", "P1,P2"),
    ("KR04", "M1", "Reach 3 M€ of online revenue", "K03", 2500000, 3000000, "€", "2026-12-31", "high", 5, 4, "all channels", "Camille", "P1,P2,P3"),
    ("KR05", "M4", "Lower the ad cost per new customer from 8.50 € to 7 €", "K11", 8.5, 7, "€", "2026-12-31", "high", 4, 3, "bidding, targeting, creative tests", "Hugo", "P1,P3"),
    ("KR06", "M4", "Keep the cost per click under 0.55 €", "K10", 0.62, 0.55, "€", "2026-09-30", "medium", 3, 2, "negative keywords, quality score", "Hugo", "P2"),
    ("KR07", "M5", "Collect 12 000 new newsletter subscribers", "K06", 8000, 12000, "subscribers", "2026-12-31", "high", 4, 2, "lead magnet, pop-in, contests", "Nadia", "P1,P2"),
    ("KR08", "M6", "Raise the email open rate from 24% to 30%", "K07", 24, 30, "%", "2026-12-31", "medium", 3, 2, "segmentation, subject tests", "Nadia", "P1,P2"),
    ("KR09", "M6", "Raise the email click rate from 2.5% to 3.5%", "K08", 2.5, 3.5, "%", "2026-12-31", "medium", 3, 3, "personalised content", "Nadia", "P1,P2"),
    ("KR10", "M7", "Reach 40 000 Instagram followers", "K13", 25000, 40000, "followers", "2026-12-31", "medium", 3, 3, "influencers, reels, contests", "Léa", "P1,P3"),
    ("KR11", "M7", "Collect 1 500 customer reviews", "K14", 900, 1500, "reviews", "2026-12-31", "low", 2, 1, "post-purchase emails", "Nadia", "P1,P2,P3"),
    ("KR12", "M8", "Reach 300 000 € of marketplace revenue", "K15", 120000, 300000, "€", "2026-12-31", "high", 4, 4, "catalogue on two marketplaces", "Hugo", "P3"),
]

# id, name, formula, unit, aggregation, direction, description
KPIS = [
    ("K01", "Sessions", "sessions", "sessions", "sum", "up", "Visits to the online shop"),
    ("K02", "Conversion rate", "orders / sessions * 100", "%", "sum", "up", "Orders per 100 sessions"),
    ("K03", "Revenue", "revenue", "€", "sum", "up", "Online shop revenue, VAT excluded"),
    ("K04", "Average order value", "revenue / orders", "€", "sum", "up", "Revenue per order"),
    ("K05", "New customers", "new_customers", "customers", "sum", "up", "First-time buyers"),
    ("K06", "Newsletter signups", "newsletter_signups", "subscribers", "sum", "up", "New subscribers"),
    ("K07", "Email open rate", "emails_opened / emails_sent * 100", "%", "sum", "up", "Opens per 100 emails sent"),
    ("K08", "Email click rate", "emails_clicked / emails_sent * 100", "%", "sum", "up", "Clicks per 100 emails sent"),
    ("K09", "Ad click-through rate", "ad_clicks / ad_impressions * 100", "%", "sum", "up", "Clicks per 100 impressions"),
    ("K10", "Cost per click", "ad_cost / ad_clicks", "€", "sum", "down", "Search and social ads"),
    ("K11", "Cost per new customer", "ad_cost / new_customers", "€", "sum", "down", "Ad cost per first-time buyer"),
    ("K12", "Return on ad spend", "revenue / ad_cost", "ratio", "sum", "up", "Revenue per euro of ads"),
    ("K13", "Instagram followers", "instagram_followers", "followers", "last", "up", "Followers at the end of the period"),
    ("K14", "Reviews received", "reviews_received", "reviews", "sum", "up", "Customer reviews collected"),
    ("K15", "Marketplace revenue", "marketplace_revenue", "€", "sum", "up", "Revenue on marketplaces"),
]

# id, name, type, reach, cost, fit, notes
# id, name, type, kind, platform, cost model, skills (empty: the catalogue's), chosen, change, reach, cost, fit, notes
CHANNELS = [
    ("C01", "Online shop", "owned", "website", "", "", "", "yes", "", 4, 2, 5, "Where every journey ends"),
    ("C02", "SEO and blog", "owned", "seo", "", "", "", "yes", "", 4, 2, 4, "Guides and advice articles"),
    ("C03", "Search ads", "paid", "search_ads", "Google Ads", "", "", "yes", "", 5, 4, 4, "Brand and generic"),
    ("C04", "Social ads", "paid", "social_ads", "Meta", "", "", "yes", "", 5, 3, 4, "Prospecting and retargeting"),
    ("C05", "Instagram", "owned", "social_organic", "Instagram", "", "", "yes", "", 4, 2, 5, "Reels, stories, community"),
    ("C06", "Newsletter", "owned", "emailing", "", "", "", "yes", "", 3, 1, 5, "Weekly, 45 000 subscribers"),
    ("C07", "Influencers", "paid", "influence", "Instagram", "", "", "yes", "", 4, 3, 4,
     "Micro-influencers, home and garden"),
    ("C08", "Press relations", "earned", "press_relations", "", "", "", "yes", "", 3, 2, 3,
     "Home, garden and consumer press"),
    ("C09", "Marketplaces", "paid", "marketplace", "", "", "", "yes", "", 5, 3, 3,
     "Two eco marketplaces, commission on sales"),
    ("C10", "Trade fairs and events", "paid", "events", "", "", "", "yes", "", 2, 5, 3,
     "Garden fair in spring, Christmas market"),
    ("C12", "Podcast sponsoring", "paid", "partnerships", "", "flat_fee", "partnerships,audio", "no", "", 2, 3, 3,
     "A candidate: gardening podcasts, not chosen this year"),
]

# id, persona, channel, format, message, proof, call to action, variant
MESSAGES = [
    ("MS01", "P1", "C04", "social_post", "Safe for the kids, good for the planet: our essentials tested by parents",
     "Tested by 200 parent panellists", "Discover the range", "A"),
    ("MS02", "P1", "C04", "social_post", "30 minutes saved every week with our ready-to-use cleaning kits",
     "Timed by our customer panel", "Try the kit", "B"),
    ("MS03", "P1", "C06", "email_subject", "Five swaps for a greener family home", "", "Read and shop", "A"),
    ("MS04", "P1", "C06", "email_subject", "Your children's room, without harmful chemicals", "", "Read and shop", "B"),
    ("MS05", "P1", "C05", "social_post", "Real homes, real parents: how Claire went zero-plastic in the kitchen",
     "A customer's real kitchen", "See the reel", "A"),
    ("MS06", "P1", "C05", "social_post", "One shelf, zero plastic: a parent's kitchen in 30 seconds",
     "A customer's real kitchen", "See the reel", "B"),
    ("MS07", "P1", "C01", "page_title", "Eco home essentials, tested by parents", "Free returns for 60 days",
     "Order now", "A"),
    ("MS08", "P1", "C01", "page_title", "Safe, green home products delivered in 48 h", "Free returns for 60 days",
     "Order now", "B"),
    ("MS09", "P2", "C02", "meta_description",
     "The complete guide to natural pest control in the vegetable garden, season by season.",
     "Written with our gardeners", "Read the guide", "A"),
    ("MS10", "P2", "C02", "meta_description",
     "Aphids, slugs, mildew: what really works without chemicals, tested in our own garden.",
     "Written with our gardeners", "Read the guide", "B"),
    ("MS11", "P2", "C03", "search_ad_headline", "Tools built to last 20 years", "20-year guarantee", "See the tools", "A"),
    ("MS12", "P2", "C03", "search_ad_headline", "Ask our gardeners first", "Phone and chat advice",
     "Ask an expert", "B"),
    ("MS13", "P2", "C06", "email_subject", "What to sow and prune this month", "", "Get the calendar", "A"),
    ("MS14", "P2", "C06", "email_subject", "Your garden calendar for the month", "", "Get the calendar", "B"),
    ("MS15", "P2", "C08", "press_release", "A Lyon company makes eco gardening mainstream", "Sales +20 % in 2025",
     "Press kit", "A"),
    ("MS16", "P2", "C08", "press_release", "Repair, not replace: the garden tools guaranteed for 20 years",
     "Repair service figures", "Press kit", "B"),
    ("MS17", "P3", "C05", "social_post", "Zero-waste starter kit under 25 €", "Price checked against 3 shops",
     "Shop the kit", "A"),
    ("MS18", "P3", "C05", "social_post", "Your first zero-waste week costs less than a pizza night",
     "Price checked against 3 shops", "Shop the kit", "B"),
    ("MS19", "P3", "C07", "social_post", "What our favourite creators actually use at home", "Unpaid product picks",
     "Use the creator's code", "A"),
    ("MS20", "P3", "C07", "social_post", "Less packaging, more impact: our shipping promise", "Packaging cut by 40 %",
     "Learn more", "B"),
    ("MS21", "P3", "C09", "page_title", "Eco bestsellers, now on your marketplace", "", "See the shop", "A"),
    ("MS22", "P3", "C09", "page_title", "Zero-waste kits from a Lyon eco brand", "", "See the shop", "B"),
]

W_ACQ, W_CONTENT, W_CRM, W_SITE, W_MARKET, W_EVENTS = (
    "Acquisition", "Content and social", "CRM and email", "Site and conversion", "Marketplaces", "Events and PR")

# id, workstream, name, description, kr, kpi, channel, owner, priority, impact, difficulty,
# status, start, end, deadline, person_days, recurrence, depends_on
ACTIONS = [
    ("A01", W_SITE, "SEO audit", "Technical and content audit of the shop by the SEO freelancer", "KR01", "K01", "C02", "Thomas", "high", 4, 2, "done", "2026-01-05", "2026-01-30", "2026-01-31", 8, "none", ""),
    ("A02", W_SITE, "Rewrite top 200 product pages", "Titles, descriptions and FAQ for the best sellers", "KR01", "K01", "C02", "Thomas", "high", 4, 3, "done", "2026-02-02", "2026-04-10", "2026-04-15", 20, "none", "A01"),
    ("A03", W_CONTENT, "Gardening guides for the blog", "Two long guides a month, written with our gardeners", "KR01", "K01", "C02", "Léa", "medium", 3, 2, "in_progress", "2026-02-02", "2026-12-18", "", 24, "monthly", "A01"),
    ("A04", W_ACQ, "Search ads always-on", "Brand and generic campaigns, weekly bid review", "KR05", "K11", "C03", "Hugo", "high", 5, 2, "in_progress", "2026-01-05", "2026-12-31", "", 40, "continuous", ""),
    ("A05", W_ACQ, "Negative keywords clean-up", "Cut wasted clicks before the spring season", "KR06", "K10", "C03", "Hugo", "medium", 3, 1, "done", "2026-02-16", "2026-02-27", "2026-03-01", 3, "none", "A04"),
    ("A06", W_ACQ, "Social ads prospecting", "Lookalike audiences on parents and gardeners", "KR05", "K11", "C04", "Hugo", "high", 4, 3, "in_progress", "2026-03-02", "2026-12-18", "", 30, "continuous", "A10"),
    ("A07", W_ACQ, "Retargeting of cart abandoners", "Dynamic product ads for 7 days after abandonment", "KR02", "K02", "C04", "Hugo", "high", 4, 2, "done", "2026-03-02", "2026-03-20", "2026-03-31", 4, "none", "A06"),
    ("A08", W_ACQ, "Quarterly ad creative refresh", "New visuals and copy for search and social ads", "KR05", "K09", "C04", "Léa", "medium", 3, 2, "in_progress", "2026-01-12", "2026-12-11", "", 12, "quarterly", ""),
    ("A09", W_ACQ, "Black Friday campaign", "Ads, emails and homepage for the Black Friday week", "KR04", "K03", "C03", "Hugo", "high", 5, 4, "in_progress", "2026-10-19", "2026-11-30", "2026-11-30", 15, "none", "A08"),
    ("A10", W_CONTENT, "Product photo shoot", "Lifestyle photos of 150 products for ads and pages", "KR02", "K02", "C01", "Léa", "high", 4, 3, "done", "2026-02-09", "2026-02-27", "2026-02-28", 10, "none", ""),
    ("A11", W_CONTENT, "Instagram reels", "Three reels a week: tips, behind the scenes, customers", "KR10", "K13", "C05", "Léa", "medium", 3, 2, "in_progress", "2026-01-05", "2026-12-31", "", 45, "weekly", ""),
    ("A12", W_CONTENT, "Micro-influencer programme", "Ten creators a month with a personal discount code", "KR10", "K13", "C07", "Léa", "high", 4, 3, "in_progress", "2026-03-02", "2026-12-18", "", 24, "monthly", "A10"),
    ("A13", W_CONTENT, "Instagram contest for the spring", "Win a garden kit; follow and tag a friend", "KR10", "K13", "C05", "Léa", "low", 2, 1, "done", "2026-04-06", "2026-04-24", "2026-04-30", 3, "none", "A11"),
    ("A14", W_CONTENT, "User-generated content gallery", "Customer photos on product pages", "KR02", "K02", "C01", "Thomas", "medium", 3, 3, "planned", "2026-11-16", "2026-12-11", "2026-12-15", 6, "none", "A12"),
    ("A15", W_CRM, "Weekly newsletter", "Advice, new products and one offer every Thursday", "KR08", "K07", "C06", "Nadia", "high", 4, 1, "in_progress", "2026-01-08", "2026-12-31", "", 50, "weekly", ""),
    ("A16", W_CRM, "Lead magnet: garden calendar", "Downloadable calendar in exchange for an email", "KR07", "K06", "C06", "Nadia", "high", 4, 2, "done", "2026-03-02", "2026-03-13", "2026-03-15", 6, "none", "A10"),
    ("A17", W_CRM, "Signup pop-in with 10% welcome offer", "Exit-intent pop-in on the shop", "KR07", "K06", "C01", "Thomas", "medium", 3, 1, "done", "2026-03-16", "2026-03-20", "2026-03-31", 2, "none", "A16"),
    ("A18", W_CRM, "Welcome email sequence", "Five emails over three weeks for new subscribers", "KR09", "K08", "C06", "Nadia", "high", 4, 2, "done", "2026-03-16", "2026-04-03", "2026-04-10", 6, "none", "A16"),
    ("A19", W_CRM, "Segmentation of the email base", "Parents, gardeners, students, from purchases and clicks", "KR08", "K07", "C06", "Nadia", "high", 4, 3, "done", "2026-04-06", "2026-05-15", "2026-05-31", 8, "none", "A18"),
    ("A20", W_CRM, "Post-purchase review requests", "Email 10 days after delivery asking for a review", "KR11", "K14", "C06", "Nadia", "low", 2, 1, "done", "2026-03-16", "2026-03-27", "", 2, "none", ""),
    ("A21", W_CRM, "Win-back campaign for lapsed customers", "Customers with no order for 12 months", "KR04", "K03", "C06", "Nadia", "medium", 3, 2, "done", "2026-09-07", "2026-09-25", "2026-09-30", 4, "none", "A19"),
    ("A22", W_CRM, "Monthly subject-line A/B tests", "Two subject lines on 20% of the base, winner to the rest", "KR08", "K07", "C06", "Nadia", "low", 2, 1, "in_progress", "2026-02-05", "2026-12-17", "", 6, "monthly", "A15"),
    ("A23", W_SITE, "Mobile checkout redesign", "One-page checkout, wallet payments, fewer fields", "KR02", "K02", "C01", "Thomas", "high", 5, 5, "done", "2026-04-13", "2026-06-19", "2026-06-23", 30, "none", "A01"),
    ("A24", W_SITE, "Free delivery threshold at 69 €", "Raise the threshold from 49 € and show progress in the cart", "KR03", "K04", "C01", "Camille", "medium", 4, 1, "done", "2026-05-04", "2026-05-15", "2026-05-18", 2, "none", "A23"),
    ("A25", W_SITE, "Product bundles", "Ready-made bundles for the kitchen, the garden and kids", "KR03", "K04", "C01", "Camille", "medium", 4, 2, "done", "2026-05-04", "2026-06-12", "2026-06-15", 8, "none", ""),
    ("A26", W_SITE, "Monthly A/B test on product pages", "One test a month: photos, reviews, delivery promise", "KR02", "K02", "C01", "Thomas", "medium", 3, 3, "in_progress", "2026-07-01", "2026-12-18", "", 12, "monthly", "A23"),
    ("A27", W_SITE, "Customer reviews widget", "Verified reviews on every product page", "KR11", "K14", "C01", "Thomas", "medium", 3, 2, "done", "2026-03-02", "2026-03-20", "2026-03-31", 4, "none", ""),
    ("A28", W_MARKET, "Marketplace selection", "Compare fees, audience and rules of four marketplaces", "KR12", "K15", "C09", "Hugo", "high", 4, 2, "done", "2026-01-12", "2026-02-06", "2026-02-15", 5, "none", ""),
    ("A29", W_MARKET, "Catalogue feed for marketplaces", "Product feed, prices and stock synchronised daily", "KR12", "K15", "C09", "Thomas", "high", 4, 4, "done", "2026-02-16", "2026-03-27", "2026-03-31", 12, "none", "A28"),
    ("A30", W_MARKET, "Launch on the first marketplace", "300 products, launch offer", "KR12", "K15", "C09", "Hugo", "high", 5, 3, "done", "2026-04-01", "2026-04-30", "2026-04-30", 8, "none", "A29"),
    ("A31", W_MARKET, "Launch on the second marketplace", "Best sellers only, then widen", "KR12", "K15", "C09", "Hugo", "medium", 4, 3, "done", "2026-09-01", "2026-09-30", "2026-10-15", 8, "none", "A30"),
    ("A32", W_MARKET, "Marketplace sponsored products", "Sponsored listings during peaks", "KR12", "K15", "C09", "Hugo", "medium", 3, 2, "in_progress", "2026-05-04", "2026-12-18", "", 10, "monthly", "A30"),
    ("A33", W_EVENTS, "Spring garden fair", "Stand at the regional garden fair, demos and newsletter signups", "KR07", "K06", "C10", "Camille", "medium", 3, 4, "done", "2026-03-27", "2026-03-29", "2026-03-29", 6, "none", "A16"),
    ("A34", W_EVENTS, "Press kit and launch of the garden range", "Press kit, samples to 40 journalists", "KR10", "K13", "C08", "Camille", "medium", 3, 2, "done", "2026-03-02", "2026-03-13", "2026-03-15", 5, "none", "A10"),
    ("A35", W_EVENTS, "Christmas market pop-up", "Two weeks in Lyon city centre", "KR04", "K03", "C10", "Camille", "medium", 3, 4, "planned", "2026-12-05", "2026-12-20", "2026-12-20", 12, "none", "A36"),
    ("A36", W_EVENTS, "Christmas gift guide", "Gift guide in the shop, the newsletter and the press", "KR04", "K03", "C08", "Léa", "high", 4, 2, "in_progress", "2026-11-02", "2026-11-27", "2026-11-27", 6, "none", ""),
    ("A37", W_ACQ, "Quarterly marketing review", "Review KPIs and budget with the management", "KR04", "K03", "C01", "Camille", "high", 3, 1, "in_progress", "2026-03-30", "2026-12-18", "", 4, "quarterly", ""),
    ("A38", W_ACQ, "Display retargeting test", "Small test after last year's poor results", "KR05", "K11", "C04", "Hugo", "low", 2, 2, "cancelled", "2026-06-01", "2026-06-26", "", 2, "none", ""),
    ("A39", W_CONTENT, "Podcast with gardeners", "Monthly episode, to be decided after the spring", "KR10", "K13", "C05", "Léa", "low", 2, 4, "idea", "", "", "", 15, "monthly", ""),
    ("A40", W_CRM, "Loyalty programme study", "Points or membership: survey and business case", "KR04", "K03", "C01", "Camille", "medium", 4, 3, "planned", "2026-11-30", "2026-12-18", "2026-12-18", 6, "none", "A19"),
]

# Budget lines: label, action, category, period, amount, cost_type, rate, driver, schedule, channel
def budget_lines() -> list[tuple]:
    lines = []
    quarters = [f"{YEAR}-Q{q}" for q in range(1, 5)]
    search = [14000, 12000, 11000, 19000]
    social = [7000, 9000, 8000, 12000]
    influencers = [0, 4000, 4000, 6000]
    creatives = [2500, 2500, 2500, 3500]
    for q, amount in zip(quarters, search):
        lines.append((f"Search ads {q}", "A04", "media", q, amount, "fixed", "", "", "", "C03"))
    for q, amount in zip(quarters, social):
        lines.append((f"Social ads {q}", "A06", "media", q, amount, "fixed", "", "", "", "C04"))
    for q, amount in zip(quarters, influencers):
        if amount:
            lines.append((f"Influencer fees {q}", "A12", "agencies", q, amount, "fixed", "", "", "", "C07"))
    for q, amount in zip(quarters, creatives):
        lines.append((f"Ad creatives {q}", "A08", "production", q, amount, "fixed", "", "", "", "C04"))
    tools = [("Emailing platform", 650, "A15", "C06"), ("Reviews widget", 180, "A27", "C01"),
             ("A/B testing tool", 320, "A26", "C01"), ("Social media scheduler", 90, "A11", "C05")]
    for label, monthly, action, channel in tools:
        for q in quarters:
            lines.append((f"{label} {q}", action, "tools", q, monthly * 3, "fixed", "", "", "", channel))
    lines += [
        ("SEO audit", "A01", "agencies", f"{YEAR}-01", 4800, "fixed", "", "", "", "C02"),
        ("Product page copywriting", "A02", "agencies", f"{YEAR}-Q1", 9000, "fixed", "", "", "30% start; 70% end", "C02"),
        ("Blog guides, freelance writers H1", "A03", "agencies", f"{YEAR}-H1", 6000, "fixed", "", "", "", "C02"),
        ("Blog guides, freelance writers H2", "A03", "agencies", f"{YEAR}-H2", 6000, "fixed", "", "", "", "C02"),
        ("Photo shoot, studio and photographer", "A10", "production", f"{YEAR}-02", 7500, "fixed", "", "", "40% 2026-01-20; 60% end", "C01"),
        ("Lead magnet design and print", "A16", "production", f"{YEAR}-02", 1800, "fixed", "", "", "", "C06"),
        ("Mobile checkout redesign, web agency", "A23", "agencies", f"{YEAR}-Q2", 18000, "fixed", "", "", "25% start; 75% end", "C01"),
        ("Bundles packaging", "A25", "production", f"{YEAR}-05", 2200, "fixed", "", "", "", "C01"),
        ("Marketplace study", "A28", "studies", f"{YEAR}-01", 2500, "fixed", "", "", "", "C09"),
        ("Catalogue feed connector", "A29", "tools", f"{YEAR}-Q1", 3600, "fixed", "", "", "50% start; 50% end", "C09"),
        ("Marketplace commission, first marketplace", "A30", "media", f"{YEAR}", "", "variable", 12, "marketplace_revenue_1", "", "C09"),
        ("Marketplace commission, second marketplace", "A31", "media", f"{YEAR}-H2", "", "variable", 10, "marketplace_revenue_2", "", "C09"),
        ("Marketplace sponsored products", "A32", "media", f"{YEAR}-H2", 7000, "fixed", "", "", "", "C09"),
        ("Spring garden fair stand", "A33", "events", f"{YEAR}-03", 6500, "fixed", "", "", "50% 2026-01-15; 50% end", "C10"),
        ("Press kit and samples", "A34", "production", f"{YEAR}-03", 2800, "fixed", "", "", "", "C08"),
        ("Press relations agency", "A34", "agencies", f"{YEAR}-Q1", 4500, "fixed", "", "", "", "C08"),
        ("Black Friday ads boost", "A09", "media", f"{YEAR}-11", 9000, "fixed", "", "", "", "C03"),
        ("Black Friday creatives", "A09", "production", f"{YEAR}-10", 2500, "fixed", "", "", "", "C04"),
        ("Christmas pop-up rent", "A35", "events", f"{YEAR}-12", 8000, "fixed", "", "", "30% 2026-10-01; 70% start", "C10"),
        ("Christmas pop-up fittings", "A35", "events", f"{YEAR}-12", 3500, "fixed", "", "", "", "C10"),
        ("Gift guide layout and print", "A36", "production", f"{YEAR}-11", 2600, "fixed", "", "", "", "C08"),
        ("Loyalty programme survey", "A40", "studies", f"{YEAR}-12", 3000, "fixed", "", "", "", "C01"),
        ("Customer satisfaction survey", "", "studies", f"{YEAR}-Q2", 2000, "fixed", "", "", "", ""),
        ("Brand awareness barometer", "", "studies", f"{YEAR}-Q4", 3500, "fixed", "", "", "", ""),
        ("Spring contest prizes", "A13", "other", f"{YEAR}-04", 800, "fixed", "", "", "", "C05"),
        ("Win-back offer vouchers", "A21", "other", f"{YEAR}-09", 1500, "fixed", "", "", "", "C06"),
        ("Unallocated reserve", "", "other", f"{YEAR}", 3000, "fixed", "", "", "", ""),
        ("Trade press advertising, spring issue", "A34", "media", f"{YEAR}-04", 3200, "fixed", "", "", "", "C08"),
        ("Display retargeting test", "A38", "media", f"{YEAR}-06", 2000, "fixed", "", "", "", "C04"),
    ]
    return lines


# Daily base metrics: name -> (typical daily value, weekly and yearly seasonality strength)
def seasonal(day: date) -> float:
    """Demand index: spring garden season, summer low, Black Friday and Christmas peaks."""
    doy = day.timetuple().tm_yday
    spring = 0.35 * math.exp(-((doy - 105) / 30) ** 2)
    winter_sales = 0.2 * math.exp(-((doy - 20) / 10) ** 2)
    black_friday = 0.9 * math.exp(-((doy - 328) / 4) ** 2)
    christmas = 0.5 * math.exp(-((doy - 345) / 9) ** 2)
    summer = -0.2 * math.exp(-((doy - 220) / 18) ** 2)
    return 1 + spring + winter_sales + black_friday + christmas + summer


def actual_rows(rng: random.Random) -> list[dict]:
    rows, followers = [], 25000.0
    day, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    while day <= end:
        growth = 1 + 0.22 * (day.timetuple().tm_yday / 365)  # the plan's actions pay off over the year
        season = seasonal(day) * (0.92 if day.weekday() >= 5 else 1.03)
        noise = lambda: rng.uniform(0.9, 1.1)  # noqa: E731
        sessions = 6800 * season * growth * noise()
        conversion = (0.0155 + 0.005 * day.timetuple().tm_yday / 365) * noise()
        orders = sessions * conversion
        basket = (62 + 7 * day.timetuple().tm_yday / 365) * noise()
        impressions = 26000 * season * noise()
        clicks = impressions * 0.021 * noise()
        cost_per_click = (0.62 - 0.08 * day.timetuple().tm_yday / 365) * noise()
        emails = 45000 * (1 + 0.25 * day.timetuple().tm_yday / 365) if day.weekday() == 3 else 0
        open_rate = (0.24 + 0.05 * day.timetuple().tm_yday / 365) * noise()
        followers += 45 * season * noise()
        market = 0 if day < date(YEAR, 4, 1) else 700 * season * (1.6 if day >= date(YEAR, 9, 1) else 1) * noise()
        values = {
            "sessions": round(sessions), "orders": round(orders), "revenue": round(orders * basket, 2),
            "new_customers": round(orders * 0.35 * noise()), "newsletter_signups": round(32 * season * growth * noise()),
            "emails_sent": round(emails), "emails_opened": round(emails * open_rate),
            "emails_clicked": round(emails * open_rate * 0.11 * noise()),
            "ad_impressions": round(impressions), "ad_clicks": round(clicks), "ad_cost": round(clicks * cost_per_click, 2),
            "instagram_followers": round(followers), "reviews_received": round(3.5 * season * noise()),
            "marketplace_revenue": round(market, 2),
        }
        for metric, value in values.items():
            rows.append({"date": day.isoformat(), "metric": metric, "value": value, "channel_id": ""})
        day += timedelta(days=1)
    for n, row in enumerate(rows, 1):
        row["id"] = f"M{n:06d}"
    return rows


def spend_rows(budget: pd.DataFrame, rng: random.Random) -> list[dict]:
    """Invoices for the fixed lines: monthly for media and tools, one or two for the rest."""
    from planlib.core.periods import Calendar

    calendar = Calendar(YEAR)
    rows = []
    for line in budget.itertuples(index=False):
        if line.cost_type != "fixed" or line.label.startswith(("Display retargeting", "Unallocated")):
            continue
        period = calendar.parse(line.period)
        amount = float(line.amount)
        if line.category in ("media", "tools"):
            months = [p for p in calendar.periods("months") if period.start <= p.start <= period.end]
            parts = [(m.end, amount / len(months)) for m in months]
        else:
            parts = [(period.end - timedelta(days=rng.randint(0, min(20, period.days - 1))), amount)]
        for when, share in parts:
            rows.append({"date": when.isoformat(), "amount": round(share * rng.uniform(0.85, 1.12), 2),
                         "budget_line_id": line.id, "action_id": line.action_id, "category": line.category,
                         "supplier": SUPPLIERS.get(line.category, "Various"), "label": line.label})
    rows.sort(key=lambda r: (r["date"], r["budget_line_id"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"D{n:04d}"
    # An invoice with no budget line: the kind of thing step 6 flags.
    rows.append({"id": f"D{len(rows) + 1:04d}", "date": f"{YEAR}-07-10", "amount": 1200.0, "budget_line_id": "",
                 "action_id": "A20", "category": "production", "supplier": "Studio Reel", "label": "Review request email design"})
    return rows


SUPPLIERS = {"media": "Ad platforms", "tools": "Software vendors", "agencies": "Agencies and freelancers",
             "production": "Print and studio", "events": "Event organisers", "studies": "Research institutes",
             "other": "Various"}


def forecast_rows() -> list[dict]:
    """Monthly forecasts: the shop's revenue (3 M€ for the year) and each marketplace's sales."""
    weights = [seasonal(date(YEAR, month, 15)) for month in range(1, 13)]
    rows = [{"driver": "revenue", "period": f"{YEAR}-{m:02d}", "value": round(3_000_000 * w / sum(weights), 2),
             "channel_id": "C01"} for m, w in zip(range(1, 13), weights)]
    for month in range(4, 13):
        rows.append({"driver": "marketplace_revenue_1", "period": f"{YEAR}-{month:02d}",
                     "value": round(19000 * weights[month - 1], 2), "channel_id": "C09"})
    for month in range(9, 13):
        rows.append({"driver": "marketplace_revenue_2", "period": f"{YEAR}-{month:02d}",
                     "value": round(12000 * weights[month - 1], 2), "channel_id": "C09"})
    for n, row in enumerate(rows, 1):
        row["id"] = f"F{n:03d}"
    return rows


# The review's decisions so far: one done, one open and due after mid-year, one open and overdue by then.
DECISIONS = [
    ("D01", "2026-03-31", "KR12", "adjust", "Marketplace revenue at half its pace: add sponsored listings before the summer peak",
     "A32", "Hugo", "2026-04-30", "done"),
    ("D02", "2026-05-29", "KR02", "adjust", "Conversion rate below pace: move the mobile checkout redesign forward",
     "A23", "Thomas", "2026-06-12", "open"),
    ("D03", "2026-05-29", "KR07", "continue", "Newsletter signups ahead of pace: keep the lead magnet and the pop-in",
     "", "Nadia", "2026-09-30", "open"),
]


# Response curves as a weekly marketing mix model would give them (revenue per week against the week's spend):
# two Hill curves, a Michaelis-Menten one with their bands and fitted ranges, and the marketplaces sampled.
CURVES = [
    {"channel_id": "C03", "family": "hill", "top": 9000, "top_low": 7200, "top_high": 10800, "half": 900, "shape": 1.2,
     "fitted_from": 500, "fitted_to": 1500},
    {"channel_id": "C04", "family": "hill", "top": 6000, "top_low": 4500, "top_high": 7500, "half": 700, "shape": 1,
     "fitted_from": 400, "fitted_to": 1600},
    {"channel_id": "C07", "family": "michaelis_menten", "top": 3000, "top_low": 2100, "top_high": 3900, "half": 400,
     "fitted_from": 100, "fitted_to": 600},
    *({"channel_id": "C09", "family": "points", "spend": spend, "response": response, "low": round(response * 0.8),
       "high": round(response * 1.2)}
      for spend, response in ((0, 0), (300, 1500), (600, 2500), (900, 3100), (1200, 3400))),
]


def curve_rows() -> list[dict]:
    rows = [{"id": f"RC{n:02d}", "metric": "revenue", "period_days": 7, "source": "csv",
             **({"spend_scale": 1} if curve["family"] != "points" else {}), **curve}
            for n, curve in enumerate(CURVES, 1)]
    return [{key: str(value) for key, value in row.items()} for row in rows]


def frame(table: str, rows: list, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """A table's text frame from dicts or tuples (of `columns`, else of its first columns); the rest left empty."""
    names = S.TABLES[table].column_names
    if rows and isinstance(rows[0], dict):
        return pd.DataFrame(rows).reindex(columns=names, fill_value="").fillna("").astype(str)
    records = [dict(zip(columns or names, ("" if v is None else str(v) for v in r))) for r in rows]
    return pd.DataFrame(records).reindex(columns=names, fill_value="").fillna("").astype(str)


def write_example(folder: Path) -> None:
    rng = random.Random(SEED)
    objectives = frame("objectives", [(i, lvl, title, parent, owner, "") for i, lvl, title, parent, owner in OBJECTIVES])
    key_results = frame("key_results", KEY_RESULTS)
    kpis = frame("kpis", KPIS)
    channels = frame("channels", CHANNELS)
    messages = frame("messages", MESSAGES)
    actions = pd.DataFrame([[str(v) for v in a[:13]] + [a[13]] + ["", a[14]] + [str(v) for v in a[15:]] for a in ACTIONS],
                           columns=["id", "workstream", "name", "description", "key_result_id", "kpi_id", "channel_id",
                                    "owner", "priority", "impact", "difficulty", "status", "start", "end",
                                    "duration_days", "deadline", "person_days", "recurrence", "depends_on"])
    budget = pd.DataFrame([(f"B{n:03d}",) + tuple("" if v == "" else str(v) for v in line)
                           for n, line in enumerate(budget_lines(), 1)],
                          columns=["id", "label", "action_id", "category", "period", "amount", "cost_type", "rate",
                                   "driver", "schedule", "channel_id"])
    actuals = frame("actuals", actual_rows(rng))
    spend = frame("spend", spend_rows(budget, rng))
    forecasts = frame("forecasts", forecast_rows())
    decisions = frame("decisions", DECISIONS)
    curves = frame("curves", curve_rows())
    tables = {"objectives": objectives, "key_results": key_results, "kpis": kpis, "channels": channels,
              "messages": messages, "actions": actions, "forecasts": forecasts, "budget": budget,
              "actuals": actuals, "spend": spend, "curves": curves, "decisions": decisions}
    write_tables(folder, tables)


def write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Write a plan's tables as text, validate the plan, then rewrite them in canonical form."""
    from planlib import load_plan

    for name, table in tables.items():
        (folder / S.TABLES[name].file).write_text(table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    plan = load_plan(folder)
    for name in tables:
        write_csv(folder / S.TABLES[name].file, plan.tables[name], S.TABLES[name], keep_history=False)


if __name__ == "__main__":
    from example_2025 import write_previous

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "example"
    previous = target.parent / "example-2025"
    write_previous(previous)  # first: data/example names it as its previous plan
    write_example(target)
    print(f"wrote the tables of {previous} and {target}")
