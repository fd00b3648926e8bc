"""What each figure shows: labels without junk, clustered heatmaps, honest significance lines
and cuts, each group's own top words, real date axes, approximate dates marked."""
from __future__ import annotations

import subprocess
import sys
from itertools import pairwise

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import helpers
import plot_inputs as inputs
from figure_text import drawn_text_boxes, text_problems
from helpers import plotting, timeline


@pytest.fixture(autouse=True)
def _close_figures():
    helpers.set_style()
    yield
    plt.close("all")


# --- the overlap checker itself --------------------------------------------------------------

def test_overlap_checker_finds_overlapping_and_escaping_text():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.text(0.5, 0.5, "hòa bình", transform=ax.transAxes)
    ax.text(0.52, 0.5, "hợp tác", transform=ax.transAxes)
    ax.text(1.5, 0.5, "ngoài hình", transform=ax.transAxes)
    problems = text_problems(fig)
    assert any(p.startswith("overlap") and "hòa bình" in p and "hợp tác" in p for p in problems)
    assert any(p.startswith("outside") and "ngoài hình" in p for p in problems)

# Each test renders several large figures: they run with the slow tests (make test).
pytestmark = pytest.mark.slow


def test_overlap_checker_sees_only_drawn_text():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set_xticks([0.5, 5.0], ["shown", "out of view"])
    ax.set_xlim(0, 1)  # after set_xticks, which widens the view to its ticks
    hidden = ax.text(0.5, 0.5, "hidden")
    hidden.set_visible(False)
    texts = [t for t, _ in drawn_text_boxes(fig)]
    assert "shown" in texts and "out of view" not in texts and "hidden" not in texts


# --- labels ----------------------------------------------------------------------------------

def test_article_labels_show_only_what_is_known():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "event": ["DC32", None, None, "DC31"],
        "published": pd.to_datetime(["2023-12-19", None, "2021-12-15", None]),
        "date_precision": ["approximate", None, "day", None],
        "kind": [None, None, "interview", None],
        "title": [None, "Bế mạc Hội nghị Ngoại giao lần thứ 32: đổi mới, nâng cao hiệu quả", None,
                  None],
        "source_file": ["a.txt", "b.txt", "c.txt", "d.txt"],
    })
    labels = helpers.article_labels(corpus)
    assert labels["a"] == "DC32 ≈19/12/2023"
    assert labels["b"].startswith("Bế mạc Hội nghị") and labels["b"].endswith("…")
    assert labels["c"] == "15/12/2021 interview"
    assert labels["d"] == "DC31"
    assert not any("?" in label or "nan" in label.lower() for label in labels)


def test_article_labels_are_unique_with_the_author_title_or_a_number():
    corpus = pd.DataFrame({"doc_id": list("abcd"), "event": ["DC32"] * 4,
                           "author": ["Kim Hồng", "Chu Văn", None, None],
                           "title": [None, None, "Bế mạc", "Bế mạc"],
                           "source_file": ["a.txt", "b.txt", "c.txt", "d.txt"]})
    labels = helpers.article_labels(corpus)
    assert labels.is_unique
    assert labels["a"] == "DC32 (Kim Hồng)" and labels["b"] == "DC32 (Chu Văn)"


# --- similarity ------------------------------------------------------------------------------

def test_similarity_is_ordered_by_clustering_so_groups_sit_together():
    corpus = inputs.make_corpus(30, 3).sample(frac=1, random_state=5)  # groups interleaved
    sims = inputs.similarity(corpus)
    _, data = plotting.plot_similarity(sims, helpers.article_labels(corpus))
    years = corpus.set_index("doc_id").loc[data["doc_id"], "year"].tolist()
    runs = sum(1 for a, b in pairwise(years) if a != b) + 1
    assert runs == 3
    _, again = plotting.plot_similarity(sims, helpers.article_labels(corpus))
    assert again["doc_id"].tolist() == data["doc_id"].tolist()


@pytest.mark.parametrize("n, numbered", [(5, True), (12, True), (13, False), (40, False)])
def test_similarity_writes_cell_values_only_for_few_articles(n, numbered):
    corpus = inputs.make_corpus(n, 3)
    fig, _ = plotting.plot_similarity(inputs.similarity(corpus), helpers.article_labels(corpus))
    cells = [t for t in fig.axes[0].texts if t.get_text().startswith(("0.", "1."))]
    assert (len(cells) == n * n) if numbered else not cells


def test_large_similarity_shows_a_group_strip_instead_of_labels():
    corpus = inputs.make_corpus(300, 10)
    fig, _ = plotting.plot_similarity(inputs.similarity(corpus), helpers.article_labels(corpus),
                                      groups=corpus.set_index("doc_id")["year"])
    heat = next(a for a in fig.axes if a.get_images()
                and a.get_images()[0].get_array().shape == (300, 300))
    assert heat.get_xticklabels() == [] and "300 articles" in heat.get_xlabel()
    legend_texts = {t.get_text() for t in fig.legends[0].get_texts()}
    assert legend_texts == {str(y) for y in inputs.groups_of(10)}


# --- keyness ---------------------------------------------------------------------------------

def _keyness_table():
    words = ["Hà Nội", "Tập Cận Bình", "quyết tâm", "chỉ đạo", "lãnh đạo", "tiên phong", "và"]
    return pd.DataFrame({"word": words, "a": [20, 12, 5, 5, 5, 3, 10], "b": [1, 0, 0, 0, 0, 9, 30],
                         "g2": [25.0, 16.0, 6.9, 6.9, 6.9, -4.0, -12.0],
                         "p": [1e-6, 6e-5, 0.009, 0.009, 0.009, 0.045, 0.0005],
                         "rate_target": 1.0, "rate_reference": 1.0, "log_ratio": 1.0,
                         "log_odds_z": 1.0})


def test_keyness_draws_p05_bonferroni_and_bh_lines_with_labels():
    table = _keyness_table()
    fig, _ = plotting.plot_keyness(table, 2023, 2021, n=5, n_tests=100)
    ax = fig.axes[0]
    xs = sorted({round(abs(line.get_xdata()[0]), 2) for line in ax.get_lines()} - {0.0})
    bonferroni = round(helpers.compare.bonferroni_g2(100), 2)
    assert 3.84 in xs and bonferroni in xs
    labels = " ".join(t.get_text() for t in fig.legends[0].get_texts())
    assert "p = 0.05" in labels and "Bonferroni over 100 words" in labels
    assert "Benjamini-Hochberg" in labels


def test_keyness_shows_every_word_tied_at_the_cut_and_marks_them():
    fig, data = plotting.plot_keyness(_keyness_table(), 2023, 2021, n=3)
    right = data[data["g2"] > 0]
    assert set(right["word"]) == {"Hà Nội", "Tập Cận Bình", "quyết tâm", "chỉ đạo", "lãnh đạo"}
    assert right.set_index("word")["tie_at_cut"].to_dict() == {
        "Hà Nội": False, "Tập Cận Bình": False, "quyết tâm": True, "chỉ đạo": True,
        "lãnh đạo": True}
    tied_bars = [p for p in fig.axes[0].patches if p.get_hatch()]
    assert len(tied_bars) == 3


def test_keyness_reads_a_tie_column_and_keeps_proper_names_as_given():
    table = _keyness_table().assign(tie_at_cut=lambda t: t["word"] == "và")
    _, data = plotting.plot_keyness(table, 2023, 2021, n=5, display={"tiên phong": "Tiên phong"})
    assert data.set_index("word").loc["và", "tie_at_cut"]
    assert "Hà Nội" in data["label"].tolist() and "Tập Cận Bình" in data["label"].tolist()
    assert any(label.startswith("Tiên phong") for label in data["label"])


# --- top words -------------------------------------------------------------------------------

def test_top_words_show_each_groups_own_top_words():
    # 2021 is small: ranked by raw count over both groups, its words would never make the cut.
    table = pd.DataFrame({
        "group": [2021] * 3 + [2023] * 6,
        "word": ["chỉ đạo", "lãnh đạo", "hòa bình", "a", "b", "c", "d", "e", "hòa bình"],
        "count": [3, 2, 1, 90, 80, 70, 60, 50, 40],
        "per_10k": [300.0, 200.0, 100.0, 90.0, 80.0, 70.0, 60.0, 50.0, 40.0], "docs": 1})
    wide = helpers.frequency.top_by_group(table, n=3)
    _, data = plotting.plot_top_words(wide, [2021, 2023], n=2)
    assert data[data["group"] == 2021]["word"].tolist() == ["chỉ đạo", "lãnh đạo"]
    assert data[data["group"] == 2023]["word"].tolist() == ["a", "b"]


def test_top_words_from_the_long_table_show_every_tie_at_the_cut():
    table = pd.DataFrame({"group": [2021] * 5, "word": ["đảng", "chỉ đạo", "ban", "an", "bộ"],
                          "count": [9, 4, 4, 4, 1], "per_10k": [90.0, 40.0, 40.0, 40.0, 10.0],
                          "docs": 1})
    fig, data = plotting.plot_top_words(table, [2021], n=2)
    assert data["word"].tolist() == ["đảng", "an", "ban", "chỉ đạo"]  # ties in Vietnamese order
    assert data["tie_at_cut"].tolist() == [False, True, True, True]
    assert "tied at the cut" in fig.get_supxlabel()


# --- time ------------------------------------------------------------------------------------

def _trends():
    return pd.DataFrame({"group": ["NFAC", "DC31", "DC32"] * 1, "word": "ngoại giao",
                         "count": [5, 2, 9], "words": [2000, 445, 3000], "articles": [2, 1, 2],
                         "per_10k": [25.0, 44.9, 30.0]})


def test_word_trends_use_a_real_date_axis_and_hollow_approximate_points():
    dates = {"NFAC": "2021-12-14", "DC31": "2021-12-15", "DC32": "2023-12-19"}
    fig, data = plotting.plot_word_trends(_trends(), dates=dates, approximate=["NFAC"])
    ax = fig.axes[1]
    xs = ax.get_lines()[0].get_xdata()
    days = np.diff(matplotlib.dates.date2num(pd.to_datetime(xs)))
    assert days[0] == pytest.approx(1) and days[1] == pytest.approx(734)
    hollow = [c for c in ax.collections if len(c.get_offsets()) and
              np.allclose(c.get_facecolor()[0][:3], 1)]
    assert len(hollow) == 1 and len(hollow[0].get_offsets()) == 1
    evidence = [t.get_text() for t in fig.axes[0].texts]
    assert "≈NFAC\n2 art., 2,000 words" in evidence and "DC31\n1 art., 445 words" in evidence
    assert data["evidence_drawn"].all()


def test_word_trends_dates_come_from_the_articles_and_undated_groups_are_named():
    per_article = pd.DataFrame({"doc_id": ["x", "y"], "event": ["NFAC", "DC32"],
                                "published": pd.to_datetime(["2021-12-13", "2023-12-19"]),
                                "date_precision": ["approximate", "day"], "word": "ngoại giao",
                                "per_10k": [20.0, 31.0]})
    fig, data = plotting.plot_word_trends(_trends(), per_article)
    when = data.drop_duplicates("group").set_index("group")
    assert when.loc["NFAC", "approximate"] and not when.loc["DC32", "approximate"]
    assert pd.isna(when.loc["DC31", "date"])
    assert "not on the axis (no date): DC31" in fig.axes[1].get_xlabel()


def test_word_trends_keep_every_evidence_label_for_a_decade_of_conferences():
    corpus = inputs.make_corpus(300, 10)
    trends, per_article = inputs.trends(corpus)
    fig, data = plotting.plot_word_trends(trends, per_article)
    assert data["evidence_drawn"].all() and data["group"].nunique() == 10
    assert text_problems(fig) == []


def test_event_timeline_spans_a_decade_and_names_undated_articles():
    corpus = inputs.make_corpus(40, 10)
    clusters = timeline.date_clusters(corpus["published"])
    fig, data = plotting.plot_event_timeline(corpus, inputs.spans(corpus), clusters)
    assert len(clusters) == 10 and len(fig.axes) == 11  # ten panels and the notes
    undated = corpus["published"].isna().sum()
    notes = fig.axes[10].texts[0].get_text()
    assert undated and f"{undated} article(s) without a known publication date" in notes
    assert len(data) + undated == len(corpus)
    assert data["approximate"].tolist() == (
        corpus.dropna(subset=["published"]).sort_values(["published", "doc_id"])
        ["date_precision"].eq("approximate").tolist())
    assert text_problems(fig) == []


def test_event_timeline_draws_approximate_dates_hollow_and_marks_them_in_the_list():
    corpus = inputs.make_corpus(2, 1)  # one printed date, one approximate
    fig, data = plotting.plot_event_timeline(corpus, inputs.spans(corpus),
                                             timeline.date_clusters(corpus["published"]))
    faces = [tuple(c.get_facecolor()[0][:3]) for c in fig.axes[0].collections]
    assert (1.0, 1.0, 1.0) in faces and any(f != (1.0, 1.0, 1.0) for f in faces)
    notes = fig.axes[-1].texts[0].get_text()
    assert notes.count("≈") == int(data["approximate"].sum()) == 1


def test_event_timeline_without_any_date_says_so():
    corpus = inputs.make_corpus(3, 1).assign(published=pd.NaT)
    fig, data = plotting.plot_event_timeline(corpus, inputs.spans(corpus), [])
    assert data.empty
    note = fig.axes[0].texts[0].get_text()
    assert "No article in this corpus has a known publication date." in note


# --- reproducibility -------------------------------------------------------------------------

SCRIPT = """
import sys
sys.path.insert(0, sys.argv[2])
import helpers
from helpers import timeline
import plot_inputs as inputs
helpers.set_style()
corpus = inputs.make_corpus(40, 6)
fig, data = helpers.plot_similarity(inputs.similarity(corpus), helpers.article_labels(corpus),
                                    groups=corpus.set_index("doc_id")["year"])
helpers.save_figure(fig, "similarity", data, folder=sys.argv[1])
fig, data = helpers.plot_event_timeline(corpus, inputs.spans(corpus),
                                        timeline.date_clusters(corpus["published"]))
helpers.save_figure(fig, "timeline", data, folder=sys.argv[1])
"""


@pytest.mark.slow
def test_new_figures_are_byte_identical_across_processes(tmp_path):
    tests_dir = str(helpers.paths.PROJECT_ROOT / "tests")
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run), tests_dir], check=True)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 6
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
