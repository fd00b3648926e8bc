"""Word frequencies and where words occur: counts, rates per 10,000 words, document
frequency, n-grams, collocates, keyword-in-context lines and dispersion.

Owns counting and locating the words that ``helpers.text`` produced; the formulas live in
``helpers.stats``, files in the loading layer, plotting in ``helpers.plotting``.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .corpus import analysable, plain
from .ranking import rank_words, top_n, top_n_by_group
from .stats import PER, RATE_BASIS, g2, gries_dp, juilland_d, per_10k
from .text import normalize_text, sort_key, stopwords, tokenize

__all__ = [
    "COLLOCATE_MIN_COUNT",
    "COLLOCATE_MIN_G2",
    "PER",
    "RATE_BASIS",
    "collocates",
    "concordance_text",
    "detokenize",
    "dispersion",
    "find_phrase",
    "format_kwic",
    "frequency_table",
    "kwic",
    "ngrams",
    "positions",
    "raw_vs_clean",
    "side_by_side",
    "syllable_counts",
    "top_by_group",
    "word_counts",
]

COLLOCATE_MIN_G2 = 3.84     # a collocate must be over-represented in the windows at p < 0.05
COLLOCATE_MIN_COUNT = 2     # ... and occur there at least twice


def _paragraph_segments(row) -> list[list[str]]:
    """The segments of each body paragraph of one article (a corpus row), as the loader stored
    them in the row's page result: nothing is segmented again."""
    return [list(seg) for seg in row.page.segments]


def word_counts(token_lists: Iterable[list[str]], remove_stopwords: bool = False) -> pd.DataFrame:
    """One row per word: ``count``, ``per_10k`` and ``docs`` (how many documents use it), most
    frequent first, ties in Vietnamese dictionary order.

    The rate's basis is every word of the documents (``helpers.stats.RATE_BASIS``), also when
    stopwords are left out of the list: removing stopwords never changes a word's rate.

    Parameters
    ----------
    token_lists : iterable of list of str
        Each document's words (stopwords included).
    remove_stopwords : bool
        Leave the words of ``helpers.text.stopwords()`` out of the table.

    Returns
    -------
    pandas.DataFrame
        Columns word, count, per_10k, docs.

    Examples
    --------
    >>> word_counts([["hòa bình", "hợp tác"], ["hòa bình", "và"]], remove_stopwords=True).round(1)
           word  count  per_10k  docs
    0  hòa bình      2   5000.0     2
    1   hợp tác      1   2500.0     1
    """
    stop = stopwords() if remove_stopwords else frozenset()
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    total = 0
    for tokens in token_lists:
        total += len(tokens)
        kept = [t for t in tokens if t.lower() not in stop]
        counts.update(kept)
        docs.update(set(kept))
    table = pd.DataFrame({"word": list(counts), "count": list(counts.values())},
                         columns=["word", "count"])
    table["per_10k"] = per_10k(table["count"].to_numpy(), total) if len(table) else []
    table["docs"] = table["word"].map(docs)
    return rank_words(table, "count")


def raw_vs_clean(raw_texts: Iterable[str], clean_token_lists: Iterable[list[str]],
                 n: int = 15) -> pd.DataFrame:
    """The words cleaning took out: for each word, its count in the raw pages and in the clean
    articles (stopwords removed), the ``n`` with the largest difference first (ties at the cut
    kept and marked, ``ranking.top_n``).

    Parameters
    ----------
    raw_texts : iterable of str
        The pages before cleaning.
    clean_token_lists : iterable of list of str
        The clean articles' words.
    n : int
        Words shown.

    Returns
    -------
    pandas.DataFrame
        word, raw, clean, removed, tied_at_cut.

    Examples
    --------
    >>> raw_vs_clean(["Hòa bình\\nBình luận: xổ số, xổ số"], [["hòa bình"]], n=1)
        word  raw  clean  removed  tied_at_cut
    0  xổ số    2      0        2        False
    """
    raw = word_counts([tokenize(t) for t in raw_texts], remove_stopwords=True)
    clean = word_counts(clean_token_lists, remove_stopwords=True)
    table = raw[["word", "count"]].rename(columns={"count": "raw"}).merge(
        clean[["word", "count"]].rename(columns={"count": "clean"}), on="word", how="left")
    table["clean"] = table["clean"].fillna(0).astype(int)
    table["removed"] = table["raw"] - table["clean"]
    return top_n(table, n, "removed")


# --- per group -------------------------------------------------------------------------------

def frequency_table(corpus: pd.DataFrame, by: str | None = "year",
                    remove_stopwords: bool = True) -> pd.DataFrame:
    """Word counts, rates per 10,000 words and document frequency per group of ``by``.

    Duplicates are left out; rates are per 10,000 of all the group's words
    (``helpers.stats.RATE_BASIS``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    by : str or None
        Any metadata column; None for the whole corpus (group "all").
    remove_stopwords : bool
        Leave stopwords out of the table (not out of the rate's basis).

    Returns
    -------
    pandas.DataFrame
        Long format: group, word, count, per_10k, docs, plus ``words`` (the group's size).

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2023], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình", "và"], ["hòa bình"]]})
    >>> frequency_table(corpus)[["group", "word", "count", "per_10k", "words"]].values.tolist()
    [[2021, 'hòa bình', 1, 5000.0, 2], [2023, 'hòa bình', 1, 10000.0, 1]]
    """
    rows = analysable(corpus)
    if by is None:
        groups = [("all", rows)]
    else:
        groups = [(plain(g), part) for g, part in rows.groupby(by, sort=True)]
    tables = [word_counts(part["tokens"], remove_stopwords=remove_stopwords)
              .assign(group=g, words=int(sum(len(t) for t in part["tokens"])))
              for g, part in groups]
    columns = ["group", "word", "count", "per_10k", "docs", "words"]
    if not tables:
        return pd.DataFrame(columns=columns)
    return pd.concat(tables, ignore_index=True)[columns]


def top_by_group(table: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Each group's own ``n`` most frequent words (ties at the cut kept, ``ranking.top_n``),
    united, with every group's count and rate (zero where a group does not use the word).

    Wide format, one row per word: ``count_<group>``, ``per_10k_<group>``, ``top_in`` (the
    groups whose own top ``n`` include the word) and ``tied_at_cut`` (in some group it was
    kept only because it ties with the n-th word). Rows ordered by total count, ties in
    Vietnamese dictionary order. A figure of "the top words per group" draws every row.

    Parameters
    ----------
    table : pandas.DataFrame
        ``frequency_table`` output.
    n : int
        Words per group.

    Returns
    -------
    pandas.DataFrame
        The wide table.

    Examples
    --------
    >>> t = pd.DataFrame({"group": [1, 1, 2, 2], "word": ["a", "b", "b", "c"],
    ...                   "count": [3, 1, 1, 2], "per_10k": [7.5, 2.5, 3.3, 6.7]})
    >>> top_by_group(t, n=1)[["word", "count_1", "count_2", "top_in"]].values.tolist()
    [['a', 3, 0, '1'], ['c', 0, 2, '2']]
    """
    tops = top_n_by_group(table, n, "count")
    top_in = tops.groupby("word", sort=False)["group"].agg(lambda g: ", ".join(map(str, g)))
    tied = tops.groupby("word", sort=False)["tied_at_cut"].any()
    sub = table[table["word"].isin(top_in.index)]
    wide = sub.pivot_table(index="word", columns="group", values=["count", "per_10k"],
                           fill_value=0)
    wide.columns = [f"{stat}_{group}" for stat, group in wide.columns]
    count_cols = [c for c in wide.columns if c.startswith("count_")]
    wide[count_cols] = wide[count_cols].astype(int)
    wide = wide.reset_index()
    wide["top_in"] = wide["word"].map(top_in)
    wide["tied_at_cut"] = wide["word"].map(tied).astype(bool)
    wide["total"] = wide[count_cols].sum(axis=1)
    return rank_words(wide, "total").drop(columns="total")


def syllable_counts(texts: Iterable[str], remove_stopwords: bool = False) -> pd.DataFrame:
    """Counts of whitespace-separated syllables (what a tool that ignores Vietnamese word
    segmentation counts as "words"): lower-cased, punctuation stripped, numbers dropped.

    Parameters
    ----------
    texts : iterable of str
        The texts.
    remove_stopwords : bool
        Leave stopwords out of the table.

    Returns
    -------
    pandas.DataFrame
        As ``word_counts``.

    Examples
    --------
    >>> syllable_counts(["Ngoại giao, ngoại giao!"])[["word", "count"]].to_dict("records")
    [{'word': 'giao', 'count': 2}, {'word': 'ngoại', 'count': 2}]
    """
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
    Most frequent first, ties in Vietnamese dictionary order.

    Parameters
    ----------
    paragraph_tokens : iterable of list of str
        Each paragraph's words.
    n : int
        Words per n-gram.
    min_count : int
        Minimum occurrences.
    drop_stopword_edges : bool
        Drop n-grams that start or end with a stopword.

    Returns
    -------
    pandas.DataFrame
        ngram (words joined by " · "), count, paragraphs.

    Examples
    --------
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
    return rank_words(table, "count", word="ngram")


def collocates(paragraph_tokens: Iterable[list[str]], node: str, window: int = 5,
               min_count: int = COLLOCATE_MIN_COUNT, min_g2: float = COLLOCATE_MIN_G2,
               remove_stopwords: bool = True) -> pd.DataFrame:
    """Collocates of ``node`` within ``window`` words either side (inside a paragraph) that
    pass a stated association threshold: at least ``min_count`` co-occurrences and a signed
    G2 of at least ``min_g2`` (3.84: over-represented near the node at p < 0.05,
    uncorrected). Pass ``min_g2=None`` to list every co-occurring word.

    Counts: ``o11`` = occurrences of the collocate at positions in the node's windows (each
    position once, even where windows overlap; the node's own positions excluded), ``f_coll`` =
    its corpus frequency, ``f_node``, ``N`` = corpus size, ``W`` = number of window positions.
    Windows count every word, stopwords included; stopwords are then left out of the list of
    collocates unless ``remove_stopwords=False``.
    Scores: PMI = log2(o11 / E) with E = f_coll * W / N (Church & Hanks 1990, window version);
    logDice = 14 + log2(2 * o11 / (f_node + f_coll)) (Rychlý 2008); G2 = signed log-likelihood
    (``helpers.stats.g2``) of the collocate's frequency inside the windows (W words) against
    outside them (N - W - f_node words).

    Parameters
    ----------
    paragraph_tokens : iterable of list of str
        Each paragraph's words.
    node : str
        The word whose neighbours are scored (case-insensitive).
    window : int
        Words either side.
    min_count : int
        Minimum co-occurrences.
    min_g2 : float or None
        Minimum signed G2; None for no association threshold.
    remove_stopwords : bool
        Leave stopwords out of the list (not out of the windows).

    Returns
    -------
    pandas.DataFrame
        collocate, o11, f_coll, f_node, pmi, log_dice, g2; by logDice, ties in dictionary order.

    Examples
    --------
    >>> paras = [["a", "x", "b"], ["a", "x", "c"], ["d", "e", "f", "g", "h"]] * 2
    >>> collocates(paras, "x", window=1, remove_stopwords=False)["collocate"].tolist()
    ['a']
    """
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
        spots = {j for i in hits for j in range(max(0, i - window), min(len(tokens), i + window + 1))}
        spots -= set(hits)
        window_size += len(spots)
        in_window.update(tokens[j] for j in spots)
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
        rows.append({
            "collocate": word, "o11": o11, "f_coll": f_coll, "f_node": f_node,
            "pmi": math.log2(o11 / (f_coll * window_size / n_total)),
            "log_dice": 14 + math.log2(2 * o11 / (f_node + f_coll)),
            "g2": float(g2(o11, f_coll - o11, window_size, max(outside, 1))),
        })
    table = pd.DataFrame(rows, columns=columns)
    if min_g2 is not None:
        table = table[table["g2"] >= min_g2]
    return rank_words(table, "log_dice", word="collocate")


# --- concordance -----------------------------------------------------------------------------

def find_phrase(tokens: list[str], term: str, partial: bool = False) -> list[tuple[int, int]]:
    """Where ``term`` (a word or phrase) occurs in a list of segmented words, as (first, end)
    word indices. Case-insensitive, on syllables; a match must start and end at word
    boundaries, so a phrase segmented as one word or as several matches either way, and
    "ngoại giao" does not match inside one segment "ngoại giao kinh tế" unless ``partial``.

    Parameters
    ----------
    tokens : list of str
        Segmented words.
    term : str
        A word or phrase.
    partial : bool
        Also match inside a longer word.

    Returns
    -------
    list of tuple of int
        (first word, one past the last word) of each match.

    Examples
    --------
    >>> find_phrase(["ngoại giao", "cây", "tre", "Việt Nam"], "cây tre")
    [(1, 3)]
    >>> one_word = ["ngoại giao kinh tế"]
    >>> find_phrase(one_word, "ngoại giao"), find_phrase(one_word, "ngoại giao", partial=True)
    ([], [(0, 1)])
    """
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


_WORD = re.compile(r"[^\W_]+")
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

    Parameters
    ----------
    tokens : list of str
        Segmented words and punctuation.

    Returns
    -------
    str
        The text.

    Examples
    --------
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


def _context_words(text: str) -> str:
    """The words of a context, punctuation and the cut mark left out: what sorting reads."""
    return " ".join(_WORD.findall(text))


def kwic(corpus: pd.DataFrame, term: str, width: int = 40, sort: str | None = None,
         partial: bool = False) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (a word or a phrase) in the analysable
    articles, matched on segmented words (``find_phrase``).

    Contexts are the paragraph's text before and after, cut at a word boundary within
    ``width`` characters; they never cross a paragraph, so never an article either. Sorting
    reads words only, skipping punctuation: "right" sorts on the first word after the match,
    then the next; "left" on the nearest word before it, then the one before; both in
    Vietnamese dictionary order (``helpers.text.sort_key``), then article and paragraph.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (doc_id, text, duplicate_of).
    term : str
        A word or phrase.
    width : int
        Characters of context either side.
    sort : {None, "left", "right"}
        None keeps article and paragraph order.
    partial : bool
        Also match inside a longer segmented word.

    Returns
    -------
    pandas.DataFrame
        Columns doc_id, paragraph, left, match, right.

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> corpus = corpus_from_texts({"a": "ASEAN, hợp tác.\\nASEAN bền vững"})
    >>> kwic(corpus, "ASEAN", sort="right")["right"].tolist()
    ['bền vững', ', hợp tác.']
    """
    if sort not in (None, "left", "right"):
        raise ValueError("sort must be 'left', 'right' or None")
    rows = []
    for art in analysable(corpus).itertuples():
        for k, tokens in enumerate(_paragraph_segments(art), 1):
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
        key = table["right"].map(lambda s: sort_key(_context_words(s)))
    else:  # nearest word first
        key = table["left"].map(lambda s: sort_key(" ".join(reversed(_context_words(s).split()))))
    order = sorted(range(len(table)), key=lambda r: (key.iat[r], table["doc_id"].iat[r],
                                                      table["paragraph"].iat[r]))
    return table.iloc[order].reset_index(drop=True)


def format_kwic(table: pd.DataFrame, width: int = 40) -> str:
    """Concordance lines as aligned plain text: right-aligned left context, the match between
    bars, the right context, and where it comes from.

    Parameters
    ----------
    table : pandas.DataFrame
        ``kwic`` output.
    width : int
        Characters of each context column.

    Returns
    -------
    str
        One line per occurrence, or "(no occurrences)".

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a"], "paragraph": [1], "left": ["Hợp tác"],
    ...                   "match": ["ASEAN"], "right": ["bền vững"]})
    >>> format_kwic(t, width=8)
    ' Hợp tác | ASEAN | bền vững  [a ¶1]'
    """
    if table.empty:
        return "(no occurrences)"
    lines = [f"{row.left:>{width}} | {row.match} | {row.right:<{width}}  "
             f"[{row.doc_id[:12]} ¶{row.paragraph}]" for row in table.itertuples()]
    return "\n".join(lines)


# --- dispersion ------------------------------------------------------------------------------

def positions(corpus: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Where each word or phrase occurs along each analysable article: doc_id, word, index of
    its first word in the article's word sequence, and relative position (0 = start, 1 = end).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (doc_id, tokens, duplicate_of).
    words : iterable of str
        Words or phrases.

    Returns
    -------
    pandas.DataFrame
        doc_id, word, index, relative.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "duplicate_of": [None], "tokens": [["x", "y", "x"]]})
    >>> positions(corpus, ["x"])["relative"].tolist()
    [0.0, 1.0]
    """
    rows = []
    for art in analysable(corpus).itertuples():
        n = len(art.tokens)
        for word in words:
            for i, _ in find_phrase(art.tokens, word):
                rows.append({"doc_id": art.doc_id, "word": word, "index": i,
                             "relative": i / max(n - 1, 1)})
    table = pd.DataFrame(rows, columns=["doc_id", "word", "index", "relative"])
    return table.sort_values(["doc_id", "index", "word"], ignore_index=True)


def dispersion(corpus: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Per word or phrase: total count, articles using it, Juilland's D and Gries's DP across
    the analysable articles (the articles are the parts; sizes in words, ``RATE_BASIS``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (tokens, duplicate_of).
    words : iterable of str
        Words or phrases.

    Returns
    -------
    pandas.DataFrame
        word, count, articles, juilland_d, gries_dp.

    Examples
    --------
    >>> corpus = pd.DataFrame({"duplicate_of": [None, None], "tokens": [["x", "y"], ["x", "y"]]})
    >>> dispersion(corpus, ["x"]).to_dict("records")
    [{'word': 'x', 'count': 2, 'articles': 2, 'juilland_d': 1.0, 'gries_dp': 0.0}]
    """
    rows_ = analysable(corpus)
    sizes = [len(t) for t in rows_["tokens"]]
    out = []
    for word in words:
        freqs = [len(find_phrase(tokens, word)) for tokens in rows_["tokens"]]
        out.append({"word": word, "count": sum(freqs), "articles": sum(f > 0 for f in freqs),
                    "juilland_d": juilland_d(freqs, sizes), "gries_dp": gries_dp(freqs, sizes)})
    return pd.DataFrame(out)


def side_by_side(tables: dict[str, pd.DataFrame], n: int = 15,
                 columns: tuple[str, str] = ("word", "count")) -> pd.DataFrame:
    """The top ``n`` rows of several frequency tables next to each other, one column pair per
    table, prefixed with the table's name: for "before / after" comparisons. Each table is cut
    by ``ranking.top_n`` on ``columns[1]``, ties at the cut kept, so columns may differ in
    length (the shorter padded with NaN).

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        Name -> table.
    n : int
        Rows per table (more when tied at the cut).
    columns : sequence of str
        The columns shown; the second is the one ranked on.

    Returns
    -------
    pandas.DataFrame
        The tables side by side.

    Examples
    --------
    >>> a = pd.DataFrame({"word": ["x", "y", "z"], "count": [3, 2, 2]})
    >>> side_by_side({"A": a}, n=2)["A: word"].tolist()
    ['x', 'y', 'z']
    """
    word, value = columns[0], columns[1]
    parts = [top_n(t, n, value, word=word)[list(columns)].add_prefix(f"{name}: ")
             for name, t in tables.items()]
    return pd.concat(parts, axis=1)


def concordance_text(corpus: pd.DataFrame, terms: Iterable[str], width: int = 45,
                     sort: str | None = "right") -> str:
    """Aligned concordance lines for several terms, each under a heading with its number of
    occurrences: ready to print in a notebook or a terminal.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    terms : iterable of str
        Words or phrases.
    width : int
        Characters of context either side.
    sort : {None, "left", "right"}
        As in ``kwic``.

    Returns
    -------
    str
        The blocks, separated by blank lines.

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> corpus = corpus_from_texts({"a": "Hợp tác ASEAN."})
    >>> print(concordance_text(corpus, ["ASEAN"], width=8))
    == ASEAN: 1 occurrence(s)
     Hợp tác | ASEAN | .         [a ¶1]
    """
    blocks = []
    for term in terms:
        table = kwic(corpus, term, width=width, sort=sort)
        blocks.append(f"== {term}: {len(table)} occurrence(s)\n{format_kwic(table, width)}")
    return "\n\n".join(blocks)
