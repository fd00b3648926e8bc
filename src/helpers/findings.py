"""Findings computed, not written: one table of every candidate keyword with the evidence for
and against it, and the summary sentences generated from that table.

Owns the rules that turn statistics into claims (genre attribution, agreement of methods,
survival of a like-for-like comparison); the statistics come from ``helpers.compare``.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .choices import SIGNIFICANT_G2, survivors
from .compare import article_keyness, compare_groups, significance_summary
from .corpus import analysable, plain
from .ranking import rank_words
from .stats import bonferroni_g2

__all__ = ["FINDINGS_COLUMNS", "FindingsRules", "findings_table", "genre_bound",
           "summarize_findings"]

FINDINGS_COLUMNS = [
    "word", "direction", "a", "b", "g2", "log_ratio", "log_odds_z", "p_token", "p_article",
    "q_article", "articles_target", "articles_reference", "survives_like_for_like", "genre",
    "methods_agree", "year_finding",
]


@dataclass(frozen=True)
class FindingsRules:
    """The bars a word must clear, stated once.

    Attributes
    ----------
    g2 : float
        |G2| that makes a word a candidate (3.84: p < 0.05 at token level, uncorrected).
    z : float
        |log-odds z| for the Monroe et al. statistic to count as agreeing (1.96).
    log_ratio : float
        |Log Ratio| for the effect size to count as agreeing (1: twice as frequent).
    alpha : float
        Level of the article-level test and of the corrections.
    """

    g2: float = SIGNIFICANT_G2
    z: float = 1.96
    log_ratio: float = 1.0
    alpha: float = 0.05


def genre_bound(corpus: pd.DataFrame, words: Iterable[str], favoured: pd.Series,
                target: Hashable, reference: Hashable,
                by: str = "year", kind: str = "kind") -> pd.Series:
    """Which words are attributed to genre rather than to the grouping.

    Rule: a word is attributed to genre when every article of its favoured group that uses it
    is of a kind (column ``kind``) that no article of the other group has: the other group
    could not have used it in that genre, so the difference says nothing about ``by``. An
    article of unknown kind makes the attribution impossible (False).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (tokens, ``by`` and ``kind`` columns).
    words : sequence of str
        The words.
    favoured : pandas.Series
        word -> the group that uses it more (``target`` or ``reference``).
    target, reference
        The two groups of ``by``.
    by, kind : str
        The grouping and the genre columns.

    Returns
    -------
    pandas.Series
        word -> bool.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2021, 2023], "duplicate_of": [None] * 3,
    ...     "kind": ["interview", "report", "report"],
    ...     "tokens": [["chúng ta", "mới"], ["mới"], ["tỉnh"]]})
    >>> fav = pd.Series({"chúng ta": 2021, "mới": 2021})
    >>> genre_bound(corpus, ["chúng ta", "mới"], fav, 2023, 2021).to_dict()
    {'chúng ta': True, 'mới': False}
    """
    rows = analysable(corpus)
    kinds = {g: rows.loc[rows[by] == g, kind] for g in (target, reference)}
    out = {}
    for word in words:
        group = plain(favoured[word])
        other = reference if group == target else target
        using = rows[(rows[by] == group) & rows["tokens"].map(lambda t, w=word: w in t)][kind]
        other_kinds = set(kinds[other].dropna())
        out[word] = bool(len(using) and using.notna().all()
                         and not set(using) & other_kinds)
    return pd.Series(out, dtype=bool)


def _like_for_like(corpus, key, target, reference, by, where, threshold) -> pd.Series:
    """word -> True/False/NA: survives the comparison on ``where`` rows only."""
    if where is None:
        return pd.Series(pd.NA, index=key["word"], dtype="boolean")
    subset_rows = analysable(corpus[where])
    present = set(subset_rows[by].dropna())
    if not {target, reference} <= present:
        return pd.Series(pd.NA, index=key["word"], dtype="boolean")
    subset = compare_groups(corpus, target, reference, by=by, where=where)
    kept = survivors(key, subset, threshold=threshold).set_index("word")["survives"]
    return kept.reindex(key["word"]).astype("boolean")


def findings_table(corpus: pd.DataFrame, target: Hashable, reference: Hashable, by: str = "year",
                   like_for_like: pd.Series | None = None, rules: FindingsRules = FindingsRules(),
                   kind: str = "kind", seed: int = 0) -> pd.DataFrame:
    """Every candidate keyword of ``target`` against ``reference`` with the evidence for it.

    Candidates are the words with |G2| >= ``rules.g2`` at token level. The article-level
    permutation test is run on every word tested (so its Benjamini-Hochberg correction covers
    them all), and kept for the candidates. Columns:

    - word, direction (the group that uses it more), a, b, g2, log_ratio, log_odds_z, p_token;
    - p_article, q_article (Benjamini-Hochberg), articles_target, articles_reference: how
      many articles of each group use it;
    - survives_like_for_like: same direction and |G2| >= ``rules.g2`` again on the rows of
      ``like_for_like`` only (NA when not given or a group is missing there);
    - genre: attributed to genre (``genre_bound``);
    - methods_agree: G2, Log Ratio and log-odds z point the same way and each clears its bar
      (``rules``);
    - year_finding: not attributed to genre (a genre word is never a finding about ``by``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    target, reference
        Two groups of ``by``.
    by : str
        The grouping column.
    like_for_like : pandas.Series of bool, optional
        Rows of one genre in both groups (e.g. ``corpus.kind == "closing report"``).
    rules : FindingsRules
        The bars.
    kind : str
        The genre column.
    seed : int
        Seed of the sampled article splits (used only when they are too many to enumerate).

    Returns
    -------
    pandas.DataFrame
        ``FINDINGS_COLUMNS``, by |G2| (ties in dictionary order). ``attrs`` carries the
        numbers the summary needs (words tested, passes, thresholds, smallest article p).

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2023, 2023, 2021, 2021], "duplicate_of": [None] * 4,
    ...     "kind": ["report"] * 4, "tokens": [["x"] * 5 + ["y"], ["x"] * 5 + ["y"],
    ...                                       ["y"] * 6, ["y"] * 6]})
    >>> table = findings_table(corpus, 2023, 2021)
    >>> table[["word", "direction", "articles_target", "genre"]].values.tolist()
    [['x', 2023, 2, False], ['y', 2021, 2, False]]
    """
    key = compare_groups(corpus, target, reference, by=by)
    article = article_keyness(corpus, target, reference, key["word"], by=by,
                              alpha=rules.alpha, seed=seed).set_index("word")
    cand = key[key["g2"].abs() >= rules.g2].copy()
    cand["direction"] = [target if g > 0 else reference for g in cand["g2"]]
    cand = cand.rename(columns={"p": "p_token"})
    for src, dst in (("p_article", "p_article"), ("q_bh", "q_article"),
                     ("articles_target", "articles_target"),
                     ("articles_reference", "articles_reference")):
        cand[dst] = cand["word"].map(article[src])
    survive = _like_for_like(corpus, key, target, reference, by, like_for_like, rules.g2)
    cand["survives_like_for_like"] = cand["word"].map(survive).astype("boolean")
    favoured = cand.set_index("word")["direction"]
    cand["genre"] = cand["word"].map(genre_bound(corpus, cand["word"], favoured, target,
                                                 reference, by=by, kind=kind)).astype(bool)
    sign = np.sign(cand["g2"])
    cand["methods_agree"] = ((np.sign(cand["log_ratio"]) == sign)
                             & (np.sign(cand["log_odds_z"]) == sign)
                             & (cand["log_ratio"].abs() >= rules.log_ratio)
                             & (cand["log_odds_z"].abs() >= rules.z))
    cand["year_finding"] = ~cand["genre"]
    table = rank_words(cand.assign(abs_g2=cand["g2"].abs()), "abs_g2")[FINDINGS_COLUMNS]
    summary = significance_summary(key, rules.alpha)
    table.attrs.update(
        target=target, reference=reference, by=by, rules=rules,
        words_tested=len(key), pass_uncorrected=summary[f"p < {rules.alpha} (uncorrected)"],
        expected_by_chance=rules.alpha * len(key),
        bonferroni_g2=bonferroni_g2(len(key), rules.alpha),
        pass_bonferroni=summary["pass Bonferroni"],
        article_min_p=article.attrs["min_p"], article_splits=article.attrs["n_splits"],
        article_exact=article.attrs["exact"], n_target=article.attrs["n_target"],
        n_reference=article.attrs["n_reference"],
        article_pass=int((article["p_article"] < rules.alpha).sum()),
        article_pass_bh=int(article["passes_bh"].sum()),
        like_for_like_tested=bool(survive.notna().any()),
    )
    return table


def _words(table: pd.DataFrame, n: int) -> str:
    words = table["word"].tolist()
    shown = ", ".join(words[:n])
    return shown + (f" and {len(words) - n} more" if len(words) > n else "") if words else "none"


def summarize_findings(table: pd.DataFrame, n: int = 8) -> list[str]:
    """The summary of a comparison as sentences, every number and word read from a
    ``findings_table`` (never typed), so they hold on any corpus.

    Parameters
    ----------
    table : pandas.DataFrame
        ``findings_table`` output (with its ``attrs``).
    n : int
        Words listed per sentence before "and k more".

    Returns
    -------
    list of str
        Sentences in reading order: significance at token level, at article level, genre,
        like-for-like, the year findings each way, agreement of the statistics.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2023, 2023, 2021, 2021], "duplicate_of": [None] * 4,
    ...     "kind": ["report"] * 4, "tokens": [["x"] * 5 + ["y"], ["x"] * 5 + ["y"],
    ...                                       ["y"] * 6, ["y"] * 6]})
    >>> sentence = summarize_findings(findings_table(corpus, 2023, 2021))[1]
    >>> sentence[:68]
    'Moving whole articles between 2023 (2 articles) and 2021 (2) gives 6'
    >>> "no word can reach p below 0.333" in sentence
    True
    """
    at = table.attrs
    t, r, alpha = at["target"], at["reference"], at["rules"].alpha
    sentences = [
        f"{at['words_tested']} words were tested; {at['pass_uncorrected']} pass p < {alpha} "
        f"at token level, where about {at['expected_by_chance']:.0f} would by chance alone; "
        f"{at['pass_bonferroni']} pass Bonferroni (|G2| >= {at['bonferroni_g2']:.2f}).",
    ]
    floor = (f"so no word can reach p below {at['article_min_p']:.3g} at the article level"
             + (f": none can reach p < {alpha}." if at["article_min_p"] >= alpha else "."))
    sentences.append(
        f"Moving whole articles between {t} ({at['n_target']} articles) and {r} "
        f"({at['n_reference']}) gives {at['article_splits']} "
        f"{'splits' if at['article_exact'] else 'sampled splits'}, {floor} "
        f"{at['article_pass']} words reach p < {alpha} that way, "
        f"{at['article_pass_bh']} after Benjamini-Hochberg.")
    genre = table[table["genre"]]
    sentences.append(
        f"{len(genre)} of the {len(table)} words with |G2| >= {at['rules'].g2} occur, in the "
        f"group that uses them more, only in kinds of article the other group lacks, so they "
        f"mark genre, not {at['by']}: {_words(genre, n)}.")
    if at["like_for_like_tested"]:
        kept = table[table["survives_like_for_like"].fillna(False).astype(bool)]
        sentences.append(f"{len(kept)} of {len(table)} survive the like-for-like comparison: "
                         f"{_words(kept, n)}.")
    else:
        sentences.append("The like-for-like comparison was not possible on this corpus.")
    for group in (t, r):
        part = table[table["year_finding"] & (table["direction"] == group)]
        sentences.append(f"More in {group}, not attributed to genre ({len(part)}): "
                         f"{_words(part, n)}.")
    agree = table[table["methods_agree"]]
    sentences.append(f"G2, Log Ratio and log-odds z agree (same direction, each past its bar) "
                     f"on {len(agree)} of {len(table)} words.")
    return sentences
