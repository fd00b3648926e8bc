"""Keyness tables, article-level keyness, TF-IDF and NMF as the project applies them."""
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import compare, stats
from helpers.corpus import paragraph_table


def test_keyness_table_by_hand_and_prior_is_stated_weight():
    table = compare.keyness({"hòa bình": 10, "và": 90}, {"hòa bình": 2, "và": 98},
                            prior_weight=50).set_index("word")
    row = table.loc["hòa bình"]
    assert (row["a"], row["b"]) == (10, 2)
    assert row["rate_target"] == pytest.approx(1000.0)
    assert row["rate_reference"] == pytest.approx(200.0)
    assert row["g2"] == pytest.approx(stats.g2(10, 2, 100, 100))
    assert row["log_ratio"] == pytest.approx(math.log2(5))
    # Prior: pooled counts 12 of 200 words, scaled to 50 pseudo-words -> alpha_w = 3.
    assert row["log_odds_z"] == pytest.approx(stats.log_odds_z(10, 2, 100, 100, 3.0, 50.0))


def test_keyness_uses_the_given_group_sizes():
    # 10 of 400 words against 2 of 1000: the sizes, not the counted words, are c and d.
    row = compare.keyness({"x": 10}, {"x": 2}, 400, 1000).iloc[0]
    assert row["rate_target"] == pytest.approx(250.0)
    assert row["rate_reference"] == pytest.approx(20.0)
    assert row["g2"] == pytest.approx(stats.g2(10, 2, 400, 1000))
    with pytest.raises(ValueError, match="smaller than its counted words"):
        compare.keyness({"x": 10}, {"x": 2}, 5, 1000)


def test_swapping_target_and_reference_flips_every_sign():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)]
    t = Counter({w: int(n) for w, n in zip(words, rng.integers(0, 20, 40), strict=False)})
    r = Counter({w: int(n) for w, n in zip(words, rng.integers(0, 20, 40), strict=False)})
    ab = compare.keyness(t, r).set_index("word").sort_index()
    ba = compare.keyness(r, t).set_index("word").sort_index()
    for col in ("g2", "log_ratio", "log_odds_z"):
        np.testing.assert_allclose(ab[col], -ba[col], atol=1e-12)
    np.testing.assert_allclose(ab["p"], ba["p"])


def test_keyness_ties_follow_vietnamese_collation():
    table = compare.keyness({"đồng": 3, "dân": 3, "ăn": 3}, {"khác": 5})
    assert table["word"].tolist()[:3] == ["ăn", "dân", "đồng"]     # not code-point order


def test_zero_counts_give_finite_statistics():
    table = compare.keyness({"a": 5, "b": 10}, {"b": 10, "c": 3})
    assert np.isfinite(table[["g2", "p", "log_ratio", "log_odds_z"]].to_numpy()).all()
    row = table.set_index("word").loc["a"]
    assert row["b"] == 0 and row["g2"] > 0 and row["log_odds_z"] > 0


def test_compare_groups_names_a_missing_group():
    corpus = helpers.load_corpus()
    message = r"no articles in group\(s\) \[2019\].*groups present: \[2021, 2023\]"
    with pytest.raises(ValueError, match=message):
        compare.compare_groups(corpus, 2019, 2021)


def test_compare_groups_counts_and_sizes_match_the_tokens():
    corpus = helpers.load_corpus()
    table = compare.compare_groups(corpus, 2023, 2021)
    stop = helpers.stopwords()
    tokens_2023 = [t for toks in corpus.loc[corpus.year == 2023, "tokens"] for t in toks]
    assert table["a"].sum() == sum(1 for t in tokens_2023 if t.lower() not in stop)
    assert "và" not in set(table["word"])
    # rates on the one basis: all words of the group, stopwords included
    row = table.iloc[0]
    assert row["rate_target"] == pytest.approx(row["a"] / len(tokens_2023) * 10_000)
    assert compare.group_sizes(corpus)[2023] == len(tokens_2023)


def test_significance_summary_counts_each_correction():
    table = pd.DataFrame({"g2": [20.0, 6.0, 4.0, 0.1], "p": stats.g2_p([20.0, 6.0, 4.0, 0.1])})
    summary = compare.significance_summary(table)
    assert summary["words tested"] == 4 and summary["p < 0.05 (uncorrected)"] == 3
    assert summary["expected by chance at p < 0.05"] == 0.2
    assert summary["Bonferroni critical G2"] == round(stats.bonferroni_g2(4), 2)
    assert summary["pass Bonferroni"] == 1          # only 20 clears 9.14
    assert summary["pass Benjamini-Hochberg (FDR 0.05)"] == 2


# --- article level ---------------------------------------------------------------------------

def _toy_corpus():
    return pd.DataFrame({
        "doc_id": list("abcde"), "year": [2023, 2023, 2021, 2021, 2021],
        "duplicate_of": [None] * 5,
        "tokens": [["x", "x", "y"], ["x", "y"], ["y", "z"], ["y", "z", "z"], ["z", "y"]],
    })


def test_article_keyness_on_five_articles_is_exact_with_floor_one_tenth():
    table = compare.article_keyness(_toy_corpus(), 2023, 2021, ["x", "y", "z"]).set_index("word")
    assert table.attrs["min_p"] == pytest.approx(0.1) and table.attrs["exact"]
    assert table.loc["x", "p_article"] == pytest.approx(0.1)
    assert (table.loc["x", "articles_target"], table.loc["x", "articles_reference"]) == (2, 0)
    assert table.loc["z", "rate_diff"] < 0
    # Bonferroni over 3 words needs p <= 0.0167: impossible with 10 splits
    assert not table["passes_bonferroni"].any()
    # x: rates 6666.7 and 5000 against 0 -> mean difference 5833.3
    assert table.loc["x", "rate_diff"] == pytest.approx((2 / 3 + 1 / 2) / 2 * 10_000)


def test_article_keyness_needs_both_groups():
    corpus = _toy_corpus()
    with pytest.raises(ValueError, match="needs articles in both 2019 and 2021"):
        compare.article_keyness(corpus, 2019, 2021, ["x"])


def test_article_keyness_scales_to_a_thousand_articles():
    rng = np.random.default_rng(2)
    vocab = [f"w{i}" for i in range(200)]
    tokens = [list(rng.choice(vocab, size=150)) for _ in range(1000)]
    corpus = pd.DataFrame({"year": [2023] * 400 + [2021] * 600, "duplicate_of": [None] * 1000,
                           "tokens": tokens})
    import time
    start = time.perf_counter()
    table = compare.article_keyness(corpus, 2023, 2021, vocab)
    assert time.perf_counter() - start < 30
    assert table.attrs["n_splits"] == 9_999 and not table.attrs["exact"]
    # random words: roughly uniform p, so about 5% below 0.05 and nothing passes Bonferroni
    assert (table["p_article"] < 0.05).mean() < 0.15
    assert not table["passes_bonferroni"].any()


# --- TF-IDF, similarity, topics ----------------------------------------------------------------

def test_tfidf_is_smooth_idf_with_l2_norm_by_hand():
    docs = [["hòa bình", "hợp tác", "hòa bình"], ["hợp tác", "phát triển"], ["hòa bình"]]
    matrix, vocab = compare.tfidf(docs, remove_stopwords=False)
    n = 3
    df = {"hòa bình": 2, "hợp tác": 2, "phát triển": 1}
    idf = {w: math.log((1 + n) / (1 + k)) + 1 for w, k in df.items()}
    expected = []
    for doc in docs:
        row = np.array([doc.count(w) * idf[w] for w in vocab])
        expected.append(row / np.linalg.norm(row))
    np.testing.assert_allclose(matrix.toarray(), np.array(expected), rtol=1e-12)
    assert list(vocab) == ["hòa bình", "hợp tác", "phát triển"]
    # idf of a word in one document only is ln(4/2) + 1, larger than of a shared word
    assert idf["phát triển"] == pytest.approx(math.log(2) + 1)


def test_top_tfidf_keeps_ties_at_the_cut():
    m = np.array([[0.5, 0.5, 0.5, 0.9], [0.0, 0.0, 0.1, 0.0]])
    table = compare.top_tfidf(m, ["đồng", "dân", "ăn", "z"], ["A", "B"], n=2)
    first = table[table.label == "A"]
    assert first["word"].tolist() == ["z", "ăn", "dân", "đồng"]
    assert first["tied_at_cut"].tolist() == [False, True, True, True]
    assert first["rank"].tolist() == [1, 2, 2, 2]
    assert table[table.label == "B"]["word"].tolist() == ["ăn"]   # zero weights never listed


def test_nmf_is_reproducible_and_returns_named_fields():
    corpus = helpers.load_corpus()
    paragraphs = paragraph_table(corpus)
    one = compare.nmf_topics(paragraphs["tokens"], 3, seed=4)
    two = compare.nmf_topics(paragraphs["tokens"], 3, seed=4)
    np.testing.assert_array_equal(one.shares, two.shares)
    pd.testing.assert_frame_equal(one.topics, two.topics)
    sums = one.shares.sum(axis=1)
    np.testing.assert_allclose(sums[sums > 0], 1.0)
    assert one.model.components_.shape == (3, len(one.vocabulary))


def test_topic_stability_reports_the_spread_between_seed_sets():
    docs = [["a", "b"], ["a", "b", "c"], ["c", "d"], ["d", "e"], ["e", "a"], ["b", "d"]] * 2
    table = compare.topic_stability(docs, ks=[2, 3], seeds=range(8), n_sets=4)
    assert (table["spread"] == table["set_max"] - table["set_min"]).all()
    assert ((table["set_min"] <= table["stability"] + 1e-12)
            & (table["stability"] <= table["set_max"] + 1e-12)).all()
    with pytest.raises(ValueError, match="need at least 8 seeds"):
        compare.topic_stability(docs, ks=[2], seeds=range(5), n_sets=4)


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


def test_top_keywords_keep_the_tie_at_the_cut_on_the_seeds():
    corpus = helpers.load_corpus()
    table = compare.compare_groups(corpus, 2023, 2021)
    top = compare.top_keywords(table, 12, "reference")
    cut = top["g2"].iat[11]
    tied = table[table["g2"] == cut]["word"]
    assert set(tied) <= set(top["word"])              # every word tied at the cut is shown
    assert top.loc[top["g2"] == cut, "tied_at_cut"].all() == (len(top) > 12)
    with pytest.raises(ValueError, match="side must be"):
        compare.top_keywords(table, 3, "both")


def test_article_keyness_names_articles_without_words():
    corpus = _toy_corpus()
    corpus.at[4, "tokens"] = []
    with pytest.raises(ValueError, match=r"articles without words have no rate: \['e'\]"):
        compare.article_keyness(corpus, 2023, 2021, ["x"])


def test_no_word_to_weigh_gives_empty_tables_not_errors():
    # a folder of English pages has no analysable article; an article may be all stopwords
    matrix, vocab = compare.tfidf([])
    assert matrix.shape == (0, 0) and len(vocab) == 0
    matrix, vocab = compare.tfidf([["và", "của"], []])
    assert matrix.shape == (2, 0) and len(vocab) == 0
    assert compare.top_tfidf(matrix, vocab, ["a", "b"]).empty
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "duplicate_of": [None, None],
                           "published": pd.to_datetime(["2021-12-14", "2023-12-19"]),
                           "tokens": [["và"], ["của"]]})
    assert compare.similarity(corpus).to_numpy().tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert compare.similarity(corpus.iloc[:0]).empty
