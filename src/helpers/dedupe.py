"""Copies of an article: shingle fingerprints of a text, and which texts copy an earlier one.

Owns the duplicate rule (containment of 5-syllable shingles), its exact candidate search and
its on-disk cache. Knows nothing of files or tables: ``helpers.pages`` fingerprints each page,
``helpers.corpus`` marks the copies.
"""
from __future__ import annotations

import functools
import hashlib
import re
import zlib

import numpy as np

from .cache import FileCache
from .paths import cache_dir
from .text import normalize_text

__all__ = ["DEDUPE_VERSION", "SHINGLE_SIZE", "candidate_pairs", "find_duplicates",
           "find_duplicates_cached", "shingle_hashes"]

DEDUPE_VERSION = "containment-prefix-2"

_WORDLIKE = re.compile(r"\w")
SHINGLE_SIZE = 5


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 5-syllable shingles of ``text`` as sorted 64-bit integers.

    Each syllable's number is its CRC-32 and Adler-32 side by side; a shingle's number
    combines its five syllables' numbers as a polynomial in ``_SHINGLE_BASE`` modulo 2**64
    (computed for all windows at once). The same text gives the same numbers in every process
    and on every machine (Python's own ``hash`` is salted per process). Case and line breaks
    do not matter: a page saved on one line shingles like its copy with breaks.

    Parameters
    ----------
    text : str

    Returns
    -------
    numpy.ndarray
        Sorted, distinct, dtype uint64, read-only.

    Examples
    --------
    >>> len(shingle_hashes("một hai ba bốn năm sáu")), len(shingle_hashes(""))
    (2, 0)
    >>> bool((shingle_hashes("Một HAI ba\\nbốn năm") == shingle_hashes("một hai ba bốn năm")).all())
    True
    """
    if not text.strip():
        empty = np.zeros(0, dtype=np.uint64)
        empty.flags.writeable = False
        return empty
    syllables = [s for s in normalize_text(text).casefold().split()
                 if s.isalpha() or _WORDLIKE.search(s)]
    ids = np.fromiter(map(_syllable_number, syllables), dtype=np.uint64, count=len(syllables))
    # A text shorter than a shingle is one shingle of all its syllables.
    width = min(SHINGLE_SIZE, len(ids))
    windows = len(ids) - width + 1
    combined = np.zeros(max(windows, 0), dtype=np.uint64)
    for k in range(width):  # wraps modulo 2**64, as intended
        combined = combined * _SHINGLE_BASE + ids[k:k + windows]
    # Sorted, then each value unlike the one before it: what np.unique returns, without the
    # hash table numpy 2.4 builds for it (slower on a page's few hundred numbers; see the
    # commit of this change for the profile).
    combined.sort()
    distinct = np.ones(len(combined), dtype=bool)
    np.not_equal(combined[1:], combined[:-1], out=distinct[1:])
    out = combined[distinct]
    out.flags.writeable = False  # part of a frozen page result
    return out


# An odd 64-bit constant (the golden ratio's fraction): multiplying by it mixes the bits.
_SHINGLE_BASE = np.uint64(0x9E3779B97F4A7C15)


@functools.lru_cache(maxsize=1 << 15)
def _syllable_number(syllable: str) -> int:
    data = syllable.encode("utf-8")
    return zlib.crc32(data) | (zlib.adler32(data) << 32)


def _prefix_lengths(sizes: np.ndarray, threshold: float) -> np.ndarray:
    # A text of m shingles that shares at least threshold * m of them with another keeps at
    # most m - ceil(threshold * m) outside it, so any m - floor(threshold * m) + 1 of its
    # shingles include a shared one (floor: one more than needed, safe against rounding).
    return np.where(sizes > 0, sizes - np.floor(threshold * sizes).astype(np.int64) + 1, 0)


_INT32_LIMIT = 2**31  # text and run numbers below this fit in 32 bits


def candidate_pairs(hashes: list[np.ndarray], threshold: float) -> np.ndarray:
    """Every pair of texts that can be copies under ``threshold``, as rows (earlier, later);
    exact (prefix filtering): no pair that passes the rule is missed.

    Each text's shingles are ordered rarest first across the corpus; a copy must share one of
    the shorter text's first ``m - floor(threshold * m) + 1`` shingles (m: its size) with the
    longer one. Only those rare shingles are looked up, so the work grows with the number of
    texts and the number of real copies, not with the number of pairs.

    Parameters
    ----------
    hashes : list[np.ndarray]
    threshold : float

    Returns
    -------
    np.ndarray

    Examples
    --------
    >>> a = np.array([1, 2, 3, 4, 5], dtype=np.uint64)
    >>> candidate_pairs([a, a[:4], np.array([9], dtype=np.uint64)], 0.8).tolist()
    [[0, 1]]
    """
    n = len(hashes)
    sizes = np.array([len(h) for h in hashes], dtype=np.int64)
    if n < 2 or sizes.sum() == 0:
        return np.zeros((0, 2), dtype=np.int64)
    # The arrays over every shingle of the corpus are few and narrow (32-bit text and run
    # numbers while they fit), each dropped once used: they are most of the search's peak
    # memory, and fresh memory is slow to fault in on some machines (benchmarks/dedupe.json:
    # on the bench's VM the wider arrays' first search took up to 1.2 s, the search itself
    # 0.13 s).
    total = int(sizes.sum())
    index = np.int32 if max(total, n) < _INT32_LIMIT else np.int64
    values = np.concatenate(hashes)
    # One sort groups the entries by shingle: each run is a shingle's postings (the texts
    # holding it), its length how many hold it; the runs are numbered in order (shingle ids).
    by_value = np.argsort(values)
    values = values.take(by_value)
    run_start = np.empty(total, dtype=bool)
    run_start[0] = True
    np.not_equal(values[1:], values[:-1], out=run_start[1:])
    del values
    post_docs = np.repeat(np.arange(n, dtype=index), sizes).take(by_value)
    del by_value
    starts = np.flatnonzero(run_start)
    counts = np.diff(starts, append=total)
    ids: np.ndarray = np.cumsum(run_start, dtype=index)
    np.subtract(ids, 1, out=ids)
    del run_start
    # Rarest first, a text's shingles that no other text holds come first and find nothing:
    # only shared shingles within the rest of its prefix are looked up.
    single = counts == 1
    budget = (_prefix_lengths(sizes, threshold)
              - np.bincount(post_docs[starts[single]], minlength=n))
    look = np.repeat(~single, counts)
    look &= (budget > 0)[post_docs]
    at = np.flatnonzero(look)
    del look
    look_docs, look_ids = post_docs[at], ids[at]
    del ids, at
    look_width = counts[look_ids]
    # Rarest first within each text (ties by shingle id): sort by (text, frequency, id).
    order = np.lexsort((look_ids, look_width, look_docs))
    look_docs, look_ids, look_width = look_docs[order], look_ids[order], look_width[order]
    first = np.concatenate([[0], np.cumsum(np.bincount(look_docs, minlength=n))[:-1]])
    probe = np.arange(len(look_ids)) - first[look_docs] < budget[look_docs]
    probe_docs, probe_ids, width = look_docs[probe], look_ids[probe], look_width[probe]
    offsets = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    short = np.repeat(probe_docs, width)
    other = post_docs[np.repeat(starts[probe_ids], width) + offsets]
    # The probing text must be the shorter one (or equal in size).
    good = (other != short) & (sizes[other] >= sizes[short])
    pairs = np.stack([np.minimum(short, other), np.maximum(short, other)], axis=1)[good]
    return (np.unique(pairs, axis=0).astype(np.int64) if len(pairs)
            else np.zeros((0, 2), dtype=np.int64))


def find_duplicates(hashes: list[np.ndarray], threshold: float = 0.8) -> list[int | None]:
    """For each text, the index of an earlier text it copies, or None.

    Two texts are copies when at least ``threshold`` of the shingles of the shorter one occur
    in the longer one (containment), so an added caption or a changed byline does not hide a
    copy, while two reports of the same event share far less. Only the pairs
    ``candidate_pairs`` finds are compared (exactly), so the time stays close to linear in
    the number of texts. A copy points to the earliest earlier text that is itself no copy.

    Parameters
    ----------
    hashes : list of numpy.ndarray
        ``shingle_hashes`` of each text, in corpus order.
    threshold : float
        The share of the shorter text's shingles that must occur in the other.

    Returns
    -------
    list of int or None

    Examples
    --------
    >>> a = "Sáng 23/12 Hội nghị Ngoại giao lần thứ 32 đã bế mạc sau 5 ngày làm việc"
    >>> texts = [a, a + " Ảnh: TTXVN", "Hội nghị Ngoại giao lần thứ 31 đã bế mạc"]
    >>> find_duplicates([shingle_hashes(t) for t in texts])
    [None, 0, None]
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    result: list[int | None] = [None] * len(hashes)
    copies = []
    for i, j in candidate_pairs(hashes, threshold).tolist():
        shared = len(np.intersect1d(hashes[i], hashes[j], assume_unique=True))
        if shared >= threshold * min(len(hashes[i]), len(hashes[j])):
            copies.append((j, i))
    for j, i in sorted(copies):
        if result[j] is None and result[i] is None:
            result[j] = i
    return result


def find_duplicates_cached(hashes: list[np.ndarray], threshold: float = 0.8,
                           cache: bool = True) -> list[int | None]:
    """``find_duplicates`` kept on disk, keyed by every text's shingles in order and the
    threshold, so a warm load of an unchanged corpus reads the answer instead of searching.

    Parameters
    ----------
    hashes : list[np.ndarray]
    threshold : float, optional
    cache : bool, optional

    Returns
    -------
    list[int | None]

    Examples
    --------
    >>> texts = ["một hai ba bốn năm sáu", "một hai ba bốn năm sáu bảy"]
    >>> find_duplicates_cached([shingle_hashes(t) for t in texts], cache=False)
    [None, 0]
    """
    if not cache:
        return find_duplicates(hashes, threshold)
    store = FileCache(cache_dir() / "duplicates")
    digest = hashlib.sha256(repr(threshold).encode("ascii"))
    for h in hashes:
        digest.update(len(h).to_bytes(8, "little") + np.ascontiguousarray(h, np.uint64).tobytes())
    key = store.key([digest.hexdigest()], DEDUPE_VERSION)
    found = store.get(key)
    if isinstance(found, list) and len(found) == len(hashes):
        return found
    result = find_duplicates(hashes, threshold)
    store.put(key, result)
    return result
