"""From what size a cold load in a fresh process gains from a second worker, its start-up
counted: ``.venv/bin/python benchmarks/breakeven.py [--sizes 200 500 1000 2000] [--pairs 3]
[--out FILE.json]``.

``load_corpus`` starts the other processes only above ``pipeline.AUTO_PARALLEL_BYTES`` of
pages not yet cached. This times what that choice weighs: for each size, cold loads of the
benchmark's pages (``bench.build_corpus``, the first N of one corpus) in fresh processes, with
``$HELPERS_WORKERS`` 1 and then 2, in turn, ``--pairs`` times. As in ``bench.py``'s "cold" kind,
the loading process's own imports and model load come before the timing; unlike it, the
other process is not started beforehand: its start-up (a new interpreter, the imports and the
model) falls inside the load, while the loading process already works on the pages. Prints,
for each size, the median seconds of each and the ratio pair by pair.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import build_corpus, measure  # benchmarks/


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 500, 1000, 2000])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write every run as JSON")
    args = parser.parse_args(argv)
    runs: dict[int, dict[str, list[dict]]] = {}
    with tempfile.TemporaryDirectory(prefix="breakeven-") as name:
        tmp = Path(name)
        build_corpus(tmp / "all", max(args.sizes))
        names = sorted(p.name for p in (tmp / "all").glob("*.txt"))
        for size in args.sizes:
            folder = tmp / f"pages-{size}"
            folder.mkdir()
            for page in names[:size]:
                os.link(tmp / "all" / page, folder / page)
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            runs[size] = {"1": [], "2": []}
            for _ in range(args.pairs):
                for workers in ("1", "2"):
                    os.environ["HELPERS_WORKERS"] = workers
                    cache = Path(tempfile.mkdtemp(dir=tmp, prefix="cache-"))
                    run = measure("cold", folder, cache, workers=0)
                    runs[size][workers].append({**run, "mb": round(megabytes, 2)})
            one = [r["seconds"] for r in runs[size]["1"]]
            two = [r["seconds"] for r in runs[size]["2"]]
            ratios = [a / b for a, b in zip(one, two, strict=True)]
            print(f"{size} pages ({megabytes:.1f} MB): one worker {statistics.median(one):.2f} s, "
                  f"two {statistics.median(two):.2f} s (the other started inside the load); "
                  f"one / two pair by pair {', '.join(f'{r:.2f}' for r in ratios)}", flush=True)
    os.environ.pop("HELPERS_WORKERS", None)
    if args.out:
        args.out.write_text(json.dumps({
            "command": " ".join(["python", "benchmarks/breakeven.py", *(argv or sys.argv[1:])]),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "runs": {str(k): v for k, v in runs.items()}}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
