"""The glossary: validated on load, and glosses that say what the words mean here."""
import pytest

from helpers import glossary
from helpers.errors import CorpusError


def test_lan_is_not_glossed_as_an_ordinal_marker():
    assert "ordinal" not in glossary.gloss("lần")
    assert glossary.gloss("thứ") == "ordinal marker"


def test_fragments_are_glossed_with_the_compound_they_come_from():
    assert "điểm cầu" in glossary.gloss("cầu") and "điểm cầu" in glossary.gloss("điểm")
    assert "chuyến thăm" in glossary.gloss("chuyến")


def test_lookup_normalizes_case_and_unicode_form():
    import unicodedata
    assert glossary.gloss(unicodedata.normalize("NFD", "Ngoại Giao")) == "diplomacy"


@pytest.mark.parametrize("content, problem", [
    ("word,meaning\nx,y\n", "first row must be 'word,gloss'"),
    ("word,gloss\nx,\n", "row 2: expected a word and a gloss"),
    ("word,gloss\nHòa bình,peace\nhoà bình,peace again\n", "row 3: 'hoà bình' is already glossed"),
])
def test_a_bad_glossary_names_the_file_row_and_problem(tmp_path, content, problem):
    path = tmp_path / "my_glossary.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"my_glossary\.csv") as err:
        glossary.read_glossary(path)
    assert problem in str(err.value)


@pytest.mark.parametrize("word, expected", [
    ("lần thứ 32", "32nd time / session"), ("Lần thứ 31", "31st time / session"),
    ("thứ 13", "13th"), ("thứ 23", "23rd"), ("lần 2", "2nd time"),
    ("khóa XIII", "13th term"), ("khoá XIV", "14th term"), ("khóa XL", "40th term"),
    # "thứ 2" to "thứ 7" are also the weekdays, Monday to Saturday
    ("thứ 2", "2nd, or Monday"), ("thứ 6", "6th, or Friday"), ("thứ 8", "8th"),
    ("thứ VI", "6th"),
    # not a standard Roman numeral, or no marker: no gloss is made up
    ("khóa VX", None), ("khóa IIII", None), ("năm 32", None), ("khóa học", None),
])
def test_ordinals_are_glossed_from_their_number(word, expected):
    assert glossary.gloss(word) == expected


def test_ordinals_are_glossed_as_the_word_counts_show_them():
    # merge_ordinals joins the marker and a capital numeral; word counts lower-case the token
    # (a syllable with one capital, or an all-caps paragraph), and the gloss must survive that.
    from helpers.lexicon import merge_ordinals
    from helpers.text import words_from_segments

    cases = [(["Đại hội", "lần", "thứ", "XIII"], "13th time / session"),
             (["ĐẠI HỘI", "LẦN", "THỨ", "X"], "10th time / session"),
             (["Quốc hội", "khóa", "XV"], "15th term")]
    for tokens, expected in cases:
        words = words_from_segments([merge_ordinals(tokens)])
        assert glossary.gloss(words[-1]) == expected, words
