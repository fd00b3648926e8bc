"""Interactive tools for JupyterLab (ipywidgets): a concordance box, a word picker for trends
and collocates, a comparison picker that draws keyness; and the small tables the lesson
notebook shows (syllables and words, Unicode forms, what segmentation fixes changed) and the
overview of findings that notebook 06 states.

Owns the widgets and those tables; the analyses live in ``frequency``, ``timeline``,
``compare`` and ``lexicon``. Every tool recomputes through ``update(...)`` (what the widgets
call), so tests drive it without a browser; executed headless it shows its default result as
HTML and plain text, so a notebook's stored output is deterministic.
"""
from __future__ import annotations

import base64
import html
import io
import unicodedata
from collections.abc import Hashable
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from .choices import like_for_like_kind, pick_groups
from .compare import compare_groups, top_keywords
from .corpus import analysable, paragraph_table, plain
from .findings import findings_table, summarize_findings
from .frequency import collocates, kwic
from .lexicon import fix_segments, lexicon_changes, remaining_splits
from .paths import figures_dir
from .plotting import plot_keyness, plot_word_trends
from .text import normalize_text, raw_segments, segment, sort_key
from .timeline import word_trends

__all__ = [
    "ComparisonPicker",
    "ConcordanceBox",
    "WordPicker",
    "claims_table",
    "code_points",
    "concordance",
    "counts_text",
    "evidence_files",
    "findings_overview",
    "group_columns",
    "group_values",
    "keyness_for",
    "segmentation_changes",
    "strongest_statement",
    "syllables_and_words",
    "unicode_forms",
]

MAX_GROUPS = 60  # a column with more distinct values is not offered as a grouping
# The table's columns that are each article's own (its key, file, title, address, text, counts
# and notes): never a grouping, however few articles the table holds (with two, each has two
# distinct values, as a year of two articles does).
PER_ARTICLE = frozenset({"doc_id", "source_file", "title", "url", "text", "tokens",
                         "n_paragraphs", "n_words", "n_removed", "duplicate_of",
                         "metadata_from", "notes", "page"})


def _group_key(value) -> tuple:
    return (0, value, "") if isinstance(value, (int, float)) else (1, 0, sort_key(str(value)))


def group_values(corpus: pd.DataFrame, column: str) -> list:
    """The values of ``column`` among the analysable articles, in order (numbers, then text
    in Vietnamese dictionary order); missing values left out.

    Parameters
    ----------
    corpus : pd.DataFrame
    column : str

    Returns
    -------
    list

    Examples
    --------
    >>> corpus = pd.DataFrame({"kind": ["b", "a", None, "a"], "duplicate_of": [None] * 4})
    >>> group_values(corpus, "kind")
    ['a', 'b']
    """
    values = analysable(corpus)[column].dropna().unique()
    return sorted((plain(v) for v in values), key=_group_key)


def group_columns(corpus: pd.DataFrame) -> list[str]:
    """Columns that can group articles: two to ``MAX_GROUPS`` distinct plain values, fewer
    than the articles (two for two articles), not a column of each article's own
    (``PER_ARTICLE``).

    Parameters
    ----------
    corpus : pd.DataFrame

    Returns
    -------
    list[str]

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2021, 2023, 2023], "doc_id": ["a", "b", "c"],
    ...                        "duplicate_of": [None] * 3})
    >>> group_columns(corpus)
    ['year']
    """
    rows = analysable(corpus)
    out = []
    for column in rows.columns:
        if column in PER_ARTICLE:
            continue
        values = rows[column].dropna()
        if values.empty or not values.map(lambda v: isinstance(v, (str, int, float, bool))).all():
            continue
        if 2 <= values.nunique() <= min(MAX_GROUPS, max(len(rows) - 1, 2)):
            out.append(column)
    return out


def concordance(corpus: pd.DataFrame, term: str, by: str = "year", width: int = 40,
                sort: str = "right") -> pd.DataFrame:
    """Keyword-in-context lines of ``term`` grouped by ``by``: groups in order, lines sorted
    inside each group (``frequency.kwic`` with ``sort``). An empty term gives no lines.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    term : str
        A word or phrase (normalized like the text).
    by : str
        The grouping column.
    width : int
        Characters of context either side.
    sort : {"right", "left", None}
        Sort inside a group.

    Returns
    -------
    pandas.DataFrame
        Columns ``by``, doc_id, paragraph, left, match, right.

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> corpus = corpus_from_texts({"a": "Hợp tác và phát triển.", "b": "Tăng cường hợp tác."},
    ...                            year=[2023, 2021])
    >>> concordance(corpus, "hợp tác")[["year", "doc_id"]].values.tolist()
    [[2021, 'b'], [2023, 'a']]
    """
    term = normalize_text(term or "").strip()
    columns = [by, "doc_id", "paragraph", "left", "match", "right"]
    if not term:
        return pd.DataFrame(columns=columns)
    lines = kwic(corpus, term, width=width, sort=sort)
    group_of = analysable(corpus).set_index("doc_id")[by]
    lines.insert(0, by, lines["doc_id"].map(group_of).map(plain))
    order = sorted(range(len(lines)), key=lambda r: (pd.isna(lines[by].iat[r]),
                                                      _group_key(lines[by].iat[r])
                                                      if pd.notna(lines[by].iat[r]) else (2,), r))
    return lines.iloc[order].reset_index(drop=True)[columns]


def keyness_for(corpus: pd.DataFrame, column: str, target: Hashable,
                reference: Hashable) -> pd.DataFrame:
    """``compare.compare_groups`` of two values of any column, with a clear error when they
    are the same or one has no article.

    Parameters
    ----------
    corpus : pd.DataFrame
    column : str
    target : Hashable
    reference : Hashable

    Returns
    -------
    pd.DataFrame

    Examples
    --------
    >>> corpus = pd.DataFrame({"kind": ["a", "b"], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình"], ["hợp tác"]]})
    >>> keyness_for(corpus, "kind", "a", "b")["word"].tolist()
    ['hòa bình', 'hợp tác']
    """
    if target == reference:
        raise ValueError(f"pick two different values of {column!r} (both are {target!r})")
    return compare_groups(corpus, target, reference, by=column)


# --- tables for the lesson ---------------------------------------------------------------------

def syllables_and_words(sentence: str) -> pd.DataFrame:
    """A sentence cut at spaces (syllables) and by the segmenter (words), side by side.

    Parameters
    ----------
    sentence : str

    Returns
    -------
    pd.DataFrame

    Examples
    --------
    >>> syllables_and_words("Ngoại giao cây tre.")[["unit", "count"]].values.tolist()
    [['syllables (split at spaces)', 4], ['words (segmented)', 2]]
    """
    syllables = normalize_text(sentence).split()
    words = [w for para in segment(sentence) for w in para if any(c.isalnum() for c in w)]
    return pd.DataFrame({"unit": ["syllables (split at spaces)", "words (segmented)"],
                         "count": [len(syllables), len(words)],
                         "items": [" | ".join(syllables), " | ".join(words)]})


def code_points(text: str) -> str:
    """The Unicode code points of ``text``, one ``U+XXXX`` per character.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> code_points("ộ")
    'U+1ED9'
    >>> code_points(unicodedata.normalize("NFD", "ộ"))
    'U+006F U+0323 U+0302'
    """
    return " ".join(f"U+{ord(c):04X}" for c in text)


def unicode_forms(word: str) -> pd.DataFrame:
    """One word in its composed (NFC), decomposed (NFD) and project-normal forms: characters,
    code points, and whether it equals the project form (what matching needs).

    Parameters
    ----------
    word : str

    Returns
    -------
    pd.DataFrame

    Examples
    --------
    >>> forms = unicode_forms("hoà")
    >>> forms["characters"].tolist(), forms["equals project form"].tolist()
    ([3, 3, 4, 3], [False, False, False, True])
    """
    normal = normalize_text(word)
    forms = {"as typed": word, "NFC": unicodedata.normalize("NFC", word),
             "NFD": unicodedata.normalize("NFD", word), "project (normalize_text)": normal}
    return pd.DataFrame([{"form": name, "text": value, "characters": len(value),
                          "code points": code_points(value), "equals project form": value == normal}
                         for name, value in forms.items()])


def segmentation_changes(corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the project's fixes changed in underthesea's segmentation of this corpus (merged
    words, with the pieces underthesea had and how often), and the splits still left
    (``lexicon.remaining_splits``).

    Parameters
    ----------
    corpus : pd.DataFrame

    Returns
    -------
    tuple[pd.DataFrame, pd.DataFrame]

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> changes, left = segmentation_changes(corpus_from_texts({"a": "Chuyến thăm Hà Nội."}))
    >>> changes[["word", "pieces"]].values.tolist()
    [['chuyến thăm', 'chuyến | thăm']]
    """
    raw = [para for text in analysable(corpus)["text"] for para in raw_segments(text)]
    fixed = [fix_segments(para) for para in raw]
    return lexicon_changes(raw, fixed), remaining_splits(fixed)


# --- findings overview (notebook 06) ----------------------------------------------------------

def counts_text(corpus: pd.DataFrame, column: str) -> str:
    """Articles per value of ``column`` as text, missing values counted apart.

    Parameters
    ----------
    corpus : pd.DataFrame
    column : str

    Returns
    -------
    str

    Examples
    --------
    >>> counts_text(pd.DataFrame({"year": ["2021", "2023", "2021", None],
    ...                           "duplicate_of": [None] * 4}), "year")
    '2021: 2, 2023: 1 (unknown: 1)'
    """
    rows = analysable(corpus)
    counts = rows[column].dropna().map(plain).value_counts()
    text = ", ".join(f"{v}: {counts[v]}" for v in sorted(counts.index, key=_group_key)) or "none"
    missing = int(rows[column].isna().sum())
    return text + (f" (unknown: {missing})" if missing else "")


def findings_overview(corpus: pd.DataFrame, by: str = "year", kind: str = "kind") -> dict:
    """The comparison notebook 06 states: latest against earliest group of ``by``, like for
    like on the kind ``choices.like_for_like_kind`` picks (as notebook 03 does), as
    ``findings.findings_table`` and its summary sentences. When the corpus cannot answer
    (fewer than two groups), ``table`` is None and ``sentences`` says why in one sentence.

    Returns
    -------
    dict
        target, reference, like_kind, table, sentences.

    Parameters
    ----------
    corpus : pd.DataFrame
    by : str, optional
    kind : str, optional

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": ["2023", None], "duplicate_of": [None] * 2,
    ...                        "tokens": [["a"], ["b"]]})
    >>> findings_overview(corpus)["sentences"]
    ['The articles fall into fewer than two groups of year (2023), so there is nothing to compare.']
    """
    try:
        target, reference = pick_groups(corpus, by=by)
    except ValueError:
        present = ", ".join(str(v) for v in group_values(corpus, by)) if by in corpus else "none"
        return {"target": None, "reference": None, "like_kind": None, "table": None,
                "sentences": [(f"The articles fall into fewer than two groups of {by} "
                              f"({present or 'none'}), so there is nothing to compare.")]}
    # The same kind as notebook 03's like-for-like comparison.
    like = like_for_like_kind(corpus, target, reference, by=by, kind=kind)
    where = corpus[kind].eq(like).fillna(False) if like is not None else None
    table = findings_table(corpus, target, reference, by=by, like_for_like=where, kind=kind)
    return {"target": target, "reference": reference, "like_kind": like, "table": table,
            "sentences": summarize_findings(table)}


def strongest_statement(overview: dict) -> str:
    """The one sentence notebook 06 ends on: which words keep their direction like for like,
    and whether the article-level test can reach significance with these group sizes.

    Parameters
    ----------
    overview : dict

    Returns
    -------
    str

    Examples
    --------
    >>> strongest_statement({"table": None, "sentences": ["Nothing to compare."]})
    'Nothing to compare.'
    """
    table = overview["table"]
    if table is None:
        return overview["sentences"][0]
    at = table.attrs
    kept = table[table["survives_like_for_like"].fillna(False).astype(bool)]
    words = ", ".join(kept["word"].head(8)) or "none"
    floor = ("no word can be significant at the article level: these are hints, not results."
             if at["article_min_p"] >= at["rules"].alpha else
             f"{at['article_pass_bh']} word(s) pass the article-level test after correction.")
    like = (f"{len(kept)} word(s) keep their direction like for like ({words})"
            if at["like_for_like_tested"] else "no like-for-like comparison was possible")
    return (f"The strongest statement the data allow: {like}; with {at['n_target']} and "
            f"{at['n_reference']} articles the smallest article-level p is "
            f"{at['article_min_p']:.3g}, so {floor}")


def _robustness(row, alpha: float) -> str:
    parts = [f"article-level p = {row.p_article:.3g}"
             + (" (passes)" if row.p_article < alpha else "")]
    if pd.isna(row.survives_like_for_like):
        parts.append("like-for-like not testable")
    else:
        parts.append("kept like for like" if row.survives_like_for_like else "lost like for like")
    if row.genre:
        parts.append("genre-bound")
    return "; ".join(parts)


def claims_table(table: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` strongest candidate words of a ``findings_table``, each with its numbers
    and how robust it is, in words: article-level p, like for like, genre. Strongest: kept
    like for like first, then not genre-bound, then by article-level p, then by |G2|.

    Parameters
    ----------
    table : pd.DataFrame
    n : int, optional

    Returns
    -------
    pd.DataFrame

    Examples
    --------
    >>> corpus = pd.DataFrame({"year": [2023, 2023, 2021, 2021], "duplicate_of": [None] * 4,
    ...     "kind": ["report"] * 4, "tokens": [["x"] * 5 + ["y"], ["x"] * 5 + ["y"],
    ...                                       ["y"] * 6, ["y"] * 6]})
    >>> claims_table(findings_table(corpus, 2023, 2021))["robustness"].tolist()[0]
    'article-level p = 0.333; like-for-like not testable'
    """
    alpha = table.attrs["rules"].alpha
    order = table.assign(_kept=~table["survives_like_for_like"].fillna(False).astype(bool),
                         _abs=-table["g2"].abs())
    top = order.sort_values(["_kept", "genre", "p_article", "_abs"], kind="stable").head(n)
    return pd.DataFrame({
        "word": top["word"], "more in": top["direction"].map(plain),
        "count target": top["a"], "count reference": top["b"], "G2": top["g2"].round(2),
        "robustness": [_robustness(row, alpha) for row in top.itertuples()],
    }).reset_index(drop=True)


def evidence_files(prefix: str, folder=None) -> list[str]:
    """Names of the saved files starting with ``prefix`` in the figures folder (sorted).

    Parameters
    ----------
    prefix : str
    folder : object, optional

    Returns
    -------
    list[str]

    Examples
    --------
    >>> evidence_files("99-none-such")
    []
    """
    folder = figures_dir() if folder is None else folder
    return sorted(p.name for p in Path(folder).glob(f"{prefix}*") if p.is_file())


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _table_html(table: pd.DataFrame, caption: str) -> str:
    body = table.to_html(index=False, escape=True, border=0) if not table.empty else "<p>(none)</p>"
    return f"<p><b>{html.escape(caption)}</b></p>{body}"


class _Tool:
    """Shared parts: a widget, the last result as a table, HTML and plain text for headless
    display (``_repr_mimebundle_``), and an update that controls and tests share."""

    def __init__(self) -> None:
        self.table = pd.DataFrame()
        self.message = ""
        self.image: bytes | None = None
        self.result = widgets.HTML()
        self.picture = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self._busy = False

    def _controls(self) -> list:
        raise NotImplementedError

    def _compute(self) -> None:
        raise NotImplementedError

    def _build(self) -> None:
        self.widget = widgets.VBox([widgets.HBox(self._controls()), self.result, self.picture])
        for control in self._controls():
            control.observe(lambda change: self._refresh(), names="value")
        self._refresh()

    def _refresh(self) -> None:
        if self._busy:
            return
        try:
            self._compute()
        except ValueError as exc:  # a choice the data cannot answer: say so, keep the tool
            self.table, self.image, self.message = pd.DataFrame(), None, str(exc)
        self.result.value = self.html(images=False)
        self.picture.value = self.image or b""
        self.picture.layout.display = None if self.image else "none"

    def update(self, **values) -> pd.DataFrame:
        """Set controls by name (``term="hợp tác"``, ``by="kind"``, ...), recompute once, and
        return the new table."""
        self._busy = True
        try:
            for name, value in values.items():
                control = getattr(self, name, None)
                if not isinstance(control, widgets.ValueWidget):
                    raise TypeError(f"{type(self).__name__} has no control {name!r}")
                if isinstance(control, widgets.Dropdown) and value not in control.options:
                    raise ValueError(f"{name}={value!r} is not one of {list(control.options)}")
                control.value = value
        finally:
            self._busy = False
        self._refresh()
        return self.table

    def text(self) -> str:
        """The current result as plain text."""
        shown = self.table.to_string(index=False) if not self.table.empty else "(none)"
        return f"{self.message}\n{shown}"

    def html(self, images: bool = True) -> str:
        """The current result as HTML (with the figure embedded when ``images``)."""
        out = _table_html(self.table, self.message)
        if images and self.image:
            data = base64.b64encode(self.image).decode("ascii")
            out += f'<img alt="{html.escape(self.message)}" src="data:image/png;base64,{data}"/>'
        return out

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": self.text(), "text/html": self.html()}
        bundle.update(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = self.text()  # the widget's own repr is a wall of parameters
        return bundle


class ConcordanceBox(_Tool):
    """Type a word or phrase, see its lines by group, sorted.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    term : str
        The default word or phrase.
    by : str
        The default grouping column.
    max_lines : int
        Lines shown (the table keeps them all).

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> box = ConcordanceBox(corpus_from_texts({"a": "Hợp tác và phát triển."}, year=[2023]),
    ...                      term="hợp tác")
    >>> box.update(term="phát triển")["match"].tolist()
    ['phát triển']
    """

    def __init__(self, corpus: pd.DataFrame, term: str = "hợp tác", by: str = "year",
                 max_lines: int = 30) -> None:
        super().__init__()
        self.corpus, self.max_lines = corpus, max_lines
        columns = group_columns(corpus) or [by]
        self.term = widgets.Text(value=term, description="word")
        self.by = widgets.Dropdown(options=columns, value=by if by in columns else columns[0],
                                   description="by")
        self.sort = widgets.Dropdown(options=["right", "left"], value="right", description="sort")
        self._build()

    def _controls(self) -> list:
        return [self.term, self.by, self.sort]

    def _compute(self) -> None:
        lines = concordance(self.corpus, self.term.value, by=self.by.value, sort=self.sort.value)
        self.lines = lines
        counts = lines.groupby(self.by.value, sort=False).size() if not lines.empty else pd.Series()
        per_group = ", ".join(f"{g}: {n}" for g, n in counts.items())
        more = f"; first {self.max_lines} shown" if len(lines) > self.max_lines else ""
        self.message = (f"{self.term.value!r}: {len(lines)} line(s)"
                        + (f" ({per_group})" if per_group else "") + more)
        self.table = lines.head(self.max_lines)


class WordPicker(_Tool):
    """Pick a word: its rate per 10,000 words per group (with a line chart) and its
    collocates.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    word : str
        The default word.
    by : str
        The grouping column of the trend (default the conference).
    window : int
        Collocation window, words either side.

    Examples
    --------
    >>> from helpers.corpus import corpus_from_texts
    >>> picker = WordPicker(corpus_from_texts({"a": "Hợp tác. Hợp tác.", "b": "Hòa bình."},
    ...                     event=["DC31", "DC32"]), word="hợp tác", by="event")
    >>> picker.update(word="hòa bình")[["group", "count"]].values.tolist()
    [['DC31', 0], ['DC32', 1]]
    """

    def __init__(self, corpus: pd.DataFrame, word: str = "ngoại giao", by: str = "event",
                 window: int = 5) -> None:
        super().__init__()
        self.corpus, self.window = corpus, window
        self.paragraphs = paragraph_table(corpus, by=by) if "page" in corpus else None
        columns = group_columns(corpus) or [by]
        self.word = widgets.Text(value=word, description="word")
        self.by = widgets.Dropdown(options=columns, value=by if by in columns else columns[0],
                                   description="by")
        self._build()

    def _controls(self) -> list:
        return [self.word, self.by]

    def _compute(self) -> None:
        word = normalize_text(self.word.value).strip()
        if not word:
            raise ValueError("type a word")
        rows = analysable(self.corpus)
        trends = word_trends(rows[rows[self.by.value].notna()], [word], by=self.by.value)
        self.table = trends[["group", "count", "words", "articles", "per_10k"]].round(
            {"per_10k": 1})
        self.collocates = (collocates(self.paragraphs["tokens"], word, window=self.window)
                           if self.paragraphs is not None else pd.DataFrame())
        total = int(trends["count"].sum())
        self.message = (f"{word!r}: {total} occurrence(s) in {len(trends)} group(s) of "
                        f"{self.by.value}")
        if "date" in trends and trends["date"].notna().any():
            # Dates passed apart: plot_word_trends merges them in by group.
            dates = dict(zip(trends["group"], trends["date"], strict=True))
            approx = trends.loc[trends["approximate"], "group"].tolist()
            fig, _ = plot_word_trends(trends.drop(columns=["date", "until", "approximate"]),
                                      dates=dates, approximate=approx)
            self.image = _png(fig)
        else:
            self.image = None
            self.message += " (no publication dates: no chart)"

    def text(self) -> str:
        coll = (self.collocates.head(10).round(2).to_string(index=False)
                if getattr(self, "collocates", pd.DataFrame()).shape[0] else "(none)")
        return f"{super().text()}\ncollocates (window {self.window}):\n{coll}"

    def html(self, images: bool = True) -> str:
        coll = getattr(self, "collocates", pd.DataFrame())
        return (super().html(images) + _table_html(coll.head(10).round(2),
                                                   f"collocates (window {self.window})"))


class ComparisonPicker(_Tool):
    """Pick any column and two of its values: the keyness of one against the other, drawn.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table.
    column : str
        The default grouping column.
    target, reference : optional
        Default values (else the last and the first value of the column).
    n : int
        Words per side in the table and the chart.

    Examples
    --------
    >>> corpus = pd.DataFrame({"kind": ["a", "b"], "duplicate_of": [None, None],
    ...                        "tokens": [["hòa bình"] * 3, ["hợp tác"] * 3]})
    >>> picker = ComparisonPicker(corpus, "kind")
    >>> picker.update(target="a", reference="b")["word"].tolist()
    ['hòa bình', 'hợp tác']
    """

    def __init__(self, corpus: pd.DataFrame, column: str = "year", target=None, reference=None,
                 n: int = 10) -> None:
        super().__init__()
        self.corpus, self.n = corpus, n
        columns = group_columns(corpus) or [column]
        self.column = widgets.Dropdown(options=columns, description="column",
                                       value=column if column in columns else columns[0])
        values = group_values(corpus, self.column.value) or [None]
        self.target = widgets.Dropdown(options=values, description="target",
                                       value=target if target in values else values[-1])
        self.reference = widgets.Dropdown(options=values, description="reference",
                                          value=reference if reference in values else values[0])
        self.column.observe(self._new_column, names="value")
        self._build()

    def _controls(self) -> list:
        return [self.column, self.target, self.reference]

    def _new_column(self, change) -> None:
        values = group_values(self.corpus, change["new"]) or [None]
        busy, self._busy = self._busy, True
        self.target.options = self.reference.options = values
        self.target.value, self.reference.value = values[-1], values[0]
        self._busy = busy

    def _compute(self) -> None:
        column, target, reference = self.column.value, self.target.value, self.reference.value
        if target is None or len(group_values(self.corpus, column)) < 2:
            raise ValueError(f"{column!r} has fewer than two groups here: nothing to compare")
        key = keyness_for(self.corpus, column, target, reference)
        both = pd.concat([top_keywords(key, self.n, "target"),
                          top_keywords(key, self.n, "reference")])
        self.table = both[["word", "a", "b", "g2", "log_ratio"]].round(2).reset_index(drop=True)
        self.message = (f"{column} = {target} against {column} = {reference}: {len(key)} words "
                        f"tested; top {self.n} each side by G2")
        fig, _ = plot_keyness(key, target, reference, n=self.n)
        self.image = _png(fig)
