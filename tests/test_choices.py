"""The rules a notebook applies to the data: groups, k, missing groups, survivors."""
import pandas as pd
import pytest

import helpers
from helpers import choices


def test_pick_groups_and_missing_group_message():
    corpus = helpers.load_corpus()
    assert choices.pick_groups(corpus) == (2023, 2021)
    with pytest.raises(ValueError, match=r"needs two groups of 'year'; this corpus has \[2021\]"):
        choices.pick_groups(corpus[corpus.year == 2021])


def test_choose_k_uses_the_measured_noise_by_default():
    table = pd.DataFrame({"k": [2, 3, 4, 5, 8], "stability": [1.0, 0.9, 0.935, 0.93, 0.96],
                          "spread": [0.0, 0.02, 0.03, 0.02, 0.03]})
    # best k >= 3 is 8 (0.96, spread 0.03): k = 4 (0.935) is within that noise, k = 3 is not
    assert choices.choose_k(table) == 4
    assert choices.choose_k(table, tolerance=0.0) == 8
    assert choices.choose_k(table, min_k=2) == 2
    with pytest.raises(ValueError, match="no k >= 9"):
        choices.choose_k(table, min_k=9)
    with pytest.raises(ValueError, match="no 'spread' column"):
        choices.choose_k(table.drop(columns="spread"))


def test_survivors_tracks_direction_and_threshold():
    full = pd.DataFrame({"word": ["x", "y", "z"], "a": [9, 0, 5], "b": [0, 9, 0],
                         "g2": [12.0, -12.0, 5.0]})
    subset = pd.DataFrame({"word": ["x", "y"], "a": [5, 2], "b": [0, 0], "g2": [6.0, 1.0]})
    table = choices.survivors(full, subset).set_index("word")
    assert table.loc["x", "survives"] and table.loc["x", "same_direction"]
    assert not table.loc["y", "same_direction"] and not table.loc["y", "survives"]
    assert table.loc["z", "g2_subset"] == 0.0 and not table.loc["z", "survives"]


def test_missing_groups_ignores_duplicates():
    corpus = pd.DataFrame({"year": [2021, 2023], "duplicate_of": [None, "x"]})
    assert choices.missing_groups(corpus, [2021, 2023]) == [2023]
