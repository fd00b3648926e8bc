"""Cold loads of this tree against other commits of it, in turn:
``.venv/bin/python benchmarks/loads.py --against C1 [C2 ...] [--pages 1000] [--workers 1]``.

Builds the benchmark's pages (``bench.build_corpus``), then times a cold ``load_corpus`` of them
with each tree in a fresh process and an empty cache (``bench.py``'s measurement of kind
"cold": imports, the model and, with several workers, the pool started before the timing), the
trees one after the other, ``--pairs`` rounds, so that a slow spell of the machine falls on all
of them; prints the mean and every run of each tree.

Usage: loads.py --against COMMIT [COMMIT ...] [--pages 1000] [--workers 1] [--pairs 3]
       [--out FILE.json]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import (  # benchmarks/
    ROOT,
    baseline_tree,
    built_pages,
    comparison_args,
    measure,
    tree_table,
    write_runs,
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", nargs="+", required=True,
                        help="commits of this repository to compare with")
    parser.add_argument("--workers", type=int, default=1)
    comparison_args(parser)
    args = parser.parse_args(argv)
    with built_pages("loads-", args.pages, args.seed) as (tmp, folder):
        trees = {"this tree": ROOT / "src"}
        for i, commit in enumerate(args.against):
            trees[commit] = baseline_tree(commit, tmp / f"tree-{i}")
        runs: dict[str, list[dict]] = {tree: [] for tree in trees}
        for _ in range(args.pairs):
            for tree, src in trees.items():
                cache = Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
                runs[tree].append(measure("cold", folder, cache, workers=args.workers,
                                          src=src))
    print(f"{args.pages} pages, {args.workers} worker(s), {args.pairs} cold load(s) of each "
          "tree, in turn")
    print(tree_table(runs))
    if args.out:
        write_runs(args.out, ["benchmarks/loads.py", *(argv or sys.argv[1:])], runs,
                   pages=args.pages, workers=args.workers, pairs=args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
