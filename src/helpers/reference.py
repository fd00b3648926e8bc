"""The package's reference data: every table in ``data/``, each loaded once and validated.

Owns reading and checking the conference, congress and era tables, the stopword policy and the
page-chrome rules, and reading the stopword list underthesea ships. A malformed table raises
``ReferenceDataError`` naming the file and the row or table. Knows nothing about corpora, pages
or text processing.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import literals
from .paths import DATA_DIR, UNDERTHESEA_DIR

__all__ = ["ChromeRules", "KindRule", "ReferenceDataError", "conferences", "congresses", "eras",
           "kind_rules", "page_rules", "stopword_policy", "underthesea_stopwords"]


class ReferenceDataError(ValueError):
    """A data table shipped with the package (or given in its place) is malformed."""


def _read_csv(path: Path, required: list[str]) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise ReferenceDataError(f"{path.name}: missing column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                if None in row:         # csv's key for the values past the header's columns
                    raise ReferenceDataError(
                        f"{path.name}, line {reader.line_num}: more values than the header's "
                        f"{len(reader.fieldnames or [])} columns (a value holding a comma must "
                        f"be quoted)")
                rows.append({k: (v or "").strip() for k, v in row.items() if k})
            return rows
    except OSError as err:
        raise ReferenceDataError(f"{path}: cannot read: {err}") from None


def _int(value: str, where: str, field: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: {field} {value!r} is not a whole number") from None


def _date(value: str, where: str, field: str) -> pd.Timestamp:
    if not value:
        return pd.NaT
    try:
        return pd.Timestamp(dt.date.fromisoformat(value))
    except ValueError:
        raise ReferenceDataError(f"{where}: {field} {value!r} is not an ISO date") from None


@functools.cache
def conferences(path: Path | None = None) -> pd.DataFrame:
    """The conferences the package knows, indexed by code.

    Parameters
    ----------
    path : Path, optional
        A conference table in the format of ``data/conferences.csv``; default: that file.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``code`` (``NFAC``, ``DC28`` ...), with ``number``, ``name_vi``,
        ``name_en``, ``year``, ``start`` and ``end`` (Timestamps, NaT when unknown), ``place``
        and ``source`` (where the facts come from).

    Examples
    --------
    >>> conferences().loc["DC32", "start"].date()
    datetime.date(2023, 12, 19)
    """
    path = path or DATA_DIR / "conferences.csv"
    rows = _read_csv(path, ["code", "number", "name_vi", "name_en", "year", "start", "end",
                            "place", "source"])
    records = []
    for lineno, row in enumerate(rows, start=2):
        where = f"{path.name}, line {lineno}"
        if not row["code"]:
            raise ReferenceDataError(f"{where}: empty code")
        rec: dict[str, Any] = dict(row)
        rec["number"] = _int(row["number"], where, "number")
        rec["year"] = _int(row["year"], where, "year")
        rec["start"] = _date(row["start"], where, "start")
        rec["end"] = _date(row["end"], where, "end")
        if pd.notna(rec["start"]) and pd.notna(rec["end"]) and rec["end"] < rec["start"]:
            raise ReferenceDataError(f"{where}: end {row['end']} is before start {row['start']}")
        records.append(rec)
    table = pd.DataFrame(records)
    if table["code"].duplicated().any():
        dup = table.loc[table["code"].duplicated(), "code"].iloc[0]
        raise ReferenceDataError(f"{path.name}: code {dup!r} is listed twice")
    table["start"] = pd.to_datetime(table["start"])
    table["end"] = pd.to_datetime(table["end"])
    return table.set_index("code")


@functools.cache
def congresses() -> dict[str, int]:
    """Party congresses: Roman numeral -> year held (``data/congresses.csv``).

    Examples
    --------
    >>> congresses()["XIII"]
    2021
    """
    path = DATA_DIR / "congresses.csv"
    out = {}
    for lineno, row in enumerate(_read_csv(path, ["numeral", "year"]), start=2):
        out[row["numeral"]] = _int(row["year"], f"{path.name}, line {lineno}", "year")
    return out


@functools.cache
def eras() -> dict[str, int]:
    """Eras counted from a founding year: phrase -> year (``data/eras.csv``).

    Examples
    --------
    >>> eras()["đổi mới"]
    1986
    """
    path = DATA_DIR / "eras.csv"
    out = {}
    for lineno, row in enumerate(_read_csv(path, ["phrase", "year"]), start=2):
        out[row["phrase"]] = _int(row["year"], f"{path.name}, line {lineno}", "year")
    return out


@functools.cache
def underthesea_stopwords() -> tuple[str, ...]:
    """underthesea's stopword list, one entry per line of the file it ships, as its
    ``underthesea.datasets.stopwords.words`` holds them (blank entries included), read
    without importing underthesea (about half a second a load from the cache does not need).

    Examples
    --------
    >>> "của" in underthesea_stopwords()
    True
    """
    path = UNDERTHESEA_DIR / "datasets" / "stopwords" / "stopwords.txt"
    return tuple(path.read_text(encoding="utf-8").split("\n"))


@functools.cache
def stopword_policy() -> tuple[frozenset[str], frozenset[str]]:
    """The project's stopword policy (``data/stopwords.txt``): words added to and words kept
    out of underthesea's list, as written (normalization is the text module's job).

    Returns
    -------
    tuple of frozenset
        ``(added, kept)``.

    Examples
    --------
    >>> added, kept = stopword_policy()
    >>> "năm" in kept, "cũng" in added
    (True, True)
    """
    path = DATA_DIR / "stopwords.txt"
    add: set[str] = set()
    keep: set[str] = set()
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sign, word = line[0], line[1:].strip()
        if sign not in "+-" or not word:
            raise ReferenceDataError(f"{path.name}, line {lineno}: {raw!r} must be '+word' "
                                     "or '-word'")
        (add if sign == "+" else keep).add(word.lower())
    return frozenset(add), frozenset(keep)


# --- kinds of article -----------------------------------------------------------------------

@dataclass(frozen=True)
class KindRule:
    """One rule of ``data/kinds.csv``: a pattern that, found where ``where`` says (the
    headline, the lead, the body, its ending, the byline, the labels above the headline or
    the headline's speaker: ``KIND_WHERE``), says what kind of article a page is."""

    kind: str
    where: str
    pattern: re.Pattern
    # Lower-cased strings one of which any text the pattern finds holds (helpers.literals),
    # or None: a text without them is not searched.
    needs: frozenset[str] | None = None


# Where a rule of kinds.csv looks: the headline, the lead, the body (one paragraph a line), the
# byline (the author's name as printed, with a title: "TS. Lã Minh Đức"), the labels printed
# above the headline (section labels and kickers, one a line: "BÌNH LUẬN - QUAN ĐIỂM"), the
# speaker a headline quotes ("Thủ tướng Phạm Minh Chính" of "Thủ tướng Phạm Minh Chính: ..."),
# the body's ending (its last three paragraphs, one a line: a reporter's thanks, a note on the
# author).
KIND_WHERE = ("headline", "lead", "body", "byline", "label", "speaker", "ending")


@functools.cache
def kind_rules() -> tuple[KindRule, ...]:
    """The rules that tell an article's kind (interview, speech, opening report, ...), in the
    order they are tried: first every headline rule, then the other rules in file order, the
    first match winning (a body rule reads the whole body, one paragraph a line).

    Examples
    --------
    >>> [r.kind for r in kind_rules()][:2]
    ['interview', 'speech']
    """
    path = DATA_DIR / "kinds.csv"
    rules = []
    for lineno, row in enumerate(_read_csv(path, ["kind", "where", "pattern"]), start=2):
        where = f"{path.name}, line {lineno}"
        if row["where"] not in KIND_WHERE:
            raise ReferenceDataError(
                f"{where}: where must be one of {', '.join(map(repr, KIND_WHERE))}, "
                f"not {row['where']!r}")
        if not row["kind"]:
            raise ReferenceDataError(f"{where}: empty kind")
        try:
            # (a body rule's "^" and "$" also at its paragraph breaks: MULTILINE, which would
            # only slow the one-line headline and lead rules down, a "^" no longer anchoring
            # the search at the start)
            flags = re.IGNORECASE | (re.MULTILINE if row["where"] in ("body", "label", "ending")
                                     else 0)
            pattern = re.compile(row["pattern"], flags)
        except re.error as err:
            raise ReferenceDataError(f"{where}: bad pattern {row['pattern']!r}: {err}") from None
        rules.append(KindRule(row["kind"], row["where"], pattern, literals.needed(pattern)))
    return tuple(sorted(rules, key=lambda r: r.where != "headline"))


# --- page chrome -----------------------------------------------------------------------------

# The tables of page_chrome.toml by what they hold. A "line pattern" table removes any line
# matching one of its patterns; the others parametrize one cleaning pass each.
_PASS_KEYS: dict[str, set[str]] = {
    "social buttons": {"tokens", "connectors", "share_words"},
    "photo caption": {"max_words", "words", "end_patterns"},
    "related heading": {"phrases", "patterns"},
    "source line": {"max_words", "patterns"},
    "dateline": {"max_words", "max_words_with_source"},
    "menu": {"max_words", "min_lines"},
    "headline": {"min_words", "max_words", "long_max_words", "caps_min_words", "not_patterns"},
    "kicker": {"max_words"},
    "section label": {"max_words"},
    "deck": {"min_words", "tag_words"},
    "byline": {"min_words", "max_words", "max_chars", "max_names", "patterns"},
    "headline repeat": set(),
    "repeated line": set(),
    "page header": set(),
    "related news": {"resume_min_words"},
    "after the end": {"min_paragraphs", "max_below", "resume_lines", "resume_min_words"},
    "reader comment": {"heading_patterns", "button_patterns", "reply_patterns"},
    "one-line page": {"min_chars"},
}


@dataclass(frozen=True)
class ChromeRules:
    """The validated contents of ``page_chrome.toml``.

    ``line_patterns`` maps a removal reason to its patterns (every table with only a
    ``patterns`` key, in file order); ``passes`` maps each pass's table name to its settings.
    """

    line_patterns: tuple[tuple[str, tuple[str, ...]], ...]
    passes: dict[str, dict[str, Any]]

    def setting(self, table: str, key: str) -> Any:
        """One setting of one pass table; a missing one is a ``ReferenceDataError``."""
        try:
            return self.passes[table][key]
        except KeyError:
            raise ReferenceDataError(f"page_chrome.toml: [{table}] needs {key!r}") from None


def _check_strings(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ReferenceDataError(f"{where} must be a list of non-empty strings")
    return tuple(values)


@functools.cache
def page_rules(path: Path | None = None) -> ChromeRules:
    """Read and validate the page-chrome rules. Every table is used: a table whose name is not
    a known pass and which has anything but ``patterns`` is an error, so a typo cannot make a
    rule silently do nothing.

    Parameters
    ----------
    path : Path, optional
        A rules file in the format of ``data/page_chrome.toml``; default: that file.

    Returns
    -------
    ChromeRules

    Examples
    --------
    >>> rules = page_rules()
    >>> "comment box" in dict(rules.line_patterns), rules.setting("kicker", "max_words")
    (True, 12)
    """
    path = path or DATA_DIR / "page_chrome.toml"
    try:
        with open(path, "rb") as fh:
            spec = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ReferenceDataError(f"{path.name}: cannot read: {err}") from None
    line_patterns, passes = [], {}
    for name, table in spec.items():
        where = f"{path.name}: [{name}]"
        if not isinstance(table, dict):
            raise ReferenceDataError(f"{where} must be a table")
        if name in _PASS_KEYS:
            unknown = set(table) - _PASS_KEYS[name]
            if unknown:
                raise ReferenceDataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
            for key, value in table.items():
                if key.endswith("patterns") or key in {"tokens", "phrases", "words", "connectors",
                                                        "share_words"}:
                    _check_strings(value, f"{where} {key}")
                elif not isinstance(value, int) or value < 0:
                    raise ReferenceDataError(f"{where} {key} must be a whole number >= 0")
            passes[name] = table
        elif set(table) == {"patterns"}:
            line_patterns.append((name, _check_strings(table["patterns"], f"{where} patterns")))
        else:
            raise ReferenceDataError(f"{where}: a line-pattern table has only 'patterns'; "
                                     f"known passes are {', '.join(sorted(_PASS_KEYS))}")
    missing = set(_PASS_KEYS) - set(passes)
    if missing:
        raise ReferenceDataError(f"{path.name}: missing table(s) "
                                 f"{', '.join(sorted(f'[{m}]' for m in missing))}")
    return ChromeRules(tuple(line_patterns), passes)
