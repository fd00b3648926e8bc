"""What keeping the segmenter's tables in the cache folder saves a new process:
``.venv/bin/python benchmarks/startup.py [--pairs 7] [--against 10f14a7] [--out FILE.json]``.

A new process segments only after it has the segmenter's tables (``segmenter._Tables``),
which it builds from underthesea's model files or, since 5 Dec, reads back from
``segmenter/`` in the cache folder. This runs fresh processes in turn, ``--pairs`` times each:
(1) the package of ``--against`` (the commit before the change), (2) this tree with an empty
cache folder (the tables built, then stored), (3) this tree with a cache folder that holds
them. Each process times, from its script's first line (the interpreter's own start before
it is the same for all three): the end of its first segmentation (the imports, the tables
made, one sentence); then of a cold load of the seeds (``load_corpus(seeds, cache=False)``:
no page read from the cache), the whole time to its end; then, apart, the start of a worker
pool (``pipeline.worker_pool(2)``) up to the end of a first segmentation in its worker, which
builds the tables or reads back what this process stored (in (1), builds them). Prints the
medians, and each kind's ratio to (3) pair by pair.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import ROOT, baseline_tree, write_runs  # benchmarks/

CHILD = """
import time
t0 = time.perf_counter()
import helpers
from helpers import pipeline, segmenter
SENTENCE = "Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội."
segmenter.word_tokenize(SENTENCE)
first = time.perf_counter() - t0
segmenter.clear_caches()          # the load segments with cold caches, the tables kept
frame = helpers.load_corpus({seeds!r}, cache=False, progress=False)
assert len(frame) == 5, len(frame)
whole = time.perf_counter() - t0
start = time.perf_counter()
pipeline.worker_pool(2).submit(segmenter.word_tokenize, SENTENCE).result()
print(first, whole, time.perf_counter() - start)
"""
FIELDS = ("first_segmentation_s", "whole_s", "pool_start_s")


def child(cache: Path, src: Path) -> dict[str, float]:
    """One fresh process's times (``FIELDS``), seconds, with the package at ``src``."""
    env = {**os.environ, "HELPERS_CACHE_DIR": str(cache), "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", CHILD.format(seeds=str(ROOT / "seeds"))],
                          env=env, capture_output=True, text=True, check=True)
    values = map(float, done.stdout.split())
    return {field: round(value, 4) for field, value in zip(FIELDS, values, strict=True)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--against", default="10f14a7",
                        help="the commit before the tables were stored (default: 10f14a7)")
    parser.add_argument("--out", type=Path, help="write every run as JSON")
    args = parser.parse_args(argv)
    kinds = (args.against, "built", "read back")
    runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="startup-") as name:
        tmp = Path(name)
        before = baseline_tree(args.against, tmp / "against")
        stored = tmp / "stored"
        child(stored, ROOT / "src")       # stores the tables (not counted)
        child(tmp / "compile", before)    # the other tree's bytecode written (not counted)
        assert any((stored / "segmenter").rglob("*.pickle")), "no tables stored"
        for _ in range(args.pairs):
            runs[args.against].append(child(Path(tempfile.mkdtemp(dir=tmp)), before))
            runs["built"].append(child(Path(tempfile.mkdtemp(dir=tmp)), ROOT / "src"))
            runs["read back"].append(child(stored, ROOT / "src"))
    for field in FIELDS:
        read = [r[field] for r in runs["read back"]]
        parts = [f"{kind} {statistics.median(r[field] for r in runs[kind]):.3f} s"
                 for kind in kinds]
        ratios = [f"{kind} / read back "
                  + ", ".join(f"{r[field] / b:.2f}" for r, b in zip(runs[kind], read, strict=True))
                  for kind in kinds[:2]]
        print(f"{field}: {'; '.join(parts)} (medians of {args.pairs}); pair by pair: "
              f"{'; '.join(ratios)}")
    if args.out:
        write_runs(args.out, ["python", "benchmarks/startup.py", *(argv or sys.argv[1:])], runs,
                   against=args.against)
    return 0


if __name__ == "__main__":
    sys.exit(main())
