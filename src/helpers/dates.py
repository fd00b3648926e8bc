"""Dates as Vietnamese news pages print them.

Owns the one date parser of the package: full dates ("13/12/2021", "19 tháng 12 năm 2023",
"19 Tháng Mười Hai, 2023"), dateline lines ("10:08 | 13/12/2021", "Thứ ba, 19/12/2023,
16:45"), and every date or year mentioned in a text (``find_dates``), from day-month leads to
congress numbers. Deciding which date is an article's own is left to ``helpers.metadata``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from .reference import conferences, congresses, eras

__all__ = ["CLOCK_AT", "DATE_RULES", "EN_WEEKDAYS", "FULL_DATE", "MERIDIEM", "NOT_ITS_DATE",
           "REPORT_DAY", "URL_DATE", "WEEKDAY", "DateMention", "ReportDay", "address_date",
           "conference_mentions",
           "earliest_full_date", "english_report_day", "find_dates", "nearest_year",
           "parse_dateline", "parse_full_date", "report_day", "url_date", "vietnam_day"]

_MONTH_WORDS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
_MONTH_WORD_RE = "|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True))

_ENGLISH_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_ENGLISH_MONTHS.update({m[:3]: i for m, i in list(_ENGLISH_MONTHS.items())})
_MONTH_WORDS.update(_ENGLISH_MONTHS)
_EN_MONTH_RE = r"(?:" + "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True)) + r")\.?"

FULL_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"
    # "19 tháng 12, 2023", and Google's short form "19 thg 12, 2023" (YouTube, Gmail)
    r"|(?<!\d)(?P<d2>\d{1,2})\s+(?:tháng|thg)\s+(?P<m2>\d{1,2}|" + _MONTH_WORD_RE + r")"
    r"\s*(?:,|\s)\s*(?:năm\s+)?(?P<y2>\d{4})(?!\d)"
    # English: "December 17, 2018", "17 December 2018", "Dec. 17, 2018"
    r"|\b(?P<m3>" + _EN_MONTH_RE + r")\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{4})(?!\d)"
    r"|(?<!\d)(?P<d4>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m4>" + _EN_MONTH_RE
    + r"),?\s+(?P<y4>\d{4})(?!\d)"
    # Viet Nam News: "August, 13/2018 - 17:30"
    r"|\b(?P<m6>" + _EN_MONTH_RE + r"),\s*(?P<d6>\d{1,2})\s*/\s*(?P<y6>\d{4})(?!\d)"
    # ISO 8601: "2023-12-19", "2023-12-19T10:45"
    r"|(?<![\d/.-])(?P<y5>\d{4})-(?P<m5>\d{2})-(?P<d5>\d{2})(?![\d/.-]\d|\d)",
    re.IGNORECASE,
)
# Every form of ``FULL_DATE`` holds a four-digit year: a text without four digits in a row
# holds no full date (this short search is much faster than the full one).
_FOUR_DIGITS = re.compile(r"\d{4}")
# The earliest year a full date may have (the seeds and news cite dates back to 1945).
MIN_YEAR = 1800

# A weekday as datelines print it: "Thứ Năm", "thứ 5", "Chủ nhật", "Thursday"
WEEKDAY = (r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật"
           r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day")
# A date that says it is not the article's: a page clock ("Hôm nay: Thứ Ba, 12/11/2024",
# "Today: ..."), the day a copy was printed, saved, fetched or read ("Ngày in:", "Printed on",
# "Đã lưu", "Nhận lúc", "Truy cập ngày", "Accessed", "Retrieved", "Clipped"), a note's own
# times ("Created time", "Last edited"). Read with ``match``.
NOT_ITS_DATE = re.compile(
    r"\s*(?:hôm nay|today|ngày in|in ngày|in lúc|printed( on)?|đã lưu|lưu lúc|ngày lưu|nhận lúc"
    r"|(ngày )?truy cập|accessed|retrieved|clipped|saved( on)?|created time|last edited)\b",
    re.IGNORECASE)
# What may stand beside the date on a dateline: weekday, time, time zone, "updated", separators,
# a view count or reading (or listening) time, the day of the lunar calendar.
_DATELINE_REST = re.compile(
    r"^(?:\s|[|,()\[\]\-–—/:·•]|" + WEEKDAY + r"|cn"
    r"|t[2-7]|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}h\d{0,2}|gmt\s*[+-]\s*\d{1,2}"
    r"|utc\s*[+-]?\s*\d{0,2}|t(?=\d{1,2}:)|z\b|[+-]\d{2}:?\d{2}\b"
    r"|am|pm|sa|ch|ngày|lúc|hôm nay|cập nhật|đăng|đăng lúc|đăng ngày|ngày đăng|xuất bản|thời gian"
    r"|ngày trả lời"   # a question-and-answer page's date: it is published when answered
    r"|trực tuyến|online"
    r"|published|updated|posted|last|on|date|today"
    r"|(?:lượt xem|lượt đọc|views?)\s*:?\s*[\d.,]+"
    r"|[\d.,]+\s*(?:lượt xem|lượt đọc|views?|bình luận|comments?)"
    r"|\d{1,3}\s*(?:phút đọc|phút nghe|phút|min(?:ute)?s?\s+(?:read|listen|watch))"
    r"|số\s+\d{1,2}\s*/\s*\d{4}|(?:volume|vol\.|issue|no\.)\s*\d{1,4}"  # a journal's issue
    r"|\(\s*\d{1,2}\s*/\s*\d{1,2}\s*(?:âm lịch|âl|al)\s*\))*$",  # "(15/11 Âm lịch)"
    re.IGNORECASE,
)


def _match_date(match: re.Match, month_first: bool = False) -> dt.date | None:
    """The date ``match`` (of ``FULL_DATE``) gives; with ``month_first``, a date with no such
    month read month first ("12/25/2023" beside "9:28 AM", an American page's)."""
    g = match.groupdict()
    if month_first and g["d"] and g["sep"] == "/" and int(g["m"]) > 12 >= int(g["d"]):
        return _to_date(g["m"], g["d"], g["y"])
    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("d4", "m4", "y4"),
                    ("d5", "m5", "y5"), ("d6", "m6", "y6")):
        if g[d]:
            return _to_date(g[d], g[m].rstrip(".").lower(), g[y])
    return None


def _to_date(day: str, month: str, year: str) -> dt.date | None:
    m = int(month) if month.isdigit() else _MONTH_WORDS.get(month.lower())
    if int(year) < MIN_YEAR:   # "0012" (of an id "2022-11-05-0012"): not a year a page is dated by
        return None
    try:
        return dt.date(int(year), m, int(day)) if m else None
    except ValueError:  # "32/13/2021" is not a date
        return None


def parse_full_date(text: str) -> dt.date | None:
    """The first complete, valid day-month-year date in ``text``, or None.

    Parameters
    ----------
    text : str

    Returns
    -------
    dt.date | None

    Examples
    --------
    >>> parse_full_date("Hội nghị ngày 14/12/2021 tại Hà Nội")
    datetime.date(2021, 12, 14)
    >>> parse_full_date("19 Tháng Mười Hai, 2023") , parse_full_date("32/13/2021")
    (datetime.date(2023, 12, 19), None)
    >>> parse_full_date("Monday, December 17, 2018 | 16:05"), parse_full_date("19 Dec 2023")
    (datetime.date(2018, 12, 17), datetime.date(2023, 12, 19))
    >>> parse_full_date("9:28:03 AM | 12/25/2023"), parse_full_date("12/25/2023")
    (datetime.date(2023, 12, 25), None)
    """
    if not _FOUR_DIGITS.search(text):
        return None
    month_first = MERIDIEM.search(text) is not None     # a 12-hour clock: an American page
    for match in FULL_DATE.finditer(text):
        if date := _match_date(match, month_first):
            return date
    return None


# (possessive spaces: on a long run of spaces after a date, not a try for every share of it)
_LUNAR = re.compile(r"\s*+(?:\)\s*+)?(?:âm lịch|âl|al)\b", re.IGNORECASE)


def earliest_full_date(text: str) -> dt.date | None:
    """The earliest complete, valid date in ``text`` (a dateline that prints an update and the
    first posting: "Cập nhật: 16/12/2021 08:05 (Đăng lần đầu: 14/12/2021 17:40)"), a date of
    the lunar calendar aside ("19/12/2023 (7/11/2023 âm lịch)"); None when it holds none.

    Examples
    --------
    >>> earliest_full_date("Cập nhật: 16/12/2021 08:05 (Đăng lần đầu: 14/12/2021 17:40)")
    datetime.date(2021, 12, 14)
    >>> earliest_full_date("Thứ Ba, 19/12/2023 (7/11/2023 Âm lịch)")
    datetime.date(2023, 12, 19)
    """
    if not _FOUR_DIGITS.search(text):
        return None
    found = [date for match in FULL_DATE.finditer(text)
             if not _LUNAR.match(text, match.end()) and (date := _match_date(match))]
    return min(found, default=None)


# A date in a page's address: ".../2023/12/21/...", ".../20231221-...", ".../2023-12-21/...",
# or a timestamp ending the name: "...-mo-duong-20211214163015.htm".
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-])"
                      r"|-((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4,9}"
                      r"(?=\.html?\b|[/?#]|$)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def url_date(text: str) -> dt.date | None:
    """The date in the first web address in ``text`` that holds one (``URL_DATE``), or None.

    Examples
    --------
    >>> url_date("https://bao.example.vn/thoi-su/2023/12/21/hoi-nghi-ngoai-giao.html")
    datetime.date(2023, 12, 21)
    >>> url_date("https://bao.example.vn/doi-ngoai/hoi-nghi-20211214163015.htm")
    datetime.date(2021, 12, 14)
    >>> url_date("Địa chỉ: https://bao.example.vn/hoi-nghi-32-post12345.html") is None
    True
    """
    return next((date for address in _URL.findall(text) if (date := address_date(address))),
                None)


def address_date(address: str) -> dt.date | None:
    """The first valid date ``URL_DATE`` finds in one web address (absolute or a path)."""
    for match in URL_DATE.finditer(address):
        year, month, day = (g for g in match.groups() if g)
        if date := _to_date(day, month, year):
            return date
    return None


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is only a dateline (date, weekday, time, zone), else None.

    Parameters
    ----------
    line : str

    Returns
    -------
    dt.date | None

    Examples
    --------
    >>> parse_dateline("10:08 | 13/12/2021"), parse_dateline("Thứ ba, 19/12/2023, 16:45")
    (datetime.date(2021, 12, 13), datetime.date(2023, 12, 19))
    >>> parse_dateline("Ngày 14/12/2021, Hội nghị khai mạc.") is None
    True
    >>> parse_dateline("31/08/16 - 10:05"), parse_dateline("(29/08/16)")
    (datetime.date(2016, 8, 31), None)
    >>> parse_dateline("Posted 12/05/23 10:05 AM") is None
    True
    """
    match = FULL_DATE.search(line) if _FOUR_DIGITS.search(line) else None
    if not match:
        return _short_year_dateline(line)
    rest = line[: match.start()] + " " + line[match.end():]
    if not _DATELINE_REST.match(rest):
        return None
    return parse_full_date(match.group())


# A dateline's clock time ("20:30", "8:45 CH", "14h30", "08:15 PM") and the offset it is given
# in ("(GMT-5)", "GMT+07:00", "UTC").
CLOCK_AT = re.compile(r"(?<![\d:])(\d{1,2})\s*[:h]\s*(\d{2})(?::\d{2})?"
                       r"(?:\s*(am|pm|a\.m\.|p\.m\.|sa|ch)(?![\w.]))?", re.IGNORECASE)
_OFFSET = re.compile(r"\b(?:gmt|utc)(?:\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?)?(?![\w:+\-−–])",
                     re.IGNORECASE)
VIETNAM_HOURS = 7       # Vietnam's time: UTC+7, all year
# Time zones an overseas outlet names by their letters, in minutes from UTC (not "CST", both
# America's -6 and China's +8; not "IST", India's and Ireland's)
ZONE_MINUTES = {"EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
                "PDT": -420, "CET": 60, "CEST": 120, "BST": 60, "JST": 540, "KST": 540,
                "AEST": 600, "AEDT": 660, "ICT": 420}
_ZONE = re.compile(r"(?<![\w+\-])(" + "|".join(ZONE_MINUTES) + r")(?!\w)")


def vietnam_day(text: str, day: dt.date) -> dt.date:
    """The day a dateline's date and clock time fall on in Vietnam (UTC+7), when the line
    states the offset they are given in ("Chủ Nhật, 19/12/2021 - 20:30 (GMT-5)": 20/12 in
    Vietnam), as an HTML page's timestamp with an offset is read; ``day`` otherwise.

    Parameters
    ----------
    text : str
        The dateline.
    day : datetime.date
        The date it prints.

    Returns
    -------
    datetime.date

    Examples
    --------
    >>> d = dt.date(2021, 12, 19)
    >>> vietnam_day("Chủ Nhật, 19/12/2021 - 20:30 (GMT-5)", d)
    datetime.date(2021, 12, 20)
    >>> vietnam_day("19/12/2021 20:30 (GMT+7)", d), vietnam_day("19/12/2021 (GMT-5)", d)
    (datetime.date(2021, 12, 19), datetime.date(2021, 12, 19))
    >>> vietnam_day("Dec 19, 2021 | 08:15 PM UTC", d), vietnam_day("20:30 (GMT+99)", d)
    (datetime.date(2021, 12, 20), datetime.date(2021, 12, 19))
    >>> vietnam_day("December 18, 2021 | 9:30 PM EST", dt.date(2021, 12, 18))
    datetime.date(2021, 12, 19)
    """
    offset = _OFFSET.search(text)
    zone = _ZONE.search(text) if offset is None else None
    stated = offset or zone
    clock = CLOCK_AT.search(text[:stated.start()]) if stated else None
    if stated is None or clock is None:
        return day
    hour, minute, half = int(clock.group(1)), int(clock.group(2)), (clock.group(3) or "").lower()
    if half and hour <= 12:
        hour = hour % 12 + (12 if half in ("pm", "p.m.", "ch") else 0)
    if hour > 23 or minute > 59:
        return day
    if offset is None:
        shift = ZONE_MINUTES[stated.group(1)]
    else:
        sign, hours, minutes = offset.groups()
        shift = (int(hours or 0) * 60 + int(minutes or 0)) * (1 if sign in (None, "+") else -1)
    if not -12 * 60 <= shift <= 14 * 60:
        return day              # no time zone has it: not an offset ("GMT+99")
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    return (moment + dt.timedelta(minutes=VIETNAM_HOURS * 60 - shift)).date()


# A date with a two-digit year ("31/08/16"): a dateline only with its clock beside it ("31/08/16
# - 10:05"); a bare "(29/08/16)" may be a related story's, a number or a ratio.
_SHORT_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/.-])")
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
# A 12-hour clock's "AM"/"PM" beside a date: an English page's, its date month first.
MERIDIEM = re.compile(r"\b[ap]\.?m\b", re.IGNORECASE)


def _short_year_dateline(line: str) -> dt.date | None:
    """``parse_dateline`` of a line whose date has a two-digit year (of this century)."""
    match = _SHORT_YEAR.search(line)
    if not match:
        return None
    rest = line[: match.start()] + " " + line[match.end():]
    if not (_CLOCK_TIME.search(rest) and _DATELINE_REST.match(rest)) or MERIDIEM.search(rest):
        return None     # (a 12-hour clock: an English page, its date month first)
    day, month, year = match.groups()
    return _to_date(day, month, f"20{year}")


# --- every date and year mentioned in a text -------------------------------------------------

@dataclass(frozen=True)
class DateMention:
    """A date or year found in a text: where (character offsets), what it says, the date it
    resolves to (the first day of the month or year for coarser precisions), its precision
    ("day", "month", "year") and kind (how it was written)."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    kind: str


# "23/12" anywhere; "18-12" only after a word that introduces a date ("Chiều 18-12"), since
# "2-3 năm tới" (two to three years) has the same shape. Never before a unit ("2/3 số phiếu").
_DATE_CUE = r"(?:ngày|sáng|chiều|trưa|tối|đêm|hôm|rạng sáng|từ|đến|tới|trước|sau)\s+"
_UNIT_AFTER = r"(?!\s*(?:năm|tháng|ngày|tuần|giờ|lần|người|%|số|phần))"
_DAY_MONTH = re.compile(
    r"(?<![\d/.,-])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/]|[.,-]\d|\s*[/-]\s*\d)" + _UNIT_AFTER
    + r"|(?<=\b)" + _DATE_CUE
    + r"(?P<d2>\d{1,2})\s*-\s*(?P<m2>\d{1,2})(?![\d/]|[.,-]\d)" + _UNIT_AFTER,
    re.IGNORECASE)
_DAY_RANGE = re.compile(
    r"(?<![\d/.-])(?P<d1>\d{1,2})\s*(?:đến|-|–)\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/-]\s*"
    r"(?P<m>\d{1,2})(?P<y>\s*[/-]\s*\d{4})?(?![\d/.])")
_MONTH_YEAR = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*[/-]\s*(?P<y>\d{4})(?!\d)"
                         r"|tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})(?!\d)", re.IGNORECASE)
# A year is four digits 1900-2099 standing alone: not part of "1.586" or "2.030" or a date.
_YEAR_RANGE = re.compile(r"(?<![\d/])(?<!\d[.,])(?P<y1>(?:19|20)\d{2})\s*[-–]\s*"
                         r"(?P<y2>(?:19|20)\d{2})(?![\d/]|[.,]\d)")
_YEAR = re.compile(r"(?<![\d/-])(?<!\d[.,])(?P<y>(?:19|20)\d{2})(?![\d/]|[.,]\d|\s*[/-]\s*\d)")
_CONGRESS = re.compile(r"Đại hội\s+(?:đại biểu toàn quốc\s+)?(?:của\s+Đảng\s+|Đảng\s+)?"
                       r"(?:lần thứ\s+)?(?P<roman>[IVXL]+)\b|khóa\s+(?P<term>[IVXL]+)\b")
_UNITS = {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "năm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_TENS = {"hai": 20, "ba": 30, "bốn": 40}
_WRITTEN = (r"(?:hai|ba|bốn)\s+mươi(?:\s+(?:mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?")
_NUMBER = rf"(?P<n>\d{{2}}|{_WRITTEN})(?![\d/])"
_CONFERENCE = re.compile(
    r"(?:Hội nghị Ngoại giao(?:\s+toàn quốc)?|HNNG)\s+(?:lần\s+)?(?:thứ\s+)?" + _NUMBER
    + r"|(?P<en>\d{2})(?:st|nd|rd|th)\s+(?:National\s+)?Diplomatic Conference"
    + r"|(?P<enw>(?:twenty|thirty)[\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    + r"|ninth)|thirtieth)\s+(?:National\s+)?Diplomatic Conference"
    + r"|Diplomatic Conference\s+(?:No\.?\s*)?(?P<en2>\d{2})\b"
    + r"|Hội nghị (?:trực tuyến\s+)?Đối ngoại toàn quốc"
    + r"|National Foreign Affairs Conference|(?P<nc>(?<=first )(?-i:National Conference on "
    + r"Foreign Affairs)|(?<=first-ever )(?-i:National Conference on Foreign Affairs)"
    + r"|(?-i:National Conference on Foreign Affairs)(?= (?:in )?2021))",
    re.IGNORECASE)
# "the 21st (twenty-first, 2023, annual) National Conference on Foreign Affairs" is the
# provinces' own conference (Hội nghị Ngoại vụ), held beside a Diplomatic Conference; the
# Party's of 2021 is read only as "the first (-ever) ..." or "... 2021" (a year-end review's
# bare mentions were read as it); in lower case the words name any such conference.
_ORDINAL_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th)|\d{4}|annual|(?:twenty|thirty)[\s-]+\w+"
                             r"|second|third"
                             r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                             r"|\w+teenth|twentieth)\s+$", re.IGNORECASE)
# Every way ``_CONFERENCE`` names a conference holds one of these words: a text with none of
# them is not searched further. Looking for them in the lower-cased text finds what a
# case-insensitive search finds, many times faster: on their letters ``str.lower`` agrees with
# ``re.IGNORECASE``, which only also reads the Turkish "İ" and "ı" as "i" (so a text with
# either is always searched; tests/test_metadata.py checks this on every character).
CONFERENCE_WORDS = ("hội nghị", "hnng", "conference")
_ALSO_I = ("İ", "ı")


_EN_TENS = {"twenty": 20, "thirty": 30}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    low = text.lower()
    if low == "thirtieth":
        return 30
    if low.startswith(("twenty", "thirty")):
        tens, unit = re.split(r"[\s-]+", low)
        return _EN_TENS[tens] + _EN_ORDINALS[unit]
    words = low.split()
    return _TENS[words[0]] + (_UNITS[words[2]] if len(words) > 2 else 0)


def conference_mentions(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names a diplomatic conference, as (start, end, code).

    "Hội nghị Ngoại giao lần thứ 30", "Hội nghị Ngoại giao toàn quốc lần thứ 30", "Hội nghị
    Ngoại giao 29", "HNNG 32", "lần thứ ba mươi hai", "the 31st (National) Diplomatic
    Conference" -> DC30, DC30, DC29, DC32, DC32, DC31; "Hội nghị (trực tuyến) Đối ngoại toàn
    quốc" (any case), "National Foreign Affairs Conference" and "National Conference on Foreign
    Affairs" (without a number: "the 21st ..." is the provinces' conference) -> NFAC.

    Parameters
    ----------
    text : str

    Returns
    -------
    list[tuple[int, int, str]]

    Examples
    --------
    >>> text = "Bế mạc HNNG lần thứ 32 sau Hội nghị Đối ngoại toàn quốc"
    >>> [code for _, _, code in conference_mentions(text)]
    ['DC32', 'NFAC']
    >>> text = "Hội nghị Ngoại giao lần thứ ba mươi mốt; the 30th Diplomatic Conference"
    >>> [c for _, _, c in conference_mentions(text)]
    ['DC31', 'DC30']
    >>> [c for _, _, c in conference_mentions("Thirty first Diplomatic Conference opens; the "
    ...                                       "Thirtieth Diplomatic Conference")]
    ['DC31', 'DC30']
    >>> text = ("the 32nd National Diplomatic Conference and the 21st National Conference on "
    ...         "Foreign Affairs, after the first National Conference on Foreign Affairs")
    >>> [c for _, _, c in conference_mentions(text)]
    ['DC32', 'NFAC']
    """
    out: list[tuple[int, int, str]] = []
    low = text.lower()
    if not any(word in low for word in CONFERENCE_WORDS) and not any(i in text for i in _ALSO_I):
        return out
    for m in _CONFERENCE.finditer(text):
        if m["nc"] and _ORDINAL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        number = m["n"] or m["en"] or m["en2"] or m["enw"]
        out.append((m.start(), m.end(), f"DC{_number(number)}" if number else "NFAC"))
    return out


# Vietnamese news opens a report with its day: "Sáng 23/12, ...", "Ngày 19/12, ...",
# "Chiều 18-12 (giờ địa phương), ...", optionally with the year: "Ngày 14/12/2021, ...".
# a place or outlet's tag: "(TG&VN) -", "VOV.VN -", "(baomau.gov.vn) -", or a wire's dateline
# of place, day and agency: "Hà Nội, 18/12 (TTXVN) -"
_TAG = (r"^\s*(?:(?:\(?[A-ZĐ][^()]{0,30}\)?|\([^()]{1,40}\)|[A-ZĐ][^()\d,]{1,30},\s*\d{1,2}\s*/"
        r"\s*\d{1,2}(?:\s*/\s*\d{4})?\s*\([^()]{2,20}\))\s*[-–—]\s*)?")
# (Thanh Niên and Lao Động write the day with a dot: "Sáng 19.12, ...")
_DAY = (r"(?:(?:sáng|chiều|trưa|tối|đêm|rạng sáng|hôm nay|hôm qua)\s*(?:nay\s*)?(?:ngày\s*)?"
        r"|ngày\s*)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
        r"\s*(?:\([^)]{0,40}\))?\s*[,:]")
REPORT_DAY = re.compile(_TAG + _DAY, re.IGNORECASE)
# ... or, read on a page without a dateline (``report_day``'s ``loose``), with its part of the
# day after a clause that names no year ("Sau 5 ngày họp tại Hà Nội, chiều 17/8, ..."; not
# "Năm 2021, sáng 15/12, ..."), or in its first sentence after "sáng nay" ("... khai mạc sáng
# nay (13/8) tại Hà Nội") or as the day the conference opened or closed ("..., đã bế mạc chiều
# 26/8 tại Hà Nội", "... khai mạc sáng 13/8 tại Hà Nội"; not "phiên khai mạc sáng 19/12", a
# session named in passing, nor "khai mạc vào sáng 19/12 tới"); never in a sentence of a plan
# or a look back.
_CLAUSE_DAY = re.compile(_TAG + r"(?:(?!\d{4})[^,.;:!?()/]){3,60},\s*(?=(?:sáng|chiều|trưa|tối|đêm"
                         r"|rạng sáng)\s+\d)" + _DAY, re.IGNORECASE)
_TODAY_DAY = re.compile(r"(?:\b(?:sáng|chiều|trưa|tối|hôm)\s+nay\s*\((?:ngày\s*)?"
                        r"|\b(?<!phiên )(?<!lễ )(?<!\()(?:đã\s+)?(?:chính thức\s+)?"
                        r"(?:khai mạc|bế mạc|khép lại|kết thúc)\s+"
                        r"(?:vào\s+)?(?:sáng|chiều|trưa|tối)\s+(?:ngày\s+)?)"
                        r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?"
                        r"(?![\d/-])(?!\s*tới)", re.IGNORECASE)
_FIRST_SENTENCE_END = re.compile(r"[.!?](?!\w)")      # (not in "baoquocte.vn")
# A sentence whose day is not the report's: a plan ("sẽ", "dự kiến", "theo kế hoạch", "thông
# báo", "trước thềm", "từ sáng 19/12 đến chiều 23/12", "đến hết tối 23/12", "kéo dài đến"), a
# look back ("Cách đây tròn mười năm, sáng 16/12/2013", "vẫn nhớ tối 26/8 năm ấy", "Trong tuần
# qua, sáng 19/12", "Hơn một tháng sau khi ... bế mạc chiều 23/12"), or a report of today that
# names another day ("Sáng nay, ... khai mạc sáng 16/12/2013").
_NOT_THE_REPORTS = re.compile(
    r"\b(?:sẽ|dự kiến|sắp|theo kế hoạch|kế hoạch|dự định|chuẩn bị|thông báo|trước thềm|đến hết"
    r"|kéo dài đến|từ\s+(?:sáng|chiều|trưa|tối|ngày)|cách đây|năm ấy|năm đó|năm ngoái|năm trước"
    r"|hồi ấy|ngày ấy|khi ấy|trước đó|nhớ|ký ức|kỷ niệm|sau khi|sau phiên|tuần qua|tháng qua"
    r"|(?:sáng|chiều|trưa|tối|hôm)\s+nay(?!\s*\())\b", re.IGNORECASE)


class ReportDay(NamedTuple):
    """A day a report gives: its day, month and year (None when it names none), and whether
    it was read loosely (after a clause, or anywhere in the first sentence), as only a page
    without a dateline reads it."""

    day: int
    month: int
    year: int | None
    loose: bool


def report_day(text: str, loose: bool = True) -> ReportDay | None:
    """The day a Vietnamese report's lead opens with (``REPORT_DAY``); with ``loose``, also
    after a clause or in its first sentence after "sáng nay", "chiều" ... (neither in a
    sentence of a plan or a look back); else None.

    Examples
    --------
    >>> report_day("Sáng 23/12, sau 5 ngày làm việc, hội nghị bế mạc.")
    ReportDay(day=23, month=12, year=None, loose=False)
    >>> report_day("Hà Nội, 18/12 (TTXVN) - Chiều 18/12, tại Hà Nội, Hội nghị bế mạc.")[:2]
    (18, 12)
    >>> report_day("Hội nghị Ngoại giao lần thứ 29 đã bế mạc chiều 26/8 tại Hà Nội.")[:3]
    (26, 8, None)
    >>> report_day("Tiếp nối phiên khai mạc sáng 19/12, ngày làm việc thứ hai bàn về kinh tế.")
    >>> report_day("Hội nghị Ngoại giao lần thứ 29 đã bế mạc chiều 26/8.", loose=False) is None
    True
    >>> report_day("Hội nghị sẽ khai mạc sáng 19/12 tại Hà Nội.") is None
    True
    >>> report_day("Dự kiến, sáng 19/12, Hội nghị khai mạc tại Hà Nội.") is None
    True
    >>> report_day("Cách đây tròn mười năm, sáng 16/12/2013, Hội nghị khai mạc.") is None
    True
    >>> report_day("Năm 2021, sáng 15/12, Hội nghị Ngoại giao lần thứ 31 khai mạc.") is None
    True
    """
    m = REPORT_DAY.match(text)
    if m:
        return ReportDay(int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None, False)
    if not loose:
        return None
    end = _FIRST_SENTENCE_END.search(text)
    sentence = text[:end.start()] if end else text
    # (the cheap test first: a day and month hold "/" or "-")
    if not ("/" in sentence or "-" in sentence) or _NOT_THE_REPORTS.search(sentence):
        return None
    m = _CLAUSE_DAY.match(sentence) or _TODAY_DAY.search(sentence)
    return ReportDay(int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None, True) \
        if m else None


# The day an English report gives in its first sentence: "... opened in Hanoi on December 19",
# "on Tuesday (December 19)", "on 19 December 2023".
# (in the order of ``datetime.date.weekday``)
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_WEEKDAY = "(?:" + "|".join(EN_WEEKDAYS) + r")\b"
_OUTLET_TAG = r"\([^()]{1,40}\)\s*[-–—]\s*"          # "(baomau.gov.vn) - "
_EN_REPORT_DAY = re.compile(
    # "on" before a weekday or a date: "on December 20", "on 20 December", "on the morning of
    # December 21", "on Tuesday", "on Tuesday (December 19)"
    r"^\s*(?:" + _OUTLET_TAG + ")?"
    r"[^.!?]*?\b(?P<on>on)\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?(?=" + _EN_WEEKDAY
    + "|" + _EN_MONTH_RE + r"\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+" + _EN_MONTH_RE + ")"
    r"(?:(?P<wd>" + _EN_WEEKDAY + r")\s*,?\s*\(?)?"
    r"(?:(?P<m>" + _EN_MONTH_RE + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})"
    r"(?:st|nd|rd|th)?\s+(?P<m2>" + _EN_MONTH_RE + r"))?(?:,?\s+(?P<y>\d{4}))?(?![\d-])",
    re.IGNORECASE)


# Not the report's day: a plan or a date in a clause about something else ("will hold ... on
# December 19", "the upcoming ...", "which opened on December 15, 2021", "who first attended ...
# on ..."), a look back or ahead ("Exactly ten years ago, on ...", "opened on Sunday ... ahead
# of the 32nd").
_EN_NOT_ITS_DAY = re.compile(r"\b(?:will|would|upcoming|scheduled|to be held|is to|are to|plans?"
                             r"|expected|ahead of|prior to|a week before|days before)\b",
                             re.IGNORECASE)
_EN_RELATIVE = re.compile(r"\b(?:which|who|that|when|since|after|before|ago|anniversary|exactly"
                          r"|earlier|previous|recalled|remembers?)\b", re.IGNORECASE)
# ... so a day after "on" counts only where the sentence opens with it ("On the morning of
# December 21, ...") or a conference opened or closed on it ("The 28th Diplomatic Conference was
# wrapped up in Hanoi on December 20"; not "In a speech delivered on December 19", "established
# diplomatic relations on September 21, 1973").
_EN_OPENS_OR_CLOSES = re.compile(
    r"\b(?:conference|congress|meeting|session|summit|forum)\b[^.!?]{0,80}?\b(?:opened|opens"
    r"|closed|closes|concluded|concludes|wrapped up|wraps up|kicked off|convened|began|ended|took"
    r" place|was held|were held)\b[^.!?]{0,60}$", re.IGNORECASE)
# ... or it opens the sentence, after a tag or a clause ("Within the framework of the 32nd
# Diplomatic Conference, on December 21, the Ministry held ..."), or a verb in the past follows
# it ("President Vo Van Thuong on December 20 met with ambassadors ...").
_EN_OPENING = re.compile(r"^\s*(?:" + _OUTLET_TAG + r")?(?:[^,.;!?]{3,80},\s*)?$")
_EN_PAST_AFTER = re.compile(r"\s*(?:morning|afternoon|evening)?\s*,?\s*(?:\w+ed|met|held|told|gave"
                            r"|made|sent|led|began|took|spoke|saw|chose|won)\b", re.IGNORECASE)


def english_report_day(text: str) -> tuple[int, int, int | None] | str | None:
    """(day, month, year or None) of the day an English report's first sentence names after
    "on"; the weekday's name when it names only that ("on Tuesday"); else None.

    Examples
    --------
    >>> english_report_day("The 28th Diplomatic Conference was wrapped up in Hanoi on December "
    ...                    "20 after five days.")
    (20, 12, None)
    >>> english_report_day("The meeting was held on Tuesday (19 Dec. 2023) in Hanoi.")
    (19, 12, 2023)
    >>> english_report_day("(baomau.gov.vn) - On the morning of December 21, the Ministry held "
    ...                    "a plenary session.")
    (21, 12, None)
    >>> english_report_day("The conference opened in Hanoi on Wednesday morning.")
    'wednesday'
    >>> english_report_day("The minister said on Friday that the lessons should be applied.")
    >>> english_report_day("The conference, which opened on December 15, 2021, set the tasks.")
    >>> english_report_day("The ministry will hold the conference on December 19.")
    >>> english_report_day("The conference opened. It closes on December 20.") is None
    True
    >>> english_report_day("In a speech delivered on December 19, 2023, he said so.") is None
    True
    >>> english_report_day("President Vo Van Thuong on December 20 met with ambassadors.")
    (20, 12, None)
    >>> english_report_day("Exactly ten years ago, on December 16, 2013, it opened.") is None
    True
    """
    m = _EN_REPORT_DAY.match(text)
    if not m:
        return None
    end = _FIRST_SENTENCE_END.search(text, m.end())
    opening = _EN_OPENING.match(text, 0, m.start("on")) or _EN_PAST_AFTER.match(text, m.end())
    if _EN_NOT_ITS_DAY.search(text, 0, end.start() if end else len(text)) \
            or _EN_RELATIVE.search(text, 0, m.start("on")) \
            or not (opening or _EN_OPENS_OR_CLOSES.search(text, 0, m.start("on"))):
        return None
    if not (m["m"] or m["m2"]):
        # a weekday only for the conference's own opening or closing ("The 31st Diplomatic
        # Conference opened on Wednesday"), not for who did what ("on Tuesday briefed ...")
        if not _EN_OPENS_OR_CLOSES.search(text, 0, m.start("on")):
            return None
        return m["wd"].lower()
    month = _MONTH_WORDS[(m["m"] or m["m2"]).lower().rstrip(".")]
    return int(m["d"] or m["d2"]), month, int(m["y"]) if m["y"] else None


def nearest_year(day: int, month: int, reference: dt.date) -> dt.date | None:
    """The date with this day and month nearest to ``reference`` (same year, or the one
    before or after): "Sáng 23/12" in an article of January 2024 is 23 Dec 2023.

    Parameters
    ----------
    day : int
    month : int
    reference : dt.date

    Returns
    -------
    dt.date | None

    Examples
    --------
    >>> nearest_year(23, 12, dt.date(2024, 1, 10))
    datetime.date(2023, 12, 23)
    """
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    return best


Candidate = tuple[int, int, "dt.date | None", str, str]   # start, end, date, precision, kind


def _day_ranges(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for m in _DAY_RANGE.finditer(text):
        month = int(m["m"])
        if m["y"]:
            year = m["y"].strip(" /-")
            ends = [_to_date(m[k], str(month), year) for k in ("d1", "d2")]
        elif reference is not None:
            ends = [nearest_year(int(m[k]), month, reference) if 1 <= month <= 12 else None
                    for k in ("d1", "d2")]
        else:
            continue
        found: list[Candidate] = []
        if all(ends):
            found = [(m.start("d1"), m.end("d1"), ends[0], "day", "day range start"),
                     (m.start("d2"), m.end(), ends[1], "day", "day range end")]
        yield [*found, (*m.span(), None, "", "")]     # the whole range is spoken for


def _full_dates(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for m in FULL_DATE.finditer(text):
        date = _match_date(m)
        # An impossible date ("32/13/2021") is not re-read as a day-month or a year.
        yield [(*m.span(), date, "day", "date")]


def _month_years(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for m in _MONTH_YEAR.finditer(text):
        month, year = (m["m"], m["y"]) if m["m"] else (m["m2"], m["y2"])
        yield [(*m.span(), _to_date("1", month, year), "month", "month-year")]


def _day_months(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    if reference is None:
        return
    for m in _DAY_MONTH.finditer(text):
        if m["d"]:
            (a, b), day, month = m.span(), int(m["d"]), int(m["m"])
        else:
            (a, b), day, month = (m.start("d2"), m.end("m2")), int(m["d2"]), int(m["m2"])
        if 1 <= month <= 12:
            yield [(a, b, nearest_year(day, month, reference), "day", "day-month")]


def _year_ranges(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for m in _YEAR_RANGE.finditer(text):
        yield [(m.start(g), m.end(g), dt.date(int(m[g]), 1, 1), "year", f"year range {end}")
               for g, end in (("y1", "start"), ("y2", "end"))]


def _years(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for m in _YEAR.finditer(text):
        yield [(*m.span(), dt.date(int(m["y"]), 1, 1), "year", "year")]


def _congress_terms(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    table = congresses()
    for m in _CONGRESS.finditer(text):
        year = table.get(m["roman"] or m["term"])
        if year:
            yield [(*m.span(), dt.date(year, 1, 1), "year", "party congress")]


def _conferences(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    table = conferences()
    for start, end, code in conference_mentions(text):
        if code in table.index:
            row = table.loc[code]
            known = pd.notna(row["start"])
            date = row["start"].date() if known else dt.date(int(row["year"]), 1, 1)
            yield [(start, end, date, "day" if known else "year", "conference")]


def _eras(text: str, reference: dt.date | None) -> Iterator[list[Candidate]]:
    for phrase, year in eras().items():
        pattern = rf"\d+\s+năm\s+(?:[^\W\d_]+\s+){{0,10}}?{re.escape(phrase)}"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            yield [(*m.span(), dt.date(year, 1, 1), "year", "era")]


# The rules of ``find_dates``, in priority order: a span taken by an earlier rule is not read
# again by a later one ("14/12/2021" is a date, not also a day-month and a year). A rule yields,
# per match, its candidates; a candidate without a date only reserves its span. ``whole``: the
# match is skipped unless all of it is still free.
DateRule = Callable[[str, dt.date | None], Iterator[list[Candidate]]]
DATE_RULES: tuple[tuple[str, DateRule, bool], ...] = (
    ("day range", _day_ranges, True),
    ("full date", _full_dates, False),
    ("month-year", _month_years, False),
    ("day-month", _day_months, False),
    ("year range", _year_ranges, True),
    ("year", _years, False),
    ("party congress", _congress_terms, False),
    ("conference", _conferences, False),
    ("era", _eras, False),
)


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date and year mention in ``text``, in order, with its precision.

    Full dates ("ngày 14/12/2021", "19 tháng 12 năm 2023"); day-month dates ("Sáng 23/12",
    "ngày 19 đến 23/1") when a ``reference`` date (the article's date) gives the year, taking
    the year that puts the date nearest to it; month-year ("tháng 12/2023"); years ("năm 2019",
    "2025 và 2030") and year ranges ("2021-2030", both ends); and references that fix a year
    for certain: Party congresses ("Đại hội XIII" -> 2021, from ``data/congresses.csv``),
    diplomatic conferences ("Hội nghị Ngoại giao lần thứ 31" -> 2021, from the conference
    table) and eras ("35 năm đổi mới" -> 1986, from ``data/eras.csv``). Impossible dates
    ("32/13/2021") are skipped. Without a reference, day-month dates are skipped. The rules
    are ``DATE_RULES``, applied in order.

    Parameters
    ----------
    text : str
        Normalized text.
    reference : datetime.date, optional
        The article's own date, which gives day-month dates their year.

    Returns
    -------
    list of DateMention
        Sorted by position.

    Examples
    --------
    >>> found = find_dates("Sáng 23/12, đến năm 2030.", dt.date(2023, 12, 23))
    >>> [(m.text, str(m.date), m.precision) for m in found]
    [('23/12', '2023-12-23', 'day'), ('2030', '2030-01-01', 'year')]
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for _name, rule, whole in DATE_RULES:
        for candidates in rule(text, reference):
            if whole and not free(candidates[0][0], candidates[-1][1]):
                continue
            for a, b, date, precision, kind in candidates:
                if date is None:
                    taken.append((a, b))
                elif free(a, b):
                    found.append(DateMention(a, b, text[a:b], date, precision, kind))
                    taken.append((a, b))
    return sorted(found, key=lambda mention: mention.start)
