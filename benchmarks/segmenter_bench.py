"""Benchmark of helpers.segmenter against underthesea.word_tokenize on varied text.

Builds pages that do not repeat (paragraphs of sentences drawn from the seeds and from the
VLSP2013 test sentences shipped in underthesea, half of them syllable-shuffled), checks that
every paragraph gets the same words from both, and times, each with cold caches:

- underthesea: one ``word_tokenize`` call per paragraph (model already loaded);
- helpers, one call per paragraph: ``segmenter.word_tokenize``;
- helpers, one call per page: ``segmenter.word_tokenize_many(paragraphs of the page)``;
- helpers, batched: ``segmenter.word_tokenize_many(all paragraphs)`` (batches of BATCH_SIZE);

and the peak memory allocated while segmenting one batch (tracemalloc, caches warm).

Usage: segmenter_bench.py [--chars 600000] [--repeats 2] [--seed 0] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import random
import sys
import time
import tracemalloc
from pathlib import Path

import underthesea
from bench import sentences  # benchmarks/, the script's folder

from helpers import segmenter


def build_pages(chars: int, seed: int) -> list[list[str]]:
    """Pages (lists of paragraphs) totalling about ``chars`` characters, no paragraph repeated."""
    rng = random.Random(seed)
    pool = sentences(min_words=1)
    pages: list[list[str]] = []
    seen: set[str] = set()
    total = 0
    while total < chars:
        page = []
        for _ in range(rng.randint(4, 14)):
            parts = []
            for sentence in rng.sample(pool, rng.randint(1, 5)):
                if rng.random() < 0.5:
                    syllables = sentence.split()
                    rng.shuffle(syllables)
                    sentence = " ".join(syllables)
                parts.append(sentence)
            paragraph = ". ".join(parts) + "."
            if paragraph not in seen:
                seen.add(paragraph)
                page.append(paragraph)
                total += len(paragraph)
        pages.append(page)
    return pages


def _timed(fn, repeats: int) -> tuple[float, float, object]:
    """Best wall and CPU seconds over ``repeats`` runs, caches cleared before each run."""
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeats):
        segmenter.clear_caches()
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def _batch_peak(paragraphs: list[str]) -> dict:
    """Peak memory allocated (tracemalloc: Python objects and numpy arrays) while segmenting
    one batch, the words it returns included, caches warm."""
    segmenter.word_tokenize_many(paragraphs)
    tokens = sum(len(segmenter.word_tokenize_many([p])[0]) for p in paragraphs)  # words
    tracemalloc.start()
    segmenter.word_tokenize_many(paragraphs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"paragraphs": len(paragraphs), "words": tokens, "peak_bytes": peak}


def machine() -> dict:
    versions = {n: importlib.metadata.version(n) for n in ("underthesea", "underthesea_core",
                                                           "numpy")}
    return {"cpu_count": os.cpu_count(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "python": sys.version.split()[0], **versions, "backend": segmenter.backend()}


def run(chars: int, repeats: int, seed: int) -> dict:
    pages = build_pages(chars, seed)
    paragraphs = [p for page in pages for p in page]
    n_chars = sum(len(p) for p in paragraphs)
    underthesea.word_tokenize("Khởi động mô hình.")  # load the model outside the timing
    segmenter.word_tokenize("Khởi động mô hình.")
    runs = {"underthesea, call per paragraph": _timed(
        lambda: [underthesea.word_tokenize(p) for p in paragraphs], repeats)}
    reference = runs["underthesea, call per paragraph"][2]
    runs["helpers, call per paragraph"] = _timed(
        lambda: [segmenter.word_tokenize(p) for p in paragraphs], repeats)
    runs["helpers, call per page"] = _timed(
        lambda: [w for page in pages for w in segmenter.word_tokenize_many(page)], repeats)
    runs["helpers, batched"] = _timed(lambda: segmenter.word_tokenize_many(paragraphs), repeats)
    batch_peak = _batch_peak(paragraphs[:segmenter.BATCH_SIZE])
    base_wall, base_cpu = runs["underthesea, call per paragraph"][:2]
    rows = []
    for name, (wall, cpu, result) in runs.items():
        if result != reference:
            raise AssertionError(f"{name}: words differ from underthesea's")
        rows.append({"run": name, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                     "chars_per_s": round(n_chars / wall), "x_underthesea_wall":
                     round(base_wall / wall, 1), "x_underthesea_cpu": round(base_cpu / cpu, 1)})
    return {"machine": machine(), "pages": len(pages), "paragraphs": len(paragraphs),
            "chars": n_chars, "repeats": repeats, "seed": seed, "runs": rows,
            "batch_peak": batch_peak,
            "command": " ".join([Path(sys.executable).name, *sys.argv])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=600_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    report = run(args.chars, args.repeats, args.seed)
    print(json.dumps(report["machine"]))
    print(f"{report['pages']} pages, {report['paragraphs']} paragraphs, {report['chars']:,} "
          f"characters; identical words in every run; best of {report['repeats']} runs "
          "of each, caches cold")
    print(f"{'run':34} {'wall s':>8} {'cpu s':>8} {'chars/s':>11} {'x wall':>7} {'x cpu':>7}")
    for r in report["runs"]:
        print(f"{r['run']:34} {r['wall_s']:8.2f} {r['cpu_s']:8.2f} {r['chars_per_s']:11,} "
              f"{r['x_underthesea_wall']:7.1f} {r['x_underthesea_cpu']:7.1f}")
    peak = report["batch_peak"]
    print(f"one batch of {peak['paragraphs']} paragraphs ({peak['words']:,} words): peak "
          f"{peak['peak_bytes'] / 2**20:.1f} MB allocated, "
          f"{peak['peak_bytes'] / peak['words']:.0f} bytes per word")
    if args.out:
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")


if __name__ == "__main__":
    main()
