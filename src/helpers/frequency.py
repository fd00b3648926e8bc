"""Word frequencies and where words occur: counts, rates per 10,000 words, document
frequency, n-grams, collocates, keyword-in-context lines and dispersion.

Owns counting and locating the words that ``helpers.text`` produced; knows nothing about files
(``helpers.corpus``) or plotting (``helpers.plotting``).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .text import sort_key, stopwords, tokenize

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


# --- per group -------------------------------------------------------------------------------

def frequency_table(corpus: pd.DataFrame, by: str | None = "year",
                    remove_stopwords: bool = True) -> pd.DataFrame:
    """Word counts, rates per 10,000 words and document frequency per group of ``by`` (any
    metadata column; None for the whole corpus), duplicates left out. Long format: one row per
    group and word, with ``group`` first."""
    from .corpus import analysable, plain

    rows = analysable(corpus)
    if by is None:
        groups = [("all", rows)]
    else:
        groups = [(plain(g), part) for g, part in rows.groupby(by, sort=True)]
    tables = [word_counts(part["tokens"], remove_stopwords=remove_stopwords).assign(group=g)
              for g, part in groups]
    table = pd.concat(tables, ignore_index=True)
    return table[["group", "word", "count", "per_10k", "docs"]]


def top_by_group(table: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The union of each group's ``n`` most frequent words, with every group's count and rate
    (zero where a group does not use the word): wide format, ordered by total count."""
    tops = table.groupby("group", sort=True).head(n)["word"].unique()
    sub = table[table["word"].isin(tops)]
    wide = sub.pivot_table(index="word", columns="group", values=["count", "per_10k"],
                           fill_value=0)
    wide.columns = [f"{stat}_{group}" for stat, group in wide.columns]
    count_cols = [c for c in wide.columns if c.startswith("count_")]
    wide[count_cols] = wide[count_cols].astype(int)
    order = wide[count_cols].sum(axis=1).sort_values(ascending=False, kind="stable")
    ranked = wide.loc[sorted(order.index, key=lambda w: (-order[w], w))]
    return ranked.reset_index()


def syllable_counts(texts: Iterable[str], remove_stopwords: bool = False) -> pd.DataFrame:
    """Counts of whitespace-separated syllables (what a tool that ignores Vietnamese word
    segmentation counts as "words"): lower-cased, punctuation stripped, numbers dropped.

    >>> syllable_counts(["Ngoại giao, ngoại giao!"])[["word", "count"]].to_dict("records")
    [{'word': 'giao', 'count': 2}, {'word': 'ngoại', 'count': 2}]
    """
    from .text import normalize_text

    docs = []
    for text in texts:
        syllables = (s.strip(".,;:!?()[]{}\"'“”‘’…-–—/").lower()
                     for s in normalize_text(text).split())
        docs.append([s for s in syllables if any(c.isalpha() for c in s)])
    return word_counts(docs, remove_stopwords=remove_stopwords)


# --- n-grams and collocates ------------------------------------------------------------------

def ngrams(paragraph_tokens: Iterable[list[str]], n: int = 2, min_count: int = 2,
           drop_stopword_edges: bool = True) -> pd.DataFrame:
    """Word n-grams within paragraphs (never across a paragraph or article edge), with their
    count and the number of paragraphs they occur in; those starting or ending with a stopword
    are dropped unless ``drop_stopword_edges=False``. At least ``min_count`` occurrences.

    >>> ngrams([["hợp tác", "quốc tế", "và", "hợp tác", "quốc tế"]], n=2).to_dict("records")
    [{'ngram': 'hợp tác · quốc tế', 'count': 2, 'paragraphs': 1}]
    """
    stop = stopwords() if drop_stopword_edges else frozenset()
    counts: Counter[tuple] = Counter()
    where: Counter[tuple] = Counter()
    for tokens in paragraph_tokens:
        grams = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        grams = [g for g in grams if g[0].lower() not in stop and g[-1].lower() not in stop]
        counts.update(grams)
        where.update(set(grams))
    rows = [{"ngram": " · ".join(g), "count": c, "paragraphs": where[g]}
            for g, c in counts.items() if c >= min_count]
    table = pd.DataFrame(rows, columns=["ngram", "count", "paragraphs"])
    return table.sort_values(["count", "ngram"], ascending=[False, True], ignore_index=True)


def collocates(paragraph_tokens: Iterable[list[str]], node: str, window: int = 5,
               min_count: int = 2, remove_stopwords: bool = True) -> pd.DataFrame:
    """Collocates of ``node`` within ``window`` words either side (inside a paragraph), with
    their counts and three scores.

    Counts: ``o11`` = occurrences of the collocate at positions in the node's windows (each
    position once, even where windows overlap; the node's own positions excluded), ``f_coll`` =
    its corpus frequency, ``f_node``, ``N`` = corpus size, ``W`` = number of window positions.
    Windows count every word, stopwords included; stopwords are then left out of the list of
    collocates unless ``remove_stopwords=False``.
    Scores: PMI = log2(o11 / E) with E = f_coll * W / N (Church & Hanks 1990, window version);
    logDice = 14 + log2(2 * o11 / (f_node + f_coll)) (Rychlý 2008); G2 = signed log-likelihood
    of the collocate's frequency inside the windows (W words) against outside them
    (N - W - f_node words), as in ``helpers.compare.log_likelihood``.
    """
    from .compare import log_likelihood

    # Tokens already follow the case policy of ``tokenize``; the node matches case-insensitively.
    paragraphs = [list(tokens) for tokens in paragraph_tokens]
    node_key = next((t for tokens in paragraphs for t in tokens if t.lower() == node.lower()),
                    node)
    freq: Counter[str] = Counter(t for tokens in paragraphs for t in tokens)
    n_total = sum(freq.values())
    f_node = freq[node_key]
    in_window: Counter[str] = Counter()
    window_size = 0
    for tokens in paragraphs:
        hits = [i for i, t in enumerate(tokens) if t == node_key]
        positions = {j for i in hits for j in range(max(0, i - window), min(len(tokens), i + window + 1))}
        positions -= set(hits)
        window_size += len(positions)
        in_window.update(tokens[j] for j in positions)
    columns = ["collocate", "o11", "f_coll", "f_node", "pmi", "log_dice", "g2"]
    if f_node == 0 or window_size == 0:
        return pd.DataFrame(columns=columns)
    rows = []
    outside = n_total - window_size - f_node
    stop = stopwords() if remove_stopwords else frozenset()
    for word, o11 in in_window.items():
        if o11 < min_count or word in stop:
            continue
        f_coll = freq[word]
        expected = f_coll * window_size / n_total
        rows.append({
            "collocate": word, "o11": o11, "f_coll": f_coll, "f_node": f_node,
            "pmi": math.log2(o11 / expected),
            "log_dice": 14 + math.log2(2 * o11 / (f_node + f_coll)),
            "g2": float(log_likelihood(o11, f_coll - o11, window_size, max(outside, 1))),
        })
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["log_dice", "collocate"], ascending=[False, True], ignore_index=True)


# --- concordance -----------------------------------------------------------------------------

def find_phrase(tokens: list[str], term: str, partial: bool = False) -> list[tuple[int, int]]:
    """Where ``term`` (a word or phrase) occurs in a list of segmented words, as (first, end)
    word indices. Case-insensitive, on syllables; a match must start and end at word
    boundaries, so a phrase segmented as one word or as several matches either way, and
    "ngoại giao" does not match inside one segment "ngoại giao kinh tế" unless ``partial``.

    >>> find_phrase(["ngoại giao", "cây", "tre", "Việt Nam"], "cây tre")
    [(1, 3)]
    >>> find_phrase(["ngoại giao kinh tế"], "ngoại giao"), find_phrase(["ngoại giao kinh tế"], "ngoại giao", partial=True)
    ([], [(0, 1)])
    """
    from .text import normalize_text

    query = normalize_text(term).casefold().split()
    if not query:
        raise ValueError("an empty term matches nothing")
    sylls: list[str] = []
    owner: list[int] = []          # which word each syllable belongs to
    starts, ends = set(), set()
    for w, tok in enumerate(tokens):
        starts.add(len(sylls))
        for syl in tok.casefold().split():
            sylls.append(syl)
            owner.append(w)
        ends.add(len(sylls))
    spans = []
    for i in range(len(sylls) - len(query) + 1):
        j = i + len(query)
        if sylls[i:j] == query and (partial or (i in starts and j in ends)):
            spans.append((owner[i], owner[j - 1] + 1))
    return spans


_NO_SPACE_BEFORE = set(".,;:!?)]}”’…%")
_NO_SPACE_AFTER = set("([{“‘")


def _detokenize_spans(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    out = ""
    spans = []
    quote_open = False  # a straight quote '"' opens and closes in turn
    for tok in tokens:
        closing = tok[0] in _NO_SPACE_BEFORE or (tok == '"' and quote_open)
        after_opening = out and (out[-1] in _NO_SPACE_AFTER or (out[-1] == '"' and quote_open))
        if out and not closing and not after_opening:
            out += " "
        if tok == '"':
            quote_open = not quote_open
        spans.append((len(out), len(out) + len(tok)))
        out += tok
    return out, spans


def detokenize(tokens: list[str]) -> str:
    """Segmented words back to readable text: no space before closing punctuation or after
    opening quotes and brackets.

    >>> detokenize(["“", "Ngoại giao", "cây tre", "”", ",", "hòa bình", "."])
    '“Ngoại giao cây tre”, hòa bình.'
    >>> detokenize(["bản sắc", '"', "Ngoại giao", "cây tre", '"', "."])
    'bản sắc "Ngoại giao cây tre".'
    """
    return _detokenize_spans(tokens)[0]


def _cut_left(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[-width:]
    return "…" + cut.split(" ", 1)[1] if " " in cut else "…" + cut


def _cut_right(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[:width]
    return cut.rsplit(" ", 1)[0] + "…" if " " in cut else cut + "…"


def kwic(corpus: pd.DataFrame, term: str, width: int = 40, sort: str | None = None,
         partial: bool = False) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (a word or a phrase) in the analysable
    articles, matched on segmented words (``find_phrase``). Contexts are the paragraph's text
    before and after, cut at a word boundary within ``width`` characters; they never cross a
    paragraph, so never an article either. ``sort`` = "left" (by the words before the match,
    nearest first), "right", or None (article and paragraph order).
    Columns: doc_id, paragraph, left, match, right.
    """
    from .corpus import analysable
    from .text import segment

    if sort not in (None, "left", "right"):
        raise ValueError("sort must be 'left', 'right' or None")
    rows = []
    for art in analysable(corpus).itertuples():
        for k, tokens in enumerate(segment(art.text), 1):
            matches = find_phrase(tokens, term, partial=partial)
            if not matches:
                continue
            text, spans = _detokenize_spans(tokens)
            for i, j in matches:
                start, end = spans[i][0], spans[j - 1][1]
                rows.append({"doc_id": art.doc_id, "paragraph": k,
                             "left": _cut_left(text[:start].rstrip(), width),
                             "match": text[start:end],
                             "right": _cut_right(text[end:].lstrip(), width)})
    table = pd.DataFrame(rows, columns=["doc_id", "paragraph", "left", "match", "right"])
    if sort is None or table.empty:
        return table
    if sort == "right":
        key = table["right"].map(sort_key)
    else:  # nearest word first
        key = table["left"].map(lambda s: sort_key(" ".join(reversed(s.lstrip("…").split()))))
    order = sorted(range(len(table)), key=lambda r: (key.iat[r], table["doc_id"].iat[r],
                                                      table["paragraph"].iat[r]))
    return table.iloc[order].reset_index(drop=True)


def format_kwic(table: pd.DataFrame, width: int = 40) -> str:
    """Concordance lines as aligned plain text: right-aligned left context, the match between
    bars, the right context, and where it comes from."""
    if table.empty:
        return "(no occurrences)"
    lines = [f"{row.left:>{width}} | {row.match} | {row.right:<{width}}  "
             f"[{row.doc_id[:12]} ¶{row.paragraph}]" for row in table.itertuples()]
    return "\n".join(lines)


# --- dispersion ------------------------------------------------------------------------------

def positions(corpus: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Where each word or phrase occurs along each analysable article: doc_id, word, index of
    its first word in the article's word sequence, and relative position (0 = start, 1 = end)."""
    from .corpus import analysable

    rows = []
    for art in analysable(corpus).itertuples():
        n = len(art.tokens)
        for word in words:
            for i, _ in find_phrase(art.tokens, word):
                rows.append({"doc_id": art.doc_id, "word": word, "index": i,
                             "relative": i / max(n - 1, 1)})
    table = pd.DataFrame(rows, columns=["doc_id", "word", "index", "relative"])
    return table.sort_values(["doc_id", "index", "word"], ignore_index=True)


def juilland_d(freqs, sizes) -> float:
    """Juilland's D over parts of unequal size (Gries 2008's generalization): with
    p_i = freq_i / size_i, v = sd(p) / mean(p) (population sd), D = 1 - v / sqrt(n - 1).
    1 = perfectly even, 0 = all in one part.

    >>> juilland_d([10, 20], [100, 200]), juilland_d([5, 0, 0], [100, 100, 100])
    (1.0, 0.0)
    """
    freqs = np.asarray(freqs, dtype=float)
    sizes = np.asarray(sizes, dtype=float)
    if len(freqs) < 2 or freqs.sum() == 0:
        return float("nan")
    p = freqs / sizes
    v = p.std() / p.mean()
    return float(min(1.0, max(0.0, 1 - v / math.sqrt(len(p) - 1))))  # clip float noise


def gries_dp(freqs, sizes) -> float:
    """Gries's DP (2008): 0.5 * sum |v_i - s_i|, with v_i the share of the word's occurrences
    and s_i the share of the corpus in part i. 0 = spread as the parts' sizes predict; values
    near 1 = concentrated in a small part.

    >>> gries_dp([10, 20], [100, 200]), round(gries_dp([5, 0, 0], [100, 100, 100]), 4)
    (0.0, 0.6667)
    """
    freqs = np.asarray(freqs, dtype=float)
    sizes = np.asarray(sizes, dtype=float)
    if freqs.sum() == 0:
        return float("nan")
    return float(0.5 * np.abs(freqs / freqs.sum() - sizes / sizes.sum()).sum())


def dispersion(corpus: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Per word or phrase: total count, articles using it, Juilland's D and Gries's DP across
    the analysable articles (the articles are the parts; sizes in words)."""
    from .corpus import analysable

    rows_ = analysable(corpus)
    sizes = [len(t) for t in rows_["tokens"]]
    out = []
    for word in words:
        freqs = [len(find_phrase(tokens, word)) for tokens in rows_["tokens"]]
        out.append({"word": word, "count": sum(freqs), "articles": sum(f > 0 for f in freqs),
                    "juilland_d": juilland_d(freqs, sizes), "gries_dp": gries_dp(freqs, sizes)})
    return pd.DataFrame(out)


def side_by_side(tables: dict[str, pd.DataFrame], n: int = 15,
                 columns=("word", "count")) -> pd.DataFrame:
    """The top ``n`` rows of several frequency tables next to each other, one column pair per
    table, prefixed with the table's name: for "before / after" comparisons."""
    parts = [t.head(n)[list(columns)].reset_index(drop=True).add_prefix(f"{name}: ")
             for name, t in tables.items()]
    return pd.concat(parts, axis=1)


def concordance_text(corpus: pd.DataFrame, terms: Iterable[str], width: int = 45,
                     sort: str | None = "right") -> str:
    """Aligned concordance lines for several terms, each under a heading with its number of
    occurrences: ready to print in a notebook or a terminal."""
    blocks = []
    for term in terms:
        table = kwic(corpus, term, width=width, sort=sort)
        blocks.append(f"== {term}: {len(table)} occurrence(s)\n{format_kwic(table, width)}")
    return "\n\n".join(blocks)
