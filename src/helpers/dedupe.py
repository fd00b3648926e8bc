"""Copies of an article: shingle fingerprints of a text, and which texts copy an earlier one.

Owns the duplicate rule (containment of 5-syllable shingles) and its fast all-pairs count.
Knows nothing of files or tables: ``helpers.pages`` fingerprints each page, ``helpers.corpus``
marks the copies.
"""
from __future__ import annotations

import re
import zlib

import numpy as np
from scipy.sparse import csr_matrix

from .text import normalize_text

__all__ = ["SHINGLE_SIZE", "find_duplicates", "shingle_hashes"]

_WORDLIKE = re.compile(r"\w")
SHINGLE_SIZE = 5


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 5-syllable shingles of ``text`` as sorted 64-bit integers.

    CRC-32 and Adler-32 of the shingle side by side, so the same text gives the same numbers in
    every process and on every machine (Python's own ``hash`` is salted per process). Case and
    line breaks do not matter: a page saved on one line shingles like its copy with breaks.

    Parameters
    ----------
    text : str

    Returns
    -------
    numpy.ndarray
        Sorted, distinct, dtype uint64.

    Examples
    --------
    >>> len(shingle_hashes("một hai ba bốn năm sáu")), len(shingle_hashes(""))
    (2, 0)
    """
    if not text.strip():
        return np.zeros(0, dtype=np.uint64)
    syllables = [s for s in normalize_text(text).casefold().split()
                 if s.isalpha() or _WORDLIKE.search(s)]
    # Sliding windows: the shifted copies are shorter by design, so zip stops at the shortest.
    windows = (zip(*(syllables[k:] for k in range(SHINGLE_SIZE)), strict=False)
               if len(syllables) >= SHINGLE_SIZE else [syllables])
    values = {zlib.crc32(b) | (zlib.adler32(b) << 32)
              for b in (" ".join(w).encode("utf-8") for w in windows)}
    return np.array(sorted(values), dtype=np.uint64)


def find_duplicates(hashes: list[np.ndarray], threshold: float = 0.8) -> list[int | None]:
    """For each text, the index of an earlier text it copies, or None.

    Two texts are copies when at least ``threshold`` of the shingles of the shorter one occur
    in the longer one (containment), so an added caption or a changed byline does not hide a
    copy, while two reports of the same event share far less. Shared shingles are counted for
    all pairs at once with a sparse matrix product, block by block.

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
    n = len(hashes)
    if n == 0:
        return []
    sizes = np.array([len(h) for h in hashes], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    flat = np.concatenate(hashes)
    vocabulary, indices = np.unique(flat, return_inverse=True)
    matrix = csr_matrix((np.ones(len(indices), dtype=np.int32), indices.ravel(), indptr),
                        shape=(n, max(len(vocabulary), 1)))
    transposed = matrix.T.tocsr()
    result: list[int | None] = [None] * n
    block = 256
    for start in range(0, n, block):
        shared = (matrix[start:start + block] @ transposed).tocoo()
        rows, cols, vals = shared.row + start, shared.col, shared.data
        copy = ((cols < rows) & (sizes[rows] > 0)
                & (vals >= threshold * np.minimum(sizes[rows], sizes[cols])))
        rows, cols = rows[copy], cols[copy]
        for j, i in zip(*(a[np.lexsort((cols, rows))] for a in (rows, cols)), strict=True):
            # The earliest earlier text that is itself no copy is the one kept.
            if result[j] is None and result[i] is None:
                result[j] = int(i)
    return result
