"""How long an HTML page takes to process, against a text page (the pages written for the tests):
``.venv/bin/python benchmarks/html_pages.py [--rounds 5] [--out FILE.json]``.

``make bench`` times plain-text pages. A folder saved from a browser holds HTML, which goes
through trafilatura (``helpers.html.extract_html``) before cleaning. This processes every HTML
page written for the tests (``tests/data/**/*.htm*``: pages in the shapes of many sites'
markup, invented text) with ``pages.process_page`` (no cache), ``--rounds`` times in one
process after one page has gone through every stage, and prints the median per page and how
much of it the extraction took (``html.extract_html``: trafilatura and the markup's
metadata), and the same for
the text pages of the tests (``tests/data/**/*.txt``).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench import ROOT, write_runs  # benchmarks/


def _pages(pattern: str) -> list[tuple[str, bytes]]:
    files = sorted(p for p in (ROOT / "tests" / "data").rglob(pattern) if p.is_file())
    return [(p.name, p.read_bytes()) for p in files]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, help="write every run as JSON")
    args = parser.parse_args(argv)
    from helpers import pages

    spent = [0.0]
    extract = pages.extract_html

    def timed_extract(*a, **k):
        start = time.perf_counter()
        try:
            return extract(*a, **k)
        finally:
            spent[0] += time.perf_counter() - start

    pages.extract_html = timed_extract       # the name process_page calls
    runs: dict[str, list[dict]] = {}
    for kind, pattern in (("html", "*.htm*"), ("text", "*.txt")):
        found = _pages(pattern)
        pages.process_page(*found[0], cache=False)        # rules and model loaded (not counted)
        runs[kind] = []
        for _ in range(args.rounds):
            spent[0] = 0.0
            start = time.perf_counter()
            for name, data in found:
                pages.process_page(name, data, cache=False)
            seconds = time.perf_counter() - start
            runs[kind].append({"pages": len(found), "kb": round(sum(len(d) for _, d in found)
                                                                 / 1000, 1),
                               "seconds": round(seconds, 4), "extract_s": round(spent[0], 4)})
        per = [r["seconds"] / r["pages"] * 1000 for r in runs[kind]]
        extracted = [r["extract_s"] / r["pages"] * 1000 for r in runs[kind]]
        print(f"{kind}: {len(found)} pages, {runs[kind][0]['kb']} kB; "
              f"{statistics.median(per):.1f} ms a page (median of {args.rounds} rounds, "
              f"{min(per):.1f}-{max(per):.1f}), of which the extraction (extract_html) "
              f"{statistics.median(extracted):.1f} ms")
    if args.out:
        write_runs(args.out, ["python", "benchmarks/html_pages.py", *(argv or sys.argv[1:])],
                   runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
