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
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT, baseline_tree, built_pages, comparison_args, measure  # benchmarks/


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
    print("| tree | mean s | runs s | peak MB |")
    print("|---|---|---|---|")
    for tree, found in runs.items():
        seconds = [r["seconds"] for r in found]
        print(f"| {tree} | {sum(seconds) / len(seconds):.2f} | "
              f"{', '.join(f'{s:.2f}' for s in seconds)} | "
              f"{max(r['peak_mb'] for r in found):.0f} |")
    if args.out:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        args.out.write_text(json.dumps({
            "this_tree": f"{head}{' with uncommitted changes in src/' if dirty else ''}",
            "pages": args.pages, "workers": args.workers, "pairs": args.pairs,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "command": " ".join(["benchmarks/loads.py", *(argv or sys.argv[1:])]),
            "runs": runs}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
