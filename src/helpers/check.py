"""``python -m helpers.check [PATH]``: what the loader makes of a corpus folder.

Prints one line per article (date, event, title, words kept, lines removed by reason,
duplicates) and every warning, so a newcomer can check their own folder before analysing it.
Owns only this report; the loading itself is ``helpers.corpus``.
"""
from __future__ import annotations

import sys
import warnings
from collections import Counter

import pandas as pd

from .corpus import cleaning_audit, load_corpus
from .errors import CorpusWarning
from .paths import corpus_dir, display_path


def describe(path=None, out=None) -> int:
    """Print what the loader made of a folder (to ``out``, default stdout); return the number
    of distinct corpus warnings."""
    out = sys.stdout if out is None else out
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(path, on_error="skip")
    audit = cleaning_audit(corpus)
    print(f"{display_path(corpus_dir(path))}: {len(corpus)} article(s), "
          f"{corpus['n_words'].sum()} words kept, {len(audit)} line(s) removed", file=out)
    by_doc = audit.groupby("doc_id")["reason"].agg(Counter)
    for row in corpus.itertuples():
        date = row.published.date().isoformat() if pd.notna(row.published) else "date?"
        removed = by_doc.get(row.doc_id, Counter())
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(removed.items())) or "nothing"
        dup = f"; DUPLICATE of {row.duplicate_of}" if row.duplicate_of else ""
        print(f"- {row.source_file}  {date}  {row.event or 'event?'}  "
              f"{(row.title or 'title?')[:70]}\n    {row.n_words} words kept; removed: "
              f"{reasons}{dup}", file=out)
    seen = set()
    for w in caught:
        # The load and the audit read the folder twice: say each warning once.
        if issubclass(w.category, CorpusWarning) and str(w.message) not in seen:
            seen.add(str(w.message))
            print(f"WARNING: {w.message}", file=out)
    return len(seen)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0] in {"-h", "--help"}):
        print("usage: python -m helpers.check [PATH]\n"
              "Print what load_corpus makes of the corpus folder PATH (default: $CORPUS_DIR, "
              "else seeds/).", file=sys.stderr)
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    describe(argv[0] if argv else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
