"""The optional ``catalog.csv`` of a corpus folder: metadata that a page does not state cleanly.

Owns reading and validating a catalog (errors name the file, line and field). Which value wins,
catalog or page, is decided by ``helpers.corpus``.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from pathlib import Path

from .errors import CorpusError, CorpusWarning
from .pages import decode_bytes
from .paths import display_path
from .reference import conferences, kind_rules
from .text import normalize_text

__all__ = ["CATALOG_COLUMNS", "CATALOG_NAME", "file_key", "file_path", "read_catalog"]

CATALOG_NAME = "catalog.csv"
# Metadata columns, in the documented order; only ``file`` is required.
CATALOG_COLUMNS = ["file", "title", "outlet", "url", "published", "date_precision", "event",
                   "kind", "author", "notes"]
# Columns written by ``helpers.fetch``: kept in the file, not used as metadata.
FETCH_COLUMNS = ["fetched_at", "status"]
DATE_PRECISIONS = {"day", "approximate"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def file_path(cell: str) -> str:
    """A catalog's ``file`` cell as a path in the folder, the way ``list_pages`` writes them:
    without spaces around, "/" between folders (a catalog written on Windows uses "\\"), no
    leading "./".

    Examples
    --------
    >>> file_path(" ./2023\\\\bai.txt ")
    '2023/bai.txt'
    """
    path = cell.strip().replace("\\", "/")
    while path.startswith("./"):
        path = path[2:].lstrip("/")
    return path


def file_key(name: str) -> str:
    """How a catalog's ``file`` cell and a page's path are compared when they are not equal:
    both as ``file_path`` in the project's normal form (``helpers.text.normalize_text``), so a
    name the system stores decomposed (NFD, as macOS and some archive tools write it) or with
    the other tone-mark placement ("hoà", "hòa") still finds its row.

    Examples
    --------
    >>> import unicodedata
    >>> file_key(unicodedata.normalize("NFD", "Hoà bình.txt")) == file_key("Hòa bình.txt")
    True
    """
    return normalize_text(file_path(name))


def _check_row(row: dict[str, str], where: str) -> None:
    name = row["file"]
    if row["published"]:
        try:
            if not _ISO_DAY.fullmatch(row["published"]):   # (3.11 also takes weeks, "20231219")
                raise ValueError(row["published"])
            dt.date.fromisoformat(row["published"])
        except ValueError:
            raise CorpusError(f"{where} ({name}): published {row['published']!r} is not "
                              "an ISO date (YYYY-MM-DD)") from None
    if row["date_precision"] and row["date_precision"] not in DATE_PRECISIONS:
        raise CorpusError(f"{where} ({name}): date_precision {row['date_precision']!r} "
                          f"must be one of {sorted(DATE_PRECISIONS)}")


def read_catalog(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a ``catalog.csv``, keyed by file name, validated.

    Only ``file`` is required; a missing metadata column counts as empty, an unknown one is
    ignored with a warning naming it. A value's spaces and line breaks become one space, but
    in ``notes``, which keeps its lines. An ``event`` that is no conference code of
    ``data/conferences.csv``, or a ``kind`` that is no kind of ``data/kinds.csv`` (nor
    "news"), is kept, with a warning naming it and its line.

    Parameters
    ----------
    path : Path
        The catalog file.

    Returns
    -------
    dict
        ``file_path`` of the file name (as written, in its Unicode form) -> {column: value} for
        every column of ``CATALOG_COLUMNS`` ("" when empty; ``file`` is the key).

    Raises
    ------
    CorpusError
        Naming the file, line and field: no ``file`` column, an empty or repeated file name, a
        date that is not ISO, an unknown date precision.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "catalog.csv"
    >>> _ = p.write_text("file,title,published\\na.txt,Hội nghị,2023-12-19\\n", encoding="utf-8")
    >>> read_catalog(p)["a.txt"]["published"], read_catalog(p)["a.txt"]["event"]
    ('2023-12-19', '')
    """
    shown = display_path(path)
    try:
        text = decode_bytes(path.read_bytes(), shown)
    except OSError as err:
        raise CorpusError(f"{shown}: cannot read catalog: {err}") from None
    # A quoted cell may hold line breaks; only \n and \r end a row (not the other breaks
    # str.splitlines knows, such as U+0085 inside a cell).
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c for c in (reader.fieldnames or []) if c]
    if "file" not in columns:
        raise CorpusError(f"{shown}: no 'file' column (found: {', '.join(columns) or 'none'}); "
                          f"columns are {', '.join(CATALOG_COLUMNS)}, only 'file' is required")
    unknown = [c for c in columns if c not in CATALOG_COLUMNS + FETCH_COLUMNS]
    if unknown:
        warnings.warn(f"{shown}: ignored unknown column(s) {', '.join(unknown)}",
                      CorpusWarning, stacklevel=2)
    rows: dict[str, dict[str, str]] = {}
    unknown_values: dict[str, list[str]] = {"event": [], "kind": []}
    known = {"event": set(conferences().index), "kind": {r.kind for r in kind_rules()} | {"news"}}
    for raw in reader:
        where = f"{shown}, line {reader.line_num}"     # where the row ends
        # The file as written (in any Unicode form), the notes with their lines, the rest
        # one line each.
        row = {c: " ".join(normalize_text(raw.get(c) or "").split()) for c in CATALOG_COLUMNS}
        row["file"] = file_path(raw.get("file") or "")
        row["notes"] = normalize_text(raw.get("notes") or "").strip()
        if not row["file"]:
            raise CorpusError(f"{where}: empty 'file'")
        if row["file"] in rows:
            raise CorpusError(f"{where}: file {row['file']!r} is listed twice")
        _check_row(row, where)
        for column, found in unknown_values.items():
            if row[column] and row[column] not in known[column]:
                found.append(_unknown(row[column], reader.line_num, known[column]))
        rows[row["file"]] = row
    for column, found in unknown_values.items():
        if found:
            source = "conference codes of data/conferences.csv" if column == "event" \
                else "kinds of data/kinds.csv, or news"
            warnings.warn(f"{shown}: {column} values that are not {source} (kept as given, "
                          f"each its own group): {', '.join(found)}; known: "
                          f"{', '.join(sorted(known[column]))}", CorpusWarning, stacklevel=2)
    return rows


def _unknown(value: str, line: int, known: set[str]) -> str:
    """How an unknown catalog value is named in the warning, with the known one it may mean."""
    same = [k for k in sorted(known) if k.casefold() == value.casefold()]
    return f"{value!r} (line {line}{f'; {same[0]!r}?' if same else ''})"
