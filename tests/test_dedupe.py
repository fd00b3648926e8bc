"""Duplicate detection: the candidate search misses no copy, and a warm load reads the answer."""
import itertools
import os

import numpy as np
import pytest

import helpers
from helpers import dedupe


def _all_pairs(hashes, threshold):
    # The rule itself, over every pair: what find_duplicates must reproduce.
    result = [None] * len(hashes)
    for j, i in sorted((j, i) for i, j in itertools.combinations(range(len(hashes)), 2)):
        shared = len(set(hashes[i].tolist()) & set(hashes[j].tolist()))
        small = min(len(hashes[i]), len(hashes[j]))
        if small and shared >= threshold * small and result[j] is None and result[i] is None:
            result[j] = i
    return result


def _corpus(seed: int, n: int = 60) -> list[np.ndarray]:
    # Texts drawn from a few shared pools, cut, extended and copied, so containment ranges
    # from none to full and many pairs sit near the threshold.
    rng = np.random.default_rng(seed)
    pools = [rng.choice(10_000, size=40, replace=False) for _ in range(6)]
    out = []
    for _ in range(n):
        base = pools[rng.integers(len(pools))]
        keep = base[: rng.integers(0, len(base) + 1)]
        extra = rng.choice(10_000, size=rng.integers(0, 12), replace=False)
        out.append(np.unique(np.concatenate([keep, extra])).astype(np.uint64))
    return out


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.95, 1.0])
@pytest.mark.parametrize("seed", range(6))
def test_find_duplicates_agrees_with_every_pair_compared(seed, threshold):
    hashes = _corpus(seed)
    expected = _all_pairs(hashes, threshold)
    assert sum(e is not None for e in expected) > 0 or threshold == 1.0
    assert dedupe.find_duplicates(hashes, threshold) == expected


def test_shingle_hashes_are_sorted_and_count_each_distinct_shingle_once():
    syllables = ("một hai ba bốn năm " * 4 + "sáu bảy một hai ba bốn năm").split()
    distinct = {tuple(syllables[i:i + 5]) for i in range(len(syllables) - 4)}
    hashes = dedupe.shingle_hashes(" ".join(syllables))
    assert len(hashes) == len(distinct) < len(syllables) - 4   # repeated shingles, once each
    assert (hashes[1:] > hashes[:-1]).all()                       # sorted, no repeats
    assert hashes.dtype == np.uint64


def test_candidate_pairs_stay_few_when_texts_share_common_shingles():
    # 2,000 texts that all share 3 common shingles and otherwise own their own: no pair is a
    # copy, and the rare-first order keeps the common shingles out of the search.
    rng = np.random.default_rng(0)
    common = np.arange(3, dtype=np.uint64)
    hashes = [np.unique(np.concatenate([common, rng.integers(10, 2**62, 60).astype(np.uint64)]))
              for _ in range(2_000)]
    assert len(dedupe.candidate_pairs(hashes, 0.8)) == 0
    assert dedupe.find_duplicates(hashes) == [None] * 2_000


def test_a_warm_load_does_not_search_for_duplicates_again(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    cold = helpers.load_corpus(workers=1)

    def refuse(*args, **kwargs):
        raise AssertionError("searched again")

    monkeypatch.setattr(dedupe, "find_duplicates", refuse)
    warm = helpers.load_corpus(workers=1)
    assert warm["duplicate_of"].tolist() == cold["duplicate_of"].tolist()
    with pytest.raises(AssertionError, match="searched again"):
        helpers.load_corpus(workers=1, cache=False)


def test_a_cold_load_writes_one_cache_entry_per_page(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    corpus = helpers.load_corpus(workers=1)
    entries = {}
    for root, _, files in os.walk(tmp_path / "cache"):
        kind = os.path.relpath(root, tmp_path / "cache").split(os.sep)[0]
        if files:
            entries[kind] = entries.get(kind, 0) + len(files)
    assert entries == {"pages": len(corpus), "duplicates": 1}


@pytest.mark.parametrize("threshold", [0.5, 0.8, 1.0])
def test_candidate_pairs_are_the_same_with_64_bit_numbers_and_hold_every_copy(threshold,
                                                                              monkeypatch):
    hashes = [*_corpus(3), np.zeros(0, dtype=np.uint64), *_corpus(4, n=20)]
    narrow = dedupe.candidate_pairs(hashes, threshold)
    assert narrow.dtype == np.int64 and narrow.shape[1] == 2
    assert (narrow[:, 0] < narrow[:, 1]).all()
    monkeypatch.setattr(dedupe, "_INT32_LIMIT", 0)   # as a corpus of 2**31 shingles would
    assert np.array_equal(dedupe.candidate_pairs(hashes, threshold), narrow)
    # every pair that passes the rule is a candidate
    found = set(map(tuple, narrow.tolist()))
    for i, j in itertools.combinations(range(len(hashes)), 2):
        small = min(len(hashes[i]), len(hashes[j]))
        shared = len(set(hashes[i].tolist()) & set(hashes[j].tolist()))
        if small and shared >= threshold * small:
            assert (i, j) in found


def test_shingle_hashes_are_read_only():
    for text in ("một hai ba bốn năm sáu bảy", ""):
        with pytest.raises(ValueError):
            dedupe.shingle_hashes(text)[:1] = 0
