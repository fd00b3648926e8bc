"""A small on-disk cache: one file per entry, written atomically.

Owns storing and fetching values by key under a folder (JSON or pickle), and saying once when
the folder cannot be written to (``CacheWarning``). Knows nothing of what is stored:
segmentations (``helpers.text``), page results (``helpers.pipeline``), the duplicate search's
answers (``helpers.dedupe``) and the segmenter's tables use it.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import pickle
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import CacheWarning

__all__ = ["FileCache", "deferred_warnings", "say_cannot_write", "will_read"]

# Where the system can be told which files are about to be read (not on Windows or macOS).
_CAN_ADVISE = hasattr(os, "posix_fadvise")
# Where a read can ask for data only if it is already in memory (Linux).
_CAN_PROBE = hasattr(os, "preadv") and hasattr(os, "RWF_NOWAIT")


def _in_memory(fd: int) -> bool | None:
    """Whether the start of the open file ``fd`` is in the system's memory (a read would not
    wait for the disk); None when the system cannot tell. When it is not, Linux starts reading
    it ahead all the same, so asking again moments later may find it there."""
    try:
        os.preadv(fd, [bytearray(1)], 0, os.RWF_NOWAIT)
        return True
    except BlockingIOError:
        return False
    except OSError:     # a file system that cannot tell
        return None


def will_read(paths: Iterable[str]) -> None:
    """Tell the system that ``paths`` are about to be read, so that it starts reading them all
    at once (``POSIX_FADV_WILLNEED``) instead of one after the other as they are opened: files
    no longer in memory (after a restart, or once the system has reclaimed them) are then read
    side by side. Only when the first of them (that opens and is not empty) is not in memory:
    files written or read together leave memory together, and advising files still in memory
    costs three system calls each for nothing. A file that cannot be opened is skipped:
    reading it will say why. Does nothing for fewer than two files, or where the system takes
    no such advice.

    Examples
    --------
    >>> will_read(["no such file.txt", "nor this one.txt"])   # skipped
    """
    if not _CAN_ADVISE:
        return
    paths = list(paths)
    if len(paths) < 2:          # one file is not read side by side with anything
        return
    probed = not _CAN_PROBE
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if not probed and os.fstat(fd).st_size:
                probed = True
                if _in_memory(fd):
                    return
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:   # advice the file system does not take: the read goes as usual
            pass
        finally:
            os.close(fd)


class FileCache:
    """On-disk cache: one file per entry, named by a SHA-256 of a version string and the
    content, written to a temporary file and renamed into place, so two processes writing at
    once never leave a half-written entry and a reader never sees one. A changed version
    string changes every key. ``codec`` is "json" or "pickle" (read back only from this
    project's own cache folder).

    Written here rather than taken from a library: in two runs of ``make bench``, joblib.Memory
    took 0.6-0.9 ms to store and 0.3-0.5 ms to fetch a short segmentation, against 0.3 ms and
    0.05-0.1 ms here (benchmarks/README.md); diskcache has had no release since 2023.

    Examples
    --------
    >>> import tempfile
    >>> store = FileCache(tempfile.mkdtemp())
    >>> key = store.key(["Hòa bình"], "v1")
    >>> store.get(key) is None
    True
    >>> store.put(key, [["Hòa bình"]]); store.get(key)
    [['Hòa bình']]
    """

    # Set when the folder cannot be made or written in (``put_bytes``); on the class as well, for
    # a store unpickled from before it existed.
    unwritable = False
    warn = True

    def __init__(self, folder: str | os.PathLike, codec: str = "json", warn: bool = True):
        if codec not in {"json", "pickle"}:
            raise ValueError(f"codec must be 'json' or 'pickle', not {codec!r}")
        self.folder = Path(folder)
        self.codec = codec
        # False: a folder it cannot write to is not said (a store of what only saves time, which
        # a load with cache=False uses all the same: the segmenter's tables)
        self.warn = warn
        self.suffix = ".json" if codec == "json" else ".pickle"

    def key(self, parts: Iterable[str | bytes], version: str) -> str:
        """The entry name for ``parts`` under ``version``."""
        digest = hashlib.sha256(version.encode("utf-8"))
        for part in parts:
            digest.update(b"\x00" + (part if isinstance(part, bytes) else part.encode("utf-8")))
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        # Joined as strings, not as Path objects: a warm load builds every page's entry path
        # two or three times (advice, lookup, and the count when it chooses its workers
        # itself). Warm loads of 10,000 pages, five of each: 2.22 s against 2.50 s with
        # workers chosen by load_corpus, 1.97 against 2.06 with one
        # (benchmarks/loads-10000-warm.json, loads-10000-warm-1w.json).
        return os.path.join(os.fspath(self.folder), key[:2], f"{key[2:]}{self.suffix}")

    def will_get(self, keys: Iterable[str]) -> None:
        """``will_read`` of the entries under ``keys`` (those stored): ``get`` them next."""
        will_read(self._path(key) for key in keys if key)

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still prove unreadable)."""
        return os.path.isfile(self._path(key))

    def get(self, key: str) -> Any:
        """The stored value, or None when absent or unreadable (it is then computed again)."""
        try:
            if self.codec == "json":
                with open(self._path(key), encoding="utf-8") as fh:
                    return json.load(fh)
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # unreadable or corrupt entry: compute again
            return None

    def get_bytes(self, key: str) -> bytes | None:
        """The stored entry as it is on disk (``loads`` reads it), or None when absent."""
        try:
            with open(self._path(key), "rb") as fh:
                return fh.read()
        except OSError:
            return None

    def loads(self, data: bytes) -> Any:
        """The value of an entry's bytes (``get_bytes``); an error if they are corrupt."""
        return json.loads(data) if self.codec == "json" else pickle.loads(data)

    def dumps(self, value: Any) -> bytes:
        """An entry's bytes for ``value``, as ``put`` writes them."""
        if self.codec == "json":
            return json.dumps(value, ensure_ascii=False).encode("utf-8")
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` atomically."""
        self.put_bytes(key, self.dumps(value))

    def put_bytes(self, key: str, data: bytes) -> None:
        """Store an entry's bytes (``dumps``) atomically. When the folder cannot be written to
        (a file in its place, no permission, a full disk), a ``CacheWarning`` says so, once
        per folder and process, and nothing is lost but the entry: it is computed again next
        time. When the folder itself cannot be made or written in, this store writes nothing
        more; a write that fails afterwards (the disk full) skips that entry only."""
        if self.unwritable:
            return
        path = self._path(key)
        folder = os.path.dirname(path)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError as error:
            self.unwritable = True
            self._cannot_write(error)
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException as error:
            Path(tmp).unlink(missing_ok=True)
            if not isinstance(error, OSError):
                raise
            self._cannot_write(error)

    def _cannot_write(self, error: OSError) -> None:
        if not self.warn:
            return
        message = (f"{self.folder}: the cache cannot be written ({error.strerror or error}): "
                   "results are computed as usual and not kept")
        if error.errno in _NOT_A_PLACE_TO_WRITE:
            message += " (set $HELPERS_CACHE_DIR to a folder you can write to)"
        unsaid = getattr(_DEFERRED, "unsaid", None)
        if unsaid is None:
            say_cannot_write([(str(self.folder), message)])
        else:
            unsaid.append((str(self.folder), message))


# Errors that say the folder is no place for the cache, rather than that something ran out.
_NOT_A_PLACE_TO_WRITE = frozenset({errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS,
                                   errno.EEXIST})
# The folders a CacheWarning has named in this process: one warning each.
_WARNED: set[str] = set()
_WARNED_LOCK = threading.Lock()
# Set on a worker's thread while it does a task (``deferred_warnings``): what its stores cannot
# write is then sent back with the task's results and said by the loading process, where the
# user sees it, rather than on the worker's own output.
_DEFERRED = threading.local()


def say_cannot_write(unsaid: Iterable[tuple[str, str]]) -> None:
    """A ``CacheWarning`` for each ``(folder, message)`` whose folder has none yet in this
    process (``deferred_warnings`` collects them in a worker)."""
    for folder, message in unsaid:
        with _WARNED_LOCK:
            if folder in _WARNED:
                continue
            _WARNED.add(folder)
        warnings.warn(message, CacheWarning, stacklevel=_first_outside_package())


def _first_outside_package() -> int:
    """The ``stacklevel`` of a warning given here that points at the first caller outside this
    package (a notebook's ``load_corpus(...)``), however deep in it the store was written."""
    frame, level = sys._getframe(1), 1          # the function that gives the warning
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


@contextlib.contextmanager
def deferred_warnings() -> Iterator[list[tuple[str, str]]]:
    """Within it, on this thread, what a store cannot write is collected in the list it
    yields instead of warned about (a worker's task returns it for ``say_cannot_write``)."""
    previous = getattr(_DEFERRED, "unsaid", None)
    unsaid: list[tuple[str, str]] = []
    _DEFERRED.unsaid = unsaid
    try:
        yield unsaid
    finally:
        _DEFERRED.unsaid = previous
