"""Benchmark of load_corpus at scale: `make bench` (or `.venv/bin/python benchmarks/bench.py`).

Builds synthetic corpora of N articles from the seeds (each article a unique draw of
paragraphs from all seed articles, in its own order, wrapped in varied page furniture, so the
segmentation cache cannot cheat) and measures, each in a fresh process:

- floor: underthesea's word_tokenize over exactly the paragraphs load_corpus segments;
- cold, 1 worker and cold, 2 workers: load_corpus with an empty segmentation cache;
- warm: load_corpus again, reading every segmentation from the cache;
- peak memory (resident set) of each run, the parent and its worker processes.

Usage: bench.py [--sizes 100 1000 3000] [--repeats 2] [--out benchmarks/results.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROME_TOP = [["Trang chủ", "Thời sự > Đối ngoại"], ["Back to E-magazine", "e magazine"],
              ["English | Tiếng Việt", "Chính trị"], ["Theo dõi Báo Điện tử trên"]]
CHROME_BOTTOM = [["BÌNH LUẬN", "Bạn còn 500/500 ký tự"], ["fb yt zl tw"], ["Lượt xem: 1.024"],
                 ["© Bản quyền thuộc về Báo Điện tử Thử Nghiệm"], ["Phiên bản di động"]]
RELATED_HEADINGS = ["Tin liên quan", "Đọc thêm", "Tin cùng chuyên mục", "Có thể bạn quan tâm"]


def build_corpus(folder: Path, n: int, seed: int = 0) -> list[str]:
    """Write n synthetic pages into folder; return the body paragraphs load_corpus will keep
    (for the floor measurement)."""
    import helpers

    seeds = helpers.load_corpus(progress=False)
    paragraphs = [p for text in seeds["text"] for p in text.split("\n") if len(p.split()) > 8]
    headlines = list(seeds["title"])
    rng = random.Random(seed)
    seen: set[tuple[int, ...]] = set()
    bodies: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        while True:
            draw = tuple(rng.sample(range(len(paragraphs)), rng.randint(4, 6)))
            if draw not in seen:
                seen.add(draw)
                break
        body = [paragraphs[k] for k in draw]
        # The random draws stay in the order they always had, so corpora are unchanged.
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        year = rng.choice([2013, 2016, 2018, 2021, 2023])
        headline = f"{rng.choice(headlines)} – bài {i}"
        related = rng.sample(headlines, 2)
        top = rng.choice(CHROME_TOP)
        clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} | {day:02d}/{month:02d}/{year}"
        page = [*top, headline, clock, *body, "Nguyễn Văn An", rng.choice(RELATED_HEADINGS),
                related[0], related[0], "Tóm tắt bài liên quan...", *rng.choice(CHROME_BOTTOM)]
        (folder / f"{i:05d}.txt").write_text("\n".join(page), encoding="utf-8")
        bodies.extend(body)
    return bodies


class MemorySampler:
    """Samples the resident memory of this process and all its descendants (loky workers stay
    alive between calls, so the kernel's RUSAGE_CHILDREN never sees them) every 50 ms."""

    def __init__(self):
        import psutil

        self.process = psutil.Process()
        self.peak_total = self.peak_workers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                workers = sum(c.memory_info().rss for c in self.process.children(recursive=True))
            except psutil.Error:
                workers = 0
            total = self.process.memory_info().rss + workers
            self.peak_total = max(self.peak_total, total)
            self.peak_workers = max(self.peak_workers, workers)
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def result(self) -> dict:
        self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {"peak_mb": round(max(self.peak_total, self_kb * 1024) / 2**20, 1),
                "peak_workers_mb": round(self.peak_workers / 2**20, 1)}


def run_one(kind: str, folder: str, workers: int) -> dict:
    """One measurement, in this (fresh) process; prints a JSON line."""
    with MemorySampler() as memory:
        if kind == "floor":
            import underthesea

            paragraphs = json.loads((Path(folder) / "_bodies.json").read_text(encoding="utf-8"))
            underthesea.word_tokenize("khởi động")  # model load, outside the timing
            start = time.perf_counter()
            for p in paragraphs:
                underthesea.word_tokenize(p)
            seconds = time.perf_counter() - start
        else:
            import helpers

            helpers.tokenize("khởi động", cache=False)  # model load, outside the timing, as above
            start = time.perf_counter()
            corpus = helpers.load_corpus(folder, workers=workers, progress=False, catalog=False)
            seconds = time.perf_counter() - start
            assert len(corpus) == len(list(Path(folder).glob("*.txt")))
    return {"kind": kind, "workers": workers, "seconds": round(seconds, 3), **memory.result()}


def measure(kind: str, folder: Path, cache: Path, workers: int = 1) -> dict:
    env = {**os.environ, "HELPERS_CACHE_DIR": str(cache), "HELPERS_PROGRESS": "0"}
    out = subprocess.run([sys.executable, __file__, "--one", kind, str(folder), str(workers)],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cache_overhead(n: int = 300) -> dict:
    """Per-call cost of storing and fetching one short segmentation: joblib.Memory against the
    project's SegmentCache (the reason the project has its own)."""
    import joblib

    from helpers.text import SegmentCache

    value = [["Hội nghị", "Ngoại giao", "lần", "thứ", "32"]] * 5
    keys = [(f"đoạn văn số {i} " * 40,) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        cached = joblib.Memory(Path(tmp) / "joblib", verbose=0).cache(lambda p, v: value)
        start = time.perf_counter()
        for k in keys:
            cached(k, "v1")
        joblib_miss = (time.perf_counter() - start) / n
        start = time.perf_counter()
        for k in keys:
            cached(k, "v1")
        joblib_hit = (time.perf_counter() - start) / n
        store = SegmentCache(Path(tmp) / "own")
        start = time.perf_counter()
        for k in keys:
            key = store.key(k, "v1")
            if store.get(key) is None:
                store.put(key, value)
        own_miss = (time.perf_counter() - start) / n
        start = time.perf_counter()
        for k in keys:
            store.get(store.key(k, "v1"))
        own_hit = (time.perf_counter() - start) / n
    ms = lambda s: round(s * 1000, 3)  # noqa: E731
    return {"joblib_miss_ms": ms(joblib_miss), "joblib_hit_ms": ms(joblib_hit),
            "own_miss_ms": ms(own_miss), "own_hit_ms": ms(own_hit)}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    import underthesea

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "underthesea": underthesea.__version__,
            "platform": platform.platform()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--repeats", type=int, default=2,
                        help="runs of floor and cold 1-worker per size; the fastest counts")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        kind, folder, workers = args.one
        print(json.dumps(run_one(kind, folder, int(workers))))
        return 0

    results = {"machine": machine(), "cache_overhead": cache_overhead(), "runs": []}
    print(f"machine: {results['machine']}")
    print(f"cache store+fetch per call (ms): {results['cache_overhead']}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"corpus-{n}"
            bodies = build_corpus(folder, n)
            (folder / "_bodies.json").write_text(json.dumps(bodies, ensure_ascii=False),
                                                 encoding="utf-8")
            chars = sum(len(b) for b in bodies)
            mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            print(f"\nN={n}: {chars:,} characters of article text, {mb:.1f} MB of pages",
                  flush=True)
            row = {"n": n, "chars": chars, "page_mb": round(mb, 2)}
            # Floor and cold 1-worker alternate, `repeats` times each, and the fastest run of
            # each counts: timings on a shared machine are noisy, and noise only adds time.
            floors, colds = [], []
            for r in range(args.repeats):
                floors.append(measure("floor", folder, Path(tmp) / f"c-floor-{n}"))
                print(f"  floor  {floors[-1]}", flush=True)
                colds.append(measure("load", folder, Path(tmp) / f"c1-{n}-{r}", 1))
                print(f"  cold1  {colds[-1]}", flush=True)
            row["floor"] = min(floors, key=lambda m: m["seconds"])
            row["cold1"] = min(colds, key=lambda m: m["seconds"])
            row["repeats"] = args.repeats
            row["cold2"] = measure("load", folder, Path(tmp) / f"c2-{n}", 2)
            print(f"  cold2  {row['cold2']}", flush=True)
            row["warm"] = measure("load", folder, Path(tmp) / f"c1-{n}-0", 1)
            print(f"  warm   {row['warm']}", flush=True)
            results["runs"].append(row)
    print()
    print(table(results))
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shown = args.out.relative_to(HERE.parent) if args.out.is_relative_to(HERE.parent) else args.out
    print(f"\nwrote {shown}")
    return 0


def table(results: dict) -> str:
    """The results as a Markdown table, with throughput and ratios to the floor."""
    lines = ["| N | chars | floor s | cold 1w s | cold 2w s | warm s | floor chars/s "
             "| cold 1w / floor | 2w speed-up | warm speed-up | peak MB 1w "
             "| peak MB 2w (all processes; workers) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results["runs"]:
        f, c1, c2, w = (r[k]["seconds"] for k in ("floor", "cold1", "cold2", "warm"))
        lines.append(
            f"| {r['n']:,} | {r['chars']:,} | {f:.1f} | {c1:.1f} | {c2:.1f} | {w:.2f} | "
            f"{r['chars'] / f:,.0f} | {f / c1:.2f}x | {c1 / c2:.2f}x | {c1 / w:.0f}x | "
            f"{r['cold1']['peak_mb']:.0f} | {r['cold2']['peak_mb']:.0f} "
            f"({r['cold2']['peak_workers_mb']:.0f}) |")
    runs = {r["n"]: r for r in results["runs"]}
    if 1000 in runs and 3000 in runs:
        growth = runs[3000]["cold1"]["seconds"] / runs[1000]["cold1"]["seconds"]
        mem = runs[3000]["cold1"]["peak_mb"] / runs[1000]["cold1"]["peak_mb"]
        lines.append(f"\ntime 3,000 / 1,000 articles (cold, 1 worker): {growth:.2f}x; "
                     f"peak memory 3,000 / 1,000: {mem:.2f}x (corpus: 3.00x)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
