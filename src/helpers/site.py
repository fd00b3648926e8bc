"""``make html``: the executed notebooks as a static site in ``build/site/`` that opens from disk.

Owns rendering (nbconvert's lab template without its CDN scripts: no require.js, MathJax,
mermaid or widget loader), the navigation bar and the index page. Does not run notebooks
(``make report`` does) and never writes outside its output folder.
"""
from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
from nbconvert import HTMLExporter

from .paths import DATA_DIR, build_dir, corpus_dir, display_path
from .report import output_folders, project_root

__all__ = ["LOADS", "NAV_STYLE", "TEMPLATE", "Page", "build_site", "check_site", "exporter",
           "index_page", "main", "nav_bar", "page_for"]

TEMPLATE = "site.html.j2"  # in helpers/data: the lab template with the CDN blocks emptied
NAV_STYLE = ("nav.site{font-family:sans-serif;padding:.6em 1em;border-bottom:1px solid #ccc;"
             "background:#f6f6f6}nav.site a{margin-right:1.2em}nav.site .here{font-weight:bold}")


@dataclass(frozen=True)
class Page:
    """One notebook of the site: its source, output file name, title and first paragraph."""

    source: Path
    name: str
    title: str
    summary: str


def _first_markdown(nb: nbformat.NotebookNode) -> str:
    return next((c.source for c in nb.cells if c.cell_type == "markdown"), "")


def page_for(source: Path) -> Page:
    """The page of notebook ``source``: ``NN-topic.html``, titled by its first heading.

    Examples
    --------
    >>> page_for(project_root() / "notebooks" / "05-lesson.ipynb").name
    '05-lesson.html'
    """
    text = _first_markdown(nbformat.read(source, as_version=4))
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = next((p for p in paragraphs if not p.startswith("#")), "")
    plain = re.sub(r"[*_`]", "", " ".join(body.split()))  # markdown emphasis, as text
    return Page(source, source.stem + ".html", heading[1].strip() if heading else source.stem,
                plain)


def exporter() -> HTMLExporter:
    """nbconvert's HTML exporter with the project's offline template and embedded images."""
    return HTMLExporter(extra_template_paths=[str(DATA_DIR)], template_name="lab",
                        template_file=TEMPLATE, embed_images=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def nav_bar(pages: list[Page], current: str | None) -> str:
    """The navigation bar: the index, then every notebook, the current one marked; previous
    and next links.

    Examples
    --------
    >>> pages = [Page(Path("a.ipynb"), "a.html", "A", ""), Page(Path("b.ipynb"), "b.html", "B", "")]
    >>> "next: B" in nav_bar(pages, "a.html")
    True
    """
    names = [p.name for p in pages]
    links = ['<a href="index.html">Index</a>']
    for page in pages:
        label = html.escape(page.name.removesuffix(".html"))
        cls = ' class="here"' if page.name == current else ""
        links.append(f'<a href="{page.name}"{cls} title="{html.escape(page.title)}">{label}</a>')
    if current in names:
        k = names.index(current)
        if k > 0:
            before = pages[k - 1]
            links.append(f'<a href="{before.name}">previous: {html.escape(before.title)}</a>')
        if k + 1 < len(pages):
            after = pages[k + 1]
            links.append(f'<a href="{after.name}">next: {html.escape(after.title)}</a>')
    return f'<style>{NAV_STYLE}</style><nav class="site">{" ".join(links)}</nav>'


def _with_nav(body: str, nav: str) -> str:
    match = re.search(r"<body[^>]*>", body)
    if match is None:
        raise ValueError("rendered page has no <body> tag: cannot add navigation")
    return body[:match.end()] + nav + body[match.end():]


def index_page(pages: list[Page], corpus_name: str) -> str:
    """The site's front page: one entry per notebook with its title and first paragraph."""
    items = "".join(f'<li><a href="{p.name}">{html.escape(p.title)}</a>'
                    f'<p>{html.escape(p.summary)}</p></li>' for p in pages)
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Notebooks</title><style>body{font-family:sans-serif;max-width:50em;"
            "margin:auto;padding:1em}li{margin-bottom:1em}</style></head><body>"
            + nav_bar(pages, "index.html")
            + f"<h1>Vietnamese diplomatic conference coverage: notebooks</h1>"
            f"<p>Executed on the corpus <code>{html.escape(corpus_name)}</code>. Open any "
            f"notebook below; the bar at the top of each page moves between them.</p>"
            f"<ol>{items}</ol></body></html>")


def build_site(notebooks: list[Path], out: Path, corpus_name: str = "seeds") -> list[Path]:
    """Render ``notebooks`` (executed, in order) and an index page into ``out``.

    Parameters
    ----------
    notebooks : list of pathlib.Path
        Executed notebooks.
    out : pathlib.Path
        The site folder (created; files of the same names replaced).
    corpus_name : str
        Shown on the index page.

    Returns
    -------
    list of pathlib.Path
        The pages written, index first.

    Examples
    --------
    >>> build_site([], Path(__import__("tempfile").mkdtemp()))[0].name
    'index.html'
    """
    out.mkdir(parents=True, exist_ok=True)
    pages = [page_for(nb) for nb in notebooks]
    written = [out / "index.html"]
    written[0].write_text(index_page(pages, corpus_name), encoding="utf-8")
    export = exporter()
    for page in pages:
        # The notebook's folder: markdown images are read from there and embedded.
        where = {"metadata": {"path": str(page.source.parent)}}
        body, _ = export.from_notebook_node(nbformat.read(page.source, as_version=4),
                                            resources=where)
        target = out / page.name
        target.write_text(_with_nav(body, nav_bar(pages, page.name)), encoding="utf-8")
        written.append(target)
    return written


@dataclass
class _Links(HTMLParser):
    """Collects ids and every (tag, attribute, url) of a page."""

    links: list = field(default_factory=list)
    ids: set = field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))


LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
         ("source", "src"), ("video", "src"), ("audio", "src")}


def check_site(folder: Path) -> list[str]:
    """Problems of the site in ``folder``: a local link or image whose file is missing, an
    anchor (``#id``) not on its page, or a script, style or image loaded from the network
    (the site must open offline). Empty when all is well.

    Examples
    --------
    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "index.html").write_text('<a href="a.html">A</a><img src="x.png">')
    >>> check_site(folder)
    ['index.html: a href="a.html": no such file', 'index.html: img src="x.png": no such file']
    """
    parsed = {}
    for page in sorted(folder.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    problems = []
    for page, parser in parsed.items():
        where = page.relative_to(folder).as_posix()
        for tag, attr, url in parser.links:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if (tag, attr) in LOADS:
                    problems.append(f'{where}: {tag} {attr}="{url}": loaded from the network')
                continue
            if parts.scheme:  # data:, mailto:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            if not target.is_file():
                problems.append(f'{where}: {tag} {attr}="{url}": no such file')
            elif (parts.fragment and target in parsed  # nbconvert's ids keep the %-escapes
                  and not {parts.fragment, unquote(parts.fragment)} & parsed[target].ids):
                problems.append(f'{where}: {tag} {attr}="{url}": no such anchor')
    return problems


def main() -> int:
    """Render the executed notebooks of the current corpus to ``build/site/`` (another
    corpus: ``build/<name>/site/``)."""
    folder = corpus_dir()
    out_notebooks, _, _ = output_folders(folder)
    notebooks = sorted(out_notebooks.glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        print(f"no executed notebooks in {display_path(out_notebooks)}/: run `make report` first")
        return 1
    own = out_notebooks == project_root() / "notebooks"
    out = build_dir() / "site" if own else out_notebooks.parent / "site"
    written = build_site(notebooks, out, folder.resolve().name)
    problems = check_site(out)
    for problem in problems:
        print(f"broken: {problem}")
    print(f"site: {display_path(written[0])} ({len(written) - 1} notebook page(s)); "
          f"open it in a browser, no server needed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
