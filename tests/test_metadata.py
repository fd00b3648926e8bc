"""Metadata read from pages: the article's own date, its event, outlet and author."""
import datetime as dt

import pandas as pd
import pytest

import helpers
from helpers.metadata import PageMetadata, infer_event, infer_metadata, lead_date


def meta(page: str) -> PageMetadata:
    return infer_metadata(helpers.clean_article(page))


BODY = "Đoạn thứ hai của bài báo về công tác đối ngoại.\nĐoạn thứ ba của bài báo."


def test_page_clock_and_related_story_dates_are_not_the_articles_date():
    page = ("Thứ Bảy, 11/05/2024\nTrang chủ\nBế mạc Hội nghị Ngoại giao lần thứ 31 tại Hà Nội\n"
            "10:08 | 18/12/2021\nChiều 18/12, hội nghị bế mạc.\n" + BODY +
            "\nTin liên quan\nMột bài khác về hội nghị\n17/12/2021\nTóm tắt bài khác.")
    m = meta(page)
    assert m.published == pd.Timestamp("2021-12-18").date() and m.date_precision == "day"
    assert m.found_by.get("published") == "page dateline"


def test_a_page_clock_alone_loses_to_the_lead_date():
    page = ("Thứ Bảy, 11/05/2024\nBế mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội\n"
            "Sáng 23/12, sau 5 ngày làm việc, hội nghị bế mạc.\n" + BODY)
    m = meta(page)
    assert m.published == pd.Timestamp("2023-12-23").date()
    assert m.date_precision == "approximate"


@pytest.mark.parametrize("dateline, date", [
    ("10:08 | 13/12/2021", "2021-12-13"), ("20/12/2023 - 09:30", "2023-12-20"),
    ("Thứ ba, 19/12/2023, 16:45", "2023-12-19"), ("19 Tháng Mười Hai, 2023", "2023-12-19"),
    ("Thứ Hai, 18/12/2023 08:15 (GMT+7)", "2023-12-18"), ("Cập nhật: 14-12-2021", "2021-12-14"),
    ("Ngày đăng: 2023-12-19 10:45:00", "2023-12-19"), ("2023-12-19T10:45:00+07:00", "2023-12-19"),
    ("T3, 19/12/2023", "2023-12-19"),
    ("19/12/2023 | 1.245 lượt xem", "2023-12-19"),
    ("Thứ Ba, 19/12/2023 · 3 phút đọc", "2023-12-19"),
    ("Posted on December 19, 2023", "2023-12-19"), ("Last updated: 19/12/2023 10:00", "2023-12-19"),
    ("Thứ Sáu, 22/12/2023 (10/11 Âm lịch)", "2023-12-22"),
])
def test_dateline_forms(dateline, date):
    page = f"Khai mạc Hội nghị Đối ngoại toàn quốc tại Hà Nội\n{dateline}\n{BODY}"
    assert meta(page).published == pd.Timestamp(date).date()


@pytest.mark.parametrize("lead, event, expected", [
    ("Sáng 23/12, hội nghị bế mạc.", "DC32", dt.date(2023, 12, 23)),
    ("Chiều 18-12, hội nghị bế mạc.", "DC31", dt.date(2021, 12, 18)),
    ("Ngày 19/12, tại Hà Nội, hội nghị khai mạc.", "DC32", dt.date(2023, 12, 19)),
    ("Ngày 14/12/2021, hội nghị diễn ra.", None, dt.date(2021, 12, 14)),
    ("(TG&VN) - Sáng 20/12, hội nghị tiếp tục.", "DC32", dt.date(2023, 12, 20)),
    ("Hội nghị dự kiến diễn ra vào ngày 14/12.", "NFAC", None),   # not an opening date
    ("Sáng 23/12, hội nghị bế mạc.", None, None),                # no year anywhere: no guess
])
def test_lead_dates(lead, event, expected):
    assert lead_date(lead, event)[0] == expected


def test_lead_date_for_a_conference_known_only_by_year():
    assert lead_date("Sáng 19/8, hội nghị khai mạc.", "DC29")[0] == dt.date(2016, 8, 19)


@pytest.mark.parametrize("page, event", [
    ("Bế mạc HNNG lần thứ 32\nHội nghị đã thành công.\n" + BODY, "DC32"),
    ("Khai mạc Hội nghị Ngoại giao 29\nHội nghị diễn ra.\n" + BODY, "DC29"),
    ("Hội nghị Ngoại giao lần thứ 30 bế mạc\nHội nghị diễn ra.\n" + BODY, "DC30"),
    # The headline names the subject; a conference cited in the body does not win.
    ("Bộ trưởng trả lời phỏng vấn trước Hội nghị Đối ngoại toàn quốc\n"
     "Sau hội nghị sẽ là Hội nghị Ngoại giao lần thứ 31.\n"
     "Hội nghị Ngoại giao lần thứ 31 sẽ diễn ra.", "NFAC"),
    # Not in headline or lead: the conference the body names most counts; a tie names none.
    ("Tiêu đề về công tác ngoại giao năm nay\nĐoạn mở đầu.\n"
     "Nhắc lại Hội nghị Ngoại giao lần thứ 30.\n"
     "Hội nghị Ngoại giao lần thứ 30 đã đề ra.", "DC30"),
    ("Tiêu đề về công tác ngoại giao năm nay\nĐoạn mở đầu.\n"
     "Nhắc lại hội nghị đối ngoại toàn quốc.", "NFAC"),
    ("Tiêu đề về công tác ngoại giao năm nay\n"
     "Đoạn mở đầu nói về công tác ngoại giao trong năm qua.\n"
     "Nhắc lại Hội nghị Ngoại giao lần thứ 30 và Hội nghị Ngoại giao lần thứ 29.", None),
    # A conference looked back to is not the one reported on.
    ("Thứ trưởng trả lời phỏng vấn\nNhìn lại từ Hội nghị Ngoại giao 29 đến nay, ngành đã làm được "
     "nhiều việc cho Hội nghị Ngoại giao lần thứ 30 sắp khai mạc.", "DC30"),
    ("Bài viết về ngoại giao năm bản lề\n"
     "Kể từ Hội nghị Ngoại giao lần thứ 30 cách đây ba năm, thế giới "
     "đã đổi khác, và Hội nghị Ngoại giao lần thứ 31 đang diễn ra.", "DC31"),
])
def test_event_is_the_one_the_article_is_about(page, event):
    assert infer_event(helpers.clean_article(page))[0] == event


def test_outlet_source_and_author_from_the_page():
    page = ("Theo dõi Baoquocte.vn trên\nHội nghị Đối ngoại toàn quốc diễn ra tại Hà Nội\n"
            "Chu Văn\n" + BODY + "\n(theo TTXVN)\n© Bản quyền thuộc về Báo Thế giới và Việt Nam")
    m = meta(page)
    assert (m.outlet, m.source, m.author) == ("Baoquocte.vn", "TTXVN", "Chu Văn")


def test_conference_words_are_found_in_lower_case_as_ignorecase_finds_them():
    """conference_mentions skips a text whose lower case holds none of CONFERENCE_WORDS (and no
    Turkish i): for that to be safe, every character IGNORECASE takes for a letter of those
    words must lower-case to it, but for the Turkish i's."""
    import re
    import sys

    from helpers.dates import CONFERENCE_WORDS

    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in set("".join(CONFERENCE_WORDS)):
        taken = set(re.findall(re.escape(letter), every_character, re.IGNORECASE))
        assert letter in taken
        assert {ch for ch in taken if ch.lower() != letter} <= {"İ", "ı"}, letter


def test_a_reference_csv_row_with_an_unquoted_comma_is_an_error_naming_its_line(tmp_path):
    # a pattern with "{0,3}" written without quotes was split at its comma, and the rest of
    # the row dropped in silence: the rule matched nothing it was written for
    from helpers.reference import ReferenceDataError, conferences

    good = tmp_path / "good.csv"
    good.write_text("code,number,name_vi,name_en,year,start,end,place,source\n"
                    "X1,1,Hội nghị X,Conference X,2021,2021-12-14,2021-12-14,Hà Nội,\"a, b\"\n",
                    encoding="utf-8")
    assert list(conferences(good).index) == ["X1"]
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace('"a, b"', "a, b"), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"bad\.csv, line 2: more values"):
        conferences(bad)
