"""One plotting style for every notebook, and saving figures that reproduce byte for byte.

Owns the look (font, sizes, colour-blind-safe palette, one colour per conference year) and
``save_figure`` (PNG + SVG + the plotted data as CSV, volatile metadata stripped, text NFC).
Does not compute what is plotted: that is the analysis modules' job.
"""
from __future__ import annotations

import numbers
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


def plot_keyness(table: pd.DataFrame, target, reference, n: int = 12,
                 colors: dict | None = None, title: str | None = None):
    """Diverging bars of signed G2: the ``n`` words most over-used in ``target`` (right) and in
    ``reference`` (left), labelled with English glosses and the two counts. A dashed line marks
    G2 = 3.84 (p = 0.05, uncorrected). Returns (figure, plotted data)."""
    from .glossary import with_gloss

    colors = colors or group_colors([target, reference])
    top = table.nlargest(n, "g2")
    top = top[top["g2"] > 0]
    bottom = table.nsmallest(n, "g2")
    bottom = bottom[bottom["g2"] < 0]
    data = pd.concat([top, bottom.iloc[::-1]]).sort_values("g2")
    data = data.assign(label=[with_gloss(w) for w in data["word"]])
    fig, ax = plt.subplots(figsize=(8.5, 0.3 * len(data) + 1.5))
    y = range(len(data))
    ax.barh(list(y), data["g2"], color=[colors[target] if g > 0 else colors[reference]
                                         for g in data["g2"]])
    ax.set_yticks(list(y), data["label"], fontsize=8)
    for yi, (g2, a, b) in enumerate(zip(data["g2"], data["a"], data["b"])):
        ax.text(g2, yi, f" {a}:{b} " if g2 > 0 else f" {a}:{b} ", va="center", fontsize=7,
                ha="left" if g2 > 0 else "right")
    for x in (-3.84, 3.84):
        ax.axvline(x, color=NEUTRAL, linestyle="--", linewidth=0.8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"signed log-likelihood G2  (← more in {reference} · more in {target} →)"
                  "\nlabels: count in " f"{target}:{reference}; dashed: p = 0.05 uncorrected")
    ax.set_title(title or f"Keywords of {target} against {reference}")
    return fig, data[["word", "label", "a", "b", "rate_target", "rate_reference", "g2", "p",
                      "log_ratio", "log_odds_z"]].reset_index(drop=True)


def plot_rate_scatter(table: pd.DataFrame, target, reference, n_labels: int = 8,
                      colors: dict | None = None):
    """Each word as a point: rate per 10,000 words in ``reference`` (x) against ``target`` (y),
    log scales. Zero counts are drawn at the Log Ratio zero adjustment (0.5 occurrences) as
    hollow points. The ``n_labels`` most extreme words each way by log-odds z are labelled.
    Returns (figure, plotted data)."""
    from .compare import ZERO_ADJUSTMENT
    from .frequency import PER
    from .glossary import with_gloss

    colors = colors or group_colors([target, reference])
    c, d = table["a"].sum(), table["b"].sum()
    data = table.assign(
        x=table["b"].where(table["b"] > 0, ZERO_ADJUSTMENT) / d * PER,
        y=table["a"].where(table["a"] > 0, ZERO_ADJUSTMENT) / c * PER,
        zero=(table["a"] == 0) | (table["b"] == 0),
    )
    fig, ax = plt.subplots(figsize=(10, 7))
    solid, hollow = data[~data["zero"]], data[data["zero"]]
    ax.scatter(solid["x"], solid["y"], s=14, color=NEUTRAL, alpha=0.6, label="in both")
    ax.scatter(hollow["x"], hollow["y"], s=14, facecolors="none", edgecolors=NEUTRAL,
               alpha=0.6, label="absent from one (drawn at 0.5)")
    lo = min(data["x"].min(), data["y"].min()) * 0.8
    hi = max(data["x"].max(), data["y"].max()) * 1.25
    ax.plot([lo, hi], [lo, hi], color="black", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    # Counts are small integers, so distinctive words often sit on the same point: number the
    # labelled points (one annotation per position) and list the words beside the axes.
    labelled = pd.concat([data.nlargest(n_labels, "log_odds_z"),
                          data.nsmallest(n_labels, "log_odds_z")])
    labelled = labelled.assign(number=range(1, len(labelled) + 1))
    along_row: dict[float, int] = {}
    for (x, y), group in labelled.groupby(["x", "y"], sort=True):
        color = colors[target] if group["log_odds_z"].iat[0] > 0 else colors[reference]
        k = along_row[y] = along_row.get(y, -1) + 1  # alternate above/below along a row
        ax.scatter(x, y, s=18, color=color)
        ax.annotate(",".join(map(str, group["number"])), (x, y), fontsize=7, color=color,
                    xytext=(3, 3 if k % 2 == 0 else -10), textcoords="offset points")
    for side, (sign, group_name) in enumerate(((1, target), (-1, reference))):
        rows = labelled[labelled["log_odds_z"] * sign > 0]
        lines = [f"more in {group_name}:"] + [f"{r.number}  {with_gloss(r.word)}"
                                               for r in rows.itertuples()]
        ax.text(1.04, 1.0 - side * 0.5, "\n".join(lines), transform=ax.transAxes, va="top",
                fontsize=8, color=colors[target] if sign > 0 else colors[reference])
    ax.set_xlabel(f"rate per 10,000 words in {reference} (log)")
    ax.set_ylabel(f"rate per 10,000 words in {target} (log)")
    ax.set_title(f"Word rates, {target} against {reference}\n"
                 f"labelled: the {n_labels} most distinctive each way (log-odds z)")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    out = data.merge(labelled[["word", "number"]], on="word", how="left")
    out["number"] = out["number"].astype("Int64")
    return fig, out[["word", "a", "b", "x", "y", "zero", "log_odds_z", "number"]].rename(
        columns={"x": "rate_reference_plotted", "y": "rate_target_plotted"})


def plot_similarity(sims: pd.DataFrame, labels: pd.Series):
    """Heatmap of article-by-article cosine similarity, in the order given, with the values
    written in the cells. ``labels`` maps doc_id to a tick label. Returns (figure, data)."""
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    image = ax.imshow(sims.to_numpy(), cmap="viridis", vmin=0, vmax=1)
    ticks = [labels[d] for d in sims.index]
    ax.set_xticks(range(len(ticks)), ticks, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(ticks)), ticks, fontsize=8)
    for i in range(len(sims)):
        for j in range(len(sims)):
            value = sims.iat[i, j]
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                    color="white" if value < 0.6 else "black")
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, label="cosine similarity of TF-IDF vectors")
    ax.set_title("How alike are the articles? (ordered by date)")
    data = sims.copy()
    data.index.name = "doc_id"
    return fig, data.reset_index()


def plot_topic_shares(shares: pd.DataFrame, topics: pd.DataFrame):
    """Stacked bars: each group's share of each NMF topic, with the topics' top words in the
    legend. Returns (figure, data)."""
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(shares) + 2.8))
    left = pd.Series(0.0, index=shares.index)
    y = list(range(len(shares)))[::-1]
    for i, topic in enumerate(shares.columns):
        words = topics.set_index("topic").loc[topic, "top words"].split(", ")[:5]
        ax.barh(y, shares[topic], left=left, color=OKABE_ITO[i % len(OKABE_ITO)],
                label=f"{topic}: {', '.join(words)}")
        for yi, (l, w) in zip(y, zip(left, shares[topic])):
            if w > 0.06:
                ax.text(l + w / 2, yi, f"{w:.0%}", ha="center", va="center", fontsize=8,
                        color="white")
        left = left + shares[topic]
    ax.set_yticks(y, [str(g) for g in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the group's words (paragraph topic weights, weighted by length)")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    ax.set_title("Topics per conference year (NMF on paragraphs)")
    data = shares.copy()
    data.index.name = shares.index.name or "group"
    return fig, data.reset_index()


def article_labels(corpus: pd.DataFrame) -> pd.Series:
    """A short unique label per article, indexed by doc_id: "EVENT dd/mm/yyyy kind", with the
    author (or a number) added where two articles would otherwise share a label."""
    def base(row):
        date = f"{row['published']:%d/%m/%Y}" if pd.notna(row["published"]) else "date?"
        parts = [row["event"] if pd.notna(row["event"]) else "event?", date]
        if pd.notna(row["kind"]):
            parts.append(row["kind"])
        return " ".join(parts)

    labels = corpus.set_index("doc_id").apply(base, axis=1)
    for label, ids in labels.groupby(labels).groups.items():
        if len(ids) > 1:
            for n, doc in enumerate(ids, 1):
                author = corpus.set_index("doc_id").loc[doc, "author"]
                labels[doc] = f"{label} ({author})" if pd.notna(author) else f"{label} ({n})"
    if labels.duplicated().any():  # same author twice: fall back to numbers
        labels = labels + " #" + pd.Series(range(1, len(labels) + 1), index=labels.index).astype(str)
    return labels


def plot_top_words(wide: pd.DataFrame, groups, n: int = 15, colors: dict | None = None):
    """Paired horizontal bars: rate per 10,000 words of each of the top words in each group
    (``helpers.frequency.top_by_group`` output), counts written at the bar ends, English
    glosses in the labels. Returns (figure, plotted data)."""
    from .glossary import with_gloss

    groups = list(groups)
    colors = colors or group_colors(groups)
    data = wide.head(n).iloc[::-1].reset_index(drop=True)
    height = 0.8 / len(groups)
    fig, ax = plt.subplots(figsize=(8.5, 0.42 * len(data) + 1.4))
    for k, group in enumerate(groups):
        y = [i + (k - (len(groups) - 1) / 2) * height for i in range(len(data))]
        rates, counts = data[f"per_10k_{group}"], data[f"count_{group}"]
        ax.barh(y, rates, height=height, color=colors[group], label=str(group))
        for yi, rate, count in zip(y, rates, counts):
            ax.text(rate, yi, f" {count}", va="center", fontsize=7)
    ax.set_yticks(range(len(data)), [with_gloss(w) for w in data["word"]], fontsize=8)
    ax.set_xlabel("rate per 10,000 words (stopwords removed); numbers: raw counts")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], frameon=False, loc="lower right")
    ax.set_title("Most frequent words per conference year")
    return fig, data.iloc[::-1].reset_index(drop=True)


def plot_xray(pos: pd.DataFrame, corpus: pd.DataFrame, words, colors: dict | None = None):
    """Dispersion ("x-ray") plot: one row per article (ordered by date), a tick wherever a
    chosen word occurs along it (0 = start, 1 = end), one colour per word. Returns (figure,
    plotted data)."""
    from .glossary import with_gloss

    words = list(words)
    colors = colors or {w: OKABE_ITO[i % len(OKABE_ITO)] for i, w in enumerate(words)}
    order = corpus.sort_values(["published", "doc_id"])["doc_id"].tolist()
    labels = article_labels(corpus)
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(order) * max(1, len(words) / 3) + 1.6))
    band = 0.8 / len(words)
    for r, doc in enumerate(order):
        ax.axhline(r, color="#DDDDDD", linewidth=0.6, zorder=0)
        for k, word in enumerate(words):
            xs = pos.loc[(pos["doc_id"] == doc) & (pos["word"] == word), "relative"]
            y = r + (k - (len(words) - 1) / 2) * band
            ax.vlines(xs, y - band / 2, y + band / 2, color=colors[word], linewidth=1.6,
                      label=with_gloss(word) if r == 0 else None)
    ax.set_yticks(range(len(order)), [labels[d] for d in order], fontsize=8)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(-0.01, 1.01)
    ax.set_xlabel("position in the article (0 = first word, 1 = last word)")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12),
              ncol=min(len(words), 4))
    ax.set_title("Where the words occur in each article (ordered by date)")
    data = pos[pos["word"].isin(words)].copy()
    data["row"] = data["doc_id"].map({d: r for r, d in enumerate(order)})
    return fig, data.reset_index(drop=True)


def plot_event_timeline(corpus: pd.DataFrame, spans: pd.DataFrame, clusters, pad_days: int = 3):
    """The conferences as spans and each article as a numbered point at its publication date,
    one row per event, on a real date axis broken into one panel per cluster of dates (so two
    clusters years apart both stay readable). Article labels (short title, outlet, kind) are
    listed under the panels. Returns (figure, plotted data)."""
    import matplotlib.dates as mdates

    arts = corpus.dropna(subset=["published"]).sort_values(["published", "doc_id"])
    if not clusters:
        fig, ax = plt.subplots(figsize=(8, 2))
        ax.axis("off")
        ax.text(0.5, 0.5, "No article in this corpus has a known publication date.",
                ha="center", va="center")
        return fig, arts[["doc_id", "published", "event"]].reset_index(drop=True)
    first_seen = {}
    for code, start in zip(spans["code"], spans["start"]):
        first_seen[code] = start
    for event, day in zip(arts["event"].fillna("?"), arts["published"]):
        first_seen[event] = min(first_seen.get(event, day), day)
    events = sorted(first_seen, key=lambda e: (first_seen[e], e))  # rows in date order
    row = {e: i for i, e in enumerate(events)}
    widths = [max((b - a).days, 1) + 2 * pad_days for a, b in clusters]
    fig, axes = plt.subplots(1, len(clusters), sharey=True, squeeze=False,
                             figsize=(9, 0.6 * len(events) + 3.2),
                             gridspec_kw={"width_ratios": widths, "wspace": 0.08})
    axes = axes[0]
    colors = group_colors(arts["year"].dropna())
    numbered = arts.assign(number=range(1, len(arts) + 1))
    for ax, (a, b) in zip(axes, clusters):
        lo, hi = a - pd.Timedelta(days=pad_days), b + pd.Timedelta(days=pad_days)
        for s in spans.itertuples():
            ax.plot([s.start, s.end + pd.Timedelta(hours=20)], [row[s.code]] * 2, linewidth=9,
                    color="#CCCCCC", solid_capstyle="butt", zorder=1)
        inside = numbered[(numbered["published"] >= lo) & (numbered["published"] <= hi)]
        for (day, event), group in inside.groupby(["published", "event"], sort=True):
            for k, art in enumerate(group.itertuples()):
                y = row.get(art.event if pd.notna(art.event) else "?")
                ax.scatter(art.published, y, s=60, zorder=3,
                           color=colors.get(art.year, NEUTRAL), edgecolor="white")
                ax.annotate(str(art.number), (art.published, y), xytext=(0, 8 + 10 * k),
                            textcoords="offset points", ha="center", fontsize=8)
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
        ax.tick_params(axis="x", labelsize=8)
    for left, right in zip(axes[:-1], axes[1:]):  # broken-axis marks
        left.spines["right"].set_visible(False)
        right.spines["left"].set_visible(False)
        right.tick_params(axis="y", left=False)
        for ax_, x in ((left, 1), (right, 0)):
            ax_.plot([x, x], [-0.02, 0.02], transform=ax_.transAxes, color="black",
                     clip_on=False, linewidth=0.8, marker=(2, 0, 45), markersize=8)
    axes[0].set_yticks(range(len(events)), events)
    axes[0].set_ylim(len(events) - 0.4, -0.8)
    lines = [f"{r.number}  {short_label(r.title, 60)} · "
             f"{r.outlet if pd.notna(r.outlet) else 'outlet not named'}"
             f" · {r.kind if pd.notna(r.kind) else 'kind unknown'}" for r in numbered.itertuples()]
    undated = len(corpus) - len(arts)
    if undated:
        lines.append(f"({undated} article(s) without a known publication date not shown)")
    fig.text(0.1, -0.02, "\n".join(lines), va="top", fontsize=8)
    fig.suptitle("Conferences (grey spans) and articles (points) on a broken date axis")
    data = numbered[["number", "doc_id", "published", "event", "year", "kind", "outlet", "title"]]
    return fig, data.reset_index(drop=True)


def plot_referenced_years(refs: pd.DataFrame, by: str = "year"):
    """One row per group: a bubble at each year the group's articles refer to, sized and
    labelled by the number of mentions; a tick marks the group's own year. Returns (figure,
    data)."""
    groups = sorted(refs[by].unique())
    colors = group_colors(groups)
    fig, ax = plt.subplots(figsize=(9, 0.9 * len(groups) + 1.6))
    for i, group in enumerate(groups):
        part = refs[refs[by] == group]
        ax.scatter(part["year_referred"], [i] * len(part), s=40 + 25 * part["mentions"],
                   color=colors[group], alpha=0.7, edgecolor="white")
        for r in part.itertuples():
            ax.annotate(str(r.mentions), (r.year_referred, i), xytext=(0, 12),
                        textcoords="offset points", ha="center", fontsize=8)
        if isinstance(group, numbers.Real):  # numpy integers included
            ax.plot([group, group], [i + 0.2, i + 0.42], color="black", linewidth=1.2)
    ax.set_yticks(range(len(groups)), [f"{g} coverage" for g in groups])
    ax.set_ylim(len(groups) - 0.4, -0.6)
    ax.set_xlabel("year referred to (tick below: the coverage's own year; numbers: mentions)")
    ax.set_title("Which years does the coverage speak of?")
    return fig, refs.reset_index(drop=True)


def plot_word_trends(trends: pd.DataFrame, per_article: pd.DataFrame | None = None):
    """Rate per 10,000 words of each word per conference (groups in date order), one line per
    word; the number of articles and words behind each point under the axis; faint dots for
    single articles when ``per_article`` is given. Returns (figure, data)."""
    from .glossary import with_gloss

    groups = list(dict.fromkeys(trends["group"]))
    words = list(dict.fromkeys(trends["word"]))
    x = {g: i for i, g in enumerate(groups)}
    fig, ax = plt.subplots(figsize=(8.5, 4.8))
    for k, word in enumerate(words):
        part = trends[trends["word"] == word]
        color = OKABE_ITO[k % len(OKABE_ITO)]
        ax.plot([x[g] for g in part["group"]], part["per_10k"], marker="o", color=color,
                label=with_gloss(word))
        if per_article is not None:
            arts = per_article[(per_article["word"] == word) & per_article["event"].isin(groups)]
            ax.scatter([x[e] + 0.06 * (k - len(words) / 2) for e in arts["event"]],
                       arts["per_10k"], s=10, color=color, alpha=0.35)
    meta = trends.drop_duplicates("group").set_index("group")
    ax.set_xticks(range(len(groups)), [f"{g}\n{meta.loc[g, 'articles']} art., "
                                       f"{meta.loc[g, 'words']:,} words" for g in groups])
    ax.set_ylabel("rate per 10,000 words")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("Word rates by conference (lines: pooled; dots: single articles)")
    return fig, trends.reset_index(drop=True)
