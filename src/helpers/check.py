"""``python -m helpers.check [PATH]``: what the loader makes of a corpus folder.

Prints one line per article (what is known of its date, event, kind, language and title, the
words kept, lines removed by reason, duplicate and language flags) and every warning, so a
newcomer can check their own folder before analysing it.
Owns only this report; the loading itself is ``helpers.corpus``.
"""
from __future__ import annotations

import sys
import warnings
from collections import Counter
from typing import TextIO

import pandas as pd

from .corpus import analysable, cleaning_audit, load_corpus
from .errors import CacheWarning, CorpusError, CorpusWarning
from .paths import corpus_dir, display_path

__all__ = ["describe", "main"]


def _known(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) \
        and value is not pd.NaT and value != ""


def _article_line(row: pd.Series, removed: Counter) -> str:
    """One article: only what is known (no "nan"), then words kept, removals and flags."""
    fields = []
    if _known(row.published):
        approx = "≈" if row.date_precision == "approximate" else ""
        fields.append(approx + row.published.date().isoformat())
    fields += [str(row[c]) for c in ("event", "kind", "language") if _known(row[c])]
    if _known(row.title):
        fields.append(" ".join(str(row.title).split())[:70])     # one line, whatever it holds
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(removed.items())) or "nothing"
    flags = []
    if _known(row.duplicate_of):
        flags.append(f"DUPLICATE of {row.duplicate_of} (left out of analyses)")
    if _known(row.language) and row.language != "vi":
        flags.append(f"NOT VIETNAMESE ({row.language}: left out of analyses)")
    head = "  ".join([row.source_file, *fields])
    tail = "".join(f"; {f}" for f in flags)
    return f"- {head}\n    {row.n_words} words kept; removed: {reasons}{tail}"


def describe(path: str | None = None, out: TextIO | None = None) -> int:
    """Print what the loader made of a folder (to ``out``, default stdout): one line per
    article with only the fields that are known, its removals and flags (duplicate, not in
    Vietnamese), then every warning (the corpus's, and the cache's when it cannot be written).
    Returns the number of distinct corpus warnings.

    Parameters
    ----------
    path : str | None, optional
    out : TextIO | None, optional

    Examples
    --------
    >>> import io
    >>> buffer = io.StringIO()
    >>> describe(out=buffer)
    0
    >>> "nan" in buffer.getvalue(), buffer.getvalue().splitlines()[0]
    (False, 'seeds: 5 article(s), 5 analysable, 0 duplicate(s), 0 not in Vietnamese')
    """
    out = sys.stdout if out is None else out
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(path, on_error="skip")
    audit = cleaning_audit(corpus)
    duplicates = int(corpus["duplicate_of"].notna().sum())
    foreign = int((corpus["language"].notna() & (corpus["language"] != "vi")).sum())
    print(f"{display_path(corpus_dir(path))}: {len(corpus)} article(s), "
          f"{len(analysable(corpus))} analysable, {duplicates} duplicate(s), "
          f"{foreign} not in Vietnamese", file=out)
    by_doc = audit.groupby("doc_id")["reason"].agg(Counter)
    for _, row in corpus.iterrows():
        print(_article_line(row, by_doc.get(row.doc_id, Counter())), file=out)
    seen: list[str] = []
    for w in caught:
        if issubclass(w.category, CorpusWarning) and str(w.message) not in seen:
            seen.append(str(w.message))
            print(f"WARNING: {w.message}", file=out)
        elif issubclass(w.category, CacheWarning):     # not the corpus's: not counted
            print(f"CACHE: {w.message}", file=out)
    return len(seen)


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python -m helpers.check [PATH]``.

    Parameters
    ----------
    argv : list of str, optional
        The arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit code: 0; 1 when the folder cannot be read (``CorpusError``: printed, without a
        traceback); 2 for a usage error.

    Examples
    --------
    >>> main(["--help"])
    0
    """
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0] in {"-h", "--help"}):
        print("usage: python -m helpers.check [PATH]\n"
              "Print what load_corpus makes of the corpus folder PATH (default: $CORPUS_DIR, "
              "else seeds/).", file=sys.stderr)
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    try:
        describe(argv[0] if argv else None)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
