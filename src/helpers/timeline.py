"""Time in the corpus: the dates and years each article mentions, which way each mention points
(past, present, future) by a stated phrase rule, the conferences as spans, and how word rates
move from one conference to the next on a real date axis.

Owns turning ``helpers.dates.find_dates`` output into tables for the timeline notebook; the
date parsing itself stays in ``helpers.dates`` (one parser for the whole package).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .corpus import analysable
from .dates import find_dates
from .frequency import find_phrase
from .reference import conferences, congresses
from .stats import RATE_BASIS, per_10k

__all__ = [
    "CALENDAR_KINDS",
    "ORIENTATIONS",
    "ORIENTATION_RULES",
    "RATE_BASIS",
    "article_word_rates",
    "classify_orientation",
    "conference_spans",
    "date_clusters",
    "date_mentions",
    "orientation_of",
    "orientation_rules",
    "referenced_years",
    "time_orientation",
    "word_trends",
]

CALENDAR_KINDS = ("date", "day-month", "day range start", "day range end", "month-year",
                  "year", "year range start", "year range end")
ORIENTATIONS = ("past", "present", "future")

# The orientation rule, applied in this order to a mention's clause (the text between the
# nearest sentence or clause boundary, . ; ! ? , or a line end, and the mention; for "đến nay"
# the words right after it). The first rule that applies decides.
ORIENTATION_RULES = (
    ("future span", "future",
     "the clause before it names where things are heading: 'đến năm', 'tầm nhìn', "
     "'từ nay đến', 'đến hết', 'tới năm', 'hướng tới'"),
    ("since cue", "past",
     "a span reaching back to now: 'kể từ' before it, or 'từ' before it and 'đến nay' "
     "right after it"),
    ("current term", "present",
     "a Party congress or term ('Đại hội XIII', 'khóa XIII', 'nhiệm kỳ 2021-2026') whose "
     "term includes the publication year: the current term, not the past, whatever verb "
     "governs it"),
    ("future cue", "future", "'sẽ' (will) in the clause before it"),
    ("past cue", "past", "'đã' (already) in the clause before it"),
    ("year", None,
     "otherwise the year referred to against the publication year: earlier = past, "
     "the same = present, later = future"),
)
_FUTURE_SPAN = re.compile(r"\b(?:đến năm|tầm nhìn|từ nay đến|đến hết|tới năm|hướng tới)\b",
                          re.IGNORECASE)
_WILL = re.compile(r"\bsẽ\b", re.IGNORECASE)
_SINCE = re.compile(r"\bkể từ\b", re.IGNORECASE)
_FROM = re.compile(r"\btừ\b", re.IGNORECASE)
_UNTIL_NOW = re.compile(r"^\s*(?:\S+\s+){0,3}?đến nay\b", re.IGNORECASE)
_ALREADY = re.compile(r"\bđã\b", re.IGNORECASE)
_TERM = re.compile(r"\b(?:nhiệm kỳ|khóa)\s*(?:(?P<start>(?:19|20)\d{2})\s*[-–]\s*)?$",
                   re.IGNORECASE)
_BOUNDARY = re.compile(r"[.;!?,\n]")


def _clause_before(text: str, start: int, limit: int = 120) -> str:
    left = text[max(0, start - limit):start]
    parts = _BOUNDARY.split(left)
    return parts[-1]


def _clause_after(text: str, end: int, limit: int = 60) -> str:
    return _BOUNDARY.split(text[end:end + limit])[0]


def date_mentions(corpus: pd.DataFrame, by: str = "year", context: int = 40) -> pd.DataFrame:
    """Every date and year mentioned in the analysable articles' text.

    Day-month dates take their year from the article's publication date; articles without
    one keep only complete dates.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (doc_id, text, published, ``by``).
    by : str
        The grouping column copied to each mention.
    context : int
        Characters of context either side in ``context``.

    Returns
    -------
    pandas.DataFrame
        doc_id, ``by``, published, mention, date, precision, kind, offset, year_referred,
        context ("left[mention]right"), and ``before`` / ``after``: the clause around the
        mention that the orientation rule reads.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "year": [2023], "duplicate_of": [None],
    ...     "published": pd.to_datetime(["2023-12-19"]), "text": ["Tầm nhìn đến năm 2030."]})
    >>> date_mentions(corpus)[["mention", "year_referred", "before"]].values.tolist()
    [['2030', 2030, 'Tầm nhìn đến năm ']]
    """
    rows = []
    for art in analysable(corpus).itertuples():
        reference = art.published.date() if pd.notna(art.published) else None
        for m in find_dates(art.text, reference):
            left = art.text[max(0, m.start - context):m.start].split("\n")[-1]
            right = art.text[m.end:m.end + context].split("\n")[0]
            rows.append({"doc_id": art.doc_id, by: getattr(art, by), "published": art.published,
                         "mention": m.text, "date": pd.Timestamp(m.date),
                         "precision": m.precision, "kind": m.kind, "offset": m.start,
                         "year_referred": m.date.year, "context": f"{left}[{m.text}]{right}",
                         "before": _clause_before(art.text, m.start),
                         "after": _clause_after(art.text, m.end)})
    columns = ["doc_id", by, "published", "mention", "date", "precision", "kind", "offset",
               "year_referred", "context", "before", "after"]
    return pd.DataFrame(rows, columns=columns)


def _congress_years() -> tuple[int, ...]:
    """The Party congresses' years, from the package's table (sorted)."""
    return tuple(sorted(congresses().values()))


def _current_congress(year: int) -> int | None:
    """The year of the congress whose term includes ``year`` (the latest one not after it)."""
    earlier = [y for y in _congress_years() if y <= year]
    return earlier[-1] if earlier else None


def orientation_of(before: str, after: str, kind: str, year_referred: int,
                   published_year: int) -> tuple[str, str]:
    """Which way one mention points, and the rule that decided (``ORIENTATION_RULES``).

    Parameters
    ----------
    before : str
        The clause before the mention.
    after : str
        The clause after it.
    kind : str
        The mention's kind (``helpers.dates.find_dates``).
    year_referred : int
        The year it refers to.
    published_year : int
        The article's publication year.

    Returns
    -------
    tuple of str
        (orientation, rule name).

    Examples
    --------
    >>> orientation_of("từ nay đến hết nhiệm kỳ ", "", "party congress", 2021, 2023)
    ('future', 'future span')
    >>> orientation_of("thực hiện Nghị quyết ", "", "party congress", 2021, 2023)
    ('present', 'current term')
    >>> orientation_of("từ đầu nhiệm kỳ ", " đến nay", "party congress", 2021, 2023)
    ('past', 'since cue')
    """
    if _FUTURE_SPAN.search(before):
        return "future", "future span"
    if _SINCE.search(before) or (_FROM.search(before) and _UNTIL_NOW.match(after)):
        return "past", "since cue"
    term = _TERM.search(before)
    if kind == "party congress" or term:
        start = int(term["start"]) if term and term["start"] else year_referred
        if _current_congress(published_year) == _current_congress(start):
            return "present", "current term"
    if _WILL.search(before):
        return "future", "future cue"
    if _ALREADY.search(before):
        return "past", "past cue"
    if year_referred < published_year:
        return "past", "year"
    return ("present", "year") if year_referred == published_year else ("future", "year")


def orientation_rules() -> pd.DataFrame:
    """The orientation rule as a table, in the order it is applied: for a notebook to show
    the rule it uses (``ORIENTATION_RULES``).

    Returns
    -------
    pandas.DataFrame
        rule, orientation ("by year" for the last), when.

    Examples
    --------
    >>> orientation_rules()["rule"].tolist()[0], orientation_rules()["orientation"].tolist()[-1]
    ('future span', 'by year')
    """
    return pd.DataFrame([{"rule": name, "orientation": orientation or "by year", "when": when}
                         for name, orientation, when in ORIENTATION_RULES])


def classify_orientation(mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` with ``orientation`` and ``rule`` columns (``orientation_of``); mentions
    of the conferences themselves and those without a publication date are left out (they
    say what the article is about, or cannot be placed).

    Parameters
    ----------
    mentions : pandas.DataFrame
        ``date_mentions`` output.

    Returns
    -------
    pandas.DataFrame
        The kept mentions with the two new columns.

    Examples
    --------
    >>> m = pd.DataFrame({"published": pd.to_datetime(["2023-12-19"]), "kind": ["year"],
    ...     "year_referred": [2030], "before": ["tầm nhìn đến năm "], "after": [""]})
    >>> classify_orientation(m)[["orientation", "rule"]].values.tolist()
    [['future', 'future span']]
    """
    m = mentions[(mentions["kind"] != "conference") & mentions["published"].notna()].copy()
    decided = [orientation_of(b, a, k, int(y), p.year) for b, a, k, y, p in
               zip(m["before"], m["after"], m["kind"], m["year_referred"], m["published"],
                   strict=False)]
    m["orientation"] = [o for o, _ in decided]
    m["rule"] = [r for _, r in decided]
    return m


def time_orientation(mentions: pd.DataFrame, by: str = "year",
                     kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Per group: how many mentions point to the past, the present and the future
    (``classify_orientation``), with shares.

    Parameters
    ----------
    mentions : pandas.DataFrame
        ``date_mentions`` output.
    by : str
        The grouping column.
    kinds : tuple of str, optional
        Keep only mentions of these kinds, e.g. ``CALENDAR_KINDS`` for years written as
        numbers (no congresses or eras).

    Returns
    -------
    pandas.DataFrame
        Rows groups; mentions, past, present, future and their shares.

    Examples
    --------
    >>> m = pd.DataFrame({"year": [2023, 2023], "kind": ["year", "party congress"],
    ...     "published": pd.to_datetime(["2023-12-19"] * 2), "year_referred": [2030, 2021],
    ...     "before": ["đến năm ", "Nghị quyết "], "after": ["", ""]})
    >>> time_orientation(m)[["past", "present", "future"]].values.tolist()
    [[0, 1, 1]]
    """
    m = mentions if kinds is None else mentions[mentions["kind"].isin(kinds)]
    m = classify_orientation(m)
    m["orientation"] = pd.Categorical(m["orientation"], categories=list(ORIENTATIONS))
    table = pd.crosstab(m[by], m["orientation"], dropna=False).reindex(
        columns=list(ORIENTATIONS), fill_value=0)
    table.columns = table.columns.astype(str)
    table.columns.name = None
    total = table.sum(axis=1)
    for col in ORIENTATIONS:
        table[f"{col} share"] = (table[col] / total).round(3)
    table.insert(0, "mentions", total)
    return table


def referenced_years(mentions: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """Counts of mentions per group and year referred to (conference references left out).

    Parameters
    ----------
    mentions : pandas.DataFrame
        ``date_mentions`` output.
    by : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        ``by``, year_referred, mentions.

    Examples
    --------
    >>> kinds = ["year", "year"]
    >>> m = pd.DataFrame({"year": [2023, 2023], "kind": kinds, "year_referred": [2030, 2030]})
    >>> referenced_years(m).values.tolist()
    [[2023, 2030, 2]]
    """
    m = mentions[mentions["kind"] != "conference"]
    return (m.groupby([by, "year_referred"]).size().rename("mentions").reset_index()
            .sort_values([by, "year_referred"], ignore_index=True))


def _approximate(rows: pd.DataFrame) -> pd.Series:
    """Per row: is the publication date approximate (or missing)?"""
    precision = rows["date_precision"] if "date_precision" in rows else pd.Series("day", rows.index)
    return (precision != "day") | rows["published"].isna()


def word_trends(corpus: pd.DataFrame, words: Iterable[str], by: str = "event") -> pd.DataFrame:
    """Rates per 10,000 words (``helpers.stats.per_10k``, ``RATE_BASIS``) of ``words`` (words
    or phrases) per group of ``by`` (default the conference), with the evidence behind each
    point and its real date.

    Each group is placed at ``date``, the earliest publication date of its articles (``until``
    the latest); ``approximate`` is True when any of those dates is approximate
    (``date_precision`` other than "day") or missing, so a figure can mark it (≈, hollow).
    Groups are in date order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    words : iterable of str
        Words or phrases.
    by : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        Long format: group, date, until, approximate, word, count, words, articles, per_10k.

    Examples
    --------
    >>> corpus = pd.DataFrame({"event": ["A", "B"], "duplicate_of": [None, None],
    ...     "published": pd.to_datetime(["2021-12-15", "2023-12-19"]),
    ...     "date_precision": ["day", "approximate"], "tokens": [["x", "y"], ["x", "x", "y", "z"]]})
    >>> columns = ["group", "approximate", "count", "words", "per_10k"]
    >>> word_trends(corpus, ["x"])[columns].values.tolist()
    [['A', False, 1, 2, 5000.0], ['B', True, 2, 4, 5000.0]]
    """
    docs = analysable(corpus).dropna(subset=[by])
    docs = docs.assign(_approx=_approximate(docs))
    order = docs.groupby(by)["published"].min().sort_values(kind="stable").index
    rows = []
    for group in order:
        part = docs[docs[by] == group]
        n_words = int(part["tokens"].map(len).sum())
        for word in words:
            count = sum(len(find_phrase(tokens, word)) for tokens in part["tokens"])
            rows.append({"group": group, "date": part["published"].min(),
                         "until": part["published"].max(),
                         "approximate": bool(part["_approx"].any()),
                         "word": word, "count": count, "words": n_words, "articles": len(part),
                         "per_10k": per_10k(count, n_words)})
    columns = ["group", "date", "until", "approximate", "word", "count", "words", "articles",
               "per_10k"]
    return pd.DataFrame(rows, columns=columns)


def article_word_rates(corpus: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Rates per 10,000 words (``helpers.stats.per_10k``) of ``words`` in each analysable
    article, in date order, with its date and whether that date is approximate.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    words : iterable of str
        Words or phrases.

    Returns
    -------
    pandas.DataFrame
        doc_id, event, published, approximate, word, count, words, per_10k.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "event": ["A"], "duplicate_of": [None],
    ...     "published": pd.to_datetime(["2021-12-15"]), "tokens": [["x", "y"]]})
    >>> article_word_rates(corpus, ["x"])[["word", "count", "per_10k"]].values.tolist()
    [['x', 1, 5000.0]]
    """
    docs = analysable(corpus).sort_values(["published", "doc_id"])
    docs = docs.assign(approx_=_approximate(docs))
    rows = []
    for art in docs.itertuples():
        for word in words:
            count = len(find_phrase(art.tokens, word))
            rows.append({"doc_id": art.doc_id, "event": art.event, "published": art.published,
                         "approximate": bool(art.approx_), "word": word, "count": count,
                         "words": len(art.tokens), "per_10k": per_10k(count, len(art.tokens))})
    columns = ["doc_id", "event", "published", "approximate", "word", "count", "words", "per_10k"]
    return pd.DataFrame(rows, columns=columns)


def conference_spans(events: Iterable[str]) -> pd.DataFrame:
    """Start and end dates of the given conference codes, from the package's table; codes
    without known dates are left out.

    Parameters
    ----------
    events : iterable of str
        Conference codes.

    Returns
    -------
    pandas.DataFrame
        code, name_en, start, end, by start date.

    Examples
    --------
    >>> conference_spans(["DC32", "DC28", "DC99"])["code"].tolist()
    ['DC28', 'DC32']
    """
    table = conferences()
    known = [e for e in events if e in table.index and pd.notna(table.loc[e, "start"])]
    spans = table.loc[known, ["name_en", "start", "end"]].reset_index()
    return spans.sort_values(["start", "end", "code"], ignore_index=True)


def date_clusters(dates: pd.Series, gap_days: int = 120) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Group dates into clusters separated by more than ``gap_days``: each cluster becomes one
    panel of a timeline, so two clusters years apart both stay readable.

    Parameters
    ----------
    dates : pandas.Series
        Dates (missing ones ignored).
    gap_days : int
        The gap that starts a new cluster.

    Returns
    -------
    list of tuple
        (first, last) date of each cluster, in order.

    Examples
    --------
    >>> s = pd.Series(pd.to_datetime(["2021-12-13", "2021-12-18", "2023-12-19"]))
    >>> [(a.year, b.day) for a, b in date_clusters(s)]
    [(2021, 18), (2023, 19)]
    """
    values = sorted(pd.to_datetime(dates.dropna()).unique())
    if not values:
        return []
    clusters = [[values[0], values[0]]]
    for value in values[1:]:
        if (value - clusters[-1][1]).days > gap_days:
            clusters.append([value, value])
        else:
            clusters[-1][1] = value
    return [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in clusters]
