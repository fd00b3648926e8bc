"""Comparing groups of articles: keyness statistics, TF-IDF, document similarity and topics.

Owns the formulas (log-likelihood G2, Log Ratio, the Monroe et al. log-odds z-score, a
Bonferroni threshold) and the scikit-learn models (TF-IDF, NMF) as this project uses them. Takes
token lists and tables from ``helpers.corpus``; plotting is ``helpers.plotting``.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from statistics import NormalDist

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from .corpus import analysable, paragraph_table, plain  # noqa: F401  (paragraph_table: for notebooks)
from .frequency import PER
from .text import stopwords

ZERO_ADJUSTMENT = 0.5   # Log Ratio: a zero count is replaced by 0.5 (Hardie 2014)
PRIOR_WEIGHT = 500.0    # log-odds: total pseudo-count of the informative Dirichlet prior


# --- keyness ---------------------------------------------------------------------------------

def log_likelihood(a, b, c, d):
    """Signed 4-term log-likelihood G2 (Dunning 1993, as computed by AntConc) for a word with
    ``a`` occurrences in a target of ``c`` words and ``b`` in a reference of ``d`` words:
    2 * sum(O * ln(O / E)) over the 2x2 table (word / other words x target / reference).
    Positive when the word is relatively more frequent in the target. Works on arrays.

    >>> round(float(log_likelihood(10, 2, 1000, 1000)), 4)
    5.8543
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    observed = [a, b, c - a, d - b]
    expected = [c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = [np.where(o > 0, o * np.log(o / e), 0.0) for o, e in zip(observed, expected)]
    g2 = 2 * sum(terms)
    sign = np.sign(a / c - b / d)
    return sign * np.maximum(g2, 0.0)


def g2_p_value(g2):
    """p-value of G2 against chi-squared with 1 degree of freedom: P(X >= |G2|).

    >>> round(float(g2_p_value(3.841459)), 4)
    0.05
    """
    g2 = np.abs(np.asarray(g2, dtype=float))
    return np.vectorize(lambda x: math.erfc(math.sqrt(x / 2)))(g2)


def log_ratio(a, b, c, d, zero=ZERO_ADJUSTMENT):
    """Log Ratio (Hardie 2014): log2 of the ratio of relative frequencies, target over
    reference; a zero count is replaced by ``zero`` (0.5) so that the ratio stays finite.

    >>> float(log_ratio(8, 2, 1000, 1000)), float(log_ratio(4, 0, 1000, 1000))
    (2.0, 3.0)
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, zero, a)
    b = np.where(b == 0, zero, b)
    return np.log2((a / c) / (b / d))


def log_odds_z(a, b, c, d, prior, prior_total):
    """Log-odds ratio with an informative Dirichlet prior, as a z-score (Monroe, Colaresi &
    Quinn 2008, "Fightin' Words", eq. 16-22). ``prior`` is the word's pseudo-count alpha_w and
    ``prior_total`` alpha_0, the sum over the vocabulary.

    delta = ln((a + aw) / (c + a0 - a - aw)) - ln((b + aw) / (d + a0 - b - aw));
    var(delta) ~ 1 / (a + aw) + 1 / (b + aw);  z = delta / sqrt(var).

    >>> round(float(log_odds_z(10, 2, 1000, 1000, 1.0, 100.0)), 4)
    2.006
    """
    a, b, c, d, aw = (np.asarray(x, dtype=float) for x in (a, b, c, d, prior))
    delta = (np.log((a + aw) / (c + prior_total - a - aw))
             - np.log((b + aw) / (d + prior_total - b - aw)))
    return delta / np.sqrt(1 / (a + aw) + 1 / (b + aw))


def keyness(target_counts: Counter | dict, reference_counts: Counter | dict,
            prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """One row per word of either corpus: the two counts (``a``, ``b``), the two rates per
    10,000 words, signed G2 with its p-value, Log Ratio, and the log-odds z-score. Sorted by G2,
    most over-used in the target first.

    The log-odds prior is informative: alpha_w is proportional to the word's pooled count in
    both corpora, scaled so that the prior adds ``prior_weight`` pseudo-words in all.

    >>> table = keyness({"hòa bình": 10, "và": 90}, {"hòa bình": 2, "và": 98})
    >>> table[["word", "a", "b", "g2"]].round(3).to_dict("records")[0]
    {'word': 'hòa bình', 'a': 10, 'b': 2, 'g2': 6.163}
    """
    words = sorted(set(target_counts) | set(reference_counts))
    a = np.array([target_counts.get(w, 0) for w in words], dtype=float)
    b = np.array([reference_counts.get(w, 0) for w in words], dtype=float)
    c, d = a.sum(), b.sum()
    if c == 0 or d == 0:
        raise ValueError("keyness needs words in both the target and the reference")
    pooled = a + b
    prior = pooled / pooled.sum() * prior_weight
    g2 = log_likelihood(a, b, c, d)
    table = pd.DataFrame({
        "word": words, "a": a.astype(int), "b": b.astype(int),
        "rate_target": a / c * PER, "rate_reference": b / d * PER,
        "g2": g2, "p": g2_p_value(g2), "log_ratio": log_ratio(a, b, c, d),
        "log_odds_z": log_odds_z(a, b, c, d, prior, prior_weight),
    })
    return table.sort_values(["g2", "word"], ascending=[False, True], ignore_index=True)


def bonferroni_g2(n_tests: int, alpha: float = 0.05) -> float:
    """The G2 a word needs to pass a Bonferroni-corrected test at ``alpha`` over ``n_tests``
    words (chi-squared, 1 df).

    >>> round(bonferroni_g2(1), 2), round(bonferroni_g2(1000), 2)
    (3.84, 16.45)
    """
    z = NormalDist().inv_cdf(1 - alpha / n_tests / 2)
    return z * z


def group_counts(corpus: pd.DataFrame, by: str = "year", remove_stopwords: bool = True,
                 include_duplicates: bool = False) -> dict:
    """Word counts per group of articles (by default per conference year), one Counter each.
    Copies of an article (``duplicate_of``) are left out unless asked for."""
    rows = corpus if include_duplicates else analysable(corpus)
    stop = stopwords() if remove_stopwords else frozenset()
    counts: dict = {}
    for group, tokens in zip(rows[by], rows["tokens"]):
        if pd.isna(group):
            continue
        counts.setdefault(plain(group), Counter()).update(t for t in tokens if t.lower() not in stop)
    return dict(sorted(counts.items()))


def compare_groups(corpus: pd.DataFrame, target, reference, by: str = "year",
                   where: pd.Series | None = None, min_count: int = 1,
                   prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """``keyness`` of group ``target`` against group ``reference`` of column ``by`` (stopwords
    removed, duplicates left out), optionally on the rows selected by ``where`` only, keeping
    words with at least ``min_count`` occurrences in the two groups together. Raises a clear
    error when a group has no articles."""
    rows = corpus if where is None else corpus[where]
    counts = group_counts(rows, by=by)
    missing = [g for g in (target, reference) if g not in counts]
    if missing:
        raise ValueError(f"no articles in group(s) {missing} of {by!r}; "
                         f"groups present: [{', '.join(map(str, counts))}]")
    table = keyness(counts[target], counts[reference], prior_weight=prior_weight)
    return table[table["a"] + table["b"] >= min_count].reset_index(drop=True)


def significance_summary(table: pd.DataFrame, alpha: float = 0.05) -> dict:
    """How many words pass p < alpha uncorrected and after Bonferroni correction over the
    words in ``table``; with the corrected critical G2."""
    critical = bonferroni_g2(len(table), alpha)
    return {
        "words tested": len(table),
        f"p < {alpha} (uncorrected)": int((table["p"] < alpha).sum()),
        "Bonferroni critical G2": round(critical, 2),
        "pass Bonferroni": int((table["g2"].abs() >= critical).sum()),
    }


# --- TF-IDF and similarity -------------------------------------------------------------------

def _identity(tokens):
    return tokens


def tfidf(token_lists: Iterable[list[str]], remove_stopwords: bool = True):
    """TF-IDF over pre-tokenized documents with scikit-learn's defaults: raw counts times
    smooth idf, ln((1 + N) / (1 + df)) + 1, rows L2-normalized. Returns (matrix, vocabulary)."""
    stop = stopwords() if remove_stopwords else frozenset()
    docs = [[t for t in tokens if t.lower() not in stop] for tokens in token_lists]
    vectorizer = TfidfVectorizer(analyzer=_identity)  # our tokens, not sklearn's regex
    matrix = vectorizer.fit_transform(docs)
    return matrix, vectorizer.get_feature_names_out()


def top_tfidf(matrix, vocabulary, labels, n: int = 10) -> pd.DataFrame:
    """The ``n`` highest-weighted words of each row (document), ties broken alphabetically:
    columns label, rank, word, tfidf."""
    dense = matrix.toarray()
    rows = []
    for label, weights in zip(labels, dense):
        order = sorted(range(len(vocabulary)), key=lambda k: (-weights[k], vocabulary[k]))[:n]
        rows += [{"label": label, "rank": r + 1, "word": vocabulary[k], "tfidf": weights[k]}
                 for r, k in enumerate(order) if weights[k] > 0]
    return pd.DataFrame(rows, columns=["label", "rank", "word", "tfidf"])


def pooled_tokens(corpus: pd.DataFrame, by: str = "year") -> pd.Series:
    """Each group's articles pooled as one token list (duplicates left out)."""
    rows = analysable(corpus)
    return rows.groupby(by)["tokens"].sum()


def similarity(corpus: pd.DataFrame) -> pd.DataFrame:
    """Cosine similarity of the articles' TF-IDF vectors (L2-normalized, so cosine = dot
    product), articles ordered by date then doc_id, labelled by doc_id."""
    rows = analysable(corpus).sort_values(["published", "doc_id"])
    matrix, _ = tfidf(rows["tokens"])
    sims = cosine_similarity(matrix)
    return pd.DataFrame(sims, index=rows["doc_id"], columns=rows["doc_id"])


def within_between(sims: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Mean cosine similarity of article pairs within each group and between groups.
    ``groups`` maps doc_id to group."""
    ids = list(sims.index)
    records = []
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            gx, gy = groups[x], groups[y]
            kind = f"within {gx}" if gx == gy else "between " + " and ".join(map(str, sorted([gx, gy])))
            records.append({"pair": kind, "similarity": sims.loc[x, y]})
    table = pd.DataFrame(records)
    return (table.groupby("pair")["similarity"].agg(["count", "mean", "min", "max"])
            .rename(columns={"count": "pairs"}))


# --- topics ----------------------------------------------------------------------------------

def nmf_topics(token_lists, k: int, seed: int = 0, n_top: int = 8):
    """NMF with ``k`` topics on the TF-IDF of ``token_lists`` (scikit-learn, random init with
    ``seed``). Returns (document-topic weights, each row normalized to sum to 1; topic table
    with the ``n_top`` words of each topic; the fitted model; the vocabulary)."""
    matrix, vocab = tfidf(token_lists)
    model = NMF(n_components=k, init="random", random_state=seed, max_iter=2000, tol=1e-5)
    weights = model.fit_transform(matrix)
    sums = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    topics = pd.DataFrame({
        "topic": [f"T{t + 1}" for t in range(k)],
        "top words": [", ".join(vocab[j] for j in np.argsort(-row, kind="stable")[:n_top])
                      for row in model.components_],
    })
    return shares, topics, model, vocab


def topic_stability(token_lists, ks=range(2, 9), seeds=range(20)) -> pd.DataFrame:
    """For each number of topics k: the reconstruction error of the first seed's model, and
    stability: over every pair of runs with different seeds, the mean cosine similarity between
    each topic of one run and its best match in the other (1 = the same topics whatever the
    random start). All pairs, so no run is privileged as the reference."""
    seeds = list(seeds)
    rows = []
    for k in ks:
        models = [nmf_topics(token_lists, k, seed=s)[2] for s in seeds]
        pair_scores = []
        for i in range(len(models)):
            for j in range(i + 1, len(models)):
                sims = cosine_similarity(models[i].components_, models[j].components_)
                pair_scores.append((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2)
        rows.append({"k": k, "reconstruction error": models[0].reconstruction_err_,
                     "stability": float(np.mean(pair_scores))})
    return pd.DataFrame(rows)


def topic_shares(shares: np.ndarray, paragraphs: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """Topic share per group: paragraphs' topic weights (each summing to 1), averaged over a
    group's paragraphs weighted by paragraph length in words. Rows groups, columns topics."""
    frame = pd.DataFrame(shares, columns=[f"T{t + 1}" for t in range(shares.shape[1])])
    frame = frame.mul(paragraphs["n_words"].to_numpy(), axis=0)
    frame[by] = paragraphs[by].to_numpy()
    sums = frame.groupby(by).sum()
    return sums.div(sums.sum(axis=1), axis=0)


# --- choices the notebooks make from the data ------------------------------------------------

def pick_groups(corpus: pd.DataFrame, by: str = "year"):
    """(target, reference) for a comparison: the latest and the earliest group of ``by`` among
    the analysable articles. Raises a clear error when there are fewer than two groups."""
    groups = sorted(plain(g) for g in analysable(corpus)[by].dropna().unique())
    if len(groups) < 2:
        raise ValueError(f"a comparison needs two groups of {by!r}; this corpus has "
                         f"{groups or 'none'}")
    return groups[-1], groups[0]


def choose_k(stability: pd.DataFrame, min_k: int = 3, tolerance: float = 0.01) -> int:
    """The number of topics: the smallest k >= ``min_k`` whose stability is within
    ``tolerance`` of the most stable such k (the simplest model among the most stable). Two
    topics are almost always stable because they only split a corpus in two, hence
    ``min_k=3``."""
    candidates = stability[stability["k"] >= min_k]
    if candidates.empty:
        raise ValueError(f"no k >= {min_k} in the stability table")
    best = candidates["stability"].max()
    return int(candidates.loc[candidates["stability"] >= best - tolerance, "k"].min())


def survivors(full: pd.DataFrame, subset: pd.DataFrame, threshold: float = 3.84) -> pd.DataFrame:
    """Words with |G2| >= ``threshold`` in the ``full`` comparison, with their G2 in the
    ``subset`` comparison and whether they keep the same direction there (``same_direction``)
    and still reach the threshold (``survives``)."""
    key = full[full["g2"].abs() >= threshold][["word", "a", "b", "g2"]]
    table = key.merge(subset[["word", "a", "b", "g2"]], on="word", how="left",
                      suffixes=("", "_subset"))
    table[["a_subset", "b_subset"]] = table[["a_subset", "b_subset"]].fillna(0).astype(int)
    table["g2_subset"] = table["g2_subset"].fillna(0.0)
    table["same_direction"] = np.sign(table["g2"]) == np.sign(table["g2_subset"])
    table["survives"] = table["same_direction"] & (table["g2_subset"].abs() >= threshold)
    return table.sort_values(["survives", "g2"], ascending=[False, False], ignore_index=True)


def missing_groups(corpus: pd.DataFrame, groups, by: str = "year") -> list:
    """The groups of ``groups`` that have no analysable article in ``corpus``."""
    present = {plain(g) for g in analysable(corpus)[by].dropna()}
    return [g for g in groups if g not in present]
