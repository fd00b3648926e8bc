"""What a page says about itself: title, publication date (with a precision), event, outlet,
source agency and author, for pages that no catalog describes.

Owns the inference rules; ``helpers.corpus`` decides what a catalog overrides and records which
source each value came from. Dates are parsed by ``helpers.dates`` and conference facts come
from the package's conference table, never from constants here.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pandas as pd

from .cleaning import CleanedArticle
from .dates import _nearest_year, conference_mentions, parse_full_date

# Vietnamese news opens a report with its day: "Sáng 23/12, ...", "Ngày 19/12, ...",
# "Chiều 18-12 (giờ địa phương), ...", optionally with the year: "Ngày 14/12/2021, ...".
_LEAD_DATE = re.compile(
    r"^\s*(?:\(?[A-ZĐ][^()]{0,30}\)?\s*[-–—]\s*)?"          # optional place dateline "(TG&VN) -"
    r"(?:(?:sáng|chiều|trưa|tối|đêm|rạng sáng|hôm nay|hôm qua)\s*(?:nay\s*)?(?:ngày\s*)?|ngày\s*)?"
    r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?\s*(?:\([^)]{0,40}\))?\s*[,:]",
    re.IGNORECASE)
PAGE_CLOCK_DAYS = 7   # a dateline this much later than the lead's own date is a page clock


def lead_date(paragraph: str, event: str | None) -> tuple[dt.date | None, str]:
    """The date a report opens with, and how its year was found: written out, or from the
    conference the article is about (the date nearest the conference's start). Without either,
    no date: a year is never guessed.

    >>> lead_date("Sáng 23/12, sau 5 ngày làm việc, hội nghị bế mạc.", "DC32")
    (datetime.date(2023, 12, 23), 'lead date, year from the event DC32')
    >>> lead_date("Sáng 23/12, hội nghị bế mạc.", None)
    (None, '')
    """
    from .corpus import conferences

    m = _LEAD_DATE.match(paragraph)
    if not m:
        return None, ""
    day, month = int(m["d"]), int(m["m"])
    if m["y"]:
        date = parse_full_date(f"{day}/{month}/{m['y']}")
        return date, "lead date" if date else ""
    table = conferences()
    if event in table.index:
        row = table.loc[event]
        anchor = row["start"].date() if pd.notna(row["start"]) else dt.date(int(row["year"]), 7, 1)
        date = _nearest_year(day, month, anchor) if 1 <= month <= 12 else None
        return date, f"lead date, year from the event {event}" if date else ""
    return None, ""


def infer_event(article: CleanedArticle) -> tuple[str | None, str]:
    """The conference an article is about: the first one named in its headline, kicker or lead
    (first paragraph), in that order; failing that, one named at least twice in the body. A
    conference cited in passing further down does not count. Returns (code, how)."""
    for where, text in (("headline", article.headline), ("kicker", article.kicker),
                        ("lead", article.paragraphs[0] if article.paragraphs else None)):
        if text and (found := conference_mentions(text)):
            return found[0][2], f"named in the {where}"
    counts = Counter(code for _, _, code in conference_mentions(article.text))
    if counts:
        (code, n), *rest = counts.most_common()
        if n >= 2 and (not rest or rest[0][1] < n):
            return code, f"named {n} times in the body"
    return None, ""


def infer_metadata(article: CleanedArticle) -> dict:
    """Metadata read from the page, each with how it was found (``<field>_from``):
    title, published (a Timestamp or NaT), date_precision ("day" for a printed dateline,
    "approximate" for a lead date), event, outlet, source, author."""
    event, event_from = infer_event(article)
    lead = article.paragraphs[0] if article.paragraphs else ""
    from_lead, lead_how = lead_date(lead, event)
    dateline = article.dateline
    published, precision, published_from = None, None, ""
    if dateline and not (from_lead and (dateline - from_lead).days > PAGE_CLOCK_DAYS):
        published, precision, published_from = dateline, "day", "page dateline"
    elif from_lead:
        published, precision, published_from = from_lead, "approximate", lead_how
    return {
        "title": article.headline, "title_from": "page headline" if article.headline else "",
        "published": pd.Timestamp(published) if published else pd.NaT,
        "published_from": published_from, "date_precision": precision,
        "event": event, "event_from": event_from,
        "outlet": article.outlet, "outlet_from": "page" if article.outlet else "",
        "source": article.source, "author": article.author,
        "author_from": "page byline" if article.author else "",
    }
