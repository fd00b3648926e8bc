"""Normalization and word segmentation."""
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
import helpers.paths
import helpers.text
from helpers.text import normalize_tone_marks

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxy"
              "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
text_strategy = st.text(
    alphabet=st.sampled_from([*list(VIETNAMESE + VIETNAMESE.upper()
                                    + " ,.:;!?\n\r\t“”-/0123456789"),
                              "̀", "́", "̉", "\xa0", "\u200b"]),
    max_size=200,
)


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("Hoà", "Hòa"), ("HOÀ", "HÒA"), ("khoẻ", "khỏe"), ("thuý", "thúy"),
    ("Lan toả", "Lan tỏa"), ("thoả thuận", "thỏa thuận"), ("hoạ", "họa"),
])
def test_tone_marks_move_to_the_hoa_style(old, new):
    assert normalize_tone_marks(old) == new


@pytest.mark.parametrize("word", ["quý", "quả", "hoàn", "thuyền", "hòa", "khuya", "hoa", "toàn"])
def test_tone_marks_left_alone_where_there_is_one_placement(word):
    assert normalize_tone_marks(word) == word


@pytest.mark.parametrize("text", ["OÀ̀", "X̀OÀ", "hoà̀", "OÀ\u0300 bình"])
def test_stacked_tone_marks_stay_idempotent_and_nfc(text):
    once = helpers.normalize_text(text)
    assert helpers.normalize_text(once) == once and unicodedata.is_normalized("NFC", once)


def test_normalize_text_makes_nfd_crlf_and_nbsp_equal_to_clean_text():
    messy = unicodedata.normalize("NFD", "Hoà bình,\u00a0hợp tác  \r\nvà phát\u200b triển")
    assert helpers.normalize_text(messy) == "Hòa bình, hợp tác\nvà phát triển"


@given(text_strategy)
@settings(max_examples=300, deadline=None)
def test_normalize_text_is_idempotent_and_nfc(text):
    once = helpers.normalize_text(text)
    assert helpers.normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


@given(text_strategy)
@settings(max_examples=300, deadline=None)
def test_nfd_input_normalizes_like_nfc_input(text):
    assert (helpers.normalize_text(unicodedata.normalize("NFD", text))
            == helpers.normalize_text(unicodedata.normalize("NFC", text)))


@given(text_strategy)
@settings(max_examples=200, deadline=None)
def test_normalize_text_never_invents_letters(text):
    # Only tone marks move and spaces are trimmed: the bag of base letters is unchanged.
    def base_letters(s):
        return sorted(c for c in unicodedata.normalize("NFD", s)
                      if c.isalpha() and not unicodedata.combining(c))
    assert base_letters(helpers.normalize_text(text)) == base_letters(text.replace("\u200b", ""))


def test_tokenize_keeps_multi_syllable_words_and_names_whole():
    words = helpers.tokenize("Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu về đối ngoại.")
    assert "ngoại giao" in words and "bùi thanh sơn" in words and "đối ngoại" in words
    assert "ngoại" not in words and "giao" not in words


def test_tokenize_drops_punctuation_and_bare_numbers_but_keeps_acronyms():
    words = helpers.tokenize("Năm 2023, có 45 chuyến thăm; 1.586 đại biểu (5,6%) ở ASEAN và APEC!")
    assert words == ["năm", "có", "chuyến thăm", "đại biểu", "ở", "ASEAN", "và", "APEC"]


def test_paragraphs_written_in_capitals_are_lower_cased():
    tokens = helpers.tokenize("HỘI NGHỊ NGOẠI GIAO ĐÃ BẾ MẠC")
    assert tokens == ["hội nghị ngoại giao", "đã", "bế mạc"]


def test_a_token_gets_its_paragraphs_word_whatever_was_met_before():
    # words are kept per token for paragraphs in mixed case; a paragraph in capitals is not
    # read from them, and the order of the calls does not matter
    mixed, shouting = [["Hội nghị", "ASEAN", "HỘI NGHỊ", ",", "45"]], [["HỘI NGHỊ", "ASEAN"]]
    for _ in range(2):
        assert helpers.text.words_from_segments(mixed) == ["hội nghị", "ASEAN", "HỘI NGHỊ"]
        assert helpers.text.words_from_segments(shouting) == ["hội nghị", "asean"]
    both = helpers.text.words_from_segments(shouting + mixed, remove_stopwords=True)
    assert both == ["hội nghị", "asean", "hội nghị", "ASEAN", "HỘI NGHỊ"]


def test_the_kept_words_are_emptied_beyond_their_bound(monkeypatch):
    segments = [["Hội nghị", "ASEAN", "lần", "thứ XIII", ",", "45"], ["ĐÃ", "BẾ MẠC"]]
    expected = helpers.text.words_from_segments(segments)
    monkeypatch.setattr(helpers.text, "WORD_CACHE_SIZE", 2)
    helpers.text.words_from_segments([["một", "hai", "ba"]])
    assert len(helpers.text._WORD_OF) >= 3
    assert helpers.text.words_from_segments(segments) == expected   # emptied first, then refilled
    assert set(helpers.text._WORD_OF) == set(segments[0])  # (a paragraph in capitals: not kept)


def test_nfd_input_gives_the_same_tokens():
    text = "Ngoại giao cây tre Việt Nam, hoà bình và hợp tác."
    assert (helpers.tokenize(unicodedata.normalize("NFD", text))
            == helpers.tokenize(text))
    assert "hòa bình" in helpers.tokenize(text)


def test_stopwords_are_optional_and_keep_meaningful_words():
    text = "Năm nay, các nước đã có nhiều hợp tác quan trọng và mới."
    with_stop = helpers.tokenize(text)
    without = helpers.tokenize(text, remove_stopwords=True)
    assert "các" in with_stop and "các" not in without and "và" not in without
    for kept in ("năm", "quan trọng", "mới", "hợp tác"):
        assert kept in without
    assert "của" in helpers.stopwords() and "năm" not in helpers.stopwords()


def test_underthesea_data_read_without_importing_it_matches_its_own_reading():
    import underthesea
    from underthesea.datasets.stopwords import words

    from helpers.reference import stopword_policy, underthesea_stopwords

    assert underthesea_stopwords() == tuple(words)
    # Each list is read once per process.
    assert underthesea_stopwords() is underthesea_stopwords()
    assert stopword_policy() is stopword_policy()
    version, folder = helpers.text.TOKENIZER_VERSION, helpers.paths.UNDERTHESEA_DIR
    assert version == f"underthesea-{underthesea.__version__}/helpers-1"
    assert folder == Path(underthesea.__file__).resolve().parent


def test_segmentation_is_cached_on_disk(monkeypatch):
    text = "Hội nghị Ngoại giao lần thứ 32 bế mạc tại Hà Nội."
    first = helpers.tokenize(text)
    calls = []
    monkeypatch.setattr(helpers.text, "word_tokenize_many",
                        lambda ps: calls.extend(ps) or [p.split() for p in ps])
    assert helpers.tokenize(text) == first
    assert calls == []
    # A different text is not in the cache and does reach the segmenter.
    helpers.tokenize("Một câu khác hẳn.")
    assert calls == ["Một câu khác hẳn."]


def test_cache_key_includes_the_tokenizer_version(monkeypatch):
    text = "Ngoại giao Việt Nam."
    helpers.tokenize(text)
    calls = []
    monkeypatch.setattr(helpers.text, "TOKENIZER_VERSION", "underthesea-0.0/helpers-0")
    monkeypatch.setattr(helpers.text, "word_tokenize_many",
                        lambda ps: calls.extend(ps) or [p.split() for p in ps])
    helpers.tokenize(text)
    assert calls == [text]


def test_capital_syllables_keep_their_case_inside_longer_words():
    assert helpers.text.words_from_segments([["lần", "thứ XIII", "của", "Đảng"]]) == [
        "lần", "thứ XIII", "của", "đảng"]


@given(text_strategy)
@settings(max_examples=300, deadline=None)
def test_fast_tone_mark_path_equals_the_per_syllable_rule(text):
    import re

    nfc = unicodedata.normalize("NFC", text)
    syllable = r"(?:[^\W\d_]|[\u0300-\u036f])+"   # letters and leftover combining marks
    reference = re.sub(syllable, lambda m: helpers.text._move_tone(m.group()), nfc)
    assert normalize_tone_marks(nfc) == reference


@pytest.mark.slow
def test_segment_cache_survives_a_new_process_and_ignores_corrupt_entries(tmp_path, monkeypatch):
    import subprocess
    import sys

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    text = "Hội nghị Ngoại giao lần thứ 32 bế mạc."
    first = helpers.segment(text)
    entries = list(tmp_path.rglob("*.json"))
    assert len(entries) == 1 and not list(tmp_path.rglob("*.tmp"))
    script = ("import helpers, helpers.text as t\n"
              "t.word_tokenize_many = "
              "lambda ps: (_ for _ in ()).throw(RuntimeError('segmented'))\n"
              f"print(helpers.segment({text!r}))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**__import__("os").environ, "HELPERS_CACHE_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(first)
    entries[0].write_text("{not json", encoding="utf-8")
    assert helpers.segment(text) == first          # recomputed, not crashed
