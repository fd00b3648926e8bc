"""Dates as Vietnamese news pages print them.

Owns the one date parser of the package: full dates ("13/12/2021", "19 tháng 12 năm 2023",
"19 Tháng Mười Hai, 2023") and dateline lines ("10:08 | 13/12/2021", "Thứ ba, 19/12/2023,
16:45"). Deciding which date is an article's own is left to ``helpers.corpus``.
"""
from __future__ import annotations

import datetime as dt
import re

_MONTH_WORDS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
_MONTH_WORD_RE = "|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True))

FULL_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"
    r"|(?<!\d)(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2}|" + _MONTH_WORD_RE + r")"
    r"\s*(?:,|\s)\s*(?:năm\s+)?(?P<y2>\d{4})(?!\d)",
    re.IGNORECASE,
)

# What may stand beside the date on a dateline: weekday, time, time zone, "updated", separators.
_DATELINE_REST = re.compile(
    r"^(?:\s|[|,()\-–—/:·•]|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn"
    r"|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}h\d{0,2}|gmt\s*[+-]\s*\d{1,2}|utc\s*[+-]?\s*\d{0,2}"
    r"|am|pm|sa|ch|ngày|lúc|cập nhật|đăng|đăng lúc|xuất bản|published|updated)*$",
    re.IGNORECASE,
)


def _to_date(day: str, month: str, year: str) -> dt.date | None:
    m = int(month) if month.isdigit() else _MONTH_WORDS.get(month.lower())
    try:
        return dt.date(int(year), m, int(day)) if m else None
    except ValueError:  # "32/13/2021" is not a date
        return None


def parse_full_date(text: str) -> dt.date | None:
    """The first complete, valid day-month-year date in ``text``, or None.

    >>> parse_full_date("Hội nghị ngày 14/12/2021 tại Hà Nội")
    datetime.date(2021, 12, 14)
    >>> parse_full_date("19 Tháng Mười Hai, 2023") , parse_full_date("32/13/2021")
    (datetime.date(2023, 12, 19), None)
    """
    for match in FULL_DATE.finditer(text):
        g = match.groupdict()
        date = (_to_date(g["d"], g["m"], g["y"]) if g["d"]
                else _to_date(g["d2"], g["m2"], g["y2"]))
        if date:
            return date
    return None


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is only a dateline (date, weekday, time, zone), else None.

    >>> parse_dateline("10:08 | 13/12/2021"), parse_dateline("Thứ ba, 19/12/2023, 16:45")
    (datetime.date(2021, 12, 13), datetime.date(2023, 12, 19))
    >>> parse_dateline("Ngày 14/12/2021, Hội nghị khai mạc.") is None
    True
    """
    match = FULL_DATE.search(line)
    if not match:
        return None
    rest = line[: match.start()] + " " + line[match.end():]
    if not _DATELINE_REST.match(rest):
        return None
    return parse_full_date(match.group())
