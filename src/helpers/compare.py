"""Comparing groups of articles: keyness (token level and article level), TF-IDF, document
similarity and topics.

Owns how the project applies the formulas of ``helpers.stats`` and the scikit-learn models
(TF-IDF, NMF) to a corpus table. Choices a notebook makes from the data (which groups, how many
topics) live in ``helpers.choices``; the findings table in ``helpers.findings``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .corpus import analysable, plain
from .ranking import rank_words, top_n
from .stats import (
    PRIOR_WEIGHT,
    RATE_BASIS,
    benjamini_hochberg,
    bonferroni_g2,
    g2,
    g2_p,
    log_odds_z,
    log_ratio,
    per_10k,
    permutation_test,
)
from .text import stopwords

if TYPE_CHECKING:
    from sklearn.decomposition import NMF

# scikit-learn (and the scipy.stats it imports) takes seconds to import: it is imported inside
# the functions that fit its models, so the notebooks that only test keyness never pay for it.

__all__ = [
    "RATE_BASIS",
    "TopicModel",
    "article_keyness",
    "compare_groups",
    "group_counts",
    "group_sizes",
    "keyness",
    "nmf_topics",
    "pooled_tokens",
    "significance_summary",
    "similarity",
    "tfidf",
    "top_keywords",
    "top_tfidf",
    "topic_shares",
    "topic_stability",
    "within_between",
]


# --- keyness ---------------------------------------------------------------------------------

def keyness(target_counts: Counter | dict, reference_counts: Counter | dict,
            target_words: int | None = None, reference_words: int | None = None,
            prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """Token-level keyness of every word of either group, target against reference.

    One row per word: the two counts (``a``, ``b``), the two rates per 10,000 words
    (``helpers.stats.per_10k``), signed G2 with its p-value, Log Ratio (zero -> 0.5) and the
    Monroe et al. log-odds z-score. The sizes ``c`` and ``d`` are ``target_words`` and
    ``reference_words`` (the groups' words on the project's one basis, stopwords included);
    when not given, the sums of the counts. The log-odds prior is informative: alpha_w is
    proportional to the word's pooled count, scaled to ``prior_weight`` pseudo-words in all.
    Sorted by G2, most over-used in the target first, ties in Vietnamese dictionary order.

    Parameters
    ----------
    target_counts, reference_counts : mapping of str to int
        Word counts of the two groups.
    target_words, reference_words : int, optional
        The groups' sizes in words.
    prior_weight : float
        alpha_0 of the log-odds prior.

    Returns
    -------
    pandas.DataFrame
        word, a, b, rate_target, rate_reference, g2, p, log_ratio, log_odds_z.

    Examples
    --------
    >>> table = keyness({"hòa bình": 10, "và": 90}, {"hòa bình": 2, "và": 98})
    >>> table[["word", "a", "b", "g2"]].round(3).to_dict("records")[0]
    {'word': 'hòa bình', 'a': 10, 'b': 2, 'g2': 6.163}
    """
    words = sorted(set(target_counts) | set(reference_counts))
    a = np.array([target_counts.get(w, 0) for w in words], dtype=float)
    b = np.array([reference_counts.get(w, 0) for w in words], dtype=float)
    c = float(a.sum() if target_words is None else target_words)
    d = float(b.sum() if reference_words is None else reference_words)
    if a.sum() == 0 or b.sum() == 0:
        raise ValueError("keyness needs words in both the target and the reference")
    if c < a.sum() or d < b.sum():
        raise ValueError(f"a group's size ({c:g}, {d:g}) is smaller than its counted words "
                         f"({a.sum():g}, {b.sum():g})")
    pooled = a + b
    prior = pooled / pooled.sum() * prior_weight
    stat = g2(a, b, c, d)
    table = pd.DataFrame({
        "word": words, "a": a.astype(int), "b": b.astype(int),
        "rate_target": per_10k(a, c), "rate_reference": per_10k(b, d),
        "g2": stat, "p": g2_p(stat), "log_ratio": log_ratio(a, b, c, d),
        "log_odds_z": log_odds_z(a, b, c, d, prior, prior_weight),
    })
    return rank_words(table, "g2")


def top_keywords(table: pd.DataFrame, n: int, side: str = "target",
                 keep_ties: bool = True) -> pd.DataFrame:
    """The ``n`` keywords of one side of a ``keyness`` table: the largest positive G2
    (``side="target"``) or the most negative (``"reference"``), ties at the cut kept and
    marked (``ranking.top_n``), tied words in Vietnamese dictionary order. Tables and figures
    of keywords both use this, so they show the same words.

    Parameters
    ----------
    table : pandas.DataFrame
        A ``keyness`` / ``compare_groups`` table.
    n : int
        Words asked for.
    side : {"target", "reference"}
        Which side's keywords.
    keep_ties : bool
        Keep every word tied with the n-th.

    Returns
    -------
    pandas.DataFrame
        The rows, strongest first, with ``tied_at_cut``.

    Examples
    --------
    >>> t = pd.DataFrame({"word": ["a", "b", "c", "d"], "g2": [5.0, 4.0, 4.0, -6.0]})
    >>> top_keywords(t, 2)["word"].tolist(), top_keywords(t, 2, "reference")["word"].tolist()
    (['a', 'b', 'c'], ['d'])
    """
    if side not in ("target", "reference"):
        raise ValueError(f"side must be 'target' or 'reference', got {side!r}")
    part = table[table["g2"] > 0] if side == "target" else table[table["g2"] < 0]
    return top_n(part, n, "g2", ascending=side == "reference", keep_ties=keep_ties)


def group_counts(corpus: pd.DataFrame, by: str = "year", remove_stopwords: bool = True,
                 include_duplicates: bool = False) -> dict:
    """Word counts per group of articles (by default per conference year), one Counter each.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    by : str
        The grouping column; rows where it is missing are left out.
    remove_stopwords : bool
        Leave stopwords out of the counts.
    include_duplicates : bool
        Count copies of an article (``duplicate_of``) too.

    Returns
    -------
    dict
        Group -> Counter, groups in sorted order.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2023], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình", "và"], ["hòa bình"]]})
    >>> group_counts(corpus)
    {2021: Counter({'hòa bình': 1}), 2023: Counter({'hòa bình': 1})}
    """
    rows = corpus if include_duplicates else analysable(corpus)
    stop = stopwords() if remove_stopwords else frozenset()
    counts: dict = {}
    for group, tokens in zip(rows[by], rows["tokens"], strict=False):
        if pd.isna(group):
            continue
        counts.setdefault(plain(group), Counter()).update(
            t for t in tokens if t.lower() not in stop)
    return dict(sorted(counts.items()))


def group_sizes(corpus: pd.DataFrame, by: str = "year") -> dict:
    """Each group's size in words on the project's one basis (``RATE_BASIS``: every word,
    stopwords included), duplicates left out.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    by : str
        The grouping column.

    Returns
    -------
    dict
        Group -> number of words, groups in sorted order.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2023], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình", "và"], ["hòa bình"]]})
    >>> group_sizes(corpus)
    {2021: 2, 2023: 1}
    """
    rows = analysable(corpus).dropna(subset=[by])
    sizes = rows.groupby(by, sort=True)["tokens"].agg(lambda t: sum(len(x) for x in t))
    return {plain(g): int(n) for g, n in sizes.items()}


def _check_groups(counts: dict, groups, by: str) -> None:
    missing = [g for g in groups if g not in counts]
    if missing:
        raise ValueError(f"no articles in group(s) {missing} of {by!r}; "
                         f"groups present: [{', '.join(map(str, counts))}]")


def compare_groups(corpus: pd.DataFrame, target: Hashable, reference: Hashable, by: str = "year",
                   where: pd.Series | None = None, min_count: int = 1,
                   prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """``keyness`` of group ``target`` against group ``reference`` of column ``by``.

    Stopwords are left out of the word list, not out of the groups' sizes; duplicates are
    left out. Optionally only the rows selected by ``where``; words with at least
    ``min_count`` occurrences in the two groups together.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    target, reference
        Two values of column ``by``.
    by : str
        The grouping column.
    where : pandas.Series of bool, optional
        Rows to use (e.g. one kind of article, for a like-for-like comparison).
    min_count : int
        Minimum count of a word in both groups together.
    prior_weight : float
        alpha_0 of the log-odds prior.

    Returns
    -------
    pandas.DataFrame
        The ``keyness`` table.

    Raises
    ------
    ValueError
        When a group has no articles, naming the groups present.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2023], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình", "và"], ["hòa bình", "hợp tác"]]})
    >>> compare_groups(corpus, 2023, 2021)[["word", "a", "b"]].values.tolist()
    [['hợp tác', 1, 0], ['hòa bình', 1, 1]]
    """
    rows = corpus if where is None else corpus[where]
    counts = group_counts(rows, by=by)
    _check_groups(counts, (target, reference), by)
    sizes = group_sizes(rows, by=by)
    table = keyness(counts[target], counts[reference], sizes[target], sizes[reference],
                    prior_weight=prior_weight)
    return table[table["a"] + table["b"] >= min_count].reset_index(drop=True)


def significance_summary(table: pd.DataFrame, alpha: float = 0.05) -> dict:
    """How many words pass p < ``alpha`` uncorrected, after Benjamini-Hochberg and after
    Bonferroni correction over the words in ``table``; with the corrected critical G2 and the
    number expected to pass uncorrected by chance alone (alpha x words tested).

    Parameters
    ----------
    table : pandas.DataFrame
        A ``keyness`` table.
    alpha : float
        Significance level.

    Returns
    -------
    dict
        Named numbers, in the order a notebook prints them.

    Examples
    --------
    >>> t = pd.DataFrame({"g2": [20.0, 4.0, 0.1], "p": [7.7e-6, 0.0455, 0.75]})
    >>> significance_summary(t)["pass Bonferroni"]
    1
    """
    critical = bonferroni_g2(len(table), alpha)
    return {
        "words tested": len(table),
        f"p < {alpha} (uncorrected)": int((table["p"] < alpha).sum()),
        f"expected by chance at p < {alpha}": round(alpha * len(table), 1),
        f"pass Benjamini-Hochberg (FDR {alpha})":
            int((benjamini_hochberg(table["p"]) <= alpha).sum()),
        "Bonferroni critical G2": round(critical, 2),
        "pass Bonferroni": int((table["g2"].abs() >= critical).sum()),
    }


def _article_counts(rows: pd.DataFrame, words: list[str]) -> np.ndarray:
    index = {w: j for j, w in enumerate(words)}
    counts = np.zeros((len(rows), len(words)))
    for i, tokens in enumerate(rows["tokens"]):
        for token, n in Counter(tokens).items():
            if token in index:
                counts[i, index[token]] = n
    return counts


def article_keyness(corpus: pd.DataFrame, target: Hashable, reference: Hashable,
                    words: Iterable[str], by: str = "year", where: pd.Series | None = None,
                    alpha: float = 0.05, max_exact: int = 10_000, n_samples: int = 9_999,
                    seed: int = 0) -> pd.DataFrame:
    """Article-level test of each of ``words``: a permutation test over splits of whole
    articles between ``target`` and ``reference`` (``helpers.stats.permutation_test``), the
    statistic being the difference of the groups' mean per-article rates per 10,000 words.
    Exact over every split when there are at most ``max_exact``, else ``n_samples`` seeded
    splits. Benjamini-Hochberg and Bonferroni over the words tested.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    target, reference
        Two values of column ``by``.
    words : iterable of str
        The candidate words (e.g. those with |G2| >= 3.84 in ``compare_groups``).
    by : str
        The grouping column.
    where : pandas.Series of bool, optional
        Rows to use.
    alpha : float
        Level of the two corrections.
    max_exact, n_samples, seed
        As in ``helpers.stats.permutation_test``.

    Returns
    -------
    pandas.DataFrame
        word, rate_diff, p_article, q_bh, passes_bh, passes_bonferroni, articles_target,
        articles_reference. ``attrs`` holds min_p, n_splits, exact, n_target, n_reference.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2023, 2023, 2021, 2021, 2021], "duplicate_of": [None] * 5,
    ...     "tokens": [["x", "y"], ["x", "y"], ["y", "y"], ["y", "z"], ["z", "y"]]})
    >>> table = article_keyness(corpus, 2023, 2021, ["x"])
    >>> table[["word", "p_article", "articles_target", "articles_reference"]].values.tolist()
    [['x', 0.1, 2, 0]]
    >>> table.attrs["min_p"], table.attrs["n_splits"]
    (0.1, 10)
    """
    words = list(dict.fromkeys(words))
    rows = analysable(corpus if where is None else corpus[where])
    rows = rows[rows[by].isin([target, reference])]
    member = (rows[by] == target).to_numpy()
    if not member.any() or member.all():
        present = sorted(map(plain, rows[by].unique()))
        raise ValueError(f"article_keyness needs articles in both {target!r} and "
                         f"{reference!r} of {by!r}; present: {present}")
    sizes = rows["tokens"].map(len).to_numpy()
    if (sizes == 0).any():
        empty = rows.loc[sizes == 0, "doc_id"].tolist() if "doc_id" in rows else "some"
        raise ValueError(f"article_keyness: articles without words have no rate: {empty}")
    counts = _article_counts(rows, words)
    result = permutation_test(counts, sizes, member, max_exact=max_exact,
                              n_samples=n_samples, seed=seed)
    q = benjamini_hochberg(result.p)
    table = pd.DataFrame({
        "word": words, "rate_diff": result.statistic, "p_article": result.p,
        "q_bh": q, "passes_bh": q <= alpha,
        "passes_bonferroni": result.p <= alpha / max(len(words), 1),
        "articles_target": (counts[member] > 0).sum(axis=0).astype(int),
        "articles_reference": (counts[~member] > 0).sum(axis=0).astype(int),
    })
    table.attrs.update(min_p=result.min_p, n_splits=result.n_splits, exact=result.exact,
                       n_target=int(member.sum()), n_reference=int((~member).sum()))
    return table


# --- TF-IDF and similarity -------------------------------------------------------------------

def _identity(tokens):
    return tokens


def tfidf(token_lists: Iterable[list[str]],
          remove_stopwords: bool = True) -> tuple[Any, np.ndarray]:
    """TF-IDF over pre-tokenized documents with scikit-learn's defaults: raw counts times
    smooth idf, ln((1 + N) / (1 + df)) + 1, rows L2-normalized.

    Parameters
    ----------
    token_lists : iterable of list of str
        Each document's words.
    remove_stopwords : bool
        Leave stopwords out first.

    Returns
    -------
    tuple
        (sparse matrix documents x vocabulary, vocabulary as an array of str).

    Examples
    --------
    >>> matrix, vocab = tfidf([["hòa bình", "hợp tác"], ["hòa bình"]])
    >>> list(vocab), matrix.shape
    (['hòa bình', 'hợp tác'], (2, 2))
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    stop = stopwords() if remove_stopwords else frozenset()
    docs = [[t for t in tokens if t.lower() not in stop] for tokens in token_lists]
    if not any(docs):
        # no word to weigh (no article: a folder of English pages has none the analyses read;
        # or only stopwords): an empty table, where scikit-learn stops with an error
        from scipy.sparse import csr_matrix
        return csr_matrix((len(docs), 0)), np.array([], dtype=object)
    vectorizer = TfidfVectorizer(analyzer=_identity)  # our tokens, not sklearn's regex
    matrix = vectorizer.fit_transform(docs)
    return matrix, vectorizer.get_feature_names_out()


def top_tfidf(matrix: Any, vocabulary: Sequence[str], labels: Sequence[Hashable],
              n: int = 10) -> pd.DataFrame:
    """Each row's (document's) ``n`` highest-weighted words, ties at the cut kept and marked
    (``helpers.ranking.top_n``), tied words in Vietnamese dictionary order.

    Parameters
    ----------
    matrix : sparse or dense matrix
        ``tfidf`` output.
    vocabulary : sequence of str
        Its columns' words.
    labels : sequence
        One label per row.
    n : int
        Words per row.

    Returns
    -------
    pandas.DataFrame
        label, rank (tied words share a rank), word, tfidf, tied_at_cut.

    Examples
    --------
    >>> m = np.array([[0.6, 0.6, 0.2]])
    >>> top_tfidf(m, ["b", "a", "c"], ["doc"], n=1)[["rank", "word", "tied_at_cut"]].values.tolist()
    [[1, 'a', True], [1, 'b', True]]
    """
    dense = matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
    parts = []
    for label, weights in zip(labels, dense, strict=False):
        row = pd.DataFrame({"word": list(vocabulary), "tfidf": weights})
        top = top_n(row[row["tfidf"] > 0], n, "tfidf")
        top.insert(0, "rank", top["tfidf"].rank(method="min", ascending=False).astype(int))
        parts.append(top.assign(label=label))
    columns = ["label", "rank", "word", "tfidf", "tied_at_cut"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def pooled_tokens(corpus: pd.DataFrame, by: str = "year") -> pd.Series:
    """Each group's articles pooled as one token list (duplicates left out).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    by : str
        The grouping column.

    Returns
    -------
    pandas.Series
        Group -> list of words.

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2021], "duplicate_of": [None, None],
    ...                        "tokens": [["a"], ["b"]]})
    >>> pooled_tokens(corpus).to_dict()
    {2021: ['a', 'b']}
    """
    rows = analysable(corpus)
    return rows.groupby(by)["tokens"].sum()


def similarity(corpus: pd.DataFrame) -> pd.DataFrame:
    """Cosine similarity of the articles' TF-IDF vectors (L2-normalized, so cosine = dot
    product), articles ordered by date then doc_id, labelled by doc_id.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (doc_id, published, tokens, duplicate_of).

    Returns
    -------
    pandas.DataFrame
        Square, doc_id x doc_id.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "duplicate_of": [None, None],
    ...     "published": pd.to_datetime(["2021-01-01", "2021-01-02"]),
    ...     "tokens": [["hòa bình"], ["hòa bình"]]})
    >>> similarity(corpus).round(3).values.tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    """
    from sklearn.metrics.pairwise import cosine_similarity

    rows = analysable(corpus).sort_values(["published", "doc_id"])
    matrix, _ = tfidf(rows["tokens"])
    # no article, or no word to compare on (scikit-learn refuses both): as for articles whose
    # words are all stopwords, a similarity of 0
    sims = cosine_similarity(matrix) if min(matrix.shape) else np.zeros((len(rows), len(rows)))
    return pd.DataFrame(sims, index=rows["doc_id"], columns=rows["doc_id"])


def within_between(sims: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Mean cosine similarity of article pairs within each group and between groups.

    Parameters
    ----------
    sims : pandas.DataFrame
        ``similarity`` output.
    groups : pandas.Series
        doc_id -> group.

    Returns
    -------
    pandas.DataFrame
        Per kind of pair: pairs, mean, min, max.

    Examples
    --------
    >>> ids = ["a", "b"]
    >>> sims = pd.DataFrame([[1, .5], [.5, 1]], index=ids, columns=ids)
    >>> within_between(sims, pd.Series({"a": 1, "b": 2}))["mean"].to_dict()
    {'between 1 and 2': 0.5}
    """
    ids = list(sims.index)
    records = []
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            gx, gy = groups[x], groups[y]
            kind = (f"within {gx}" if gx == gy
                    else "between " + " and ".join(map(str, sorted([gx, gy]))))
            records.append({"pair": kind, "similarity": sims.loc[x, y]})
    table = pd.DataFrame(records, columns=["pair", "similarity"])
    return (table.groupby("pair")["similarity"].agg(["count", "mean", "min", "max"])
            .rename(columns={"count": "pairs"}))


# --- topics ----------------------------------------------------------------------------------

class TopicModel(NamedTuple):
    """Result of ``nmf_topics``.

    Attributes
    ----------
    shares : numpy.ndarray
        Documents x topics, each row summing to 1 (0 for a document with no weight).
    topics : pandas.DataFrame
        topic ("T1", ...) and its top words.
    model : sklearn.decomposition.NMF
        The fitted model.
    vocabulary : numpy.ndarray
        The words of the model's columns.
    """

    shares: np.ndarray
    topics: pd.DataFrame
    model: NMF
    vocabulary: np.ndarray


def nmf_topics(token_lists: Iterable[list[str]], k: int, seed: int = 0,
               n_top: int = 8) -> TopicModel:
    """NMF with ``k`` topics on the TF-IDF of ``token_lists`` (scikit-learn, random
    initialization with ``seed``).

    Parameters
    ----------
    token_lists : iterable of list of str
        The documents (here: paragraphs).
    k : int
        Number of topics.
    seed : int
        Random initialization.
    n_top : int
        Words listed per topic.

    Returns
    -------
    TopicModel
        shares, topics, model, vocabulary.

    Examples
    --------
    >>> docs = [["a", "b", "a"], ["a", "b"], ["c", "d"], ["c", "d", "c"], ["a", "b", "e"],
    ...         ["c", "d", "e"]]
    >>> fit = nmf_topics(docs, 2, n_top=2)
    >>> sorted(fit.topics["top words"])
    ['a, b', 'c, d']
    """
    matrix, vocab = tfidf(token_lists)
    model, weights = _fit_nmf(matrix, k, seed)
    sums = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    topics = pd.DataFrame({
        "topic": [f"T{t + 1}" for t in range(k)],
        "top words": [", ".join(vocab[j] for j in np.argsort(-row, kind="stable")[:n_top])
                      for row in model.components_],
    })
    return TopicModel(shares, topics, model, vocab)


def _fit_nmf(matrix: Any, k: int, seed: int) -> tuple[NMF, np.ndarray]:
    """The model of ``nmf_topics`` fitted on a TF-IDF ``matrix``, and the documents' weights."""
    from sklearn.decomposition import NMF

    model = NMF(n_components=k, init="random", random_state=seed, max_iter=2000, tol=1e-5)
    return model, model.fit_transform(matrix)


def _pair_stability(unit_topics: Sequence[np.ndarray]) -> float:
    """Mean best-match cosine similarity over every pair of runs; ``unit_topics`` holds each
    run's topics with L2-normalized rows, so a product of two is their cosine similarity
    (what ``sklearn.metrics.pairwise.cosine_similarity`` computes, the same way, without
    normalizing each run again for every pair)."""
    scores = []
    for i in range(len(unit_topics)):
        for j in range(i + 1, len(unit_topics)):
            sims = unit_topics[i] @ unit_topics[j].T
            scores.append((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2)
    return float(np.mean(scores))


def topic_stability(token_lists: Iterable[list[str]], ks: Iterable[int] = range(2, 9),
                    seeds: Iterable[int] = range(20),
                    n_sets: int = 4) -> pd.DataFrame:
    """How stable the topics are for each number of topics k, and how much that measure
    itself moves between sets of random starts.

    Stability: over every pair of runs with different seeds, the mean cosine similarity
    between each topic of one run and its best match in the other (1 = the same topics
    whatever the random start). The seeds are also split into ``n_sets`` disjoint sets; each
    set's stability is computed alone, and ``spread`` = the largest minus the smallest of them:
    the noise of the measure, which a rule choosing k should not be finer than.

    Parameters
    ----------
    token_lists : iterable of list of str
        The documents.
    ks : iterable of int
        Numbers of topics to try.
    seeds : iterable of int
        Random starts (at least 2 per set).
    n_sets : int
        Disjoint seed sets for the spread.

    Returns
    -------
    pandas.DataFrame
        k, reconstruction error (first seed), stability, spread, set_min, set_max.

    Examples
    --------
    >>> docs = [["a", "b"], ["a", "b"], ["c", "d"], ["c", "d"]] * 3
    >>> table = topic_stability(docs, ks=[2], seeds=range(4), n_sets=2)
    >>> table.columns.tolist()
    ['k', 'reconstruction error', 'stability', 'spread', 'set_min', 'set_max']
    """
    from sklearn.preprocessing import normalize

    seeds = list(seeds)
    if len(seeds) < 2 * n_sets:
        raise ValueError(f"{n_sets} seed sets need at least {2 * n_sets} seeds, got {len(seeds)}")
    sets = np.array_split(np.arange(len(seeds)), n_sets)
    # Every run fits the same matrix (nmf_topics' TF-IDF), computed once.
    matrix, _ = tfidf(token_lists)
    rows = []
    for k in ks:
        models = [_fit_nmf(matrix, k, s)[0] for s in seeds]
        unit = [normalize(model.components_) for model in models]
        per_set = [_pair_stability([unit[i] for i in idx]) for idx in sets]
        rows.append({"k": k, "reconstruction error": models[0].reconstruction_err_,
                     "stability": _pair_stability(unit), "spread": max(per_set) - min(per_set),
                     "set_min": min(per_set), "set_max": max(per_set)})
    return pd.DataFrame(rows)


def topic_shares(shares: np.ndarray, paragraphs: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """Topic share per group: paragraphs' topic weights (each summing to 1), averaged over a
    group's paragraphs weighted by paragraph length in words.

    Parameters
    ----------
    shares : numpy.ndarray
        ``TopicModel.shares``, one row per paragraph.
    paragraphs : pandas.DataFrame
        The paragraphs (``n_words`` and ``by`` columns), in the same order.
    by : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        Rows groups, columns topics, rows summing to 1.

    Examples
    --------
    >>> paras = pd.DataFrame({"year": [2021, 2021], "n_words": [3, 1]})
    >>> topic_shares(np.array([[1.0, 0.0], [0.0, 1.0]]), paras).values.tolist()
    [[0.75, 0.25]]
    """
    frame = pd.DataFrame(shares, columns=[f"T{t + 1}" for t in range(shares.shape[1])])
    frame = frame.mul(paragraphs["n_words"].to_numpy(), axis=0)
    frame[by] = paragraphs[by].to_numpy()
    sums = frame.groupby(by).sum()
    return sums.div(sums.sum(axis=1), axis=0)
