"""One plotting style for every notebook, and saving figures that reproduce byte for byte.

Owns the look (font, sizes, colour-blind-safe palette, one colour per conference year) and
``save_figure`` (PNG + SVG + the plotted data as CSV, volatile metadata stripped, text NFC).
Does not compute what is plotted: that is the analysis modules' job.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.text import Text

from .paths import figures_dir
from .text import normalize_text

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000"]
NEUTRAL = "#7F7F7F"


def set_style() -> None:
    """Apply the project style: DejaVu Sans (covers every Vietnamese letter), readable sizes,
    the Okabe-Ito palette, and settings that make saved files reproducible."""
    mpl.rcParams.update({
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.labelsize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "svg.hashsalt": "vn-diplomacy",  # fixed ids inside SVG files
        "svg.fonttype": "path",
        "figure.max_open_warning": 0,
    })


def group_colors(groups) -> dict:
    """One colour per group (e.g. conference year), assigned in sorted order so that the same
    groups always get the same colours in every notebook.

    >>> group_colors([2023, 2021])
    {2021: '#0072B2', 2023: '#D55E00'}
    """
    ordered = sorted(set(groups), key=lambda g: (str(type(g)), g))
    return {g: OKABE_ITO[i % len(OKABE_ITO)] for i, g in enumerate(ordered)}


def _normalize_figure_text(fig) -> None:
    for text in fig.findobj(Text):
        content = text.get_text()
        if content:
            text.set_text(normalize_text(content))


def save_figure(fig, name: str, data: pd.DataFrame | None = None, folder=None) -> list[str]:
    """Save ``fig`` as ``name``.png and .svg, and ``data`` (what is plotted) as ``name``.csv, in
    ``figures/`` (or ``$HELPERS_FIGURES_DIR``). Re-running writes identical bytes. Returns the
    file names written.

    >>> fig, ax = plt.subplots(); _ = ax.bar(["hòa bình"], [3])
    >>> save_figure(fig, "00-example", folder=__import__("tempfile").mkdtemp())
    ['00-example.png', '00-example.svg']
    """
    out = Path(folder) if folder is not None else figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    _normalize_figure_text(fig)
    written = []
    fig.savefig(out / f"{name}.png", format="png", metadata={"Software": None})
    written.append(f"{name}.png")
    fig.savefig(out / f"{name}.svg", format="svg", metadata={"Date": None, "Creator": None})
    written.append(f"{name}.svg")
    if data is not None:
        data.to_csv(out / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
        written.append(f"{name}.csv")
    return written


def short_label(title: str, width: int = 38) -> str:
    """A title cut at a word boundary to fit a label: "Hội nghị Ngoại giao lần thứ 31 tạo…"."""
    title = " ".join(str(title).split())
    if len(title) <= width:
        return title
    cut = title[:width + 1].rsplit(" ", 1)[0]  # a word ending right at `width` is kept
    return cut.rstrip(" ,:;-") + "…"


def plot_article_lengths(corpus: pd.DataFrame, group: str = "year"):
    """Horizontal bars, one per article (words kept after cleaning), coloured by ``group`` and
    ordered by group then date. Returns (figure, the plotted data)."""
    data = corpus.sort_values([group, "published", "doc_id"]).assign(
        label=lambda d: d["event"].fillna("?") + " · " + d["title"].fillna("?").map(short_label))
    data = data[["doc_id", "label", group, "event", "published", "n_words", "n_paragraphs"]]
    colors = group_colors(data[group].dropna())
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.2))
    y = range(len(data))[::-1]
    ax.barh(list(y), data["n_words"], color=[colors.get(g, NEUTRAL) for g in data[group]])
    ax.set_yticks(list(y), data["label"])
    for yi, n in zip(y, data["n_words"]):
        ax.text(n, yi, f" {n}", va="center", fontsize=8)
    ax.set_xlabel("words in the clean article (segmented words, no punctuation or numbers)")
    handles = [mpl.patches.Patch(color=c, label=str(g)) for g, c in colors.items()]
    ax.legend(handles=handles, title=group, loc="lower right", frameon=False)
    ax.set_title("Article length by conference")
    return fig, data.reset_index(drop=True)


def plot_removals(summary: pd.DataFrame):
    """Stacked horizontal bars: lines removed from each page, by reason. Returns (figure, data)."""
    reasons = [c for c in summary.columns if c != "total"]
    reasons = sorted(reasons, key=lambda r: -summary[r].sum())
    data = summary[reasons]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.6))
    left = pd.Series(0, index=data.index)
    palette = OKABE_ITO + [NEUTRAL, "#B07AA1", "#9C755F", "#76B7B2", "#EDC948"]
    y = list(range(len(data)))[::-1]
    for i, reason in enumerate(reasons):
        ax.barh(y, data[reason], left=left, label=reason, color=palette[i % len(palette)])
        left = left + data[reason]
    ax.set_yticks(y, data.index)
    ax.set_xlabel("non-blank lines removed")
    ax.legend(ncol=3, fontsize=8, frameon=False, loc="upper center",
              bbox_to_anchor=(0.5, -0.18 - 0.02 * len(data)))
    ax.set_title("What cleaning removed from each page, by reason")
    return fig, data.reset_index()
