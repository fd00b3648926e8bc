"""Statistics on word counts: rates, keyness (G2, Log Ratio, log-odds z), multiple-testing
corrections, dispersion, and the article-level permutation test.

Pure functions on numbers and arrays: no corpus, no text, no plotting. Everything the analysis
modules (``frequency``, ``compare``, ``timeline``, ``findings``) and ``plotting`` compute from
counts comes from here, so each formula has one home.

Notation: ``a`` = the word's count in the target, ``b`` in the reference, ``c`` and ``d`` = the
sizes of target and reference in words.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import chdtrc, chdtri, comb, xlogy

# The chi-squared tail and quantile come from scipy.special (chdtrc, chdtri), not from
# scipy.stats.chi2: the same values (chi2.sf and chi2.isf call these functions), without the
# second it takes every notebook kernel to import scipy.stats.

__all__ = [
    "PER",
    "PRIOR_WEIGHT",
    "RATE_BASIS",
    "ZERO_ADJUSTMENT",
    "PermutationResult",
    "benjamini_hochberg",
    "bh_g2",
    "bonferroni_g2",
    "g2",
    "g2_critical",
    "g2_p",
    "gries_dp",
    "juilland_d",
    "log_odds_z",
    "log_ratio",
    "per_10k",
    "permutation_test",
]

PER = 10_000
RATE_BASIS = ("per 10,000 words, counting every word of the articles (stopwords included; "
              "punctuation and bare numbers are not words)")
ZERO_ADJUSTMENT = 0.5   # Log Ratio: a zero count is replaced by 0.5 (Hardie 2014)
PRIOR_WEIGHT = 500.0    # log-odds: total pseudo-count of the informative Dirichlet prior


def _arrays(*values: ArrayLike) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(v, dtype=float) for v in values)


def per_10k(count: ArrayLike, total: ArrayLike) -> float | np.ndarray:
    """Rate per 10,000 words: ``count / total * 10,000``, on the one basis the project uses
    everywhere (``RATE_BASIS``: all words of the articles, stopwords included). Works on
    scalars and arrays; a total of zero gives NaN (no words, no rate), never a division error.

    Parameters
    ----------
    count : array_like
        Occurrences of a word.
    total : array_like
        Number of words the occurrences are counted in.

    Returns
    -------
    float or numpy.ndarray
        The rate(s), unrounded.

    Examples
    --------
    >>> float(per_10k(3, 1200))
    25.0
    >>> per_10k([1, 0], [0, 50]).tolist()
    [nan, 0.0]
    """
    count, total = _arrays(count, total)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(total > 0, count / np.where(total > 0, total, 1) * PER, np.nan)
    return rate if rate.ndim else float(rate)


def g2(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> np.ndarray:
    """Signed 4-term log-likelihood G2 (Dunning 1993, as computed by AntConc).

    2 * sum(O * ln(O / E)) over the 2x2 table (this word / other words x target / reference),
    with 0 * ln(0) = 0 (``scipy.special.xlogy``). Positive when the word is relatively more
    frequent in the target, negative when less.

    Parameters
    ----------
    a, b : array_like
        The word's count in the target and in the reference.
    c, d : array_like
        The sizes of target and reference in words.

    Returns
    -------
    numpy.ndarray
        Signed G2 (a 0-d array for scalar input).

    Examples
    --------
    >>> round(float(g2(10, 2, 1000, 1000)), 4), round(float(g2(2, 10, 1000, 1000)), 4)
    (5.8543, -5.8543)
    """
    a, b, c, d = _arrays(a, b, c, d)
    n = c + d
    observed = (a, b, c - a, d - b)
    expected = (c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = sum(xlogy(o, o) - xlogy(o, e) for o, e in zip(observed, expected, strict=False))
    value = np.maximum(2 * total, 0.0)
    return np.sign(a / c - b / d) * value


def g2_p(statistic: ArrayLike) -> np.ndarray:
    """p-value of a (signed) G2 against chi-squared with 1 degree of freedom: P(X >= |G2|).

    Parameters
    ----------
    statistic : array_like
        G2 values; the sign is ignored.

    Returns
    -------
    numpy.ndarray
        Upper-tail probabilities (``scipy.stats.chi2.sf``, through the function it calls,
        ``scipy.special.chdtrc``).

    Examples
    --------
    >>> round(float(g2_p(3.841459)), 4), round(float(g2_p(-3.841459)), 4)
    (0.05, 0.05)
    """
    return chdtrc(1, np.abs(np.asarray(statistic, dtype=float)))


def g2_critical(p: float) -> float:
    """The |G2| whose p-value (``g2_p``) is ``p``: the chi-squared (1 df) quantile with upper
    tail ``p`` (``scipy.stats.chi2.isf``, through ``scipy.special.chdtri``).

    Parameters
    ----------
    p : float
        Upper-tail probability, between 0 and 1.

    Returns
    -------
    float
        The critical |G2|.

    Examples
    --------
    >>> round(g2_critical(0.05), 4), round(float(g2_p(g2_critical(0.01))), 4)
    (3.8415, 0.01)
    """
    return float(chdtri(1, p))


def bonferroni_g2(n_tests: int, alpha: float = 0.05) -> float:
    """The G2 a word needs to pass a Bonferroni-corrected test at ``alpha`` over ``n_tests``
    words: the chi-squared (1 df) quantile with upper tail ``alpha / n_tests``.

    Parameters
    ----------
    n_tests : int
        Number of words tested (at least 1).
    alpha : float
        Family-wise error rate.

    Returns
    -------
    float
        The critical |G2|.

    Examples
    --------
    >>> round(bonferroni_g2(1), 2), round(bonferroni_g2(1000), 2)
    (3.84, 16.45)
    """
    if n_tests < 1:
        raise ValueError(f"a Bonferroni threshold needs at least one test, got {n_tests}")
    return g2_critical(alpha / n_tests)


def benjamini_hochberg(p_values: ArrayLike) -> np.ndarray:
    """Benjamini-Hochberg (1995) adjusted p-values (q-values): a word passes a false discovery
    rate of ``alpha`` when its q <= alpha. Step-up: q_(i) = min over j >= i of p_(j) * m / j,
    capped at 1; NaN p-values are left out of m and stay NaN.

    Parameters
    ----------
    p_values : array_like
        Unadjusted p-values.

    Returns
    -------
    numpy.ndarray
        Adjusted p-values in the input order.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.2]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.2]
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    valid = ~np.isnan(p)
    m = int(valid.sum())
    if m == 0:
        return out
    order = np.argsort(p[valid], kind="stable")
    ranked = p[valid][order] * m / np.arange(1, m + 1)
    adjusted = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    q = np.empty(m)
    q[order] = adjusted
    out[valid] = q
    return out


def bh_g2(p_values: ArrayLike, n_tests: int | None = None, alpha: float = 0.05) -> float | None:
    """The G2 a word needs to pass Benjamini-Hochberg (1995) at false discovery rate ``alpha``:
    with p_(k) the largest p-value such that p_(k) <= k / m * alpha, the |G2| whose p-value is
    k / m * alpha (every word at or above it passes, the others do not); None if none passes.

    Parameters
    ----------
    p_values : array_like
        Unadjusted p-values of the words (NaN left out).
    n_tests : int, optional
        m, the number of words tested; default: the number of p-values that are not NaN.
    alpha : float
        False discovery rate.

    Returns
    -------
    float or None
        The critical |G2|.

    Raises
    ------
    ValueError
        When ``n_tests`` is less than 1 or than the number of p-values given.

    Examples
    --------
    >>> round(bh_g2([0.001, 0.01, 0.04, 0.5]), 3), bh_g2([0.5, 0.9]), bh_g2([])
    (5.024, None, None)
    """
    ordered = np.sort(np.asarray(p_values, dtype=float))
    ordered = ordered[~np.isnan(ordered)]
    if n_tests is not None and n_tests < max(1, len(ordered)):
        raise ValueError(f"Benjamini-Hochberg over {n_tests} tests, but {len(ordered)} p-values "
                         f"were given (n_tests counts every word tested, at least 1)")
    m = len(ordered) if n_tests is None else n_tests
    passing = np.nonzero(ordered <= np.arange(1, len(ordered) + 1) / m * alpha)[0]
    if len(passing) == 0:
        return None
    return g2_critical((passing[-1] + 1) / m * alpha)


def log_ratio(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike,
              zero: float = ZERO_ADJUSTMENT) -> np.ndarray:
    """Log Ratio (Hardie 2014): log2 of the ratio of relative frequencies, target over
    reference. A zero count is replaced by ``zero`` (0.5 by default) so the ratio stays finite.

    Parameters
    ----------
    a, b, c, d : array_like
        Counts and sizes as in ``g2``.
    zero : float
        The stated smoothing for a zero count.

    Returns
    -------
    numpy.ndarray
        +1 = twice as frequent in the target, -1 = half as frequent.

    Examples
    --------
    >>> float(log_ratio(8, 2, 1000, 1000)), float(log_ratio(4, 0, 1000, 1000))
    (2.0, 3.0)
    """
    a, b, c, d = _arrays(a, b, c, d)
    a = np.where(a == 0, zero, a)
    b = np.where(b == 0, zero, b)
    return np.log2((a / c) / (b / d))


def log_odds_z(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, prior: ArrayLike,
               prior_total: float) -> np.ndarray:
    """Log-odds ratio with an informative Dirichlet prior, as a z-score (Monroe, Colaresi &
    Quinn 2008, "Fightin' Words", eq. 16-22).

    delta = ln((a + aw) / (c + a0 - a - aw)) - ln((b + aw) / (d + a0 - b - aw));
    var(delta) ~ 1 / (a + aw) + 1 / (b + aw);  z = delta / sqrt(var).

    Parameters
    ----------
    a, b, c, d : array_like
        Counts and sizes as in ``g2``.
    prior : array_like
        The word's pseudo-count alpha_w.
    prior_total : float
        alpha_0, the sum of the pseudo-counts over the vocabulary.

    Returns
    -------
    numpy.ndarray
        z-scores, positive when the word leans to the target.

    Examples
    --------
    >>> round(float(log_odds_z(10, 2, 1000, 1000, 1.0, 100.0)), 4)
    2.006
    """
    a, b, c, d, aw = _arrays(a, b, c, d, prior)
    delta = (np.log((a + aw) / (c + prior_total - a - aw))
             - np.log((b + aw) / (d + prior_total - b - aw)))
    return delta / np.sqrt(1 / (a + aw) + 1 / (b + aw))


def juilland_d(freqs: ArrayLike, sizes: ArrayLike) -> float:
    """Juilland's D over parts of unequal size (Gries 2008's generalization).

    With p_i = freq_i / size_i and v = sd(p) / mean(p) (population sd),
    D = 1 - v / sqrt(n - 1): 1 = perfectly even, 0 = all in one part.

    Parameters
    ----------
    freqs : array_like
        The word's count in each part.
    sizes : array_like
        Each part's size in words.

    Returns
    -------
    float
        D in [0, 1]; NaN with fewer than two parts or no occurrence.

    Examples
    --------
    >>> juilland_d([10, 20], [100, 200]), juilland_d([5, 0, 0], [100, 100, 100])
    (1.0, 0.0)
    """
    freqs, sizes = _arrays(freqs, sizes)
    if len(freqs) < 2 or freqs.sum() == 0:
        return float("nan")
    p = freqs / sizes
    v = p.std() / p.mean()
    return float(min(1.0, max(0.0, 1 - v / math.sqrt(len(p) - 1))))  # clip float noise


def gries_dp(freqs: ArrayLike, sizes: ArrayLike) -> float:
    """Gries's DP (2008): 0.5 * sum |v_i - s_i|, with v_i the share of the word's occurrences
    and s_i the share of the corpus in part i.

    Parameters
    ----------
    freqs : array_like
        The word's count in each part.
    sizes : array_like
        Each part's size in words.

    Returns
    -------
    float
        0 = spread as the parts' sizes predict; near 1 = concentrated in a small part; NaN
        when the word does not occur.

    Examples
    --------
    >>> gries_dp([10, 20], [100, 200]), round(gries_dp([5, 0, 0], [100, 100, 100]), 4)
    (0.0, 0.6667)
    """
    freqs, sizes = _arrays(freqs, sizes)
    if freqs.sum() == 0:
        return float("nan")
    return float(0.5 * np.abs(freqs / freqs.sum() - sizes / sizes.sum()).sum())


# --- article-level permutation test -----------------------------------------------------------

@dataclass(frozen=True)
class PermutationResult:
    """Result of ``permutation_test``.

    Attributes
    ----------
    statistic : numpy.ndarray
        Observed difference per word: mean per-article rate (per 10,000 words) in the target
        minus the same in the reference.
    p : numpy.ndarray
        Two-sided p-value per word.
    min_p : float
        The smallest p any word can reach with these group sizes and splits.
    n_splits : int
        Number of splits the p-values are computed over.
    exact : bool
        True when every split was enumerated, False when splits were sampled.
    """

    statistic: np.ndarray
    p: np.ndarray
    min_p: float
    n_splits: int
    exact: bool


def _splits(n: int, k: int, max_exact: int, n_samples: int, seed: int) -> tuple[np.ndarray, bool]:
    """Indicator matrix (splits x articles) of target membership, and whether it is exact."""
    if comb(n, k, exact=True) <= max_exact:
        rows = np.zeros((comb(n, k, exact=True), n), dtype=float)
        for r, combination in enumerate(itertools.combinations(range(n), k)):
            rows[r, list(combination)] = 1.0
        return rows, True
    rng = np.random.default_rng(seed)
    picked = np.argsort(rng.random((n_samples, n)), axis=1)[:, :k]
    rows = np.zeros((n_samples, n), dtype=float)
    np.put_along_axis(rows, picked, 1.0, axis=1)
    return rows, False


def permutation_test(counts: ArrayLike, sizes: ArrayLike, in_target: ArrayLike,
                     max_exact: int = 10_000, n_samples: int = 9_999, seed: int = 0,
                     chunk: int = 2_000) -> PermutationResult:
    """Article-level two-sided permutation test for many words at once.

    The sampling unit is the article: whole articles are reassigned between the two groups,
    keeping the group sizes. Statistic: the difference between the groups' mean per-article
    rates per 10,000 words (each article weighs the same, whatever its length). Every split is
    enumerated when there are at most ``max_exact`` of them (the observed split is one of them,
    so p = share of splits with |statistic| >= observed); otherwise ``n_samples`` random
    splits are drawn with ``seed`` and p = (1 + hits) / (1 + n_samples) (Phipson & Smyth 2010).

    Parameters
    ----------
    counts : array_like, shape (n_articles, n_words)
        Each article's count of each word.
    sizes : array_like, shape (n_articles,)
        Each article's size in words (the rate basis, ``RATE_BASIS``).
    in_target : array_like of bool, shape (n_articles,)
        Which articles form the target group; the rest are the reference.
    max_exact : int
        Enumerate every split up to this many.
    n_samples : int
        Splits drawn when there are more.
    seed : int
        Seed of the sampled splits.
    chunk : int
        Splits per matrix product (memory bound).

    Returns
    -------
    PermutationResult
        Observed statistics, p-values, the smallest reachable p and how they were computed.

    Examples
    --------
    >>> res = permutation_test([[3], [4], [0], [0], [1]], [100] * 5, [1, 1, 0, 0, 0])
    >>> res.p.tolist(), res.min_p, res.n_splits, res.exact
    ([0.1], 0.1, 10, True)
    """
    counts = np.asarray(counts, dtype=float)
    sizes = np.asarray(sizes, dtype=float)
    member = np.asarray(in_target, dtype=bool)
    n, k = len(sizes), int(member.sum())
    if counts.ndim != 2 or counts.shape[0] != n or member.shape != (n,):
        raise ValueError(f"counts must be (articles x words) with {n} rows matching sizes "
                         f"and in_target; got counts {counts.shape}, in_target {member.shape}")
    if not 0 < k < n:
        raise ValueError(f"both groups need at least one article; the target has {k} of {n}")
    if (sizes <= 0).any():
        raise ValueError("every article needs at least one word (a size of 0 has no rate)")
    rates = counts / sizes[:, None] * PER
    total = rates.sum(axis=0)

    def diff(indicator):
        in_t = indicator @ rates
        return in_t / k - (total - in_t) / (n - k)

    observed = diff(member.astype(float)[None, :])[0]
    splits, exact = _splits(n, k, max_exact, n_samples, seed)
    tolerance = 1e-9 * np.maximum(np.abs(observed), 1.0)
    hits = np.zeros(counts.shape[1])
    for start in range(0, len(splits), chunk):
        extreme = np.abs(diff(splits[start:start + chunk])) >= np.abs(observed) - tolerance
        hits += extreme.sum(axis=0)
    m = len(splits)
    if exact:
        p = hits / m
        min_p = (2 if k == n - k else 1) / m   # a split and its mirror give the same |statistic|
    else:
        p = (1 + hits) / (1 + m)
        min_p = 1 / (1 + m)
    return PermutationResult(observed, p, float(min_p), m, exact)
