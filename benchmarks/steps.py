"""Where a cold load's time goes, step by step, for this tree and (``--against``) another commit
of it: ``.venv/bin/python benchmarks/steps.py --against dfa4ca6``.

Builds the benchmark's pages (``bench.build_corpus``: text that does not repeat, in page
furniture), then goes through them in a fresh process per tree and run, in order, as a cold
one-worker load does, and adds up the time of each step over all pages: reading and decoding,
cleaning, segmentation (``text.raw_segments``, no cache), the lexicon fixes
(``lexicon.fix_segments``), metadata, words, shingles, sharing the page's tokens with the
load's other pages, and writing its cache entry (to a temporary folder). The process's own
caches start empty, as in a new process; one small page goes through every step before the
timing, so imports and the model load are outside it. With ``--against``, the two trees run in
turn, ``--pairs`` times, so that a slow spell of the machine falls on both; means are compared.
Each run is ``bench.py``'s measurement of kind "steps" (``bench._steps_run``).

Usage: steps.py [--pages 1000] [--against COMMIT] [--pairs 3] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT, STEPS, baseline_tree, built_pages, comparison_args, measure  # benchmarks/


def one_run(src: Path, folder: Path, tmp: Path) -> dict[str, float]:
    """The steps' seconds in a fresh process with the package at ``src``, an empty cache."""
    cache = Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
    result = measure("steps", folder, cache, src=src)
    return {step: result[step] for step in STEPS}


def mean(runs: list[dict[str, float]]) -> dict[str, float]:
    return {step: sum(r[step] for r in runs) / len(runs) for step in STEPS}


def table(this: dict[str, float], other: dict[str, float] | None, pages: int,
          against: str | None) -> str:
    per = 1000 / pages
    head = "| step | this tree, s per 1,000 pages |"
    rule = "|---|---|"
    if other is not None:
        head += f" {against}, s per 1,000 pages | this / {against} |"
        rule += "---|---|"
    lines = [head, rule]
    for step in (*STEPS, "total"):
        a = sum(this.values()) if step == "total" else this[step]
        row = f"| {step} | {a * per:.3f} |"
        if other is not None:
            b = sum(other.values()) if step == "total" else other[step]
            row += f" {b * per:.3f} | {a / b:.2f} |" if b else " 0 | |"
        lines.append(row)
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="a commit of this repository to compare with")
    comparison_args(parser)
    args = parser.parse_args(argv)
    with built_pages("steps-", args.pages, args.seed) as (tmp, folder):
        other_src = baseline_tree(args.against, tmp / "against") if args.against else None
        runs: dict[str, list[dict[str, float]]] = {"this": [], "against": []}
        for _ in range(args.pairs):
            runs["this"].append(one_run(ROOT / "src", folder, tmp))
            if other_src is not None:
                runs["against"].append(one_run(other_src, folder, tmp))
    this = mean(runs["this"])
    other = mean(runs["against"]) if other_src is not None else None
    print(f"{args.pages} pages, {args.pairs} run(s) of each tree, in turn; means:")
    print(table(this, other, args.pages, args.against))
    if args.out:
        args.out.write_text(json.dumps({"pages": args.pages, "against": args.against,
                                        "date": time.strftime("%Y-%m-%d %H:%M UTC",
                                                              time.gmtime()),
                                        **runs}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
