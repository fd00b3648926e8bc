"""The formulas of helpers.stats against hand-worked values and scipy."""
import itertools
import math

import numpy as np
import pytest
from scipy import stats as sps

from helpers import stats


def test_g2_worked_by_hand():
    # a=10 of c=1000 words, b=2 of d=1000. Expected counts: 6, 6, 994, 994.
    by_hand = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6)
                   + 990 * math.log(990 / 994) + 998 * math.log(998 / 994))
    assert stats.g2(10, 2, 1000, 1000) == pytest.approx(by_hand, rel=1e-12)
    assert by_hand == pytest.approx(5.8543, abs=1e-4)


@pytest.mark.parametrize("a, b, c, d", [(10, 2, 1000, 1000), (3, 40, 2500, 9000),
                                        (0, 7, 1200, 800), (55, 0, 3000, 3100), (1, 1, 10, 20)])
def test_g2_and_p_agree_with_scipy(a, b, c, d):
    table = np.array([[a, b], [c - a, d - b]])
    expected, p, _, _ = sps.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    ours = stats.g2(a, b, c, d)
    assert abs(ours) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert np.sign(ours) == np.sign(a / c - b / d)
    assert stats.g2_p(ours) == pytest.approx(p, rel=1e-9)


def test_g2_is_zero_for_equal_rates_and_works_on_arrays():
    values = stats.g2([5, 10], [10, 20], [1000, 1000], [2000, 2000])
    np.testing.assert_allclose(values, [0.0, 0.0], atol=1e-12)


def test_bonferroni_threshold_matches_scipy_and_rejects_zero_tests():
    for m in (1, 10, 617):
        assert stats.bonferroni_g2(m) == pytest.approx(sps.chi2.isf(0.05 / m, 1), rel=1e-12)
        # the threshold's own p is alpha / m
        assert stats.g2_p(stats.bonferroni_g2(m)) == pytest.approx(0.05 / m, rel=1e-9)
    with pytest.raises(ValueError, match="at least one test"):
        stats.bonferroni_g2(0)


def test_chi_squared_tail_and_quantile_are_scipy_stats_bit_for_bit():
    # stats takes them from scipy.special so that kernels need not import scipy.stats: the
    # values, and so every saved table and figure, must not move by one bit.
    rng = np.random.default_rng(13)
    g2 = np.concatenate([rng.exponential(6, 5000), rng.uniform(-60, 60, 5000),
                         [0.0, 3.841458820694124, 1e-300, 800.0, np.inf, np.nan]])
    np.testing.assert_array_equal(stats.g2_p(g2), sps.chi2.sf(np.abs(g2), 1))
    for p in [*rng.uniform(0, 1, 2000), *(0.05 / np.arange(1, 2000)), 1e-300]:
        assert stats.g2_critical(p) == float(sps.chi2.isf(p, 1))
    assert isinstance(stats.g2_critical(0.05), float)


def test_benjamini_hochberg_by_hand_and_against_scipy():
    p = [0.01, 0.04, 0.03, 0.2]
    # sorted: .01 .03 .04 .2 -> .04, .06->min(.06,.0533)=.0533, .0533, .2
    expected = [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.2]
    assert stats.benjamini_hochberg(p).tolist() == pytest.approx(expected)
    rng = np.random.default_rng(3)
    many = rng.random(50) ** 3
    np.testing.assert_allclose(stats.benjamini_hochberg(many), sps.false_discovery_control(many))
    with_nan = stats.benjamini_hochberg([0.01, np.nan, 0.02])
    assert np.isnan(with_nan[1]) and with_nan[0] == pytest.approx(0.02)


def test_log_ratio_and_zero_adjustment_by_hand():
    assert stats.log_ratio(8, 2, 1000, 1000) == pytest.approx(2.0)          # log2(4)
    assert stats.log_ratio(6, 3, 600, 1200) == pytest.approx(2.0)           # (1%/.25%)
    assert stats.log_ratio(4, 0, 1000, 1000) == pytest.approx(math.log2(4 / 0.5))
    assert stats.log_ratio(0, 4, 1000, 1000) == pytest.approx(-3.0)


def test_log_odds_z_worked_by_hand():
    # y_i=10, y_j=2, n_i=n_j=1000, alpha_w=1, alpha_0=100 (Monroe et al. 2008, eq. 16 and 22)
    delta = math.log(11 / (1000 + 100 - 10 - 1)) - math.log(3 / (1000 + 100 - 2 - 1))
    z = delta / math.sqrt(1 / 11 + 1 / 3)
    assert stats.log_odds_z(10, 2, 1000, 1000, 1.0, 100.0) == pytest.approx(z, rel=1e-12)


def test_per_10k_one_basis_and_zero_total():
    assert stats.per_10k(3, 1200) == pytest.approx(25.0)
    assert stats.per_10k([0, 5], [100, 50]).tolist() == [0.0, 1000.0]
    assert math.isnan(stats.per_10k(1, 0))


def test_dispersion_textbook_edge_cases():
    sizes = [100, 200, 300, 400]
    even = [1, 2, 3, 4]                      # proportional to the parts' sizes
    assert stats.juilland_d(even, sizes) == pytest.approx(1.0)
    assert stats.gries_dp(even, sizes) == pytest.approx(0.0)
    lumped = [0, 0, 0, 10]                   # all in one part
    assert stats.juilland_d(lumped, sizes) == pytest.approx(0.0)
    assert stats.gries_dp(lumped, sizes) == pytest.approx(1 - 0.4)
    assert stats.gries_dp([10, 0, 0, 0], sizes) == pytest.approx(0.9)
    # a hand case in between: p = .02, .01 -> mean .015, sd .005, v = 1/3, D = 1 - 1/3
    assert stats.juilland_d([2, 1], [100, 100]) == pytest.approx(2 / 3)


# --- permutation test ---------------------------------------------------------------------------

def _brute_force_p(counts, sizes, member):
    """Every split, one word, mean per-article rate difference, in plain Python."""
    n, k = len(sizes), sum(member)
    rates = [c / s * 10_000 for c, s in zip(counts, sizes, strict=False)]

    def stat(chosen):
        t = [rates[i] for i in chosen]
        r = [rates[i] for i in range(n) if i not in chosen]
        return sum(t) / len(t) - sum(r) / len(r)

    observed = stat([i for i in range(n) if member[i]])
    splits = list(itertools.combinations(range(n), k))
    hits = sum(abs(stat(c)) >= abs(observed) - 1e-9 for c in splits)
    return observed, hits / len(splits)


def test_exact_permutation_p_matches_brute_force():
    rng = np.random.default_rng(11)
    counts = rng.integers(0, 6, size=(7, 5))
    sizes = rng.integers(80, 200, size=7)
    member = np.array([1, 1, 1, 0, 0, 0, 0], dtype=bool)
    result = stats.permutation_test(counts, sizes, member)
    assert result.exact and result.n_splits == math.comb(7, 3)
    for j in range(5):
        observed, p = _brute_force_p(counts[:, j].tolist(), sizes.tolist(), member.tolist())
        assert result.statistic[j] == pytest.approx(observed)
        assert result.p[j] == pytest.approx(p)


def test_five_articles_two_against_three_can_never_reach_below_one_tenth():
    counts = np.array([[9, 0], [8, 1], [0, 1], [0, 0], [0, 1]])
    result = stats.permutation_test(counts, [100] * 5, [1, 1, 0, 0, 0])
    assert result.min_p == pytest.approx(0.1) and result.n_splits == 10
    assert result.p[0] == pytest.approx(0.1)          # the most extreme split there is
    assert result.p.min() >= result.min_p


def test_equal_groups_count_the_mirror_split():
    result = stats.permutation_test([[5], [5], [0], [0]], [100] * 4, [1, 1, 0, 0])
    assert result.min_p == pytest.approx(2 / 6) and result.p[0] == pytest.approx(2 / 6)


def test_sampled_permutation_uses_plus_one_and_is_seeded():
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 4, size=(30, 3))
    counts[:15, 0] += 6                              # word 0 clearly leans to the target
    member = np.arange(30) < 15
    a = stats.permutation_test(counts, [100] * 30, member, max_exact=100, n_samples=999, seed=1)
    b = stats.permutation_test(counts, [100] * 30, member, max_exact=100, n_samples=999, seed=1)
    assert not a.exact and a.n_splits == 999
    np.testing.assert_array_equal(a.p, b.p)
    assert a.min_p == pytest.approx(1 / 1000)
    assert a.p[0] == pytest.approx(1 / 1000)          # no sampled split beats it: (1 + 0) / 1000
    np.testing.assert_allclose(a.p * 1000, np.round(a.p * 1000))   # (1 + hits) / 1000


def test_permutation_rejects_one_sided_groups_and_bad_shapes():
    with pytest.raises(ValueError, match="both groups need at least one article"):
        stats.permutation_test([[1], [2]], [10, 10], [1, 1])
    with pytest.raises(ValueError, match="counts must be"):
        stats.permutation_test([[1], [2]], [10, 10, 10], [1, 0, 0])


def test_bh_g2_separates_the_words_benjamini_hochberg_passes_from_the_others():
    rng = np.random.default_rng(3)
    for _ in range(50):
        p = np.concatenate([rng.uniform(0, 0.002, rng.integers(0, 6)), rng.uniform(0, 1, 40)])
        passes = stats.benjamini_hochberg(p) <= 0.05
        cut = stats.bh_g2(p)
        if not passes.any():
            assert cut is None
            continue
        g = stats.g2_critical  # a word's |G2| is g2_critical of its p-value
        assert all(g(x) >= cut * (1 - 1e-12) for x in p[passes])
        assert all(g(x) < cut for x in p[~passes])
    # m is the number of words tested, which may be more than the p-values shown.
    assert stats.bh_g2([0.01], n_tests=1) == pytest.approx(stats.g2_critical(0.05))
    assert stats.bh_g2([0.01], n_tests=10) is None
    assert stats.bh_g2([0.01, np.nan]) == stats.bh_g2([0.01])
    # Fewer tests than p-values would lower the bar below the uncorrected one.
    with pytest.raises(ValueError, match="2 tests, but 3 p-values"):
        stats.bh_g2([0.01, 0.02, 0.03], n_tests=2)
    with pytest.raises(ValueError):
        stats.bh_g2([], n_tests=0)
