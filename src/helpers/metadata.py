"""What a page says about itself: title, publication date (with a precision), event, kind,
language, outlet, source agency and author, each with how it was found.

Owns reading metadata off a cleaned page (``helpers.cleaning`` has classified its lines). Which
value a catalog overrides is ``helpers.corpus``. Dates are parsed by ``helpers.dates``; facts
about conferences come from ``helpers.reference``, never from constants here.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .cleaning import BODY, HEADLINE, CleanedArticle, author_name, source_in
from .dates import conference_mentions, nearest_year, parse_full_date
from .reference import conferences

__all__ = ["PageMetadata", "infer_event", "infer_metadata", "lead_date", "page_author",
           "page_dateline", "page_outlet", "page_source"]

# Vietnamese news opens a report with its day: "Sáng 23/12, ...", "Ngày 19/12, ...",
# "Chiều 18-12 (giờ địa phương), ...", optionally with the year: "Ngày 14/12/2021, ...".
_LEAD_DATE = re.compile(
    r"^\s*(?:\(?[A-ZĐ][^()]{0,30}\)?\s*[-–—]\s*)?"          # optional place dateline "(TG&VN) -"
    r"(?:(?:sáng|chiều|trưa|tối|đêm|rạng sáng|hôm nay|hôm qua)\s*(?:nay\s*)?(?:ngày\s*)?|ngày\s*)?"
    r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?\s*(?:\([^)]{0,40}\))?\s*[,:]",
    re.IGNORECASE)
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
    found_by: dict[str, str] = field(default_factory=dict)


# --- fields read off classified lines --------------------------------------------------------

def _dateline_cutoff(article: CleanedArticle) -> int:
    """Datelines before this line number may be the article's own: everything down to the
    first related-news line after the body (a magazine prints its date under the article;
    related stories' dates stand in the related zone)."""
    body = [line.number for line in article.lines if line.role in (HEADLINE, BODY)]
    if not body:
        return 0
    related = [line.number for line in article.lines
               if line.number > body[-1] and line.reason in ("related heading", "related news")]
    return related[0] if related else article.lines[-1].number + 1


def page_dateline(article: CleanedArticle) -> dt.date | None:
    """The article's own dateline: the earliest date printed on a dateline line above the
    related-news zone. A page clock shows the day the page was saved (never earlier than
    publication) and related stories' datelines stand in the related zone, so neither wins.

    Examples
    --------
    >>> from helpers.cleaning import clean_article
    >>> page_dateline(clean_article("Thứ hai, 20/11/2024\\nHội nghị khai mạc hôm nay\\n"
    ...                             "10:08 | 13/12/2021\\nSáng 13/12, hội nghị khai mạc."))
    datetime.date(2021, 12, 13)
    """
    cutoff = _dateline_cutoff(article)
    dates = [parse_full_date(line.text) for line in article.with_reason("dateline")
             if line.number < cutoff]
    found = [d for d in dates if d is not None]
    return min(found) if found else None


def page_outlet(article: CleanedArticle) -> str | None:
    """The outlet named by a "Theo dõi X trên" line or a copyright line, whichever comes first."""
    for line in article.removed:
        if line.reason == "navigation" and (m := _OUTLET.search(line.text)):
            return m.group("outlet")
        if line.reason == "copyright" and (m := _COPYRIGHT_OUTLET.search(line.text)):
            return m.group("outlet").strip(" .")
    return None


def page_source(article: CleanedArticle) -> str | None:
    """The agency credited by the first source line ("Theo TTXVN")."""
    for line in article.with_reason("source line"):
        if source := source_in(line.text):
            return source
    return None


def page_author(article: CleanedArticle) -> str | None:
    """The byline under the headline, else the last byline at the end of the article."""
    bylines = article.with_reason("byline")
    if not bylines:
        return None
    body = [line.number for line in article.lines if line.role == BODY]
    top = [b for b in bylines if body and b.number < body[0]]
    return author_name((top or bylines[-1:])[0].text)


# --- date and event --------------------------------------------------------------------------

def lead_date(paragraph: str, event: str | None) -> tuple[dt.date | None, str]:
    """The date a report opens with, and how its year was found: written out, or from the
    conference the article is about (the date nearest the conference's start). Without either,
    no date: a year is never guessed.

    Examples
    --------
    >>> lead_date("Sáng 23/12, sau 5 ngày làm việc, hội nghị bế mạc.", "DC32")
    (datetime.date(2023, 12, 23), 'lead date, year from the event DC32')
    >>> lead_date("Sáng 23/12, hội nghị bế mạc.", None)
    (None, '')
    """
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
        date = nearest_year(day, month, anchor) if 1 <= month <= 12 else None
        return date, f"lead date, year from the event {event}" if date else ""
    return None, ""


def infer_event(article: CleanedArticle) -> tuple[str | None, str]:
    """The conference an article is about: the first one named in its headline, kicker or lead
    (first paragraph), in that order; failing that, one named at least twice in the body. A
    conference cited in passing further down does not count.

    Returns
    -------
    tuple
        ``(code, how)``; ``(None, "")`` when the page names none.
    """
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
    event, event_from = infer_event(article)
    lead = article.paragraphs[0] if article.paragraphs else ""
    from_lead, lead_how = lead_date(lead, event)
    dateline = page_dateline(article)
    published, precision = None, None
    if dateline and not (from_lead and (dateline - from_lead).days > PAGE_CLOCK_DAYS):
        published, precision, found_by["published"] = dateline, "day", "page dateline"
    elif from_lead:
        published, precision, found_by["published"] = from_lead, "approximate", lead_how
    values = {"title": (article.headline, "page headline"), "event": (event, event_from),
              "outlet": (page_outlet(article), "page"), "source": (page_source(article), "page"),
              "author": (page_author(article), "page byline")}
    for name, (value, how) in values.items():
        if value:
            found_by[name] = how
    return PageMetadata(
        title=article.headline, published=published, date_precision=precision, event=event,
        outlet=values["outlet"][0], source=values["source"][0], author=values["author"][0],
        found_by=found_by)
