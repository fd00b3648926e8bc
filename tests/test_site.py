"""make html: every page and image the site links exists, nothing is loaded from the network,
and building it writes only into its own folder."""
from __future__ import annotations

import base64
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import site
from helpers.paths import PROJECT_ROOT

# A 1x1 PNG, as a notebook stores a figure output.
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")).decode()


def _executed(path, title, with_image=False):
    outputs = [new_output("stream", name="stdout", text="5 articles\n")]
    if with_image:
        outputs.append(new_output("display_data",
                                  data={"image/png": PNG, "text/plain": "<Figure>"}))
    cells = [new_markdown_cell(f"# {title}\n\nWhat this notebook answers.\n\n## Part one"),
             new_code_cell("print(5)", execution_count=1, outputs=outputs),
             new_markdown_cell("See [part one](#Part-one) and ![a figure](figure.png).")]
    nbformat.write(new_notebook(cells=cells), path)
    return path


@pytest.fixture
def small_site(tmp_path):
    (tmp_path / "nb").mkdir()
    first = _executed(tmp_path / "nb" / "01-a.ipynb", "01 · First", with_image=True)
    second = _executed(tmp_path / "nb" / "02-b.ipynb", "02 · Second")
    (tmp_path / "nb" / "figure.png").write_bytes(base64.b64decode(PNG))
    out = tmp_path / "site"
    return site.build_site([first, second], out), out


def test_pages_index_and_navigation(small_site):
    written, out = small_site
    assert [p.name for p in written] == ["index.html", "01-a.html", "02-b.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01-a.html"' in index and "What this notebook answers." in index
    first = (out / "01-a.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in first and "next: 02 · Second" in first
    assert 'class="here"' in first and "5 articles" in first


def test_every_link_and_image_exists_and_images_are_embedded(small_site):
    _, out = small_site
    assert site.check_site(out) == []
    first = (out / "01-a.html").read_text(encoding="utf-8")
    assert first.count("data:image/png;base64,") >= 2  # the output and the markdown image
    assert "<script src=" not in first
    assert "mathjax" not in first.lower().split("</style>")[-1]


def test_check_site_finds_missing_pages_anchors_and_network_loads(tmp_path):
    (tmp_path / "a.html").write_text(
        '<h1 id="top">A</h1><a href="b.html">B</a><a href="a.html#top">ok</a>'
        '<a href="#gone">x</a><script src="https://cdn.example/require.js"></script>'
        '<a href="https://example.org">a plain link is fine</a><img src="pics/p.png">',
        encoding="utf-8")
    problems = site.check_site(tmp_path)
    assert problems == [
        'a.html: a href="b.html": no such file',
        'a.html: a href="#gone": no such anchor',
        'a.html: script src="https://cdn.example/require.js": loaded from the network',
        'a.html: img src="pics/p.png": no such file',
    ]


def test_real_notebooks_render_offline_with_no_broken_links(tmp_path):
    notebooks = sorted((PROJECT_ROOT / "notebooks").glob("0[56]-*.ipynb"))
    assert notebooks, "the lesson and findings notebooks are missing"
    site.build_site(notebooks, tmp_path)
    assert site.check_site(tmp_path) == []
    lesson = (tmp_path / notebooks[0].with_suffix(".html").name).read_text(encoding="utf-8")
    assert "<details>" in lesson and "Your turn" in lesson


def test_make_html_leaves_tracked_files_alone(tmp_path):
    def status():
        return subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                              cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    before = status()
    notebooks = sorted((PROJECT_ROOT / "notebooks").glob("05-*.ipynb"))
    site.build_site(notebooks, tmp_path / "site")
    assert status() == before
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["05-lesson.html", "index.html"]
