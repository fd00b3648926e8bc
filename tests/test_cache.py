"""The on-disk cache: entries are written whole or not at all, so kernels that load the same
corpus at once (``make report`` runs two notebooks at a time) never read half an entry."""
from __future__ import annotations

import multiprocessing
import os
import sys
import warnings

import pytest

from conftest import IN_THE_WAY
from helpers import cache
from helpers.cache import FileCache

VERSIONS = 3
ROUNDS = 20


def _value(version: int) -> list[str]:
    # About 400 kB, so a write takes many system calls and a reader could catch one half done.
    return [f"{version}:" + "hòa bình " * 20] * 2000


def _writer(folder: str, codec: str, version: int) -> None:
    store = FileCache(folder, codec=codec)
    key = store.key(["same page"], "v1")
    for _ in range(ROUNDS):
        store.put(key, _value(version))


@pytest.mark.parametrize("codec", ["json", "pickle"])
def test_processes_writing_one_entry_at_once_never_leave_half_of_it(tmp_path, codec):
    store = FileCache(tmp_path, codec=codec)
    key = store.key(["same page"], "v1")
    whole = [_value(v) for v in range(VERSIONS)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    writers = [context.Process(target=_writer, args=(str(tmp_path), codec, v))
               for v in range(VERSIONS)]
    for process in writers:
        process.start()
    seen = []
    while any(process.is_alive() for process in writers):
        value = store.get(key)
        if value is not None:   # absent until the first rename, then always a whole entry
            assert value in whole, "a reader saw an entry mixed from two writes"
            seen.append(value[0])
    for process in writers:
        process.join()
        assert process.exitcode == 0
    assert store.get(key) in whole, "the last entry is mixed from two writes"
    assert seen, "the reader never saw an entry: the test proved nothing"
    # Only the entry is left: no temporary file of a writer.
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [os.path.basename(store._path(key))]


def test_a_failed_write_leaves_the_old_entry_and_no_temporary_file(tmp_path):
    store = FileCache(tmp_path)
    key = store.key(["page"], "v1")
    store.put(key, ["kept"])
    with pytest.raises(TypeError):
        store.put(key, ["half written", object()])   # json cannot store an object()
    assert store.get(key) == ["kept"]
    entry = store._path(key)
    assert sorted(os.listdir(os.path.dirname(entry))) == [os.path.basename(entry)]


def test_a_folder_that_cannot_be_written_warns_once_and_stores_nothing(file_in_the_way,
                                                                       monkeypatch):
    monkeypatch.setattr(cache, "_WARNED", set())
    blocker = file_in_the_way
    store = FileCache(blocker / "pages", codec="pickle")
    key = store.key(["page"], "v1")
    with pytest.warns(cache.CacheWarning, match="cannot be written .*Not a directory") as caught:
        store.put(key, ["value"])
    assert "set $HELPERS_CACHE_DIR to a folder you can write to" in str(caught[0].message)
    assert store.get(key) is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # no second warning, no error
        store.put(key, ["value"])
        FileCache(blocker / "pages").put(key, ["value"])   # another store of that folder
    assert blocker.read_text(encoding="utf-8") == IN_THE_WAY


def test_a_write_that_fails_half_way_leaves_no_temporary_file_and_warns(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_WARNED", set())
    store = FileCache(tmp_path)
    key = store.key(["page"], "v1")

    def full(*args):
        raise OSError(28, "No space left on device")

    real_replace = cache.os.replace
    monkeypatch.setattr(cache.os, "replace", full)
    with pytest.warns(cache.CacheWarning, match="No space left on device") as caught:
        store.put(key, ["value"])
    assert "HELPERS_CACHE_DIR" not in str(caught[0].message)   # no place to advise: it ran out
    assert [name for _, _, names in os.walk(tmp_path) for name in names] == []
    # only that entry was skipped: once there is room, the next one is written, unsaid
    monkeypatch.setattr(cache.os, "replace", real_replace)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        store.put(key, ["value"])
    assert store.get(key) == ["value"]


def test_has_tells_a_stored_entry_from_a_missing_one(tmp_path):
    store = FileCache(tmp_path / "pages", codec="pickle")
    key, other = store.key([b"page"], "v1"), store.key([b"page"], "v2")
    assert not store.has(key)
    store.put(key, {"kept": 1})
    assert store.has(key) and not store.has(other)
    assert os.path.isfile(store._path(key))
    assert store.get_bytes(key) == store.dumps({"kept": 1})


@pytest.mark.skipif(not hasattr(os, "posix_fadvise") or sys.platform != "linux",
                    reason="no posix_fadvise, or no /proc/self/fd, on this system")
@pytest.mark.parametrize("in_memory", [False, None, True])
def test_will_get_advises_the_stored_entries_unless_the_first_is_in_memory(
        tmp_path, monkeypatch, in_memory):
    store = FileCache(tmp_path / "pages", codec="pickle")
    keys = [store.key([f"page {i}".encode()], "v1") for i in range(3)]
    for key in keys[:2]:
        store.put(key, {"kept": key})
    advised: list[tuple[str, int]] = []
    real = os.posix_fadvise

    def spy(fd, offset, length, advice):
        advised.append((os.readlink(f"/proc/self/fd/{fd}"), advice))
        return real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", spy)
    monkeypatch.setattr(cache, "_in_memory", lambda path: in_memory)
    opened_before = len(os.listdir("/proc/self/fd"))
    store.will_get([*keys, ""])                      # the third was never stored; "" is no key
    # advised when the first is not in memory, or when that cannot be told
    expected = [] if in_memory else [(store._path(k), os.POSIX_FADV_WILLNEED) for k in keys[:2]]
    assert advised == expected
    assert len(os.listdir("/proc/self/fd")) == opened_before        # every file closed again
    assert [store.get(k) for k in keys] == [{"kept": keys[0]}, {"kept": keys[1]}, None]


@pytest.mark.skipif(not cache._CAN_PROBE, reason="reads cannot ask for memory only here")
def test_a_file_is_in_memory_once_read_and_not_once_dropped(tmp_path):
    path = tmp_path / "entry.bin"
    path.write_bytes(b"x" * 100_000)

    def in_memory():
        fd = os.open(path, os.O_RDONLY)
        try:
            return cache._in_memory(fd)
        finally:
            os.close(fd)

    if in_memory() is None:
        pytest.skip("this file system cannot tell what is in memory")
    assert in_memory() is True                                  # just written
    os.sync()                                                   # written out, so it can go
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    # One probe only: on a miss the probe itself starts reading the file ahead (Linux does
    # so for RWF_NOWAIT reads), so a second probe may find it in memory.
    dropped = in_memory()
    if dropped:
        pytest.skip("this file system keeps files in memory (tmpfs)")
    assert dropped is False
    path.read_bytes()
    assert in_memory() is True


@pytest.mark.skipif(not cache._CAN_PROBE or sys.platform != "linux",
                    reason="reads cannot ask for memory only, or no /proc/self/fd, here")
def test_the_first_file_that_opens_and_is_not_empty_decides(tmp_path, monkeypatch):
    empty, full, other = tmp_path / "empty.bin", tmp_path / "full.bin", tmp_path / "other.bin"
    empty.write_bytes(b"")
    full.write_bytes(b"x" * 10)
    other.write_bytes(b"y" * 10)
    paths = [str(tmp_path / "missing.bin"), str(empty), str(full), str(other)]
    probed: list[str] = []
    advised: list[str] = []
    real = os.posix_fadvise
    monkeypatch.setattr(os, "posix_fadvise", lambda fd, *a: advised.append(
        os.readlink(f"/proc/self/fd/{fd}")) or real(fd, *a))
    for answer in (True, False):
        probed.clear()
        advised.clear()
        monkeypatch.setattr(cache, "_in_memory", lambda fd, answer=answer: probed.append(
            os.readlink(f"/proc/self/fd/{fd}")) or answer)
        cache.will_read(paths)
        assert probed == [str(full)]
        # in memory: nothing from the probed file on; not: every file that opens
        assert advised == ([str(empty)] if answer else [str(empty), str(full), str(other)])
    probed.clear()
    cache.will_read([str(full)])                        # one file: nothing to read beside it
    assert probed == [] and advised == [str(empty), str(full), str(other)]
