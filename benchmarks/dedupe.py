"""The duplicate search as a load meets it (its first call in a fresh process), this tree
against other commits of it, in turn:
``.venv/bin/python benchmarks/dedupe.py --against C1 [C2 ...] [--pages 3000] [--pairs 8]``.

Builds the benchmark's pages (``bench.build_corpus``), cleans them and takes their shingles once
(``dedupe.shingle_hashes``, the same in every tree), then times ``dedupe.find_duplicates`` on
them in a fresh process per tree and round, the trees one after the other, ``--pairs`` rounds.
A fresh process allocates the search's arrays in memory it has not used yet, as a load does at
its end; on some machines that memory is slow to fault in, and unevenly so, hence the rounds.
Prints the median and every run of each tree, and checks that every tree finds the same copies.

Usage: dedupe.py --against COMMIT [COMMIT ...] [--pages 3000] [--pairs 8] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench import (  # benchmarks/
    built_pages,
    compared_trees,
    comparison_args,
    tree_table,
    write_runs,
)


def one(shingles: str) -> int:
    """In a fresh process: time the search on the pickled shingles; print seconds, peak, answer."""
    from helpers import dedupe

    hashes = pickle.loads(Path(shingles).read_bytes())
    start = time.perf_counter()
    found = dedupe.find_duplicates(hashes)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 4), "peak_mb": round(peak, 1),
                      "copies": sum(f is not None for f in found), "found": found}))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", nargs="+", default=[],
                        help="commits of this repository to compare with")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    comparison_args(parser)
    parser.set_defaults(pages=3000, pairs=8)
    args = parser.parse_args(argv)
    if args.one:
        return one(args.one)
    if not args.against:
        parser.error("--against: give at least one commit")
    from helpers import pages
    from helpers.dedupe import shingle_hashes

    with built_pages("dedupe-", args.pages, args.seed) as (tmp, folder):
        hashes = [shingle_hashes(pages.clean_article(
                      pages.decode_bytes(path.read_bytes(), path.name)).text)
                  for path in sorted(folder.glob("*.txt"))]
        shingles = tmp / "shingles.pickle"
        shingles.write_bytes(pickle.dumps(hashes))
        trees = compared_trees(args.against, tmp)
        runs: dict[str, list[dict]] = {tree: [] for tree in trees}
        answers = set()
        for _ in range(args.pairs):
            for tree, src in trees.items():
                env = {**os.environ, "PYTHONPATH": str(src)}
                out = subprocess.run([sys.executable, __file__, "--one", str(shingles)],
                                     env=env, capture_output=True, text=True, check=True)
                run = json.loads(out.stdout.strip().splitlines()[-1])
                answers.add(tuple(run.pop("found")))
                runs[tree].append(run)
    if len(answers) != 1:
        raise SystemExit("the trees found different copies")
    print(f"{args.pages} pages, {sum(map(len, hashes)):,} shingles, "
          f"{runs['this tree'][0]['copies']} copies; first call of find_duplicates in a fresh "
          f"process, {args.pairs} of each tree, in turn; every tree found the same copies")
    print(tree_table(runs, centre="median", digits=3))
    if args.out:
        write_runs(args.out, ["benchmarks/dedupe.py", *(argv or sys.argv[1:])], runs,
                   pages=args.pages, pairs=args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
