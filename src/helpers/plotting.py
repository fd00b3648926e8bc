"""One plotting style for every notebook, figures readable at any corpus size, and saving
figures that reproduce byte for byte.

Owns the look (font, sizes, colour-blind-safe palette, one colour per conference year), the
layout rules that keep text from overlapping (thinned tick labels, capped heights, labels placed
where they fit) and ``save_figure``. Does not compute what is plotted: the analysis modules do.
"""
from __future__ import annotations

import base64
import io
import math
import numbers
import textwrap
from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from matplotlib.typing import LineStyleType

from .glossary import with_gloss
from .paths import figures_dir
from .stats import PER, ZERO_ADJUSTMENT, bh_g2, bonferroni_g2, g2_critical
from .text import normalize_text, sort_key

__all__ = ["LABELLED_ARTICLES", "LABEL_SIZE", "MANY_BARS", "MAX_HEIGHT", "MAX_NUMBERED",
           "NEUTRAL", "NUMBERED_CELLS", "OKABE_ITO", "OPTIMAL_ORDERING_MAX", "ROW_INCHES",
           "TOL_MUTED", "article_labels", "cluster_order", "group_colors", "plot_article_lengths",
           "plot_event_timeline", "plot_keyness", "plot_rate_scatter", "plot_referenced_years",
           "plot_removals", "plot_similarity", "plot_top_words", "plot_topic_shares",
           "plot_word_trends", "plot_xray", "save_figure", "set_style", "short_label"]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000"]
# Beyond eight groups (a decade of yearly conferences): Paul Tol's "muted" scheme, also
# colour-blind safe, so that twelve groups still get twelve distinct colours.
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
             "#882255", "#AA4499", "#000000", "#661100", "#6699CC"]
NEUTRAL = "#7F7F7F"
LABEL_SIZE = 8          # points: tick labels and annotations
ROW_INCHES = 0.22       # height given to one labelled row while the figure may still grow
MAX_HEIGHT = 14.0       # inches: past this, rows get thinner and labels are thinned instead
NUMBERED_CELLS = 12     # a heatmap writes its values in the cells up to this many articles
LABELLED_ARTICLES = 60  # past this many articles a heatmap shows a colour strip, not labels
OPTIMAL_ORDERING_MAX = 300  # clustering reorders leaves optimally up to this many articles
MANY_BARS = 200         # past this many bars, each series is drawn as one outline (fast)


def set_style() -> None:
    """Apply the project style: DejaVu Sans (covers every Vietnamese letter), readable sizes,
    the Okabe-Ito palette, and settings that make saved files reproducible.

    Examples
    --------
    >>> set_style(); mpl.rcParams["font.family"]
    ['DejaVu Sans']
    """
    mpl.rcParams.update({
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.labelsize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": mpl.rcsetup.cycler(color=OKABE_ITO),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "svg.hashsalt": "vn-diplomacy",  # fixed ids inside SVG files
        "svg.fonttype": "path",
        "figure.max_open_warning": 0,
    })


def group_colors(groups) -> dict:
    """One colour per group (e.g. conference year), assigned in sorted order so that the same
    groups always get the same colours in every notebook. Up to eight groups get the
    Okabe-Ito colours, more groups (up to twelve distinct) Paul Tol's muted scheme.

    >>> group_colors([2023, 2021])
    {2021: '#0072B2', 2023: '#D55E00'}
    """
    ordered = sorted(set(groups), key=lambda g: (str(type(g)), g))
    palette = OKABE_ITO if len(ordered) <= len(OKABE_ITO) else TOL_MUTED
    return {g: palette[i % len(palette)] for i, g in enumerate(ordered)}


def _normalize_figure_text(fig) -> None:
    for text in fig.findobj(Text):
        content = text.get_text()
        if content:
            text.set_text(normalize_text(content))


def _freeze_layout(fig) -> None:
    """Fix a laid-out figure's axes where its layout engine put them, rounded to 1e-6 of the
    figure, and turn the engine off. Constrained layout's solver can differ in the last bits
    of a float between processes, which changes SVG clip-path ids: rounded positions do not."""
    if fig.get_layout_engine() is None:
        return
    fig.draw_without_rendering()
    for ax in fig.axes:
        ax.set_position([round(v, 6) for v in ax.get_position().bounds])
    fig.set_layout_engine("none")


#: Significant digits of the floats in a figure's data CSV (a double holds 15-17).
FIGURE_DATA_DIGITS = 12


def save_figure(fig, name: str, data: pd.DataFrame | None = None, folder=None, *,
                caption: str | None = None) -> list[str]:
    """Save ``fig`` as ``name``.png and .svg, and ``data`` (what is plotted) as ``name``.csv, in
    ``figures/`` (or ``$HELPERS_FIGURES_DIR``). Re-running writes identical bytes: floats in the
    CSV keep ``FIGURE_DATA_DIGITS`` significant digits, so the last-bit differences a BLAS
    library's kernels make from one CPU to another do not change the file. Returns the
    file names written; with a ``caption``, also prints one line
    ``saved figure: name.png — caption``. In a notebook (inline backend, PNG), the figure is
    shown there and then as the saved PNG, and closed: re-display a figure changed after saving
    with ``display(fig)``.

    >>> fig, ax = plt.subplots(); _ = ax.bar(["hòa bình"], [3])
    >>> save_figure(fig, "00-example", folder=__import__("tempfile").mkdtemp())
    ['00-example.png', '00-example.svg']
    """
    out = Path(folder) if folder is not None else figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    _normalize_figure_text(fig)
    _freeze_layout(fig)
    written = []
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    png = buffer.getvalue()
    (out / f"{name}.png").write_bytes(png)
    written.append(f"{name}.png")
    fig.savefig(out / f"{name}.svg", format="svg", metadata={"Date": None, "Creator": None})
    written.append(f"{name}.svg")
    if data is not None:
        data.to_csv(out / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8",
                    float_format=f"%.{FIGURE_DATA_DIGITS}g")
        written.append(f"{name}.csv")
    if caption is not None:
        print(f"saved figure: {name}.png — {' '.join(str(caption).split())}")
    _show_saved(fig, png)
    return written


_INLINE_BACKENDS = {"inline", "module://matplotlib_inline.backend_inline"}


def _show_saved(fig, png: bytes) -> None:
    """In a notebook whose figures the inline backend shows as PNG: show ``fig`` now as the
    PNG just saved, at the size the backend would show it, and close it, so that the cell's
    output is not drawn a second time (about as long as saving the PNG: most of a second for a
    figure with many labels). Elsewhere, or for a figure pyplot does not manage: nothing."""
    manager = fig.canvas.manager
    if (mpl.get_backend() not in _INLINE_BACKENDS or manager is None
            or not plt.fignum_exists(manager.num)):
        return
    from IPython.display import display
    from matplotlib_inline.config import InlineBackend

    if set(InlineBackend.instance().figure_formats) != {"png"}:
        return
    saved_dpi = mpl.rcParams["savefig.dpi"]
    scale = 1.0 if saved_dpi == "figure" else fig.dpi / float(saved_dpi)
    width = int.from_bytes(png[16:20], "big")          # the PNG header's IHDR width
    text = repr(fig)
    plt.close(fig)
    display({"image/png": base64.b64encode(png).decode("ascii"), "text/plain": text}, raw=True,
            metadata={"image/png": {"width": round(width * scale)}})


def short_label(title: str, width: int = 38) -> str:
    """A title cut at a word boundary to fit a label: "Hội nghị Ngoại giao lần thứ 31 tạo…".

    >>> short_label("Hội nghị Ngoại giao lần thứ 31 tạo ra khí thế mới", 30)
    'Hội nghị Ngoại giao lần thứ 31…'
    """
    title = " ".join(str(title).split())
    if len(title) <= width:
        return title
    cut = title[:width + 1].rsplit(" ", 1)[0]  # a word ending right at `width` is kept
    if len(cut) > width:  # one word longer than the label: cut inside it
        cut = cut[:width - 1]
    return cut.rstrip(" ,:;-.…") + "…"


# --- layout rules shared by the figures ------------------------------------------------------

def _height(rows: int, per_row: float = ROW_INCHES, extra: float = 1.6,
            cap: float = MAX_HEIGHT) -> float:
    """Figure height for ``rows`` labelled rows: grows with the rows, up to ``cap`` inches."""
    return min(extra + per_row * max(rows, 1), cap)


def _fits_rows(rows: int, per_row: float = ROW_INCHES, extra: float = 1.6) -> bool:
    """Whether ``rows`` rows get their full height (so per-row annotations fit)."""
    return _height(rows, per_row, extra) < MAX_HEIGHT


def _boxes_overlap(a, b, margin: float = 0.5) -> bool:
    return (a.x0 < b.x1 - margin and b.x0 < a.x1 - margin
            and a.y0 < b.y1 - margin and b.y0 < a.y1 - margin)


def _shown_tick_labels(axis) -> list:
    """The tick labels of ``axis`` that are drawn: visible, non-empty, inside the view."""
    lo, hi = sorted(axis.get_view_interval())
    tol = (hi - lo) * 1e-9
    return [t.label1 for t in axis.get_major_ticks()[:len(axis.get_majorticklocs())]
            if t.label1.get_visible() and t.label1.get_text()
            and lo - tol <= t.get_loc() <= hi + tol]


def _set_row_ticks(ax, positions, labels, which: str = "y", fontsize: float = LABEL_SIZE,
                   **kwargs) -> None:
    """Tick labels at ``positions``, keeping every k-th where the axes cannot hold them all
    (estimated from the figure size; ``_thin_ticks`` then checks on the drawn figure)."""
    fig, box = ax.figure, ax.get_position()
    inches = box.height * fig.get_figheight() if which == "y" else box.width * fig.get_figwidth()
    step = max(1, math.ceil(len(positions) * fontsize * 1.3 / max(inches * 72, 1)))
    setter = ax.set_yticks if which == "y" else ax.set_xticks
    setter(list(positions)[::step], list(labels)[::step], fontsize=fontsize, **kwargs)


def _thin_ticks(fig, ax, which: str = "y", rounds: int = 4) -> int:
    """Keep every k-th tick label of one axis, with the smallest k at which no two drawn tick
    labels overlap. Returns k (1 when nothing had to go)."""
    axis = ax.yaxis if which == "y" else ax.xaxis
    locs = list(axis.get_majorticklocs())
    labels = [t.get_text() for t in axis.get_majorticklabels()]
    step = 1
    for _ in range(rounds):
        fig.draw_without_rendering()
        shown = _shown_tick_labels(axis)
        boxes = [t.get_window_extent() for t in shown]
        if not any(_boxes_overlap(a, b) for a, b in pairwise(boxes)):
            return step
        size = max(b.height if which == "y" else b.width for b in boxes)
        centres = sorted((b.y0 + b.y1) / 2 if which == "y" else (b.x0 + b.x1) / 2 for b in boxes)
        spacing = min(abs(q - p) for p, q in pairwise(centres)) or 1e-6
        step = max(step + 1, math.ceil(step * size * 1.15 / spacing))
        axis.set_ticks(locs[::step], labels[::step])
    return step


def _drop_crowded_ticks(fig, axes, which: str = "x", rounds: int = 3) -> None:
    """Across several panels read left to right, drop each tick label that would overlap the
    last one kept (for a broken axis, where neighbouring panels' labels can meet)."""
    for _ in range(rounds):
        fig.draw_without_rendering()
        kept: list[Bbox] = []
        changed = False
        for ax in axes:
            axis = ax.xaxis if which == "x" else ax.yaxis
            keep_locs, keep_labels = [], []
            for tick in _shown_tick_labels(axis):
                box = tick.get_window_extent()
                if kept and _boxes_overlap(kept[-1], box, margin=-2):
                    changed = True
                    continue
                kept.append(box)
                pos = tick.get_position()[0 if which == "x" else 1]
                keep_locs.append(pos)
                keep_labels.append(tick.get_text())
            axis.set_ticks(keep_locs, keep_labels)
        if not changed:
            return


def _place_labels(fig, ax, items, offsets, blockers=(), fontsize=LABEL_SIZE, draw: bool = True,
                  clamp: bool = False, **kwargs) -> list:
    """Annotate each (x, y, text, color) in ``items`` at the first offset (points) from
    ``offsets`` where it overlaps nothing placed before, nor ``blockers`` (boxes), and stays
    inside the axes. A label with no free place is not drawn. Returns, per item, whether it
    was drawn. ``draw=False`` when the figure was just laid out; ``clamp`` slides a label
    sideways to keep it inside the axes."""
    if draw:
        fig.draw_without_rendering()
    frame = ax.get_window_extent()
    points = ax.transData.transform([(x, y) for x, y, _, _ in items]) if items else []
    placed = list(blockers) + [mpl.transforms.Bbox.from_extents(px - 4, py - 4, px + 4, py + 4)
                               for px, py in points]  # never cover a labelled point
    drawn = []
    for x, y, text, color in items:
        note = ax.annotate(text, (x, y), xytext=offsets[0], textcoords="offset points",
                           fontsize=fontsize, color=color, ha="center", va="center", **kwargs)
        ok = False
        for off in offsets:
            note.set_position(off)
            box = note.get_window_extent()
            if clamp:  # slide sideways into the axes rather than give up
                shift = max(frame.x0 - box.x0, 0) - max(box.x1 - frame.x1, 0)
                note.set_position((off[0] + shift * 72 / fig.dpi, off[1]))
                box = note.get_window_extent()
            inside = (box.x0 >= frame.x0 - 1 and box.x1 <= frame.x1 + 1
                      and box.y0 >= frame.y0 - 1 and box.y1 <= frame.y1 + 1)
            if inside and not any(_boxes_overlap(box, other, margin=-1) for other in placed):
                placed.append(box)
                ok = True
                break
        if not ok:
            note.remove()
        drawn.append(ok)
    return drawn


def _ring_offsets(radius: float = 9, rings: int = 3) -> list[tuple[float, float]]:
    """Candidate label offsets (points) around a point: above first, then around, then further."""
    out = []
    for r in range(1, rings + 1):
        d = radius * r
        out += [(0, d), (0, -d), (d + 4, 0), (-d - 4, 0), (d, d), (-d, d), (d, -d), (-d, -d)]
    return out


def _wrap(lines: list[str], width_inches: float, fontsize: float = LABEL_SIZE) -> list[str]:
    """``lines`` wrapped to fit ``width_inches`` (DejaVu Sans averages about 0.6 em a letter)."""
    chars = max(int(width_inches * 72 / (fontsize * 0.62)), 20)
    return [part for line in lines
            for part in textwrap.wrap(line, chars, subsequent_indent="    ") or [""]]


def _text_panel(ax, lines: list[str], fontsize: float = LABEL_SIZE) -> None:
    """Write ``lines`` at the top left of an empty axes used as a text block."""
    ax.axis("off")
    ax.text(0, 1, "\n".join(lines), transform=ax.transAxes, va="top", ha="left",
            fontsize=fontsize)


def _legend_outside(ax, handles=None, title=None, **kwargs):
    """A legend to the right of the axes, in as many columns as fit the figure height."""
    if handles is None:
        handles, _ = ax.get_legend_handles_labels()
    rows_fit = max(int((ax.figure.get_figheight() - 0.6) / 0.2), 1)
    ncol = max(1, math.ceil(len(handles) / rows_fit))
    return ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                     frameon=False, fontsize=LABEL_SIZE, ncol=ncol, **kwargs)


# --- article labels --------------------------------------------------------------------------

def _known(row, field: str):
    value = row.get(field)
    return None if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) \
        else value


def _date_text(row) -> str | None:
    """dd/mm/yyyy, with "≈" before it when the date is approximate; None when unknown."""
    day = _known(row, "published")
    if day is None:
        return None
    mark = "≈" if _known(row, "date_precision") == "approximate" else ""
    return f"{mark}{pd.Timestamp(day):%d/%m/%Y}"


def _fallback_name(row, width: int = 30) -> str:
    """The article's short title, else its file name, else its doc_id."""
    for field in ("title", "source_file", "doc_id"):
        value = _known(row, field)
        if value is not None and str(value).strip():
            return short_label(value, width)
    return "article"


def _article_label(row) -> str:
    parts = [str(v) for v in (_known(row, "event"), _date_text(row), _known(row, "kind"))
             if v is not None]
    if _known(row, "event") is None and _date_text(row) is None:
        parts.insert(0, _fallback_name(row))
    return " ".join(parts)


def article_labels(corpus: pd.DataFrame) -> pd.Series:
    """A short unique label per article, indexed by doc_id, showing only what is known: the
    event, the date ("≈" before an approximate one) and the kind; an article with neither
    event nor date is named by its short title (else its file name). Where two articles
    would share a label, the author is added, else the short title, else a number.

    Reads ``doc_id`` and, where present, ``event``, ``published``, ``date_precision``,
    ``kind``, ``author``, ``title``, ``source_file``.

    Parameters
    ----------
    corpus : DataFrame
        One row per article.

    Returns
    -------
    Series of str, indexed by doc_id.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "event": ["DC32", None],
    ...                        "published": [pd.Timestamp("2023-12-19"), pd.NaT],
    ...                        "date_precision": ["approximate", None],
    ...                        "title": [None, "Bế mạc Hội nghị"]})
    >>> article_labels(corpus).tolist()
    ['DC32 ≈19/12/2023', 'Bế mạc Hội nghị']
    """
    rows = corpus.set_index("doc_id", drop=False)
    labels = pd.Series({doc: _article_label(row) for doc, row in rows.iterrows()}, dtype=object)
    for extra in (lambda r: _known(r, "author"), lambda r: _fallback_name(r, 24)):
        clash = labels.duplicated(keep=False)
        for doc in labels.index[clash]:
            value = extra(rows.loc[doc])
            if value is not None and str(value) not in labels[doc]:
                labels[doc] = f"{labels[doc]} ({value})"
    clash = labels.duplicated(keep=False)
    for label in labels[clash].unique():  # still the same: number them in corpus order
        ids = labels.index[labels == label]
        for n, doc in enumerate(ids, 1):
            labels[doc] = f"{label} #{n}"
    labels.index.name = "doc_id"
    return labels.astype(str)


# --- corpus figures --------------------------------------------------------------------------

def _group_handles(colors: dict, has_unknown: bool) -> list:
    handles = [mpl.patches.Patch(color=c, label=str(g)) for g, c in colors.items()]
    if has_unknown:
        handles.append(mpl.patches.Patch(color=NEUTRAL, label="unknown"))
    return handles


def _bars(ax, y, widths, left, colors: list, label: str | None = None) -> None:
    """Horizontal bars at rows ``y`` (one colour each); past ``MANY_BARS`` rows, each run of
    one colour is drawn as a single filled outline, which draws far faster."""
    y, widths = np.asarray(y), np.asarray(widths, dtype=float)
    left = np.broadcast_to(np.asarray(left, dtype=float), widths.shape)
    if len(y) <= MANY_BARS:
        ax.barh(y, widths, left=left, color=colors, label=label)
        return
    order = np.argsort(y)
    y, widths, left = y[order], widths[order], left[order]
    colors = [colors[i] for i in order]
    start = 0
    for end in range(1, len(y) + 1):
        if end == len(y) or colors[end] != colors[start]:
            ax.stairs(left[start:end] + widths[start:end],
                      np.append(y[start:end], y[end - 1] + 1) - 0.5,
                      baseline=left[start:end], orientation="horizontal", fill=True,
                      color=colors[start], label=label if start == 0 else None)
            start = end


def plot_article_lengths(corpus: pd.DataFrame, group: str = "year"):
    """Horizontal bars, one per article (words kept after cleaning), coloured by ``group`` and
    ordered by group then date. Labels show only what is known (event, short title); past
    about 55 articles the figure stops growing, the labels are thinned and the counts are
    left to the returned table.

    Parameters
    ----------
    corpus : DataFrame
        Reads ``doc_id``, ``n_words``, ``n_paragraphs``, ``group`` and, where present,
        ``event``, ``published``, ``title``, ``source_file``.
    group : str
        Column that colours the bars (default the conference year).

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted data.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "year": [2023], "event": ["DC32"],
    ...     "published": [pd.Timestamp("2023-12-19")], "title": ["Bế mạc"], "n_words": [400],
    ...     "n_paragraphs": [9]})
    >>> plot_article_lengths(corpus)[1]["label"].tolist()
    ['DC32 · Bế mạc']
    """
    data = corpus.reindex(columns=list(dict.fromkeys(
        ["doc_id", "title", "source_file", group, "event", "published", "n_words",
         "n_paragraphs"])))
    data = data.sort_values([group, "published", "doc_id"], na_position="last")
    data["label"] = [" · ".join(p for p in (None if pd.isna(r["event"]) else str(r["event"]),
                                            _fallback_name(r, 38)) if p)
                     for _, r in data.iterrows()]
    data = data[["doc_id", "label", group, "event", "published", "n_words", "n_paragraphs"]]
    if data.empty:
        fig, ax = plt.subplots(figsize=(8, 1.2), layout="constrained")
        _text_panel(ax, ["No article to draw: the table has no analysable article (one copy "
                         "of each, in Vietnamese)."])
        return fig, data
    colors = group_colors(data[group].dropna())
    fig, ax = plt.subplots(figsize=(9, _height(len(data))), layout="constrained")
    y = np.arange(len(data))[::-1]
    _bars(ax, y, data["n_words"], 0, [colors.get(g, NEUTRAL) for g in data[group]])
    _set_row_ticks(ax, y, data["label"])
    ax.set_ylim(-0.6, len(data) - 0.4)
    if _fits_rows(len(data)):
        for yi, n in zip(y, data["n_words"], strict=False):
            ax.text(n, yi, f" {n}", va="center", fontsize=LABEL_SIZE - 1)
        ax.set_xlim(0, data["n_words"].max() * 1.12 + 1)
    ax.set_xlabel("words in the clean article (segmented words, no punctuation or numbers)")
    _legend_outside(ax, _group_handles(colors, data[group].isna().any()), title=group)
    step = _thin_ticks(fig, ax, "y")
    shown = "" if step == 1 else f" (every {step}th label shown)"
    ax.set_title(f"Article length by conference: {len(data):,} articles{shown}")
    return fig, data.reset_index(drop=True)


def plot_removals(summary: pd.DataFrame):
    """Stacked horizontal bars: lines removed from each page, by reason (page names shortened,
    thinned when there are many pages).

    Parameters
    ----------
    summary : DataFrame
        ``helpers.removal_summary`` output: one row per page (index), one column per reason,
        and ``total``.

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted data.

    Examples
    --------
    >>> summary = pd.DataFrame({"menu": [3], "total": [3]}, index=pd.Index(["a"], name="doc_id"))
    >>> plot_removals(summary)[1].columns.tolist()
    ['doc_id', 'menu']
    """
    reasons = [c for c in summary.columns if c != "total"]
    reasons = sorted(reasons, key=lambda r: (-summary[r].sum(), r))
    data = summary[reasons]
    fig, ax = plt.subplots(figsize=(9, _height(len(data))), layout="constrained")
    left = pd.Series(0, index=data.index)
    palette = [*OKABE_ITO, NEUTRAL, "#B07AA1", "#9C755F", "#76B7B2", "#EDC948"]
    y = list(range(len(data)))[::-1]
    for i, reason in enumerate(reasons):
        _bars(ax, y, data[reason], left, [palette[i % len(palette)]] * len(data), label=reason)
        left = left + data[reason]
    _set_row_ticks(ax, y, [short_label(d, 30) for d in data.index])
    ax.set_ylim(-0.6, len(data) - 0.4)
    ax.set_xlabel("non-blank lines removed")
    _legend_outside(ax, title="reason")
    _thin_ticks(fig, ax, "y")
    ax.set_title("What cleaning removed from each page, by reason")
    data = data.copy()
    data.index.name = summary.index.name or "doc_id"
    return fig, data.reset_index()


# --- comparison figures ----------------------------------------------------------------------

def _top_with_ties(table: pd.DataFrame, n: int, sign: int) -> tuple[pd.DataFrame, int]:
    """The ``n`` rows with the largest ``sign * g2`` (> 0), plus every row tied with the n-th
    (ties in Vietnamese dictionary order), as long as that at most doubles ``n``. Returns the
    rows, with a boolean ``tie_at_cut``, and how many tied rows were left out."""
    part = table[table["g2"] * sign > 0].copy()
    part = part.assign(_key=-(part["g2"] * sign).round(9), _word=part["word"].map(sort_key))
    part = part.sort_values(["_key", "_word"], kind="stable").drop(columns=["_key", "_word"])
    tie = pd.Series(False, index=part.index)
    if len(part) > n:
        tied = np.isclose(part["g2"], part["g2"].iloc[n - 1])
        crossing = tied & (np.arange(len(part)) >= n)
        if crossing.any():
            tie = pd.Series(tied, index=part.index)
    keep = (np.arange(len(part)) < n) | tie.to_numpy()
    left_out = 0
    if keep.sum() > 2 * n:  # a huge tie: keep the first n and say how many more tie
        left_out = int(keep.sum() - n)
        keep = np.arange(len(part)) < n
    chosen = part[keep].assign(tie_at_cut=tie[keep].to_numpy())
    return chosen, left_out


def plot_keyness(table: pd.DataFrame, target, reference, n: int = 12,
                 colors: dict | None = None, title: str | None = None, *,
                 n_tests: int | None = None, alpha: float = 0.05, bh: bool = True,
                 display: Mapping[str, str] | None = None):
    """Diverging bars of signed G2: the ``n`` words most over-used in ``target`` (right) and in
    ``reference`` (left), labelled with English glosses and the two counts. Vertical lines
    mark p = 0.05 uncorrected, the Bonferroni cut over ``n_tests`` words and (``bh``) the
    Benjamini-Hochberg cut. Words tied with the n-th at the cut are all shown and hatched
    (or, past twice ``n``, the number left out is stated); words are shown as given.

    Parameters
    ----------
    table : DataFrame
        ``compare.keyness`` output. Reads ``word, a, b, g2, p, rate_target,
        rate_reference, log_ratio, log_odds_z``; optional ``tie_at_cut`` (bool: marks a row as
        tied at the cut) and ``display`` (the form to show, e.g. a capitalised name).
    target, reference : group names (titles and colours).
    n : int
        Words per side.
    colors : dict, optional
        Group -> colour.
    title : str, optional
    n_tests : int, optional
        Words tested, for the corrections (default: rows of ``table``).
    alpha : float
        Significance level of the three lines.
    bh : bool
        Draw the Benjamini-Hochberg line.
    display : mapping, optional
        word -> form to show (overrides a ``display`` column).

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted rows, with ``label`` and ``tie_at_cut``.

    Examples
    --------
    >>> table = pd.DataFrame({"word": ["Hà Nội", "và"], "a": [9, 1], "b": [0, 8],
    ...     "g2": [12.0, -9.0], "p": [0.0005, 0.003], "rate_target": [1, 1],
    ...     "rate_reference": [1, 1], "log_ratio": [3, -3], "log_odds_z": [3, -3]})
    >>> plot_keyness(table, 2023, 2021)[1]["label"].tolist()
    ['và', 'Hà Nội']
    """
    colors = colors or group_colors([target, reference])
    n_tests = n_tests or len(table)
    top, more_top = _top_with_ties(table, n, +1)
    bottom, more_bottom = _top_with_ties(table, n, -1)
    if "tie_at_cut" in table.columns:
        given = table["tie_at_cut"].fillna(False).astype(bool)
        top["tie_at_cut"] |= given.reindex(top.index).to_numpy()
        bottom["tie_at_cut"] |= given.reindex(bottom.index).to_numpy()
    data = pd.concat([bottom, top.iloc[::-1]]).iloc[::-1].sort_values("g2", kind="stable")
    shown = (dict(zip(table["word"], table["display"], strict=False))
             if "display" in table.columns else {})
    shown.update(display or {})
    data = data.assign(label=[with_gloss(str(shown.get(w, w))) for w in data["word"]])
    fig, ax = plt.subplots(figsize=(9.5, _height(len(data), extra=2.4)), layout="constrained")
    y = np.arange(len(data))
    color = [colors.get(target, OKABE_ITO[1]) if g > 0 else colors.get(reference, OKABE_ITO[0])
             for g in data["g2"]]
    ax.barh(y, data["g2"], color=color, hatch=["///" if t else "" for t in data["tie_at_cut"]],
            edgecolor="white")
    _set_row_ticks(ax, y, data["label"])
    rows = zip(data["g2"], data["a"], data["b"], data["tie_at_cut"], strict=False)
    for yi, (g2, a, b, tie) in enumerate(rows):
        ax.text(g2, yi, f" {a}:{b}{' =' if tie else ''} ", va="center", fontsize=LABEL_SIZE - 1,
                ha="left" if g2 > 0 else "right")
    uncorrected, critical = g2_critical(alpha), bonferroni_g2(n_tests, alpha)
    lines: list[tuple[float | None, LineStyleType, str]] = [
        (uncorrected, "--", f"p = {alpha:g}, uncorrected (G2 {uncorrected:.2f})"),
        (critical, "-.", f"Bonferroni over {n_tests:,} words (G2 {critical:.2f})")]
    if bh:
        cut = bh_g2(table["p"], n_tests, alpha)
        lines.append((cut, ":", f"Benjamini-Hochberg, FDR {alpha:g} (G2 {cut:.2f})" if cut
                      else f"Benjamini-Hochberg, FDR {alpha:g}: no word passes"))
    handles: list[Artist] = []
    for value, style, label in lines:
        for x in (-value, value) if value else ():
            ax.axvline(x, color=NEUTRAL, linestyle=style, linewidth=0.9)
        handles.append(mpl.lines.Line2D([], [], color=NEUTRAL, linestyle=style, label=label))
    if data["tie_at_cut"].any():
        handles.append(mpl.patches.Patch(facecolor="white", edgecolor=NEUTRAL, hatch="///",
                                         label="tied at the cut (=): all shown"))
    for count, side in ((more_top, target), (more_bottom, reference)):
        if count:
            handles.append(mpl.patches.Patch(color="none", label=f"{count} more words tied at "
                                             f"the cut for {side}, not shown"))
    reach = max([abs(v) for v, _, _ in lines if v] + [data["g2"].abs().max() if len(data) else 1])
    ax.set_xlim(-reach * 1.3, reach * 1.3)
    ax.set_ylim(-0.7, len(data) - 0.3)
    ax.axvline(0, color="black", linewidth=0.8)
    fig.legend(handles=handles, loc="outside lower center", frameon=False, fontsize=LABEL_SIZE,
               ncol=1)
    ax.set_xlabel(f"signed log-likelihood G2  (← more in {reference} · more in {target} →)"
                  f"\nlabels: count in {target}:{reference}")
    _thin_ticks(fig, ax, "y")
    ax.set_title(title or f"Keywords of {target} against {reference}")
    columns = ["word", "label", "a", "b", "rate_target", "rate_reference", "g2", "p",
               "log_ratio", "log_odds_z", "tie_at_cut"]
    return fig, data[columns].reset_index(drop=True)


def plot_rate_scatter(table: pd.DataFrame, target, reference, n_labels: int = 8,
                      colors: dict | None = None, *, display: Mapping[str, str] | None = None):
    """Each word as a point: rate per 10,000 words in ``reference`` (x) against ``target`` (y),
    log scales. Zero counts are drawn at the Log Ratio zero adjustment as hollow points. The
    ``n_labels`` most extreme words each way by log-odds z are numbered (numbers placed where
    they overlap nothing) and listed beside the axes.

    Parameters
    ----------
    table : DataFrame
        ``compare.keyness`` output; reads ``word, a, b, log_odds_z`` (and ``display``).
    target, reference : group names.
    n_labels : int
        Words numbered on each side.
    colors : dict, optional
    display : mapping, optional
        word -> form to show.

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted data (``number``: the label; ``number_drawn``
    False where no free place was found near the point, the word is still listed).

    Examples
    --------
    >>> table = pd.DataFrame({"word": ["a", "b", "c"], "a": [5, 0, 2], "b": [1, 4, 2],
    ...                       "log_odds_z": [2.0, -2.0, 0.0]})
    >>> plot_rate_scatter(table, 2023, 2021, n_labels=1)[1]["number"].tolist()
    [1, 2, <NA>]
    """
    colors = colors or group_colors([target, reference])
    shown = (dict(zip(table["word"], table["display"], strict=False))
             if "display" in table.columns else {})
    shown.update(display or {})
    c, d = table["a"].sum(), table["b"].sum()
    data = table.assign(
        x=table["b"].where(table["b"] > 0, ZERO_ADJUSTMENT) / d * PER,
        y=table["a"].where(table["a"] > 0, ZERO_ADJUSTMENT) / c * PER,
        zero=(table["a"] == 0) | (table["b"] == 0),
    )
    fig, (ax, side) = plt.subplots(1, 2, figsize=(11, 7), layout="constrained",
                                   gridspec_kw={"width_ratios": [3, 1.15]})
    solid, hollow = data[~data["zero"]], data[data["zero"]]
    ax.scatter(solid["x"], solid["y"], s=14, color=NEUTRAL, alpha=0.6, label="in both")
    ax.scatter(hollow["x"], hollow["y"], s=14, facecolors="none", edgecolors=NEUTRAL,
               alpha=0.6, label=f"absent from one (drawn at {ZERO_ADJUSTMENT})")
    lo = min(data["x"].min(), data["y"].min()) * 0.6
    hi = max(data["x"].max(), data["y"].max()) * 1.6
    ax.plot([lo, hi], [lo, hi], color="black", linewidth=0.8)
    ax.set(xscale="log", yscale="log", xlim=(lo, hi), ylim=(lo, hi))
    up = data[data["log_odds_z"] > 0].nlargest(n_labels, "log_odds_z")
    down = data[data["log_odds_z"] < 0].nsmallest(n_labels, "log_odds_z")
    labelled = pd.concat([up, down])
    labelled = labelled.assign(number=range(1, len(labelled) + 1))
    items, keys = [], []
    for (x, y), group in labelled.groupby(["x", "y"], sort=True):
        color = colors.get(target) if group["log_odds_z"].iat[0] > 0 else colors.get(reference)
        ax.scatter(x, y, s=18, color=color)
        items.append((x, y, ",".join(map(str, group["number"])), color))
        keys.append(list(group["number"]))
    ax.set_xlabel(f"rate per 10,000 words in {reference} (log)")
    ax.set_ylabel(f"rate per 10,000 words in {target} (log)")
    ax.set_title(f"Word rates, {target} against {reference}\n"
                 f"numbered: the {n_labels} most distinctive each way (log-odds z)")
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, fontsize=LABEL_SIZE,
               loc="outside lower center", ncol=2)
    side.axis("off")
    first = None
    for sign, group_name in ((1, target), (-1, reference)):
        rows = labelled[labelled["log_odds_z"] * sign > 0]
        lines = [f"more in {group_name}:"] + [
            f"{r.number}  {with_gloss(str(shown.get(r.word, r.word)))}"
            for r in rows.itertuples()]
        color = colors.get(target) if sign > 0 else colors.get(reference)
        if first is None:
            first = side.text(0, 1, "\n".join(lines), transform=side.transAxes, va="top",
                              fontsize=LABEL_SIZE, color=color)
        else:
            side.annotate("\n".join(lines), (0, 0), xycoords=first, xytext=(0, -12),
                          textcoords="offset points", va="top", fontsize=LABEL_SIZE, color=color)
    drawn = _place_labels(fig, ax, items, _ring_offsets(8))
    out = data.merge(labelled[["word", "number"]], on="word", how="left")
    out["number"] = out["number"].astype("Int64")
    missed = {n for numbers_, ok in zip(keys, drawn, strict=False) if not ok for n in numbers_}
    out["number_drawn"] = out["number"].notna() & ~out["number"].isin(missed)
    return fig, out[["word", "a", "b", "x", "y", "zero", "log_odds_z", "number",
                     "number_drawn"]].rename(columns={"x": "rate_reference_plotted",
                                                      "y": "rate_target_plotted"})


def cluster_order(sims: pd.DataFrame) -> list:
    """The articles of a similarity matrix in the leaf order of an average-linkage hierarchical
    clustering on 1 - similarity, with optimal leaf ordering up to 300 articles (it grows with
    the cube of their number); deterministic, no random state.

    Parameters
    ----------
    sims : DataFrame
        Square, symmetric similarity (1 on the diagonal), labelled by doc_id.

    Returns
    -------
    list of doc_ids.

    Examples
    --------
    >>> sims = pd.DataFrame([[1, .1, .9], [.1, 1, .2], [.9, .2, 1]], index=list("abc"),
    ...                     columns=list("abc"))
    >>> cluster_order(sims)
    ['b', 'c', 'a']
    """
    # Imported here: only the similarity figure clusters, and no other figure should make a
    # kernel import scipy's clustering.
    from scipy.cluster.hierarchy import leaves_list, linkage
    from scipy.spatial.distance import squareform

    ids = list(sims.index)
    if len(ids) < 3:
        return ids
    dist = 1 - sims.to_numpy(dtype=float)
    dist = np.clip((dist + dist.T) / 2, 0, None)
    np.fill_diagonal(dist, 0)
    tree = linkage(squareform(dist, checks=False), method="average",
                   optimal_ordering=len(ids) <= OPTIMAL_ORDERING_MAX)
    return [ids[i] for i in leaves_list(tree)]


def plot_similarity(sims: pd.DataFrame, labels: pd.Series, *, groups: pd.Series | None = None,
                    cluster: bool = True, numbers: bool | None = None,
                    title: str | None = None):
    """Heatmap of article-by-article cosine similarity, rows and columns in hierarchical
    clustering order (``cluster_order``), with the values written in the cells up to 12
    articles. Labels are shortened and thinned; past 60 articles they give way to a colour
    strip of ``groups`` (e.g. the year) along both edges.

    Parameters
    ----------
    sims : DataFrame
        ``compare.similarity`` output (square, labelled by doc_id).
    labels : Series
        doc_id -> tick label (``article_labels``).
    groups : Series, optional
        doc_id -> group: draws the colour strips and their legend.
    cluster : bool
        Order by clustering (else the order given).
    numbers : bool, optional
        Write the values in the cells (default: up to 12 articles).
    title : str, optional

    Returns
    -------
    (Figure, DataFrame) : the figure and the matrix in plotted order (``doc_id`` first).

    Examples
    --------
    >>> sims = pd.DataFrame([[1, .5], [.5, 1]], index=["a", "b"], columns=["a", "b"])
    >>> plot_similarity(sims, pd.Series({"a": "A", "b": "B"}))[1]["doc_id"].tolist()
    ['a', 'b']
    """
    if sims.empty:
        fig, ax = plt.subplots(figsize=(8, 1.2), layout="constrained")
        _text_panel(ax, ["No article to compare: the table has no analysable article."])
        data = sims.copy()
        data.index.name = "doc_id"
        return fig, data.reset_index()
    order = cluster_order(sims) if cluster else list(sims.index)
    sims = sims.loc[order, order]
    n = len(order)
    numbers = n <= NUMBERED_CELLS if numbers is None else numbers
    named = n <= LABELLED_ARTICLES
    strip = groups is not None
    side = min(5.5 + 0.12 * n, 10) if named else 8.5
    fig = plt.figure(figsize=(side + 2.4, side + (2.0 if named else 0.6)), layout="constrained")
    grid = fig.add_gridspec(2, 3 if strip else 2, width_ratios=([0.35] if strip else []) + [20, 1],
                            height_ratios=[0.35 if strip else 0.01, 20])
    ax = fig.add_subplot(grid[1, 1 if strip else 0])
    image = ax.imshow(sims.to_numpy(dtype=float), cmap="viridis", vmin=0, vmax=1,
                      interpolation="nearest", aspect="auto")
    ax.spines[:].set_visible(False)
    if named:
        ticks = [short_label(labels.get(d, d), 32) for d in order]
        _set_row_ticks(ax, range(n), ticks, "x", rotation=90)
        _set_row_ticks(ax, range(n), ticks, "y")
    else:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel(f"{n:,} articles in clustering order (labels in the data table)")
    if numbers:
        for i in range(n):
            for j in range(n):
                value = sims.iat[i, j]
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=LABEL_SIZE,
                        color="white" if value < 0.6 else "black")
    fig.colorbar(image, cax=fig.add_subplot(grid[1, -1]),
                 label="cosine similarity of TF-IDF vectors")
    if strip:
        _group_strips(fig, grid, order, groups, named)
    fig.add_subplot(grid[0, -1]).axis("off")
    if named:
        _thin_ticks(fig, ax, "y")
        _thin_ticks(fig, ax, "x")
    how = "clustering" if cluster else "the order given"
    fig.suptitle(title or f"How alike are the articles? (ordered by {how})")
    data = sims.copy()
    data.index.name = "doc_id"
    return fig, data.reset_index()


def _group_strips(fig, grid, order, groups, named) -> None:
    """Colour strips of the articles' groups above and left of the heatmap, with a legend."""
    values = [groups.get(d) for d in order]
    known = [v for v in values if v is not None and not pd.isna(v)]
    colors = group_colors(known)
    rgb = np.array([[mpl.colors.to_rgb(colors.get(v, NEUTRAL) if v in colors else NEUTRAL)
                     for v in values]])
    top = fig.add_subplot(grid[0, 1])
    top.imshow(rgb, aspect="auto", interpolation="nearest")
    left = fig.add_subplot(grid[1, 0])
    left.imshow(rgb.transpose(1, 0, 2), aspect="auto", interpolation="nearest")
    for strip_ax in (top, left):
        strip_ax.set_xticks([])
        strip_ax.set_yticks([])
        strip_ax.spines[:].set_visible(False)
    fig.add_subplot(grid[0, 0]).axis("off")
    handles = _group_handles(colors, len(known) < len(values))
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 6),
               frameon=False, fontsize=LABEL_SIZE, title=groups.name or "group")


def plot_topic_shares(shares: pd.DataFrame, topics: pd.DataFrame):
    """Stacked bars: each group's share of each NMF topic, with the topics' top words in the
    legend; a share is written in its segment when it fits.

    Parameters
    ----------
    shares : DataFrame
        ``compare.topic_shares`` output (rows groups, columns topics).
    topics : DataFrame
        Reads ``topic`` and ``top words`` (comma-separated).

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted shares.

    Examples
    --------
    >>> shares = pd.DataFrame({"T1": [0.7], "T2": [0.3]}, index=pd.Index([2023], name="year"))
    >>> topics = pd.DataFrame({"topic": ["T1", "T2"], "top words": ["a, b", "c"]})
    >>> plot_topic_shares(shares, topics)[1].columns.tolist()
    ['year', 'T1', 'T2']
    """
    fig, ax = plt.subplots(figsize=(9, _height(len(shares), 0.45, 2.6 + 0.2 * len(shares.columns))),
                           layout="constrained")
    left = pd.Series(0.0, index=shares.index)
    y = list(range(len(shares)))[::-1]
    words_of = topics.set_index("topic")["top words"]
    palette = OKABE_ITO if len(shares.columns) <= len(OKABE_ITO) else TOL_MUTED
    for i, topic in enumerate(shares.columns):
        words = str(words_of.get(topic, "")).split(", ")[:5]
        ax.barh(y, shares[topic], left=left, color=palette[i % len(palette)],
                label=short_label(f"{topic}: {', '.join(words)}", 70))
        for yi, (start, width) in zip(y, zip(left, shares[topic], strict=False), strict=False):
            if width > 0.08 and len(y) <= 40:
                ax.text(start + width / 2, yi, f"{width:.0%}", ha="center", va="center",
                        fontsize=LABEL_SIZE, color="white")
        left = left + shares[topic]
    _set_row_ticks(ax, y, [short_label(g, 24) for g in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the group's words (paragraph topic weights, weighted by length)")
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, fontsize=LABEL_SIZE,
               loc="outside lower center")
    _thin_ticks(fig, ax, "y")
    ax.set_title("Topics per conference year (NMF on paragraphs)")
    data = shares.copy()
    data.index.name = shares.index.name or "group"
    return fig, data.reset_index()


# --- frequency figures -----------------------------------------------------------------------

def _own_top(wide: pd.DataFrame, group, n: int) -> pd.DataFrame:
    """Group ``group``'s own ``n`` most frequent words (by count, ties in Vietnamese dictionary
    order), plus every word tied with the n-th (``tie_at_cut``), up to twice ``n``."""
    if "group" in wide.columns:  # the long frequency table: every word of the group
        part = wide.loc[wide["group"] == group, ["word", "count", "per_10k"]]
    else:
        part = pd.DataFrame({"word": wide["word"], "count": wide[f"count_{group}"],
                             "per_10k": wide[f"per_10k_{group}"]})
    part = part[part["count"] > 0]
    part = part.assign(_w=part["word"].map(sort_key), _c=-part["count"])
    part = part.sort_values(["_c", "_w"], kind="stable").drop(columns=["_c", "_w"])
    tie = np.zeros(len(part), dtype=bool)
    if len(part) > n:
        tied = (part["count"] == part["count"].iloc[n - 1]).to_numpy()
        if (tied & (np.arange(len(part)) >= n)).any():
            tie = tied
    keep = (np.arange(len(part)) < n) | tie
    if keep.sum() > 2 * n:
        keep = np.arange(len(part)) < n
    return part[keep].assign(group=group, rank=range(1, int(keep.sum()) + 1), tie_at_cut=tie[keep])


def plot_top_words(wide: pd.DataFrame, groups, n: int = 15, colors: dict | None = None, *,
                   display: Mapping[str, str] | None = None):
    """One panel per group with that group's own ``n`` most frequent words (so a group's top
    words always appear, whatever the other groups use): rate per 10,000 words, raw counts at
    the bar ends, English glosses; panels share the rate axis. Words tied at the cut are all
    shown (hatched, up to twice ``n``).

    Parameters
    ----------
    wide : DataFrame
        ``helpers.frequency.top_by_group`` output: ``word`` and, per group, ``count_<g>`` and
        ``per_10k_<g>``; or the long ``frequency.frequency_table`` (``group, word, count,
        per_10k``), which also shows every tie at the cut. The wide table holds only each
        group's top words, so pass it with more than ``n`` per group to see ties there.
    groups : iterable
        Groups to draw, in panel order.
    n : int
        Words per group.
    colors : dict, optional
    display : mapping, optional
        word -> form to show.

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted rows (group, rank, word, count, per_10k,
    tie_at_cut).

    Examples
    --------
    >>> wide = pd.DataFrame({"word": ["a", "b"], "count_1": [3, 0], "per_10k_1": [30.0, 0],
    ...                      "count_2": [1, 5], "per_10k_2": [10.0, 50.0]})
    >>> plot_top_words(wide, [1, 2], n=1)[1][["group", "word"]].values.tolist()
    [[1, 'a'], [2, 'b']]
    """
    groups = list(groups)
    colors = colors or group_colors(groups)
    display = display or {}
    tops = [_own_top(wide, g, n) for g in groups]
    ncols = min(len(groups), 3)
    nrows = math.ceil(len(groups) / ncols)
    rows = max((len(t) for t in tops), default=1)
    panel_h = 0.2 * rows + 0.7
    fig, axes = plt.subplots(nrows, ncols, sharex=True, squeeze=False, layout="constrained",
                             figsize=(4.3 * ncols + 0.4,
                                      min(panel_h * nrows + 1.0, 3 * MAX_HEIGHT)))
    reach = max((t["per_10k"].max() for t in tops if len(t)), default=1)
    for ax, group, top in zip(axes.flat, groups, tops, strict=False):
        y = np.arange(len(top))[::-1]
        ax.barh(y, top["per_10k"], color=colors.get(group, NEUTRAL), edgecolor="white",
                hatch=["///" if t else "" for t in top["tie_at_cut"]])
        for yi, rate, count, tie in zip(y, top["per_10k"], top["count"], top["tie_at_cut"],
                                        strict=False):
            ax.text(rate, yi, f" {count}{' =' if tie else ''}", va="center",
                    fontsize=LABEL_SIZE - 1)
        _set_row_ticks(ax, y, [short_label(with_gloss(str(display.get(w, w))), 40)
                               for w in top["word"]])
        ax.set_ylim(-0.6, rows - 0.4)
        ax.set_title(f"{group}", fontsize=10, color=colors.get(group, "black"))
        ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax0 = axes.flat[0]
    ax0.set_xlim(0, reach * 1.25)
    for ax in list(axes.flat)[len(groups):]:
        ax.axis("off")
    label = ("rate per 10,000 words (every word counts in the base; stopwords are not listed); "
             "numbers: raw counts"
             + ("; = and hatched: tied at the cut" if any(t["tie_at_cut"].any() for t in tops)
                else ""))
    width = int(fig.get_figwidth() * 11)          # about 11 characters per inch at 9 pt
    fig.supxlabel("\n".join(textwrap.wrap(label, width)), fontsize=9)
    fig.suptitle(f"Each group's {n} most frequent words")
    data = pd.concat(tops, ignore_index=True) if tops else pd.DataFrame()
    return fig, data[["group", "rank", "word", "count", "per_10k", "tie_at_cut"]]


def plot_xray(pos: pd.DataFrame, corpus: pd.DataFrame, words, colors: dict | None = None):
    """Dispersion ("x-ray") plot: one row per article (ordered by date, undated last), a tick
    wherever a chosen word occurs along it (0 = start, 1 = end), one colour per word; article
    labels thinned when there are many rows.

    Parameters
    ----------
    pos : DataFrame
        ``frequency.positions`` output (``doc_id, word, relative``).
    corpus : DataFrame
        The articles (rows); labels from ``article_labels``.
    words : iterable of str
    colors : dict, optional
        word -> colour.

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted positions with their ``row``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "event": ["DC32"], "published": [pd.NaT]})
    >>> pos = pd.DataFrame({"doc_id": ["a"], "word": ["hòa bình"], "relative": [0.5]})
    >>> plot_xray(pos, corpus, ["hòa bình"])[1]["row"].tolist()
    [0]
    """
    words = list(words)
    colors = colors or {w: OKABE_ITO[i % len(OKABE_ITO)] for i, w in enumerate(words)}
    order = corpus.sort_values(["published", "doc_id"], na_position="last")["doc_id"].tolist()
    row_of = {d: r for r, d in enumerate(order)}
    if not order:
        fig, ax = plt.subplots(figsize=(8, 1.2), layout="constrained")
        _text_panel(ax, ["No article to draw: the table has no analysable article."])
        return fig, pos.iloc[:0].assign(row=pd.Series(dtype=int)).reset_index(drop=True)
    labels = article_labels(corpus)
    per_row = 0.55 * max(1, len(words) / 3)
    fig, ax = plt.subplots(figsize=(9.5, _height(len(order), per_row, 2.2)), layout="constrained")
    band = 0.8 / max(len(words), 1)
    if len(order) <= 200:
        ax.hlines(range(len(order)), 0, 1, color="#DDDDDD", linewidth=0.6, zorder=0)
    data = pos[pos["word"].isin(words) & pos["doc_id"].isin(row_of)].copy()
    data["row"] = data["doc_id"].map(row_of)
    for k, word in enumerate(words):
        part = data[data["word"] == word]
        y = part["row"] + (k - (len(words) - 1) / 2) * band
        ax.vlines(part["relative"], y - band / 2, y + band / 2, color=colors[word],
                  linewidth=1.6 if len(order) <= 200 else 0.8, label=with_gloss(word))
    _set_row_ticks(ax, range(len(order)), [short_label(labels[d], 40) for d in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(-0.01, 1.01)
    ax.set_xlabel("position in the article (0 = first word, 1 = last word)")
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, fontsize=LABEL_SIZE,
               loc="outside lower center", ncol=min(len(words), 3))
    _thin_ticks(fig, ax, "y")
    ax.set_title(f"Where the words occur in each article ({len(order):,}, ordered by date)")
    return fig, data.reset_index(drop=True)


# --- time figures ----------------------------------------------------------------------------

MAX_NUMBERED = 30   # the event timeline numbers and lists articles up to this many


def _approximate(frame: pd.DataFrame) -> pd.Series:
    """Whether each row's date is approximate (False where the column is absent)."""
    if "date_precision" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["date_precision"].eq("approximate").fillna(False).astype(bool)


def _marker_style(color: str, approximate: bool) -> dict:
    """Filled marker for a printed date, hollow (white inside) for an approximate one."""
    if approximate:
        return {"facecolor": "white", "edgecolor": color, "linewidths": 1.6}
    return {"color": color, "edgecolor": "white", "linewidths": 0.8}


def _timeline_notes(corpus, outside, numbered, listed: bool) -> list[str]:
    lines = []
    if listed:
        for r in numbered.itertuples():
            mark = "≈" if r.approx else ""
            lines.append(f"{r.number}  {mark}{r.published:%d/%m/%Y}  "
                         f"{_fallback_name(r._asdict(), 50)}"
                         f" · {r.outlet if pd.notna(r.outlet) else 'outlet not named'}"
                         f" · {r.kind if pd.notna(r.kind) else 'kind unknown'}")
    else:
        lines.append(f"{len(numbered):,} dated articles: marker area grows with the articles on a "
                     "day; counts shown where they fit, every article in the data table")
    undated = corpus[corpus["published"].isna()]
    if len(undated):
        names = ", ".join(_fallback_name(r, 30) for _, r in undated.head(5).iterrows())
        more = f" and {len(undated) - 5:,} more" if len(undated) > 5 else ""
        lines.append(f"{len(undated):,} article(s) without a known publication date, not on the "
                     f"axis: {names}{more}")
    if len(outside):
        lines.append(
            f"{len(outside):,} dated article(s) outside the date clusters given, not shown")
    return lines


def plot_event_timeline(corpus: pd.DataFrame, spans: pd.DataFrame, clusters, pad_days: int = 3,
                        *, max_numbered: int = MAX_NUMBERED):
    """The conferences as spans and each article as a point at its publication date (hollow
    when the date is approximate), one row per event, on a real date axis broken into one
    panel per cluster of dates, so a decade of conferences stays readable. Up to
    ``max_numbered`` articles are numbered and listed under the panels; beyond, points grow
    with the articles of a day. Undated articles are named in a note, never dropped silently.

    Parameters
    ----------
    corpus : DataFrame
        Reads ``doc_id, published, event``, and where present ``date_precision, year, kind,
        outlet, title, source_file``.
    spans : DataFrame
        ``timeline.conference_spans`` output (``code, start, end``).
    clusters : list of (Timestamp, Timestamp)
        ``timeline.date_clusters`` output: one panel each.
    pad_days : int
        Days shown either side of a cluster.
    max_numbered : int

    Returns
    -------
    (Figure, DataFrame) : the figure and the plotted articles (``number`` empty past
    ``max_numbered``; ``approximate``).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.NaT], "event": [None]})
    >>> fig, data = plot_event_timeline(corpus, pd.DataFrame(columns=["code", "start", "end"]), [])
    >>> len(data)
    0
    """
    corpus = corpus.reindex(columns=list(dict.fromkeys(
        [*corpus.columns, "doc_id", "published", "event", "year", "kind", "outlet", "title",
         "source_file", "date_precision"])))
    arts = corpus.dropna(subset=["published"]).sort_values(["published", "doc_id"])
    arts = arts.assign(approx=_approximate(arts), row_event=arts["event"].fillna("event unknown"))
    if not clusters:
        fig, ax = plt.subplots(figsize=(8, 2), layout="constrained")
        _text_panel(ax, ["No article in this corpus has a known publication date."
                         if arts.empty else "No date cluster was given: nothing to draw.",
                         f"{len(corpus):,} article(s) in the table."])
        return fig, arts[["doc_id", "published", "event"]].reset_index(drop=True)
    inside = np.zeros(len(arts), dtype=bool)
    pad = pd.Timedelta(days=pad_days)
    for a, b in clusters:
        inside |= ((arts["published"] >= a - pad) & (arts["published"] <= b + pad)).to_numpy()
    outside, arts = arts[~inside], arts[inside]
    listed = len(arts) <= max_numbered
    arts = arts.assign(number=pd.array(range(1, len(arts) + 1) if listed else [pd.NA] * len(arts),
                                       dtype="Int64"))
    first_seen = dict(zip(spans["code"], spans["start"], strict=False))
    for event, day in zip(arts["row_event"], arts["published"], strict=False):
        first_seen[event] = min(first_seen.get(event, day), day)
    events = sorted(first_seen, key=lambda e: (first_seen[e], e))
    row = {e: i for i, e in enumerate(events)}
    width = min(max(9.0, 1.25 * len(clusters) + 2.5), 20.0)
    notes = _wrap(_timeline_notes(corpus, outside, arts, listed), width - 0.6)
    fig, axes = _timeline_grid(clusters, pad_days, len(events), len(notes))
    colors = group_colors(arts["year"].dropna())
    labels = [_timeline_panel(fig, ax, a - pad, b + pad, spans, row, arts, colors, listed)
              for ax, (a, b) in zip(axes, clusters, strict=False)]
    axes[0].set_yticks(range(len(events)), events, fontsize=LABEL_SIZE + 1)
    axes[0].set_ylim(len(events) - 0.4, -0.9)
    _break_marks(axes)
    _text_panel(fig.axes[len(axes)], notes)
    _drop_crowded_ticks(fig, axes, "x")
    for ax, items in zip(axes, labels, strict=False):
        _place_labels(fig, ax, items, [(0, 10), (0, -10), (0, 20), (0, -20), (12, 0), (-12, 0),
                                       (0, 30), (12, 12), (-12, 12), (12, -12), (-12, -12)],
                      draw=False)
    fig.legend(handles=[
        mpl.lines.Line2D([], [], marker="o", linestyle="", color=NEUTRAL, label="printed date"),
        mpl.lines.Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
                         markeredgecolor=NEUTRAL, label="approximate date (≈)"),
        mpl.lines.Line2D([], [], linewidth=6, color="#CCCCCC", label="conference (known dates)")],
        loc="outside lower center", ncol=3, frameon=False, fontsize=LABEL_SIZE)
    fig.suptitle("Conferences (grey spans) and articles (points) on a broken date axis")
    data = arts.rename(columns={"approx": "approximate"})
    data = data[["number", "doc_id", "published", "approximate", "event", "year", "kind",
                 "outlet", "title"]]
    return fig, data.reset_index(drop=True)


def _timeline_grid(clusters, pad_days: int, n_events: int, n_notes: int):
    """Figure with one panel per cluster (widths by days, a floor for short ones) and a text
    block under them sized to its lines."""
    days = [max((b - a).days, 1) + 2 * pad_days for a, b in clusters]
    ratios = [max(d, 0.35 * max(days)) for d in days]
    width = min(max(9.0, 1.25 * len(clusters) + 2.5), 20.0)  # as in plot_event_timeline
    panel_h, text_h = 0.45 * n_events + 1.4, 0.15 * n_notes + 0.15
    fig = plt.figure(figsize=(width, panel_h + text_h + 0.8), layout="constrained")
    grid = fig.add_gridspec(2, len(clusters), width_ratios=ratios,
                            height_ratios=[panel_h, text_h], wspace=0.02)
    axes = [fig.add_subplot(grid[0, 0])]
    axes += [fig.add_subplot(grid[0, i], sharey=axes[0]) for i in range(1, len(clusters))]
    fig.add_subplot(grid[1, :])
    for ax in axes[1:]:
        ax.tick_params(axis="y", left=False, labelleft=False)
    return fig, axes


def _timeline_panel(fig, ax, lo, hi, spans, row, arts, colors, listed: bool) -> list:
    """Draw one panel; returns the labels to place once the figure is laid out."""
    for s in spans.itertuples():
        if pd.notna(s.start):
            ax.plot([s.start, s.end + pd.Timedelta(hours=20)], [row[s.code]] * 2, linewidth=9,
                    color="#CCCCCC", solid_capstyle="butt", zorder=1)
    here = arts[(arts["published"] >= lo) & (arts["published"] <= hi)]
    items = []
    mixed = here.groupby(["published", "row_event"])["approx"].nunique() > 1
    for (day, event, approx), group in here.groupby(["published", "row_event", "approx"],
                                                    sort=True):
        color = colors.get(group["year"].iat[0], NEUTRAL)
        size = 60 if listed else 30 + 25 * math.sqrt(len(group))
        y = row[event] + ((0.14 if approx else -0.14) if mixed[(day, event)] else 0)
        ax.scatter([day], [y], s=size, zorder=3, **_marker_style(color, approx))
        label = ",".join(map(str, group["number"])) if listed else f"{len(group)}"
        if listed or len(group) > 1:
            items.append((mdates.date2num(day), y, label, "black"))
    ax.set_xlim(lo, hi)
    width_in = ax.get_position().width * fig.get_figwidth()
    ax.xaxis.set_major_locator(
        mdates.AutoDateLocator(minticks=1, maxticks=max(2, int(width_in / 0.8))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    return items


def _break_marks(axes) -> None:
    for left, right in pairwise(axes):  # broken-axis marks
        left.spines["right"].set_visible(False)
        right.spines["left"].set_visible(False)
        for ax_, x in ((left, 1), (right, 0)):
            ax_.plot([x, x], [-0.02, 0.02], transform=ax_.transAxes, color="black",
                     clip_on=False, linewidth=0.8, marker=(2, 0, 45), markersize=8)


def plot_referenced_years(refs: pd.DataFrame, by: str = "year"):
    """One row per group: a bubble at each year the group's articles refer to, its area
    growing with the mentions, the count written where it fits; a tick marks the group's own
    year.

    Parameters
    ----------
    refs : DataFrame
        ``timeline.referenced_years`` output: ``by``, ``year_referred``, ``mentions``.
    by : str

    Returns
    -------
    (Figure, DataFrame) : the figure and ``refs`` with ``count_drawn``.

    Examples
    --------
    >>> refs = pd.DataFrame({"year": [2023], "year_referred": [2030], "mentions": [2]})
    >>> plot_referenced_years(refs)[1]["count_drawn"].tolist()
    [True]
    """
    groups = sorted(refs[by].unique())
    colors = group_colors(groups)
    fig, ax = plt.subplots(figsize=(10, _height(len(groups), 0.75, 1.8)), layout="constrained")
    top = max(int(refs["mentions"].max()) if len(refs) else 1, 1)
    items, index = [], []
    for i, group in enumerate(groups):
        part = refs[refs[by] == group]
        ax.scatter(part["year_referred"], [i] * len(part),
                   s=20 + 380 * np.sqrt(part["mentions"] / top), color=colors[group], alpha=0.7,
                   edgecolor="white")
        items += [(r.year_referred, i, str(r.mentions), "black") for r in part.itertuples()]
        index += list(part.index)
        if isinstance(group, numbers.Real):  # numpy integers included
            ax.plot([float(group)] * 2, [i + 0.2, i + 0.42], color="black", linewidth=1.2)
    ax.set_yticks(range(len(groups)), [short_label(f"{g} coverage", 24) for g in groups],
                  fontsize=LABEL_SIZE + 1)
    ax.set_ylim(len(groups) - 0.4, -0.6)
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, nbins=12))
    ax.set_xlabel("year referred to (tick below: the coverage's own year; numbers: mentions, "
                  "where they fit)")
    _thin_ticks(fig, ax, "y")
    drawn = _place_labels(fig, ax, items, [(0, 13), (0, -13), (0, 22), (0, -22)])
    ax.set_title("Which years does the coverage speak of?")
    data = refs.copy()
    data["count_drawn"] = pd.Series(drawn, index=index, dtype=bool).reindex(data.index)
    return fig, data.reset_index(drop=True)


def _group_dates(trends, per_article, dates, approximate) -> pd.DataFrame:
    """Date and precision of each group of ``trends``: from ``dates``/``approximate`` when
    given, else ``date``/``date_precision`` columns of ``trends``, else the group's earliest
    article in ``per_article`` (approximate when every article on that day is)."""
    groups = list(dict.fromkeys(trends["group"]))
    table = pd.DataFrame({"group": groups, "date": pd.NaT, "approximate": False})
    table["date"] = pd.to_datetime(table["date"])
    if dates is not None:
        table["date"] = pd.to_datetime([dates.get(g) for g in groups])
    elif "date" in trends.columns:
        first = trends.drop_duplicates("group").set_index("group")
        table["date"] = pd.to_datetime(first["date"].reindex(groups).to_numpy())
        table["approximate"] = _approximate(first).reindex(groups).to_numpy()
    elif per_article is not None and len(per_article):
        key = "group" if "group" in per_article.columns else "event"
        arts = per_article.drop_duplicates("doc_id").dropna(subset=["published"])
        arts = arts.assign(approx=_approximate(arts))
        for i, g in enumerate(groups):
            mine = arts[arts[key] == g]
            if len(mine):
                day = mine["published"].min()
                table.loc[i, "date"] = day
                table.loc[i, "approximate"] = bool(
                    mine.loc[mine["published"] == day, "approx"].all())
    if approximate is not None:
        table["approximate"] = [g in set(approximate) for g in groups]
    return table


def _evidence(group_row, meta: pd.DataFrame) -> str:
    """"≈DC31\n1 art., 445 words": the group (≈ for an approximate date) and what is behind
    its point."""
    mark = "≈" if group_row.approximate else ""
    behind = meta.loc[group_row.group]
    return f"{mark}{group_row.group}\n{behind['articles']} art., {behind['words']:,} words"


def plot_word_trends(trends: pd.DataFrame, per_article: pd.DataFrame | None = None, *,
                     dates: Mapping | None = None, approximate: Iterable | None = None,
                     display: Mapping[str, str] | None = None):
    """Rate per 10,000 words of each word per group (conference) on a real date axis, one
    line per word; above the axes, each point's evidence (group, articles, words), placed
    so that none overlap; hollow markers and "≈" for approximate dates; faint dots for single
    articles when ``per_article`` is given. Groups without a date are named in the x label.

    Parameters
    ----------
    trends : DataFrame
        ``timeline.word_trends`` output: ``group, word, count, words, articles, per_10k``;
        optional ``date`` and ``date_precision`` per group.
    per_article : DataFrame, optional
        ``timeline.article_word_rates`` output: ``doc_id, event`` (or ``group``),
        ``published, word, per_10k``; optional ``date_precision``.
    dates : mapping, optional
        group -> date of the point (overrides the columns).
    approximate : iterable, optional
        Groups whose date is approximate (overrides the columns).
    display : mapping, optional
        word -> form to show.

    Returns
    -------
    (Figure, DataFrame) : the figure and ``trends`` with ``date``, ``approximate`` and
    ``evidence_drawn``.

    Examples
    --------
    >>> trends = pd.DataFrame({"group": ["DC31", "DC32"], "word": ["hòa bình"] * 2,
    ...     "count": [1, 3], "words": [445, 900], "articles": [1, 2], "per_10k": [22.5, 33.3]})
    >>> data = plot_word_trends(trends, dates={"DC31": "2021-12-15", "DC32": "2023-12-19"})[1]
    >>> data["date"].dt.year.tolist()
    [2021, 2023]
    """
    display = display or {}
    when = _group_dates(trends, per_article, dates, approximate)
    dated = when.dropna(subset=["date"]).sort_values(["date", "group"], kind="stable")
    meta = trends.drop_duplicates("group").set_index("group")
    words = list(dict.fromkeys(trends["word"]))
    evidence_rows = min(max(len(dated), 1), 3)
    fig = plt.figure(figsize=(10 if len(dated) <= 6 else 12.5, 5.4 + 0.42 * evidence_rows),
                     layout="constrained")
    grid = fig.add_gridspec(2, 1, height_ratios=[0.42 * evidence_rows + 0.15, 4.6])
    strip = fig.add_subplot(grid[0])
    ax = fig.add_subplot(grid[1], sharex=strip)
    for k, word in enumerate(words):
        color = OKABE_ITO[k % len(OKABE_ITO)]
        own = trends[trends["word"] == word]
        own = own.drop(columns=[c for c in dated.columns if c != "group" and c in own])
        part = own.merge(dated, on="group").sort_values("date")
        ax.plot(part["date"], part["per_10k"], color=color,
                label=with_gloss(str(display.get(word, word))))
        for approx, pts in part.groupby("approximate"):
            ax.scatter(pts["date"], pts["per_10k"], s=36, zorder=3, **_marker_style(color, approx))
        if per_article is not None and len(per_article):
            arts = per_article[(per_article["word"] == word) & per_article["published"].notna()]
            ax.scatter(arts["published"], arts["per_10k"], s=10, color=color, alpha=0.35,
                       linewidths=0)
    if len(dated):
        span = (dated["date"].max() - dated["date"].min()) or pd.Timedelta(days=30)
        ax.set_xlim(dated["date"].min() - span * 0.08, dated["date"].max() + span * 0.08)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax.set_ylabel("rate per 10,000 words")
    undated = when.loc[when["date"].isna(), "group"].tolist()
    missing = f"\nnot on the axis (no date): {', '.join(map(str, undated))}" if undated else ""
    ax.set_xlabel(f"date of the conference's first article (hollow, ≈: approximate date){missing}")
    _legend_outside(ax, title="word")
    strip.axis("off")
    strip.set_ylim(0, 1)
    items = [(mdates.date2num(r.date), 1.0, _evidence(r, meta), "black")
             for r in dated.itertuples()]
    _thin_ticks(fig, ax, "x")
    fig.suptitle("Word rates by conference on a date axis (lines: pooled; dots: single articles)")
    drawn = _place_labels(fig, strip, items, [(0, -13 - 24 * r) for r in range(evidence_rows)],
                          clamp=True)
    data = trends.merge(when, on="group", how="left")
    drawn_by_group = dict(zip(dated["group"], drawn, strict=False))
    data["evidence_drawn"] = data["group"].map(drawn_by_group).fillna(False)
    return fig, data.reset_index(drop=True)
