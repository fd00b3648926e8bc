"""Markdown pages: what web clippers (Obsidian Web Clipper, MarkDownload, Joplin) and the sources
of static sites save, a ``.md`` or ``.markdown`` file, or a text file that opens with YAML front
matter.

A page is rendered to HTML (markdown-it-py, CommonMark with tables; a line break stays a line
break, since a clip's lines are the page's lines) and read as a saved web page is
(``html.extract_html``), so the clip's menus, link lists and related stories are dropped the same
way. Its front matter, read with PyYAML, is the page's head: the title, the publication date
("published", "date", never "created" or "updated": a clipper writes the day of the clip there),
the address the page came from, the author and the site. A value the loader takes from there
says so in its provenance ("markdown:front matter"); the headline printed in the page is
preferred for the title, as on a web page.

Owns ``read_markdown``, ``is_markdown`` and ``page_format`` (how the loader reads a file: HTML,
Markdown or text).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import tomllib
from pathlib import PurePath

import yaml
from markdown_it import MarkdownIt

from .html import HTML_SUFFIXES, HtmlPage, extract_html, is_html

__all__ = ["MARKDOWN_SUFFIXES", "front_matter", "is_markdown", "page_format", "read_markdown"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Front matter: "---" on the first line, YAML, then "---" (or YAML's "...") on a line of its own;
# or Hugo's TOML between two "+++" lines.
_YAML_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                         re.DOTALL | re.MULTILINE)
_TOML_BLOCK = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)",
                         re.DOTALL | re.MULTILINE)
_SNIFF_BYTES = 8192         # a text file's front matter is looked for in its first bytes
# Front matter keys (compared case-folded, "_" and "-" alike) -> the head's field, in order of
# trust within a field. Dates a clipper stamps on the clip ("created", "clipped", "updated",
# "modified", "saved") are not the article's and are never read.
FIELDS = {
    "title": ("title", "headline"),
    "published": ("published", "date published", "datepublished", "publish date",
                  "published at", "pubdate", "date"),
    "url": ("source", "url", "source url", "original url", "canonical", "link"),
    "author": ("author", "authors", "byline"),
    "outlet": ("site", "site name", "sitename", "publisher", "outlet"),
}
# How the head's fields are written into the rendered page, and the provenance extraction then
# gives them (``HtmlPage.sources``), said again as where a Markdown page holds them.
_SOURCES = {"html:og": "markdown:front matter", "html:meta": "markdown:front matter",
            "html:canonical": "markdown:front matter", "html:title": "markdown:front matter",
            "html:url": "markdown:front matter", "html:h1": "markdown:heading"}
_RENDERER = MarkdownIt("commonmark", {"breaks": True}).enable(["table", "strikethrough"])
# An Obsidian link around a name: "[[Minh Châu]]", "[[people/Minh Châu|Minh Châu]]".
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")


def _key(name: object) -> str:
    return re.sub(r"[_\-\s]+", " ", str(name)).strip().casefold()


def front_matter(text: str) -> tuple[dict[str, object] | None, str]:
    """The page's front matter (a YAML mapping, or TOML between "+++" lines) and the text after
    it; ``(None, text)`` when the text opens with none, or with a block that is neither empty
    nor a mapping, or does not parse (then it is not front matter, and stays in the text).

    Examples
    --------
    >>> front_matter("---\\ntitle: Hội nghị\\npublished: 2023-12-23\\n---\\n# Hội nghị\\n")
    ({'title': 'Hội nghị', 'published': datetime.date(2023, 12, 23)}, '# Hội nghị\\n')
    >>> front_matter('+++\\ntitle = "Hội nghị"\\n+++\\nVăn bản')
    ({'title': 'Hội nghị'}, 'Văn bản')
    >>> front_matter("---\\nMột dòng kẻ, rồi văn bản\\n---\\n")[0] is None
    True
    """
    values: object
    if match := _YAML_BLOCK.match(text):
        try:
            values = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            return None, text
    elif match := _TOML_BLOCK.match(text):
        try:
            values = tomllib.loads(match.group(1))
        except tomllib.TOMLDecodeError:
            return None, text
    else:
        return None, text
    if values is None:          # an empty block: front matter without fields
        values = {}
    if not isinstance(values, dict):
        return None, text
    return values, text[match.end():]


def _plain(value: object, in_list: bool = False) -> str | None:
    """A front matter value as the head's text: a date or time in ISO form, a list joined with
    ", ", an Obsidian link as its name; None for an empty value, a mapping, or a list inside a
    list (YAML's anchors can nest lists without end, or in a loop)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        if in_list:
            return None
        parts = [p for item in value if (p := _plain(item, in_list=True))]
        return ", ".join(parts) or None
    if value is None or isinstance(value, dict):
        return None
    text = " ".join(_WIKI_LINK.sub(r"\1", str(value)).split())
    return text or None


def head_fields(values: dict[str, object]) -> dict[str, str]:
    """The head's fields (title, published, url, author, outlet) a front matter gives.

    Examples
    --------
    >>> head_fields({"Title": "Bế mạc", "created": "2025-02-11", "Date": "2023-12-23",
    ...              "author": ["[[Minh Châu]]"]})
    {'title': 'Bế mạc', 'published': '2023-12-23', 'author': 'Minh Châu'}
    """
    keyed: dict[str, object] = {}
    for name, value in values.items():
        keyed.setdefault(_key(name), value)
    fields = {}
    for field, names in FIELDS.items():
        found = next((text for name in names if (text := _plain(keyed.get(name)))), None)
        if found:
            fields[field] = found
    return fields


def to_html(text: str) -> str:
    """A Markdown page as an HTML document whose head holds its front matter's fields."""
    values, body = front_matter(text)
    fields = head_fields(values) if values else {}
    head = ['<meta charset="utf-8">']

    def meta(attribute: str, key: str, value: str) -> None:
        head.append(f'<meta {attribute}="{key}" content="{html.escape(value)}">')

    if "title" in fields:
        head.append(f"<title>{html.escape(fields['title'])}</title>")
        meta("property", "og:title", fields["title"])
    if "published" in fields:
        meta("property", "article:published_time", fields["published"])
    if "url" in fields:
        head.append(f'<link rel="canonical" href="{html.escape(fields["url"])}">')
    if "author" in fields:
        meta("name", "author", fields["author"])
    if "outlet" in fields:
        meta("property", "og:site_name", fields["outlet"])
    return (f"<!DOCTYPE html><html><head>{''.join(head)}</head>"
            f"<body><article>{_RENDERER.render(body)}</article></body></html>")


def read_markdown(text: str, name: str) -> HtmlPage:
    """Read one Markdown page (decoded): its text and metadata, as ``extract_html`` reads the
    page it renders to, with each value's provenance said as where the Markdown holds it.

    Parameters
    ----------
    text : str
        The file's text.
    name : str
        The file's name, for error messages.

    Returns
    -------
    HtmlPage

    Raises
    ------
    CorpusError
        The page holds no article.

    Examples
    --------
    >>> page = read_markdown("---\\ntitle: Hội nghị bế mạc | Báo Mẫu\\npublished: 2023-12-23\\n"
    ...     "created: 2025-02-11\\n---\\n- [Trang chủ](/)\\n\\n# Hội nghị bế mạc\\n\\n"
    ...     + "Hội nghị Ngoại giao lần thứ 32 đã bế mạc chiều nay tại Hà Nội. " * 5, "a.md")
    >>> page.title, page.published, page.metadata_from["published"]
    ('Hội nghị bế mạc', datetime.date(2023, 12, 23), 'markdown:front matter')
    """
    page = extract_html(to_html(text).encode("utf-8"), name)
    return dataclasses.replace(page, sources=tuple(
        (field, _SOURCES.get(source, source)) for field, source in page.sources))


def is_markdown(name: str, data: bytes | None = None) -> bool:
    """Whether a corpus file is a Markdown page: by its extension (``MARKDOWN_SUFFIXES``), or,
    for a ``.txt`` file or one whose extension says nothing, by front matter that names a title
    at its start (a clip saved under another name).

    Examples
    --------
    >>> is_markdown("bai.MD"), is_markdown("bai.txt", "---\\ntitle: T\\n---\\nVăn bản".encode())
    (True, True)
    >>> is_markdown("bai.txt", "---\\nTin mới\\n---\\nVăn bản".encode()), is_markdown("bai.html")
    (False, False)
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return True
    if suffix in HTML_SUFFIXES or data is None \
            or not data.lstrip(b"\xef\xbb\xbf").startswith((b"---", b"+++")):
        return False
    head = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    values, _ = front_matter(head)
    return values is not None and "title" in head_fields(values)


def page_format(name: str, data: bytes | None = None) -> str:
    """How the loader reads a corpus file: "markdown" (``is_markdown``), "html"
    (``html.is_html``) or "text".

    Examples
    --------
    >>> page_format("a.md"), page_format("a.htm"), page_format("a.txt", "Tin mới".encode())
    ('markdown', 'html', 'text')
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if is_html(name, data):
        return "html"
    return "markdown" if is_markdown(name, data) else "text"
