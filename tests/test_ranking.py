"""Top-N cuts keep ties, mark them, and order them by Vietnamese collation."""
import pandas as pd
import pytest

from helpers import ranking


def test_top_n_keeps_and_marks_ties_at_the_cut():
    t = pd.DataFrame({"word": ["quyết tâm", "a", "đồng", "dân", "z", "bé"],
                      "g2": [5.0, 9.0, 5.0, 5.0, 1.0, 5.0]})
    top = ranking.top_n(t, 3, "g2")
    assert top["word"].tolist() == ["a", "bé", "dân", "đồng", "quyết tâm"]
    assert top["tied_at_cut"].tolist() == [False, True, True, True, True]
    strict = ranking.top_n(t, 3, "g2", keep_ties=False)
    assert strict["word"].tolist() == ["a", "bé", "dân"] and strict["tied_at_cut"].iloc[1:].all()


def test_a_tie_inside_the_cut_is_not_marked():
    t = pd.DataFrame({"word": ["a", "b", "c", "d"], "n": [5, 3, 3, 1]})
    top = ranking.top_n(t, 3, "n")
    assert top["word"].tolist() == ["a", "b", "c"] and not top["tied_at_cut"].any()


def test_top_n_ascending_and_edge_cases():
    t = pd.DataFrame({"word": ["x", "y", "z"], "g2": [-3.0, -3.0, 2.0]})
    assert ranking.top_n(t, 1, "g2", ascending=True)["word"].tolist() == ["x", "y"]
    assert ranking.top_n(t, 0, "g2").empty
    assert len(ranking.top_n(t, 10, "g2")) == 3
    with pytest.raises(ValueError, match="at least 0"):
        ranking.top_n(t, -1, "g2")


def test_top_n_by_group_ranks_within_each_group():
    t = pd.DataFrame({"group": [1, 1, 1, 2], "word": ["a", "b", "c", "a"], "n": [4, 2, 2, 1]})
    top = ranking.top_n_by_group(t, 2, "n")
    assert top[["group", "word", "rank", "tied_at_cut"]].values.tolist() == [
        [1, "a", 1, False], [1, "b", 2, True], [1, "c", 2, True], [2, "a", 1, False]]
