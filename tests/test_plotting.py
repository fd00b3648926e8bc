"""Figures reproduce byte for byte and carry NFC text."""
import hashlib
import subprocess
import sys
import unicodedata

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import helpers

SCRIPT = """
import sys, helpers
helpers.set_style()
corpus = helpers.load_corpus()
fig, data = helpers.plot_article_lengths(corpus)
helpers.save_figure(fig, "lengths", data, folder=sys.argv[1])
"""


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_save_figure_is_byte_identical_across_processes(tmp_path):
    # Separate interpreters, as two `make report` runs would be.
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True)
    a, b = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert sorted(a) == ["lengths.csv", "lengths.png", "lengths.svg"]
    assert a == b
    svg = (tmp_path / "a" / "lengths.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert b"Software" not in (tmp_path / "a" / "lengths.png").read_bytes()


@pytest.mark.slow   # runs a notebook kernel, as make report does
def test_in_a_notebook_a_saved_figure_is_shown_as_the_saved_png_once(tmp_path):
    import base64

    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from helpers import report

    figures = tmp_path / "figures"
    make = ("fig, ax = plt.subplots(); _ = ax.bar(['hòa bình'], [3])\n"
            f"_ = helpers.save_figure(fig, '{{}}', folder=r'{figures}')\n"
            "print('after')")
    cells = ["import matplotlib.pyplot as plt, helpers\nhelpers.set_style()",
             make.format("shown"),
             "display(fig)",                            # a saved figure can be shown again
             "%config InlineBackend.figure_formats = ['svg']\n" + make.format("as-svg")]
    source = tmp_path / "n.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells]), source)
    outcome = report.execute_notebook(source, tmp_path / "out.ipynb", figures)
    assert outcome.error is None
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    shown, again, svg = (nb.cells[i].outputs for i in (1, 2, 3))
    # Shown where it is saved, once, as the very bytes of the file, at the size the inline
    # backend gives a figure (figure.dpi 100 against savefig.dpi 150).
    assert [o.output_type for o in shown] == ["display_data", "stream"]
    png = (figures / "shown.png").read_bytes()
    assert base64.b64decode(shown[0].data["image/png"]) == png
    width = int.from_bytes(png[16:20], "big")
    assert shown[0].metadata["image/png"]["width"] == round(width * 100 / 150)
    assert shown[1].text == "after\n"
    assert [o.output_type for o in again] == ["display_data"]
    assert "image/png" in again[0].data
    # Figures shown in another format are left to the inline backend.
    images = [o for o in svg if o.output_type == "display_data"]
    assert len(images) == 1 and set(images[0].data) == {"image/svg+xml", "text/plain"}


def test_figure_text_is_normalized_to_nfc(tmp_path):
    helpers.set_style()
    fig, ax = plt.subplots()
    ax.set_title(unicodedata.normalize("NFD", "Hoà bình"))
    helpers.save_figure(fig, "nfc", folder=tmp_path)
    assert ax.get_title() == "Hòa bình" and unicodedata.is_normalized("NFC", ax.get_title())
    plt.close(fig)


def test_each_group_keeps_its_colour_whatever_the_order():
    assert helpers.group_colors([2023, 2021]) == helpers.group_colors([2021, 2023, 2021])
    assert len(set(helpers.group_colors([2013, 2016, 2018, 2021, 2023]).values())) == 5


def test_short_label_cuts_at_a_word_boundary():
    assert helpers.short_label("Hội nghị Ngoại giao lần thứ 31 tạo ra khí thế mới", 30) == \
        "Hội nghị Ngoại giao lần thứ 31…"
    assert helpers.short_label("Ngắn", 30) == "Ngắn"


def test_glossary_is_well_formed():
    import csv

    from helpers.paths import DATA_DIR

    with open(DATA_DIR / "glossary.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["word", "gloss"]
    assert all(len(r) == 2 and r[0] and r[1] for r in rows[1:])
    assert len({r[0] for r in rows[1:]}) == len(rows) - 1


def test_short_label_fits_its_width_even_for_one_long_word_and_never_doubles_the_ellipsis():
    long_word = "Bộ_Ngoại_giao_nước_Cộng_hòa_xã_hội_chủ_nghĩa_Việt_Nam"
    assert len(helpers.short_label(long_word, 20)) <= 20
    assert helpers.short_label("Hội nghị Ngoại giao lần thứ 29… và hơn nữa", 30).count("…") == 1


def test_saving_freezes_a_constrained_layout_where_it_was_drawn(tmp_path):
    helpers.set_style()
    fig, ax = plt.subplots(layout="constrained")
    ax.set_ylabel("tỷ lệ trên 10.000 từ")
    fig.draw_without_rendering()
    laid_out = ax.get_position().bounds
    helpers.save_figure(fig, "frozen", folder=tmp_path)
    assert fig.get_layout_engine() is not None and not fig.get_constrained_layout()
    assert ax.get_position().bounds == tuple(round(v, 6) for v in laid_out)
    plt.close(fig)


def test_figure_data_does_not_carry_last_bit_float_noise(tmp_path):
    # NMF on another CPU gave 0.29486591065082673 where the committed CSV had ...723.
    fig, ax = plt.subplots()
    ax.bar(["2021"], [0.3])
    written = {}
    for run, share in (("a", 0.29486591065082723), ("b", 0.29486591065082673)):
        data = helpers.save_figure(fig, "share", _frame(share), folder=tmp_path / run)
        written[run] = (tmp_path / run / "share.csv").read_bytes()
        assert "share.csv" in data
    plt.close(fig)
    assert written["a"] == written["b"]
    assert b"0.294865910651" in written["a"]          # still 12 significant digits
    tiny = helpers.save_figure(plt.figure(), "tiny", _frame(3.2e-09), folder=tmp_path / "c")
    assert tiny and b"3.2e-09" in (tmp_path / "c" / "tiny.csv").read_bytes()


def _frame(value):
    import pandas as pd
    return pd.DataFrame({"year": [2021], "share": [value]})


def test_figures_of_no_article_say_so_instead_of_failing():
    # what the notebooks draw for a folder with no analysable article (all in English)
    empty = pd.DataFrame({"doc_id": pd.Series(dtype=str), "year": pd.Series(dtype=float),
                          "event": pd.Series(dtype=str), "published": pd.Series(dtype="M8[ns]"),
                          "title": pd.Series(dtype=str), "n_words": pd.Series(dtype=int),
                          "n_paragraphs": pd.Series(dtype=int)})
    positions = pd.DataFrame({"doc_id": pd.Series(dtype=str), "word": pd.Series(dtype=str),
                              "relative": pd.Series(dtype=float)})
    sims = pd.DataFrame()
    for fig, data in (helpers.plot_article_lengths(empty),
                      helpers.plot_similarity(sims, pd.Series(dtype=str)),
                      helpers.plot_xray(positions, empty, ["ngoại giao"])):
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert data.empty and any(t.startswith("No article to") for t in texts), texts
        plt.close(fig)
