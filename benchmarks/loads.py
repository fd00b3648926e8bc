"""Cold (or warm) loads of this tree against other commits of it, in turn:
``.venv/bin/python benchmarks/loads.py --against C1 [C2 ...] [--pages 1000] [--workers 1]``.

Builds the benchmark's pages (``bench.build_corpus``), then times a cold ``load_corpus`` of them
with each tree in a fresh process and an empty cache (``bench.py``'s measurement of kind
"cold": imports, the model and, with several workers, the pool started before the timing), the
trees one after the other, ``--pairs`` rounds, so that a slow spell of the machine falls on all
of them; prints the mean and every run of each tree.

``--warm``: each tree's cache is filled once by a cold one-worker load (not timed), then the
rounds time warm loads (kind "warm"). ``--evicted`` (with ``--warm``): before each warm load,
the contents of the pages and of that tree's cache entries are dropped from the system's memory
(written out, then ``POSIX_FADV_DONTNEED``; the file system's own records of the files stay), so
that the load reads them from disk, as once the system has reclaimed idle file pages (the
machine of benchmarks/README.md's EPYC runs does so after about a minute) or, for the contents,
after a restart. ``--workers 0``: as many workers as ``load_corpus``
chooses itself (``workers=None``, its default), no pool started before the timing.

Usage: loads.py --against COMMIT [COMMIT ...] [--pages 1000] [--workers 1] [--warm]
       [--evicted] [--pairs 3] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench import (  # benchmarks/
    built_pages,
    compared_trees,
    comparison_args,
    measure,
    tree_table,
    write_runs,
)


def evict(*folders: Path) -> None:
    """Drop the contents of every file under ``folders`` from the system's memory (after
    writing them out)."""
    os.sync()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                fd = os.open(path, os.O_RDONLY)
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", nargs="+", required=True,
                        help="commits of this repository to compare with")
    parser.add_argument("--workers", type=int, default=1,
                        help="0: as many as load_corpus chooses by default")
    parser.add_argument("--warm", action="store_true",
                        help="time warm loads, each tree's cache filled once beforehand")
    parser.add_argument("--evicted", action="store_true",
                        help="with --warm: the pages and entries read from disk, not memory")
    comparison_args(parser)
    args = parser.parse_args(argv)
    if args.evicted and not args.warm:
        parser.error("--evicted needs --warm")
    with built_pages("loads-", args.pages, args.seed) as (tmp, folder):
        trees = compared_trees(args.against, tmp)
        runs: dict[str, list[dict]] = {tree: [] for tree in trees}
        filled = {}
        if args.warm:
            for tree, src in trees.items():
                filled[tree] = Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
                measure("cold", folder, filled[tree], workers=1, src=src)
        for _ in range(args.pairs):
            for tree, src in trees.items():
                cache = filled.get(tree) or Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
                if args.evicted:
                    evict(folder, cache)
                runs[tree].append(measure("warm" if args.warm else "cold", folder, cache,
                                          workers=args.workers, src=src))
    workers = f"{args.workers} worker(s)" if args.workers else "workers chosen by load_corpus"
    kind = ("warm (from disk)" if args.evicted else "warm") if args.warm else "cold"
    print(f"{args.pages} pages, {workers}, {args.pairs} {kind} load(s) of each tree, in turn")
    print(tree_table(runs))
    if args.out:
        write_runs(args.out, ["benchmarks/loads.py", *(argv or sys.argv[1:])], runs,
                   pages=args.pages, workers=args.workers, pairs=args.pairs,
                   warm=args.warm, evicted=args.evicted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
