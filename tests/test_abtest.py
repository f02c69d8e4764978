"""`planlib abtest size|read`: sample sizes and readings against published worked examples, and bad options.

Worked examples:
- sizes: Cohen, Statistical Power Analysis for the Behavioral Sciences (2nd ed., 1988), table 6.4.1,
  differences between proportions with effect size h, two-sided alpha 0.05, power 0.80:
  n = 392 per group for h = 0.20, 63 for h = 0.50, 25 for h = 0.80 (our ceiling may be one above
  Cohen's rounding);
- the interval: Newcombe, Interval estimation for the difference between independent proportions,
  Statistics in Medicine 17 (1998), example (a) 56/70 against 48/80: method 10 (hybrid score)
  gives 0.0524 to 0.3339;
- the p-value: the pooled z-test squared is Pearson's chi-square without continuity correction on the
  2 x 2 table, computed here independently with scipy.
"""
from __future__ import annotations

import json
import math

import pytest
from scipy.stats import chi2_contingency

from planlib.cli import main
from planlib.steps.channels import abtest


def rates_for_h(h: float, p1: float = 0.5) -> tuple[float, float]:
    """Two rates whose Cohen's h is exactly `h`."""
    phi1 = 2 * math.asin(math.sqrt(p1))
    return p1, math.sin((phi1 + h) / 2) ** 2


@pytest.mark.parametrize("h, cohen", [(0.20, 392), (0.50, 63), (0.80, 25)])
def test_sizes_match_cohens_table(h, cohen):
    baseline, target = rates_for_h(h)
    result = abtest.size(baseline, target)
    assert result.effect_size == pytest.approx(h, abs=1e-6)
    assert cohen <= result.per_variant <= cohen + 1
    assert result.total == 2 * result.per_variant


def test_size_of_the_issue_example_and_its_duration_in_whole_weeks():
    result = abtest.size("0.20", "0.25", daily="500")
    # h = 2 asin(sqrt .25) - 2 asin(sqrt .20) = 0.1199; n = 2 (1.95996 + 0.84162)^2 / h^2 = 1091.9
    assert result.per_variant == 1092 and result.total == 2184
    assert result.days == 7 and result.weeks == 1  # 2184 / 500 = 4.4 days: one whole week
    longer = abtest.size("20%", "22%", daily="300")
    assert longer.weeks == math.ceil(longer.total / 300 / 7) and longer.days == 7 * longer.weeks


def test_one_sided_and_more_variants_need_fewer_and_more_visitors():
    two = abtest.size(0.20, 0.25)
    assert abtest.size(0.20, 0.25, one_sided=True).per_variant < two.per_variant
    three = abtest.size(0.20, 0.25, variants=3)
    assert three.alpha_per_comparison == 0.025 and three.per_variant > two.per_variant
    assert three.total == 3 * three.per_variant


def test_reading_matches_newcombe_and_the_chi_square():
    result = abtest.read("48/80", "56/70")
    assert result.difference == pytest.approx(0.2)
    assert (round(result.ci_low, 4), round(result.ci_high, 4)) == (0.0524, 0.3339)
    chi2, p_value, _, _ = chi2_contingency([[56, 14], [48, 32]], correction=False)
    assert result.p_value == pytest.approx(p_value, rel=1e-9) and result.significant


def test_reading_of_the_issue_example_in_both_languages():
    result = abtest.read("200/1000", "250/1000")
    assert result.difference == pytest.approx(0.05) and result.ci_low < 0.05 < result.ci_high
    assert result.p_value == pytest.approx(0.0074, abs=1e-4)
    english = abtest.read_text(result, "en")
    assert "A converts at 20.0%, B at 25.0%: a difference of +5.0 points" in english
    assert "B does better" in english and "stopping at the first good reading" in english
    french = abtest.read_text(result, "fr")
    assert "A convertit à 20,0" in french and "B fait mieux" in french and "s'arrêter" in french


def test_a_gap_that_could_be_chance_is_not_called_a_winner():
    result = abtest.read("20/100", "24/100")
    assert not result.significant and result.ci_low < 0 < result.ci_high
    assert "Do not call a winner" in abtest.read_text(result, "en")


def test_cli_size_json_keys(capsys):
    assert main(["abtest", "size", "--baseline", "0.20", "--target", "0.25", "--daily", "500", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"per_variant", "total", "days", "weeks"} <= set(document)
    assert (document["per_variant"], document["total"], document["days"], document["weeks"]) == (1092, 2184, 7, 1)


def test_cli_read_json_keys_and_text(capsys):
    assert main(["abtest", "read", "--a", "200/1000", "--b", "250/1000", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"difference", "ci_low", "ci_high", "p_value"} <= set(document)
    assert main(["--messages", "fr", "abtest", "size", "--baseline", "0.2", "--target", "0.25"]) == 0
    assert "visiteurs par variante" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["size", "--baseline", "1.2", "--target", "0.25"], "--baseline: '1.2' is not a rate between 0 and 1"),
    (["size", "--baseline", "0", "--target", "0.25"], "--baseline: '0' is not a rate between 0 and 1"),
    (["size", "--baseline", "abc", "--target", "0.25"], "--baseline: 'abc' is not a number"),
    (["size", "--baseline", "0.2", "--target", "0.2"], "--target: the target 0.2 equals the baseline"),
    (["size", "--baseline", "0.2", "--target", "20%"], "--target: the target 20% equals the baseline"),
    (["size", "--baseline", "0.2", "--target", "0.3", "--daily", "0"], "--daily: 0 is out of range"),
    (["size", "--baseline", "0.2", "--target", "0.3", "--variants", "1"], "--variants: 1 is out of range"),
    (["size", "--baseline", "0.2", "--target", "0.3", "--power", "1.5"], "--power: 1.5 is out of range"),
    (["read", "--a", "300/200", "--b", "250/1000"], "--a: '300/200' counts more conversions than visitors"),
    (["read", "--a", "20 of 100", "--b", "250/1000"], "--a: '20 of 100' is not conversions/visitors"),
    (["read", "--a", "0/0", "--b", "250/1000"], "--a: '0/0' counts no visitors"),
])
def test_bad_options_name_the_option_and_exit_1(argv, message, capsys):
    assert main(["abtest", *argv]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == "" and "Traceback" not in captured.err
