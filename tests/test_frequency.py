"""Word counts against hand-counted values."""
import math

import pandas as pd
import pytest

import helpers
from helpers import frequency
from helpers.pages import PageResult
from helpers.text import segment


def test_word_counts_by_hand():
    docs = [["hòa bình", "hợp tác", "hòa bình"], ["hợp tác", "phát triển"], ["hòa bình"]]
    table = helpers.word_counts(docs).set_index("word")
    # 6 words in all: hòa bình 3, hợp tác 2, phát triển 1.
    assert table["count"].to_dict() == {"hòa bình": 3, "hợp tác": 2, "phát triển": 1}
    assert table["docs"].to_dict() == {"hòa bình": 2, "hợp tác": 2, "phát triển": 1}
    assert table.loc["hòa bình", "per_10k"] == 5000.0
    assert table.loc["phát triển", "per_10k"] == pytest.approx(10_000 / 6)


def test_removing_stopwords_never_changes_a_rate():
    tokens = [["và", "hợp tác", "của", "hợp tác"]]
    kept = helpers.word_counts(tokens, remove_stopwords=True)
    every = helpers.word_counts(tokens).set_index("word")
    assert kept.to_dict("records") == [{"word": "hợp tác", "count": 2, "per_10k": 5000.0, "docs": 1}]
    assert every.loc["hợp tác", "per_10k"] == 5000.0     # 2 of all 4 words, either way


def test_word_counts_ties_in_vietnamese_order():
    table = helpers.word_counts([["đồng", "dân", "ăn", "an"]])
    assert table["word"].tolist() == ["an", "ăn", "dân", "đồng"]


def test_raw_vs_clean_counts_what_cleaning_removed():
    table = helpers.raw_vs_clean(["Hợp tác.\nXổ số hôm nay, xổ số miền Nam."], [["hợp tác"]], n=5)
    row = table.set_index("word").loc["xổ số"]
    assert (row["raw"], row["clean"], row["removed"]) == (2, 0, 2)
    assert "hợp tác" not in table.loc[table["removed"] > 0, "word"].tolist()


# --- n-grams and collocates ------------------------------------------------------------------



def test_ngrams_stay_inside_paragraphs_and_drop_stopword_edges():
    paragraphs = [["hợp tác", "quốc tế"], ["quốc tế", "hòa bình"], ["hợp tác", "quốc tế", "và"]]
    table = frequency.ngrams(paragraphs, n=2, min_count=1).set_index("ngram")
    assert table.loc["hợp tác · quốc tế", "count"] == 2
    assert table.loc["hợp tác · quốc tế", "paragraphs"] == 2
    assert "quốc tế · quốc tế" not in table.index          # would cross a paragraph edge
    assert "quốc tế · và" not in table.index               # ends with a stopword
    kept = frequency.ngrams(paragraphs, n=2, min_count=1, drop_stopword_edges=False)
    assert "quốc tế · và" in set(kept["ngram"])


def test_collocate_scores_worked_by_hand():
    # One paragraph of 10 words; node "x" at positions 2 and 7, window 1.
    tokens = ["a", "b", "x", "c", "d", "e", "b", "x", "c", "f"]
    table = frequency.collocates([tokens], "x", window=1, min_count=1, min_g2=None,
                                 remove_stopwords=False).set_index("collocate")
    # Window positions {1, 3, 6, 8}: b, c, b, c -> W = 4; N = 10; f(x) = 2.
    row = table.loc["c"]
    assert (row["o11"], row["f_coll"], row["f_node"]) == (2, 2, 2)
    expected = 2 * 4 / 10                                   # E = f_coll * W / N
    assert row["pmi"] == pytest.approx(math.log2(2 / expected))
    assert row["log_dice"] == pytest.approx(14 + math.log2(2 * 2 / (2 + 2)))
    # G2: c inside the windows 2 of 4 words, outside 0 of N - W - f(node) = 4 words.
    by_hand = 2 * (2 * math.log(2 / 1) + 0 + 2 * math.log(2 / 3) + 4 * math.log(4 / 3))
    assert row["g2"] == pytest.approx(by_hand)
    assert set(table.index) == {"b", "c"}


def test_collocates_keep_only_words_past_the_stated_threshold():
    paras = [["a", "x", "b"], ["a", "x", "c"], ["d", "e", "f", "g", "h"]] * 2
    every = frequency.collocates(paras, "x", window=1, min_g2=None,
                                 remove_stopwords=False).set_index("collocate")
    # a: 4 of 8 window words, 0 of the 10 outside -> G2 7.98; b, c: 2 of 8, 0 outside -> 3.56
    assert every.loc["a", "g2"] == pytest.approx(7.979, abs=1e-3)
    assert every.loc["b", "g2"] == pytest.approx(3.561, abs=1e-3)
    kept = frequency.collocates(paras, "x", window=1, remove_stopwords=False)
    assert kept["collocate"].tolist() == ["a"]                   # G2 >= 3.84 by default
    assert frequency.COLLOCATE_MIN_G2 == 3.84 and frequency.COLLOCATE_MIN_COUNT == 2
    assert frequency.collocates(paras, "x", window=1, min_count=3, min_g2=None,
                                remove_stopwords=False)["collocate"].tolist() == ["a"]


def test_collocates_of_a_missing_node_are_empty():
    assert frequency.collocates([["a", "b"]], "x").empty


# --- KWIC ------------------------------------------------------------------------------------

def _corpus(paragraphs_by_doc):
    """A corpus table as load_corpus makes it, with each row's page result holding the
    segments of its paragraphs (no cleaning: every paragraph is body text)."""
    rows = []
    for d, ps in paragraphs_by_doc.items():
        text = "\n".join(ps)
        page = PageResult(f"{d}.txt", "ok", segments=tuple(tuple(s) for s in segment(text)))
        rows.append({"doc_id": d, "text": text, "duplicate_of": None, "page": page})
    return pd.DataFrame(rows)


def test_kwic_matches_whole_words_and_phrases_across_segmentations():
    corpus = _corpus({"a": ["Ngoại giao cây tre Việt Nam là ngoại giao hiện đại."]})
    lines = frequency.kwic(corpus, "cây tre")
    assert lines["match"].tolist() == ["cây tre"]
    assert lines["left"].iat[0] == "Ngoại giao" and lines["right"].iat[0].startswith("Việt Nam")
    assert len(frequency.kwic(corpus, "ngoại giao")) == 2       # case-insensitive


def test_kwic_does_not_match_inside_a_longer_segment_unless_asked():
    tokens = ["công tác", "ngoại giao kinh tế", "quan trọng"]
    assert frequency.find_phrase(tokens, "ngoại giao") == []
    assert frequency.find_phrase(tokens, "ngoại giao", partial=True) == [(1, 2)]
    assert frequency.find_phrase(tokens, "ngoại giao kinh tế") == [(1, 2)]


def test_kwic_context_stops_at_paragraph_and_article_edges():
    corpus = _corpus({"a": ["Mở đầu. ASEAN", "ASEAN hợp tác."], "b": ["Khác hẳn ASEAN"]})
    lines = frequency.kwic(corpus, "ASEAN")
    assert lines[["doc_id", "paragraph"]].values.tolist() == [["a", 1], ["a", 2], ["b", 1]]
    assert lines["right"].tolist() == ["", "hợp tác.", ""]
    assert lines["left"].tolist() == ["Mở đầu.", "", "Khác hẳn"]


def test_kwic_sorts_by_left_or_right_context_and_cuts_at_word_boundaries():
    corpus = _corpus({"a": ["Hợp tác ASEAN vững mạnh", "Cộng đồng ASEAN bền vững"]})
    assert frequency.kwic(corpus, "ASEAN")["right"].tolist() == ["vững mạnh", "bền vững"]
    assert frequency.kwic(corpus, "ASEAN", sort="right")["right"].tolist() == ["bền vững", "vững mạnh"]
    assert frequency.kwic(corpus, "ASEAN", sort="left")["left"].tolist() == ["Cộng đồng", "Hợp tác"]
    with pytest.raises(ValueError, match="sort must be"):
        frequency.kwic(corpus, "ASEAN", sort="middle")
    punct = _corpus({"a": ["ASEAN, bền vững", "ASEAN “ái hữu”", "ASEAN hợp tác"]})
    # sorted on the first word after the node, punctuation skipped: ái < bền < hợp
    assert frequency.kwic(punct, "ASEAN", sort="right")["right"].tolist() == [
        "“ái hữu”", ", bền vững", "hợp tác"]
    assert frequency.kwic(_corpus({"a": ["đồng ASEAN", "dân, ASEAN"]}), "ASEAN",
                          sort="left")["left"].tolist() == ["dân,", "đồng"]
    long = _corpus({"a": ["một hai ba bốn năm sáu ASEAN bảy tám chín mười"]})
    row = frequency.kwic(long, "ASEAN", width=9).iloc[0]
    assert row["left"] == "…năm sáu" and row["right"] == "bảy tám…"


# --- dispersion ------------------------------------------------------------------------------

def test_positions_and_dispersion_handle_phrases():
    corpus = _corpus({"a": ["x"]}).assign(tokens=[["ngoại giao", "cây", "tre", "hòa bình", "cây tre"]])
    pos = frequency.positions(corpus, ["cây tre"])
    assert pos["index"].tolist() == [1, 4]
    assert pos["relative"].tolist() == [0.25, 1.0]
    table = frequency.dispersion(corpus, ["cây tre", "ASEAN"]).set_index("word")
    assert table.loc["cây tre", "count"] == 2 and table.loc["ASEAN", "count"] == 0


def test_frequency_table_per_group_matches_tokens():
    corpus = helpers.load_corpus()
    table = frequency.frequency_table(corpus, by="year")
    stop = helpers.stopwords()
    n_2023 = sum(1 for toks in corpus.loc[corpus.year == 2023, "tokens"] for t in toks
                 if t.lower() not in stop)
    assert table.loc[table.group == 2023, "count"].sum() == n_2023
    assert (table.loc[table.group == 2023, "words"]
            == sum(len(t) for t in corpus.loc[corpus.year == 2023, "tokens"])).all()
    wide = frequency.top_by_group(table, n=5)
    assert {"count_2021", "count_2023", "per_10k_2021", "per_10k_2023"} <= set(wide.columns)
    assert wide["word"].iat[0] == "đối ngoại"


def test_top_by_group_holds_each_groups_own_top_words_and_ties():
    table = pd.DataFrame({"group": [1, 1, 1, 2, 2, 2], "word": ["a", "b", "c", "a", "d", "e"],
                          "count": [9, 5, 5, 8, 1, 1], "per_10k": [1.0] * 6})
    wide = frequency.top_by_group(table, n=2).set_index("word")
    # group 1: a, then b and c tied at the cut; group 2: a, then d and e tied
    assert sorted(wide.index) == ["a", "b", "c", "d", "e"]
    assert wide.loc["a", "top_in"] == "1, 2" and wide.loc["d", "top_in"] == "2"
    assert wide.loc["b", "tied_at_cut"] and not wide.loc["a", "tied_at_cut"]
    small = pd.DataFrame({"group": [1, 1, 2, 2], "word": ["a", "b", "x", "y"],
                          "count": [50, 40, 3, 2], "per_10k": [1.0] * 4})
    # a small group's own top word is kept even though the large group's words outnumber it
    assert "x" in set(frequency.top_by_group(small, n=1)["word"])


def test_raw_vs_clean_and_side_by_side_keep_ties():
    table = helpers.raw_vs_clean(["bút bàn áo hợp tác"], [["hợp tác"]], n=1)
    assert table["word"].tolist() == ["áo", "bàn", "bút"] and table["tied_at_cut"].all()
    a = pd.DataFrame({"word": ["x", "y", "z"], "count": [3, 2, 2]})
    both = frequency.side_by_side({"A": a, "B": a.head(1)}, n=2)
    assert both["A: word"].tolist() == ["x", "y", "z"]
    assert both["B: word"].iloc[1:].isna().all()
