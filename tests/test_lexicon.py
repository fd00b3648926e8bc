"""The project lexicon, ordinal phrases and the dictionary repair, guarded by word F1 on
underthesea's gold-segmented VLSP2013 test sentences."""
import collections
import re

import numpy as np
import pytest
import underthesea

from conftest import SEEDS
from helpers import lexicon as lx
from helpers.lexicon import (
    Lexicon,
    apply_lexicon,
    crf_tone_style,
    fix_segments,
    lexicon_changes,
    merge_ordinals,
    read_lexicon,
    read_vlsp_gold,
    remaining_splits,
    repair_splits,
    segmentation_f1,
)
from helpers.text import (
    normalize_text,
    normalize_tone_marks,
    raw_segments,
    words_from_segments,
)


def crf(sentence: str) -> list[str]:
    """underthesea alone, on text in the project's normal form (as ``helpers.text.segment``)."""
    return underthesea.word_tokenize(normalize_text(sentence))


# --- the guard: VLSP2013 gold ----------------------------------------------------------------

@pytest.fixture(scope="module")
def vlsp():
    gold = read_vlsp_gold()
    predicted = [crf(" ".join(sentence)) for sentence in gold]
    return [w for s in gold for w in s], predicted


def f1_of(predicted, gold_words):
    return segmentation_f1([w for s in predicted for w in s], gold_words)


def test_vlsp_gold_file_has_the_expected_format():
    lines = lx.VLSP_GOLD_FILE.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 3 for line in lines if line.strip())
    sentences = read_vlsp_gold()
    assert len(sentences) == sum(1 for i, line in enumerate(lines)
                                 if line.strip() and (i == 0 or not lines[i - 1].strip()))


@pytest.mark.slow   # segments all 2,120 VLSP2013 test sentences
@pytest.mark.parametrize("fixes", [{"ordinals": False}, {"ordinals": True}])
def test_lexicon_and_repair_do_not_lower_f1_on_vlsp2013_gold(vlsp, fixes):
    # The lexicon alone departs from VLSP2013 conventions on purpose ("nâng cao", "Bộ Chính
    # trị"); with the repair on, the whole must still segment the gold at least as well.
    gold_words, predicted = vlsp
    fixed = [fix_segments(s, **fixes) for s in predicted]
    assert f1_of(fixed, gold_words) >= f1_of(predicted, gold_words)


def _full_search(tokens, matches, max_syllables):
    """Greedy longest match tried at every position, without pruning: the reference."""
    out, i = [], 0
    while i < len(tokens):
        best, span = i + 1, lx._key(tokens[i])
        for j in range(i + 1, len(tokens)):
            if not (lx._is_word(tokens[j - 1]) and lx._is_word(tokens[j])):
                break
            span += lx._key(tokens[j])
            if len(span) > max_syllables:
                break
            if matches(span):
                best = j + 1
        out.append(" ".join(tokens[i:best]))
        i = best
    return out


@pytest.mark.slow   # segments all 2,120 VLSP2013 test sentences
def test_repair_raises_f1_and_the_tone_style_restriction_is_what_makes_it(vlsp):
    gold_words, predicted = vlsp
    words = lx.dictionary()
    unrestricted = [_full_search(s, words.__contains__, lx.REPAIR_MAX_SYLLABLES)
                    for s in predicted]
    repaired = [repair_splits(s) for s in predicted]
    assert f1_of(repaired, gold_words) > f1_of(predicted, gold_words)
    assert f1_of(unrestricted, gold_words) < f1_of(predicted, gold_words)


@pytest.mark.slow   # segments all 2,120 VLSP2013 test sentences
def test_segmenting_in_the_crf_tone_style_beats_underthesea_alone(vlsp):
    gold_words, predicted = vlsp
    styled = [[normalize_tone_marks(t) for t in underthesea.word_tokenize(
        crf_tone_style(normalize_text(" ".join(s))), use_token_normalize=False)]
        for s in read_vlsp_gold()]
    assert f1_of(styled, gold_words) > f1_of(predicted, gold_words)


# --- segmentation_f1 and the gold reader -----------------------------------------------------

def test_f1_of_identical_segmentations_is_one():
    words = ["Bộ trưởng", "Bùi Thanh Sơn", "phát biểu", "."]
    assert segmentation_f1(words, words) == 1.0


def test_f1_counts_words_on_character_spans():
    # gold: [nâng cao][vị thế]; predicted: [nâng][cao][vị thế] -> 1 right of 3 and of 2.
    assert segmentation_f1(["nâng", "cao", "vị thế"], ["nâng cao", "vị thế"]) == pytest.approx(
        2 * 1 / (3 + 2))
    # Spaces inside or between words do not move spans.
    assert segmentation_f1(["a b", "c"], ["ab", "c"]) == 1.0


def test_f1_refuses_different_texts():
    with pytest.raises(ValueError, match="different text"):
        segmentation_f1(["nâng", "cao"], ["nâng cao", "vị thế"])


def test_gold_reader_joins_underscores_and_names_a_bad_line(tmp_path):
    good = tmp_path / "gold.txt"
    good.write_text("Hà_Nội\tB-Np\tB-Np\nđẹp\tB-A\tB-A\n\nvà\tB-C\tB-C\n", encoding="utf-8")
    assert read_vlsp_gold(good) == [["Hà Nội", "đẹp"], ["và"]]
    bad = tmp_path / "bad.txt"
    bad.write_text("Hà_Nội\tB-Np\n\tB-A\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2"):
        read_vlsp_gold(bad)


# --- the project's problem words ---------------------------------------------------------------

SENTENCES = {
    "chuyến thăm": "Chủ tịch nước có chuyến thăm cấp nhà nước tới Lào.",
    "điểm cầu": "Dự hội nghị tại điểm cầu tỉnh Sơn La có lãnh đạo tỉnh.",
    "cây tre": "Trường phái đối ngoại, ngoại giao cây tre Việt Nam được khẳng định.",
    "tập cận bình": "Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình thăm Việt Nam.",
    "nâng cao": "Ngoại giao góp phần nâng cao vị thế đất nước.",
    "hàng hóa": "Xuất khẩu hàng hóa tăng mạnh.",
    "ủy ban nhân dân": "Ủy ban nhân dân tỉnh chủ trì buổi làm việc.",
}


@pytest.mark.parametrize("word, sentence", SENTENCES.items())
def test_problem_words_come_out_whole(word, sentence):
    assert word not in [t.lower() for t in crf(sentence)], "premise: the CRF alone splits it"
    assert word in [t.lower() for t in fix_segments(crf(sentence))]


def test_secretariat_is_one_unit_however_it_was_split():
    for tokens in (["Ban", "bí thư"], ["Ban", "Bí thư"], ["ban", "bí", "thư"], ["Ban Bí thư"]):
        assert [t.lower() for t in fix_segments(tokens)] == ["ban bí thư"]


def test_ordinals_leave_no_bare_lan_or_thu():
    text = ("Hội nghị Ngoại giao lần thứ 32 thực hiện Nghị quyết Đại hội lần thứ XIII, "
            "Ban Chấp hành Trung ương khóa XIII, thứ 6.")
    raw = [crf(text)]
    assert {"lần", "thứ"} <= set(words_from_segments(raw))  # the problem, without the fix
    words = words_from_segments([fix_segments(raw[0])])
    assert "lần" not in words and "thứ" not in words
    assert {"lần thứ 32", "lần thứ XIII", "khóa XIII", "thứ 6"} <= set(words)


def test_ordinal_needs_a_number_and_a_marker():
    assert merge_ordinals(["thứ", "hai"]) == ["thứ", "hai"]
    assert merge_ordinals(["Đại hội", "XIII"]) == ["Đại hội", "XIII"]
    assert merge_ordinals(["thứ", "xiii"]) == ["thứ", "xiii"]  # Roman numerals in capitals only
    assert merge_ordinals(["lần", ",", "32"]) == ["lần", ",", "32"]


# --- merging rules -------------------------------------------------------------------------------

def test_longest_match_wins_and_case_is_kept():
    lexicon = Lexicon.from_words(["đối tác chiến lược", "đối tác chiến lược toàn diện"])
    tokens = ["Đối tác", "chiến lược", "toàn diện", "mới"]
    assert apply_lexicon(tokens, lexicon) == ["Đối tác chiến lược toàn diện", "mới"]


def test_never_merges_across_punctuation():
    lexicon = Lexicon.from_words(["chuyến thăm"])
    assert apply_lexicon(["chuyến", ",", "thăm"], lexicon) == ["chuyến", ",", "thăm"]
    assert repair_splits(["hàng", "-", "hóa"]) == ["hàng", "-", "hóa"]


def test_a_token_is_cut_for_an_entry_unless_it_is_a_dictionary_word():
    lexicon = Lexicon.from_words(["Tập Cận Bình", "điểm cầu"])
    assert apply_lexicon(["ông Tập", "Cận Bình"], lexicon) == ["ông", "Tập Cận Bình"]
    assert apply_lexicon(["Tập Cận", "Bình thăm"], lexicon) == ["Tập Cận Bình", "thăm"]
    assert apply_lexicon(["địa điểm", "cầu nối"], lexicon) == ["địa điểm", "cầu nối"]


def test_a_call_without_the_lexicon_is_unaffected_by_a_call_with_it():
    sentence = "Chủ tịch Tập Cận Bình có chuyến thăm Việt Nam."
    before = crf(sentence)
    tokens = list(before)
    fixed = fix_segments(tokens, lexicon=Lexicon.from_words(["có chuyến"]))
    assert fixed != before and tokens == before  # it changed something, but not its input
    assert crf(sentence) == before
    assert apply_lexicon(before, Lexicon.from_words([])) == before


# --- the lexicon file --------------------------------------------------------------------------

def test_project_lexicon_reads_and_holds_the_problem_words():
    lexicon = read_lexicon()
    for word in ("Ban Bí thư", "chuyến thăm", "điểm cầu", "cây tre", "Tập Cận Bình"):
        assert word in lexicon


@pytest.mark.parametrize("text, problem", [
    ("chuyến thăm\nBộ\n", r"lex\.txt:2: entry 'Bộ' has one syllable"),
    ("chuyến thăm\n# x\nChuyến  Thăm  # again\n", r"lex\.txt:3: .* repeats line 1"),
])
def test_bad_lexicon_lines_are_named(tmp_path, text, problem):
    path = tmp_path / "lex.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        read_lexicon(path)


def test_tone_style_round_trips_and_keeps_lengths():
    text = normalize_text((SEEDS / next(p.name for p in SEEDS.glob("000_*.txt"))).read_text(
        encoding="utf-8"))
    styled = crf_tone_style(text)
    assert styled != text and len(styled) == len(text)
    assert normalize_tone_marks(styled) == text


# --- reporting on the seeds ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_paragraphs():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    before = [para for text in texts for para in raw_segments(text, cache=False)]
    return texts, before, [fix_segments(p) for p in before]


@pytest.mark.parametrize("word", ["chuyến thăm", "điểm cầu", "tập cận bình", "ban bí thư"])
def test_every_seed_occurrence_of_a_problem_word_is_one_token(seed_paragraphs, word):
    texts, _, after = seed_paragraphs
    in_text = sum(len(re.findall(rf"(?<!\w){word}(?!\w)", normalize_text(t).lower()))
                  for t in texts)
    assert in_text > 0
    assert sum(t.lower() == word for p in after for t in p) == in_text


@pytest.mark.parametrize("word", ["chuyến thăm", "tập cận bình", "ban bí thư"])
def test_changes_table_counts_each_repaired_word(seed_paragraphs, word):
    _, before, after = seed_paragraphs
    table = lexicon_changes(before, after)
    assert list(table.columns) == ["word", "pieces", "source", "count"]
    whole_before = sum(t.lower() == word for p in before for t in p)
    whole_after = sum(t.lower() == word for p in after for t in p)
    assert table.loc[table["word"] == word, "count"].sum() == whole_after - whole_before > 0


def test_changes_table_names_the_cut_token():
    table = lexicon_changes([["Thường trực Ban", "Bí thư", "họp"]],
                            [["Thường trực", "Ban Bí thư", "họp"]])
    assert table.to_dict("records") == [
        {"word": "ban bí thư", "pieces": "ban | bí thư", "source": "thường trực ban | bí thư",
         "count": 1},
        {"word": "thường trực", "pieces": "thường trực", "source": "thường trực ban",
         "count": 1}]


def test_changes_table_refuses_lists_that_are_not_the_same_text():
    with pytest.raises(ValueError, match="different syllables"):
        lexicon_changes([["chuyến", "thăm"]], [["chuyến thăm x"]])
    with pytest.raises(ValueError, match="1 token lists before but 2"):
        lexicon_changes([["a"]], [["a"], ["b"]])


def test_remaining_splits_lists_dictionary_words_left_apart():
    table = remaining_splits([["Ủy", "ban", "và", "nâng cao"], ["Ủy ban"]])
    assert table.to_dict("records") == [{"word": "ủy ban", "pieces": "ủy | ban", "count": 1}]


def test_matching_ignores_the_tone_mark_style():
    lexicon = Lexicon.from_words(["Ủy ban Đối ngoại"])
    assert apply_lexicon(["Uỷ", "ban", "Đối ngoại"], lexicon) == ["Uỷ ban Đối ngoại"]
    assert apply_lexicon(["Ủy", "ban", "Đối ngoại"], lexicon) == ["Ủy ban Đối ngoại"]
    assert repair_splits(["hàng", "hoá"]) == ["hàng hoá"]


# --- the shortcuts that make the fixes fast change nothing ---------------------------------

def _shuffled(paragraphs, seed=7):
    import random
    rng = random.Random(seed)
    out = []
    for para in paragraphs:
        tokens = list(para)
        rng.shuffle(tokens)
        out.append(tokens)
    return out


def test_repair_search_restricted_to_sensitive_windows_equals_the_full_search(seed_paragraphs):
    # The unrestricted search is the reference: no prefix pruning, every start tried.
    _, before, _ = seed_paragraphs
    words = lx.dictionary()

    def matches(span):
        return span in words and lx._style_sensitive(span)

    paragraphs = before + _shuffled(before)
    joined = 0
    for tokens in paragraphs:
        fast = repair_splits(tokens)
        assert fast == _full_search(tokens, matches, lx.REPAIR_MAX_SYLLABLES), tokens
        joined += len(tokens) - len(fast)
    assert joined > 0  # the comparison saw joins, not only untouched paragraphs


def test_ordinal_shortcut_equals_the_search_at_every_position():
    tokens = ["Hội nghị", "lần", "thứ", "32", "và", "khóa", "XIII", "thứ hai", "Lần thứ", "5"]
    assert merge_ordinals(tokens) == ["Hội nghị", "lần thứ 32", "và", "khóa XIII", "thứ hai",
                                      "Lần thứ 5"]
    assert merge_ordinals(["hội nghị", "ngoại giao"]) == ["hội nghị", "ngoại giao"]


def test_lexicon_prefixes_stop_only_spans_that_cannot_become_entries():
    small = Lexicon.from_words(["Ban Bí thư", "chuyến thăm"])
    assert ("ban", "bí") in small.prefixes and ("bí",) not in small.prefixes
    assert apply_lexicon(["Thường trực Ban", "Bí thư", "và", "chuyến", "thăm"], small,
                         Lexicon.from_words([])) == ["Thường trực", "Ban Bí thư", "và",
                                                     "chuyến thăm"]
    # Nothing can start a match: tokens come back with single spaces, empty ones dropped.
    assert apply_lexicon(["hội  nghị", "", "lớn"], small) == ["hội nghị", "lớn"]


@pytest.mark.parametrize("tokens", [
    ["hội nghị", "lớn"], [], [""], ["", ""], ["hội  nghị"], [" hội"], ["hội "], ["a\tb"],
    ["hội\xa0nghị", "lớn"], ["hội", "", "lớn"], ["hội\u2003nghị"], [",", "32", "ASEAN"],
])
def test_tokens_no_entry_can_start_come_back_single_spaced_and_not_empty(tokens):
    # apply_lexicon returns such tokens as they are when their join shows them already clean;
    # the result must be what single-spacing each token and dropping empty ones gives.
    small = Lexicon.from_words(["Ban Bí thư"])
    expected = [" ".join(t.split()) for t in tokens if t.split()]
    assert apply_lexicon(tokens, small) == expected


def test_repair_takes_any_sequence_of_tokens():
    tokens = ["và", "hàng", "hóa", "và", "Ủy", "ban nhân dân"]
    expected = ["và", "hàng hóa", "và", "Ủy ban nhân dân"]
    assert repair_splits(tokens) == expected
    assert repair_splits(tuple(tokens)) == expected
    assert repair_splits(collections.deque(tokens)) == expected
    assert repair_splits(np.array(tokens)) == expected
