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
    ("Số liệu tháng 12/2023 cho thấy", [("tháng 12/2023", dt.date(2023, 12, 1), "month", "month-year")]),
    ("Mới đây nhất, năm 2019, Bộ Chính trị ban hành Chỉ thị.",
     [("2019", dt.date(2019, 1, 1), "year", "year")]),
    ("tầm nhìn đến năm 2025 và 2030 gắn với Chiến lược 2021-2030",
     [("2025", dt.date(2025, 1, 1), "year", "year"), ("2030", dt.date(2030, 1, 1), "year", "year"),
      ("2021", dt.date(2021, 1, 1), "year", "year range start"),
      ("2030", dt.date(2030, 1, 1), "year", "year range end")]),
    ("Với thế và lực mới sau 35 năm đổi mới, cả nước",
     [("35 năm đổi mới", dt.date(1986, 1, 1), "year", "era")]),
    ("thực hiện Nghị quyết Đại hội XIII của Đảng", [("Đại hội XIII", dt.date(2021, 1, 1), "year", "party congress")]),
    ("nội dung đối ngoại của Đại hội Đảng lần thứ XIV",
     [("Đại hội Đảng lần thứ XIV", dt.date(2026, 1, 1), "year", "party congress")]),
    ("Hội nghị Ngoại giao lần thứ 31 bế mạc",
     [("Hội nghị Ngoại giao lần thứ 31", dt.date(2021, 12, 14), "day", "conference")]),
])
def test_every_written_form(text, expected):
    assert found(text) == expected


def test_day_month_takes_the_year_nearest_the_article_date():
    january = dt.date(2024, 1, 5)
    assert found("Sáng 23/12, hội nghị bế mạc.", january)[0][1] == dt.date(2023, 12, 23)
    assert found("Sáng 23/12, hội nghị bế mạc.", dt.date(2021, 12, 20))[0][1] == dt.date(2021, 12, 23)


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


def test_time_orientation_by_hand():
    mentions = pd.DataFrame({
        "year": [2021, 2021, 2021, 2023, 2023],
        "published": pd.to_datetime(["2021-12-13"] * 3 + ["2023-12-19"] * 2),
        "year_referred": [1986, 2021, 2030, 2021, 2026],
        "kind": ["era", "party congress", "year", "party congress", "conference"],
    })
    table = timeline.time_orientation(mentions)
    assert table.loc[2021, ["past", "present", "future"]].tolist() == [1, 1, 1]
    assert table.loc[2023, ["mentions", "past", "future"]].tolist() == [1, 1, 0]  # conference left out
    calendar = timeline.time_orientation(mentions, kinds=timeline.CALENDAR_KINDS)
    assert calendar.loc[2021, ["mentions", "future"]].tolist() == [1, 1]


def test_word_trends_count_phrases_and_report_their_base():
    corpus = helpers.load_corpus()
    trends = timeline.word_trends(corpus, ["tiên phong", "cây tre"]).set_index(["group", "word"])
    assert list(dict.fromkeys(trends.index.get_level_values(0))) == ["NFAC", "DC31", "DC32"]
    assert trends.loc[("DC32", "cây tre"), "count"] == 2
    assert trends.loc[("DC32", "tiên phong"), ["articles", "words"]].tolist() == [2, 1180]
    assert trends.loc[("DC32", "tiên phong"), "per_10k"] == round(4 / 1180 * 10_000, 1)


def test_date_clusters_split_on_long_gaps():
    dates = pd.Series(pd.to_datetime(["2021-12-13", "2021-12-18", "2023-12-19", "2013-12-20"]))
    clusters = timeline.date_clusters(dates)
    assert [(a.year, b.year) for a, b in clusters] == [(2013, 2013), (2021, 2021), (2023, 2023)]
