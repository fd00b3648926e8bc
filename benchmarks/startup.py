"""What keeping the segmenter's tables in the cache folder saves a new process:
``.venv/bin/python benchmarks/startup.py [--pairs 7] [--out FILE.json]``.

A new process segments only after it has the segmenter's tables (``segmenter._Tables``),
which it builds from underthesea's model files or, since 5 Dec, reads back from
``segmenter/`` in the cache folder. This times, in fresh processes and in turn, ``--pairs``
times: (1) a cold load of the seeds (``load_corpus(seeds, cache=False)``: no page read from the
cache) with an empty cache folder, so that the tables are built; (2) the same load with a
cache folder that holds the tables. Each child reports its whole time from the start of the
interpreter to the end of the load, and the time of its first segmentation alone (the tables
made, one short text segmented). Prints the medians and the ratios pair by pair.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import ROOT, write_runs  # benchmarks/

CHILD = """
import time
import helpers
from helpers import segmenter
start = time.perf_counter()
segmenter.word_tokenize("Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội.")
first = time.perf_counter() - start
segmenter.clear_caches()          # the load then segments with cold caches, tables kept
frame = helpers.load_corpus({seeds!r}, cache=False, progress=False)
assert len(frame) == 5, len(frame)
print(f"{{first}} {{time.perf_counter() - {t0}}}")
"""


def child(cache: Path) -> dict[str, float]:
    """One fresh process's first segmentation and whole time, seconds."""
    env = {**os.environ, "HELPERS_CACHE_DIR": str(cache)}
    script = ("import time; t0 = time.perf_counter()\n"
              + CHILD.format(seeds=str(ROOT / "seeds"), t0="t0"))
    # the interpreter's own start before t0 is the same for both kinds
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=True)
    first, whole = map(float, done.stdout.split())
    return {"first_segmentation_s": round(first, 4), "whole_s": round(whole, 4)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write every run as JSON")
    args = parser.parse_args(argv)
    runs: dict[str, list[dict]] = {"built": [], "read back": []}
    with tempfile.TemporaryDirectory(prefix="startup-") as name:
        stored = Path(name) / "stored"
        child(stored)                     # fills the tables (not counted)
        assert any((stored / "segmenter").rglob("*.pickle")), "no tables stored"
        for _ in range(args.pairs):
            runs["built"].append(child(Path(tempfile.mkdtemp(dir=name))))
            runs["read back"].append(child(stored))
    for field in ("first_segmentation_s", "whole_s"):
        built = [r[field] for r in runs["built"]]
        read = [r[field] for r in runs["read back"]]
        ratios = [b / r for b, r in zip(built, read, strict=True)]
        print(f"{field}: tables built {statistics.median(built):.3f} s, read back "
              f"{statistics.median(read):.3f} s (medians of {args.pairs}); built / read back "
              f"pair by pair {', '.join(f'{x:.2f}' for x in ratios)}")
    if args.out:
        write_runs(args.out, ["python", "benchmarks/startup.py", *(argv or sys.argv[1:])], runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
