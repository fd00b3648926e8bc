"""Running the per-page work over many files: locally on several processes, or on a
dask.distributed cluster, with whole page results cached on disk.

Owns ``map_pages`` (deterministic output order, a progress bar on long loads, the number of
workers chosen by size) and the page cache. The per-page work is ``helpers.pages``; building the
table from the results is ``helpers.corpus``.
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import math
import numbers
import os
import pickle
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from pathlib import Path

from tqdm.auto import tqdm

from .cache import FileCache, deferred_warnings, say_cannot_write, will_read
from .gcpause import paused_gc
from .pages import PageResult, page_format, process_pages
from .paths import PACKAGE_DIR, cache_dir
from .text import TOKENIZER_VERSION

__all__ = ["cached_page", "cached_pages", "choose_workers", "map_pages", "page_key", "page_store",
           "paused_gc", "pipeline_version", "shared_tokens", "worker_pool"]

FINGERPRINTED_SUFFIXES = {".py", ".toml", ".csv", ".txt"}

# Above this many bytes of pages still to process, more processes pay for their start-up;
# below it one process is faster. Measured by `benchmarks/breakeven.py` (breakeven.json, 5 Dec,
# the 2-core Xeon): cold loads in fresh processes, the other process started inside the load
# while this one works, one worker against two, three pairs each: 200 pages (0.7 MB) 0.67
# against 0.86 s, 400 (1.4 MB) 1.24 against 1.44 s, 700 (2.5 MB) 2.20 against 1.95 s, 1,000
# (3.5 MB) 3.11 against 2.40 s, 2,000 (7.0 MB) 6.13 against 4.15 s (medians). Two start to gain
# near 2 MB; 3 MB (about 850 articles) leaves a margin for slower start-ups. Until 5 Dec this
# was 7 MB, measured with this process waiting for the others' start-up and for their first
# results (``_run_tasks`` no longer waits for workers still starting up).
AUTO_PARALLEL_BYTES = 3_000_000
# Whether the loading process, out of tasks before any worker has sent one back, does the
# workers' tasks too (``_run_tasks``). Tests whose workers are threads, which start at once,
# turn it off so that each task runs once where the test expects it.
TAKE_STARTING_WORKERS_TASKS = True
# A load's worker processes wait this long for the next load before they exit (joblib's
# default for its loky pool, which the loads used before).
WORKER_IDLE_SECONDS = 300
# Held by the load whose tasks use the pool. loky keeps one pool per process, and a second load
# asking for another size resizes it while the first load's tasks run and its callbacks send
# more: loky can then wait for ever (seen in a fresh clone's test run). A load that finds the
# pool in use works alone, in its own process, as a load with one worker does.
_POOL_IN_USE = threading.Lock()
# The native thread pools whose sizes a pool's processes get (``worker_pool``), as joblib's.
_THREAD_POOL_SIZES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                      "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
# Tasks each of a pool's processes holds at once: the next is sent as one returns. Two
# (one waiting in the queue) were slower with two workers on 3,000 pages, 8.36 s against
# 7.87 s in four pairs (benchmarks/loads-3000-tasks-per-worker.log): at the end this process
# waited for the worker's queued task.
TASKS_PER_WORKER = 1
# Loads above this size show a progress bar (roughly a few seconds of segmentation).
PROGRESS_BYTES = 300_000


@functools.cache
def pipeline_version() -> str:
    """A fingerprint of everything that decides a page's result: this package's code and data
    files and the tokenizer version. Any change to a cleaning rule, the stopword list or
    underthesea gives new cache keys, so a stale result is never reused."""
    digest = hashlib.sha256(TOKENIZER_VERSION.encode("utf-8"))
    for path in fingerprinted_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprinted_files() -> list[Path]:
    """The files ``pipeline_version`` hashes: every code and data file of the package."""
    return [path for path in sorted(PACKAGE_DIR.rglob("*"))
            if path.is_file() and path.suffix in FINGERPRINTED_SUFFIXES
            and "__pycache__" not in path.parts]


def page_store() -> FileCache:
    """The on-disk store of page results: ``pages/`` in the cache folder.

    Returns
    -------
    FileCache

    Examples
    --------
    >>> page_store().folder.name
    'pages'
    """
    return FileCache(cache_dir() / "pages", codec="pickle")


def cached_page(name: str, data: bytes, cache: bool = True,
                store: FileCache | None = None) -> PageResult:
    """``helpers.pages.process_page`` with the whole result kept on disk, keyed by the bytes,
    how they are read (``page_key``) and ``pipeline_version()``, so a warm load reads instead
    of recomputing. One cache entry
    per page: the page result holds its segmentation, so none is written separately.

    Parameters
    ----------
    name : str
    data : bytes
    cache : bool, optional
    store : FileCache, optional
        Where results are kept (``page_store()`` by default; a caller mapping many pages
        passes it once).

    Returns
    -------
    PageResult

    Examples
    --------
    >>> cached_page("a.txt", "Hội nghị khai mạc hôm nay\\nSáng 19/12, hội nghị khai mạc.".encode(),
    ...             cache=False).status
    'ok'
    """
    return cached_pages([(name, data)], cache, store)[0]


def cached_pages(items: Sequence[tuple[str, bytes]], cache: bool = True,
                 store: FileCache | None = None) -> list[PageResult]:
    """``cached_page`` of each ``(name, data)``, the pages not in the cache processed together
    (``helpers.pages.process_pages``: one segmenter call for all of them).

    Parameters
    ----------
    items : list of (str, bytes)
    cache : bool, optional
    store : FileCache, optional

    Returns
    -------
    list[PageResult]
        One per item, in order.

    Examples
    --------
    >>> [p.status for p in cached_pages([("a.txt", b"Tin moi."), ("b.txt", b"")], cache=False)]
    ['ok', 'empty']
    """
    return _cached_pages(items, cache, store)[0]


def _cached_pages(items: Sequence[tuple[str, bytes]], cache: bool, store: FileCache | None,
                  keys: Sequence[str] | None = None, tokens: dict[str, str] | None = None
                  ) -> tuple[list[PageResult], list[bool]]:
    """``cached_pages``, and for each page whether it was read from the cache (``keys``: the
    pages' keys in ``store`` already computed from these bytes, "" where not; ``tokens``: as
    for ``_new_results``)."""
    if not cache:
        store = None
    elif store is None:
        store = page_store()
    keys = _keys(items, store, keys)
    results: list[PageResult | None] = [None] * len(items)
    if store:
        store.will_get(keys)
        for i, ((name, _), key) in enumerate(zip(items, keys, strict=True)):
            if isinstance(found := store.get(key), PageResult):
                results[i] = found.renamed(name)
    todo = [i for i, result in enumerate(results) if result is None]
    for i, result in zip(todo, _new_results(items, todo, tokens), strict=True):
        results[i] = result
        if store and result.status == "ok":
            store.put(keys[i], result)
    return results, _read_flags(len(items), todo)  # type: ignore[return-value]  # all filled


def page_key(store: FileCache, name: str, data: bytes, version: str) -> str:
    """The cache key in ``store`` of the file ``name`` with content ``data``: its bytes and
    how they are read (HTML, MHTML, Markdown or text: ``helpers.pages.page_format``: by the
    name's extension, else the first bytes), so the same bytes saved as ``.html`` and as
    ``.txt`` are two entries, each as a cold load reads it.

    Parameters
    ----------
    store : FileCache
    name : str
    data : bytes
    version : str
        ``pipeline_version()``.

    Returns
    -------
    str

    Examples
    --------
    >>> store, page = page_store(), b"<p>Tin</p>"
    >>> page_key(store, "a.html", page, "v") == page_key(store, "b.txt", page, "v")
    False
    """
    return store.key([data, page_format(name, data)], version)


def _keys(items: Sequence[tuple[str, bytes]], store: FileCache | None,
          known: Sequence[str] | None = None) -> list[str]:
    """Each page's cache key in ``store`` (``page_key``), unless ``known`` has it already
    (not ""); "" for all without a store."""
    if store is None:
        return [""] * len(items)
    version = pipeline_version()
    known = known or [""] * len(items)
    return [key or page_key(store, name, data, version)
            for (name, data), key in zip(items, known, strict=True)]


def _new_results(items: Sequence[tuple[str, bytes]], todo: list[int],
                 tokens: dict[str, str] | None = None) -> list[PageResult]:
    """The pages ``todo`` of ``items``, processed together. Each result's tokens are shared
    within its page, so that its cache entry holds each distinct token of the page once
    (pickle writes a shared object once and reads it back shared); with ``tokens`` (a load's
    or a worker's task's, ``shared_tokens``) across those pages as well."""
    return [shared_tokens(result, {} if tokens is None else tokens)
            for result in process_pages([items[i] for i in todo], cache=False)]


def _read_flags(count: int, todo: list[int]) -> list[bool]:
    """For each of ``count`` pages, whether it was read from the cache (not in ``todo``)."""
    computed = set(todo)
    return [i not in computed for i in range(count)]


# Pages a worker processes in one task: their paragraphs are segmented in one call, which is
# faster than a call per page. `benchmarks/loads.py` (loads-1000.json, loads-3000-2w.json):
# a cold one-worker load of the 1,000 bench pages takes 4.17 s with a call per page, 2.90 s
# with tasks of 32 pages, 2.53 s with 128; two workers on 3,000 pages 5.13 s with 32, 4.82 s
# with 128 (two worker processes, this one waiting, as loads were then). A task is then
# about 0.3 s of work; with several workers tasks are smaller when
# there are too few pages to give each worker four (``_tasks``).
PAGES_PER_TASK = 128


def _read(folder: str | Path, name: str) -> bytes:
    with open(os.path.join(folder, name), "rb") as fh:
        return fh.read()


def _process_paths(folder: str, names: list[str], store: FileCache | None,
                   counted: dict[str, tuple[str, bytes | None]] | None = None,
                   tokens: dict[str, str] | None = None) -> tuple[list[PageResult], list[bool]]:
    """``cached_pages`` of the files ``names``, the pages computed sharing ``tokens`` (as for
    ``_new_results``). ``counted``: what ``_count_uncached`` found of some of them, taken out
    as they are used. A page counted as cached is read from its entry without reading the file
    again; a page counted as not cached is processed from the bytes the count read. Either way
    the result is the page's content as the count read it, under the key of those bytes; a
    page whose entry has gone since is read and keyed afresh."""
    counted = {} if counted is None else counted
    found = [counted.pop(name, ("", None)) for name in names]
    # What this task reads, asked for at once (``will_read``): its entries counted as cached,
    # the files not counted.
    if store is not None:
        store.will_get(key for key, data in found if key and data is None)
    will_read(os.path.join(folder, name) for name, (key, _) in zip(names, found, strict=True)
              if not key)
    results: list[PageResult | None] = [None] * len(names)
    rest: list[int] = []
    items: list[tuple[str, bytes]] = []
    keys: list[str] = []
    for i, (name, (key, data)) in enumerate(zip(names, found, strict=True)):
        if store is not None and key and data is None \
                and isinstance(entry := store.get(key), PageResult):
            results[i] = entry.renamed(name)
            continue
        rest.append(i)
        if data is None:    # not counted, or its entry has gone: read and keyed afresh
            data, key = _read(folder, name), ""
        items.append((name, data))
        keys.append(key)
    computed, reads = (_cached_pages(items, store is not None, store, keys, tokens) if items
                       else ([], []))
    read = [True] * len(names)
    for i, result, was_read in zip(rest, computed, reads, strict=True):
        results[i], read[i] = result, was_read
    return results, read  # type: ignore[return-value]  # all filled


# What a worker's task sends back: each page as its cache entry's bytes or its result, whether
# each was read from the cache, and what its cache could not write (``cache.deferred_warnings``).
Sent = tuple[list[bytes | PageResult], list[bool], list[tuple[str, str]]]


def _process_paths_in_worker(folder: str, names: list[str], store: FileCache | None,
                             spool: str | None = None) -> Sent | str:
    """``_process_paths`` in a worker process, for the parent to read back (``_from_worker``):
    a page in the cache is sent as its entry's bytes; a new one as its result, the task's
    results sharing one string per distinct token (``shared_tokens``), so that the one pickle
    that carries them back writes each token of the task once and the parent reads it back
    shared, with no work of its own. A new page is pickled apart for its cache entry.

    With ``spool`` (a folder), that pickle is written to a new file there and the file's path
    returned (``_unspooled`` reads it): a task's results, about 1.5 MB for 128 pages, would
    otherwise go through the pool's pipe, whose reader in the loading process needs the
    interpreter's lock at every 64 kB while that process works, and this process would wait
    on the pipe instead of starting its next task (``benchmarks/README.md``, *The worker's
    gaps*)."""
    # The collector paused as the loading process's own tasks are (``load_corpus``); what the
    # cache cannot write is said by the loading process, where the user sees it.
    with paused_gc(), deferred_warnings() as unsaid:
        will_read(os.path.join(folder, name) for name in names)
        items = [(name, _read(folder, name)) for name in names]
        keys = _keys(items, store)
        if store:
            store.will_get(keys)
        out: list[bytes | PageResult | None] = [store.get_bytes(key) if store else None
                                                for key in keys]
        todo = [i for i, found in enumerate(out) if found is None]
        for i, result in zip(todo, _new_results(items, todo, {}), strict=True):
            out[i] = result
            if store and result.status == "ok":
                store.put(keys[i], result)
        sent = (out, _read_flags(len(items), todo), unsaid)
        if spool is None:
            return sent  # type: ignore[return-value]  # all filled
        return _spooled(sent, spool)  # type: ignore[arg-type]  # all filled


def _spooled(sent: Sent, spool: str) -> Sent | str:
    """``sent`` written to a new file in ``spool``, and the file's path; ``sent`` itself, for
    the pool's pipe, when the file cannot be written (the disk full, the folder gone), its
    part written removed."""
    path = None
    try:
        fd, path = tempfile.mkstemp(dir=spool, suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(sent, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        if path is not None:
            with contextlib.suppress(OSError):
                os.remove(path)
        return sent
    return path


def _unspooled(sent: Sent | str) -> Sent:
    """What ``_process_paths_in_worker`` sent: as it is, or read from its spool file (which
    is then removed)."""
    if not isinstance(sent, str):
        return sent
    try:
        with open(sent, "rb") as fh:
            return pickle.load(fh)
    finally:
        os.remove(sent)


def _from_worker(folder: str, name: str, data: bytes | PageResult, read: bool,
                 store: FileCache | None, tokens: dict[str, str]) -> PageResult:
    """A worker's result for one page (``read``: whether the worker read it from the cache,
    and sent its entry's bytes; else ``data`` is the result it computed, as it is). An
    unreadable cache entry is computed again here, sharing the load's ``tokens``.

    The tokens of the pages a worker computed are shared within each of its tasks, not with
    the rest of the load: sharing them here too made the loading process's reading back about
    2.5 times as long (0.16-0.18 s against 0.07 s for a worker's 1,464 pages of 3,000, by hand
    with ``benchmarks/balance.py``), and two workers 1.76-1.83 times faster than one instead
    of 1.81-1.97; it would save each task's own copies of the tokens it shares with others
    (``benchmarks/README.md``, *The worker's gaps*)."""
    if not read:  # computed by the worker
        return data  # type: ignore[return-value]
    try:
        result = store.loads(data) if store else None  # type: ignore[arg-type]
    except Exception:  # a corrupt cache entry: as FileCache.get, compute again
        result = None
    if not isinstance(result, PageResult):  # the store reads it as absent: computed, written
        return _process_paths(folder, [name], store, tokens=tokens)[0][0]
    return result.renamed(name)


def _count_uncached(folder: Path, names: list[str], store: FileCache, enough: int,
                    sizes: Sequence[int]) -> tuple[int, dict[str, tuple[str, bytes | None]]]:
    """The size of the pages that have no entry in ``store``: counted until it passes
    ``enough``, and then, as a bound from above, with the size of every page not read yet
    (``sizes``, the pages' sizes in bytes, as ``map_pages`` read them; so that
    ``choose_workers`` sees how large the load may be, not only that it passed the
    threshold); and what the count found of each page it read: its key, and its bytes if it
    had no entry (at most about ``enough`` bytes are kept), for ``_process_paths``."""
    version = pipeline_version()
    total = 0
    counted: dict[str, tuple[str, bytes | None]] = {}
    for i, name in enumerate(names):
        if i % PAGES_PER_TASK == 0:
            will_read(os.path.join(folder, n) for n in names[i:i + PAGES_PER_TASK])
        data = _read(folder, name)
        key = page_key(store, name, data, version)
        if store.has(key):
            counted[name] = (key, None)
        else:
            counted[name] = (key, data)
            total += len(data)
            if total > enough:
                return total + sum(sizes[i + 1:]), counted
    return total, counted


def _tasks(names: list[str], n_workers: int) -> list[list[str]]:
    """The pages in tasks of ``PAGES_PER_TASK``, smaller when there are several workers and
    too few pages to give each of them four tasks."""
    size = PAGES_PER_TASK
    if n_workers > 1:
        size = max(1, min(size, math.ceil(len(names) / (4 * n_workers))))
    return [names[i:i + size] for i in range(0, len(names), size)]


def choose_workers(total_bytes: int, workers: int | None = None) -> int:
    """The number of processes working on the pages, the loading one included: ``workers`` if
    given, else ``$HELPERS_WORKERS``, else one up to ``AUTO_PARALLEL_BYTES``, and above it two
    and one more for each further half of it, up to the number of cores.

    Parameters
    ----------
    total_bytes : int
    workers : int | None, optional

    Returns
    -------
    int

    Examples
    --------
    >>> choose_workers(10_000, workers=2)
    2
    """
    if workers is None:
        workers = _workers_from_env()
    if workers is None:
        # Above the threshold, two processes, and one more for each further half of it, up to
        # the cores: each then gets at least about 1.5 MB of pages, some 1.2 s of work, for a
        # start-up of 0.5-1 s (measured with two processes on two cores only).
        workers = 1 if total_bytes <= AUTO_PARALLEL_BYTES else min(
            os.cpu_count() or 1, max(2, total_bytes * 2 // max(1, AUTO_PARALLEL_BYTES)))
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (1: the "
                         f"loading process alone), not {workers!r}")
    return int(workers)


def _workers_from_env() -> int | None:
    """``$HELPERS_WORKERS`` as a number of processes; None when it is unset or blank."""
    value = os.environ.get("HELPERS_WORKERS", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise ValueError(f"$HELPERS_WORKERS must be a whole number of processes, 1 or more "
                         f"(1: the loading process alone), not {value!r}")
    return int(value)


def _show_progress(total_bytes: int, progress: bool | None) -> bool:
    if progress is not None:
        return progress
    if os.environ.get("HELPERS_PROGRESS", "").strip() in {"0", "false", "no"}:
        return False
    return total_bytes > PROGRESS_BYTES


def map_pages(folder: Path, names: list[str], *, cache: bool = True, workers: int | None = None,
              client=None, progress: bool | None = None) -> list[PageResult]:
    """``cached_page`` over the files ``names`` of ``folder``, results in the same order.

    ``client``: a ``dask.distributed.Client`` or a scheduler address ("tcp://host:8786"):
    the pages' bytes are sent to the cluster's workers and the same function runs there, a
    page at a time (install the extra: ``pip install '.[dask]'``). Otherwise ``workers`` local
    processes, this one included (see ``choose_workers``; by default only the pages not yet
    cached count towards the size), in tasks of ``PAGES_PER_TASK`` pages whose paragraphs are
    segmented in one call (``cached_pages``): this process takes the tasks from the first, the
    others (``worker_pool``) from the last.

    Parameters
    ----------
    folder : Path
    names : list[str]
    cache : bool, optional
    workers : int | None, optional
    client : object, optional
    progress : bool | None, optional

    Returns
    -------
    list[PageResult]

    Examples
    --------
    >>> from helpers.corpus import list_pages
    >>> folder, names = list_pages()
    >>> [page.status for page in map_pages(folder, names[:2], workers=1, progress=False)]
    ['ok', 'ok']
    """
    sizes = [os.path.getsize(os.path.join(folder, n)) for n in names]
    total = sum(sizes)
    show = _show_progress(total, progress)
    if client is not None:
        shared: dict[str, str] = {}
        return [shared_tokens(page, shared)
                for page in _map_dask(folder, names, cache, client, show)]
    n_workers = choose_workers(total, workers)
    store = page_store() if cache else None
    counted: dict[str, tuple[str, bytes | None]] = {}
    if n_workers > 1 and store is not None and workers is None and _workers_from_env() is None:
        # Pages already in the cache need no worker: a warm load starts no processes. What
        # the count read is used again by this process, which takes the tasks from the first:
        # those pages are read and hashed once (but for any the other processes reach).
        uncached, counted = _count_uncached(folder, names, store, AUTO_PARALLEL_BYTES, sizes)
        n_workers = choose_workers(uncached)
    tasks = _tasks(names, n_workers)
    bar = tqdm(total=len(names), desc="loading corpus", unit="file") if show else None
    # Pages computed in this process share one string per distinct token (``shared_tokens``),
    # and a worker's within each of its tasks (``_from_worker``); pages read back from the
    # cache keep their own: sharing them was a large part of a warm load's time, for less
    # memory at its peak (benchmarks/README.md).
    tokens: dict[str, str] = {}
    try:
        results = _run_tasks(str(folder), tasks, store, counted, n_workers,
                             bar.update if bar is not None else lambda pages: None, tokens)
    finally:
        if bar is not None:
            bar.close()
    return results


def worker_pool(n_workers: int) -> Executor:
    """The processes a load with ``n_workers`` workers runs beside this one (``n_workers - 1``
    of them, loky's reusable pool): started at the first call, kept for later loads while
    they are used (``WORKER_IDLE_SECONDS``). Each uses its share of the cores for the native
    thread pools (BLAS, OpenMP) unless the environment sets their sizes, as joblib's pool
    did.

    Parameters
    ----------
    n_workers : int
        Processes working on pages, this one included (at least 2).

    Returns
    -------
    concurrent.futures.Executor
    """
    if n_workers < 2:
        raise ValueError(f"a pool serves loads with at least 2 workers, not {n_workers}")
    # Imported here: about 0.1 s that a load in one process (or from the cache) does not need.
    from joblib.externals import loky

    share = str(max(1, (os.cpu_count() or 1) // n_workers))
    env = {name: share for name in _THREAD_POOL_SIZES if name not in os.environ}
    return loky.get_reusable_executor(max_workers=n_workers - 1, timeout=WORKER_IDLE_SECONDS,
                                      env=env)


def _run_tasks(folder: str, tasks: list[list[str]], store: FileCache | None,
               counted: dict[str, tuple[str, bytes | None]], n_workers: int,
               tick: Callable[[int], object],
               tokens: dict[str, str]) -> list[PageResult]:
    """Each page's result, in the order of ``tasks``.

    This process works through the tasks from the first (``_process_paths``, with what the
    count read: ``counted``); the ``n_workers - 1`` processes of ``worker_pool`` take them from
    the last, ``TASKS_PER_WORKER`` each at a time, the next sent as soon as one returns. This
    process reads their results back between its own tasks. So it works while the others
    start up, and does not compete with as many others as there are cores. It keeps at least
    the first task: a load of a single task sends nothing. When this process has no task left
    and no worker has sent one back yet (they are still starting up, as in a small load),
    it takes their tasks back one at a time and does them, until one comes back, rather than
    wait (``TAKE_STARTING_WORKERS_TASKS``; ``benchmarks/README.md``, *Small loads*); what a
    worker sends for a task taken back is dropped (``_discard``), an error included. A task
    the pool has queued cannot be stopped: it runs on after the load, and writes its pages'
    cache entries. A worker's error is raised here and nothing more is sent; after Ctrl-C
    the workers are stopped. ``tick(pages)``: after each task, with its number of pages.
    The pages computed here share ``tokens``
    (``shared_tokens``); a worker's results share theirs within their task (``_from_worker``).
    A worker's results come back in a file of the load's spool folder (``_spool``).
    While another load of this process (in another thread) uses the pool, every task is done
    here (``_POOL_IN_USE``)."""
    done: list[list[PageResult] | None] = [None] * len(tasks)
    pending = collections.deque(range(len(tasks)))
    with _pool_if_free(n_workers, len(tasks)) as executor, _spool(executor) as spool:
        lock = threading.Lock()         # pending and running, shared with the pool's thread
        running: dict[Future, int] = {}
        returned: queue.SimpleQueue[Future] = queue.SimpleQueue()
        came_back = [0]                 # the workers' tasks read back

        def send() -> None:  # the last task not taken, to a worker
            with lock:
                if not pending or executor is None:
                    return
                i = pending.pop()
                try:
                    future = executor.submit(_process_paths_in_worker, folder, tasks[i], store,
                                             spool)
                except RuntimeError:  # a pool shut down or broken meanwhile: the task stays here
                    pending.append(i)
                    return
                running[future] = i
            future.add_done_callback(on_return)  # called at once if it is done already

        def on_return(future: Future) -> None:  # in the pool's thread
            returned.put(future)
            if not future.cancelled() and future.exception() is None:
                send()

        def read_back(block: bool) -> None:  # the workers' results returned (at least one)
            while True:
                try:
                    future = returned.get(block=block)
                except queue.Empty:
                    return
                with lock:
                    i = running.pop(future, None)
                came_back[0] += 1
                if i is None:  # a task this process took back and did itself
                    _discard(future)
                    continue
                datas, reads, unsaid = _unspooled(future.result())  # a worker's error: here
                say_cannot_write(unsaid)
                done[i] = [_from_worker(folder, name, data, read, store, tokens)
                           for name, data, read in zip(tasks[i], datas, reads, strict=True)]
                tick(len(tasks[i]))
                block = False

        try:
            for _ in range(min((n_workers - 1) * TASKS_PER_WORKER, len(tasks) - 1)):
                send()
            while True:
                with lock:
                    if not pending:
                        break
                    i = pending.popleft()
                done[i] = _process_paths(folder, tasks[i], store, counted, tokens)[0]
                tick(len(tasks[i]))
                read_back(block=False)
            # No task left to take (nor to send): the workers' last ones. While none has come
            # back, the workers are still starting up (a new interpreter, the imports, the
            # model: 0.5-1 s) and this process would wait for them: it takes their
            # tasks back one at a time and does them, until one comes back.
            while TAKE_STARTING_WORKERS_TASKS:
                read_back(block=False)
                with lock:
                    if came_back[0] or not running:
                        break
                    future, i = max(running.items(), key=lambda item: item[1])
                    del running[future]
                future.cancel()  # (a task the pool has queued already runs all the same)
                done[i] = _process_paths(folder, tasks[i], store, counted, tokens)[0]
                tick(len(tasks[i]))
            while running:
                read_back(block=True)
        except BaseException as error:
            with lock:
                pending.clear()          # nothing more is sent; tasks not started are dropped
                for future in running:
                    future.cancel()
            if executor is not None and not isinstance(error, Exception):
                # Ctrl-C: a worker's task may be what hangs; loky's pool stops its processes now
                executor.shutdown(wait=False, kill_workers=True)  # type: ignore[call-arg]
            raise
        return [result for task in done for result in task]  # type: ignore[union-attr]  # all filled


def _discard(future: Future) -> None:
    """Forget what a worker sent for a task this process did itself: its spool file removed,
    an error it met ignored (this process met none doing the same)."""
    if future.cancelled() or future.exception() is not None:
        return
    sent = future.result()
    if isinstance(sent, str):
        with contextlib.suppress(OSError):
            os.remove(sent)


@contextlib.contextmanager
def _spool(executor: Executor | None) -> Iterator[str | None]:
    """A new folder for the workers' results (``_process_paths_in_worker``), removed with what
    is left in it when the load ends, whatever happens; None without a pool, or when no
    temporary folder can be made (the results then come back through the pool's pipe)."""
    if executor is None:
        yield None
        return
    try:
        folder = tempfile.mkdtemp(prefix="helpers-load-")
    except OSError:   # no writable temporary folder ($TMPDIR): slower, not wrong
        yield None
        return
    try:
        yield folder
    finally:
        # A worker's task still running when the load stops (an error, Ctrl-C) may write its
        # file while the folder is removed: once more after it.
        for _ in range(2):
            shutil.rmtree(folder, ignore_errors=True)
            if not os.path.exists(folder):
                break


@contextlib.contextmanager
def _pool_if_free(n_workers: int, n_tasks: int) -> Iterator[Executor | None]:
    """``worker_pool(n_workers)``, held by this load while it runs (``_POOL_IN_USE``); None
    when the load needs none (one worker, or one task: this process does it) or another load
    of this process holds the pool."""
    pooled = n_workers > 1 and n_tasks > 1 and _POOL_IN_USE.acquire(blocking=False)
    try:
        yield worker_pool(n_workers) if pooled else None
    finally:
        if pooled:
            _POOL_IN_USE.release()


def shared_tokens(result: PageResult, tokens: dict[str, str]) -> PageResult:
    """``result`` with each of its tokens (segments and words) replaced by the string ``tokens``
    holds for it (the token itself is added when new). A page result that comes back from a
    worker process or the disk cache holds its own copy of every token; a corpus has few
    distinct tokens (about 50,000 for 1,000 articles, against 770,000 occurrences), so sharing
    them across pages keeps a load's memory down (the pages the loading process computes
    share them across the load; a worker's, within each task). The result is equal to
    ``result``.

    A dict of the load rather than ``sys.intern``: on Python 3.12 interned strings are never
    freed, so every token of every corpus loaded would stay in memory.

    Parameters
    ----------
    result : PageResult
    tokens : dict
        The strings already seen, by value; updated.

    Returns
    -------
    PageResult

    Examples
    --------
    >>> import pickle  # as results come back from a worker process or the disk cache
    >>> page = "Hội nghị\\nHội nghị ngoại giao và hội nghị.".encode()
    >>> a, b = (pickle.loads(pickle.dumps(cached_page(name, page, cache=False)))
    ...         for name in ("a.txt", "b.txt"))
    >>> a.words[0] is b.words[0]
    False
    >>> seen = {}
    >>> a2, b2 = shared_tokens(a, seen), shared_tokens(b, seen)
    >>> a2 == a, a2.words[0] is b2.words[0]
    (True, True)
    """
    if not result.words and not result.segments:
        return result
    canonical = tokens.setdefault
    return dataclasses.replace(
        result, words=tuple(map(canonical, result.words, result.words)),
        segments=tuple(tuple(map(canonical, paragraph, paragraph))
                       for paragraph in result.segments))


def _map_dask(folder: Path, names: list[str], cache: bool, client,
              show: bool) -> list[PageResult]:
    try:  # an optional dependency: imported only when a cluster is asked for
        from dask.distributed import Client
        from dask.distributed import progress as dask_progress
    except ImportError:
        raise ImportError("load_corpus(client=...) needs dask.distributed: "
                          "pip install '.[dask]'") from None
    own = isinstance(client, str)
    if own:
        client = Client(client)
    try:
        datas = [(folder / n).read_bytes() for n in names]
        futures = client.map(cached_page, names, datas, cache=cache, pure=False)
        if show:
            dask_progress(futures)
        return client.gather(futures)
    finally:
        if own:
            client.close()
