"""Dates found in text: every form, its precision, and no crash on odd input."""
import datetime as dt

import pandas as pd
import pytest

import helpers
from helpers import timeline
from helpers.dates import find_dates

REF = dt.date(2023, 12, 23)   # the article's own date, for day-month forms


def found(text, reference=REF):
    return [(m.text, m.date, m.precision, m.kind) for m in find_dates(text, reference)]


@pytest.mark.parametrize("text, expected", [
    ("Hội nghị diễn ra ngày 14/12/2021 tại Hà Nội.",
     [("14/12/2021", dt.date(2021, 12, 14), "day", "date")]),
    ("Tới đây, ngày 20/12/2021 là phiên bế mạc.",
     [("20/12/2021", dt.date(2021, 12, 20), "day", "date")]),
    ("Ngày 19 tháng 12 năm 2023, hội nghị khai mạc.",
     [("19 tháng 12 năm 2023", dt.date(2023, 12, 19), "day", "date")]),
    ("Sáng 23/12, hội nghị bế mạc.", [("23/12", dt.date(2023, 12, 23), "day", "day-month")]),
    ("Chiều 18-12, hội nghị bế mạc.", [("18-12", dt.date(2023, 12, 18), "day", "day-month")]),
    ("Đại hội diễn ra từ ngày 19 đến 23/1 tại Hà Nội.",
     [("19", dt.date(2024, 1, 19), "day", "day range start"),
      ("23/1", dt.date(2024, 1, 23), "day", "day range end")]),
    ("Số liệu tháng 12/2023 cho thấy",
     [("tháng 12/2023", dt.date(2023, 12, 1), "month", "month-year")]),
    ("Mới đây nhất, năm 2019, Bộ Chính trị ban hành Chỉ thị.",
     [("2019", dt.date(2019, 1, 1), "year", "year")]),
    ("tầm nhìn đến năm 2025 và 2030 gắn với Chiến lược 2021-2030",
     [("2025", dt.date(2025, 1, 1), "year", "year"), ("2030", dt.date(2030, 1, 1), "year", "year"),
      ("2021", dt.date(2021, 1, 1), "year", "year range start"),
      ("2030", dt.date(2030, 1, 1), "year", "year range end")]),
    ("Với thế và lực mới sau 35 năm đổi mới, cả nước",
     [("35 năm đổi mới", dt.date(1986, 1, 1), "year", "era")]),
    ("thực hiện Nghị quyết Đại hội XIII của Đảng",
     [("Đại hội XIII", dt.date(2021, 1, 1), "year", "party congress")]),
    ("nội dung đối ngoại của Đại hội Đảng lần thứ XIV",
     [("Đại hội Đảng lần thứ XIV", dt.date(2026, 1, 1), "year", "party congress")]),
    ("Hội nghị Ngoại giao lần thứ 31 bế mạc",
     [("Hội nghị Ngoại giao lần thứ 31", dt.date(2021, 12, 15), "day", "conference")]),
])
def test_every_written_form(text, expected):
    assert found(text) == expected


def test_a_date_is_not_read_out_of_a_longer_run_of_numbers():
    # An article id in a URL: "11-05-0012" is not 11 May of the year 12.
    assert found("xem /thoi-su/2022-11-05-0012.html") == []
    from helpers.dates import parse_full_date
    assert parse_full_date("ma-so-2022-11-05-0012") is None
    assert parse_full_date("1-2-0099") is None                # no year before MIN_YEAR
    assert parse_full_date("ngày 2/9/1945") == dt.date(1945, 9, 2)


def test_day_month_takes_the_year_nearest_the_article_date():
    january = dt.date(2024, 1, 5)
    assert found("Sáng 23/12, hội nghị bế mạc.", january)[0][1] == dt.date(2023, 12, 23)
    first = found("Sáng 23/12, hội nghị bế mạc.", dt.date(2021, 12, 20))[0]
    assert first[1] == dt.date(2021, 12, 23)


def test_day_month_without_a_reference_is_not_guessed():
    assert found("Sáng 23/12, hội nghị bế mạc năm 2023.", None) == [
        ("2023", dt.date(2023, 1, 1), "year", "year")]


@pytest.mark.parametrize("text", [
    "trong 2-3 năm tới", "1.586 đại biểu, 5,6 triệu đảng viên", "45 chuyến thăm",
    "Chỉ thị số 32-CT/TW", "Bạn còn 500/500 ký tự", "ngày 32/13/2021", "ngày 31/2",
    "", "Không có ngày tháng nào ở đây.",
])
def test_non_dates_and_impossible_dates_give_nothing_and_never_crash(text):
    assert found(text) == []


def test_mentions_table_on_the_seeds():
    corpus = helpers.load_corpus()
    mentions = timeline.date_mentions(corpus)
    by_doc = mentions.groupby("doc_id")["year_referred"].apply(set)
    assert {1986, 2019, 2021, 2026} <= by_doc["003_079bd86adfea4555"]
    assert {2025, 2030} <= by_doc["004_b5a5b979df70e810"]
    lead = mentions[(mentions.doc_id == "001_a5ec4419648efbd0") & (mentions.kind == "day-month")]
    assert lead["date"].iloc[0] == pd.Timestamp("2023-12-23")
    assert all("[" in c and "]" in c for c in mentions["context"])


def _mention(before, after="", kind="year", year=2021, published="2023-12-19", group=2023):
    return {"year": group, "published": pd.Timestamp(published), "kind": kind,
            "year_referred": year, "before": before, "after": after}


@pytest.mark.parametrize("before, after, kind, year, expected", [
    ("từ nay đến hết nhiệm kỳ ", "", "party congress", 2021, ("future", "future span")),
    ("ngành Ngoại giao sẽ bám sát đường lối ", "", "party congress", 2021,
     ("present", "current term")),
    ("công tác đối ngoại trong nhiệm kỳ 2021-", "", "year range end", 2026,
     ("present", "current term")),
    ("thực hiện Nghị quyết ", "", "party congress", 2021, ("present", "current term")),
    ("trong nhiệm kỳ ", "", "year range start", 2021, ("present", "current term")),
    ("từ đầu nhiệm kỳ ", " đến nay", "party congress", 2021, ("past", "since cue")),
    ("kể từ ", "", "year", 2019, ("past", "since cue")),
    ("tầm nhìn đến năm ", "", "year", 2030, ("future", "future span")),
    ("Bộ Chính trị sẽ tổng kết vào ", "", "year", 2023, ("future", "future cue")),
    ("Bộ Chính trị đã ban hành Chỉ thị năm ", "", "year", 2023, ("past", "past cue")),
    ("nội dung đối ngoại của ", "", "party congress", 2026, ("future", "year")),
    ("Nghị quyết ", "", "party congress", 2016, ("past", "year")),
    ("năm ", "", "year", 2019, ("past", "year")),
])
def test_orientation_rule(before, after, kind, year, expected):
    assert timeline.orientation_of(before, after, kind, year, 2023) == expected


def test_time_orientation_counts_and_leaves_conferences_out():
    mentions = pd.DataFrame([
        _mention("thực hiện Nghị quyết ", kind="party congress"),         # current term
        _mention("từ nay đến hết nhiệm kỳ ", kind="party congress"),      # future
        _mention("Mới đây nhất, năm ", year=2019),                        # past
        _mention("bế mạc ", kind="conference", year=2023),                # left out
        _mention("tầm nhìn đến năm ", year=2030, published="2021-12-13", group=2021),
    ])
    table = timeline.time_orientation(mentions)
    assert table.loc[2023, ["mentions", "past", "present", "future"]].tolist() == [3, 1, 1, 1]
    assert table.loc[2021, ["mentions", "future"]].tolist() == [1, 1]
    calendar = timeline.time_orientation(mentions, kinds=timeline.CALENDAR_KINDS)
    assert calendar.loc[2023, ["mentions", "past"]].tolist() == [1, 1]


def test_current_congress_mentions_on_the_seeds_are_not_past():
    corpus = helpers.load_corpus()
    classified = timeline.classify_orientation(timeline.date_mentions(corpus))
    xiii = classified[(classified["kind"] == "party congress")
                      & (classified["year_referred"] == 2021)
                      & (classified["year"] == 2023)]
    assert len(xiii) > 0
    assert set(xiii.loc[xiii["orientation"] == "past", "rule"]) <= {"since cue"}
    looking_forward = classified[classified["before"].str.contains("từ nay đến")]
    assert (looking_forward["orientation"] == "future").all() and len(looking_forward) > 0
    assert set(classified["rule"]) <= {name for name, *_ in timeline.ORIENTATION_RULES}


def test_word_trends_count_phrases_and_report_their_base():
    corpus = helpers.load_corpus()
    trends = timeline.word_trends(corpus, ["tiên phong", "cây tre"]).set_index(["group", "word"])
    assert list(dict.fromkeys(trends.index.get_level_values(0))) == ["NFAC", "DC31", "DC32"]
    assert trends.loc[("DC32", "cây tre"), "count"] == 2
    dc32_words = int(corpus.loc[corpus["event"] == "DC32", "n_words"].sum())
    assert trends.loc[("DC32", "tiên phong"), ["articles", "words"]].tolist() == [2, dc32_words]
    assert trends.loc[("DC32", "tiên phong"), "per_10k"] == pytest.approx(4 / dc32_words * 10_000)
    dc31 = trends.loc[("DC31", "tiên phong")]
    assert dc31["date"] == pd.Timestamp("2021-12-18") and dc31["approximate"]
    assert dc31["articles"] == 1
    assert dc31["words"] == int(corpus.loc[corpus["event"] == "DC31", "n_words"].sum())
    nfac = trends.loc[("NFAC", "tiên phong")]
    assert nfac["approximate"]          # one of its two articles has an approximate date
    rates = timeline.article_word_rates(corpus, ["tiên phong"]).set_index("doc_id")
    assert not rates.loc["002_ed76183e011c5285", "approximate"]
    assert rates.loc["003_079bd86adfea4555", "approximate"]


def test_date_clusters_split_on_long_gaps():
    dates = pd.Series(pd.to_datetime(["2021-12-13", "2021-12-18", "2023-12-19", "2013-12-20"]))
    clusters = timeline.date_clusters(dates)
    assert [(a.year, b.year) for a, b in clusters] == [(2013, 2013), (2021, 2021), (2023, 2023)]


def test_an_era_counted_over_a_long_phrase_is_found():
    from helpers.dates import find_dates

    found = find_dates("Tổng kết 40 năm triển khai đường lối đối ngoại của thời kỳ đổi mới.")
    assert [(m.kind, m.date.year) for m in found] == [("era", 1986)]


def test_a_range_of_day_month_dates_keeps_its_end_date():
    assert ("18/12/2021", dt.date(2021, 12, 18), "day", "date") in found("từ 15/12-18/12/2021")
