"""Step 4's files: the channels with their scoring, and one message per persona and channel."""
from __future__ import annotations

from ...core.schema import BOOL, ENUM, ID, REF, SCORE, TEXT, Column, Table

CHANNEL_TYPES = ("owned", "paid", "earned")
COST_MODELS = ("cpc", "cpm", "cpa", "commission", "flat_fee", "subscription", "in_house")

# French and spoken words a person may type for a code; readers map them back to it.
ALIASES: dict[str, str] = {
    "propre": "owned", "payant": "paid", "gagné": "earned", "gagne": "earned",
    "cpc": "cpc", "coût par clic": "cpc", "cout par clic": "cpc", "cost per click": "cpc",
    "cost per thousand": "cpm", "coût pour mille": "cpm", "cout pour mille": "cpm",
    "cost per acquisition": "cpa", "coût par acquisition": "cpa", "cout par acquisition": "cpa",
    "forfait": "flat_fee", "flat fee": "flat_fee", "abonnement": "subscription",
    "in house": "in_house", "interne": "in_house", "en interne": "in_house",
}

TABLES: tuple[Table, ...] = (
    Table("channels", (
        Column("id", ID, required=True),
        Column("name", TEXT, required=True),
        Column("type", ENUM, allowed=CHANNEL_TYPES),
        Column("kind", TEXT, help="the catalogue's kind of channel: seo, search_ads, social_ads, emailing..."),
        Column("platform", help="for a social network or a marketplace: which one"),
        Column("cost_model", ENUM, allowed=COST_MODELS, help="how it is paid; the catalogue's when empty"),
        Column("skills", TEXT, help="skills it needs, comma separated; the catalogue's when empty"),
        Column("chosen", BOOL, default="yes", help="yes when the plan uses it, no for a candidate"),
        Column("change", help="what changes from last year, for a channel last year's review dropped"),
        Column("reach", **SCORE),
        Column("cost", **SCORE),
        Column("fit", **SCORE),
        Column("notes"),
    ), "Channels and their scoring."),
    Table("messages", (
        Column("id", ID, required=True),
        Column("persona_id", REF, required=True, ref="personas"),
        Column("channel_id", REF, required=True, ref="channels"),
        Column("format", TEXT, help="search_ad_headline, email_subject, sms...: its length limit is checked"),
        Column("message", TEXT, required=True),
        Column("proof", help="why the persona should believe it"),
        Column("call_to_action"),
        Column("variant", help="A, B...: two or more variants of a message to test"),
    ), "One message per persona and channel, with variants."),
)
