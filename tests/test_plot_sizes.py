"""Every figure is readable at any corpus size: no two drawn texts overlap and none falls
outside the figure, from one article to two thousand, from one group to ten."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

import helpers
import plot_inputs as inputs
from figure_text import text_problems
from helpers import frequency, plotting, timeline

# (articles, groups): a single article, two, the seed-like five, and real folders.
# Most sizes run with the slow tests (make test); one article runs in make unit too.
SIZES = [(1, 1),
         pytest.param((5, 3), marks=pytest.mark.slow),
         pytest.param((2, 2), marks=pytest.mark.slow),
         pytest.param((40, 6), marks=pytest.mark.slow),
         pytest.param((300, 10), marks=pytest.mark.slow),
         pytest.param((2000, 10), marks=pytest.mark.slow)]


def _figures(corpus):
    """(name, thunk) for every plotting function on inputs built from ``corpus``."""
    key, target, reference = inputs.keyness_table(corpus)
    sims = inputs.similarity(corpus)
    shares, topics = inputs.topic_shares(corpus)
    wide, groups = inputs.top_words(corpus)
    words = inputs.TREND_WORDS
    trends, per_article = inputs.trends(corpus)
    return {
        "article_lengths": lambda: plotting.plot_article_lengths(corpus),
        "removals": lambda: plotting.plot_removals(inputs.removals(corpus)),
        "keyness": lambda: plotting.plot_keyness(key, target, reference, n=12),
        "rate_scatter": lambda: plotting.plot_rate_scatter(key, target, reference, n_labels=8),
        "similarity": lambda: plotting.plot_similarity(
            sims, helpers.article_labels(corpus), groups=corpus.set_index("doc_id")["year"]),
        "similarity_plain": lambda: plotting.plot_similarity(sims, helpers.article_labels(corpus)),
        "topic_shares": lambda: plotting.plot_topic_shares(shares, topics),
        "top_words": lambda: plotting.plot_top_words(wide, groups, n=15),
        "xray": lambda: plotting.plot_xray(frequency.positions(corpus, words), corpus, words),
        "event_timeline": lambda: plotting.plot_event_timeline(
            corpus, inputs.spans(corpus), timeline.date_clusters(corpus["published"])),
        "referenced_years": lambda: plotting.plot_referenced_years(inputs.referenced_years(corpus)),
        "word_trends": lambda: plotting.plot_word_trends(trends, per_article),
    }


NAMES = list(_figures(inputs.make_corpus(5, 3)))


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}art-{s[1]}groups")
def figures(request):
    helpers.set_style()
    return _figures(inputs.make_corpus(*request.param))


@pytest.mark.parametrize("name", NAMES)
def test_no_text_overlaps_or_leaves_the_figure(figures, name):
    fig, _ = figures[name]()
    try:
        assert text_problems(fig) == []
    finally:
        plt.close(fig)
