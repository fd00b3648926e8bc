"""Where a cold load with two workers spends the time one worker does not:
``.venv/bin/python benchmarks/balance.py [--pages 3000] [--pairs 3] [--tree COMMIT]
[--out FILE.json]`` (``--tree``: the package of another commit, extracted with ``git archive``).

Builds the benchmark's pages (``bench.build_corpus``), then runs cold loads of them with one
worker and with two, in turn, ``--pairs`` times, each in a fresh process with an empty cache and
everything ``bench.py``'s "cold" kind starts before its timing (imports, the model, the pool).
Each run reports, in seconds from the load's start:

- ``total``: the whole ``load_corpus``;
- ``own_tasks``, ``own_pages``, ``own_busy``: the tasks the loading process did itself
  (``pipeline._process_paths``), their pages and the time they took;
- ``own_end``: when the loading process finished its last task;
- ``other_end``: when the other process's last task came back (two workers);
- ``read_back``: the loading process's time reading the other's results back
  (``pipeline._from_worker``, and since 5 Dec, when they come back in files,
  ``pipeline._unspooled``; what the pool's own thread in the loading process unpickles, the
  list of a task's results before 5 Dec or the results themselves when no spool folder can
  be made, is not timed);
- ``table``: the table with its duplicate search (``corpus._table``);
- ``collector``: the garbage collector's passes during the load (the pass at the end of the
  load's pause, mostly).

With two workers, as the other process timed its tasks (wall clock, from the load's start):
``other_first``, when it began its first; ``other_busy``, the time in its tasks;
``other_gaps``, the time between them (its results sent, the next task received);
``other_last``, when it ended its last.

So ``other_end - own_end``, when positive, bounds the time the loading process waited for the
other at the end from above (``other_end`` is when the other's last results reached the loading
process, which may still have been reading back earlier ones), and ``read_back + table +
collector`` is what only the loading process does (of which the table and the collector a
one-worker load does too). A worker's cache entry that cannot be read is computed again in the
loading process through ``_process_paths``, and would count in ``own_*``: it does not happen in
a cold load (``own_pages`` shows it).
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT, _load_run, baseline_tree, build_corpus, this_tree  # benchmarks/


def _timed_task(function, *args):
    """A task as the other process runs it, with when it began and ended there (wall clock,
    comparable across the two processes). Defined in the script run as ``__main__``, so the
    pool's pickler sends it by value; ``function`` goes by reference."""
    began = time.time()
    result = function(*args)
    return result, began, time.time()


def _instrumented_load(folder: str, workers: int) -> dict:
    """One cold load in this process, timed part by part (see the module's docstring)."""
    import helpers
    from helpers import corpus, pipeline

    parts = {"own_tasks": 0, "own_pages": 0, "own_busy": 0.0, "own_end": 0.0,
             "other_end": 0.0, "read_back": 0.0, "table": 0.0, "collector": 0.0}
    start = [0.0]
    wall = [0.0]                             # the load's start by the wall clock
    other: list[tuple[float, float]] = []    # each of the other's tasks: began, ended

    def since() -> float:
        return time.perf_counter() - start[0]

    def timed(function, name: str):
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] += time.perf_counter() - began
        return wrapper

    process_paths = timed(pipeline._process_paths, "own_busy")

    def own(folder, names, *args, **kwargs):
        try:
            return process_paths(folder, names, *args, **kwargs)
        finally:
            parts["own_tasks"] += 1
            parts["own_pages"] += len(names)
            parts["own_end"] = since()

    pool = pipeline.worker_pool

    class Pool:  # the pool, noting when each task comes back
        def __init__(self, executor):
            self.executor = executor

        def submit(self, function, *args):
            import concurrent.futures

            outer: concurrent.futures.Future = concurrent.futures.Future()
            inner = self.executor.submit(_timed_task, function, *args)

            def done(future) -> None:
                parts["other_end"] = since()
                if outer.cancelled():
                    return
                if future.cancelled():
                    outer.cancel()
                elif future.exception() is not None:
                    outer.set_exception(future.exception())
                else:
                    result, began, ended = future.result()
                    other.append((began - wall[0], ended - wall[0]))
                    outer.set_result(result)

            inner.add_done_callback(done)
            return outer

        def __getattr__(self, name):
            return getattr(self.executor, name)

    collected = [0.0]

    def collector(phase: str, info: dict) -> None:
        if phase == "start":
            collected[0] = time.perf_counter()
        elif start[0]:
            parts["collector"] += time.perf_counter() - collected[0]

    load = helpers.load_corpus

    def load_corpus(*args, **kwargs):
        start[0], wall[0] = time.perf_counter(), time.time()
        gc.callbacks.append(collector)
        try:
            return load(*args, **kwargs)
        finally:
            gc.callbacks.remove(collector)
            parts["total"] = since()

    pipeline._process_paths = own
    pipeline._from_worker = timed(pipeline._from_worker, "read_back")
    if hasattr(pipeline, "_unspooled"):  # since the workers' results come back in files
        pipeline._unspooled = timed(pipeline._unspooled, "read_back")
    pipeline.worker_pool = lambda n: Pool(pool(n))
    corpus._table = timed(corpus._table, "table")
    helpers.load_corpus = load_corpus
    _load_run(folder, workers, save_bodies=False)  # warms up, starts the pool, then loads
    if other:
        other.sort()
        parts["other_first"] = other[0][0]
        parts["other_busy"] = sum(end - began for began, end in other)
        parts["other_gaps"] = sum(b[0] - a[1] for a, b in itertools.pairwise(other))
        parts["other_last"] = other[-1][1]
    return {"workers": workers, **{k: round(v, 3) if isinstance(v, float) else v
                                   for k, v in parts.items()}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--tree", metavar="COMMIT",
                        help="load with the package of this commit instead of this tree's")
    parser.add_argument("--one", nargs=2, metavar=("FOLDER", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_instrumented_load(args.one[0], int(args.one[1]))))
        return 0
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="balance-") as name:
        tmp = Path(name)
        build_corpus(tmp / "pages", args.pages)
        src = baseline_tree(args.tree, tmp / "tree") if args.tree else ROOT / "src"
        for pair in range(args.pairs):
            for workers in (1, 2):
                cache = tmp / f"cache-{pair}-{workers}"
                env = {**os.environ, "HELPERS_CACHE_DIR": str(cache), "HELPERS_PROGRESS": "0",
                       "PYTHONPATH": str(src)}
                out = subprocess.run([sys.executable, __file__, "--one", str(tmp / "pages"),
                                      str(workers)], env=env, capture_output=True, text=True)
                if out.returncode != 0:
                    raise RuntimeError(f"the load with {workers} worker(s) failed:\n"
                                       f"{out.stderr[-3000:]}")
                run = json.loads(out.stdout.strip().splitlines()[-1])
                runs.append(run)
                print(run, flush=True)
    if args.out:
        args.out.write_text(json.dumps({"command": ["benchmarks/balance.py",
                                                    *(argv if argv is not None
                                                      else sys.argv[1:])],
                                        "pages": args.pages, "tree": args.tree or this_tree(),
                                        "runs": runs}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
