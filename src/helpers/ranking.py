"""Top-N cuts of word tables that never hide a tie: every word tied with the last one kept is
kept too (and marked), ties ordered by Vietnamese collation.

Owns ordering and cutting tables for display; computes no statistic (``helpers.stats``) and
draws nothing (``helpers.plotting``). Every top-N table and figure goes through ``top_n``.
"""
from __future__ import annotations

import pandas as pd

from .text import sort_key

__all__ = ["rank_words", "top_n", "top_n_by_group"]


def rank_words(table: pd.DataFrame, by: str, ascending: bool = False,
               word: str = "word") -> pd.DataFrame:
    """``table`` ordered by column ``by``, ties in Vietnamese dictionary order of ``word``
    (``helpers.text.sort_key``), index reset.

    Parameters
    ----------
    table : pandas.DataFrame
        A table with a ``by`` column and a ``word`` column.
    by : str
        The column to rank on.
    ascending : bool
        False (default) puts the largest value first.
    word : str
        The column whose collation breaks ties.

    Returns
    -------
    pandas.DataFrame
        The same rows, reordered.

    Examples
    --------
    >>> t = pd.DataFrame({"word": ["đồng", "dân", "ăn"], "count": [2, 2, 1]})
    >>> rank_words(t, "count")["word"].tolist()
    ['dân', 'đồng', 'ăn']
    """
    keys = table[word].map(sort_key)
    order = sorted(range(len(table)), key=lambda i: keys.iat[i])
    collated = table.iloc[order]
    return collated.sort_values(by, ascending=ascending, kind="stable", ignore_index=True)


def top_n(table: pd.DataFrame, n: int, by: str, ascending: bool = False,
          word: str = "word", keep_ties: bool = True) -> pd.DataFrame:
    """The first ``n`` rows of ``table`` ranked on ``by`` (``rank_words``), plus every row
    tied with the n-th on ``by`` when ``keep_ties`` (so a cut never drops a word that scores
    the same as one shown). Column ``tied_at_cut`` marks the rows whose value equals the
    n-th row's when that run of equal values continues past row ``n``: the reader sees the
    cut fell in a tie.

    Parameters
    ----------
    table : pandas.DataFrame
        The table to cut.
    n : int
        How many rows are asked for (at least 0).
    by : str
        The column to rank on.
    ascending : bool
        False (default) for the largest values first.
    word : str
        The column whose collation orders ties.
    keep_ties : bool
        True keeps every row tied at the cut; False cuts at exactly ``n`` (rows tied with
        the last one shown are still marked).

    Returns
    -------
    pandas.DataFrame
        At least ``min(n, len(table))`` rows, with ``tied_at_cut``.

    Examples
    --------
    >>> t = pd.DataFrame({"word": ["a", "c", "b", "d"], "count": [5, 3, 3, 1]})
    >>> top_n(t, 2, "count")[["word", "tied_at_cut"]].values.tolist()
    [['a', False], ['b', True], ['c', True]]
    """
    if n < 0:
        raise ValueError(f"n must be at least 0, got {n}")
    ranked = rank_words(table, by, ascending=ascending, word=word)
    if n == 0 or ranked.empty:
        return ranked.head(0).assign(tied_at_cut=pd.Series(dtype=bool))
    cut_value = ranked[by].iat[min(n, len(ranked)) - 1]
    tied = ranked[by] == cut_value
    straddles = bool(tied.iloc[n:].any())   # the cut falls inside a run of equal values
    marked = ranked.assign(tied_at_cut=tied & straddles)
    keep = (marked.index < n) | (tied & keep_ties)
    return marked[keep].reset_index(drop=True)


def top_n_by_group(table: pd.DataFrame, n: int, by: str, group: str = "group",
                   ascending: bool = False, word: str = "word",
                   keep_ties: bool = True) -> pd.DataFrame:
    """``top_n`` within each group of column ``group`` (each group's own top words), groups
    in sorted order; long format with a ``rank`` column (1 = first, tied rows share a rank).

    Parameters
    ----------
    table : pandas.DataFrame
        Long table with ``group``, ``word`` and ``by`` columns.
    n, by, ascending, word, keep_ties
        As in ``top_n``.
    group : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        Each group's top rows with ``rank`` and ``tied_at_cut``.

    Examples
    --------
    >>> words = ["a", "b", "b", "c"]
    >>> t = pd.DataFrame({"group": [1, 1, 2, 2], "word": words, "count": [3, 1, 2, 2]})
    >>> top_n_by_group(t, 1, "count")[["group", "word", "rank"]].values.tolist()
    [[1, 'a', 1], [2, 'b', 1], [2, 'c', 1]]
    """
    parts = []
    for _, part in table.groupby(group, sort=True):
        top = top_n(part, n, by, ascending=ascending, word=word, keep_ties=keep_ties)
        top.insert(0, "rank", top[by].rank(method="min", ascending=ascending).astype(int))
        parts.append(top)
    if not parts:
        return table.head(0).assign(rank=pd.Series(dtype=int), tied_at_cut=pd.Series(dtype=bool))
    return pd.concat(parts, ignore_index=True)
