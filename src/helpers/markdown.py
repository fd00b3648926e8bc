"""Markdown pages: what web clippers (Obsidian Web Clipper, MarkDownload, Joplin), note apps
(Notion, Bear, Outline), Pandoc and the sources of static sites (Hugo, Jekyll) save, a ``.md`` or
``.markdown`` file, or a text file that opens with front matter naming a title.

A page is rendered to HTML (markdown-it-py, CommonMark with tables) and read as a saved web page
is (``html.extract_html``, without its minimum of prose: a short note is a page), so a clip's
menus, link lists and related stories are dropped the same way. Line breaks inside a paragraph
stay breaks, except the ones a fixed-width wrapping made (``_line_breaks``). Its front matter
(YAML, read with PyYAML, or Hugo's TOML) is the page's head: the title, the publication date
("published", "date", never "created" or "updated": a clipper writes the day of the clip
there), the address the page came from, the author and the site. A value the loader takes from
there says so in its provenance ("markdown:front matter"); the headline printed in the page is
preferred for the title, as on a web page.

Owns ``read_markdown`` and ``is_markdown``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import re
import tomllib
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

from .errors import NoVisibleText
from .html import HTML_SUFFIXES, SITE_SEPARATOR, HtmlPage, extract_html
from .text import ascii_fold, wrapping_breaks

__all__ = ["MARKDOWN_SUFFIXES", "front_matter", "head_fields", "is_markdown", "read_markdown",
           "to_html"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# Front matter: "---" on the first line, YAML, then "---" (or YAML's "...") on a line of its own;
# or Hugo's TOML between two "+++" lines.
_YAML_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                         re.DOTALL | re.MULTILINE)
_TOML_BLOCK = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)",
                         re.DOTALL | re.MULTILINE)
# A line of front matter that YAML could not read, read as "key: value" ("title: Bộ trưởng:
# ..." with its second colon unquoted, the commonest slip), or as an item of the list above.
_KEY_LINE = re.compile(r"([^\W\d][\w .-]{0,40}?)\s*:(?:[ \t]+(.*?))?[ \t]*")
_ITEM_LINE = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*")
_COMMENT = re.compile(r"[ \t]+#.*")
# Notion's export has no front matter: the page's properties follow its "# " title, one
# "Key: value" line each ("Created: January 6, 2022 3:41 PM", "URL: https://..."); a block of
# such lines counts when one of its keys is one Notion writes (``_NOTION_KEYS``).
_PROPERTIES = re.compile(r"\A[ \t]*\n*#[ \t]+[^\n]+\n(?:[ \t]*\n)?"
                         r"((?:[^\W\d][^\n:]{0,40}:[ \t]+\S[^\n]*\n){2,})")
# Keys front matter has that give none of the head's fields (``FIELDS``).
_OTHER_KEYS = frozenset({"created", "updated", "modified", "lastmod", "clipped", "saved", "tags",
                         "categories", "description", "summary", "excerpt", "draft", "layout",
                         "slug", "aliases", "weight", "keywords", "lang", "language", "id"})
_NOTION_KEYS = frozenset({"created", "createdtime", "createdby", "lastedited", "lasteditedtime",
                          "lasteditedby", "tags", "url"})
_SNIFF_BYTES = 8192         # a text file's front matter is looked for in its first bytes
# Front matter keys (compared case-folded, without spaces, "_" or "-") -> the head's field, in
# order of trust within a field. Dates a clipper stamps on the clip ("created", "clipped",
# "updated", "modified", "saved") are not the article's and are never read.
FIELDS = {
    "title": ("title", "headline"),
    "published": ("published", "datepublished", "publishdate", "publishedat", "publishedon",
                  "pubdate", "date"),
    "url": ("source", "url", "sourceurl", "originalurl", "canonical", "canonicalurl", "link"),
    "author": ("author", "authors", "byline"),
    "outlet": ("site", "sitename", "publisher", "outlet"),
}
_KNOWN_KEYS = _OTHER_KEYS | {name for names in FIELDS.values() for name in names}
# How the head's fields are written into the rendered page, and the provenance extraction then
# gives them (``HtmlPage.sources``), said again as where a Markdown page holds them.
_SOURCES = {"html:og": "markdown:front matter", "html:meta": "markdown:front matter",
            "html:canonical": "markdown:front matter", "html:title": "markdown:front matter",
            "html:url": "markdown:source address", "html:h1": "markdown:heading"}
# Obsidian's own syntax: an embedded file "![[...]]" (dropped), a link "[[target|name]]" (its
# name), a highlight "==...==" (its text).
_EMBED = re.compile(r"!\[\[[^\]\n]*\]\]")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|\n]*\|)?([^\]|\n]*)\]\]")
_HIGHLIGHT = re.compile(r"(?<![\w=])==(?=\S)([^=\n]+?)(?<=\S)==(?![\w=])")
# Fenced code blocks and code spans, whose text no markup rule touches.
_CODE = re.compile(r"(^[ \t]*(?:```|~~~)[^\n]*\n.*?^[ \t]*(?:```|~~~)[ \t]*$|`[^`\n]+`)",
                   re.DOTALL | re.MULTILINE)
# MarkDownload's default template puts the page's excerpt (its description) between the title
# and the article: "> ## Excerpt" and the excerpt quoted, then a rule.
_EXCERPT = re.compile(r"\A((?:[ \t]*\n)*(?:#[^\n]*\n(?:[ \t]*\n)*)?)"
                      r">[ \t]*#{1,6}[ \t]*excerpt[ \t]*\n(?:>.*\n?)*(?:[ \t]*\n)*"
                      r"(?:(?:---+|\*\*\*+|___+)[ \t]*\n)?", re.IGNORECASE)
# Pandoc's Markdown: fenced divs (":::: {.article}" lines), attributes ("# Tựa {#id .cls}",
# "[Thứ Hai, 08/08/2016]{.time}"); the markers go, the text stays.
# kramdown's "{: .lead}" too, over several lines as Pandoc wraps them. An attribute list holds
# an #id or a .class (a letter first), or follows a link, an image or a span
# ("](a.jpg){width=50%}"): "{x=1}" in prose stays.
_ATTRIBUTE_ITEM = r"(?:[#.][^\W\d_][^\s{}]*|[\w-]+=(?:\"[^\"\n]*\"|[^\s{}]+))"
_ATTRIBUTES = (r"\{:?(?=[^{}]*[#.][^\W\d_])(?:\s*" + _ATTRIBUTE_ITEM + r")+\s*\}")
_FENCED_DIV = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+)?[ \t]*(?::{3,}[ \t]*)?$\n?",
                         re.MULTILINE)
_SPAN = re.compile(r"\[([^\[\]\n]*)\]" + _ATTRIBUTES)
_ATTRIBUTE = re.compile(r"[ \t]*" + _ATTRIBUTES + r"|(?<=[)\]])\{(?:\s*"
                        + _ATTRIBUTE_ITEM + r")+\s*\}")


def _key(name: object) -> str:
    return re.sub(r"[_\-\s]+", "", str(name)).casefold()


def _lenient(block: str, known: frozenset[str] = _KNOWN_KEYS) -> dict[str, object] | None:
    """Front matter YAML refused, read line by line: "key: value" at the line's start, "- item"
    lines under a key without a value, and indented lines going on with the value above (or a
    block scalar's, "title: >-"). None unless every line reads so and one of the keys is one
    front matter has (``known``: by default ``FIELDS`` and ``_OTHER_KEYS``; a Notion page's
    property lines have their own, ``_NOTION_KEYS``): a block between two rules that only looks
    like front matter ("PV: Thưa ông ...", "Đại sứ: ...") is the page's text."""
    values: dict[str, object] = {}
    last: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (item := _ITEM_LINE.fullmatch(line)) and last is not None \
                and (values[last] is None or isinstance(values[last], list)):
            values[last] = [*cast(list, values[last] or []), _unquoted(item.group(1))]
        elif (pair := _KEY_LINE.fullmatch(line)) and not line[:1].isspace():
            last = pair.group(1)
            value = _unquoted(pair.group(2) or "")
            values[last] = None if not value or value[0] in ">|" else value
        elif line[:1].isspace() and last is not None and not isinstance(values[last], list):
            values[last] = f"{values[last] or ''} {line.strip()}".strip()
        else:
            return None
    return values if any(_key(name) in known for name in values) else None


def _unquoted(value: str) -> str:
    """A value as YAML means it: without its quotes, or without a comment after it."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return _COMMENT.sub("", value)


def front_matter(text: str) -> tuple[dict[str, object] | None, str, str | None]:
    r"""The page's front matter (a YAML mapping, or TOML between "+++" lines), the text after it,
    and why it was read line by line, if it was: a block YAML refuses but whose lines read as
    "key: value" (a title with a second colon, unquoted). ``(None, text, None)`` when the text
    opens with no front matter, or with a block that is neither empty nor a mapping (then it is
    not front matter, and stays in the text).

    Examples
    --------
    >>> front_matter("---\ntitle: Hội nghị\npublished: 2023-12-23\n---\n# Hội nghị\n")
    ({'title': 'Hội nghị', 'published': datetime.date(2023, 12, 23)}, '# Hội nghị\n', None)
    >>> front_matter('+++\ntitle = "Hội nghị"\n+++\nVăn bản')
    ({'title': 'Hội nghị'}, 'Văn bản', None)
    >>> front_matter("---\ntitle: Bộ trưởng: tin vui\n---\nVăn bản")[:2]
    ({'title': 'Bộ trưởng: tin vui'}, 'Văn bản')
    >>> front_matter("---\nMột dòng kẻ, rồi văn bản\n---\n")[0] is None
    True
    """
    values: object
    problem = None
    if match := _YAML_BLOCK.match(text):
        # Imported here, on the first page with front matter, as markdown-it below: about
        # 0.07 s together that a corpus without Markdown does not need.
        import yaml

        try:
            values = yaml.safe_load(match.group(1))
        # YAML's own errors, and the ValueError or RecursionError of a timestamp that is no
        # date ("2024-02-30") or lists nested thousands deep
        except Exception as error:
            values = _lenient(match.group(1))
            if values is None:
                return None, text, None
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
            problem = f"its front matter is not valid YAML ({reason}); read line by line"
    elif match := _TOML_BLOCK.match(text):
        try:
            values = tomllib.loads(match.group(1))
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            return None, text, None
    else:
        return None, text, None
    if values is None:          # an empty block: front matter without fields
        values = {}
    if not isinstance(values, dict) or (values and match.re is _YAML_BLOCK and not any(
            _key(name) in _KNOWN_KEYS for name in values)):
        # not a mapping, or one without a key front matter has: a block between two rules
        # ("PV: Thưa ông ...", "Đại sứ: ...") is the page's text
        return None, text, None
    return values, text[match.end():], problem


def _plain(value: object, in_list: bool = False) -> str | None:
    """A front matter value as the head's text: a date or time in ISO form, a list joined with
    ", ", an Obsidian link as its name; None for an empty value, a yes/no (Jekyll's
    "published: true" is a draft flag), a mapping, or a list inside a list (YAML's anchors can
    nest lists without end, or in a loop)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        if in_list:
            return None
        parts = [p for item in value if (p := _plain(item, in_list=True))]
        return ", ".join(parts) or None
    if value is None or isinstance(value, bool | dict | bytes):
        return None
    text = " ".join(_WIKI_LINK.sub(r"\1", str(value)).split())
    return text or None


def _is_date(text: str) -> bool:
    """Whether a front matter value can be a date: a valid ISO date first, or, in another form,
    a year in it ("20/12/2023", "Dec 20, 2023"); not "N/A", a template's "{{published}}" or
    "2023-13-45"."""
    if re.match(r"\d{4}-\d\d-\d\d", text):
        try:
            dt.date.fromisoformat(text[:10])
        except ValueError:
            return False
        return True
    return bool(re.search(r"\b(?:1[89]|20)\d\d\b", text)) and "{" not in text


def _folded(text: str) -> str:
    """Letters and digits only, without tone marks or case: "Báo Bắc Nhạn" -> "baobacnhan"."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


_SECOND_LEVEL = frozenset({"com", "gov", "org", "net", "edu", "ac", "co", "info", "int"})


def site_in_title(title: str, url: str | None) -> str | None:
    """The part at either end of ``title`` that names the site of ``url`` ("... | Báo Bắc Nhạn
    điện tử" for baobacnhan.vn): the site's name a clipper copies into the title with it.

    Examples
    --------
    >>> site_in_title("Hội nghị bế mạc | Báo Bắc Nhạn điện tử", "https://baobacnhan.vn/a.html")
    'Báo Bắc Nhạn điện tử'
    >>> site_in_title("Quảng Ninh - Hải Phòng nối chuyến tàu", "https://baoquangninh.vn/a") is None
    True
    """
    labels = ((urlsplit(url).hostname or "") if url else "").split(".")[:-1]   # no TLD
    while labels and labels[-1] in _SECOND_LEVEL:
        labels.pop()                                    # "gov" of mofa.gov.vn
    name = _folded(labels[-1]) if labels else ""        # "vietnamnet" of english.vietnamnet.vn
    parts = re.split(SITE_SEPARATOR, title)
    if len(name) < 3 or len(parts) < 2:
        return None
    # the whole site name inside the part: "Báo Quảng Ninh" names baoquangninh.vn, the place
    # "Quảng Ninh" at a headline's start does not
    return next((part.strip() for part in (parts[-1], parts[0]) if name in _folded(part)), None)


def head_fields(values: dict[str, object]) -> dict[str, str]:
    """The head's fields (title, published, url, author, outlet) a front matter gives; the
    outlet, when none is named, is the site's name the title ends or starts with
    (``site_in_title``).

    Examples
    --------
    >>> head_fields({"Title": "Bế mạc", "created": "2025-02-11", "Date": "2023-12-23",
    ...              "author": ["[[Minh Châu]]"], "published": True})
    {'title': 'Bế mạc', 'published': '2023-12-23', 'author': 'Minh Châu'}
    """
    keyed: dict[str, object] = {}
    for name, value in values.items():
        keyed.setdefault(_key(name), value)
    fields = {}
    for field, names in FIELDS.items():
        found = next((text for name in names if (text := _plain(keyed.get(name)))
                      and (field != "published" or _is_date(text))), None)
        if found:
            fields[field] = found
    if "title" in fields and "outlet" not in fields \
            and (site := site_in_title(fields["title"], fields.get("url"))):
        fields["outlet"] = site
    return fields


def _line_breaks(tokens: list, lines: list[str]) -> None:
    """A line break inside a paragraph is kept as a break (a page saved one paragraph or menu
    item a line, a poem), except the ones a fixed-width wrapping made (Pandoc's output, many
    Hugo and Jekyll sources: ``text.wrapping_breaks``), which become spaces. Lines are measured
    as written, a quote's "> " included. Changes ``tokens`` (markdown-it's) in place."""
    breaks: list[tuple[Any, str, str]] = []      # (token, the line before, the line after)
    for token in tokens:
        if token.type != "inline" or not token.map or not token.children:
            continue
        inside = [child for child in token.children if child.type in {"softbreak", "hardbreak"}]
        source = lines[token.map[0]:token.map[1]]
        if len(inside) != len(source) - 1:
            # a break inside code or raw HTML: the lines do not map one to one; kept
            breaks += [(child, "", "") for child in inside if child.type == "softbreak"]
            continue
        breaks += [(child, line, after)
                   for child, line, after in zip(inside, source, source[1:], strict=False)
                   if child.type == "softbreak"]
    for (child, _, _), join in zip(breaks, wrapping_breaks([(b, a) for _, b, a in breaks]),
                                   strict=True):
        if join:
            child.type, child.content = "text", " "
        else:
            child.type = "hardbreak"


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark with tables. Raw HTML passes into the page (clippers keep what Markdown cannot
    say as HTML: a table with merged cells, Notion's callouts as <aside>), as in the page it
    came from."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _outside_code(body: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the text outside fenced code blocks and code spans."""
    parts = _CODE.split(body)
    return "".join(part if i % 2 else change(part) for i, part in enumerate(parts))


def _markup_gone(text: str) -> str:
    """Obsidian's embeds, links and highlights, and Pandoc's and kramdown's fenced divs and
    attributes, as their text (or nothing)."""
    text = _HIGHLIGHT.sub(r"\1", _WIKI_LINK.sub(r"\1", _EMBED.sub("", text)))
    return _ATTRIBUTE.sub("", _SPAN.sub(r"\1", _FENCED_DIV.sub("", text)))


def to_html(text: str) -> tuple[str, str | None]:
    """A Markdown page as an HTML document whose head holds its front matter's fields, and why
    its front matter was read line by line (``front_matter``), if it was."""
    values, body, problem = front_matter(text.replace("\r\n", "\n"))
    if values is None and (block := _PROPERTIES.match(body)):
        properties = _lenient(block.group(1), _NOTION_KEYS) or {}
        if properties:
            # a title's property lines, read as front matter ("Created" never dates the page)
            values, body = properties, body[:block.start(1)] + body[block.end(1):]
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
    body = _outside_code(_EXCERPT.sub(r"\1", body, count=1), _markup_gone)
    parser = _parser()
    tokens = parser.parse(body)
    _line_breaks(tokens, body.split("\n"))
    rendered = parser.renderer.render(tokens, parser.options, {})
    return (f"<!DOCTYPE html><html><head>{''.join(head)}</head>"
            f"<body><article>{rendered}</article></body></html>"), problem


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
        With a ``warning`` when its front matter was read line by line, or its text holds
        little prose (a note, an index, an error page).

    Raises
    ------
    NoVisibleText
        The page holds no text, or none but links, menus or markup.

    Examples
    --------
    >>> page = read_markdown("---\\ntitle: Hội nghị bế mạc | Báo Mẫu\\npublished: 2023-12-23\\n"
    ...     "created: 2025-02-11\\n---\\n- [Trang chủ](/)\\n\\n# Hội nghị bế mạc\\n\\n"
    ...     + "Hội nghị Ngoại giao lần thứ 32 đã bế mạc chiều nay tại Hà Nội. " * 5, "a.md")
    >>> page.title, page.published, page.metadata_from["published"]
    ('Hội nghị bế mạc', datetime.date(2023, 12, 23), 'markdown:front matter')
    """
    document, problem = to_html(text)
    try:
        page = extract_html(document.encode("utf-8"), name, require_article=False)
    except NoVisibleText as empty:
        raise NoVisibleText(f"{name}: a Markdown page with no text to read: "
                            f"{str(empty).split(': ', 1)[-1]}") from None
    warning = "; ".join(note for note in (problem, page.warning) if note) or None
    return dataclasses.replace(page.with_provenance(_SOURCES), warning=warning)


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
    values = front_matter(head)[0]
    return values is not None and "title" in head_fields(values)

