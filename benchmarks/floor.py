"""How far cleaning, metadata and the table can get towards issue 13's "5x faster than the
baseline per article" as they are designed: ``.venv/bin/python benchmarks/floor.py``.

Builds the benchmark's pages (``bench.build_corpus``), then, ``--pairs`` times in turn, each in
a fresh process: the stages of this tree and of the baseline (``--against``, default 023df8d,
the tree before issue 13; ``bench.py``'s kind "stages": cleaning, metadata, the table), and the
floor of this tree (kind "floor", ``bench._floor_run``): the steps cleaning and metadata cannot
skip as designed, each done once and nothing else. Cleaning judges each line by the furniture
patterns of ``data/page_chrome.toml``, so every page is normalized and cut into lines, and
every distinct line split into words and tested against the patterns once; metadata scans
each clean body at least for its language and the conferences it names. Prints the medians per
1,000 articles, the 5x budget (the baseline's stages / 5) and the floor beside it.

Usage: floor.py [--pages 1000] [--against COMMIT] [--pairs 3] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import FLOOR_PARTS, ROOT, baseline_tree, built_pages, comparison_args, measure

STAGES = ("clean_s", "metadata_s", "table_s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="023df8d",
                        help="the baseline commit (default: 023df8d, before issue 13)")
    comparison_args(parser)
    args = parser.parse_args(argv)
    runs: dict[str, list[dict]] = {"this": [], "against": [], "floor": []}
    with built_pages("floor-", args.pages, args.seed) as (tmp, folder):
        other = baseline_tree(args.against, tmp / "against")
        for _ in range(args.pairs):
            for key, kind, src in (("this", "stages", ROOT / "src"),
                                   ("against", "stages", other),
                                   ("floor", "floor", ROOT / "src")):
                cache = Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
                runs[key].append(measure(kind, folder, cache, src=src))
    per = 1000 / args.pages

    def median(key: str, field: str) -> float:
        return statistics.median(r[field] for r in runs[key]) * per

    this = {s: median("this", s) for s in STAGES}
    base = {s: median("against", s) for s in STAGES}
    floor = {p: median("floor", p) for p in FLOOR_PARTS}
    budget = sum(base.values()) / 5
    rows = [("baseline " + args.against + ": cleaning + metadata + table", sum(base.values())),
            ("this tree: cleaning + metadata + table", sum(this.values())),
            ("  this tree's table alone", this["table_s"]),
            ("5x budget (the baseline's / 5)", budget)]
    rows += [(f"  floor: {p}", floor[p]) for p in FLOOR_PARTS]
    rows += [("floor of cleaning and metadata, with this tree's table",
              sum(floor.values()) + this["table_s"])]
    print(f"{args.pages} pages, {args.pairs} run(s) of each kind in turn; medians, "
          "s per 1,000 articles:")
    print("| | s |\n|---|---|")
    print("\n".join(f"| {name} | {value:.3f} |" for name, value in rows))
    print(f"this tree vs the baseline: {sum(base.values()) / sum(this.values()):.2f}x; "
          f"the floor with this tree's table vs the baseline: "
          f"{sum(base.values()) / (sum(floor.values()) + this['table_s']):.2f}x")
    if args.out:
        args.out.write_text(json.dumps({
            "pages": args.pages, "against": args.against,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "command": " ".join(["python", "benchmarks/floor.py", *(argv or sys.argv[1:])]),
            **runs}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
