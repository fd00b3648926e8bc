"""The corpus: a folder of scraped news pages becomes one table, one row per article.

Owns listing a folder, assembling the table from the page results (catalog values over page
values, with provenance), marking duplicates, and the views the notebooks read off a loaded
corpus: cleaning audit, line accounting, raw pages, paragraphs. The per-page work is
``helpers.pages``; running it over many files is ``helpers.pipeline``.
"""
from __future__ import annotations

import os
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .catalog import CATALOG_NAME, file_key, read_catalog
from .cleaning import REMOVED
from .dedupe import find_duplicates_cached
from .errors import CorpusError, CorpusWarning
from .html import HTML_SUFFIXES, is_html
from .markdown import MARKDOWN_SUFFIXES
from .mhtml import MHTML_SUFFIXES, is_mhtml
from .pages import EMPTY, OK, UNDECODABLE, PageResult, text_page
from .paths import corpus_dir, corpus_folder_problem, display_path
from .pipeline import map_pages, paused_gc
from .reference import conferences
from .text import words_from_segments

__all__ = ["COLUMNS", "PAGE_SUFFIXES", "analysable", "cleaning_audit", "corpus_from_texts",
           "doc_id", "line_accounting", "list_pages", "load_corpus", "paragraph_table", "plain",
           "raw_pages", "removal_summary", "unique_doc_ids"]

# Files a corpus folder's pages are in: text, and every extension read as HTML, MHTML or
# Markdown (a file with another extension is a page when its first bytes are HTML or MHTML).
PAGE_SUFFIXES = {".txt"} | HTML_SUFFIXES | MHTML_SUFFIXES | MARKDOWN_SUFFIXES
# How much of a file with another extension is read to tell whether it is a page.
SNIFF_BYTES = 8192
COLUMNS = ["doc_id", "source_file", "title", "outlet", "source", "author", "url", "published",
           "date_precision", "event", "year", "kind", "language", "text", "tokens",
           "n_paragraphs", "n_words", "n_removed", "duplicate_of", "metadata_from", "notes",
           "page"]
# The columns of counts and of text (or missing values): one type whatever a corpus holds.
COUNT_COLUMNS = ["n_paragraphs", "n_words", "n_removed"]
TEXT_COLUMNS = ["doc_id", "source_file", "title", "outlet", "source", "author", "url",
                "date_precision", "event", "kind", "language", "text", "duplicate_of",
                "metadata_from", "notes"]


def doc_id(source_file: str) -> str:
    """An article's id: its file path in the corpus folder without the extension (the id a load
    gives it unless another file of the folder shares that id: ``unique_doc_ids``).

    Parameters
    ----------
    source_file : str
        The file's path relative to the corpus folder.

    Returns
    -------
    str

    Examples
    --------
    >>> doc_id("2023/000_abc.txt")
    '2023/000_abc'
    """
    return Path(source_file).with_suffix("").as_posix()


def unique_doc_ids(source_files: Sequence[str]) -> list[str]:
    """Each file's ``doc_id``, unique in the corpus: a file whose id without the extension
    another file shares (``bai.txt`` and ``bai.html``, ``tin.txt`` and ``tin.TXT``) keeps its
    whole path as its id, so no two rows share one.

    Parameters
    ----------
    source_files : sequence of str
        The files' paths relative to the corpus folder (each once).

    Returns
    -------
    list of str

    Examples
    --------
    >>> unique_doc_ids(["bai.txt", "bai.html", "2023/tin.txt"])
    ['bai.txt', 'bai.html', '2023/tin']
    """
    ids = [doc_id(name) for name in source_files]
    # A whole path is unique, but may equal another file's shortened id ("a.txt" beside
    # "a.txt.txt"): repeated until no id is shared.
    while True:
        counts = Counter(ids)
        shared = [i for i, found in enumerate(ids) if counts[found] > 1]
        if not shared:
            return ids
        for i in shared:
            ids[i] = Path(source_files[i]).as_posix()


def plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (group labels read back from pandas).

    Parameters
    ----------
    value : object
        Anything; numpy scalars are converted.

    Returns
    -------
    object

    Examples
    --------
    >>> import numpy as np
    >>> type(plain(np.int64(2023))).__name__, plain("DC32")
    ('int', 'DC32')
    """
    return value.item() if hasattr(value, "item") else value


# --- the folder ------------------------------------------------------------------------------

def list_pages(path: str | os.PathLike | None = None) -> tuple[Path, list[str]]:
    """The corpus folder and its page files (relative paths, sorted; subfolders included,
    links to folders not followed; hidden files and folders and the catalog left out): files
    with a page's extension (``PAGE_SUFFIXES``), and files with another whose first bytes are
    an HTML or MHTML page (``bai-viet.aspx``, ``1032``: named in a warning). Other files are
    named in one warning, files that cannot be read in another, README files (``README.md``,
    ``README.vi.md``, ``readme.txt``: a folder's description) in another, catalogs in
    subfolders (not read) in another, the folders of a saved page's own files (``NAME_files``
    beside ``NAME.html``: not entered) in another, and links that lead to no file (a missing
    target, or a loop of links) in another.

    Parameters
    ----------
    path : str or PathLike, optional
        The folder; default ``$CORPUS_DIR``, else ``seeds/``.

    Returns
    -------
    tuple
        ``(folder, names)``.

    Raises
    ------
    CorpusError
        When the folder does not exist, cannot be read or holds no page.

    Examples
    --------
    >>> folder, names = list_pages()
    >>> len(names), names[0]
    (5, '000_81a13d3eb0ca6e22.txt')
    """
    folder = corpus_dir(path)
    if problem := corpus_folder_problem(folder):
        hint = (f": the corpus is the folder of pages (pass {str(folder.parent.resolve())!r}, or "
                "set CORPUS_DIR)" if folder.is_file() else " (set CORPUS_DIR or pass a path)")
        raise CorpusError(f"{folder}: {problem}{hint}")
    files: list[str] = []
    other: list[str] = []
    broken: list[str] = []
    catalogs: list[str] = []
    readmes: list[str] = []
    resources: list[str] = []
    sniffed: list[str] = []
    unread: list[str] = []
    for parts, kind in sorted(_visible_files(folder), key=_path_order):
        name, path = parts[-1], "/".join(parts)
        stem, suffix = os.path.splitext(name)
        if kind == "link to nothing":
            broken.append(path)
        elif kind == "resources":
            resources.append(path + "/")
        elif stem.casefold().split(".")[0] == "readme":     # README.md, README.vi.md
            readmes.append(path)
        elif suffix.lower() in PAGE_SUFFIXES:
            files.append(path)
        elif name == CATALOG_NAME and len(parts) > 1:
            catalogs.append(path)
        elif name != CATALOG_NAME:
            page = _page_by_content(folder, parts)
            if page:
                files.append(path)
                sniffed.append(path)
            else:
                (other if page is False else unread).append(path)
    if resources:
        warnings.warn(f"{folder}: did not read {len(resources)} folder(s) of a saved page's "
                      "own files (a browser's \"Webpage, complete\" keeps its images, scripts "
                      "and frames in NAME_files beside NAME.html; they are not pages): "
                      f"{_first_five(resources)}", CorpusWarning, stacklevel=3)
    if catalogs:
        warnings.warn(f"{folder}: ignored {len(catalogs)} {CATALOG_NAME} in subfolders (only the "
                      f"folder's own is read; list every file there, with its path): "
                      f"{_first_five(catalogs)}", CorpusWarning, stacklevel=3)
    if readmes:
        warnings.warn(f"{folder}: ignored {len(readmes)} README file(s), taken for a folder's "
                      f"description, not a page (rename one to load it): {_first_five(readmes)}",
                      CorpusWarning, stacklevel=3)
    if sniffed:
        warnings.warn(f"{folder}: read {len(sniffed)} file(s) as web pages by their content (an "
                      "HTML or MHTML page whose name does not say so, as a download tool saves "
                      f"\"bai-viet.aspx\" or \"index.php?id=5\"): {_first_five(sniffed)}",
                      CorpusWarning, stacklevel=3)
    if unread:
        warnings.warn(f"{folder}: could not read {len(unread)} file(s) to tell whether they are "
                      f"pages: {_first_five(unread)}", CorpusWarning, stacklevel=3)
    if other:
        warnings.warn(f"{folder}: ignored {len(other)} file(s) that are not "
                      f"{' or '.join(sorted(PAGE_SUFFIXES))} and do not begin as a web page: "
                      f"{_first_five(other)}",
                      CorpusWarning, stacklevel=3)
    if broken:
        warnings.warn(f"{folder}: ignored {len(broken)} link(s) that lead to no file (the target "
                      f"is missing, or links point at each other): {_first_five(broken)}",
                      CorpusWarning, stacklevel=3)
    if not files:
        raise CorpusError(f"{folder}: no {' or '.join(sorted(PAGE_SUFFIXES))} files found")
    return folder, files


def _page_by_content(folder: Path, parts: tuple[str, ...]) -> bool | None:
    """Whether a file whose extension is not a page's begins as an HTML or MHTML page does
    (``html.is_html``, ``mhtml.is_mhtml``); None for a file that cannot be read."""
    name = parts[-1]
    try:
        with open(os.path.join(folder, *parts), "rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError:
        return None
    return is_html(name, head) or is_mhtml(name, head)


def _first_five(names: list[str]) -> str:
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return ", ".join(names[:5]) + more


# The folder a browser's "save as webpage, complete" puts a page's images, scripts and frames
# in, beside the page: NAME_files for NAME.html (Chrome, Edge, Firefox; older Internet Explorer
# and Firefox builds named it in the system's language).
RESOURCE_FOLDER_ENDINGS = ("_files", "-dateien", "_fichiers", "_archivos", "_arquivos", "_file",
                           "_bestanden")


def _visible_files(folder: Path, parts: tuple[str, ...] = ()
                   ) -> Iterable[tuple[tuple[str, ...], str]]:
    """The path parts (relative to ``folder``) of the files under it, links to files included,
    leaving out every name that starts with a dot and not entering links to folders, as
    ``Path.rglob`` does; a subfolder that cannot be read is passed over, as rglob passes it.
    Each with its kind: "file"; "link to nothing" (missing target, loop of links), which rglob
    passes over too; or "resources", a saved page's folder of its own files
    (``RESOURCE_FOLDER_ENDINGS``: ``NAME_files`` beside ``NAME.html``), not entered."""
    try:
        with os.scandir(os.path.join(folder, *parts)) as entries:
            found = [(entry.name, _kind(entry)) for entry in entries
                     if not entry.name.startswith(".")]
    except PermissionError as err:
        if parts:
            return
        raise CorpusError(f"{folder}: cannot read the corpus folder ({err.strerror})") from None
    saved_pages = {os.path.normcase(stem) for name, kind in found if kind == "file"
                   for stem, suffix in [os.path.splitext(name)] if suffix.lower() in HTML_SUFFIXES}
    for name, kind in found:
        if kind in {"file", "link to nothing"}:
            yield (*parts, name), kind
        elif kind == "folder" and _resources_of(name, saved_pages):
            yield (*parts, name), "resources"
        elif kind == "folder":
            yield from _visible_files(folder, (*parts, name))


def _resources_of(name: str, saved_pages: set[str]) -> bool:
    """Whether folder ``name`` holds the files of one of the HTML pages beside it (their names
    without extension, ``os.path.normcase``-d).

    Examples
    --------
    >>> _resources_of("Hội nghị_files", {"Hội nghị"}), _resources_of("tin_files", {"bai"})
    (True, False)
    """
    folded = os.path.normcase(name)
    return any(folded.casefold().endswith(end) and folded[:-len(end)] in saved_pages
               for end in RESOURCE_FOLDER_ENDINGS)


def _kind(entry: os.DirEntry) -> str:
    """"file" (or a link to one), "folder" (not a link to one), "link to nothing", or "other"
    (a link to a folder, a device...)."""
    try:
        if entry.is_file():
            return "file"
    except OSError:             # a loop of links (ELOOP), and the like
        return "link to nothing"
    if entry.is_dir(follow_symlinks=False):
        return "folder"
    if entry.is_symlink() and not os.path.exists(entry.path):
        return "link to nothing"
    return "other"


def _path_order(found: tuple[tuple[str, ...], str]) -> tuple[str, ...]:
    """The order ``sorted`` gives ``Path`` objects: part by part, case-folded where the
    system's paths are (Windows)."""
    return tuple(map(os.path.normcase, found[0]))


def _report(page: PageResult, on_error: str) -> None:
    """Raise or warn about one file's outcome, the same way for every way of loading."""
    if page.status == UNDECODABLE:
        if on_error == "raise":
            raise CorpusError(page.error)
        warnings.warn(f"{page.error} (skipped)", CorpusWarning, stacklevel=4)
    elif page.status == EMPTY:
        why = page.error or f"{page.source_file}: empty file (no visible text)"
        warnings.warn(f"{why}, skipped", CorpusWarning, stacklevel=4)
    elif page.warning:
        warnings.warn(f"{page.source_file}: {page.warning}", CorpusWarning, stacklevel=4)
    if page.status == OK and page.article is not None and not page.article.paragraphs:
        warnings.warn(f"{page.source_file}: no article text found (every line was removed as "
                      "page furniture; see cleaning_audit())", CorpusWarning, stacklevel=4)


# --- the table -------------------------------------------------------------------------------

def _pick(catalog_row: dict[str, str] | None, field: str, inferred: Any, how: str | None,
          provenance: dict[str, str]) -> Any:
    """The catalog's value when it has one, else the inferred one; records which was used."""
    value = (catalog_row or {}).get(field, "")
    if value:
        provenance[field] = "catalog"
        return value
    if inferred is None or inferred == "":
        return None
    provenance[field] = how or "page"
    return inferred


def _row(page: PageResult, cat_row: dict[str, str] | None,
         years: dict[str, int], page_id: str) -> dict[str, Any]:
    meta, art = page.metadata, page.article
    assert meta is not None and art is not None
    prov: dict[str, str] = {}
    by = meta.found_by
    picked = {f: _pick(cat_row, f, getattr(meta, f), by.get(f), prov)
              for f in ("title", "outlet", "author", "published", "event", "kind", "language")}
    if prov.get("published") == "catalog":
        precision: str | None = (cat_row or {}).get("date_precision") or "day"
    else:
        precision = meta.date_precision if picked["published"] else None
    event = picked["event"]
    year = None
    if event in years:
        year = years[event]
    elif picked["published"] is not None:
        year = pd.Timestamp(picked["published"]).year
    return {
        "doc_id": page_id, "source_file": page.source_file,
        "title": picked["title"], "outlet": picked["outlet"], "source": meta.source,
        "author": picked["author"], "url": (cat_row or {}).get("url") or meta.url or None,
        "published": picked["published"], "date_precision": precision, "event": event,
        "year": year, "kind": picked["kind"], "language": picked["language"],
        "text": art.text, "tokens": list(page.words), "n_paragraphs": len(art.paragraphs),
        "n_words": len(page.words), "n_removed": art.line_roles.count(REMOVED),
        "duplicate_of": None,
        "metadata_from": "; ".join(f"{k}: {v}" for k, v in prov.items()),
        "notes": (cat_row or {}).get("notes") or None, "page": page,
    }


def _catalog_rows(names: list[str], catalog: dict[str, dict[str, str]],
                  shown: str) -> dict[str, dict[str, str]]:
    """Each file's catalog row, for the files ``names`` of the folder (every file listed, read
    or skipped): the row that names it exactly, else the one row that names it in another
    Unicode form (``file_key``), when no other file has that form. Rows that fit several files
    named alike get none, with a warning; more rows than files for one name are an error; a
    row that fits no file is named in a warning. (Names alike are shown with ``ascii``, which
    tells their forms apart.)"""
    if not catalog:
        return {}
    files_by_key: dict[str, list[str]] = {}
    for name in names:
        files_by_key.setdefault(file_key(name), []).append(name)
    rows_by_key: dict[str, list[dict[str, str]]] = {}
    for row in catalog.values():
        rows_by_key.setdefault(file_key(row["file"]), []).append(row)
    given: dict[str, dict[str, str]] = {}
    for key, rows in sorted(rows_by_key.items()):
        files = files_by_key.get(key, [])
        left = [row for row in rows if row["file"] not in files]
        given.update((row["file"], row) for row in rows if row["file"] in files)
        free = [name for name in files if name not in given]
        if len(left) == 1 and len(free) == 1:
            given[free[0]] = left[0]
        elif left and len(free) <= 1 and files:     # more rows than files for one name
            named = [ascii(r["file"]) for r in rows]
            raise CorpusError(f"{shown}: lists {', '.join(map(ascii, files))} more than once, "
                              f"as {' and '.join(named)} (the same name in other Unicode forms)")
        elif left and free:
            warnings.warn(f"{shown}: the row(s) of {', '.join(ascii(r['file']) for r in left)} "
                          f"fit {len(free)} files whose names differ only in Unicode form "
                          f"({', '.join(map(ascii, free))}): given to none of them; write each "
                          "name as the file's", CorpusWarning, stacklevel=3)
        else:
            for row in left:
                warnings.warn(f"{shown}: lists {row['file']!r}, which is not in the corpus "
                              "folder", CorpusWarning, stacklevel=3)
    return given


def _table(pages: list[PageResult], catalog: dict[str, dict[str, str]],
           cache: bool = True, ids: dict[str, str] | None = None) -> pd.DataFrame:
    """The corpus table of ``pages``: ``catalog`` holds each file's catalog row (by its name),
    ``ids`` its ``doc_id`` (by default ``unique_doc_ids`` of these pages' files)."""
    conf = conferences()
    years = {event: int(year) for event, year in conf["year"].items()}
    if ids is None:
        sources = [p.source_file for p in pages]
        ids = dict(zip(sources, unique_doc_ids(sources), strict=True))
    df = pd.DataFrame([_row(p, catalog.get(p.source_file), years, ids[p.source_file])
                       for p in pages], columns=COLUMNS)
    # (pandas makes dates from a catalog's text microseconds, dates read from pages seconds)
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[us]")
    df["year"] = df["year"].astype("Int64")
    df[COUNT_COLUMNS] = df[COUNT_COLUMNS].astype("int64")     # (an empty table has no type)
    dup = find_duplicates_cached([p.shingles for p in pages if p.shingles is not None],
                                 cache=cache)
    df["duplicate_of"] = [df["doc_id"].iat[i] if i is not None else None for i in dup]
    # Text columns have one type whatever they hold: pandas 3 makes a column of None only an
    # object column, and one with some text a string column (missing values NaN); both are
    # this pandas's type for text.
    text_type = pd.Series(["text"]).dtype
    for column in TEXT_COLUMNS:
        df[column] = df[column].astype(text_type)
    return df


def load_corpus(path: str | os.PathLike | None = None, *, catalog: bool = True,
                on_error: str = "raise", cache: bool = True, workers: int | None = None,
                client: Any = None, progress: bool | None = None) -> pd.DataFrame:
    """Load a folder of news pages as one row per article.

    Every page file (subfolders included) is decoded, normalized, cleaned, read for metadata
    and segmented (``helpers.pages.process_page``), once: the table keeps each page's whole
    result in its ``page`` column, so the audit, line accounting and paragraphs are read off
    the loaded corpus. Each row's ``doc_id`` is unique (``unique_doc_ids``). Copies of an
    article keep their row, with ``duplicate_of`` naming the kept copy's ``doc_id``; analyses
    leave them out (``analysable``).

    Parameters
    ----------
    path : str or PathLike, optional
        The folder; default ``$CORPUS_DIR``, else the project's ``seeds/``.
    catalog : bool
        Use the folder's ``catalog.csv`` when present: its non-empty values win over what is
        read from the page; ``metadata_from`` says which was used for each field.
    on_error : {"raise", "skip"}
        A file that cannot be decoded raises ``CorpusError``, or is skipped with a warning.
        Empty files are always skipped with a ``CorpusWarning``. A folder none of whose pages
        can be read raises ``CorpusError``.
    cache : bool
        Read and keep page results and the duplicate search's answer on disk (``pages/`` and
        ``duplicates/`` in ``.cache/`` or ``$HELPERS_CACHE_DIR``; the segmenter's tables are
        kept in ``segmenter/`` whatever this says).
    workers : int, optional
        Local processes working on the pages, this one included (default: one up to about
        3 MB of pages not yet cached, some 850 articles; above, two and one more for each
        further 1.5 MB, up to the cores; ``$HELPERS_WORKERS`` overrides).
    client : dask.distributed.Client or str, optional
        Run the per-page work on a dask cluster instead.
    progress : bool, optional
        Show a progress bar (default: when the files total more than 300 kB, unless
        ``$HELPERS_PROGRESS=0``).

    Returns
    -------
    pandas.DataFrame
        One row per readable page, columns ``COLUMNS``.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus["year"].value_counts().sort_index().to_string()
    'year\\n2021    3\\n2023    2'
    """
    if on_error not in {"raise", "skip"}:
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    with paused_gc():
        folder, names = list_pages(path)
        results = map_pages(folder, names, cache=cache, workers=workers, client=client,
                            progress=progress)
        for result in results:
            _report(result, on_error)
        pages = [r for r in results if r.status == OK]
        if not pages:
            why = [r.error or f"{r.source_file}: empty file" for r in results[:3]]
            more = f"; and {len(results) - 3} more" if len(results) > 3 else ""
            raise CorpusError(f"{folder}: none of its {len(names)} page file(s) could be read: "
                              f"{'; '.join(why)}{more}")
        cat_path = folder / CATALOG_NAME
        listed = read_catalog(cat_path) if catalog and cat_path.is_file() else {}
        cat = _catalog_rows(names, listed, display_path(cat_path))     # (a skipped file too)
        # Ids from every file listed, so a file's id does not depend on whether another loads.
        ids = dict(zip(names, unique_doc_ids(names), strict=True))
        return _table(pages, cat, cache, ids)


def corpus_from_texts(texts: Mapping[str, str], **columns: Iterable[Any]) -> pd.DataFrame:
    """A corpus table, as ``load_corpus`` makes it, from texts in memory: each text is an
    article's body (one paragraph per line, nothing cleaned away). Extra columns (``year=...``)
    are set in order.

    Parameters
    ----------
    texts : mapping
        doc_id -> text.
    **columns
        Values for table columns, one per text, e.g. ``year=[2021, 2023]``.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> texts = {"a": "Hợp tác ASEAN.", "b": "Ngoại giao cây tre."}
    >>> table = corpus_from_texts(texts, year=[2021, 2023])
    >>> table[["doc_id", "year", "n_words"]].values.tolist()
    [['a', 2021, 2], ['b', 2023, 2]]
    """
    table = _table([text_page(name, text) for name, text in texts.items()], {})
    for name, values in columns.items():
        table[name] = list(values)
    return table


def analysable(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rows analyses use: one copy of each article (``duplicate_of`` empty), in a language
    the analyses handle (Vietnamese, or not known).

    Parameters
    ----------
    corpus : pandas.DataFrame
        A table from ``load_corpus``.

    Returns
    -------
    pandas.DataFrame
        The rows kept, same columns.

    Examples
    --------
    >>> len(analysable(load_corpus()))
    5
    """
    keep = corpus["duplicate_of"].isna()
    if "language" in corpus:
        keep &= corpus["language"].isna() | (corpus["language"] == "vi")
    return corpus[keep]


# --- views of a loaded corpus ----------------------------------------------------------------

def _pages(corpus: pd.DataFrame) -> Iterable[tuple[str, PageResult]]:
    return zip(corpus["doc_id"], corpus["page"], strict=True)


def cleaning_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every removed line of every page: doc_id, line number, reason and text. For an HTML
    page, one more row (line 0, reason "html extraction") says how many of the page's text
    blocks the extraction dropped before cleaning.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A table from ``load_corpus``.

    Returns
    -------
    pandas.DataFrame
        Columns doc_id, line, reason, text.

    Examples
    --------
    >>> audit = cleaning_audit(load_corpus())
    >>> int((audit["reason"] == "comment box").sum())
    3
    """
    rows = [{"doc_id": doc, "line": line.number, "reason": line.reason, "text": line.text}
            for doc, page in _pages(corpus) for line in page.lines if line.role == "removed"]
    # An HTML page's extraction dropped blocks before cleaning saw a line: one summary row.
    rows += [{"doc_id": doc, "line": 0, "reason": "html extraction", "text": page.extraction}
             for doc, page in _pages(corpus) if page.extraction]
    return pd.DataFrame(rows, columns=["doc_id", "line", "reason", "text"])


def removal_summary(audit: pd.DataFrame, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Removed lines per article (rows) and reason (columns), with a total column.

    Parameters
    ----------
    audit : pandas.DataFrame
        From ``cleaning_audit``.
    doc_ids : iterable of str, optional
        The corpus's ids, so that articles with nothing removed show as a row of zeros.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> corpus = load_corpus()
    >>> table = removal_summary(cleaning_audit(corpus), corpus["doc_id"])
    >>> len(table), bool((table["total"] > 0).all())
    (5, False)
    """
    table = pd.crosstab(audit["doc_id"], audit["reason"])
    if doc_ids is not None:
        table = table.reindex(pd.Index(list(doc_ids), name="doc_id"), fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    return table


def raw_pages(corpus: pd.DataFrame) -> pd.DataFrame:
    """Each page's non-blank lines as read (decoded and normalized, not cleaned): the "before"
    of cleaning, for comparisons.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A table from ``load_corpus``.

    Returns
    -------
    pandas.DataFrame
        Columns doc_id, text.

    Examples
    --------
    >>> raw = raw_pages(load_corpus())
    >>> bool((raw["text"].str.len() > load_corpus()["text"].str.len()).any())
    True
    """
    rows = [{"doc_id": doc, "text": page.raw_text} for doc, page in _pages(corpus)]
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def line_accounting(corpus: pd.DataFrame) -> pd.DataFrame:
    """Per article: non-blank lines on the page, and how many became headline, body or removed.
    ``accounted`` is True when headline + body + removed equals the page's non-blank lines.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A table from ``load_corpus``.

    Returns
    -------
    pandas.DataFrame
        Columns doc_id, lines, headline, body, removed, accounted.

    Examples
    --------
    >>> bool(line_accounting(load_corpus())["accounted"].all())
    True
    """
    rows = []
    for doc, page in _pages(corpus):
        roles = Counter(page.article.line_roles if page.article else ())
        lines = len(page.article.line_numbers) if page.article else 0
        rows.append({"doc_id": doc, "lines": lines, "headline": roles["headline"],
                     "body": roles["body"], "removed": roles["removed"]})
    table = pd.DataFrame(rows, columns=["doc_id", "lines", "headline", "body", "removed"])
    table["accounted"] = table["lines"] == table[["headline", "body", "removed"]].sum(axis=1)
    return table


def paragraph_table(corpus: pd.DataFrame, by: str = "year",
                    remove_stopwords: bool = True) -> pd.DataFrame:
    """One row per paragraph of the analysable articles: doc_id, the grouping column ``by``,
    paragraph number (1-based), its words and their number. Paragraphs with no words are left
    out. Read off the loaded pages: nothing is segmented again.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A table from ``load_corpus``.
    by : str
        The grouping column carried to each paragraph.
    remove_stopwords : bool
        Drop the words of ``helpers.text.stopwords()``.

    Returns
    -------
    pandas.DataFrame
        Columns doc_id, ``by``, paragraph, tokens, n_words.

    Examples
    --------
    >>> table = paragraph_table(load_corpus())
    >>> list(table.columns), bool((table["n_words"] > 0).all())
    (['doc_id', 'year', 'paragraph', 'tokens', 'n_words'], True)
    """
    rows = []
    for art in analysable(corpus).itertuples():
        for k, seg in enumerate(art.page.segments, 1):
            tokens = words_from_segments([list(seg)], remove_stopwords=remove_stopwords)
            if tokens:
                rows.append({"doc_id": art.doc_id, by: getattr(art, by), "paragraph": k,
                             "tokens": tokens, "n_words": len(tokens)})
    return pd.DataFrame(rows, columns=["doc_id", by, "paragraph", "tokens", "n_words"])
