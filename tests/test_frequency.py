"""Word counts against hand-counted values."""
import helpers


def test_word_counts_by_hand():
    docs = [["hòa bình", "hợp tác", "hòa bình"], ["hợp tác", "phát triển"], ["hòa bình"]]
    table = helpers.word_counts(docs).set_index("word")
    # 6 words in all: hòa bình 3, hợp tác 2, phát triển 1.
    assert table["count"].to_dict() == {"hòa bình": 3, "hợp tác": 2, "phát triển": 1}
    assert table["docs"].to_dict() == {"hòa bình": 2, "hợp tác": 2, "phát triển": 1}
    assert table.loc["hòa bình", "per_10k"] == 5000.0
    assert table.loc["phát triển", "per_10k"] == round(10_000 / 6, 1)


def test_stopwords_change_the_denominator_too():
    table = helpers.word_counts([["và", "hợp tác", "của", "hợp tác"]], remove_stopwords=True)
    assert table.to_dict("records") == [{"word": "hợp tác", "count": 2, "per_10k": 10000.0, "docs": 1}]


def test_raw_vs_clean_counts_what_cleaning_removed():
    table = helpers.raw_vs_clean(["Hợp tác.\nXổ số hôm nay, xổ số miền Nam."], [["hợp tác"]], n=5)
    row = table.set_index("word").loc["xổ số"]
    assert (row["raw"], row["clean"], row["removed"]) == (2, 0, 2)
    assert "hợp tác" not in table.loc[table["removed"] > 0, "word"].tolist()
