"""The per-article function, local parallelism, the cache, and the dask path give one table."""
import itertools
import os
import pickle
import shutil
import tempfile
import threading
import warnings
from pathlib import Path

import pandas as pd
import pytest

import helpers
import helpers.text
from conftest import IN_THE_WAY, SEEDS
from helpers import cache, pages, pipeline


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    assert df["page"].map(lambda p: isinstance(p, pages.PageResult)).all()
    return df.drop(columns=["tokens", "page"]).assign(tokens=df["tokens"].map(tuple))


def assert_same_corpus(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(_comparable(a), _comparable(b))
    assert a["page"].tolist() == b["page"].tolist()


def test_process_page_is_a_pure_function_of_the_bytes(tmp_path):
    (path,) = SEEDS.glob("002_*.txt")
    data = path.read_bytes()
    first = pages.process_page(path.name, data)
    again = pages.process_page(path.name, data, cache=False)
    assert first.status == "ok" and first.words
    assert first == again
    assert pages.process_page("x.txt", b"").status == "empty"
    bad = pages.process_page("x.txt", b"\xff\xfe\xff")
    assert bad.status == "undecodable" and "x.txt" in bad.error


def _mixed_pages() -> list[tuple[str, bytes]]:
    """Seeds, realistic text pages, HTML pages, an empty and an undecodable one, a page with no
    body, interleaved."""
    data = SEEDS.parent / "tests" / "data"
    files = (sorted(SEEDS.glob("*.txt")) + sorted((data / "realistic").glob("*.txt"))[:12]
             + sorted((data / "html").glob("*.html")))
    items = [(path.name, path.read_bytes()) for path in files]
    extra = [("empty.txt", b" \n "), ("bad.txt", b"\xff\xfe\xff"),
             ("menu.txt", "Trang chủ\nThời sự\nBÌNH LUẬN".encode())]
    return [item for pair in itertools.zip_longest(items, extra) for item in pair if item]


def test_pages_processed_together_equal_pages_processed_one_by_one(monkeypatch):
    items = _mixed_pages()
    alone = [pages.process_page(name, data, cache=False) for name, data in items]
    assert {page.status for page in alone} == {"ok", "empty", "undecodable"}
    calls = []
    real = helpers.text._segment_uncached
    monkeypatch.setattr(helpers.text, "_segment_uncached",
                        lambda texts: calls.append(len(texts)) or real(texts))
    together = pages.process_pages(items, cache=False)
    assert together == alone
    assert calls == [sum(1 for page in alone if page.segments)]  # one call for all the pages


def test_an_unexpected_error_in_a_task_names_its_page(monkeypatch):
    items = _mixed_pages()[:6]
    real = pages.infer_metadata
    third = pages.process_page(*items[2], cache=False).article.text

    def fails_on_the_third(article):
        if article.text == third:
            raise KeyError("boom")
        return real(article)

    monkeypatch.setattr(pages, "infer_metadata", fails_on_the_third)
    with pytest.raises(KeyError, match="boom") as caught:
        pages.process_pages(items, cache=False)
    assert caught.value.__notes__ == [f"while processing the page {items[2][0]}"]


def test_cached_pages_process_only_the_pages_not_in_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    items = _mixed_pages()
    store = pipeline.page_store()
    first = pipeline.cached_pages(items[::2], store=store)
    processed = []
    real = pipeline.process_pages
    monkeypatch.setattr(pipeline, "process_pages",
                        lambda todo, cache: processed.extend(n for n, _ in todo)
                        or real(todo, cache=cache))
    both = pipeline.cached_pages(items, store=store)
    assert both[::2] == first
    assert both == [pages.process_page(name, data, cache=False) for name, data in items]
    # the odd pages, and the even ones that are not cached (only "ok" results are)
    assert processed == [name for i, (name, _) in enumerate(items)
                         if i % 2 or first[i // 2].status != "ok"]
    _, read = pipeline._cached_pages(items, True, store)
    assert read == [page.status == "ok" for page in both]     # now every "ok" page is cached


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*that are not .htm")       # the expected key
@pytest.mark.filterwarnings("ignore:.*README file")             # the folder's README
@pytest.mark.parametrize("folder", [None, SEEDS.parent / "tests" / "data" / "realistic"])
def test_two_local_workers_give_the_same_table_in_the_same_order(folder, monkeypatch):
    serial = helpers.load_corpus(folder, workers=1)
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 3)   # several tasks, joined in order
    parallel = helpers.load_corpus(folder, workers=2, cache=False)
    assert_same_corpus(serial, parallel)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Trying to resize an executor")   # loky, while both run
def test_two_loads_at_once_with_different_workers_give_the_same_table(monkeypatch):
    # loky keeps one reusable pool per process; resizing it while the other load's tasks run
    # could leave loky waiting for ever, so a load that finds the pool in use works alone.
    import threading

    serial = helpers.load_corpus(workers=1, cache=False)
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    loaded: dict[int, object] = {}

    def load(workers: int) -> None:
        try:
            loaded[workers] = helpers.load_corpus(workers=workers, cache=False)
        except BaseException as error:      # reported below, in the test's thread
            loaded[workers] = error

    threads = [threading.Thread(target=load, args=(n,)) for n in (2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    for workers in (2, 3):
        assert isinstance(loaded[workers], pd.DataFrame), loaded[workers]
        assert_same_corpus(serial, loaded[workers])


def test_a_load_that_finds_the_pool_in_use_does_its_tasks_here(monkeypatch):
    def no_pool(n_workers):
        raise AssertionError("the pool is in use: no load may ask for it")

    monkeypatch.setattr(pipeline, "worker_pool", no_pool)
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    serial = helpers.load_corpus(workers=1, cache=False)
    with pipeline._POOL_IN_USE:                          # another thread's load holds it
        alone = helpers.load_corpus(workers=2, cache=False)
    assert_same_corpus(serial, alone)


def test_tasks_keep_the_page_order_and_give_several_workers_four_tasks_each():
    names = [f"{i}.txt" for i in range(1000)]
    for workers, sizes in [(1, {128, 104}), (2, {125}), (3, {84, 76}), (4, {63, 55})]:
        tasks = pipeline._tasks(names, workers)
        assert [n for task in tasks for n in task] == names
        assert {len(task) for task in tasks} == sizes
    assert [len(t) for t in pipeline._tasks(names[:6], 2)] == [1] * 6
    assert pipeline._tasks([], 2) == []


@pytest.fixture
def threads_as_workers(monkeypatch):
    """``worker_pool`` as threads of this process (shut down afterwards); yields the first
    page of each task this process ("here") and the workers ran."""
    import concurrent.futures

    ran: dict[str, list[str]] = {"here": [], "workers": []}
    pools: list[concurrent.futures.ThreadPoolExecutor] = []
    real_here, real_worker = pipeline._process_paths, pipeline._process_paths_in_worker
    # Threads start at once: each task runs where the test expects it, never also here
    monkeypatch.setattr(pipeline, "TAKE_STARTING_WORKERS_TASKS", False)
    monkeypatch.setattr(pipeline, "worker_pool", lambda n: pools.append(
        concurrent.futures.ThreadPoolExecutor(max_workers=n - 1)) or pools[-1])
    monkeypatch.setattr(pipeline, "_process_paths", lambda folder, names, *rest: ran[
        "here"].append(names[0]) or real_here(folder, names, *rest))
    monkeypatch.setattr(pipeline, "_process_paths_in_worker", lambda folder, names, *rest: ran[
        "workers"].append(names[0]) or real_worker(folder, names, *rest))
    yield ran
    for pool in pools:
        pool.shutdown(wait=True)


@pytest.mark.parametrize("workers", [2, 3])
def test_this_process_takes_tasks_from_the_first_and_the_workers_from_the_last(
        tmp_path, monkeypatch, threads_as_workers, workers):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    serial = helpers.load_corpus(workers=1, cache=False)
    ran = threads_as_workers
    ran["here"].clear()                                  # the serial load's task
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    spools = tmp_path / "tmp"      # where the load's spool folder is made (``_spool``)
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    spooled = []
    real_unspooled = pipeline._unspooled
    monkeypatch.setattr(pipeline, "_unspooled", lambda sent: spooled.append(sent) or
                        real_unspooled(sent))
    shared = helpers.load_corpus(workers=workers)
    assert_same_corpus(serial, shared)
    names = sorted(serial["source_file"])              # one page per task, in name order
    here, there = sorted(ran["here"]), sorted(ran["workers"])
    assert sorted(here + there) == names                # each task once
    assert here == names[:len(here)] and there == names[len(here):]
    assert here                                        # this process took the first
    # the workers' results came back through files in the load's spool folder, all removed
    assert len(spooled) == len(there) and all(
        isinstance(path, str) and Path(path).parent.parent == spools for path in spooled)
    assert list(spools.iterdir()) == []


def test_a_load_does_not_wait_for_workers_still_starting_up(tmp_path, monkeypatch,
                                                            threads_as_workers):
    # No worker has sent a task back when this process runs out of tasks (the pool's start-up
    # takes about a second): it does their tasks too, and their late results are not read.
    import threading

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    serial = helpers.load_corpus(workers=1, cache=False)
    ran = threads_as_workers
    ran["here"].clear()
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    monkeypatch.setattr(pipeline, "TAKE_STARTING_WORKERS_TASKS", True)   # as in a real load
    started = threading.Event()
    wrapped = pipeline._process_paths_in_worker          # the fixture's, which records tasks

    def starting_up(*args):
        assert started.wait(timeout=20), "the load waited for the worker"
        return wrapped(*args)

    monkeypatch.setattr(pipeline, "_process_paths_in_worker", starting_up)
    counted = []

    class Bar:
        def __init__(self, total, **kwargs):
            self.total = total

        def update(self, n):
            counted.append(n)

        def close(self):
            pass

    monkeypatch.setattr(pipeline, "tqdm", Bar)
    try:
        shared = helpers.load_corpus(workers=2, progress=True)
    finally:
        started.set()
    assert_same_corpus(serial, shared)
    assert sorted(ran["here"]) == sorted(serial["source_file"])   # every task here
    assert sum(counted) == len(serial)                              # each page counted once


def test_what_a_worker_sends_for_a_task_taken_back_is_dropped(tmp_path, monkeypatch,
                                                               threads_as_workers):
    # Two workers, each held up; this process takes the last task back, and while it does it
    # that task's worker finishes: what it sent is dropped (its spool file removed), the
    # other worker, now seen to be up, is waited for, and the bar counts each page once.
    import threading
    import time

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    serial = helpers.load_corpus(workers=1, cache=False)
    names = sorted(serial["source_file"])
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    monkeypatch.setattr(pipeline, "TAKE_STARTING_WORKERS_TASKS", True)
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    release = threading.Event()
    finished = {name: threading.Event() for name in names}
    worker, here = pipeline._process_paths_in_worker, pipeline._process_paths

    def held_up(folder, task, *rest):
        assert release.wait(timeout=20)
        try:
            return worker(folder, task, *rest)
        finally:
            finished[task[0]].set()

    taken_back = []

    def here_task(folder, task, *rest):
        if task[0] in names[-2:]:                 # the workers' tasks: taken back
            taken_back.append(task[0])
            release.set()
            assert finished[task[0]].wait(timeout=20)
            time.sleep(0.1)                       # its result handed to this process
        return here(folder, task, *rest)

    discarded = []
    real_discard = pipeline._discard
    monkeypatch.setattr(pipeline, "_discard", lambda future: discarded.append(
        future.result()) or real_discard(future))
    monkeypatch.setattr(pipeline, "_process_paths_in_worker", held_up)
    monkeypatch.setattr(pipeline, "_process_paths", here_task)
    bars = []

    class Bar:
        def __init__(self, total, **kwargs):
            bars.append(self)
            self.total, self.counted = total, 0

        def update(self, n):
            self.counted += n

        def close(self):
            pass

    monkeypatch.setattr(pipeline, "tqdm", Bar)
    shared = helpers.load_corpus(workers=3, progress=True)
    assert_same_corpus(serial, shared)
    assert taken_back == [names[-1]]              # the first sent; then the other came back
    assert len(discarded) == 1 and isinstance(discarded[0], str)
    assert not Path(discarded[0]).exists() and list(spools.iterdir()) == []
    assert bars[0].counted == bars[0].total == len(names)


def test_a_workers_error_is_raised_here_and_no_more_tasks_are_sent(tmp_path, monkeypatch,
                                                                    threads_as_workers):
    import threading

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    ran = threads_as_workers
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    failed = threading.Event()
    real_here = pipeline._process_paths

    def broken(folder, names, *rest):
        ran["workers"].append(names[0])
        failed.set()
        raise OSError(f"disk gone while reading {names[0]}")

    def here_after_the_failure(folder, names, *rest):  # (real_here records the task)
        assert failed.wait(timeout=30)
        return real_here(folder, names, *rest)

    monkeypatch.setattr(pipeline, "_process_paths_in_worker", broken)
    monkeypatch.setattr(pipeline, "_process_paths", here_after_the_failure)
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    with pytest.raises(OSError, match="disk gone while reading"):
        helpers.load_corpus(workers=3)                 # two workers, one task each at first
    # the other worker's task may have run; nothing was sent after the failure, and this
    # process stopped after the task it was doing
    assert len(ran["workers"]) <= 2 and len(ran["here"]) == 1
    assert list(spools.iterdir()) == []                # the spool folder removed all the same


def test_without_a_temporary_folder_the_workers_results_come_through_the_pipe(
        tmp_path, monkeypatch, threads_as_workers):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    serial = helpers.load_corpus(workers=1, cache=False)
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "not-there"))
    sent = []
    real_unspooled = pipeline._unspooled
    monkeypatch.setattr(pipeline, "_unspooled", lambda result: sent.append(result) or
                        real_unspooled(result))
    assert_same_corpus(serial, helpers.load_corpus(workers=2))
    assert threads_as_workers["workers"] and len(sent) == len(threads_as_workers["workers"])
    assert all(isinstance(result, tuple) for result in sent)   # not a spool file's path


def test_a_spool_file_the_load_did_not_read_is_removed_with_its_folder(
        tmp_path, monkeypatch, threads_as_workers):
    # The worker wrote its task's file; this process fails before reading it back.
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    written = []

    def fails_before_reading(sent):
        written.append(sent)
        assert Path(sent).is_file()
        raise MemoryError("no room to read it back")

    monkeypatch.setattr(pipeline, "_unspooled", fails_before_reading)
    with pytest.raises(MemoryError, match="no room"):
        helpers.load_corpus(workers=2)
    assert written and list(spools.iterdir()) == []


def test_a_worker_that_cannot_write_its_spool_file_sends_its_results_through_the_pipe(
        tmp_path, monkeypatch):
    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:2]
    sent = pipeline._process_paths_in_worker(str(SEEDS), names, None)
    assert pipeline._spooled(sent, str(tmp_path / "gone")) is sent      # the folder removed

    def disk_full(obj, fh, protocol=None):
        fh.write(b"part of it")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.pickle, "dump", disk_full)
    assert pipeline._spooled(sent, str(tmp_path)) is sent
    assert list(tmp_path.iterdir()) == []                                # the part removed


def test_a_workers_task_runs_with_the_collector_paused(monkeypatch):
    import gc

    seen = []
    real = pipeline._new_results
    monkeypatch.setattr(pipeline, "_new_results", lambda *args: seen.append(gc.isenabled()) or
                        real(*args))
    assert gc.isenabled()
    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:1]
    pipeline._process_paths_in_worker(str(SEEDS), names, None)
    assert seen == [False] and gc.isenabled()


def test_a_spooled_task_reads_back_as_sent_and_its_file_is_removed(tmp_path):
    store = cache.FileCache(tmp_path / "cache", "pickle")
    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:2]
    direct = pipeline._process_paths_in_worker(str(SEEDS), names, None)
    path = pipeline._process_paths_in_worker(str(SEEDS), names, store, str(tmp_path))
    assert isinstance(path, str) and Path(path).parent == tmp_path and Path(path).is_file()
    back, read, unsaid = pipeline._unspooled(path)
    assert not Path(path).exists() and read == direct[1] == [False, False] and unsaid == []
    assert back == direct[0] and [p.source_file for p in back] == names
    assert pipeline._unspooled(direct) is direct      # a result not spooled is taken as it is


@pytest.mark.parametrize("workers", [1, 2])
def test_the_progress_bar_counts_every_page_once(tmp_path, monkeypatch, threads_as_workers,
                                                 workers):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 2)
    bars = []

    class Bar:
        def __init__(self, total, **kwargs):
            bars.append(self)
            self.total, self.counted, self.closed = total, 0, False

        def update(self, n):
            self.counted += n

        def close(self):
            self.closed = True

    monkeypatch.setattr(pipeline, "tqdm", Bar)
    corpus = helpers.load_corpus(workers=workers, progress=True)
    (bar,) = bars
    assert bar.total == bar.counted == len(corpus) and bar.closed


def test_a_single_task_is_done_here_without_a_pool(tmp_path, monkeypatch, threads_as_workers):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    ran = threads_as_workers
    pools = []
    monkeypatch.setattr(pipeline, "worker_pool", lambda n: pools.append(n))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    folder = tmp_path / "one"
    folder.mkdir()
    (seed,) = sorted(SEEDS.glob("*.txt"))[:1]
    shutil.copy(seed, folder / seed.name)
    corpus = helpers.load_corpus(folder, workers=2)
    assert corpus["source_file"].tolist() == [seed.name]
    assert ran == {"here": [seed.name], "workers": []} and pools == []


@pytest.mark.parametrize("accepted", [0, 1])
def test_a_task_the_pool_refuses_is_done_here(tmp_path, monkeypatch, threads_as_workers,
                                              accepted):
    """Refused on the first send (``accepted`` 0), or on a send from the pool's thread."""
    import concurrent.futures

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    serial = helpers.load_corpus(workers=1, cache=False)
    ran = threads_as_workers
    ran["here"].clear()                                  # the serial load's task

    class ShutDownAfter(concurrent.futures.ThreadPoolExecutor):
        def submit(self, *args, **kwargs):
            if len(ran["workers"]) >= accepted:
                raise RuntimeError("cannot schedule new futures after shutdown")
            return super().submit(*args, **kwargs)

    pools = []
    monkeypatch.setattr(pipeline, "worker_pool", lambda n: pools.append(ShutDownAfter(1))
                        or pools[-1])
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    assert_same_corpus(serial, helpers.load_corpus(workers=2))
    names = sorted(serial["source_file"])
    assert len(ran["workers"]) == accepted
    assert sorted(ran["here"] + ran["workers"]) == names            # each task once
    pools[0].shutdown(wait=True)


def test_ctrl_c_stops_the_workers(tmp_path, monkeypatch, threads_as_workers):
    import concurrent.futures

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    stopped = []

    class Recording(concurrent.futures.ThreadPoolExecutor):
        def shutdown(self, wait=True, **kwargs):
            stopped.append(kwargs)
            super().shutdown(wait=False)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "worker_pool", lambda n: Recording(max_workers=1))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    monkeypatch.setattr(pipeline, "_process_paths", interrupted)
    with pytest.raises(KeyboardInterrupt):
        helpers.load_corpus(workers=2)
    assert stopped == [{"kill_workers": True}]


def test_a_pools_processes_get_their_share_of_the_cores_for_thread_pools(monkeypatch):
    calls = []
    monkeypatch.setattr("joblib.externals.loky.get_reusable_executor",
                        lambda **kw: calls.append(kw))
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 4)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")                 # the user's choice is kept
    pipeline.worker_pool(2)
    (kwargs,) = calls
    assert kwargs["max_workers"] == 1
    assert kwargs["env"]["OMP_NUM_THREADS"] == "2" and "MKL_NUM_THREADS" not in kwargs["env"]


def test_a_pool_serves_loads_of_two_workers_or_more():
    with pytest.raises(ValueError, match="at least 2 workers"):
        pipeline.worker_pool(1)


@pytest.mark.slow
def test_a_warm_load_starts_no_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HELPERS_WORKERS", raising=False)
    monkeypatch.setattr(pipeline, "AUTO_PARALLEL_BYTES", 0)      # the seeds count as large
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    pools = []
    real = pipeline.worker_pool
    monkeypatch.setattr(pipeline, "worker_pool", lambda n: pools.append(n) or real(n))
    cold = helpers.load_corpus()
    assert len(pools) == 1
    reads = []
    real_read = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda folder, name: reads.append(name)
                        or real_read(folder, name))
    warm = helpers.load_corpus()
    assert len(pools) == 1                                         # every page was cached
    assert_same_corpus(cold, warm)
    # the count that found every page cached was the only read of each page
    assert sorted(reads) == sorted(warm["source_file"]) and len(set(reads)) == len(reads)


@pytest.mark.parametrize("workers", [1, None])
def test_every_file_a_load_reads_was_asked_for_beforehand(tmp_path, monkeypatch, workers):
    """Files a task reads are advised at once (``will_read``), before the first is read: the
    system reads those no longer in memory side by side."""
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HELPERS_WORKERS", raising=False)
    # With workers chosen by the load, the seeds count as large: their uncached bytes are
    # counted, none are found, and the load stays in this process.
    monkeypatch.setattr(pipeline, "AUTO_PARALLEL_BYTES", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    helpers.load_corpus(workers=1)                                   # the cache filled
    counts = []
    real_count = pipeline._count_uncached
    monkeypatch.setattr(pipeline, "_count_uncached",
                        lambda *a: counts.append(a) or real_count(*a))
    events: list[tuple[str, str]] = []
    real_advise, real_read, real_get = cache.will_read, pipeline._read, cache.FileCache.get

    def advise(paths):
        paths = list(paths)
        events.extend(("advised", os.path.abspath(path)) for path in paths)
        return real_advise(paths)

    monkeypatch.setattr(cache, "will_read", advise)
    monkeypatch.setattr(pipeline, "will_read", advise)
    monkeypatch.setattr(pipeline, "_read", lambda folder, name: events.append(
        ("read", os.path.abspath(os.path.join(folder, name)))) or real_read(folder, name))
    monkeypatch.setattr(cache.FileCache, "get", lambda self, key: events.append(
        ("read", os.path.abspath(self._path(key)))) or real_get(self, key))
    warm = helpers.load_corpus(workers=workers)
    entries = os.path.abspath(pipeline.page_store().folder)
    reads = [(i, path) for i, (kind, path) in enumerate(events) if kind == "read"
             and (path.startswith(entries) or path.startswith(str(SEEDS.resolve())))]
    assert len(reads) == 2 * len(warm)                         # each page and its entry
    for i, path in reads:
        assert ("advised", path) in events[:i], path
    assert len(counts) == (workers is None)


def test_pages_counted_are_not_read_again_and_a_lost_entry_is_read_afresh(tmp_path,
                                                                           monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "pages"
    shutil.copytree(SEEDS, folder)
    names = sorted(p.name for p in folder.glob("*.txt"))
    store = pipeline.page_store()
    pipeline._process_paths(str(folder), names[:2], store)              # the first two cached
    sizes = [(folder / n).stat().st_size for n in names]
    uncached, counted = pipeline._count_uncached(folder, names, store, 10**9, sizes)
    assert [counted[n][1] is None for n in names] == [True, True] + [False] * (len(names) - 2)
    assert uncached == sum((folder / n).stat().st_size for n in names[2:])
    # after the count: the third page changes on disk, the first one's entry goes
    (folder / names[2]).write_text("Một trang khác\nNội dung đã đổi sau khi đếm.", "utf-8")
    os.unlink(store._path(counted[names[0]][0]))
    reads = []
    real_read = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda f, name: reads.append(name)
                        or real_read(f, name))
    results, read = pipeline._process_paths(str(folder), names, store, counted)
    assert reads == [names[0]]                            # only the page whose entry went
    assert read == [False, True] + [False] * (len(names) - 2)
    assert counted == {}                                  # every page's count was used
    # each page as the count read it (the third one's old bytes), under the name given
    original = {n: (SEEDS / n).read_bytes() for n in names}
    assert results == [pages.process_page(n, original[n], cache=False) for n in names]
    assert store.has(counted_key := pipeline.page_key(store, names[2], original[names[2]],
                                                        pipeline.pipeline_version()))
    assert isinstance(store.get(counted_key), pages.PageResult)


@pytest.mark.slow
def test_worker_results_read_from_the_cache_are_renamed_and_corrupt_entries_recomputed(
        tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 2)
    folder = tmp_path / "pages"
    shutil.copytree(SEEDS, folder)
    first, second = sorted(folder.glob("*.txt"))[:2]
    (folder / "zz_copy.txt").write_bytes(first.read_bytes())   # the same bytes, another name
    alone = helpers.load_corpus(folder, workers=1, cache=False)
    assert_same_corpus(alone, helpers.load_corpus(folder, workers=2))
    store = pipeline.page_store()
    # the copy is read from the first page's entry, and renamed in the parent (the entry as
    # the first page wrote it: in the load, the copy may have been processed first)
    version = pipeline.pipeline_version()
    store.put(pipeline.page_key(store, first.name, first.read_bytes(), version),
              pipeline.cached_page(first.name, first.read_bytes(), cache=False))
    sent, read, _ = pipeline._process_paths_in_worker(str(folder), ["zz_copy.txt"], store)
    assert read == [True]
    page = pipeline._from_worker(str(folder), "zz_copy.txt", sent[0], True, store, {})
    assert page.source_file == "zz_copy.txt" and store.loads(sent[0]).source_file == first.name
    # a corrupt entry is computed again, in the parent, and written again
    key = pipeline.page_key(store, second.name, second.read_bytes(), version)
    store.put_bytes(key, b"not a pickle")
    assert_same_corpus(alone, helpers.load_corpus(folder, workers=2))
    assert isinstance(store.get(key), pages.PageResult)
    # ... sharing the load's token strings, as any page the load computes
    store.put_bytes(key, b"not a pickle")
    tokens: dict[str, str] = {}
    again = pipeline._from_worker(str(folder), second.name, b"not a pickle", True, store, tokens)
    assert again.source_file == second.name and again.words
    assert all(tokens.get(word) is word for word in again.words)
    assert isinstance(store.get(key), pages.PageResult)
    # a result the worker computed is sent as the result itself, and taken as it is
    (folder / "zz_new.txt").write_bytes(second.read_bytes() + "\nMột dòng mới.\n".encode())
    sent, read, _ = pipeline._process_paths_in_worker(str(folder), ["zz_new.txt"], store)
    assert read == [False] and isinstance(sent[0], pages.PageResult)
    assert pipeline._from_worker(str(folder), "zz_new.txt", sent[0], False, store, {}) is sent[0]
    assert store.get(pipeline.page_key(store, "zz_new.txt", (folder / "zz_new.txt").read_bytes(),
                                       version)) == sent[0]    # its cache entry written


def test_the_count_of_uncached_pages_bounds_the_rest_once_past_its_threshold(tmp_path):
    # Past ``enough`` it stops reading, and counts every page not read yet as uncached: the
    # workers are chosen by how large the load may be (``choose_workers``).
    store = cache.FileCache(tmp_path, "pickle")
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    sizes = [(SEEDS / name).stat().st_size for name in names]
    total, counted = pipeline._count_uncached(SEEDS, names, store, sizes[0] + 1, sizes)
    assert total == sum(sizes) and list(counted) == names[:2]       # two read, the rest bound
    total, counted = pipeline._count_uncached(SEEDS, names, store, sum(sizes), sizes)
    assert total == sum(sizes) and list(counted) == names           # all read, none past it
    version = pipeline.pipeline_version()
    for name in names[:3]:                                         # cached pages count nothing
        data = (SEEDS / name).read_bytes()
        store.put(pipeline.page_key(store, name, data, version), "entry")
    total, _ = pipeline._count_uncached(SEEDS, names, store, 1, sizes)
    assert total == sum(sizes[3:])


def test_worker_choice(monkeypatch):
    assert pipeline.choose_workers(10_000) == 1
    # by default, more processes as there are more pages to process, up to the cores
    monkeypatch.delenv("HELPERS_WORKERS", raising=False)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 64)
    limit = pipeline.AUTO_PARALLEL_BYTES
    assert [pipeline.choose_workers(n) for n in (limit, limit + 1, limit * 3 // 2, limit * 10,
                                                 limit * 100)] == [1, 2, 3, 20, 64]
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    assert pipeline.choose_workers(limit * 10) == 2
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: None)
    assert pipeline.choose_workers(limit * 10) == 1
    assert pipeline.choose_workers(10_000, workers=3) == 3
    with pytest.raises(ValueError, match="1 or more"):
        pipeline.choose_workers(10, workers=0)


@pytest.mark.parametrize("workers", [2.5, True, "2", -1])
def test_a_worker_count_that_is_not_a_whole_number_is_a_clear_error(workers):
    with pytest.raises(ValueError, match="whole number of processes") as error:
        pipeline.choose_workers(10, workers=workers)
    assert repr(workers) in str(error.value)


def test_a_worker_count_may_be_any_kind_of_integer():
    import numpy as np

    assert pipeline.choose_workers(10, workers=np.int64(2)) == 2


def test_worker_choice_from_the_environment(monkeypatch):
    monkeypatch.setenv("HELPERS_WORKERS", "2")
    assert pipeline.choose_workers(10_000) == 2
    monkeypatch.setenv("HELPERS_WORKERS", " 3 ")
    assert pipeline.choose_workers(10_000) == 3
    monkeypatch.setenv("HELPERS_WORKERS", "  ")              # blank: as if unset
    assert pipeline.choose_workers(10_000) == 1


@pytest.mark.parametrize("value", ["abc", "0", "-1", "2.5", "²"])
def test_a_worker_count_the_environment_cannot_mean_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("HELPERS_WORKERS", value)
    with pytest.raises(ValueError, match=r"\$HELPERS_WORKERS must be a whole number") as error:
        pipeline.choose_workers(10_000)
    assert repr(value) in str(error.value)


def test_a_cache_folder_that_cannot_be_written_warns_once_and_loads_all_the_same(
        file_in_the_way, monkeypatch):
    blocker = file_in_the_way              # a file where the cache folder should be
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(blocker))
    monkeypatch.setattr(cache, "_WARNED", set())
    with pytest.warns(helpers.CacheWarning) as caught:
        loaded = helpers.load_corpus(SEEDS, progress=False, workers=1)
    said = [w for w in caught if issubclass(w.category, helpers.CacheWarning)]
    messages = [str(w.message) for w in said]
    assert messages and all("cannot be written" in m and str(blocker) in m for m in messages)
    assert {w.filename for w in said} == {__file__}      # pointing at the load, not inside it
    assert len(messages) == len(set(messages))            # once for each folder
    assert_same_corpus(helpers.load_corpus(SEEDS, progress=False, cache=False), loaded)
    assert blocker.read_text(encoding="utf-8") == IN_THE_WAY


def test_a_workers_cache_warning_is_said_by_the_loading_process(file_in_the_way, monkeypatch):
    blocker = file_in_the_way
    store = cache.FileCache(blocker / "pages", codec="pickle")
    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:2]
    with warnings.catch_warnings():
        warnings.simplefilter("error")                # nothing said in the worker
        datas, reads, unsaid = pipeline._process_paths_in_worker(str(SEEDS), names, store)
    assert len(datas) == 2 and not any(reads)
    assert unsaid and all(folder == str(blocker / "pages") for folder, _ in unsaid)
    monkeypatch.setattr(cache, "_WARNED", set())
    with pytest.warns(helpers.CacheWarning, match="a file/pages: the cache cannot be written"):
        cache.say_cannot_write(unsaid)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                # once per folder in this process
        cache.say_cannot_write(unsaid)


def test_a_load_with_workers_says_what_only_they_could_not_write(tmp_path, monkeypatch,
                                                                 threads_as_workers):
    # Every page cached but one, which a worker computes: only it meets the folder unwritable.
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)
    helpers.load_corpus(SEEDS, progress=False, workers=1)
    entries = sorted((tmp_path / "pages").rglob("*.pickle"))
    last_page = max(SEEDS.glob("*.txt"))                # the workers take tasks from the last
    store = pipeline.page_store()
    key = pipeline.page_key(store, last_page.name, last_page.read_bytes(),
                            pipeline.pipeline_version())
    Path(store._path(key)).unlink()
    assert len(entries) == 5
    real_put = cache.FileCache.put_bytes

    def unwritable_put(self, key, data):
        if "pages" in str(self.folder):
            self._cannot_write(OSError(30, "Read-only file system"))
            return None
        return real_put(self, key, data)

    monkeypatch.setattr(cache.FileCache, "put_bytes", unwritable_put)
    monkeypatch.setattr(cache, "_WARNED", set())
    said_in = []                  # the threads the warnings were given in
    real_warn = warnings.warn
    monkeypatch.setattr(warnings, "warn", lambda message, category=None, *rest, **named: (
        said_in.append(threading.current_thread()) if category is helpers.CacheWarning
        else None) or real_warn(message, category, *rest, **named))
    with pytest.warns(helpers.CacheWarning, match="Read-only file system"):
        helpers.load_corpus(SEEDS, progress=False, workers=2)
    assert threads_as_workers["workers"] == [last_page.name]
    assert said_in == [threading.main_thread()]     # said here, not in the worker


def test_the_segmentation_cache_alone_spares_segmenting_again(monkeypatch):
    # process_page has no page cache: only the segmentation cache can spare the segmenter.
    (path,) = SEEDS.glob("000_*.txt")
    data = path.read_bytes()
    cold = pages.process_page(path.name, data)

    def refuse(*args, **kwargs):
        raise AssertionError("segmented again")

    monkeypatch.setattr(helpers.text, "_segment_uncached", refuse)
    assert pages.process_page(path.name, data) == cold
    with pytest.raises(AssertionError, match="segmented again"):
        pages.process_page(path.name, data, cache=False)


def test_progress_bar_is_silent_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "PROGRESS_BYTES", 0)       # the seeds would now show one
    helpers.load_corpus(progress=False)
    assert "loading corpus" not in capsys.readouterr().err
    helpers.load_corpus(progress=True)
    assert "loading corpus" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_cluster_gives_the_same_table_as_the_local_path():
    from dask import distributed  # in the lock (dev extra): a missing dask fails, never skips
    local = helpers.load_corpus(workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_cluster = helpers.load_corpus(client=client)
        by_address = helpers.load_corpus(client=cluster.scheduler_address)
    assert_same_corpus(local, on_cluster)
    assert_same_corpus(local, by_address)


def test_a_warm_load_does_not_clean_again_and_a_code_change_invalidates(monkeypatch):
    cold = helpers.load_corpus(workers=1)

    def refuse(*args, **kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(pages, "clean_article", refuse)
    warm = helpers.load_corpus(workers=1)
    assert_same_corpus(cold, warm)
    # A new fingerprint of the package (any edit to its code or data) misses the cache.
    pipeline.pipeline_version.cache_clear()
    monkeypatch.setattr(pipeline, "pipeline_version", lambda: "another-version")
    with pytest.raises(AssertionError, match="cleaned again"):
        helpers.load_corpus(workers=1)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_same_bytes_saved_as_html_and_as_text_are_each_read_their_own_way(
        tmp_path, monkeypatch, workers):
    # The extension decides how bytes are read: a cached result must not cross over.
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 1)     # the two files in different tasks
    prose = "".join(f"<p>{sentence}</p>" for sentence in (
        "Sáng 23/12, Hội nghị Ngoại giao lần thứ 32 bế mạc tại Hà Nội sau năm ngày làm việc.",
        "Các đại biểu đã thảo luận về công tác đối ngoại, ngoại giao kinh tế và bảo hộ công dân.",
        "Thủ tướng nhấn mạnh vai trò tiên phong của ngành ngoại giao trong giai đoạn mới.",
        "Hội nghị thống nhất nhiều định hướng lớn cho nhiệm kỳ tới của toàn ngành."))
    page = ("<html><head><title>Hội nghị Ngoại giao bế mạc</title></head><body><article>"
            f"<h1>Hội nghị Ngoại giao bế mạc</h1>{prose}</article></body></html>").encode()
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("bai-web.html", "ban-luu.txt"):
        (folder / name).write_bytes(page)
    expected = {name: pages.process_page(name, page, cache=False)
                for name in ("bai-web.html", "ban-luu.txt")}
    assert expected["bai-web.html"].words != expected["ban-luu.txt"].words   # read two ways
    for _ in ("cold", "warm"):
        loaded = helpers.load_corpus(folder, workers=workers)
        assert dict(zip(loaded["source_file"], loaded["page"], strict=True)) == expected


def test_pipeline_version_covers_code_and_data_files(tmp_path, monkeypatch):
    names = {p.name for p in pipeline.fingerprinted_files()}
    assert {"cleaning.py", "pages.py", "page_chrome.toml", "conferences.csv",
            "stopwords.txt"} <= names
    # Editing a data file of the package gives another version.
    copy = tmp_path / "helpers"
    shutil.copytree(pipeline.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "PACKAGE_DIR", copy)
    pipeline.pipeline_version.cache_clear()
    before = pipeline.pipeline_version()
    rules = copy / "data" / "page_chrome.toml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pipeline.pipeline_version.cache_clear()
    after = pipeline.pipeline_version()
    pipeline.pipeline_version.cache_clear()
    assert len(before) == 16 and before != after


@pytest.mark.slow
def test_shingle_hashes_are_stable_across_processes():
    import subprocess
    import sys

    text = helpers.load_corpus()["text"].iat[0]
    here = helpers.shingle_hashes(text).tolist()
    script = ("import helpers; "
              "print(helpers.shingle_hashes(helpers.load_corpus()['text'].iat[0]).tolist())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": "123"})
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == str(here)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_pages_a_load_computes_share_one_string_per_token(monkeypatch, tmp_path, workers,
                                                           request):
    # A token common to all pages is one object in memory for the pages this process computes,
    # and one for each task a worker computes (its results come back in one pickle, which
    # keeps what they share, though each page's cache entry is pickled apart): with one
    # worker, one object; with two, one per task at most. (The other "process" is a thread
    # here, so that it surely takes tasks; its results come back through a spool file.)
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pipeline, "PAGES_PER_TASK", 2)
    folder = tmp_path / "pages"
    folder.mkdir()
    for copy in range(3):     # 15 pages: tasks of 2 with two workers (``_tasks``)
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_bytes() + f"\n\nBản in lần {copy + 1}.\n".encode()
            (folder / f"{copy}-{seed.name}").write_bytes(text)
    ran = request.getfixturevalue("threads_as_workers") if workers == 2 else None
    corpus = helpers.load_corpus(folder, workers=workers)
    assert ran is None or ran["workers"]
    ids = {}
    for page in corpus["page"]:
        found = {id(w) for w in page.words if w == "ngoại giao"}
        found |= {id(t) for para in page.segments for t in para if t == "ngoại giao"}
        assert len(found) == 1, page.source_file   # its words and segments share it too
        ids[page.source_file] = found.pop()
    tasks = pipeline._tasks(sorted(ids), workers)
    assert len(ids) == 15 and len(tasks) == 8
    for task in tasks:
        assert len({ids[name] for name in task}) == 1, task
    assert len(set(ids.values())) == 1 if workers == 1 else len(set(ids.values())) <= len(tasks)


def test_a_workers_task_comes_back_with_its_tokens_shared(tmp_path):
    # What a worker returns is sent back in one pickle (as the pool does): a token common to
    # the task's pages is one object after it, in words and segments; each page's cache
    # entry is still pickled apart, and reads back equal.
    store = cache.FileCache(tmp_path, "pickle")
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    sent, read, _ = pipeline._process_paths_in_worker(str(SEEDS), names, store)
    assert read == [False] * len(names)
    back, _ = pickle.loads(pickle.dumps((sent, read), protocol=pickle.HIGHEST_PROTOCOL))
    found = {id(t) for page in back for t in (*page.words, *(t for p in page.segments for t in p))
             if t == "ngoại giao"}
    assert len(found) == 1
    version = pipeline.pipeline_version()
    for name, page in zip(names, back, strict=True):
        key = pipeline.page_key(store, name, (SEEDS / name).read_bytes(), version)
        assert store.get(key) == page and page.source_file == name


def test_a_pickled_page_reads_back_equal_with_read_only_shingles_over_bytes():
    import gc

    data = SEEDS.joinpath(sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()
    page = pages.process_page("a.txt", data, cache=False)
    assert not page.shingles.flags.writeable
    back = pickle.loads(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == page and back.source_file == "a.txt"
    assert back.shingles.dtype == page.shingles.dtype and not back.shingles.flags.writeable
    assert isinstance(back.shingles.base, bytes) and not gc.is_tracked(back.shingles.base)
    assert back.article.line_texts == page.article.line_texts
    unreadable = pages.PageResult("b.txt", "empty")
    assert pickle.loads(pickle.dumps(unreadable)) == unreadable
