"""Synthetic inputs for every plotting function at any corpus size (1 to thousands of
articles, 1 to 12 groups), built from a seeded generator so that every run sees the same
figures. The words and titles are made up for these tests (they are not real articles).
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from helpers import compare, frequency, timeline

WORDS = ["ngoại giao", "đối ngoại", "hội nghị", "hòa bình", "hợp tác", "phát triển", "Hà Nội",
         "Việt Nam", "kinh tế", "chủ động", "tích cực", "hội nhập", "quốc tế", "tiên phong",
         "tranh thủ", "bảo hộ công dân", "người Việt Nam ở nước ngoài", "chủ quyền", "biển",
         "đảo", "ngoại giao kinh tế", "ngoại giao văn hóa", "đa phương", "song phương",
         "đối tác", "chiến lược", "toàn diện", "an ninh", "ổn định", "uy tín", "vị thế",
         "Bộ Ngoại giao", "Ban Bí thư", "Thủ tướng", "Tổng Bí thư", "nhiệm kỳ", "Đại hội XIII",
         "cây tre", "bản lĩnh", "hiện đại", "chuyên nghiệp", "cán bộ", "đào tạo", "đổi mới"]
WORDS += [f"từ{i}" for i in range(200)]
KINDS = ["opening report", "closing report", "interview", "speech", None]
OUTLETS = ["Báo Thế giới & Việt Nam", "Cổng thông tin Chính phủ", "Báo Nhân Dân", None]


def groups_of(n_groups: int) -> list[int]:
    """``n_groups`` conference years from 2013 on."""
    return list(range(2013, 2013 + n_groups))


def make_corpus(n: int, n_groups: int, seed: int = 0) -> pd.DataFrame:
    """``n`` made-up articles over ``n_groups`` yearly conferences: long titles, some without
    date, event, kind or title, half of the dates approximate, tokens drawn from ``WORDS``."""
    rng = np.random.default_rng(seed)
    years = groups_of(n_groups)
    rows = []
    for i in range(n):
        year = years[i % n_groups]
        day = pd.Timestamp(f"{year}-12-14") + pd.Timedelta(days=int(rng.integers(-6, 12)))
        undated = n > 2 and i % 9 == 4
        weights = rng.dirichlet(np.ones(len(WORDS)) * 0.3)
        tokens = list(rng.choice(WORDS, size=int(rng.integers(150, 900)), p=weights))
        rows.append({
            "doc_id": f"{i:04d}_{year}", "source_file": f"{i:04d}_{year}.txt",
            "title": None if i % 11 == 7 else
            f"Hội nghị Ngoại giao lần thứ {28 + i % n_groups} bàn về nhiệm vụ đối ngoại số {i} "
            "trong bối cảnh mới của đất nước",
            "outlet": OUTLETS[i % len(OUTLETS)], "author": None if i % 3 else "Thanh Huyền",
            "published": pd.NaT if undated else day,
            "date_precision": None if undated else ("approximate" if i % 2 else "day"),
            "event": None if i % 13 == 5 else f"DC{28 + years.index(year)}",
            "year": year, "kind": KINDS[i % len(KINDS)], "tokens": tokens,
            "n_words": len(tokens), "n_paragraphs": int(rng.integers(3, 30)),
            "duplicate_of": None,
        })
    corpus = pd.DataFrame(rows)
    corpus["published"] = pd.to_datetime(corpus["published"])
    return corpus


def removals(corpus: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    reasons = ["menu", "page clock", "share buttons", "related articles", "image caption",
               "comment box", "advertisement"]
    table = pd.DataFrame(rng.integers(0, 15, size=(len(corpus), len(reasons))), columns=reasons,
                         index=pd.Index(corpus["doc_id"], name="doc_id"))
    table["total"] = table.sum(axis=1)
    return table


def keyness_table(corpus: pd.DataFrame) -> tuple[pd.DataFrame, object, object]:
    years = sorted(corpus["year"].unique())
    target, reference = years[-1], years[0]
    if target == reference:  # one group: split it in two halves
        half = len(corpus) // 2 or 1
        a, b = corpus.iloc[:half], corpus.iloc[half:] if len(corpus) > 1 else corpus
        target, reference = "second half", "first half"
    else:
        a, b = corpus[corpus["year"] == target], corpus[corpus["year"] == reference]
    counts = [Counter(t for tokens in part["tokens"] for t in tokens) for part in (a, b)]
    return compare.keyness(counts[0], counts[1]), target, reference


def similarity(corpus: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(2)
    centres = {y: rng.random(30) for y in corpus["year"].unique()}
    vectors = np.array([centres[y] + rng.random(30) * 0.8 for y in corpus["year"]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return pd.DataFrame(vectors @ vectors.T, index=corpus["doc_id"], columns=corpus["doc_id"])


def topic_shares(corpus: pd.DataFrame, k: int = 6) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(3)
    years = sorted(corpus["year"].unique())
    shares = pd.DataFrame(rng.dirichlet(np.ones(k), size=len(years)),
                          columns=[f"T{t + 1}" for t in range(k)],
                          index=pd.Index(years, name="year"))
    topics = pd.DataFrame({"topic": shares.columns,
                           "top words": [", ".join(WORDS[t * 5:t * 5 + 8]) for t in range(k)]})
    return shares, topics


def top_words(corpus: pd.DataFrame, n: int = 15) -> tuple[pd.DataFrame, list]:
    table = frequency.frequency_table(corpus, by="year")
    return frequency.top_by_group(table, n=n), sorted(table["group"].unique())


def referenced_years(corpus: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    rows = []
    for year in sorted(corpus["year"].unique()):
        referred = sorted(set(rng.integers(1945, 2046, size=min(5 + len(corpus) // 20, 60))))
        rows += [{"year": year, "year_referred": int(r),
                  "mentions": int(rng.integers(1, 2 + len(corpus)))} for r in referred]
    return pd.DataFrame(rows)


def spans(corpus: pd.DataFrame) -> pd.DataFrame:
    events = sorted(corpus["event"].dropna().unique())
    starts = [pd.Timestamp(f"{2013 + int(e[2:]) - 28}-12-14") for e in events]
    return pd.DataFrame({"code": events, "name_en": events, "start": starts,
                         "end": [s + pd.Timedelta(days=4) for s in starts]})


TREND_WORDS = ["ngoại giao", "hòa bình", "Hà Nội", "tiên phong"]


def trends(corpus: pd.DataFrame):
    return (timeline.word_trends(corpus, TREND_WORDS),
            timeline.article_word_rates(corpus, TREND_WORDS))
