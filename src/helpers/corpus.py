"""The corpus: a folder of scraped news pages (``*.txt``) becomes one table, one row per article.

Owns reading files (decoding, bad-input errors), the optional ``catalog.csv`` of metadata, the
conference table, and duplicate detection. Cleaning a page is ``helpers.cleaning``; normalizing
and segmenting text is ``helpers.text``. ``python -m helpers.check PATH`` prints what it makes of a folder.
"""
from __future__ import annotations

import codecs
import csv
import functools
import re
import warnings
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from .cleaning import CleanedArticle, clean_article
from .errors import CorpusError, CorpusWarning  # noqa: F401  (public names of this module)
from .paths import DATA_DIR, corpus_dir, display_path
from .text import normalize_text, segment, words_from_segments

CATALOG_NAME = "catalog.csv"
CATALOG_COLUMNS = ["file", "title", "outlet", "url", "published", "date_precision", "event",
                   "kind", "author", "notes"]
DATE_PRECISIONS = {"day", "approximate"}
COLUMNS = ["doc_id", "source_file", "title", "outlet", "source", "author", "url", "published",
           "date_precision", "event", "year", "kind", "text", "tokens", "n_paragraphs",
           "n_words", "n_removed", "duplicate_of", "metadata_from", "notes"]


def doc_id(source_file: str) -> str:
    """An article's id: its file path in the corpus folder without the extension."""
    return Path(source_file).with_suffix("").as_posix()


def plain(value):
    """A numpy scalar as the Python value it holds (group labels read back from pandas)."""
    return value.item() if hasattr(value, "item") else value


# --- reading ---------------------------------------------------------------------------------

def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Text of a file: UTF-8 with or without BOM, or UTF-16 with a BOM. Anything else raises
    ``CorpusError`` naming the file, the encodings tried and where decoding failed.

    >>> decode_bytes("Hòa bình".encode("utf-16"))
    'Hòa bình'
    """
    if data.startswith(codecs.BOM_UTF8):
        tried, encoding, payload = "UTF-8 (BOM found)", "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        tried, encoding, payload = "UTF-16 (BOM found)", "utf-16", data
    else:
        tried, encoding, payload = "UTF-8 (no BOM; UTF-16 needs a BOM)", "utf-8", data
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{name}: cannot decode as {tried}: {err.reason} at byte {err.start}. "
            "Save the file as UTF-8 (or UTF-16 with a BOM) and load it again."
        ) from None


@functools.cache
def conferences() -> pd.DataFrame:
    """The conferences this project knows, one row each (code, number, names, year, dates).

    >>> conferences().loc["DC32", "start"].date()
    datetime.date(2023, 12, 19)
    """
    table = pd.read_csv(DATA_DIR / "conferences.csv", dtype=str, keep_default_na=False)
    for col in ("start", "end"):
        table[col] = pd.to_datetime(table[col].replace("", None), format="%Y-%m-%d")
    table["year"] = table["year"].astype(int)
    table["number"] = table["number"].astype(int)
    return table.set_index("code")


def read_catalog(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a ``catalog.csv`` keyed by file name, validated; errors name the row and field."""
    try:
        text = decode_bytes(path.read_bytes(), display_path(path))
    except OSError as err:
        raise CorpusError(f"{display_path(path)}: cannot read catalog: {err}") from None
    reader = csv.DictReader(text.splitlines())
    columns = reader.fieldnames or []
    missing = [c for c in CATALOG_COLUMNS if c not in columns]
    if missing:
        raise CorpusError(f"{display_path(path)}: missing column(s) {', '.join(missing)}; "
                          f"expected {', '.join(CATALOG_COLUMNS)}")
    rows: dict[str, dict[str, str]] = {}
    for lineno, row in enumerate(reader, start=2):
        where = f"{display_path(path)}, line {lineno}"
        row = {k: normalize_text((v or "")).strip() for k, v in row.items() if k}
        name = row["file"]
        if not name:
            raise CorpusError(f"{where}: empty 'file'")
        if name in rows:
            raise CorpusError(f"{where}: file {name!r} is listed twice")
        if row["published"]:
            try:
                pd.to_datetime(row["published"], format="%Y-%m-%d")
            except ValueError:
                raise CorpusError(f"{where} ({name}): published {row['published']!r} is not "
                                  "an ISO date (YYYY-MM-DD)") from None
        if row["date_precision"] and row["date_precision"] not in DATE_PRECISIONS:
            raise CorpusError(f"{where} ({name}): date_precision {row['date_precision']!r} "
                              f"must be one of {sorted(DATE_PRECISIONS)}")
        rows[name] = row
    return rows


@dataclass(frozen=True)
class PageResult:
    """What one file gives: its cleaned article, or None when it was skipped."""

    source_file: str
    article: CleanedArticle | None


def read_page(data: bytes, name: str) -> CleanedArticle | None:
    """Decode and clean one file's bytes; None for an empty page. Pure: same bytes, same result."""
    text = decode_bytes(data, name)
    if not text.strip():
        return None
    return clean_article(text)


def _corpus_files(folder: Path) -> tuple[list[Path], list[Path]]:
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found (set CORPUS_DIR or pass a path)")
    files, other = [], []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() == ".txt":
            files.append(path)
        elif path.name != CATALOG_NAME:
            other.append(path)
    return files, other


def _list_pages(path, on_error: str) -> tuple[Path, list[str]]:
    if on_error not in {"raise", "skip"}:
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    folder = corpus_dir(path)
    files, other = _corpus_files(folder)
    if other:
        names = ", ".join(p.relative_to(folder).as_posix() for p in other[:5])
        more = f" and {len(other) - 5} more" if len(other) > 5 else ""
        warnings.warn(f"{folder}: ignored {len(other)} file(s) that are not .txt: {names}{more}",
                      CorpusWarning, stacklevel=4)
    if not files:
        raise CorpusError(f"{folder}: no .txt files found")
    return folder, [file.relative_to(folder).as_posix() for file in files]


def _report(name: str, status: str, error: str | None, article, on_error: str) -> None:
    """Raise or warn about one file's outcome, the same way for every way of loading."""
    if status == "undecodable":
        if on_error == "raise":
            raise CorpusError(error)
        warnings.warn(f"{error} (skipped)", CorpusWarning, stacklevel=4)
    elif status == "empty":
        warnings.warn(f"{name}: empty file, skipped", CorpusWarning, stacklevel=4)
    elif article is not None and not article.paragraphs:
        warnings.warn(f"{name}: no article text found (every line was removed as page "
                      "furniture; see cleaning_audit())", CorpusWarning, stacklevel=4)


def read_pages(path=None, on_error: str = "raise") -> list[PageResult]:
    """Decode and clean every ``*.txt`` page under ``path`` (no segmentation: see
    ``load_corpus``), warning about or raising on bad files as ``load_corpus`` does."""
    folder, names = _list_pages(path, on_error)
    results = []
    for name in names:
        try:
            article = read_page((folder / name).read_bytes(), name)
            status, error = ("ok" if article is not None else "empty"), None
        except CorpusError as err:
            article, status, error = None, "undecodable", str(err)
        _report(name, status, error, article, on_error)
        results.append(PageResult(name, article))
    return results


# --- duplicates ------------------------------------------------------------------------------

_WORDLIKE = re.compile(r"\w")
SHINGLE_SIZE = 5


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 5-syllable shingles of ``text`` as sorted 64-bit integers: CRC-32 and
    Adler-32 of the shingle side by side, so the same text gives the same numbers in every
    process and on every machine (Python's own ``hash`` is salted per process)."""
    if not text.strip():
        return np.zeros(0, dtype=np.uint64)
    syllables = [s for s in normalize_text(text).casefold().split()
                 if s.isalpha() or _WORDLIKE.search(s)]
    windows = (zip(*(syllables[k:] for k in range(SHINGLE_SIZE)))
               if len(syllables) >= SHINGLE_SIZE else [syllables])
    values = {zlib.crc32(b) | (zlib.adler32(b) << 32)
              for b in (" ".join(w).encode("utf-8") for w in windows)}
    return np.array(sorted(values), dtype=np.uint64)


def find_duplicates(texts: list[str] | None = None, threshold: float = 0.8,
                    hashes: list[np.ndarray] | None = None) -> list[int | None]:
    """For each text, the index of an earlier text it copies, or None.

    Two texts are copies when at least ``threshold`` of the 5-syllable shingles of the shorter
    one occur in the longer one (containment), so an added caption or a changed byline does not
    hide a copy, while two reports of the same event share far less. Shared shingles are
    counted for all pairs at once with a sparse matrix product, block by block, so thousands
    of articles take seconds and bounded memory.

    >>> a = "Sáng 23/12 Hội nghị Ngoại giao lần thứ 32 đã bế mạc sau 5 ngày làm việc"
    >>> find_duplicates([a, a + " Ảnh: TTXVN", "Hội nghị Ngoại giao lần thứ 31 đã bế mạc"])
    [None, 0, None]
    """
    if hashes is None:
        hashes = [shingle_hashes(t) for t in texts]
    n = len(hashes)
    sizes = np.array([len(h) for h in hashes], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    flat = np.concatenate(hashes) if n else np.zeros(0, dtype=np.uint64)
    vocabulary, indices = np.unique(flat, return_inverse=True)
    matrix = csr_matrix((np.ones(len(indices), dtype=np.int32), indices.ravel(), indptr),
                        shape=(n, max(len(vocabulary), 1)))
    transposed = matrix.T.tocsr()
    result: list[int | None] = [None] * n
    block = 256
    for start in range(0, n, block):
        shared = (matrix[start:start + block] @ transposed).tocoo()
        rows, cols, vals = shared.row + start, shared.col, shared.data
        copy = ((cols < rows) & (sizes[rows] > 0)
                & (vals >= threshold * np.minimum(sizes[rows], sizes[cols])))
        rows, cols = rows[copy], cols[copy]
        for j, i in zip(*(a[np.lexsort((cols, rows))] for a in (rows, cols))):
            # The earliest earlier text that is itself no copy is the one kept.
            if result[j] is None and result[i] is None:
                result[j] = int(i)
    return result


# --- the table -------------------------------------------------------------------------------

def _pick(catalog_row: dict[str, str] | None, field: str, inferred, how: str,
          provenance: dict):
    """The catalog's value when it has one, else the inferred one; records which was used."""
    value = (catalog_row or {}).get(field, "")
    if value:
        provenance[field] = "catalog"
        return value
    if inferred is None or inferred == "" or pd.isna(inferred):   # None, "", NaN, NaT
        return None
    provenance[field] = how
    return inferred


def load_corpus(path=None, *, catalog: bool = True, on_error: str = "raise",
                cache: bool = True, workers: int | None = None, client=None,
                progress: bool | None = None) -> pd.DataFrame:
    """Load a folder of news pages as one row per article.

    ``path`` defaults to ``$CORPUS_DIR``, else the project's ``seeds/``. Every ``*.txt`` file
    (subfolders included) is decoded (UTF-8, UTF-8 with BOM, UTF-16 with BOM), normalized,
    cleaned (``clean_article``) and segmented (``tokenize``). Metadata come from
    ``catalog.csv`` in the folder when present (``catalog=False`` ignores it), else from the page
    itself; ``metadata_from`` says which for each field. A file that cannot be decoded raises
    ``CorpusError`` (``on_error="skip"`` warns and goes on); empty files are skipped with a
    ``CorpusWarning``. Copies of an article keep their row, with ``duplicate_of`` naming the
    kept copy's ``doc_id``; analyses leave them out (``analysable``).

    Scale: each file is processed by one pure function (``helpers.pipeline.process_page``);
    ``workers`` processes share the work (default: all cores above about 1.5 MB of pages, one
    below; ``$HELPERS_WORKERS`` overrides), or a dask.distributed ``client`` (a Client or a
    scheduler address) runs it on a cluster. Segmentations are cached on disk, so a second
    load does not segment again. A progress bar shows on loads of more than a few seconds
    (``progress=False`` or ``$HELPERS_PROGRESS=0`` silences it).

    >>> corpus = load_corpus()
    >>> corpus["year"].value_counts().sort_index().to_string()
    'year\\n2021    3\\n2023    2'
    """
    from .pipeline import paused_gc

    with paused_gc():
        return _load_corpus(path, catalog, on_error, cache, workers, client, progress)


def _load_corpus(path, catalog, on_error, cache, workers, client, progress) -> pd.DataFrame:
    from .pipeline import map_pages

    folder, names = _list_pages(path, on_error)
    results = map_pages(folder, names, cache=cache, workers=workers, client=client,
                        progress=progress)
    for r in results:
        _report(r["source_file"], r["status"], r["error"], r.get("article"), on_error)
    pages = [r for r in results if r["status"] == "ok"]
    cat_path = folder / CATALOG_NAME
    cat = read_catalog(cat_path) if catalog and cat_path.is_file() else {}
    loaded = {p["source_file"] for p in pages}
    for name in sorted(set(cat) - loaded):
        warnings.warn(f"{display_path(cat_path)}: lists {name!r}, which is not in the corpus "
                      "folder (or was skipped)", CorpusWarning, stacklevel=2)
    conf = conferences()

    rows = []
    for page in pages:
        art, page_meta, tokens = page["article"], page["meta"], page["tokens"]
        row_cat = cat.get(page["source_file"])
        prov: dict[str, str] = {}
        title = _pick(row_cat, "title", page_meta["title"], page_meta["title_from"], prov)
        published = _pick(row_cat, "published", page_meta["published"],
                          page_meta["published_from"], prov)
        if prov.get("published") == "catalog":
            precision = (row_cat or {}).get("date_precision") or "day"
        else:
            precision = page_meta["date_precision"]
        event = _pick(row_cat, "event", page_meta["event"], page_meta["event_from"], prov)
        year = None
        if event in conf.index:
            year = int(conf.loc[event, "year"])
        elif published is not None:
            year = pd.Timestamp(published).year
        rows.append({
            "doc_id": doc_id(page["source_file"]),
            "source_file": page["source_file"],
            "title": title,
            "outlet": _pick(row_cat, "outlet", page_meta["outlet"], page_meta["outlet_from"], prov),
            "source": page_meta["source"],
            "author": _pick(row_cat, "author", page_meta["author"], page_meta["author_from"], prov),
            "url": (row_cat or {}).get("url") or None,
            "published": published,
            "date_precision": precision,
            "event": event,
            "year": year,
            "kind": _pick(row_cat, "kind", None, "", prov),
            "text": art.text,
            "tokens": tokens,
            "n_paragraphs": len(art.paragraphs),
            "n_words": len(tokens),
            "n_removed": len(art.removed),
            "duplicate_of": None,
            "metadata_from": "; ".join(f"{k}: {v}" for k, v in prov.items()),
            "notes": (row_cat or {}).get("notes") or None,
        })
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["published"] = pd.to_datetime(df["published"])
    df["year"] = df["year"].astype("Int64")
    dup = find_duplicates(hashes=[page["shingles"] for page in pages])
    df["duplicate_of"] = [df["doc_id"].iat[i] if i is not None else None for i in dup]
    return df


def analysable(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rows analyses use: one copy of each article (``duplicate_of`` empty)."""
    return corpus[corpus["duplicate_of"].isna()]


def cleaning_audit(path=None, on_error: str = "raise") -> pd.DataFrame:
    """Every removed line of every page: doc_id, line number, reason and text.

    >>> audit = cleaning_audit()
    >>> int((audit["reason"] == "comment box").sum())
    3
    """
    rows = [
        {"doc_id": doc_id(p.source_file), "line": line.number,
         "reason": line.reason, "text": line.text}
        for p in read_pages(path, on_error=on_error) if p.article
        for line in p.article.removed
    ]
    return pd.DataFrame(rows, columns=["doc_id", "line", "reason", "text"])


def removal_summary(audit: pd.DataFrame, doc_ids=None) -> pd.DataFrame:
    """Removed lines per article (rows) and reason (columns), with a total column. Pass the
    corpus's ``doc_ids`` so that articles with nothing removed show as a row of zeros."""
    table = pd.crosstab(audit["doc_id"], audit["reason"])
    if doc_ids is not None:
        table = table.reindex(pd.Index(list(doc_ids), name="doc_id"), fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    return table


def raw_pages(path=None, on_error: str = "raise") -> pd.DataFrame:
    """The whole page of every non-empty file, decoded and normalized but not cleaned: the
    "before" of cleaning, for comparisons."""
    folder, names = _list_pages(path, on_error)
    rows = []
    for name in names:
        try:
            text = normalize_text(decode_bytes((folder / name).read_bytes(), name))
        except CorpusError:
            if on_error == "raise":
                raise
            continue  # load_corpus and read_pages warn about it
        if text.strip():
            rows.append({"doc_id": doc_id(name), "text": text})
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def line_accounting(path=None, on_error: str = "raise") -> pd.DataFrame:
    """Per article: non-blank lines on the page, and how many became headline, body or removed.
    ``accounted`` is True when headline + body + removed equals the page's non-blank lines."""
    rows = []
    for page in read_pages(path, on_error=on_error):
        if page.article is None:
            continue
        roles = Counter(line.role for line in page.article.lines)
        rows.append({"doc_id": doc_id(page.source_file), "lines": len(page.article.lines), "headline": roles["headline"],
                     "body": roles["body"], "removed": roles["removed"]})
    table = pd.DataFrame(rows, columns=["doc_id", "lines", "headline", "body", "removed"])
    table["accounted"] = table["lines"] == table[["headline", "body", "removed"]].sum(axis=1)
    return table


def paragraph_table(corpus: pd.DataFrame, by: str = "year",
                    remove_stopwords: bool = True) -> pd.DataFrame:
    """One row per paragraph of the analysable articles: doc_id, the grouping column ``by``,
    paragraph number (1-based), its words and their number. Paragraphs with no words are left
    out. Segmentation comes from the on-disk cache, so this is cheap after ``load_corpus``."""
    rows = []
    for art in analysable(corpus).itertuples():
        for k, seg in enumerate(segment(art.text), 1):
            tokens = words_from_segments([seg], remove_stopwords=remove_stopwords)
            if tokens:
                rows.append({"doc_id": art.doc_id, by: getattr(art, by), "paragraph": k,
                             "tokens": tokens, "n_words": len(tokens)})
    return pd.DataFrame(rows, columns=["doc_id", by, "paragraph", "tokens", "n_words"])
