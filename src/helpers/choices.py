"""Choices a notebook makes from the data: which groups to compare, how many topics, which
groups are missing, which findings survive a like-for-like comparison.

Owns the rules, each stated in its docstring; computes no statistic itself (``helpers.stats``,
``helpers.compare``).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
import pandas as pd

from .corpus import analysable, plain

__all__ = ["choose_k", "like_for_like_kind", "missing_groups", "pick_groups", "survivors"]

SIGNIFICANT_G2 = 3.84   # chi-squared (1 df) at p = 0.05


def pick_groups(corpus: pd.DataFrame, by: str = "year") -> tuple:
    """(target, reference) for a comparison: the latest and the earliest group of ``by``
    among the analysable articles.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    by : str
        The grouping column.

    Returns
    -------
    tuple
        (latest group, earliest group).

    Raises
    ------
    ValueError
        When there are fewer than two groups.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2023, 2021, 2022], "duplicate_of": [None] * 3})
    >>> pick_groups(corpus)
    (2023, 2021)
    """
    groups = sorted(plain(g) for g in analysable(corpus)[by].dropna().unique())
    if len(groups) < 2:
        raise ValueError(f"a comparison needs two groups of {by!r}; this corpus has "
                         f"{groups or 'none'}")
    return groups[-1], groups[0]


def choose_k(stability: pd.DataFrame, min_k: int = 3, tolerance: float | None = None) -> int:
    """The number of topics: the smallest k >= ``min_k`` whose stability is within
    ``tolerance`` of the most stable such k (the simplest model among the most stable).

    The default tolerance is the measure's own noise: the ``spread`` of the most stable k's
    stability between seed sets (``compare.topic_stability``), so the rule is never finer
    than what the data can tell apart. Two topics are almost always stable because they only
    split a corpus in two, hence ``min_k=3``.

    Parameters
    ----------
    stability : pandas.DataFrame
        ``compare.topic_stability`` output (k, stability, and spread unless ``tolerance``).
    min_k : int
        The smallest k considered.
    tolerance : float, optional
        A fixed tolerance instead of the measured spread.

    Returns
    -------
    int
        The chosen k.

    Examples
    --------
    >>> table = pd.DataFrame({"k": [3, 4, 5], "stability": [0.90, 0.93, 0.95],
    ...                       "spread": [0.03, 0.03, 0.03]})
    >>> choose_k(table), choose_k(table, tolerance=0.01)
    (4, 5)
    """
    candidates = stability[stability["k"] >= min_k]
    if candidates.empty:
        raise ValueError(f"no k >= {min_k} in the stability table")
    best = candidates.loc[candidates["stability"].idxmax()]
    if tolerance is None:
        if "spread" not in candidates:
            raise ValueError("the stability table has no 'spread' column; pass a tolerance")
        tolerance = float(best["spread"])
    threshold = best["stability"] - tolerance - 1e-12
    return int(candidates.loc[candidates["stability"] >= threshold, "k"].min())


def survivors(full: pd.DataFrame, subset: pd.DataFrame,
              threshold: float = SIGNIFICANT_G2) -> pd.DataFrame:
    """Words with |G2| >= ``threshold`` in the ``full`` comparison, with their G2 in the
    ``subset`` (like-for-like) comparison: ``same_direction`` there, and ``survives`` =
    same direction and still at the threshold.

    Parameters
    ----------
    full, subset : pandas.DataFrame
        ``compare.compare_groups`` tables (word, a, b, g2).
    threshold : float
        The |G2| a finding needs.

    Returns
    -------
    pandas.DataFrame
        word, a, b, g2, a_subset, b_subset, g2_subset, same_direction, survives.

    Examples
    --------
    >>> full = pd.DataFrame({"word": ["x", "y"], "a": [9, 0], "b": [0, 9], "g2": [12.0, -12.0]})
    >>> sub = pd.DataFrame({"word": ["x"], "a": [5], "b": [0], "g2": [6.0]})
    >>> survivors(full, sub)[["word", "survives"]].values.tolist()
    [['x', True], ['y', False]]
    """
    key = full[full["g2"].abs() >= threshold][["word", "a", "b", "g2"]]
    table = key.merge(subset[["word", "a", "b", "g2"]], on="word", how="left",
                      suffixes=("", "_subset"))
    table[["a_subset", "b_subset"]] = table[["a_subset", "b_subset"]].fillna(0).astype(int)
    table["g2_subset"] = table["g2_subset"].fillna(0.0)
    table["same_direction"] = np.sign(table["g2"]) == np.sign(table["g2_subset"])
    table["survives"] = table["same_direction"] & (table["g2_subset"].abs() >= threshold)
    return table.sort_values(["survives", "g2"], ascending=[False, False], ignore_index=True)


def missing_groups(corpus: pd.DataFrame, groups: Iterable[Hashable], by: str = "year") -> list:
    """The groups of ``groups`` that have no analysable article in ``corpus``.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    groups : iterable
        Wanted values of ``by``.
    by : str
        The grouping column.

    Returns
    -------
    list
        The missing ones, in the order given.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021], "duplicate_of": [None]})
    >>> missing_groups(corpus, [2023, 2021])
    [2023]
    """
    present = {plain(g) for g in analysable(corpus)[by].dropna()}
    return [g for g in groups if g not in present]


def like_for_like_kind(corpus: pd.DataFrame, target: Hashable, reference: Hashable,
                       by: str = "year", prefer: str = "closing report",
                       kind: str = "kind") -> str | None:
    """The kind of article to compare like for like: ``prefer`` when both groups have it,
    else the kind both groups have with the most articles (ties: dictionary order); None when
    they share no kind or kinds are unknown.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus table with ``by`` and ``kind`` columns.
    target, reference : hashable
        The two groups compared.
    by : str
        The grouping column.
    prefer : str
        The kind chosen whenever both groups have it.
    kind : str
        The column of kinds.

    Returns
    -------
    str or None

    Examples
    --------
    >>> table = pd.DataFrame({"year": [2023, 2023, 2021, 2021], "duplicate_of": [None] * 4,
    ...                       "kind": ["news", "closing report", "news", "closing report"]})
    >>> like_for_like_kind(table, 2023, 2021), like_for_like_kind(table, 2023, 2021, prefer="x")
    ('closing report', 'closing report')
    """
    rows = analysable(corpus)
    if kind not in rows:
        return None
    mine = rows[rows[by].isin([target, reference])].dropna(subset=[kind])
    groups_per_kind = mine.groupby(kind)[by].nunique()
    shared = sorted(groups_per_kind[groups_per_kind == 2].index, key=str)
    if not shared:
        return None
    if prefer in shared:
        return prefer
    sizes = mine[mine[kind].isin(shared)].groupby(kind).size()
    return min(shared, key=lambda k: (-sizes[k], str(k)))
