"""The segmenter's tables kept in the cache folder: read back, they equal the tables built from
the model files and segment as underthesea does; an entry that cannot be used is built again; a
folder that cannot be written to changes nothing but the time, and is not warned about (the
tables only save time); the key follows the model files and the module's source."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
import underthesea

import helpers
from conftest import IN_THE_WAY
from helpers import segmenter
from helpers.cache import FileCache
from test_segmenter import _seed_paragraphs, fuzz_texts


def _same(a: object, b: object) -> bool:
    """Deep equality of the tables' attributes: arrays, dataclasses, dicts, lists, tuples."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype
                and np.array_equal(a, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(_same, a, b))  # type: ignore[arg-type]
    if hasattr(a, "__dataclass_fields__"):
        return all(_same(getattr(a, f), getattr(b, f)) for f in a.__dataclass_fields__)
    return a == b


# What the tables hold once made, besides the featurizers (not comparable) and the caches of
# token types and chunks (empty in both).
COMPARED = (*segmenter._STORED, "wheres", "plan", "uni_by_template", "uni_weights")


def _not_built(self) -> None:
    pytest.fail("the tables were built, not read back")


@pytest.fixture(scope="module")
def built_and_read(tmp_path_factory):
    store = FileCache(tmp_path_factory.mktemp("segmenter"), codec="pickle")
    built = segmenter._Tables(store)
    entries = list(store.folder.rglob("*.pickle"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segmenter._Tables, "_build", _not_built)
        read = segmenter._Tables(store)
    return store, built, read, entries


def test_tables_read_back_equal_the_tables_built(built_and_read):
    store, built, read, entries = built_and_read
    assert len(entries) == 1                       # the first one stored what it built
    assert list(store.folder.rglob("*.pickle")) == entries
    for name in COMPARED:
        assert _same(getattr(built, name), getattr(read, name)), name
    assert np.array_equal(built.lookup.keys, read.lookup.keys)
    assert np.array_equal(built.lookup.rows, read.lookup.rows)
    assert np.array_equal(built.lookup.filter, read.lookup.filter)
    # the comparison can fail: a table changed by one entry is told apart
    changed = dict(read.grams)
    first = next(iter(changed))
    changed[first] = changed[first].copy()
    changed[first][0] += 1
    assert not _same(built.grams, changed)


def test_tables_read_back_segment_as_underthesea(built_and_read, monkeypatch):
    _, _, read, _ = built_and_read
    monkeypatch.setitem(segmenter._state, "tables", (read, segmenter._Tokenizer(read)))
    texts = _seed_paragraphs()[:80] + fuzz_texts(300, seed=17)
    assert segmenter.word_tokenize_many(texts) == [underthesea.word_tokenize(t) for t in texts]


@pytest.mark.parametrize("entry", [b"not a pickle", b"\x80\x05N."])   # bytes; a pickled None
def test_an_entry_that_cannot_be_used_is_built_again(tmp_path, entry, built_and_read):
    store = FileCache(tmp_path, codec="pickle")
    key = segmenter._tables_key(store)
    store.put_bytes(key, entry)
    tables = segmenter._Tables(store)
    assert _same(tables.grams, built_and_read[1].grams)
    assert isinstance(store.get(key), dict)        # replaced by a usable entry


def test_an_entry_with_other_names_is_built_again(tmp_path, built_and_read):
    store = FileCache(tmp_path, codec="pickle")
    key = segmenter._tables_key(store)
    store.put(key, {"model": None})
    tables = segmenter._Tables(store)
    assert _same(tables.model, built_and_read[1].model)
    assert set(store.get(key)) == set(segmenter._STORED)


def test_a_cache_folder_that_cannot_be_written_changes_nothing(file_in_the_way, monkeypatch,
                                                              built_and_read):
    blocker = file_in_the_way
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(blocker))
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # the tables only save time: nothing to say
        tables = segmenter._Tables(segmenter._tables_store())
    assert _same(tables.grams, built_and_read[1].grams)
    assert blocker.read_text(encoding="utf-8") == IN_THE_WAY


def test_a_load_without_the_cache_says_nothing_of_an_unwritable_cache_folder(file_in_the_way,
                                                                            monkeypatch):
    blocker = file_in_the_way
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(blocker))
    segmenter.clear_caches(model=True)      # this load makes the tables
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            frame = helpers.load_corpus(cache=False, progress=False)
        assert len(frame) == 5 and segmenter.backend() == "helpers"
    finally:
        segmenter.clear_caches(model=True)


def test_the_key_follows_the_model_files_and_the_modules_source(tmp_path, monkeypatch):
    store = FileCache(tmp_path / "store", codec="pickle")
    before = segmenter._tables_key(store)
    model_dir = tmp_path / "model"
    shutil.copytree(segmenter._MODEL_DIR, model_dir)
    monkeypatch.setattr(segmenter, "_MODEL_DIR", model_dir)
    assert segmenter._tables_key(store) == before   # the same bytes elsewhere: the same key
    with open(model_dir / "dictionary.bin", "ab") as fh:
        fh.write(b"\x00")
    changed_model = segmenter._tables_key(store)
    assert changed_model != before
    monkeypatch.setattr(segmenter, "_SOURCE_DIGEST", b"another source")
    assert segmenter._tables_key(store) not in (before, changed_model)


def test_the_key_is_the_imported_source_not_the_file_edited_since(tmp_path, monkeypatch):
    # A kernel that imported this module builds with the code it runs: an edit of the file
    # afterwards (a checkout) must not give its tables the new code's key.
    store = FileCache(tmp_path / "store", codec="pickle")
    before = segmenter._tables_key(store)
    edited = tmp_path / "segmenter.py"
    edited.write_bytes(Path(segmenter.__file__).read_bytes() + b"\n# edited since\n")
    monkeypatch.setattr(segmenter, "__file__", str(edited))
    assert segmenter._tables_key(store) == before
    assert segmenter._source_digest() != segmenter._SOURCE_DIGEST   # the file did change


def test_without_the_source_the_tables_are_built_and_not_stored(tmp_path, monkeypatch,
                                                                 built_and_read):
    monkeypatch.setattr(segmenter, "_SOURCE_DIGEST", None)
    store = FileCache(tmp_path / "store", codec="pickle")
    tables = segmenter._Tables(store)
    assert _same(tables.grams, built_and_read[1].grams)
    assert not store.folder.exists()


def test_a_new_process_state_reads_and_writes_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    segmenter.clear_caches(model=True)
    try:
        assert segmenter.backend() == "helpers"
        assert len(list((tmp_path / "segmenter").rglob("*.pickle"))) == 1
        segmenter.clear_caches(model=True)
        monkeypatch.setattr(segmenter._Tables, "_build", _not_built)
        assert segmenter.word_tokenize("Hội nghị Ngoại giao") == ["Hội nghị", "Ngoại giao"]
    finally:
        segmenter.clear_caches(model=True)   # the next test makes them from its own folder
