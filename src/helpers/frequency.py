"""Word frequencies: counts, rates per 10,000 words and document frequencies.

Owns counting words that ``helpers.text`` produced; knows nothing about files or plotting.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .text import stopwords, tokenize

PER = 10_000


def word_counts(token_lists: Iterable[list[str]], remove_stopwords: bool = False) -> pd.DataFrame:
    """One row per word: ``count``, ``per_10k`` (rate per 10,000 words of these documents) and
    ``docs`` (how many documents use it), most frequent first, ties in alphabetical order.

    >>> word_counts([["hòa bình", "hợp tác"], ["hòa bình", "và"]], remove_stopwords=True)
           word  count  per_10k  docs
    0  hòa bình      2   6666.7     2
    1   hợp tác      1   3333.3     1
    """
    stop = stopwords() if remove_stopwords else frozenset()
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for tokens in token_lists:
        kept = [t for t in tokens if t.lower() not in stop]
        counts.update(kept)
        docs.update(set(kept))
    total = sum(counts.values())
    table = pd.DataFrame({"word": list(counts), "count": list(counts.values())})
    table["per_10k"] = (table["count"] / total * PER).round(1) if total else 0.0
    table["docs"] = table["word"].map(docs)
    return table.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)


def raw_vs_clean(raw_texts: Iterable[str], clean_token_lists: Iterable[list[str]],
                 n: int = 15) -> pd.DataFrame:
    """The words cleaning took out: for each word, its count in the raw pages and in the clean
    articles (stopwords removed), the ``n`` with the largest difference first.

    >>> raw_vs_clean(["Hòa bình\\nBình luận: xổ số, xổ số"], [["hòa bình"]], n=1)
        word  raw  clean  removed
    0  xổ số    2      0        2
    """
    raw = word_counts([tokenize(t) for t in raw_texts], remove_stopwords=True)
    clean = word_counts(clean_token_lists, remove_stopwords=True)
    table = raw[["word", "count"]].rename(columns={"count": "raw"}).merge(
        clean[["word", "count"]].rename(columns={"count": "clean"}), on="word", how="left")
    table["clean"] = table["clean"].fillna(0).astype(int)
    table["removed"] = table["raw"] - table["clean"]
    table = table.sort_values(["removed", "word"], ascending=[False, True], ignore_index=True)
    return table.head(n)
