"""Keyness statistics against hand-worked values and scipy; TF-IDF and NMF behaviour."""
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from sklearn.feature_extraction.text import TfidfVectorizer

import helpers
from helpers import compare


def test_g2_worked_by_hand():
    # a=10 of c=1000 words, b=2 of d=1000. Expected counts: 6, 6, 994, 994.
    by_hand = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6)
                   + 990 * math.log(990 / 994) + 998 * math.log(998 / 994))
    assert compare.log_likelihood(10, 2, 1000, 1000) == pytest.approx(by_hand, rel=1e-12)
    assert by_hand == pytest.approx(5.8543, abs=1e-4)


@pytest.mark.parametrize("a, b, c, d", [(10, 2, 1000, 1000), (3, 40, 2500, 9000),
                                        (0, 7, 1200, 800), (55, 0, 3000, 3100), (1, 1, 10, 20)])
def test_g2_and_p_agree_with_scipy(a, b, c, d):
    table = np.array([[a, b], [c - a, d - b]])
    g2, p, _, _ = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    ours = compare.log_likelihood(a, b, c, d)
    assert abs(ours) == pytest.approx(g2, rel=1e-9)
    assert np.sign(ours) == np.sign(a / c - b / d)
    assert compare.g2_p_value(ours) == pytest.approx(p, rel=1e-9)


def test_log_ratio_and_zero_adjustment_by_hand():
    assert compare.log_ratio(8, 2, 1000, 1000) == pytest.approx(2.0)          # log2(4)
    assert compare.log_ratio(6, 3, 600, 1200) == pytest.approx(2.0)           # (1%/.25%)
    assert compare.log_ratio(4, 0, 1000, 1000) == pytest.approx(math.log2(4 / 0.5))
    assert compare.log_ratio(0, 4, 1000, 1000) == pytest.approx(-3.0)


def test_log_odds_z_worked_by_hand():
    # y_i=10, y_j=2, n_i=n_j=1000, alpha_w=1, alpha_0=100 (Monroe et al. 2008, eq. 16 and 22)
    delta = math.log(11 / (1000 + 100 - 10 - 1)) - math.log(3 / (1000 + 100 - 2 - 1))
    z = delta / math.sqrt(1 / 11 + 1 / 3)
    assert compare.log_odds_z(10, 2, 1000, 1000, 1.0, 100.0) == pytest.approx(z, rel=1e-12)
    assert z == pytest.approx(2.006, abs=1e-3)


def test_keyness_table_by_hand_and_prior_is_stated_weight():
    table = compare.keyness({"hòa bình": 10, "và": 90}, {"hòa bình": 2, "và": 98},
                            prior_weight=50).set_index("word")
    row = table.loc["hòa bình"]
    assert (row["a"], row["b"]) == (10, 2)
    assert row["rate_target"] == pytest.approx(1000.0) and row["rate_reference"] == pytest.approx(200.0)
    assert row["g2"] == pytest.approx(compare.log_likelihood(10, 2, 100, 100))
    assert row["log_ratio"] == pytest.approx(math.log2(5))
    # Prior: pooled counts 12 of 200 words, scaled to 50 pseudo-words -> alpha_w = 3.
    assert row["log_odds_z"] == pytest.approx(compare.log_odds_z(10, 2, 100, 100, 3.0, 50.0))


def test_swapping_target_and_reference_flips_every_sign():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)]
    t = Counter({w: int(n) for w, n in zip(words, rng.integers(0, 20, 40))})
    r = Counter({w: int(n) for w, n in zip(words, rng.integers(0, 20, 40))})
    ab = compare.keyness(t, r).set_index("word").sort_index()
    ba = compare.keyness(r, t).set_index("word").sort_index()
    for col in ("g2", "log_ratio", "log_odds_z"):
        np.testing.assert_allclose(ab[col], -ba[col], atol=1e-12)
    np.testing.assert_allclose(ab["p"], ba["p"])


def test_zero_counts_give_finite_statistics():
    table = compare.keyness({"a": 5, "b": 10}, {"b": 10, "c": 3})
    assert np.isfinite(table[["g2", "p", "log_ratio", "log_odds_z"]].to_numpy()).all()
    row = table.set_index("word").loc["a"]
    assert row["b"] == 0 and row["g2"] > 0 and row["log_odds_z"] > 0


def test_bonferroni_threshold_matches_scipy():
    for m in (1, 10, 617):
        assert compare.bonferroni_g2(m) == pytest.approx(stats.chi2.isf(0.05 / m, 1), rel=1e-6)


def test_compare_groups_names_a_missing_group():
    corpus = helpers.load_corpus()
    with pytest.raises(ValueError, match=r"no articles in group\(s\) \[2019\].*groups present: \[2021, 2023\]"):
        compare.compare_groups(corpus, 2019, 2021)


def test_compare_groups_counts_match_token_counts():
    corpus = helpers.load_corpus()
    table = compare.compare_groups(corpus, 2023, 2021)
    stop = helpers.stopwords()
    expected_2023 = sum(1 for toks in corpus.loc[corpus.year == 2023, "tokens"] for t in toks
                        if t.lower() not in stop)
    assert table["a"].sum() == expected_2023
    assert "và" not in set(table["word"])


def test_tfidf_is_sklearn_smooth_idf_with_l2_norm_by_hand():
    docs = [["hòa bình", "hợp tác", "hòa bình"], ["hợp tác", "phát triển"], ["hòa bình"]]
    matrix, vocab = compare.tfidf(docs, remove_stopwords=False)
    n = 3
    df = {"hòa bình": 2, "hợp tác": 2, "phát triển": 1}
    idf = {w: math.log((1 + n) / (1 + k)) + 1 for w, k in df.items()}
    first = np.array([2 * idf["hòa bình"], 1 * idf["hợp tác"], 0.0])
    first /= np.linalg.norm(first)
    got = dict(zip(vocab, matrix.toarray()[0]))
    assert [got["hòa bình"], got["hợp tác"], got["phát triển"]] == pytest.approx(list(first))
    # And identical to scikit-learn's own vectorizer given the same tokens.
    reference = TfidfVectorizer(analyzer=lambda d: d).fit(docs)
    np.testing.assert_allclose(matrix.toarray(), reference.transform(docs).toarray())


def test_nmf_is_reproducible_with_its_seed():
    corpus = helpers.load_corpus()
    paragraphs = compare.paragraph_table(corpus)
    s1, t1, _, _ = compare.nmf_topics(paragraphs["tokens"], 3, seed=4)
    s2, t2, _, _ = compare.nmf_topics(paragraphs["tokens"], 3, seed=4)
    np.testing.assert_array_equal(s1, s2)
    pd.testing.assert_frame_equal(t1, t2)
    np.testing.assert_allclose(s1.sum(axis=1)[s1.sum(axis=1) > 0], 1.0)


def test_topic_shares_weight_paragraphs_by_length():
    shares = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    paragraphs = pd.DataFrame({"year": [2021, 2021, 2023], "n_words": [30, 10, 8]})
    table = compare.topic_shares(shares, paragraphs)
    assert table.loc[2021].tolist() == pytest.approx([0.75, 0.25])
    assert table.loc[2023].tolist() == pytest.approx([0.5, 0.5])


def test_within_between_averages_the_right_pairs():
    ids = ["a", "b", "c"]
    sims = pd.DataFrame([[1, .8, .2], [.8, 1, .4], [.2, .4, 1]], index=ids, columns=ids)
    table = compare.within_between(sims, pd.Series({"a": 2021, "b": 2021, "c": 2023}))
    assert table.loc["within 2021", "mean"] == pytest.approx(0.8)
    assert table.loc["between 2021 and 2023", "mean"] == pytest.approx(0.3)
    assert table.loc["between 2021 and 2023", "pairs"] == 2


def test_pick_groups_and_missing_group_message():
    corpus = helpers.load_corpus()
    assert compare.pick_groups(corpus) == (2023, 2021)
    with pytest.raises(ValueError, match=r"needs two groups of 'year'; this corpus has \[2021\]"):
        compare.pick_groups(corpus[corpus.year == 2021])


def test_choose_k_prefers_stability_then_simplicity():
    table = pd.DataFrame({"k": [2, 3, 4, 5, 8], "stability": [1.0, 0.9, 0.955, 0.93, 0.96]})
    assert compare.choose_k(table) == 4            # within 0.01 of the best (k=8); k=2 excluded
    assert compare.choose_k(table, tolerance=0.0) == 8
    assert compare.choose_k(table, min_k=2) == 2
    with pytest.raises(ValueError, match="no k >= 9"):
        compare.choose_k(table, min_k=9)


def test_survivors_tracks_direction_and_threshold():
    full = pd.DataFrame({"word": ["x", "y", "z"], "a": [9, 0, 5], "b": [0, 9, 0],
                         "g2": [12.0, -12.0, 5.0]})
    subset = pd.DataFrame({"word": ["x", "y"], "a": [5, 2], "b": [0, 0], "g2": [6.0, 1.0]})
    table = compare.survivors(full, subset).set_index("word")
    assert table.loc["x", "survives"] and table.loc["x", "same_direction"]
    assert not table.loc["y", "same_direction"] and not table.loc["y", "survives"]
    assert table.loc["z", "g2_subset"] == 0.0 and not table.loc["z", "survives"]
