"""Time in the corpus: the dates and years each article mentions, the conferences as spans,
and how word rates move from one conference to the next.

Owns turning ``helpers.dates.find_dates`` output into tables for the timeline notebook; the
date parsing itself stays in ``helpers.dates`` (one parser for the whole package).
"""
from __future__ import annotations

import pandas as pd

from .corpus import analysable, conferences
from .dates import find_dates
from .frequency import find_phrase
from .stats import PER


def date_mentions(corpus: pd.DataFrame, by: str = "year", context: int = 40) -> pd.DataFrame:
    """Every date and year mentioned in the analysable articles' text: doc_id, the grouping
    column, the article's publication date, the mention (text, resolved date, precision, kind,
    character offset), the year it refers to, and its context. Day-month dates take their year
    from the article's publication date; articles without one keep only complete dates."""
    rows = []
    for art in analysable(corpus).itertuples():
        reference = art.published.date() if pd.notna(art.published) else None
        for m in find_dates(art.text, reference):
            left = art.text[max(0, m.start - context):m.start].split("\n")[-1]
            right = art.text[m.end:m.end + context].split("\n")[0]
            rows.append({"doc_id": art.doc_id, by: getattr(art, by), "published": art.published,
                         "mention": m.text, "date": pd.Timestamp(m.date),
                         "precision": m.precision, "kind": m.kind, "offset": m.start,
                         "year_referred": m.date.year, "context": f"{left}[{m.text}]{right}"})
    columns = ["doc_id", by, "published", "mention", "date", "precision", "kind", "offset",
               "year_referred", "context"]
    return pd.DataFrame(rows, columns=columns)


CALENDAR_KINDS = ("date", "day-month", "day range start", "day range end", "month-year",
                  "year", "year range start", "year range end")


def time_orientation(mentions: pd.DataFrame, by: str = "year",
                     kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Per group: how many year references point to the past (before the article's
    publication year), the present (that year) and the future, with shares. References to
    the conferences themselves ("conference" kind) are always left out: they say what the
    article is about, not which times it speaks of. ``kinds`` keeps only mentions of those
    kinds, e.g. ``CALENDAR_KINDS`` for years written as numbers (no congresses or eras)."""
    m = mentions[(mentions["kind"] != "conference") & mentions["published"].notna()]
    if kinds is not None:
        m = m[m["kind"].isin(kinds)]
    m = m.copy()
    pub_year = m["published"].dt.year
    m["orientation"] = pd.cut(m["year_referred"] - pub_year, [-10_000, -1, 0, 10_000],
                              labels=["past", "present", "future"])
    table = pd.crosstab(m[by], m["orientation"]).reindex(columns=["past", "present", "future"],
                                                          fill_value=0)
    table.columns = table.columns.astype(str)
    table.columns.name = None
    total = table.sum(axis=1)
    for col in ["past", "present", "future"]:
        table[f"{col} share"] = (table[col] / total).round(3)
    table.insert(0, "mentions", total)
    return table


def referenced_years(mentions: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """Counts of mentions per group and year referred to (conference references left out)."""
    m = mentions[mentions["kind"] != "conference"]
    return (m.groupby([by, "year_referred"]).size().rename("mentions").reset_index()
            .sort_values([by, "year_referred"], ignore_index=True))


def word_trends(corpus: pd.DataFrame, words, by: str = "event") -> pd.DataFrame:
    """Rates per 10,000 words of ``words`` (words or phrases) per group of ``by`` (default the
    conference), groups in order of their first publication date, with the number of articles
    and words behind each rate. Long format: group, word, count, words, articles, per_10k."""
    docs = analysable(corpus).dropna(subset=[by])
    order = docs.groupby(by)["published"].min().sort_values(kind="stable").index
    rows = []
    for group in order:
        part = docs[docs[by] == group]
        n_words = int(part["n_words"].sum())
        for word in words:
            count = sum(len(find_phrase(tokens, word)) for tokens in part["tokens"])
            rows.append({"group": group, "word": word, "count": count, "words": n_words,
                         "articles": len(part),
                         "per_10k": round(count / n_words * PER, 1) if n_words else 0.0})
    return pd.DataFrame(rows, columns=["group", "word", "count", "words", "articles", "per_10k"])


def article_word_rates(corpus: pd.DataFrame, words) -> pd.DataFrame:
    """Rates per 10,000 words of ``words`` in each analysable article, in date order."""
    docs = analysable(corpus).sort_values(["published", "doc_id"])
    rows = []
    for art in docs.itertuples():
        for word in words:
            count = len(find_phrase(art.tokens, word))
            rows.append({"doc_id": art.doc_id, "event": art.event, "published": art.published,
                         "word": word, "count": count, "words": art.n_words,
                         "per_10k": round(count / art.n_words * PER, 1) if art.n_words else 0.0})
    return pd.DataFrame(rows)


def conference_spans(events) -> pd.DataFrame:
    """Start and end dates of the given conference codes, from the package's table; codes
    without known dates are left out."""
    table = conferences()
    known = [e for e in events if e in table.index and pd.notna(table.loc[e, "start"])]
    spans = table.loc[known, ["name_en", "start", "end"]].reset_index()
    return spans.sort_values(["start", "end", "code"], ignore_index=True)


def date_clusters(dates: pd.Series, gap_days: int = 120) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Group dates into clusters separated by more than ``gap_days``: each cluster becomes one
    panel of a timeline, so two clusters years apart both stay readable."""
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
