"""What a page says about itself: title, publication date (with a precision), event, kind,
language, outlet, source agency and author, each with how it was found.

Owns reading metadata off a cleaned page (``helpers.cleaning`` has classified its lines). Which
value a catalog overrides is ``helpers.corpus``. Dates are parsed by ``helpers.dates``; facts
about conferences come from ``helpers.reference``, never from constants here.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from .cleaning import (
    BODY,
    HEADER_STOPS,
    HEADLINE,
    HEADLINE_LABEL,
    REMOVED,
    CleanedArticle,
    author_name,
    source_in,
)
from .dates import (
    EN_WEEKDAYS,
    NOT_ITS_DATE,
    conference_mentions,
    earliest_full_date,
    english_report_day,
    nearest_year,
    parse_dateline,
    parse_full_date,
    report_day,
    url_date,
    vietnam_day,
)
from .literals import may_match
from .reference import conferences, kind_rules, page_rules

__all__ = ["PageMetadata", "detect_language", "headline_speaker", "headline_title", "infer_event",
           "infer_kind",
           "infer_metadata", "lead_date", "lead_paragraph", "page_author", "page_date",
           "page_dateline", "page_outlet", "page_source", "with_fallback"]

PAGE_CLOCK_DAYS = 7   # a dateline this much later than the lead's own date is a page clock

_OUTLET = re.compile(r"theo dõi\s+(?P<outlet>.+?)\s+trên\b", re.IGNORECASE)
_COPYRIGHT_OUTLET = re.compile(r"(?:©|bản quyền|copyright)\s*(?:\d{4}\s*)?(?:bản quyền\s*)?"
                               r"(?:thuộc về\s*)?(?P<outlet>[^\W\d_][^|;,.]{1,60})", re.IGNORECASE)


@dataclass(frozen=True)
class PageMetadata:
    """Metadata read from one page. ``found_by`` maps each field that has a value to how it
    was found ("page headline", "named in the lead", ...)."""

    title: str | None = None
    published: dt.date | None = None
    date_precision: str | None = None
    event: str | None = None
    kind: str | None = None
    language: str | None = None
    outlet: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    found_by: dict[str, str] = field(default_factory=dict)


# --- fields read off classified lines --------------------------------------------------------

# What starts an item of a list: "• ...", "* ..." (not a dash, which opens an interview's
# questions and answers as well).
_BULLETS = tuple(f"{mark} " for mark in "•·▪▫►▸‣◦■□◆◇●○*+✓✔")


def _dateline_cutoff(article: CleanedArticle) -> int:
    """Datelines before this line number may be the article's own: everything down to the
    first related-news line after the body (a magazine prints its date under the article;
    related stories' dates stand in the related zone). A comment box does not end it: a
    one-line widget ("Bình luận (0)", "Thích") often stands between the body and the
    article's date printed at its end."""
    numbers = article.line_numbers
    body = [n for n, role in zip(numbers, article.line_roles, strict=True)
            if role in (HEADLINE, BODY)]
    if not body:
        return 0
    related = [n for n, reason in zip(numbers, article.line_reasons, strict=True)
               if n > body[-1] and reason in ("related heading", "related news", "end mark",
                                              "after the end")]
    return related[0] if related else numbers[-1] + 1


def page_dateline(article: CleanedArticle) -> dt.date | None:
    """The article's own date as the page prints it (``page_date`` without how it was found).

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_dateline(clean_article("Thứ hai, 20/11/2024\\nHội nghị khai mạc hôm nay\\n"
    ...                             "10:08 | 13/12/2021\\nSáng 13/12, hội nghị khai mạc."))
    datetime.date(2021, 12, 13)
    """
    return page_date(article)[0]


# A dateline that states an update beside the first posting: "Cập nhật: 16/12/2021 08:05 (Đăng
# lần đầu: 14/12/2021 17:40)".
_UPDATE_LABEL = re.compile(r"cập nhật|chỉnh sửa|\bupdated\b|last modified", re.IGNORECASE)


def _dateline_date(text: str) -> dt.date | None:
    """The date a dateline gives: its first full date, or the earliest when it states an update
    (an update comes after the first posting, whichever the line prints first)."""
    date = earliest_full_date(text) if _UPDATE_LABEL.search(text) else parse_full_date(text)
    return date or parse_dateline(text)


HEADER_MENU_LINES = 3     # a date over this many lines of the site's menu is the page's clock


def page_date(article: CleanedArticle) -> tuple[dt.date | None, str]:
    """The article's own date and how it was found: the earliest date printed on a dateline
    line between the headline and the first paragraph, where the article's date stands
    ("page dateline"); when a dateline stands only between the first paragraph and the second
    (a mobile page prints it under the sapo), the earliest of those below the headline and the
    page's address; on a page with none there, the earliest of the datelines above the
    related-news zone and the date in the page's own address printed on a line of furniture
    there ("page URL": ".../2023/12/21/...", as a saved or printed page shows it). A page clock
    shows the day the page was saved and an aggregator's address the day it copied the article
    (never earlier than publication), a ticker of other stories stands above the headline and
    related stories' datelines stand in the related zone, so none of them beats a dateline
    under the headline.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    tuple
        ``(date or None, how)``.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_date(clean_article("https://bao.example.vn/thoi-su/2023/12/21/bai.html\\n"
    ...     "Thứ Ba, 12/11/2024\\nHội nghị khai mạc hôm nay\\nSáng 21/12, hội nghị khai mạc."))
    (datetime.date(2023, 12, 21), 'page URL')
    """
    cutoff = _dateline_cutoff(article)
    found = [(line.number, vietnam_day(line.text, date))
             for line in article.with_reason("dateline")
             if line.number < cutoff and not NOT_ITS_DATE.match(line.text)
             and (date := _dateline_date(line.text)) is not None]
    roles = article.line_roles
    first = article.line_numbers[roles.index(BODY)] if BODY in roles else None
    if found and first is not None and HEADLINE in roles:
        top = article.line_numbers[roles.index(HEADLINE)]
        if under := [date for number, date in found if top < number < first]:
            return min(under), "page dateline"
        # a mobile page's, under the sapo, above the second paragraph ("Gió Bắc · 14/12/2021
        # 12:20"): then no date above the headline counts (a card of another story with its
        # date may stand there); the earliest of the others does, the page's address included
        # (an update or a live blog's newest entry may be the one under the sapo)
        body = [n for n, role in zip(article.line_numbers, roles, strict=True) if role == BODY]
        second = body[1] if len(body) > 1 else cutoff
        if any(first < number < second for number, _ in found):
            found = [(number, date) for number, date in found if number > top]
    elif found and first is not None:
        # on a page whose headline (and so its dateline) was lost, a page's clock in its
        # header: a date over the site's menu (``HEADER_MENU_LINES`` lines of it or more
        # between the date and the article)
        menus = [line.number for line in article.removed
                 if line.number < first and line.reason in HEADER_STOPS]
        found = [(number, date) for number, date in found
                 if sum(number < m for m in menus) < HEADER_MENU_LINES]
    address = next((date for line in article.removed
                    if line.number < cutoff and (date := url_date(line.text))), None)
    dated = [(date, "page dateline") for _, date in found]
    if address is not None:
        dated.append((address, "page URL"))
    return min(dated, key=lambda pair: pair[0]) if dated else (None, "")


def page_outlet(article: CleanedArticle) -> str | None:
    """The outlet named by a "Theo dõi X trên" line or a copyright line, whichever comes first.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_outlet(clean_article("Hội nghị khai mạc hôm nay\\nSáng 19/12, hội nghị khai mạc.\\n"
    ...                           "© Bản quyền thuộc về Báo Mẫu"))
    'Báo Mẫu'
    """
    for line in article.removed:
        if line.reason == "navigation" and (m := _OUTLET.search(line.text)):
            return m.group("outlet")
        if line.reason == "copyright" and (m := _COPYRIGHT_OUTLET.search(line.text)):
            return m.group("outlet").strip(" .")
    return None


def page_source(article: CleanedArticle) -> str | None:
    """The agency credited by the first source line ("Theo TTXVN").

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_source(clean_article("Hội nghị khai mạc hôm nay\\nSáng 19/12, hội nghị khai mạc.\\n"
    ...                           "Hai đoạn văn của bài.\\n(Theo TTXVN)"))
    'TTXVN'
    """
    for line in article.with_reason("source line"):
        if source := source_in(line.text):
            return source
    return None


# An author's name first in a dateline's row, after "By" or "Bởi", before the row's separator.
_BY_IN_ROW = re.compile(r"(?:by|bởi)\s+([^|·•\d]{2,60}?)\s*[|·•]", re.IGNORECASE)


def page_author(article: CleanedArticle) -> str | None:
    """The byline under the headline, else the last byline at the end of the article, else a
    name after "By" in a dateline's row above the body.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    str or None
        The name, without an agency suffix or a role.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_author(clean_article("Hội nghị khai mạc hôm nay\\nThanh Huyền\\n"
    ...                           "Sáng 19/12, hội nghị khai mạc.\\nĐoạn hai."))
    'Thanh Huyền'
    """
    bylines = article.with_reason("byline")
    body = [n for n, role in zip(article.line_numbers, article.line_roles, strict=True)
            if role == BODY]
    if not bylines:
        # a byline in the dateline's row: "By Ngo Thanh Tam | Tuesday, December 14, 2021"
        return next((author_name(m.group(1)) for line in article.with_reason("dateline")
                     if body and line.number < body[0] and (m := _BY_IN_ROW.match(line.text))),
                    None)
    top = [b for b in bylines if body and b.number < body[0]]
    return author_name((top or bylines[-1:])[0].text)


# --- date and event --------------------------------------------------------------------------

def lead_date(paragraph: str, event: str | None, loose: bool = True,
              english: bool | None = None, guarded: bool = False) -> tuple[dt.date | None, str]:
    """The date a report opens with, and how its year was found: written out, or from the
    conference the article is about (the date nearest the conference's start). Without either,
    no date: a year is never guessed.

    Parameters
    ----------
    paragraph : str
        The lead paragraph.
    event : str or None
        The code of the conference the article is about.
    loose : bool
        Also read a day the lead names after a clause or in its first sentence, and the day an
        English lead names after "on" ("... opened in Hanoi on December 19"): on a page without
        a dateline; beside one, these may be the event's rather than the report's (an analysis
        a week later) and would pass for a page clock.
    english : bool, optional
        Whether to read an English lead's day (default: ``loose``).
    guarded : bool
        Take a day with its year only if it falls in the days of ``event`` (a paragraph other
        than the lead; a day read loosely always is).

    Returns
    -------
    tuple
        ``(date or None, how)``.

    Examples
    --------
    >>> lead_date("Sáng 23/12, sau 5 ngày làm việc, hội nghị bế mạc.", "DC32")
    (datetime.date(2023, 12, 23), 'lead date, year from the event DC32')
    >>> lead_date("Sáng 23/12, hội nghị bế mạc.", None)
    (None, '')
    >>> lead_date("Hội nghị Ngoại giao lần thứ 30 khai mạc sáng nay (13/8) tại Hà Nội.", "DC30")
    (datetime.date(2018, 8, 13), 'lead date, year from the event DC30')
    >>> lead_date("The 28th Diplomatic Conference was wrapped up in Hanoi on December 20.", "DC28")
    (datetime.date(2013, 12, 20), 'lead date, year from the event DC28')
    >>> lead_date("The 31st Diplomatic Conference opened on Wednesday morning in Hanoi.", "DC31")
    (datetime.date(2021, 12, 15), "lead's weekday in the event DC31")
    """
    english = loose if english is None else english
    read = report_day(paragraph, loose)
    found: tuple[int, int, int | None] | str | None = read[:3] if read else (
        english_report_day(paragraph) if english else None)
    if isinstance(found, str):
        return _weekday_date(found, event)
    if not found:
        return None, ""
    day, month, year = found
    # A day read loosely (after a clause or inside the sentence, in English, below the lead) is
    # the report's only in the days of the conference the page is about, a week either side
    # ("..., chiều 26/8/2016, ..." on a page of the 30th; "Ngày 28/8/1945, ..." under a summary;
    # "... on September 10 upgraded ..." in a year-end review); below the lead, only where it
    # opens its paragraph or follows a clause, not with a year ("... sáng 16/12/2013, ...").
    loose_read = guarded or read is None or read.loose
    if year:
        date = parse_full_date(f"{day}/{month}/{year}")
        if date and loose_read and (not _in_conference_days(event, date)
                                    or (guarded and read is not None and read.loose)):
            return None, ""
        return date, "lead date" if date else ""
    table = conferences()
    if event in table.index:
        row = table.loc[event]
        anchor = row["start"].date() if pd.notna(row["start"]) else dt.date(int(row["year"]), 7, 1)
        date = nearest_year(day, month, anchor) if 1 <= month <= 12 else None
        if date and loose_read and not _in_conference_days(event, date):
            return None, ""
        return date, f"lead date, year from the event {event}" if date else ""
    return None, ""


CONFERENCE_DAYS_SLACK = 7    # a report of a conference's day comes within a week of it


def _conference_days(event: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the conference ``event``, when the table knows them."""
    table = conferences()
    if event not in table.index or pd.isna(table.loc[event, "start"]):
        return None
    return table.loc[event, "start"].date(), table.loc[event, "end"].date()


def _in_conference_days(event: str | None, date: dt.date) -> bool:
    """Whether ``date`` falls in the days of the conference ``event``, a week either side."""
    if (days := _conference_days(event)) is None:
        return False
    slack = dt.timedelta(CONFERENCE_DAYS_SLACK)
    return days[0] - slack <= date <= days[1] + slack


def _weekday_date(weekday: str, event: str | None) -> tuple[dt.date | None, str]:
    """The day of the conference ``event`` (from its first day to the day after its last) that
    fell on ``weekday`` ("on Tuesday", in an English report of its opening), if one did."""
    if (span := _conference_days(event)) is None:
        return None, ""
    start, end = span
    days = [start + dt.timedelta(n) for n in range((end - start).days + 2)]
    fits = [d for d in days if d.weekday() == EN_WEEKDAYS.index(weekday)]
    return (fits[0], f"lead's weekday in the event {event}") if len(fits) == 1 else (None, "")


# A conference named as the starting point or background of what is reported: "nhìn lại từ
# Hội nghị Ngoại giao 29 đến nay", "kể từ Hội nghị ...", "(ngay) sau khi Hội nghị ... kết
# thúc", "hội nghị kỳ trước", "since the 30th Diplomatic Conference".
_BACKWARD_BEFORE = re.compile(r"(?:\b(?:kể từ|nhìn lại|sau khi|so với|(?:\d+|một|hai|ba|bốn|năm"
                              r"|mười|vài|mấy) (?:năm|tháng|ngày|tuần) sau|since|after)\s+"
                              r"(?:khi\s+)?"
                              r"(?:(?:tại|ở|với)\s+)?(?:the\s+)?)$"
                              # a bare "từ" only opening a clause or a paragraph ("Từ Hội nghị
                              # ..., ngành ...", "– Từ Hội nghị ..."): after a noun it is "from"
                              # ("Bài học từ Hội nghị ...")
                              r"|(?:^|[.,;:!?\n“\"–—-]\s*|\b(?:ngay|chính)\s+)từ\s+"
                              r"(?:(?:tại|ở|với)\s+)?$", re.IGNORECASE)
# ... or "từ X đến Y" naming the next one (``_UNTIL``); a clause "Từ X đến <not "nay">"
# ("Từ Hội nghị ... đến hành động cụ thể") goes from X: about it
_FROM_UNTIL = re.compile(r"\btừ\s+$", re.IGNORECASE)
_FROM_TO = re.compile(r"^[^.;!?\n,]{0,80}?\b(?:đến|tới)\b(?!\s+(?:nay|giờ)\b)", re.IGNORECASE)
_BARE_FROM = re.compile(r"(?<!kể\s)\btừ\s+$", re.IGNORECASE)
_BACKWARD_AFTER = re.compile(r"^[^.;!?\n]{0,60}?\b(?:đến nay|tới nay|đến giờ|tới giờ|kết thúc|"
                             r"kỳ trước|lần trước|trước đó|cách đây)\b", re.IGNORECASE)
_UNTIL = re.compile(r"^\s*(?:đến|tới)\s+(?:Hội nghị Ngoại giao\s+)?(?:lần\s+)?(?:thứ\s+)?"
                    r"(?P<n>\d{2})\b", re.IGNORECASE)
# Weight of a mention by where it stands: what a headline or lead names is what is reported; a
# kicker or topic tag above the headline counts as much as the body (a site's topic tag may
# name the series, "HỘI NGHỊ NGOẠI GIAO LẦN THỨ 31", over a report of the next conference).
EVENT_WEIGHTS = {"headline": 4, "kicker": 1, "lead": 2, "paragraph under the lead": 2,
                 "body": 1}
# An article is published at most this long before its conference, or this long after.
EVENT_WINDOW_DAYS = (-60, 550)


def _mentions(text: str) -> list[tuple[str, bool]]:
    """(code, backward) for every conference named in ``text``; "từ X đến 32" names DC32 too."""
    found = []
    for start, end, code in conference_mentions(text):
        before, after = text[max(0, start - 20):start], text[end:end + 80]
        next_one = _UNTIL.match(after)
        from_to = _BARE_FROM.search(before) and _FROM_TO.match(after)
        backward = bool((next_one and _FROM_UNTIL.search(before)) or _BACKWARD_AFTER.search(after)
                        or (_BACKWARD_BEFORE.search(before) and not from_to))
        found.append((code, backward))
        if backward and next_one:
            found.append((f"DC{int(next_one['n'])}", False))
    return found


def _fits_date(code: str, published: dt.date | None, table: pd.DataFrame) -> bool:
    if published is None or code not in table.index:
        return True
    row = table.loc[code]
    start = row["start"].date() if pd.notna(row["start"]) else dt.date(int(row["year"]), 7, 1)
    slack = 0 if pd.notna(row["start"]) else 183      # a year-only conference: any day of it
    low, high = EVENT_WINDOW_DAYS
    return low - slack <= (published - start).days <= high + slack


LEAD_MIN_WORDS = 8


# A speech's salutation: "Kính thưa các đồng chí lãnh đạo Đảng, Nhà nước,", "Thưa toàn thể
# các đồng chí!", "Excellencies, ladies and gentlemen,": ends with a comma or "!".
_SALUTATION = re.compile(r"^(?:kính thưa|thưa|kính gửi|excellenc|ladies and gentlemen|dear)\b"
                         r"[^.?]{0,200}[,!]$", re.IGNORECASE)
SALUTATION_MAX_WORDS = 25   # a longer line that opens so is a sentence addressed to readers


# A lead ends a sentence (or introduces what follows: ":"), a footnote mark after it allowed
# ("... nhân dân.[1]"). (A deck printed under the headline ends none.)
_LEAD_END = re.compile(r"[.!?…:][\"”’)\]]*(?:\[\d{1,3}\]|\(\d{1,3}\))?$")
# ... but a first paragraph longer than any headline or deck (than the longest headline the
# cleaning takes, [headline] long_max_words of page_chrome.toml) is the sapo printed without
# its full stop, when it ends in a word (or a closing quotation mark or bracket), not a comma,
# dash or colon.
_WORD_END = re.compile(r"\w[\"”’)\]]*$")


def _lead_index(article: CleanedArticle) -> int:
    """The lead: the first paragraph of at least ``LEAD_MIN_WORDS`` words that ends a sentence
    (or a colon) and is not an item of a list or a salutation (a short first line is a caption or a
    player's label; a line that ends no sentence is an affiliation, a section heading or a
    journal's dates; bullets above the lead are a summary box; a speech greets its audience
    first), else the first. The first paragraph is the lead without its full stop too when it
    is longer than any headline (``[headline]`` ``long_max_words``) and ends in a word (a sapo
    printed so)."""
    longest = page_rules().setting("headline", "long_max_words")
    # (Split no further than needed: the last piece is the rest of a longer paragraph.)
    return next((k for k, p in enumerate(article.paragraphs)
                 if not p.startswith(_BULLETS)
                 and len(p.split(maxsplit=LEAD_MIN_WORDS - 1)) >= LEAD_MIN_WORDS
                 and (_LEAD_END.search(p) or (
                     k == 0 and _WORD_END.search(p)
                     and len(p.split(maxsplit=longest)) > longest))
                 and not (_SALUTATION.match(p)
                          and len(p.split(maxsplit=SALUTATION_MAX_WORDS)) <= SALUTATION_MAX_WORDS)),
                0)


def lead_paragraph(article: CleanedArticle) -> str:
    """The article's lead paragraph ("" when it has no body).

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    str

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> lead_paragraph(clean_article("Tựa bài báo về ngoại giao\\nẢnh minh họa ngắn\\n"
    ...     "Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 đã khai mạc tại Hà Nội."))[:8]
    'Sáng 19/'
    """
    return article.paragraphs[_lead_index(article)] if article.paragraphs else ""


# A conference the body alone names must be named this many times to be the article's event.
BODY_MENTIONS = 2


def infer_event(article: CleanedArticle,
                published: dt.date | None = None) -> tuple[str | None, str]:
    """The conference an article reports on.

    Every conference the page names is weighed by where it stands (``EVENT_WEIGHTS``:
    headline and kicker over lead over body); one named as a starting point or background
    ("từ ... đến nay", "kể từ", "sau khi ... kết thúc", "kỳ trước", "lần trước", "since") does
    not count; with the article's own date, conferences it could not be reporting on
    (``EVENT_WINDOW_DAYS``) give way to those it could. The best weight wins; a tie, or no
    conference, gives none, and so does one named neither in the headline, kicker nor lead and
    fewer than ``BODY_MENTIONS`` times in the body: a mention in passing (a year-end review that
    "quán triệt tinh thần của Hội nghị Ngoại giao lần thứ 32", a newsletter's aside), even in an
    article dated during that conference (a province's year-end review in December). The tags
    are not read: many sites tag every name a page prints, or show a bar of the month's topics
    over every page.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    published : datetime.date, optional
        The article's own date, when known.

    Returns
    -------
    tuple
        ``(code, how)``; ``(None, "")`` when no conference can be told.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> art = clean_article("Thứ trưởng trả lời phỏng vấn trước hội nghị\\n"
    ...     "Nhìn lại từ Hội nghị Ngoại giao 29 đến nay, ngành đã làm được gì cho "
    ...     "Hội nghị Ngoại giao lần thứ 30 sắp khai mạc?")
    >>> infer_event(art)
    ('DC30', 'named in the lead')
    """
    table = conferences()
    paragraphs = article.paragraphs
    k = _lead_index(article)
    lead = paragraphs[k] if paragraphs else ""
    # A lead that names neither a conference nor a day or year is a summary or a scene over the
    # report's first paragraph (a sapo: "(Baonghean.vn) - Nước ta đã xây dựng ...", then "Sáng
    # 14/12, ... tổ chức Hội nghị ..."; "Bảy giờ sáng, ...", then "... cả năm ngày Hội nghị
    # ..."): the paragraph under it weighs as a lead, but loses a tie to the body. (A review's
    # "Năm 2023, tỉnh đã ..." is its lead: a conference its next paragraph names in passing
    # stays in the body.)
    in_lead = _mentions(lead)
    under = k + 1 if (k + 1 < len(paragraphs) and not in_lead and not _names_a_day(lead)
                      and not _names_a_year(lead)) else k
    parts = [("headline", _mentions(article.headline or "")),
             ("kicker", _mentions(article.kicker or "")), ("lead", in_lead),
             ("paragraph under the lead", _mentions(paragraphs[under]) if under > k else []),
             ("body", _mentions("\n".join(paragraphs[:k] + paragraphs[under + 1:])))]
    score: Counter[str] = Counter()
    first_where: dict[str, str] = {}
    for where, found in parts:
        for code, backward in found:
            if not backward:
                score[code] += EVENT_WEIGHTS[where]
                first_where.setdefault(code, where)
    if not score:
        return None, ""
    fitting = Counter({c: v for c, v in score.items() if _fits_date(c, published, table)})
    # A tie goes to the conference named higher up (the lead's over two passing mentions in the
    # body; but two in the body over one in the paragraph under a summary); a tie there too, to
    # none.
    place = {"headline": 0, "lead": 1, "kicker": 2, "body": 3, "paragraph under the lead": 4}
    ranked = sorted((fitting or score).items(), key=lambda kv: (-kv[1], place[first_where[kv[0]]]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] \
            and first_where[ranked[0][0]] == first_where[ranked[1][0]]:
        return None, ""
    code = ranked[0][0]
    where = first_where[code]
    if where == "body" and score[code] < BODY_MENTIONS:
        return None, ""         # named once, in passing ("quán triệt tinh thần của Hội nghị ...")
    if where == "body":
        return code, f"named in the body ({score[code]}x)"
    return code, f"named in the {where}"


def infer_kind(article: CleanedArticle) -> tuple[str | None, str]:
    """The kind of article (interview, speech, opening report, closing report, article), by
    the rules of ``data/kinds.csv``: headline rules first, then the others (lead, body,
    ending, byline, label and speaker rules) in the file's order. A page no rule fits is
    "news" only when it has a headline or lead to judge by.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    tuple
        ``(kind or None, how)``.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page = "Bế mạc Hội nghị Ngoại giao lần thứ 32\\nSáng 23/12, hội nghị bế mạc."
    >>> infer_kind(clean_article(page))
    ('closing report', "headline: 'Bế mạc'")
    """
    return _kind(article, {})


def _kind(article: CleanedArticle, texts: dict[str, str]) -> tuple[str | None, str]:
    """``infer_kind``, with the texts the rules read that the caller has already (``texts``,
    by where: the byline ``infer_metadata`` reads anyway)."""
    texts = {**texts, "headline": article.headline or "", "lead": lead_paragraph(article)}
    lowered: dict[str, str] = {}        # each text lower-cased once, when a rule first asks
    for rule in kind_rules():
        text = texts.get(rule.where)
        if text is None:                # the body, the byline, the labels: read when asked
            text = texts[rule.where] = _kind_text(article, rule.where)
        if not text:                    # no byline, no label: nothing for the rule to read
            continue
        if rule.needs is not None:
            low = lowered.get(rule.where)
            if low is None:
                low = lowered[rule.where] = text.lower()
            if not may_match(rule.needs, low):    # (then the search would find nothing)
                continue
        if match := rule.pattern.search(text):
            # (a match over several paragraphs, two questions, is quoted by its first line)
            shown, newline, _ = match.group(0).partition("\n")
            return rule.kind, f"{rule.where}: {shown!r}" + (" ..." if newline else "")
    if texts["headline"] or texts["lead"]:
        return "news", "no rule of data/kinds.csv fits"
    return None, ""


# A headline that quotes its speaker: a name or office of at most SPEAKER_WORDS words, a colon,
# then what was said ("Thủ tướng Phạm Minh Chính: Ngoại giao phải đi trước mở đường").
SPEAKER_WORDS = 8
# The lower-case words of the offices a speaker holds ("Phó Thủ tướng Thường trực", "Chủ tịch
# nước", "Trưởng ban Đối ngoại Trung ương", "Deputy Prime Minister", "Minister of ...").
_OFFICE_WORDS = frozenset({"tướng", "thư", "tịch", "nước", "hội", "trực", "ban", "trưởng",
                           "sứ", "giao", "ngoại", "bộ", "of", "the", "for", "and", "và"})
_SPEAKER = re.compile(r"([^:.!?;\n]+?)\s*:\s+\S")


def headline_speaker(headline: str) -> str:
    """The speaker a headline quotes ("Thủ tướng Phạm Minh Chính: Ngoại giao phải ..."), or ""
    when it quotes none.

    Examples
    --------
    >>> headline_speaker("Thủ tướng Phạm Minh Chính: Ngoại giao phải đi trước mở đường")
    'Thủ tướng Phạm Minh Chính'
    >>> headline_speaker("Hội nghị Ngoại giao lần thứ 32 và những việc phải làm trong năm tới")
    ''
    >>> headline_speaker("Thủ tướng phê duyệt Quy hoạch điện VIII: Ưu tiên năng lượng sạch")
    ''
    """
    match = _SPEAKER.match(HEADLINE_LABEL.sub("", headline))
    if match is None or len(words := match.group(1).split()) > SPEAKER_WORDS:
        return ""
    # an office and a name: every word capitalised but an office's ("Phó Thủ tướng Thường
    # trực ...", "Tổng Bí thư ..."), not a clause ("Thủ tướng phê duyệt Quy hoạch điện VIII")
    if not all(w[0].isupper() or w.lower() in _OFFICE_WORDS for w in words):
        return ""
    return match.group(1)


ENDING_PARAGRAPHS = 3    # the paragraphs of a body's ending (a kinds.csv rule's "ending")


def _kind_text(article: CleanedArticle, where: str) -> str:
    """The text a rule of kinds.csv reads where it is not the headline or the lead: the body,
    its ending (its last ``ENDING_PARAGRAPHS`` paragraphs and the desk's notes cleaning took
    out), the byline as printed (with its
    title: "TS. Lã Minh Đức", ``page_author`` keeps it), the speaker a headline quotes
    (``headline_speaker``), or the section labels and kickers above the headline, one a
    line."""
    if where == "body":
        return article.text
    if where == "ending":
        # with the desk's notes under the article (a note on its author in brackets, "[X is a
        # researcher ... The views expressed here are her own.]"), which cleaning takes out
        notes = [text for reason, text in zip(article.line_reasons, article.line_texts,
                                              strict=True) if reason == "desk note"]
        return "\n".join([*article.paragraphs[-ENDING_PARAGRAPHS:], *notes])
    if where == "byline":
        return page_author(article) or ""
    if where == "speaker":
        return headline_speaker(article.headline or "")
    labels = []
    for role, reason, text in zip(article.line_roles, article.line_reasons, article.line_texts,
                                  strict=True):
        if role != REMOVED:             # the headline, or the body's first line
            break
        if reason in ("section label", "kicker"):
            labels.append(text)
    return "\n".join(labels)


# Letters only Vietnamese uses among languages written in Latin script: the vowels with
# breve, circumflex or horn, đ, and the tone marks hook above and dot below.
_VIETNAMESE_LETTERS = ("ăâđêôơưĂÂĐÊÔƠƯ"
                       "ảạẩậẳặẻẹểệỉịỏọổộởợủụửựỷỵẢẠẨẬẲẶẺẸỂỆỈỊỎỌỔỘỞỢỦỤỬỰỶỴ")
# A word (run of non-space characters) with one of those letters, from the first such letter
# to the word's end: each such word is found once, in one pass over the text.
_VIETNAMESE_WORD = re.compile(rf"[{_VIETNAMESE_LETTERS}]\S*")
_ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "with", "by", "was", "were",
    "are", "as", "at", "from", "this", "be", "has", "have", "it", "its", "an"})
LANGUAGE_MIN_WORDS = 20


def detect_language(text: str) -> tuple[str | None, str]:
    """"vi" when at least a fifth of the words carry letters only Vietnamese uses (in
    Vietnamese prose most do; in English, French or Spanish none do), "en" when at least a
    tenth are common English function words, "und" otherwise; None for texts of fewer than
    ``LANGUAGE_MIN_WORDS`` words.

    Parameters
    ----------
    text : str
        Normalized text.

    Returns
    -------
    tuple
        ``(code or None, how)``.

    Examples
    --------
    >>> detect_language("Hội nghị Ngoại giao lần thứ 32 đã bế mạc sau năm ngày làm việc " * 3)[0]
    'vi'
    >>> detect_language("The 32nd Diplomatic Conference closed in Ha Noi after five days " * 3)[0]
    'en'
    """
    words = text.split()
    # Words with a letter: all but those without one, which are among the few words not
    # made of letters only.
    total = len(words) - sum(1 for w in itertools.filterfalse(str.isalpha, words)
                             if not (w[0].isalpha() or any(map(str.isalpha, w))))
    if total < LANGUAGE_MIN_WORDS:
        return None, ""
    vietnamese = len(_VIETNAMESE_WORD.findall(text)) / total
    if vietnamese >= 0.2:
        return "vi", f"{vietnamese:.0%} of words with Vietnamese letters"
    # (A word that strips to an English function word has letters: no test needed.)
    english = sum(1 for w in words if w.lower().strip(".,;:!?\"'()") in _ENGLISH_WORDS) / total
    if english >= 0.1:
        return "en", f"{english:.0%} of words are English function words"
    return "und", f"{vietnamese:.0%} Vietnamese letters, {english:.0%} English function words"


# Symbols a social post or a live page puts before a headline: "🔴 ", "► ", "⚡ ".
_SYMBOLS = re.compile(r"^(?:[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+\s*)+"
                      r"(?=\S)")


def headline_title(headline: str | None) -> str | None:
    """The title a headline gives: without a bracketed label or symbols in front of it.

    Examples
    --------
    >>> headline_title("[Video] Khai mạc Hội nghị Ngoại giao lần thứ 32")
    'Khai mạc Hội nghị Ngoại giao lần thứ 32'
    >>> headline_title("🔴 Phú Lâm kết nối với các Trưởng Cơ quan đại diện")
    'Phú Lâm kết nối với các Trưởng Cơ quan đại diện'
    """
    return HEADLINE_LABEL.sub("", _SYMBOLS.sub("", headline)) if headline else headline


def document_title(article: CleanedArticle) -> str | None:
    """An official document's title: its type printed in capitals right above its subject
    line, the headline ("THÔNG BÁO" / "Kết quả tham dự ..."), under the national heading
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), read as one ("Thông báo kết quả tham dự ..."), as
    such documents are cited; None for other pages.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐộc lập - Tự do - Hạnh phúc\\n"
    >>> lead = "\\nTừ ngày 19 đến ngày 23/12/2023, tại Hà Nội, đoàn của tỉnh đã dự Hội nghị."
    >>> document_title(clean_article(head + "THÔNG BÁO\\nKết quả tham dự Hội nghị Ngoại giao "
    ...                              "lần thứ 32" + lead))
    'Thông báo kết quả tham dự Hội nghị Ngoại giao lần thứ 32'
    >>> document_title(clean_article(head + "KẾ HOẠCH\\nUBND tỉnh triển khai kết quả Hội nghị "
    ...                              "Ngoại giao" + lead))
    'Kế hoạch UBND tỉnh triển khai kết quả Hội nghị Ngoại giao'
    >>> document_title(clean_article("THÔNG BÁO\\nKết quả tuyển dụng công chức năm 2023" + lead))
    """
    if article.headline is None:
        return None
    at = article.line_roles.index(HEADLINE)
    if at == 0 or article.line_reasons[at - 1] != "document type" \
            or "document header" not in article.line_reasons[:at]:
        return None     # (a portal's section label "THÔNG BÁO" over a news headline)
    kind, subject = article.line_texts[at - 1], article.headline
    if subject.casefold().startswith(kind.casefold()):
        return subject          # "THÔNG BÁO" over "Thông báo kết quả ...": a section's label
    words = subject.split()
    # "Về Hội nghị ...", "Kết quả tham dự ...": a common start, lower-cased in the title; a
    # name ("Bộ Ngoại giao ...", "UBND tỉnh ...") keeps its capitals
    common = words[0] == "Về" or (words[0][1:].islower() and len(words) > 1
                                  and words[1][:1].islower())
    return f"{kind.capitalize()} {subject[0].lower() + subject[1:] if common else subject}"


# A summary opens with the outlet's tag ("(VOV5) - ", "VOV.VN - ", "(Baonghean.vn) - "); the
# report's first paragraph follows it.
_SUMMARY_TAG = re.compile(r"^\s*(?:\([^()]{2,40}\)|[A-ZĐ][A-ZĐ0-9.&]{1,20})\s*[-–—]\s")
_A_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d/-])")
_DAY_MONTH = re.compile(r"(?<![\d/.-])\d{1,2}\s*[/-]\s*\d{1,2}(?![\d])")


def _names_a_day(text: str) -> bool:
    """Whether ``text`` names a day and month ("17/8", "23-12"); the cheap tests first."""
    return ("/" in text or "-" in text) and _DAY_MONTH.search(text) is not None


def _names_a_year(text: str) -> bool:
    """Whether ``text`` names a year (1900-2099) standing alone; the cheap tests first."""
    return ("19" in text or "20" in text) and _A_YEAR.search(text) is not None


def _report_date(article: CleanedArticle, event: str | None,
                 loose: bool = True) -> tuple[dt.date | None, str]:
    """``lead_date`` of the lead; with ``loose``, of the paragraph after it when the lead is a
    summary under the outlet's tag that names no day ("(VOV5) - Hội nghị đưa ra nhiều giải pháp
    ...", then "Sau 5 ngày họp tại Hà Nội, chiều 17/8, ...").

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> art = clean_article("Bế mạc Hội nghị Ngoại giao lần thứ 30\\n(VOV5) - Hội nghị đưa ra "
    ...     "nhiều giải pháp cho ngoại giao đa phương.\\nSau 5 ngày họp tại Hà Nội, chiều 17/8, "
    ...     "Hội nghị chính thức khép lại.")
    >>> _report_date(art, "DC30")
    (datetime.date(2018, 8, 17), 'date in the second paragraph, year from the event DC30')
    """
    if not article.paragraphs:
        return None, ""
    k = _lead_index(article)
    lead = article.paragraphs[k]
    found = lead_date(lead, event, loose)
    if loose and found[0] is None and k + 1 < len(article.paragraphs) \
            and _SUMMARY_TAG.match(lead) and not _names_a_day(lead):
        # (an English paragraph under the lead recalls: "..., which concluded on December 18";
        # a Vietnamese one's day with its year counts only where it opens the paragraph and
        # falls in the conference's days: not "Ngày 28/8/1945, Bộ Ngoại giao được thành lập")
        date, how = lead_date(article.paragraphs[k + 1], event, english=False, guarded=True)
        return date, how.replace("lead date", "date in the second paragraph")
    return found


def infer_metadata(article: CleanedArticle) -> PageMetadata:
    """Metadata read from the page, each with how it was found.

    Parameters
    ----------
    article : CleanedArticle
        A cleaned page.

    Returns
    -------
    PageMetadata
        ``published`` is the printed dateline (precision "day"), else a lead date
        (precision "approximate"), else None.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> meta = infer_metadata(clean_article("Hội nghị Ngoại giao lần thứ 32 bế mạc\\n"
    ...                                     "Sáng 23/12, hội nghị bế mạc."))
    >>> meta.event, str(meta.published), meta.date_precision
    ('DC32', '2023-12-23', 'approximate')
    """
    found_by: dict[str, str] = {}
    dateline, dateline_how = page_date(article)
    event, event_from = infer_event(article, dateline)
    # (beside a dateline, only a lead that opens with its day may tell it is a page clock)
    from_lead, lead_how = _report_date(article, event, loose=dateline is None)
    published, precision = None, None
    if dateline and not (from_lead and (dateline - from_lead).days > PAGE_CLOCK_DAYS):
        published, precision, found_by["published"] = dateline, "day", dateline_how
    elif from_lead:
        published, precision, found_by["published"] = from_lead, "approximate", lead_how
    author = page_author(article)
    kind, kind_from = _kind(article, {"byline": author or ""})
    language, language_from = detect_language(article.text)
    title = document_title(article) or headline_title(article.headline)
    values = {"title": (title, "page headline"), "event": (event, event_from),
              "kind": (kind, kind_from), "language": (language, language_from),
              "outlet": (page_outlet(article), "page"), "source": (page_source(article), "page"),
              "author": (author, "page byline")}
    for name, (value, how) in values.items():
        if value:
            found_by[name] = how
    return PageMetadata(
        title=title, published=published, date_precision=precision, event=event,
        kind=kind, language=language,
        outlet=values["outlet"][0], source=values["source"][0], author=values["author"][0],
        found_by=found_by)


def with_fallback(meta: PageMetadata, values: dict[str, object],
                  found_by: dict[str, str]) -> PageMetadata:
    """``meta`` with its empty fields filled from ``values`` (e.g. an HTML page's markup),
    each with its provenance from ``found_by``; fields the text gave are kept, except a date
    derived from a day-month lead, which a date stated by the markup replaces.

    Parameters
    ----------
    meta : PageMetadata
        What the text gave.
    values : dict
        Field name -> value (e.g. ``HtmlPage.metadata()``).
    found_by : dict
        Field name -> provenance of ``values``.

    Returns
    -------
    PageMetadata

    Examples
    --------
    >>> meta = with_fallback(PageMetadata(title="Tựa"), {"title": "Khác", "author": "An"},
    ...                      {"title": "html:og", "author": "html:byline"})
    >>> meta.title, meta.author, meta.found_by
    ('Tựa', 'An', {'author': 'html:byline'})
    """
    filled: dict[str, Any] = {}
    how = dict(meta.found_by)
    for name, value in values.items():
        # A date the markup states beats one derived from a day-month lead.
        derived = name == "published" and meta.date_precision == "approximate"
        if value and (getattr(meta, name, None) in (None, "") or derived):
            filled[name] = value
            how[name] = found_by.get(name, "html")
    if "published" in filled:
        filled["date_precision"] = "day"
    return replace(meta, **filled, found_by=how)
