"""Exact, fast re-implementation of ``underthesea.word_tokenize`` (Vietnamese word segmentation):
the same words, byte for byte, for the verified underthesea / underthesea_core versions. Owns
segmentation only; does not clean, case-fold or cache results on disk (``text`` does). The
tables it builds from underthesea's model files are kept in the cache folder (``segmenter/``),
so that a new process reads them back instead of building them again."""
# How it stays identical (issue 13); each step mirrors underthesea's own code:
#
# 1. Text is normalized with underthesea's ``normalize_characters_in_text`` and split on
#    whitespace. underthesea's own token regex, ``extract_match`` and ``token_normalize`` run
#    once per distinct chunk (cached); a letters-only chunk is one token without the regex
#    (``_one_word`` says when). No alternative of the regex consumes whitespace except
#    ``Th.S``/``Th.s`` (an unescaped dot): a text where "Th", one whitespace character other
#    than a newline and "S"/"s" meet is tokenized by running the regex over the whole text.
#    ``[A-ZĐ]+\.(?!$)`` depends on what follows the last chunk, so a chunk that ends the text
#    (``$`` matches after it) is tokenized as ending it.
# 2. The CRFsuite model file is read as underthesea_core's Rust loader reads it: attribute ids
#    in backward-link order (first insertion wins), state weights with |w| <= 1e-10 dropped
#    (last write wins), transitions stored as written.
# 3. Features of one token (the token, lower, isdigit, istitle, is_in_dict) are computed once
#    per token type by underthesea_core's own CRFFeaturizer. 2- and 3-token window features
#    and the dictionary's multi-syllable entries are matched as integer keys (one code per
#    window of syllable ids, found in a hash table) against the model's attribute table;
#    ``istitle`` of a window is the AND of its tokens'. Positions near a token holding a space
#    (fixed words, or "Th S") get their features from the real featurizer.
# 4. Emission scores are summed in the model's template order from 0.0, as Rust adds them, so
#    every float is equal; Viterbi keeps the first best previous label (strict ``>``), one
#    text at a time for a few texts, many texts in lock-step for a batch.
#
# When the installed versions differ from the verified ones, or the model files are not in the
# form reproduced here, every call goes to underthesea itself (one warning). underthesea's
# ``fixed_words`` replaces its module-level regex for all later calls; here ``fixed_words``
# applies to one call only (fixed words other than plain words separated by single spaces go
# to underthesea, whose module-level regex is restored afterwards).
from __future__ import annotations

import hashlib
import importlib.metadata
import re
import struct
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path

import joblib
import numpy as np
import underthesea
from underthesea.pipeline.word_tokenize import regex_tokenize as _rt
from underthesea_core import CRFFeaturizer

from .cache import FileCache
from .gcpause import paused_gc
from .paths import cache_dir

__all__ = ["BATCH_SIZE", "backend", "clear_caches", "word_tokenize", "word_tokenize_many"]

#: The versions this module was verified against (equality suite in tests/test_segmenter.py).
VERIFIED_VERSIONS = {"underthesea": "9.5.0", "underthesea_core": "3.3.2"}
#: Paragraphs segmented together by ``word_tokenize_many`` (bounds memory: a batch of 1,000
#: bench paragraphs peaks at 34 MB allocated, its words included; benchmarks/segmenter.json).
BATCH_SIZE = 1000
_MODEL_DIR = Path(_rt.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
_INSIDE_LABEL = "I-W"
# Caches are dropped and rebuilt beyond this many token types (a corpus of news has tens of
# thousands): each holds about 600 bytes of arrays (its 23 attribute ids and their weights)
# besides its string and chunks, and the arrays grow to this many at most, or to what one batch
# needs beyond it.
_MAX_TYPES = 200_000
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_PLAIN_FIXED_WORD = re.compile(r"\w+(?: \w+)*")
# "Th.S" and "Th.s" in underthesea's abbreviations have an unescaped dot, which matches whitespace.
_CROSSES_WHITESPACE = re.compile(r"Th[^\S\n][Ss]")
_UNIGRAM_PROBES = ("T[0]", "T[0].lower", "T[0].isdigit", "T[0].istitle", "T[0].is_in_dict")
_FUNCTION_PROBE = {None: 0, "lower": 1, "isdigit": 2, "istitle": 3, "is_in_dict": 4}
_PYTHON_VITERBI_MAX_TEXTS = 24  # below this many texts, a plain loop beats numpy lock-step


class UnsupportedModel(RuntimeError):
    """The model files are not in the form this module reproduces exactly."""


def installed_versions() -> dict[str, str]:
    """Installed versions of underthesea and underthesea_core.

    Returns
    -------
    dict
        ``{"underthesea": ..., "underthesea_core": ...}``.

    Examples
    --------
    >>> sorted(installed_versions())
    ['underthesea', 'underthesea_core']
    """
    return {name: importlib.metadata.version(name) for name in VERIFIED_VERSIONS}


# --------------------------------------------------------------------------- model file


@dataclass(frozen=True)
class _Model:
    labels: list[str]
    attr_index: dict[str, int]
    weights: np.ndarray  # (n_attributes + 1, n_labels); the last row (id -1) is all zeros
    transitions: np.ndarray  # (n_labels, n_labels)


def _read_cqdb_strings(data: bytes, start: int, count: int, path: Path) -> list[str]:
    """Strings of one CQDB block, in backward-link order (empty slots skipped)."""
    if data[start:start + 4] != b"CQDB":
        raise UnsupportedModel(f"{path}: no CQDB block at offset {start}")
    bwd_size, bwd_offset = struct.unpack_from("<II", data, start + 16)
    n = min(count, bwd_size)
    offsets = struct.unpack_from(f"<{n}I", data, start + bwd_offset)
    out = []
    for entry in offsets:
        if entry == 0:
            continue
        (ksize,) = struct.unpack_from("<I", data, start + entry + 4)
        key = data[start + entry + 8:start + entry + 8 + ksize].split(b"\0", 1)[0]
        try:
            out.append(key.decode("utf-8"))
        except UnicodeDecodeError as err:  # Rust would substitute U+FFFD: not reproduced
            raise UnsupportedModel(f"{path}: attribute is not UTF-8 at {entry}") from err
    return out


def _insertion_index(strings: list[str]) -> dict[str, int]:
    """string -> id as Rust's ``get_or_insert`` assigns them (first occurrence wins)."""
    index: dict[str, int] = {}
    for s in strings:
        index.setdefault(s, len(index))
    return index


def _state_weights(feats: np.ndarray, n_attrs: int, n_labels: int) -> np.ndarray:
    """(n_attrs + 1, n_labels) weights: last write per (attribute, label) wins, |w| <= 1e-10
    removes, entries outside the tables are never read by the tagger."""
    state = feats[feats["type"] == 0]
    weights = np.zeros((n_attrs + 1, n_labels))
    if len(state) == 0:
        return weights
    key = state["src"].astype(np.int64) * (2**32) + state["dst"].astype(np.int64)
    # last occurrence of each key: unique over the reversed array
    _, first_in_reversed = np.unique(key[::-1], return_index=True)
    last = state[len(state) - 1 - first_in_reversed]
    keep = (np.abs(last["w"]) > 1e-10) & (last["src"] < n_attrs) & (last["dst"] < n_labels)
    last = last[keep]
    weights[last["src"].astype(np.int64), last["dst"].astype(np.int64)] = last["w"]
    return weights


def _read_model(path: Path) -> _Model:
    """Read a CRFsuite model file as underthesea_core's loader does."""
    data = path.read_bytes()
    if data[:4] != b"lCRF":
        raise UnsupportedModel(f"{path}: not a CRFsuite model (magic {data[:4]!r})")
    (num_features, num_labels, num_attrs, off_features, off_labels,
     off_attrs) = struct.unpack_from("<6I", data, 16)
    labels = list(_insertion_index(_read_cqdb_strings(data, off_labels, num_labels, path)))
    attr_index = _insertion_index(_read_cqdb_strings(data, off_attrs, num_attrs, path))
    if data[off_features:off_features + 4] != b"FEAT":
        raise UnsupportedModel(f"{path}: no FEAT chunk at offset {off_features}")
    (chunk_count,) = struct.unpack_from("<I", data, off_features + 8)
    count = chunk_count if chunk_count > 0 else num_features
    dtype = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])
    feats = np.frombuffer(data, dtype=dtype, count=count, offset=off_features + 12)
    n_labels = len(labels)
    transitions = np.zeros(n_labels * n_labels)
    for f in feats[feats["type"] == 1]:
        idx = int(f["src"]) * n_labels + int(f["dst"])
        if idx < len(transitions):
            transitions[idx] = f["w"]
    weights = _state_weights(feats, len(attr_index), n_labels)
    return _Model(labels, attr_index, weights, transitions.reshape(n_labels, n_labels))


# --------------------------------------------------------------------------- feature tables


@dataclass(frozen=True)
class _Template:
    syntax: str
    lo: int
    hi: int  # == lo for one-token templates
    function: str | None
    bos: int
    eos: int


def _parse_templates(configs: list[str], attr_index: dict[str, int]) -> list[_Template]:
    out = []
    for syntax in configs:
        m = _TEMPLATE.fullmatch(syntax)
        if m is None:
            raise UnsupportedModel(f"{_MODEL_DIR}: unsupported feature template {syntax!r}")
        lo = int(m.group(1))
        hi = lo if m.group(2) is None else int(m.group(2))
        function = m.group(3)
        if hi - lo not in ((0, 1, 2) if function != "isdigit" else (0,)):
            raise UnsupportedModel(f"{_MODEL_DIR}: unsupported feature template {syntax!r}")
        bos = attr_index.get(syntax + "=BOS", -1)
        eos = attr_index.get(syntax + "=EOS", -1)
        out.append(_Template(syntax, lo, hi, function, bos, eos))
    return out


def _window_keys(values, n: int, vocab: dict[str, int]) -> list[tuple[int, ...] | None]:
    """Piece-id tuples of the values that split into exactly ``n`` non-empty pieces."""
    keys: list[tuple[int, ...] | None] = []
    for value in values:
        pieces = value.split(" ")
        if len(pieces) == n and all(pieces):
            keys.append(tuple(vocab.setdefault(p, len(vocab)) for p in pieces))
        else:
            keys.append(None)
    return keys


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIXER = np.uint64(0xD6E8FEB86659FD93)  # another odd constant: a second hash for the filter


class _CodeTable:
    """Open-addressing hash table (linear probing) from window codes to their row in the
    sorted code array: a vectorized exact lookup, faster than ``np.searchsorted`` on
    unsorted queries. A key sits at most ``probes - 1`` slots after its hash, and every slot
    in between is taken, so a lookup stops at the key, at an empty slot or after ``probes``.
    A bit filter in front of it answers most queries, which are not keys, alone."""

    # Slots probed one at a time for every code; the few codes still unresolved after them
    # probe all their remaining slots in one 2-D step, instead of a dozen more rounds of small
    # array operations for a handful of stragglers.
    STEPWISE_PROBES = 2
    BLOCK = 1 << 20  # slots looked at per 2-D step at most (a table with long runs stays small)
    FILTER_BITS = 21  # 256 kB of filter bits: they stay in the CPU's cache

    def __init__(self, codes: np.ndarray, rows: np.ndarray) -> None:
        size = 1 << max(4, (2 * len(codes)).bit_length())
        self.shift = np.uint64(64 - (size.bit_length() - 1))
        self.mask = size - 1
        self.keys = np.full(size, -1, dtype=np.int64)
        self.rows = np.zeros(size, dtype=np.int64)
        home = self._hash(codes)
        pending = np.arange(len(codes))
        self.probes = 0
        while len(pending):
            slot = (home[pending] + self.probes) & self.mask
            free = np.flatnonzero(self.keys[slot] == -1)
            taken, first = np.unique(slot[free], return_index=True)
            self.keys[taken] = codes[pending[free[first]]]
            self.rows[taken] = rows[pending[free[first]]]
            placed = np.zeros(len(pending), dtype=bool)
            placed[free[first]] = True
            pending = pending[~placed]
            self.probes += 1
        # One bit per value of a second hash, set for every key: most queries (windows of a
        # text) are not keys, and a clear bit rules a query out.
        self.filter_shift = np.uint64(64 - self.FILTER_BITS)
        bits = self._filter_hash(codes)
        self.filter = np.zeros(1 << (self.FILTER_BITS - 3), dtype=np.uint8)
        np.bitwise_or.at(self.filter, bits >> 3, np.left_shift(1, bits & 7).astype(np.uint8))

    def _hash(self, codes: np.ndarray) -> np.ndarray:
        return ((codes.astype(np.uint64) * _GOLDEN) >> self.shift).astype(np.int64)

    def _filter_hash(self, codes: np.ndarray) -> np.ndarray:
        return ((codes.astype(np.uint64) * _MIXER) >> self.filter_shift).astype(np.int64)

    def find(self, codes: np.ndarray) -> np.ndarray:
        """Row of each code, or -1."""
        bits = self._filter_hash(codes)
        maybe = np.flatnonzero((self.filter.take(bits >> 3) >> (bits & 7).astype(np.uint8)) & 1)
        out = np.full(len(codes), -1, dtype=np.int64)
        out[maybe] = self._probe(codes.take(maybe))
        return out

    def _probe(self, codes: np.ndarray) -> np.ndarray:
        """Row of each code, or -1, from the table alone."""
        out = np.full(len(codes), -1, dtype=np.int64)
        home = self._hash(codes)
        todo = np.arange(len(codes))
        for probe in range(min(self.STEPWISE_PROBES, self.probes)):
            if not len(todo):
                return out
            slot = (home[todo] + probe) & self.mask
            key = self.keys.take(slot)
            hit = key == codes.take(todo)
            out[todo[hit]] = self.rows.take(slot[hit])
            todo = todo[~hit & (key != -1)]
        offsets = np.arange(self.STEPWISE_PROBES, self.probes)
        rows_at_once = max(1, self.BLOCK // max(1, len(offsets)))
        for start in range(0, len(todo) if len(offsets) else 0, rows_at_once):
            part = todo[start:start + rows_at_once]
            # The search for a code ends at its key or at the first empty slot, as above.
            slots = (home[part][:, None] + offsets) & self.mask
            keys = self.keys.take(slots)
            hit = keys == codes.take(part)[:, None]
            first = (hit | (keys == -1)).argmax(axis=1)   # 0 also when no slot ends it ...
            found = hit[np.arange(len(part)), first]        # ... which is then not a hit
            out[part[found]] = self.rows.take(slots[found, first[found]])
        return out


class _ChunkIds(dict[str, list[int]]):
    """Token type ids of each whitespace chunk. A chunk not seen yet is tokenized on its first
    lookup, by ``tokenize`` (the tokenizer's), so a text's chunks are read in one pass."""

    tokenize: Callable[[str], list[int]]

    def __missing__(self, key: str) -> list[int]:
        ids = self[key] = self.tokenize(key)
        return ids


# What ``_Tables`` keeps in the cache folder: what it builds from the model files, about 0.45 s
# of a new process's first segmentation (reading them back takes about 0.05 s; the
# featurizers, which cannot be pickled, and the hash table of windows are made again from
# them). ``benchmarks/README.md``, *The segmenter's tables*.
_STORED = ("model", "configs", "dictionary", "templates", "span", "inside", "vocab",
           "by_syntax", "radix", "grams", "gram_columns")
_MODEL_FILES = ("models.bin", "features.bin", "dictionary.bin")


def _source_digest() -> bytes | None:
    """A digest of this module's source, None when it cannot be read (installed without it)."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).digest()
    except OSError:
        return None


# This module's source as it was imported: tables built by the code that runs must not go under
# the key of a later edit of the file (a checkout while a notebook's kernel runs, which builds
# its tables only at its first segmentation).
_SOURCE_DIGEST = _source_digest()


def _tables_key(store: FileCache) -> str | None:
    """The key of the tables in ``store``: the model files' bytes and this module's source as
    imported (a change to how the tables are built or read changes it), under the versions of
    Python and numpy that pickled them; None when either cannot be read (the tables are then
    built and not stored; building says what is missing)."""
    if _SOURCE_DIGEST is None:
        return None
    try:
        models = [(_MODEL_DIR / name).read_bytes() for name in _MODEL_FILES]
    except OSError:
        return None
    return store.key([_SOURCE_DIGEST, *models],
                     f"tables python {sys.version_info[:2]} numpy {np.__version__}")


def _tables_store() -> FileCache:
    """Where the tables are kept: ``segmenter/`` in the cache folder (``paths.cache_dir``), a
    store that says nothing when it cannot write: the tables only save time, and a load with
    ``cache=False`` uses it all the same."""
    return FileCache(cache_dir() / "segmenter", codec="pickle", warn=False)


class _Tables:
    """Model, templates, integer window tables and the per-token-type feature cache."""

    def __init__(self, store: FileCache | None = None) -> None:
        """The tables of the installed model: read back from ``store`` when it holds them for
        these model files and this module, else built and put there (``_STORED``; a store
        that cannot be written to is left as it is, as is every store when this module's source
        or the model files cannot be read for the key)."""
        key = None if store is None else _tables_key(store)
        stored = None if store is None or key is None else store.get(key)
        if isinstance(stored, dict) and stored.keys() == set(_STORED):
            vars(self).update(stored)
        else:
            self._build()
            if store is not None and key is not None:
                store.put(key, {name: getattr(self, name) for name in _STORED})
        self.featurizer = CRFFeaturizer(self.configs, self.dictionary)
        self.probe = CRFFeaturizer(list(_UNIGRAM_PROBES), self.dictionary)
        self._merge_window_tables()
        self.chunk_ids = _ChunkIds()
        self.clear()

    def _build(self) -> None:
        """The ``_STORED`` attributes, from the model files."""
        self.model = _read_model(_MODEL_DIR / "models.bin")
        self.configs: list[str] = joblib.load(_MODEL_DIR / "features.bin")
        self.dictionary = joblib.load(_MODEL_DIR / "dictionary.bin")
        self.templates = _parse_templates(self.configs, self.model.attr_index)
        self.span = max(max(abs(t.lo), abs(t.hi)) for t in self.templates)
        self.inside = (self.model.labels.index(_INSIDE_LABEL)
                       if _INSIDE_LABEL in self.model.labels else -1)
        self.vocab: dict[str, int] = {}
        self._build_window_tables()

    def _build_window_tables(self) -> None:
        """Integer tables of the n-token windows. For each (pieces, n): the sorted window codes;
        for each window template, an array over those codes of its attribute id, followed by
        three entries: no such window, BOS, EOS (``_NONE``, ``_BOS``, ``_EOS`` from the end)."""
        by_syntax: dict[str, dict[str, int]] = {}
        for attr, aid in self.model.attr_index.items():
            syntax, sep, value = attr.partition("=")
            if sep:
                by_syntax.setdefault(syntax, {})[value] = aid
        self.by_syntax = by_syntax
        found: dict[tuple[str, int], dict[tuple[int, ...], dict]] = {}
        for t in self.templates:
            n = t.hi - t.lo + 1
            if n > 1 and t.function in (None, "lower"):
                values = list(by_syntax.get(t.syntax, {}).items())
                table = found.setdefault(("raw" if t.function is None else "low", n), {})
                for key, (_, aid) in zip(_window_keys([v for v, _ in values], n, self.vocab),
                                         values, strict=False):
                    if key:
                        table.setdefault(key, {})[t.syntax] = aid
        entries = list(self.dictionary)
        for n in (2, 3):
            table = found.setdefault(("low", n), {})
            for key in _window_keys(entries, n, self.vocab):
                if key:
                    table.setdefault(key, {})["<dict>"] = 1
        self.radix = len(self.vocab) + 1
        self.grams = {}
        self.gram_columns = {}
        for where, table in found.items():
            keys = sorted(table, key=self._encode)
            self.grams[where] = np.array([self._encode(k) for k in keys], dtype=np.int64)
            for t in self.templates:
                if t.hi - t.lo + 1 != where[1] or t.function in ("isdigit", "istitle"):
                    continue
                if t.function == "is_in_dict" and where[0] == "low":
                    true = by_syntax.get(t.syntax, {}).get("True", -1)
                    false = by_syntax.get(t.syntax, {}).get("False", -1)
                    ids = [true if "<dict>" in table[k] else false for k in keys] + [false]
                elif (t.function is None) == (where[0] == "raw") and t.function != "is_in_dict":
                    ids = [table[k].get(t.syntax, -1) for k in keys] + [-1]
                else:
                    continue
                self.gram_columns[t.syntax] = (where, np.array([*ids, t.bos, t.eos],
                                                               dtype=np.int64))

    def _merge_window_tables(self) -> None:
        """One hash table for every kind of window (code * 4 + kind), and the plan: for each
        template, in the model's order, where its attribute ids come from
        (``_template_sources``)."""
        self.wheres = sorted(self.grams)
        tagged = [self.grams[w] * 4 + i for i, w in enumerate(self.wheres)]
        local = [np.arange(len(self.grams[w]), dtype=np.int64) for w in self.wheres]
        self.lookup = _CodeTable(np.concatenate(tagged), np.concatenate(local))
        unigrams = [j for j, t in enumerate(self.templates) if t.hi == t.lo]
        # (kind, row of uni_by_template or index in wheres, a window template's column of
        # attribute ids and their weights)
        self.plan: list[tuple[str, int, np.ndarray | None, np.ndarray | None]] = []
        for j, t in enumerate(self.templates):
            if t.hi == t.lo:
                self.plan.append(("unigram", unigrams.index(j), None, None))
            elif t.syntax in self.gram_columns:
                where, column = self.gram_columns[t.syntax]
                self.plan.append(("window", self.wheres.index(where), column,
                                  self.model.weights.take(column, axis=0)))
            elif t.function == "istitle":
                self.plan.append(("title", -1, None, None))
            else:
                raise UnsupportedModel(f"{_MODEL_DIR}: feature template {t.syntax!r} not "
                                       "reproduced")

    def _encode(self, key: tuple[int, ...]) -> int:
        code = 0
        for piece in key:
            code = code * self.radix + piece
        return code

    def clear(self) -> None:
        """Forget every token type and chunk (the model tables stay)."""
        self.type_of: dict[str, int] = {}
        self.type_strings: list[str] = ["<BOS>", "<EOS>"]  # _BOS_TYPE, _EOS_TYPE
        self.pending: list[str] = []
        self.n_types = 2
        n_uni = sum(1 for t in self.templates if t.hi == t.lo)
        self.uni_by_template = np.zeros((n_uni, 1024), dtype=np.int64)
        unigrams = [t for t in self.templates if t.hi == t.lo]
        self.uni_by_template[:, _BOS_TYPE] = [t.bos for t in unigrams]
        self.uni_by_template[:, _EOS_TYPE] = [t.eos for t in unigrams]
        # the weights of those attributes, per template and type: one gather per template
        self.uni_weights = self.model.weights.take(self.uni_by_template, axis=0)
        self.raw_piece = np.full(1024, -1, dtype=np.int64)
        self.low_piece = np.full(1024, -1, dtype=np.int64)
        self.title = np.zeros(1024, dtype=bool)
        self.spaced = np.zeros(1024, dtype=bool)
        self.chunk_ids.clear()

    def type_id(self, token: str) -> int:
        tid = self.type_of.get(token)
        if tid is None:
            tid = self.type_of[token] = len(self.type_strings)
            self.type_strings.append(token)
            self.pending.append(token)
        return tid

    def _reserve(self, count: int) -> None:
        """Room for ``count`` token types in the per-type arrays (capacity doubles)."""
        if count <= len(self.raw_piece):
            return
        size = max(count, min(2 * len(self.raw_piece), _MAX_TYPES))
        for name in ("raw_piece", "low_piece", "title", "spaced"):
            old = getattr(self, name)
            grown = np.zeros(size, dtype=old.dtype)
            grown[:len(old)] = old
            setattr(self, name, grown)
        for name in ("uni_by_template", "uni_weights"):
            old = getattr(self, name)
            grown = np.zeros((len(old), size, *old.shape[2:]), dtype=old.dtype)
            grown[:, :old.shape[1]] = old
            setattr(self, name, grown)

    def featurize_pending(self) -> None:
        """Per-type features of the new token types, from underthesea_core's featurizer."""
        if not self.pending:
            return
        new, self.pending = self.pending, []
        probes = self.probe.process([[[tok]] for tok in new])
        values = [[f.partition("=")[2] for f in sent[0]] for sent in probes]
        lookups = [(self.by_syntax.get(t.syntax, {}).get, _FUNCTION_PROBE[t.function])
                   for t in self.templates if t.hi == t.lo]
        uni = [[get(v[col], -1) for get, col in lookups] for v in values]
        lo, hi = self.n_types, self.n_types + len(new)
        self._reserve(hi)
        self.uni_by_template[:, lo:hi] = np.array(uni, dtype=np.int64).reshape(len(new), -1).T
        self.uni_weights[:, lo:hi] = self.model.weights.take(self.uni_by_template[:, lo:hi],
                                                             axis=0)
        self.raw_piece[lo:hi] = [self.vocab.get(tok, -1) for tok in new]
        self.low_piece[lo:hi] = [self.vocab.get(v[1], -1) for v in values]
        self.title[lo:hi] = [v[3] == "True" for v in values]
        self.spaced[lo:hi] = [" " in tok or " " in v[1] or not tok
                              for tok, v in zip(new, values, strict=False)]
        self.n_types = hi

    def exact_attr_ids(self, tokens: list[str], position: int) -> list[int]:
        """Attribute ids of one position from the real featurizer (known ones, in order)."""
        lo = max(0, position - self.span)
        window = [[tok] for tok in tokens[lo:position + self.span + 1]]
        features = self.featurizer.process([window])[0][position - lo]
        index = self.model.attr_index
        return [index[f] for f in features if f in index]


# --------------------------------------------------------------------------- emissions


_BOS_TYPE, _EOS_TYPE = 0, 1  # pseudo token types standing for positions outside the text
_NONE, _BOS, _EOS = -3, -2, -1  # the last three entries of a window template's column


class _Layout:
    """Token arrays of a batch, padded: each text's tokens with ``span`` positions of pseudo
    type BOS before them and ``span`` of EOS after, texts one after another. Token t + k of a
    text (|k| <= span) is then position p + k, or a pad of that text's own: a feature at offset
    k is a shifted slice of a per-position array (``at``), not a gather, and the BOS / EOS rules
    are which pads a window touches. Scores are computed over ``span:-span`` of the padded
    positions; ``real`` maps each token to its padded position."""

    def __init__(self, type_ids: list[int], lengths: list[int], span: int) -> None:
        self.span = span
        self.lengths = np.array(lengths, dtype=np.int64)
        self.n = int(self.lengths.sum())
        self.starts = np.cumsum(self.lengths) - self.lengths  # of each text, unpadded
        first = self.starts + span * (2 * np.arange(len(self.lengths)) + 1)  # padded
        self.size = self.n + 2 * span * len(self.lengths)
        self.real = np.arange(self.n, dtype=np.int64) + np.repeat(first - self.starts,
                                                                  self.lengths)
        self.types = np.full(self.size, _EOS_TYPE, dtype=np.int64)
        self.before = np.zeros(self.size, dtype=bool)  # the BOS pads
        before = (first[:, None] - np.arange(1, span + 1)).ravel()
        self.types[before] = _BOS_TYPE
        self.before[before] = True
        self.types[self.real] = type_ids
        self.after = self.types == _EOS_TYPE  # the EOS pads (no token has type _EOS_TYPE)
        self.after[self.real] = False

    def at(self, values: np.ndarray, k: int) -> np.ndarray:
        """``values`` (one per padded position) at p + k, for each computed position p."""
        return values[self.span + k:self.size - self.span + k]

    def window_rows(self, tables: _Tables) -> list[np.ndarray]:
        """For each kind of window (``tables.wheres``), per padded position p: the row of the
        window of that kind starting at p in its template columns; ``_NONE`` when the model
        and the dictionary do not know it, ``_BOS`` when p is before the text, else ``_EOS``
        when the window runs past its end (as Rust)."""
        size = self.size
        codes, where = [], []
        for kind in ("raw", "low"):
            pieces = np.empty(size + 2, dtype=np.int64)  # two more: no piece past the end
            (tables.raw_piece if kind == "raw" else tables.low_piece).take(self.types,
                                                                            out=pieces[:size])
            pieces[size:] = -1
            code, known = pieces[:size], pieces[:size] >= 0  # pads have no piece
            for n in (2, 3):
                nxt = pieces[n - 1:n - 1 + size]
                code = code * tables.radix + nxt
                known &= nxt >= 0
                if (kind, n) in tables.grams:
                    w = tables.wheres.index((kind, n))
                    at = np.flatnonzero(known)
                    codes.append(code.take(at) * 4 + w)
                    where.append((w, n, at))
        found = (tables.lookup.find(np.concatenate(codes)) if codes
                 else np.empty(0, dtype=np.int64))
        after, before = np.flatnonzero(self.after), np.flatnonzero(self.before)
        out: list[np.ndarray] = [np.empty(0, dtype=np.int64)] * len(tables.wheres)
        done = 0
        for w, n, at in where:
            rows_of = len(tables.grams[tables.wheres[w]]) + 3
            rows = found[done:done + len(at)]
            done += len(at)
            hit = rows >= 0
            out[w] = np.full(size, rows_of + _NONE, dtype=np.int64)
            out[w][at[hit]] = rows[hit]
            out[w][(after[:, None] - np.arange(n)).ravel()] = rows_of + _EOS  # ends past it
            out[w][before] = rows_of + _BOS  # before the text wins, as in Rust
        return out


def _template_sources(tables: _Tables, lay: _Layout,
                      weights: bool = False) -> list[tuple[np.ndarray, np.ndarray, int]]:
    """For each template, in the model's order, ``(table, values, k)``: its attribute ids at
    the computed positions are ``table.take(lay.at(values, k))`` (-1: not in the model), or
    with ``weights`` the weights of those attributes (``table.take(..., axis=0)``)."""
    windows = lay.window_rows(tables)
    index = tables.model.attr_index
    title = tables.title.take(lay.types)  # for the istitle window templates
    out = []
    for (kind, row, column, column_weights), t in zip(tables.plan, tables.templates,
                                                      strict=True):
        if kind == "unigram":
            out.append((tables.uni_weights[row] if weights else tables.uni_by_template[row],
                        lay.types, t.lo))
        elif column is not None and column_weights is not None:  # a window
            out.append((column_weights if weights else column, windows[row], t.lo))
        else:  # istitle of a window: AND of its tokens', unless it touches a pad
            span = range(t.lo, t.hi + 1)
            both = np.logical_and.reduce([lay.at(title, k) for k in span])
            past_end = np.logical_or.reduce([lay.at(lay.after, k) for k in span])
            code = np.where(lay.at(lay.before, t.lo), 0, np.where(past_end, 1, 2 + both))
            table = np.array([t.bos, t.eos, index.get(t.syntax + "=False", -1),
                              index.get(t.syntax + "=True", -1)], dtype=np.int64)
            if weights:
                table = tables.model.weights.take(table, axis=0)
            # padded like the other values, so that the same shift reads it
            out.append((table, np.pad(code, lay.span), 0))
    return out


def _attribute_matrix(tables: _Tables, lay: _Layout) -> np.ndarray:
    """(n_templates, n_tokens) attribute ids in template order; -1 where the feature is not in
    the model (the integer path only: positions near a spaced token are patched later)."""
    rows = lay.real - lay.span
    return np.array([table.take(lay.at(values, k)).take(rows)
                     for table, values, k in _template_sources(tables, lay)], dtype=np.int64)


_SUM_BLOCK = 16384  # positions summed together: the partial sums stay in the CPU's cache


def _emissions(tables: _Tables, lay: _Layout, tokens: list[str]) -> np.ndarray:
    """(n_tokens, n_labels) emission scores, summed in template order from 0.0 like Rust."""
    weights = tables.model.weights
    sources = _template_sources(tables, lay, weights=True)
    n = lay.size - 2 * lay.span
    scores = np.zeros((n, weights.shape[1]))
    for start in range(0, n, _SUM_BLOCK):
        block = scores[start:start + _SUM_BLOCK]
        lo, hi = lay.span + start, lay.span + start + len(block)
        for table, values, k in sources:
            block += table.take(values[lo + k:hi + k], axis=0)
    scores = scores.take(lay.real - lay.span, axis=0)
    _patch_spaced(tables, lay, tokens, scores)
    return scores


def _patch_spaced(tables: _Tables, lay: _Layout, tokens: list[str], scores: np.ndarray) -> None:
    """Positions within the template span of a token holding a space: real featurizer."""
    spaced = tables.spaced.take(lay.types)  # pads are not spaced
    if not spaced.any():
        return
    near = np.logical_or.reduce([lay.at(spaced, k) for k in range(-tables.span,
                                                                   tables.span + 1)])
    weights = tables.model.weights
    for i in np.flatnonzero(near.take(lay.real - lay.span)).tolist():
        text = int(np.searchsorted(lay.starts, i, side="right")) - 1  # empty texts before it
        start = int(lay.starts[text])
        row = np.zeros(weights.shape[1])
        for aid in tables.exact_attr_ids(tokens[start:start + int(lay.lengths[text])],
                                         i - start):
            row += weights[aid]
        scores[i] = row


# --------------------------------------------------------------------------- Viterbi


def _viterbi_loop(scores: np.ndarray, trans: np.ndarray, starts, lengths) -> list[int]:
    """Two-label Viterbi, one text at a time, same steps and ties as underthesea_core. The
    back pointers of a step are packed in one int: bit y holds the best previous label of y."""
    (t00, t01), (t10, t11) = trans.tolist()
    rows = scores.tolist()
    labels: list[int] = []
    for start, length in zip(starts, lengths, strict=False):
        if length == 0:
            continue
        steps = iter(rows[start:start + length])
        p0, p1 = next(steps)
        back: list[int] = []
        keep = back.append
        for e0, e1 in steps:
            a, b = p0 + t00, p1 + t10
            if b > a:
                n0, k = b + e0, 1
            else:
                n0, k = a + e0, 0
            a, b = p0 + t01, p1 + t11
            if b > a:
                p1, k = b + e1, k | 2
            else:
                p1 = a + e1
            p0 = n0
            keep(k)
        y = 1 if p1 > p0 else 0
        path = [y]
        for k in reversed(back):
            y = (k >> y) & 1
            path.append(y)
        path.reverse()
        labels += path
    return labels


def _first_best(scores: np.ndarray) -> np.ndarray:
    """Index of the first maximum of each row, comparing with strict ``>`` as Rust does."""
    choice = np.zeros(len(scores), dtype=np.int64)
    top = scores[:, 0]
    for y in range(1, scores.shape[1]):
        better = scores[:, y] > top
        top = np.where(better, scores[:, y], top)
        choice = np.where(better, y, choice)
    return choice


def _viterbi_lockstep(scores: np.ndarray, trans: np.ndarray, lay: _Layout) -> np.ndarray:
    """Viterbi for all texts at once. Texts are sorted longest first and their tokens laid out
    time-major, so step t works on one contiguous block: the first ``active[t]`` texts."""
    n_labels = trans.shape[0]
    order = np.argsort(-lay.lengths, kind="stable")
    order = order[lay.lengths[order] > 0]
    lengths = lay.lengths[order]
    steps = int(lengths[0]) if len(lengths) else 0
    active = (lengths[None, :] > np.arange(steps)[:, None]).sum(axis=1)  # texts alive at t
    offset = np.concatenate([[0], np.cumsum(active)])
    flat = np.concatenate([lay.starts[order[:m]] + t for t, m in enumerate(active.tolist())])
    emit = scores.take(flat, axis=0)  # time-major emissions
    best = np.empty_like(emit)
    back = np.zeros(emit.shape, dtype=np.int64)
    best[:offset[1]] = emit[:offset[1]]
    for t in range(1, steps):
        m, here, prev = int(active[t]), offset[t], offset[t - 1]
        before = best[prev:prev + m]
        top = before[:, :1] + trans[0]
        arg = np.zeros((m, n_labels), dtype=np.int64)
        for yp in range(1, n_labels):
            s = before[:, yp:yp + 1] + trans[yp]
            better = s > top
            top = np.where(better, s, top)
            arg[better] = yp
        best[here:here + m] = top + emit[here:here + m]
        back[here:here + m] = arg
    labels_tm = np.zeros(len(flat), dtype=np.int64)
    for t in range(steps - 1, -1, -1):
        m, here = int(active[t]), offset[t]
        ending = m - (int(active[t + 1]) if t + 1 < steps else 0)  # texts whose last token is t
        labels_tm[here + m - ending:here + m] = _first_best(best[here + m - ending:here + m])
        if t + 1 < steps:
            nxt, m_next = offset[t + 1], int(active[t + 1])
            y = labels_tm[nxt:nxt + m_next]
            labels_tm[here:here + m_next] = back[nxt:nxt + m_next][np.arange(m_next), y]
    labels = np.zeros(lay.n, dtype=np.int64)
    labels[flat] = labels_tm
    return labels


# --------------------------------------------------------------------------- tokenization


def _pristine_pattern() -> re.Pattern:
    """underthesea's token regex as its module builds it, before any ``fixed_words`` call."""
    return re.compile(r"(" + "|".join(_rt.regex_patterns) + ")", re.VERBOSE | re.UNICODE)


def _fixed_words_pattern(fixed_words: tuple[str, ...]) -> re.Pattern:
    """The regex underthesea builds for ``fixed_words`` (same string, same flags)."""
    escaped = [re.sub(" ", r"\ ", w) for w in fixed_words]
    fixed = "(?P<fixed_words>\\b" + "\\b|\\b".join(escaped) + "\\b)"
    return re.compile(r"(" + "|".join([fixed, *_rt.regex_patterns]) + ")",
                      re.VERBOSE | re.UNICODE)


def _regex_tokens(pattern: re.Pattern, text: str) -> list[str]:
    return [_rt.token_normalize(_rt.extract_match(m)[0]) for m in pattern.finditer(text)]


def _one_word(chunk: str) -> bool:
    """True when underthesea's regex makes the whole chunk one token without trying it: letters
    only (``\\w+`` takes all of it), no "ʺ" (a letter its punctuation alternative takes first),
    not starting "Th", any character, "S"/"s" (the unescaped ``Th.S``/``Th.s``)."""
    return (chunk.isalpha() and "ʺ" not in chunk
            and not (chunk.startswith("Th") and len(chunk) > 3 and chunk[3] in "Ss"))


class _Tokenizer:
    """Normalized tokens (and their type ids) of a text, cached per whitespace chunk. A chunk
    that ends the text (``$`` matches after it) is cached under the key chunk + newline."""

    def __init__(self, tables: _Tables) -> None:
        self.tables = tables
        self.pattern = _pristine_pattern()
        self.fixed_patterns: dict[tuple[str, ...], re.Pattern] = {}
        tables.chunk_ids.tokenize = self._chunk

    def _chunk(self, key: str) -> list[int]:
        """Type ids of the tokens of one chunk (its cache key)."""
        chunk = key.removesuffix("\n")
        if _one_word(chunk):
            tokens = [_rt.token_normalize(chunk)]
        else:  # the text goes on after the chunk, or ends (key + newline: `$` matches)
            tokens = _regex_tokens(self.pattern, key if key != chunk else key + " ")
        return [self.tables.type_id(t) for t in tokens]

    def tokens(self, text: str) -> list[int]:
        """The type ids of the text's tokens (``tables.type_strings`` holds the tokens)."""
        text = _rt.normalize_characters_in_text(text)
        if _CROSSES_WHITESPACE.search(text):
            return [self.tables.type_id(t) for t in _regex_tokens(self.pattern, text)]
        keys = text.split()
        if not keys:
            return []
        # `$` in the regex matches at the end of the text or before one final newline
        if text[len(text.rstrip()):] in ("", "\n"):
            keys[-1] += "\n"
        return list(chain.from_iterable(map(self.tables.chunk_ids.__getitem__, keys)))

    def fixed_tokens(self, text: str, fixed_words: tuple[str, ...]) -> list[int]:
        """``tokens`` with underthesea's regex for ``fixed_words`` (not cached per chunk)."""
        pattern = self.fixed_patterns.get(fixed_words)
        if pattern is None:
            pattern = self.fixed_patterns[fixed_words] = _fixed_words_pattern(fixed_words)
        tokens = _regex_tokens(pattern, _rt.normalize_characters_in_text(text))
        return [self.tables.type_id(t) for t in tokens]


# --------------------------------------------------------------------------- state and API

_state: dict[str, object] = {}


def _exact_tables() -> tuple[_Tables, _Tokenizer] | None:
    """The tables, read back from the cache folder or built on first use; None when underthesea
    itself must be used."""
    if "tables" not in _state:
        installed = installed_versions()
        if installed != VERIFIED_VERSIONS:
            warnings.warn(
                f"helpers.segmenter was verified with {VERIFIED_VERSIONS}, found {installed}: "
                "falling back to underthesea.word_tokenize (slower, same words)",
                RuntimeWarning, stacklevel=3)
            _state["tables"] = None
        else:
            try:
                tables = _Tables(_tables_store())
                _state["tables"] = (tables, _Tokenizer(tables))
            except (UnsupportedModel, OSError) as err:
                warnings.warn(f"helpers.segmenter cannot reproduce this model ({err}): "
                              "falling back to underthesea.word_tokenize (slower, same words)",
                              RuntimeWarning, stacklevel=3)
                _state["tables"] = None
    return _state["tables"]  # type: ignore[return-value]


def backend() -> str:
    """Which implementation segments: ``"helpers"`` (exact re-implementation) or
    ``"underthesea"`` (fallback when the installed versions differ from the verified ones).

    Returns
    -------
    str
        ``"helpers"`` or ``"underthesea"``.

    Examples
    --------
    >>> backend() in {"helpers", "underthesea"}
    True
    """
    return "underthesea" if _exact_tables() is None else "helpers"


def clear_caches(model: bool = False) -> None:
    """Forget the cached chunks and token types (cold caches, as for a new process).

    Parameters
    ----------
    model : bool, optional
        Also drop the model tables and re-check the installed versions on the next call.

    Examples
    --------
    >>> clear_caches()
    """
    if model or _state.get("tables") is None:
        _state.clear()
    else:
        _state["tables"][0].clear()  # type: ignore[index]


def _underthesea(text: str, fixed_words: tuple[str, ...]) -> list[str]:
    """underthesea's own ``word_tokenize``, with its module-level regex restored afterwards."""
    saved = {k: getattr(_rt, k) for k in ("patterns", "recompile_regex_patterns")
             if hasattr(_rt, k)}
    try:
        if "patterns" in saved:
            _rt.patterns = _pristine_pattern()
        return underthesea.word_tokenize(text, fixed_words=list(fixed_words) or None)
    finally:
        for k, v in saved.items():
            setattr(_rt, k, v)


def _check_fixed_words(fixed_words: Sequence[str]) -> tuple[str, ...]:
    if isinstance(fixed_words, str):
        raise TypeError("fixed_words must be a sequence of words, not one string: "
                        f"{fixed_words!r}")
    words = tuple(fixed_words)
    bad = [w for w in words if not isinstance(w, str) or not w.strip()]
    if bad:
        raise ValueError(f"fixed_words holds empty or non-string entries: {bad[:5]!r}")
    return words


def _segment_batch(texts: Sequence[str], fixed_words: tuple[str, ...]) -> list[list[str]]:
    tables, tokenizer = _exact_tables()  # type: ignore[misc]
    if len(tables.type_strings) > _MAX_TYPES:
        tables.clear()
    per_text = [tokenizer.fixed_tokens(t, fixed_words) if fixed_words else tokenizer.tokens(t)
                for t in texts]
    tables.featurize_pending()
    ids = list(chain.from_iterable(per_text))
    # The tokens from their type ids: one list index each, cheaper than a second chunk lookup.
    tokens = list(map(tables.type_strings.__getitem__, ids))
    lay = _Layout(ids, list(map(len, per_text)), tables.span)
    if lay.n == 0:
        return [[] for _ in texts]
    scores = _emissions(tables, lay, tokens)
    trans = tables.model.transitions
    labels: list[int] | np.ndarray
    if trans.shape[0] == 2 and len(texts) < _PYTHON_VITERBI_MAX_TEXTS:
        labels = _viterbi_loop(scores, trans, lay.starts.tolist(), lay.lengths.tolist())
    else:
        labels = _viterbi_lockstep(scores, trans, lay)
    return _words(tokens, labels, lay, tables.inside)


def _words(tokens: list[str], labels: list[int] | np.ndarray, lay: _Layout,
           inside: int) -> list[list[str]]:
    """Join each token labelled inside a word to the word before it, as underthesea does (a
    text's first token always starts a word); one list of words per text."""
    # A word starts at every token not labelled inside and at every text's first token.
    first = np.asarray(labels, dtype=np.int64) != inside
    first[lay.starts[lay.lengths > 0]] = True
    begins = np.flatnonzero(first).tolist()
    ends = [*begins[1:], lay.n]
    join = " ".join
    words = [tokens[a] if b - a == 1 else join(tokens[a:b]) for a, b in zip(begins, ends,
                                                                             strict=True)]
    # Each text's words are the run of words whose first token lies in the text.
    cuts = [*np.searchsorted(begins, lay.starts).tolist(), len(words)]
    return [words[a:b] for a, b in pairwise(cuts)]


def word_tokenize_many(texts: Sequence[str], fixed_words: Sequence[str] = ()) -> list[list[str]]:
    """Segment many texts (paragraphs) into words; each result equals
    ``underthesea.word_tokenize(text, fixed_words=...)``, without touching underthesea's state.

    Parameters
    ----------
    texts : sequence of str
        Texts, each segmented as one sequence (as underthesea does with one call per text).
    fixed_words : sequence of str, optional
        Words kept whole, as underthesea's ``fixed_words`` (for these texts only).

    Returns
    -------
    list of list of str
        One list of words per text; a word's syllables are joined by single spaces.

    Examples
    --------
    >>> word_tokenize_many(["Bác sĩ bây giờ có thể", ""])
    [['Bác sĩ', 'bây giờ', 'có thể'], []]
    """
    words = _check_fixed_words(fixed_words)
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise TypeError(f"texts[{bad[0]}] is {type(texts[bad[0]]).__name__}, not str")
    if _exact_tables() is None or not all(_PLAIN_FIXED_WORD.fullmatch(w) for w in words):
        return [_underthesea(t, words) for t in texts]
    out: list[list[str]] = []
    with paused_gc():  # a batch makes no reference cycles: collector passes would find nothing
        for i in range(0, len(texts), BATCH_SIZE):
            out += _segment_batch(texts[i:i + BATCH_SIZE], words)
    return out


def word_tokenize(text: str, fixed_words: Sequence[str] = ()) -> list[str]:
    """Segment one text into words, identical to ``underthesea.word_tokenize(text)``.

    Parameters
    ----------
    text : str
        Raw text (normalized inside, as underthesea does).
    fixed_words : sequence of str, optional
        Words kept whole, as underthesea's ``fixed_words``; unlike underthesea, they apply to
        this call only.

    Returns
    -------
    list of str
        Words; a word's syllables are joined by single spaces.

    Examples
    --------
    >>> text = "Bác sĩ bây giờ có thể thản nhiên báo tin bệnh nhân bị ung thư"
    >>> word_tokenize(text)
    ['Bác sĩ', 'bây giờ', 'có thể', 'thản nhiên', 'báo', 'tin', 'bệnh nhân', 'bị', 'ung thư']
    >>> word_tokenize(text) == underthesea.word_tokenize(text)
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text is {type(text).__name__}, not str")
    return word_tokenize_many([text], fixed_words)[0]
