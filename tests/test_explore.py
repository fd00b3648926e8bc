"""The interactive tools, driven without a browser: set the controls as a user would, read the
table and the output area."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers import choices, explore
from helpers.compare import compare_groups
from helpers.corpus import corpus_from_texts

TEXTS = {
    "a": "Hợp tác và phát triển là mục tiêu.\nTăng cường hợp tác kinh tế.",
    "b": "Hòa bình, hợp tác quốc tế.",
    "c": "Ngoại giao cây tre. Hòa bình và ổn định.",
}


@pytest.fixture
def typed():
    return corpus_from_texts(TEXTS, year=[2023, 2021, 2023], kind=["report", "interview", "report"])


@pytest.fixture(scope="module")
def seeds():
    return h.load_corpus(on_error="skip")


def test_concordance_box_lines_by_group_sorted(typed):
    box = explore.ConcordanceBox(typed, term="hợp tác")
    table = box.table
    assert table["year"].tolist() == [2021, 2023, 2023]
    # Inside 2023, sorted on the word after the match: "kinh" before "và".
    assert table["right"].tolist()[1:] == ["kinh tế.", "và phát triển là mục tiêu."]
    assert "3 line(s) (2021: 1, 2023: 2)" in box.message
    assert "kinh tế." in box.result.value and "<table" in box.result.value


def test_typing_in_the_box_refreshes_the_output(typed):
    box = explore.ConcordanceBox(typed, term="hợp tác")
    box.term.value = "hòa bình"  # what the browser does
    assert set(box.table["doc_id"]) == {"b", "c"}
    assert "&#x27;hòa bình&#x27;: 2 line(s)" in box.result.value
    box.update(by="kind", sort="left")
    assert box.table["kind"].tolist() == ["interview", "report"]


def test_empty_or_absent_term_gives_no_lines(typed):
    box = explore.ConcordanceBox(typed)
    assert box.update(term="").empty
    assert box.update(term="không có").empty
    assert "0 line(s)" in box.text()


def test_update_rejects_unknown_controls_and_values(typed):
    box = explore.ConcordanceBox(typed)
    with pytest.raises(TypeError, match="no control 'colour'"):
        box.update(colour="red")
    with pytest.raises(ValueError, match="not one of"):
        box.update(by="nothing")


def test_word_picker_counts_and_collocates_on_seeds(seeds):
    picker = explore.WordPicker(seeds, word="ngoại giao")
    docs = h.analysable(seeds)
    expected = sum(tokens.count("ngoại giao") for tokens in docs["tokens"])
    assert picker.table["count"].sum() == expected
    assert set(picker.table["group"]) == set(docs["event"].dropna())
    assert picker.image[:8] == b"\x89PNG\r\n\x1a\n"
    assert picker.collocates["o11"].gt(0).all() and len(picker.collocates)
    picker.update(word="đối ngoại", by="year")
    assert set(picker.table["group"]) == set(docs["year"].dropna())
    assert "'đối ngoại'" in picker.message
    assert "collocates (window 5)" in picker.text()


def test_word_picker_without_dates_has_no_chart_and_says_so(typed):
    picker = explore.WordPicker(typed, word="hợp tác", by="year")
    assert picker.image is None and "no chart" in picker.message
    assert picker.table.set_index("group")["count"].to_dict() == {2021: 1, 2023: 2}


def test_comparison_picker_any_column_two_values(typed):
    picker = explore.ComparisonPicker(typed, column="year")
    assert (picker.target.value, picker.reference.value) == (2023, 2021)
    picker.update(column="kind")
    assert list(picker.target.options) == ["interview", "report"]
    table = picker.update(target="report", reference="interview")
    key = compare_groups(typed, "report", "interview", by="kind")
    assert set(table["word"]) <= set(key["word"])
    expected = key.set_index("word").loc[table["word"], "a"].to_dict()
    assert table.set_index("word")["a"].to_dict() == expected
    assert picker.image[:4] == b"\x89PNG"


def test_comparison_of_a_group_with_itself_is_a_message_not_a_crash(typed):
    picker = explore.ComparisonPicker(typed, column="year")
    picker.update(target=2021, reference=2021)
    assert picker.table.empty and "two different values" in picker.message
    assert "two different values" in picker.result.value


def test_headless_display_is_plain_table_and_deterministic(typed):
    one = explore.ConcordanceBox(typed, term="hợp tác")._repr_mimebundle_()
    two = explore.ConcordanceBox(typed, term="hợp tác")._repr_mimebundle_()
    assert one["text/plain"] == two["text/plain"] and one["text/html"] == two["text/html"]
    assert "VBox" not in one["text/plain"] and "kinh tế." in one["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in one


def test_group_columns_leave_out_ids_and_text(typed):
    columns = explore.group_columns(typed)
    assert "year" in columns and "kind" in columns
    assert "doc_id" not in columns and "text" not in columns


def test_group_values_numbers_then_vietnamese_order():
    corpus = pd.DataFrame({"outlet": ["Đảng", "An", "Bình", None], "duplicate_of": [None] * 4})
    assert explore.group_values(corpus, "outlet") == ["An", "Bình", "Đảng"]


def test_findings_overview_on_seeds_states_computed_numbers(seeds):
    overview = explore.findings_overview(seeds)
    table = overview["table"]
    assert (overview["target"], overview["reference"]) == (2023, 2021)
    assert overview["like_kind"] == choices.like_for_like_kind(seeds, 2023, 2021)
    assert overview["sentences"][0].startswith(f"{table.attrs['words_tested']} words were tested")
    claims = explore.claims_table(table, n=len(table))
    kept = claims["robustness"].str.contains("kept like for like")
    # Words that keep their direction like for like come first.
    assert kept.any() and not kept.iloc[kept.sum():].any()
    statement = explore.strongest_statement(overview)
    assert f"{int(kept.sum())} word(s) keep their direction" in statement
    assert f"smallest article-level p is {table.attrs['article_min_p']:.3g}" in statement


def test_findings_overview_on_one_group_says_so(typed):
    one_year = typed.assign(year=2023)
    overview = explore.findings_overview(one_year)
    assert overview["table"] is None
    assert overview["sentences"] == [
        "The articles fall into fewer than two groups of year (2023), so there is nothing to "
        "compare."]
    assert explore.strongest_statement(overview) == overview["sentences"][0]


def test_like_for_like_kind_none_when_groups_share_no_kind(typed):
    assert choices.like_for_like_kind(typed, 2023, 2021) is None
    assert choices.like_for_like_kind(typed.drop(columns="kind"), 2023, 2021) is None


def test_findings_overview_compares_like_for_like_on_notebook_03s_kind():
    # "news" is the larger kind of both years, but a closing report exists in both: notebook
    # 03 compares closing reports, and so does 06's overview (they had chosen differently).
    years = [2023, 2023, 2023, 2023, 2021, 2021, 2021, 2021]
    kinds = ["news", "news", "news", "closing report"] * 2
    corpus = pd.DataFrame({"year": years, "kind": kinds, "duplicate_of": [None] * 8,
                           "tokens": [["hội", "nghị", str(i % 3)] for i in range(8)]})
    assert explore.findings_overview(corpus)["like_kind"] == "closing report"
    assert explore.findings_overview(corpus.assign(kind="news"))["like_kind"] == "news"
    assert choices.like_for_like_kind(corpus.rename(columns={"kind": "type"}), 2023, 2021,
                                      kind="type") == "closing report"


def test_lesson_tables():
    units = explore.syllables_and_words("Bộ trưởng Bùi Thanh Sơn phát biểu.")
    # Punctuation is neither a syllable of its own nor a word.
    assert units["count"].tolist() == [7, 3]
    assert units["items"].iat[1] == "Bộ trưởng | Bùi Thanh Sơn | phát biểu"
    forms = explore.unicode_forms("Ho\u0300a").set_index("form")
    assert forms.loc["NFD", "characters"] == 4 and forms.loc["NFC", "characters"] == 3
    assert forms.loc["project (normalize_text)", "text"] == "Hòa"
    # Typed decomposed with the tone on "o": NFC composes it into the project form already.
    assert forms["equals project form"].tolist() == [False, True, False, True]


def test_segmentation_changes_counts_repairs_and_leftovers():
    corpus = corpus_from_texts({"a": "Chuyến thăm và chuyến thăm.\nỦy ban họp."})
    changes, left = explore.segmentation_changes(corpus)
    assert changes.set_index("word").loc["chuyến thăm", "count"] == 2
    assert "chuyến thăm" not in set(left["word"])  # repaired, so not left over


def test_two_articles_of_one_year_group_by_their_categories_not_their_own_columns():
    # A folder of two articles of the same year: each article's own columns (its id, title,
    # text, counts) have two values, as a year of two articles does; the concordance grouped
    # by the id failed (KeyError 'doc_id') in the lesson notebook.
    from helpers.corpus import corpus_from_texts
    corpus = corpus_from_texts({"a": "Hợp tác và phát triển.", "b": "Tăng cường hợp tác."},
                               year=[2023, 2023], kind=["speech", "news"])
    assert explore.group_columns(corpus) == ["kind"]
    box = explore.ConcordanceBox(corpus, term="hợp tác", by="year")
    assert box.by.value == "kind" and box.lines["kind"].tolist() == ["news", "speech"]
    two_years = corpus.assign(year=[2021, 2023])
    assert explore.group_columns(two_years) == ["year", "kind"]
