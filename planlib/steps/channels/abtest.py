"""A/B tests of messages: how many visitors a test needs, and what its result says.

Sizing uses Cohen's effect size h for two proportions (h = 2 asin sqrt(p2) -
2 asin sqrt(p1), statsmodels' `proportion_effectsize`) with the normal power
of `NormalIndPower`: the arcsine makes the variance of a rate independent of
the rate itself, so one formula holds from a 2 % click rate to a 40 % open
rate, and the results match Cohen's published tables (Statistical Power
Analysis, 1988, table 6.4.1). With more than two variants, each is compared
with the control at alpha / (variants - 1) (Bonferroni). The duration is
rounded up to whole weeks, so every weekday is seen as often as the others.

Reading gives the difference B - A, its 95 % interval by Newcombe's hybrid
score method (better than the textbook Wald interval on small counts;
Newcombe, Statistics in Medicine 1998, method 10) and the two-sided p-value
of the pooled two-proportion z-test.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from ...core.errors import CodedError
from ...core.i18n import format_number, format_percent, tr


@dataclass(frozen=True)
class Size:
    baseline: float
    target: float
    alpha: float
    power: float
    one_sided: bool
    variants: int
    effect_size: float  # Cohen's h
    alpha_per_comparison: float
    per_variant: int
    total: int
    daily: float | None
    days: int | None  # whole weeks of days
    weeks: int | None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Reading:
    a_conversions: int
    a_visitors: int
    b_conversions: int
    b_visitors: int
    rate_a: float
    rate_b: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    significant: bool

    def as_dict(self) -> dict:
        return asdict(self)


def rate(text, option: str) -> float:
    """A rate from `0.20`, `0,20` or `20%`; strictly between 0 and 1."""
    value = number(text, option)
    if isinstance(text, str) and text.strip().endswith("%"):
        value /= 100
    if not 0 < value < 1:
        raise CodedError("option_not_rate", "rate_option", option=option, value=text)
    return value


def number(text, option: str) -> float:
    try:
        value = float(str(text).strip().rstrip("%").strip().replace(",", "."))
    except ValueError:
        raise CodedError("option_not_number", "number", option=option, value=text) from None
    if not math.isfinite(value):
        raise CodedError("option_not_number", "number", option=option, value=text)
    return value


def counts(text: str, option: str) -> tuple[int, int]:
    """`200/1000` as (200 conversions, 1000 visitors)."""
    found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(text))
    if not found:
        raise CodedError("option_not_counts", "counts", option=option, value=text)
    conversions, visitors = int(found.group(1)), int(found.group(2))
    if visitors == 0:
        raise CodedError("option_no_visitors", "counts", option=option, value=text)
    if conversions > visitors:
        raise CodedError("option_count_over_total", "counts", option=option, value=text)
    return conversions, visitors


def size(baseline, target, alpha=0.05, power=0.8, one_sided=False, daily=None, variants=2) -> Size:
    """Visitors per variant and in all to detect a change from `baseline` to `target`."""
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    p1, p2 = rate(baseline, "--baseline"), rate(target, "--target")
    if p1 == p2:
        raise CodedError("option_target_equals_baseline", "target_differs", option="--target", value=target)
    alpha = number(alpha, "--alpha")
    if not 0 < alpha < 0.5:
        raise CodedError("option_out_of_range", "range", option="--alpha", value=alpha, low=0, high=0.5)
    power = number(power, "--power")
    if not 0.5 <= power < 1:
        raise CodedError("option_out_of_range", "range", option="--power", value=power, low=0.5, high=1)
    count = number(variants, "--variants")
    if count < 2 or not float(count).is_integer():
        raise CodedError("option_out_of_range", "whole_at_least", option="--variants", value=variants, low=2)
    count = int(count)
    per_day = None
    if daily is not None:
        per_day = number(daily, "--daily")
        if per_day <= 0:
            raise CodedError("option_out_of_range", "positive", option="--daily", value=daily, low=0)
    effect = float(abs(proportion_effectsize(p2, p1)))
    each_alpha = alpha / (count - 1)
    n = NormalIndPower().solve_power(effect_size=effect, alpha=each_alpha, power=power, ratio=1.0,
                                     alternative="larger" if one_sided else "two-sided")
    per_variant = math.ceil(n - 1e-9)
    total = per_variant * count
    weeks = math.ceil(total / per_day / 7) if per_day else None
    return Size(p1, p2, alpha, power, one_sided, count, round(effect, 6), each_alpha, per_variant, total, per_day,
                None if weeks is None else weeks * 7, weeks)


def read(a, b) -> Reading:
    """What a finished test says: B against A."""
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

    xa, na = counts(a, "--a")
    xb, nb = counts(b, "--b")
    low, high = confint_proportions_2indep(xb, nb, xa, na, method="newcomb", compare="diff", alpha=0.05)
    if xa + xb in (0, na + nb):  # nothing (or everything) converted: no evidence of a difference
        p_value = 1.0
    else:
        p_value = float(proportions_ztest([xb, xa], [nb, na])[1])
    return Reading(xa, na, xb, nb, xa / na, xb / nb, xb / nb - xa / na, float(low), float(high), p_value,
                   p_value < 0.05)


def size_text(result: Size, lang: str) -> str:
    lines = [tr("abtest.size.per_variant", lang, per_variant=format_number(result.per_variant, lang),
                variants=result.variants, total=format_number(result.total, lang),
                baseline=format_percent(100 * result.baseline, lang, 1),
                target=format_percent(100 * result.target, lang, 1)),
             tr("abtest.size.settings", lang, alpha=format_number(result.alpha, lang, 3),
                power=format_percent(100 * result.power, lang, 0),
                sides=tr("abtest.one_sided" if result.one_sided else "abtest.two_sided", lang),
                h=format_number(result.effect_size, lang, 3))]
    if result.variants > 2:
        lines.append(tr("abtest.size.bonferroni", lang, alpha=format_number(result.alpha_per_comparison, lang, 4),
                        comparisons=result.variants - 1))
    if result.weeks is not None:
        lines.append(tr("abtest.size.duration", lang, weeks=result.weeks, count=result.weeks, days=result.days,
                        daily=format_number(result.daily, lang)))
    lines.append(tr("abtest.peeking", lang))
    return "\n".join(lines)


def read_text(result: Reading, lang: str) -> str:
    points = lambda v: format_number(100 * v, lang, 1)  # noqa: E731
    sign = lambda v: ("+" if v > 0 else "") + points(v)  # noqa: E731
    lines = [tr("abtest.read.rates", lang, a=format_percent(100 * result.rate_a, lang, 1),
                b=format_percent(100 * result.rate_b, lang, 1), difference=sign(result.difference),
                low=sign(result.ci_low), high=sign(result.ci_high),
                p=format_number(result.p_value, lang, 4))]
    if result.significant:
        better = "b" if result.difference > 0 else "a"
        lines.append(tr(f"abtest.read.significant_{better}", lang))
    else:
        lines.append(tr("abtest.read.not_significant", lang, low=sign(result.ci_low), high=sign(result.ci_high)))
    lines.append(tr("abtest.peeking", lang))
    return "\n".join(lines)
