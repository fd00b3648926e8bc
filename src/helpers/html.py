"""Saved HTML pages: decode the bytes, take the article's text and metadata with trafilatura
(dates through htmldate), and account for what the extraction dropped.

Owns ``extract_html`` and ``is_html``; the text it returns (headline, then one paragraph per
line) goes through the same line-based cleaning as ``.txt`` pages, which this module does not do.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from charset_normalizer import from_bytes

if TYPE_CHECKING:
    from trafilatura.settings import Document

from .cleaning import is_dateline, never_headline, opens_zone
from .damage import utf8_damage
from .dates import (
    CLOCK_AT,
    FULL_DATE,
    MERIDIEM,
    NOT_ITS_DATE,
    WEEKDAY,
    address_date,
    parse_dateline,
    parse_full_date,
)
from .errors import CorpusError, NoVisibleText
from .reference import page_rules
from .text import PARAGRAPH_END, in_capitals, normalize_text

__all__ = ["HTML_SUFFIXES", "HtmlAudit", "HtmlPage", "decode_html", "extract_html", "is_html",
           "local_date", "plain_title"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MIN_PROSE_WORDS = 40        # an article has at least this many words in sentence-long paragraphs
KEPT_PART_CHARS = 60        # a block this long found inside a kept line counts as kept
PROSE_PARAGRAPH_WORDS = 12  # a paragraph this long (in syllables) reads as prose, not a menu item
UNDER_TITLE_BLOCKS = 8      # how far below the headline a dropped sapo or dateline is looked for
TITLE_PART_WORDS = 4        # a part of a <title> this long may be the headline, not the site
LAYOUT_PROSE_PARAGRAPHS = 3  # paragraphs of prose in a cell that make a table an article's
SECTION_NAME_WORDS = 12     # at most this long, a block above the <h1> is a section name
# Vietnam's time (no daylight saving): a timestamp's date is read there, as the page prints it.
VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7), "UTC+7")
# Between a title and the site's name in <title> or og:title: "Tựa bài - Báo X", "Báo X | Tựa".
SITE_SEPARATOR = r"\s+[-–—|»·]\s+"
# Where a title cut short goes on in the <h1>: after a comma, semicolon or colon, or with a
# word in lower case (not a separator and the site's name).
_CUT_TITLE_RE = re.compile(r"[,;:]\s+(\S)|\s+(\w)")
_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                    re.IGNORECASE | re.DOTALL)
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
     "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
     "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
     "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "amp-carousel", "amp-sidebar", "button",
     "label", "option", "select", "textarea"])
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "head", "svg", "iframe"])
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class HtmlAudit:
    """What trafilatura kept of the page's text blocks (the text of each block-level element of
    the body, scripts and styles left out) and the text of every block it dropped, in page
    order; ``dropped_above`` are those above the first body paragraph (page clock, kicker,
    dateline, byline: where the text rules can look for a dateline the markup does not give)."""

    blocks_in_page: int
    blocks_kept: int
    dropped: tuple[str, ...]
    dropped_above: tuple[str, ...]
    chars_in_page: int
    chars_kept: int

    @property
    def blocks_dropped(self) -> int:
        """How many of the page's text blocks are not in the extracted text."""
        return len(self.dropped)

    def summary(self) -> str:
        """One line for the page's audit, e.g. 'html: kept 8 of 41 text blocks ...'."""
        return (f"html: kept {self.blocks_kept} of {self.blocks_in_page} text blocks "
                f"({self.chars_kept} of {self.chars_in_page} characters); "
                f"dropped {self.blocks_dropped} (menus, related stories, comments, footer ...)")


@dataclass(frozen=True)
class HtmlPage:
    """One saved HTML page: its article text and metadata, each value with where it was found.

    ``text`` is the headline (when found) and then the body, one paragraph per line, so the
    project's line-based cleaning applies to it as to a ``.txt`` page. ``sources`` pairs each
    metadata field that has a value, under the loader's names (title, published, author, outlet,
    url), with where the value stands in the page: "html:json-ld", "html:og" (Open Graph),
    "html:meta" (other meta tags), "html:canonical" (link rel=canonical), "html:time" (a
    ``<time datetime>``), "html:url" (a date in the page's URL), "html:h1", "html:title",
    "html:byline" (an element classed author/byline), or "trafilatura" when its value matches
    none of these (e.g. a site name taken from the title). ``published`` is a date the markup
    states (JSON-LD, Open Graph or other meta, ``<time datetime>``, or the page URL); a date
    htmldate found only in the page's text is kept apart in ``date_in_text`` and not used, as it
    may be a page clock or a related story's. A timestamp that states its offset
    ("2021-12-14T18:30:00Z") gives its date in Vietnam's time (UTC+7): 15 December here.

    ``under_title`` are blocks trafilatura dropped between the headline and the first paragraph
    it kept, put back into ``text`` for the line cleaning to judge: a sapo (the bold lead
    paragraph many sites print outside the article's element) and a dateline
    (``_under_title``).
    """

    name: str
    encoding: str
    encoding_note: str
    title: str | None
    paragraphs: tuple[str, ...]
    published: dt.date | None
    author: str | None
    sitename: str | None
    url: str | None
    sources: tuple[tuple[str, str], ...]
    audit: HtmlAudit
    date_in_text: dt.date | None = None
    under_title: tuple[str, ...] = ()
    cut_short: str | None = None
    above_title: int = 0
    warning: str | None = None

    @property
    def text(self) -> str:
        """Headline, the blocks put back from under it (``under_title``) and the paragraphs,
        one per line; the first ``above_title`` paragraphs (a section name extraction kept)
        above the headline, where the page prints them."""
        head = (self.title,) if self.title else ()
        above, below = self.paragraphs[:self.above_title], self.paragraphs[self.above_title:]
        return "\n".join(above + head + self.under_title + below)

    @property
    def metadata_from(self) -> dict[str, str]:
        """Loader field name (title, published, author, outlet, url) -> provenance, for the
        fields that have a value."""
        return dict(self.sources)

    def with_provenance(self, names: dict[str, str]) -> HtmlPage:
        """This page with each provenance in ``names`` said as its value there (where a page
        read from Markdown or MHTML holds what its HTML's markup gives)."""
        return replace(self, sources=tuple(
            (field, names.get(source, source)) for field, source in self.sources))

    def metadata(self) -> dict[str, object]:
        """The values under the loader's field names: title, published, author, outlet, url."""
        return {"title": self.title, "published": self.published, "author": self.author,
                "outlet": self.sitename, "url": self.url}


def is_html(name: str, data: bytes | None = None) -> bool:
    """Whether a corpus file is an HTML page: by its extension, or (for a file whose extension
    says nothing, neither HTML nor ``.txt``) by its first bytes.

    Parameters
    ----------
    name : str
    data : bytes | None, optional

    Returns
    -------
    bool

    Examples
    --------
    >>> page = b"<!DOCTYPE html><html>"
    >>> is_html("trang.HTM"), is_html("bai.txt", b"<html>"), is_html("bai", page)
    (True, False, True)
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix == ".txt" or data is None:
        return False
    head = data[:2048]
    for bom, _ in _BOMS[:3]:
        head = head.removeprefix(bom)
    return bool(_SNIFF.match(head))


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(data: bytes, name: str) -> tuple[str, str, str]:
    """Decode a page's bytes: a byte-order mark first, then UTF-8 when the bytes are valid UTF-8
    (whatever the page declares: pages declared windows-1252 are often served in UTF-8), then
    the declared charset, then charset-normalizer's guess. Returns text (NFC), codec, note.
    UTF-8 with a few damaged bytes (``helpers.damage.utf8_damage``: cut short by a download)
    is an error saying so, not read in another charset.

    Parameters
    ----------
    data : bytes
    name : str

    Examples
    --------
    >>> decode_html('<meta charset="windows-1252"><p>Hội nghị</p>'.encode(), "a.html")[1:]
    ('utf-8', 'valid UTF-8, declared cp1252')
    """
    declared = _declared_encoding(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, note = _try(data, codec), f"byte-order mark ({codec})"
            break
    else:
        text, codec, note = _try(data, "utf-8"), "utf-8", "valid UTF-8"
        if text is None and (why := utf8_damage(data)) is not None:
            # before the declared charset, which may read anything (windows-1252)
            raise CorpusError(f"{name}: cannot decode the page as UTF-8: {why}; save or "
                              "download it again.")
        if text is not None and declared not in (None, "utf-8") and not data.isascii():
            note += f", declared {declared}"
        elif text is None and declared and (text := _try(data, declared)) is not None:
            codec, note = declared, "declared charset"
        elif text is None and (guess := from_bytes(data).best()) is not None:
            codec, note = guess.encoding, "guessed by charset-normalizer"
            text = _try(data, codec)
    if text is None or "\x00" in text:
        raise CorpusError(f"{name}: cannot decode the page as text (no byte-order mark, not UTF-8, "
                          f"declared charset {declared or 'none'}, no sound guess)")
    return unicodedata.normalize("NFC", text), codec, note


def _squash(text: str) -> str:
    return " ".join(text.split())


# Comments, processing instructions, a doctype and tags: what a page that lxml cannot parse
# may hold besides text.
_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<[!?/]?[A-Za-z][^>]*>", re.DOTALL)
# The end of a page cut inside a tag: "<", then a tag's start and no ">" to the end.
_OPEN_TAG_AT_END = re.compile(r"<[!?/]?[A-Za-z][^<>]*\Z")
_BODY_OPEN = re.compile(r"<body[\s>]", re.IGNORECASE)
_PAGE_CLOSE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def cut_short(text: str) -> str | None:
    """Why a page's markup looks cut short (an interrupted download or save), or None: it ends
    inside a tag, or it opens ``<body>`` and closes neither it nor ``<html>``. (HTML allows
    leaving both closing tags out, which browsers and sites' templates do not.)

    Examples
    --------
    >>> cut_short("<html><body><p>Hội nghị</p></body></html>") is None
    True
    >>> cut_short("<html><body><p>Hội nghị</p><div cla")
    'it ends inside a tag'
    >>> cut_short("<html><body><p>Hội nghị</p><p>Sáng 19/12")
    'it ends before </body> and </html>'
    """
    if _OPEN_TAG_AT_END.search(text.rstrip()):
        return "it ends inside a tag"
    if _BODY_OPEN.search(text) and not _PAGE_CLOSE.search(text):
        return "it ends before </body> and </html>"
    return None


def _visible(text: str) -> bool:
    """Whether text shows anything: not only spaces and invisible format characters."""
    return bool(normalize_text(text).strip())


# Where a block of prose is not a sapo: a caption, a list item, a sidebar, a related box.
_NOT_SAPO_TAGS = frozenset(["figure", "figcaption", "caption", "li", "aside", "nav", "footer",
                            "table", "blockquote"])
_NOT_SAPO_CLASS = re.compile(r"caption|related|relate|newsletter|audio|player|comment|banner",
                             re.IGNORECASE)


# Where the markup names a block the sapo: "sapo", "detail-sapo", "article__sapo", "chapeau",
# "lead", "summary" and "description" as a class's or id's word.
_SAPO_CLASS = re.compile(r"(?<![^\W_])(?:sapo|chapeau|lead|summary|description)(?![^\W_])",
                         re.IGNORECASE)


def _text_blocks(root, asides: list[bool] | None = None,
                 sapos: list[bool] | None = None) -> list[str]:
    """The text of each block-level element of the body, inline children included; with
    ``asides``, filled with whether each block stands where a sapo does not (``_NOT_SAPO_TAGS``
    and classes or ids like ``_NOT_SAPO_CLASS``); with ``sapos``, whether the markup names it
    the sapo (it or an element around it has a class or id like ``_SAPO_CLASS``)."""
    blocks: list[str] = []
    buffer: list[str] = []

    def flush(aside: bool, sapo: bool) -> None:
        if text := _squash("".join(buffer)):
            blocks.append(text)
            if asides is not None:
                asides.append(aside)
            if sapos is not None:
                sapos.append(sapo)
        buffer.clear()

    def walk(element, aside: bool, sapo: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        inner = aside or tag in _NOT_SAPO_TAGS or bool(_NOT_SAPO_CLASS.search(names))
        named = sapo or bool(_SAPO_CLASS.search(names))
        block = tag in _BLOCK_TAGS or tag == "br"
        if block:
            flush(aside, sapo)
        buffer.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and child.tag.lower() not in _SKIP_TAGS:
                walk(child, inner, named)
            buffer.append(child.tail or "")
        if block:
            flush(inner, named)

    body = root.find(".//body")
    walk(body if body is not None else root, False, False)
    flush(False, False)
    return blocks


def _above_article(blocks: list[str], paragraphs: tuple[str, ...]) -> list[str]:
    """The blocks above the first that extraction kept as a paragraph (``_first_kept``): where
    a page prints its headline (all of them when it kept none)."""
    first = _first_kept(blocks, paragraphs)
    return blocks if first is None else blocks[:first]


def _is_kept(block: str, kept: set[str]) -> bool:
    """A block is kept when it is a kept line, or a long part of one (trafilatura joins inline
    runs); a short block that merely occurs inside a kept line (a kicker, a menu word) is not."""
    return block in kept or (len(block) >= KEPT_PART_CHARS and any(block in line for line in kept))


def _zone_headings(blocks: list[str], paragraphs: tuple[str, ...],
                   first: int | None) -> tuple[str, ...]:
    """``paragraphs`` with the headings of zones below the article that extraction dropped
    while keeping what they head ("Các tin khác" over a list of other stories it kept, "THĂM
    DÒ Ý KIẾN" over a poll's options: ``cleaning.opens_zone``) put back above the paragraph
    that follows them in the page, so the line cleaning reads that as related news, a poll or
    comments, as on a text page. Only below ``first``, the first kept paragraph's block
    (``_first_kept``, found before they are put back: a sidebar's heading of the same words
    above the article does not become the article's start)."""
    kept = set(paragraphs)
    if first is None:
        return paragraphs
    out, at = list(paragraphs), 0       # at: where the paragraphs are searched from
    for i in range(first + 1, len(blocks) - 1):
        below = blocks[i + 1]
        # (a zone's heading is short: tested first, the kept-tests scan every kept line)
        if not opens_zone(blocks[i]) or _is_kept(blocks[i], kept) or not _is_kept(below, kept):
            continue
        j = next((j for j in range(at, len(out)) if out[j] == below or (
            len(below) >= KEPT_PART_CHARS and below in out[j])), None)
        if j is not None:
            out.insert(j, blocks[i])
            at = j + 2
    return tuple(out)


def _first_kept(blocks: list[str], paragraphs: tuple[str, ...]) -> int | None:
    """The index of the first block extraction kept as a paragraph, if any."""
    kept = set(paragraphs)
    return next((i for i, block in enumerate(blocks) if _is_kept(block, kept)), None)


def _is_sapo(text: str) -> bool:
    """A block that reads as a sapo, not a heading: prose (``_is_prose``) ending in a full
    stop (a question headline ends in "?")."""
    return _is_prose(text) and text.rstrip().endswith(".")


def _is_prose(text: str, full_stop: bool = True) -> bool:
    """A paragraph that reads as prose: ``PROSE_PARAGRAPH_WORDS`` words or more, ending a
    sentence (unless not ``full_stop``: a sapo the markup names may end none)."""
    return len(text.split()) >= PROSE_PARAGRAPH_WORDS and (
        not full_stop or bool(PARAGRAPH_END.search(text)))


def _audit(blocks: list[str], title: str | None, paragraphs: tuple[str, ...],
           under: tuple[str, ...], first: int | None) -> HtmlAudit:
    """What extraction kept of the body's blocks (``_text_blocks``), with the blocks put back
    from under the headline (``under``); ``first``: the first kept paragraph's block."""
    kept = set(paragraphs) | set(under) | ({title} if title else set())
    flags = [_is_kept(block, kept) for block in blocks]
    first = len(blocks) if first is None else first
    return HtmlAudit(blocks_in_page=len(blocks), blocks_kept=sum(flags),
                     dropped=tuple(b for b, k in zip(blocks, flags, strict=False) if not k),
                     dropped_above=tuple(b for b, k in zip(blocks[:first], flags, strict=False)
                                         if not k),
                     chars_in_page=sum(map(len, blocks)),
                     chars_kept=sum(len(b) for b, k in zip(blocks, flags, strict=False) if k))


def _json_ld(root) -> list[dict]:
    """Every JSON-LD object of the page (graphs and lists flattened)."""
    found: list[dict] = []
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _names(value) -> list[str]:
    """Strings from a JSON-LD value: a string, an object with a name, or a list of these."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name") or value.get("@id") or "")
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _meta(root, *keys: str) -> list[str]:
    return [value for key in keys
            for value in root.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')]


def _candidates(root) -> dict[str, list[tuple[str, str]]]:
    """For each field, (source, value) pairs found in the page's markup, in order of trust."""
    ld = _json_ld(root)

    def from_ld(*keys: str) -> list[tuple[str, str]]:
        return [("html:json-ld", name)
                for item in ld for key in keys for name in _names(item.get(key))]

    def tagged(source: str, values: list[str]) -> list[tuple[str, str]]:
        return [(source, value) for value in values]

    return {
        "title": from_ld("headline") + tagged("html:og", _meta(root, "og:title"))
        + tagged("html:h1", [el.text_content() for el in root.xpath("//h1")])
        + tagged("html:title", root.xpath("//title/text()")),
        "published": from_ld("datePublished") + tagged("html:og", _meta(
            root, "article:published_time", "og:published_time"))
        + tagged("html:microdata", root.xpath('//*[@itemprop="datePublished"]/@content'
                                              '|//*[@itemprop="datePublished"]/@datetime'))
        + tagged("html:meta", _meta(root, "pubdate", "publishdate", "date", "dc.date.issued"))
        + tagged("html:time", root.xpath("//time/@datetime"))
        + tagged("html:url", [date.isoformat() for href in root.xpath(
            '//link[@rel="canonical"]/@href|//meta[@property="og:url"]/@content')
            if (date := address_date(href))]),
        "author": from_ld("author") + tagged("html:meta", _meta(root, "author", "article:author"))
        + tagged("html:byline", [el.text_content() for el in root.xpath(
            '//*[contains(@class, "author") or contains(@class, "byline")]')]),
        "outlet": tagged("html:og", _meta(root, "og:site_name")) + from_ld("publisher"),
        "url": tagged("html:canonical", root.xpath('//link[@rel="canonical"]/@href'))
        + tagged("html:og", _meta(root, "og:url")) + from_ld("mainEntityOfPage", "url"),
    }


def _source(field: str, value: str,
            candidates: list[tuple[str, str]]) -> tuple[str, str | None]:
    """Where a value trafilatura or htmldate returned stands in the markup, and the markup's
    own value there (a date's whole timestamp); else who found it, and None."""
    key = _squash(value).casefold()
    for source, candidate in candidates:
        folded = _squash(candidate).casefold()
        if folded == key or (field == "published" and folded[:10] == key):
            return source, candidate
    return ("htmldate" if field == "published" else "trafilatura"), None


def local_date(stamp: str) -> dt.date | None:
    """The date of an ISO 8601 timestamp in Vietnam's time when it states an offset, else as
    written; None when it is not one.

    Examples
    --------
    >>> local_date("2021-12-14T18:30:00Z"), local_date("2021-12-14T18:30:00+07:00")
    (datetime.date(2021, 12, 15), datetime.date(2021, 12, 14))
    >>> local_date("2021-12-14"), local_date("14/12/2021")
    (datetime.date(2021, 12, 14), None)
    """
    try:
        moment = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return (moment.astimezone(VIETNAM_TIME) if moment.tzinfo else moment).date()


def plain_title(title: str, sitename: str | None, headings: list[str]) -> str:
    """``title`` without the site's name that ``<title>`` and og:title often add: the page's
    ``<h1>`` when the title is it plus a separator and more, else the title with the site's
    name cut off one end.

    Examples
    --------
    >>> plain_title("Hội nghị bế mạc – Báo Mẫu", "Báo Mẫu", [])
    'Hội nghị bế mạc'
    >>> plain_title("Cổng TTĐT - Hội nghị bế mạc", None, ["Hội nghị bế mạc"])
    'Hội nghị bế mạc'
    >>> plain_title("Thủ tướng: Hội nghị bế mạc", "Báo Mẫu", ["Hội nghị bế mạc"])
    'Thủ tướng: Hội nghị bế mạc'

    The ``<h1>`` too when the title is its beginning, cut where the sentence goes on (an
    og:title shortened for sharing):

    >>> plain_title("Hội nghị bế mạc", None, ["Hội nghị bế mạc, mở ra năm mới"])
    'Hội nghị bế mạc, mở ra năm mới'
    """
    for heading in headings:
        if heading.startswith(title) and len(title.split()) >= TITLE_PART_WORDS \
                and (goes_on := _CUT_TITLE_RE.match(heading, len(title))) \
                and (goes_on[1] or goes_on[2].islower()) and not _is_masthead(heading):
            return heading
        if len(heading.split()) >= TITLE_PART_WORDS and heading != title and (
                re.fullmatch(rf"{re.escape(heading)}{SITE_SEPARATOR}.+", title)
                or re.fullmatch(rf".+{SITE_SEPARATOR}{re.escape(heading)}", title)):
            return heading
    if sitename:
        name = re.escape(_squash(sitename))
        cut = re.sub(rf"{SITE_SEPARATOR}{name}$|^{name}{SITE_SEPARATOR}", "", title,
                     flags=re.IGNORECASE)
        if cut.strip():
            return cut.strip()
    return title


def _headline_at(blocks: list[str], first: int, titles: set[str]) -> int | None:
    """The nearest block above block ``first`` (the article's first kept paragraph), at most
    ``UNDER_TITLE_BLOCKS`` up, whose text is one of ``titles`` (case aside)."""
    keys = {title.casefold() for title in titles if title}
    return next((i for i in range(first - 1, max(first - 1 - UNDER_TITLE_BLOCKS, -1), -1)
                 if blocks[i].casefold() in keys), None)


_UPDATED = re.compile(r"cập nhật|updated|sửa", re.IGNORECASE)
# Dates that say nothing of the article's own unless they stand in it: a date in the URL, and
# a <time> element (a page holds them for comments, related items and the clock too).
_PLACED_DATES = frozenset({"html:url", "html:time"})
# Where the markup states the article's own date (not a template's <meta name="date">, not any
# <time> on the page).
_ARTICLE_MARKUP = frozenset({"html:json-ld", "html:og", "html:microdata"})


def _month_first(block: str) -> bool:
    """A row with a 12-hour clock and a numeric date that reads both ways ("12/05/2023 10:00
    AM"): likely month first, as the text rules (day first) would misread it; not put back."""
    match = FULL_DATE.search(block) if MERIDIEM.search(block) else None
    return bool(match and match["d"] and match["d"] != match["m"]
                and int(match["d"]) <= 12 and int(match["m"]) <= 12)


def _under_title(blocks: list[str], asides: list[bool], top: int, first: int,
                 dated: bool, date_headings: frozenset[str] = frozenset(),
                 named_sapos: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """The blocks between the headline (block ``top``) and the first kept paragraph (block
    ``first``) to put back: the last one that is a sapo (prose of ``PROSE_PARAGRAPH_WORDS``
    words or more, ending a sentence, or the block the markup names the sapo, ``named_sapos``,
    without its full stop; not in a caption, list or box: ``asides``), and, when the
    markup states no date (not ``dated``), a dateline that is not an update's: a date and time
    alone, or a short line the text rules read as a dateline (an author's name and the time
    in one row); with none there, a dateline in a heading right above the headline (a blog's
    date header: ``date_headings``, the page's ``<h2>``-``<h4>`` texts), put back under it (a
    page's clock in a bar of its own is no heading)."""
    between = range(top + 1, first)
    sapo = next((i for i in reversed(between)
                 if not asides[i] and _is_prose(blocks[i], full_stop=i not in named_sapos)),
                None)

    def before_update(i: int) -> str:
        # a row with the update's time after the article's: "Bảo Ngọc - 04/01/2024 07:00
        # (Cập nhật: 05/01/2024 10:30) Chia sẻ ...": what stands before the update's label
        update = _UPDATED.search(blocks[i])
        return blocks[i][:update.start()].rstrip(" (|·-–") if update else blocks[i]

    def a_dateline(i: int) -> bool:
        text = before_update(i)
        return not dated and not asides[i] and bool(text) and bool(
            parse_dateline(text) or is_dateline(text)) and not _month_first(text)

    under = tuple(blocks[i] if i == sapo else before_update(i) for i in between
                  if i == sapo or a_dateline(i))
    if top == 0 or dated or asides[top - 1] or any(map(a_dateline, between)):
        return under
    if blocks[top - 1] in date_headings and a_dateline(top - 1):
        return (blocks[top - 1], *under)    # a blog's date header, right above the post's title
    row = _dated_row(before_update(top - 1))
    if row and CLOCK_AT.search(row) and not NOT_ITS_DATE.match(row) and not _month_first(row) \
            and not (top > 1 and _reads_as_headline(blocks[top - 2])
                     and not _BREADCRUMB.search(blocks[top - 2])) \
            and not any(_timed_row(blocks[i])
                        for i in range(max(top - 1 - UNDER_TITLE_BLOCKS, 0), top - 1)):
        # the article's date and time printed right above its headline, alone or after the
        # section's name ("Thời sự | Thứ Năm, 16/12/2021 | 09:20", "Ngày đăng: 24/08/2016
        # 10:15 SA"); not a clock (no time, or "Hôm nay"), nor a print's date ("Ngày in"),
        # nor an update's time alone, nor the date of an item of a list: under another
        # story's headline, or the last of several dated rows (a row with its time above it)
        return (row, *under)
    return under


# A breadcrumb's separator: "Trang chủ > Thương mại > Chi tiết tin"
_BREADCRUMB = re.compile(r"\s[>»›/|]\s")


def _timed_row(block: str) -> bool:
    """Whether ``block`` is a date with its time (a dated row of a list, a headline glued to
    its date and time), not a bare date (a page's clock)."""
    row = _dated_row(block, label_words=SECTION_NAME_WORDS) or (block if is_dateline(block)
                                                                  else None)
    return bool(row and CLOCK_AT.search(row))


# Where a dateline glued to the section's name before it starts: its weekday
_WEEKDAY = re.compile(WEEKDAY, re.IGNORECASE)


SECTION_LABEL_WORDS = 4    # at most this long, a label glued to a dateline is a section's name


def _dated_row(block: str, label_words: int = SECTION_LABEL_WORDS) -> str | None:
    """A block that is a dateline, or the dateline in it after a section's short name of at
    most ``label_words`` words ("Đối thoạiThứ Năm, 16/12/2021 | 09:20": two spans without a
    space between; not another story's headline glued to its date): that dateline; else
    None."""
    if parse_dateline(block):
        return block
    weekday = _WEEKDAY.search(block, 1)
    if weekday is None:
        return None
    label, row = block[:weekday.start()].rstrip(" |·-–:"), block[weekday.start():]
    # (a section's name has no digits: "Hà Nội 18°C" is a weather widget's)
    return row if label and len(label.split()) <= label_words and parse_dateline(row) \
        and not any(map(str.isdigit, label)) else None


def _lone_cell(line: str) -> str:
    """A table row of several cells with text in one only ("| Tựa bài | | |", a layout table's
    heading row beside its icons): that text; else the line."""
    if not (line.startswith("|") and line.endswith("|")):
        return line
    cells = [cell.strip() for cell in line[1:-1].split("|")]
    filled = [cell for cell in cells if cell]
    return filled[0] if len(cells) >= 2 and len(filled) == 1 else line


def _paragraphs(text: str, title: str | None) -> tuple[str, ...]:
    lines = [_lone_cell(_squash(line)) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if title:
        # the headline set on two lines by a <br> in its heading ("Bế mạc ...:<br>Cụ thể hóa
        # ..."): one line, as the page's title gives it
        # (above the first line longer than the title: a lead; a poem's two lines quoted
        # below that make the title stay lines of the poem)
        key = _squash(title)
        top = next((k for k, line in enumerate(lines) if len(line) > len(key)), len(lines))
        at = next((k for k in range(min(top, len(lines) - 1))
                   if len(lines[k]) < len(key) and key.startswith(lines[k])
                   and f"{lines[k]} {lines[k + 1]}" == key), None)
        if at is not None:
            lines[at:at + 2] = [key]
    if lines and title and lines[0] == _squash(title):
        lines = lines[1:]   # trafilatura keeps the <h1> when it stands inside the article block
    return tuple(lines)


def _kept_above(blocks: list[str], paragraphs: tuple[str, ...], first: int | None,
                title: str | None) -> int:
    """How many of the first paragraphs the page prints above its headline: blocks extraction
    kept (a section name, a kicker) between the first kept block ``first`` and the headline's
    block, at most ``UNDER_TITLE_BLOCKS`` below it."""
    if first is None or not title:
        return 0
    key = title.casefold()
    end = min(first + 1 + UNDER_TITLE_BLOCKS, len(blocks))
    top = next((i for i in range(first + 1, end) if blocks[i].casefold() == key), None)
    if top is None:
        return 0
    lines = set(paragraphs)
    kept = [blocks[i] for i in range(first, top) if _is_kept(blocks[i], lines)]
    # Only short labels: prose there means the headline's text is repeated in the body (a
    # caption, a bold line), not that the article starts above it.
    if any(_is_prose(block) or len(block.split()) > SECTION_NAME_WORDS for block in kept):
        return 0
    return min(len(kept), len(paragraphs))


def _page_titles(root) -> list[str]:
    """The page's ``<title>`` and og:title, spaces squashed."""
    return [_squash(whole) for whole in root.xpath("//title/text()") + _meta(root, "og:title")]


def _title_parts(titles: list[str]) -> set[str]:
    """The parts of the page's ``titles`` (``_page_titles``) between site separators that may
    be a headline (``TITLE_PART_WORDS`` words or more), case-folded."""
    return {part.casefold() for whole in titles for part in re.split(SITE_SEPARATOR, whole)
            if len(part.split()) >= TITLE_PART_WORDS}


def _site_wide(root, titles: list[str], title: str) -> bool:
    """Whether ``title`` is the site's, not the article's: the page's Open Graph data says it
    describes the website (``og:type`` "website", as a template's defaults do) and the title
    is its og:title or ``<title>`` (``titles``), or a part of one (the site's slogan after its
    name)."""
    if "website" not in (value.strip().lower() for value in _meta(root, "og:type")):
        return False
    return title in titles or title.casefold() in _title_parts(titles)


# Words a news site's name holds ("BÁO ...", "... ĐIỆN TỬ", "CỔNG THÔNG TIN ...", "... ONLINE").
_MASTHEAD_WORDS = re.compile(r"\b(?:báo|tạp chí|cổng|đài|truyền hình|điện tử|online|news|"
                             r"tin tức|thông tấn|times|post|herald)\b", re.IGNORECASE)


def _home_page(url: str | None) -> bool:
    """Whether ``url`` is a site's home page ("https://baomau.vn/"), which a template's
    og:url or canonical link gives every page: not the article's address.

    Examples
    --------
    >>> _home_page("https://baomau.vn/"), _home_page("https://baomau.vn/?p=123")
    (True, False)
    >>> _home_page("https://baomau.vn/thoi-su/hoi-nghi-ngoai-giao-32.html")
    False
    """
    if not url:
        return False
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def _reads_as_headline(text: str) -> bool:
    """``TITLE_PART_WORDS`` words up to ``max_words`` of ``[headline]`` in page_chrome.toml,
    no sentence's end, not a masthead, nor a line the text rules never take for a headline (a
    series' label "Chuyên đề: ...", a banner)."""
    return TITLE_PART_WORDS <= len(text.split()) <= page_rules().setting("headline",
                                                                         "max_words") \
        and not PARAGRAPH_END.search(text) and not _is_masthead(text) \
        and not never_headline(text)


def _section_names(root, titles: set[str]) -> frozenset[str]:
    """Those of ``titles`` that are a section's name, not a headline, on a page that says it is
    a site's page, not an article's (og:type "website"): too short for a headline (under
    ``TITLE_PART_WORDS`` words) and the text of a link on the page (the site's menu or
    breadcrumb names its sections). An article's own short headline ("Tết xa quê") may be a
    link too (a breadcrumb's last item, a tag)."""
    short = {t for t in titles if t and len(t.split()) < TITLE_PART_WORDS}
    if not short or "website" not in {kind.strip().lower() for kind in _meta(root, "og:type")}:
        return frozenset()
    links = {_squash(link.text_content()).casefold() for link in root.iter("a")}
    return frozenset(t for t in short if t.casefold() in links)


# Where a site's menu stands: a <nav>, or an element classed or named as a menu ("menu",
# "menuNgang", "main-nav", "navbar").
_MENU_LINKS = ('//nav//a|//*[contains(translate(@class, "MENUAV", "menuav"), "menu") or '
               'contains(translate(@id, "MENUAV", "menuav"), "menu") or '
               'contains(translate(@class, "MENUAV", "menuav"), "nav") or '
               'contains(translate(@id, "MENUAV", "menuav"), "nav")]//a')


def _is_link_text(root, text: str) -> bool:
    """Whether ``text`` is the whole text of a link of the site's menu (``_MENU_LINKS``; not a
    headline's own link, nor a box of most read stories)."""
    key = text.casefold()
    return any(_squash(link.text_content()).casefold() == key
               for link in root.xpath(_MENU_LINKS))


def _subheadings(root, lower: frozenset[str]) -> set[str]:
    """The page's ``<h2>``-``<h4>`` (``lower``: their texts) and elements classed as a title,
    heading or headline that read as a headline (``_reads_as_headline``), case-folded: where a
    template with no ``<h1>`` prints the headline ("h3.title", "div.title", Joomla's
    "td.contentheading", a Vietnamese portal's "span.tieude": "tiêu đề" is Vietnamese for
    title; not "tieude_lienquan", "tieude-tinkhac" or "tieude_chuyenmuc", the titles of a
    related box or a section)."""
    classed = (_squash(element.text_content()) for element in root.xpath(
        '//*[contains(@class, "title")]|//*[contains(@class, "heading")]'
        '|//*[contains(@class, "headline")]'
        '|//*[(contains(@class, "tieude") or contains(@class, "tieu-de")'
        ' or contains(@class, "tieu_de")) and not(contains(@class, "lienquan"))'
        ' and not(contains(@class, "khac")) and not(contains(@class, "chuyenmuc"))]'))
    return {text.casefold() for text in (*lower, *classed) if _reads_as_headline(text)}


def _is_masthead(text: str) -> bool:
    """A site's name in capitals ("BÁO BIÊN THÙY ĐIỆN TỬ"): fewer words than a headline in
    capitals has (``caps_min_words`` of ``[headline]`` in page_chrome.toml, as for text), and
    a word of a news site's name (a headline in capitals, "BẾ MẠC HỘI NGHỊ ...", has none)."""
    return in_capitals(text) \
        and len(text.split()) < page_rules().setting("headline", "caps_min_words") \
        and bool(_MASTHEAD_WORDS.search(text))


def _headline_and_under(parts: set[str], blocks: list[str], asides: list[bool],
                        first: int | None, title: str | None, headings: list[str],
                        dated: bool, lower: frozenset[str] = frozenset(),
                        sections: frozenset[str] = frozenset(),
                        named_sapos: frozenset[int] = frozenset()
                        ) -> tuple[str | None, tuple[str, ...]]:
    """The title, and the blocks to put back under the headline (``_under_title``): the
    headline is the block above the first kept paragraph (``first``) that is the title or an
    ``<h1>`` (an ``<h1>`` that reads as a headline, with no lower heading between it and the
    article, is then the title: the markup's title may be written for search engines; a
    category's or series' ``<h1>`` stands over the article's own heading, ``lower``: the page's
    ``<h2>``-``<h4>`` texts; a sapo printed in an ``<h2>``, ``_is_sapo``, is none), else one
    that is a part of the page's ``<title>`` or og:title, or a heading there (``parts``),
    which is then the title (extraction took the other part, the site's name, or a title the
    page prints nowhere, or a section's name: ``sections``, ``_section_names``); none found,
    nothing is put back."""
    if first is None:
        return title, ()
    named = {title or "", *headings}
    top = _headline_at(blocks, first, named)
    if top is not None and blocks[top] in sections \
            and (nearer := _headline_at(blocks, first, parts)) is not None and nearer > top \
            and not _is_masthead(blocks[nearer]):
        # a section's name (a category's <h1> over a listing), with a heading the title's
        # parts name between it and the article: that heading
        top = None
    if top is None:
        top = _headline_at(blocks, first, parts)
        if top is None or _is_masthead(blocks[top]):   # none, or the site's name as its logo
            return title, ()
        title = blocks[top]
    elif title and blocks[top].casefold() != title.casefold() \
            and _reads_as_headline(blocks[top]) \
            and not any(blocks[i] in lower and not _is_sapo(blocks[i])
                        for i in range(top + 1, first)):
        title = blocks[top]
    return title, _under_title(blocks, asides, top, first, dated, lower, named_sapos)


def _rows(table) -> list:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def _is_layout(table) -> bool:
    """A table that lays out the page (old portals set their columns, menus and the article
    in tables), not one of data: marked as presentation, or holding another table, of one
    column or of one row (the page's columns), and holding prose (``_is_prose``) in a cell,
    or in ``LAYOUT_PROSE_PARAGRAPHS`` paragraphs of one cell; one with a caption, a header
    cell or a header row is data, and so is a column of short entries."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if table.xpath("./caption|./thead|.//th"):
        return False
    rows = _rows(table)
    shaped = bool(table.xpath(".//table")) or all(len(row.xpath("./td")) <= 1 for row in rows) \
        or len(rows) == 1
    # ... and it holds an article's prose, not short entries (a one-column list of names):
    # a cell of prose, or a cell with paragraphs of prose, as many as an article has (its
    # text as a whole may end with a list of other stories; a caption's, a fact box's or a
    # timeline row's one paragraph does not make a layout)
    return shaped and any(
        _is_prose(_squash(cell.text_content())) or sum(
            _is_prose(_squash(p.text_content())) for p in cell.iter("p"))
        >= LAYOUT_PROSE_PARAGRAPHS for cell in table.iter("td"))


def _unwrap_layout_tables(root) -> bool:
    """Turn layout tables (``_is_layout``) into plain blocks, each cell a ``div``, so that
    extraction reads the article in them as text and not as rows of a table ("| ... |").
    Whether any was found."""
    layout = [table for table in root.iter("table") if _is_layout(table)]
    for table in layout:
        for row in _rows(table):
            for cell in row.xpath("./td"):
                cell.tag = "div"
            row.tag = "div"
        for part in table.xpath("./thead|./tbody|./tfoot"):
            part.tag = "div"
        table.tag = "div"
    return bool(layout)


def _too_little_prose(paragraphs: tuple[str, ...]) -> str | None:
    """Why the main text is no article (fewer than ``MIN_PROSE_WORDS`` words in paragraphs of
    prose), or None."""
    prose = [p for p in paragraphs
             if not p.startswith("- ") and len(p.split()) >= PROSE_PARAGRAPH_WORDS]
    words = sum(len(p.split()) for p in prose)
    if words >= MIN_PROSE_WORDS:
        return None
    return (f"{words} words of prose in the main text (at least {MIN_PROSE_WORDS} make an "
            "article); a section index, error page or empty page?")


def extract_html(data: bytes, name: str, require_article: bool = True) -> HtmlPage:
    """Read one saved HTML page: decode it, take the main text (comments, menus, related stories
    and footers left out) and metadata, and audit what was dropped.

    Parameters
    ----------
    data : bytes
        The file's bytes, as saved or fetched.
    name : str
        The file's name, for error messages.
    require_article : bool
        Refuse a page with fewer than ``MIN_PROSE_WORDS`` words of prose in its main text (a
        section index, an error page). Without, such a page is read, with a ``warning`` (a
        Markdown page, which someone chose to keep: a short note is a page), and a page with no
        main text at all raises ``NoVisibleText``.

    Returns
    -------
    HtmlPage
        Text, metadata with provenance, and the audit of dropped blocks.

    Raises
    ------
    CorpusError
        The bytes cannot be decoded, or the page holds no article.

    Examples
    --------
    >>> page = extract_html(('<html><head><meta property="og:site_name" content="Báo Mẫu"></head>'
    ...     '<body><nav><a href="/">Trang chủ</a></nav><article><h1>Hội nghị Ngoại giao</h1><p>'
    ...     + "Hội nghị Ngoại giao lần thứ 32 đã khai mạc sáng nay tại Hà Nội. " * 5
    ...     + '</p></article></body></html>').encode(), "a.html")
    >>> page.sitename, page.metadata_from["outlet"], len(page.paragraphs)
    ('Báo Mẫu', 'html:og', 1)
    """
    text, encoding, note = decode_html(data, name)
    try:
        root = lxml.html.fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (lxml.etree.ParserError, ValueError) as error:
        if not _visible(_MARKUP.sub("", text)):     # comments, a doctype: nothing to read
            raise NoVisibleText(f"{name}: an HTML page with no visible text") from error
        raise CorpusError(f"{name}: not an HTML page ({error})") from error
    if _unwrap_layout_tables(root):
        text = lxml.html.tostring(root, encoding="unicode")
    asides: list[bool] = []
    sapos: list[bool] = []
    blocks = _text_blocks(root, asides, sapos)
    if not any(map(_visible, blocks)):
        raise NoVisibleText(f"{name}: an HTML page with no visible text in its body (an empty "
                            "template, or one its scripts fill in?)")
    # Imported here, on the first HTML page: about 0.1 s a corpus of text files or a load from
    # the cache does not need.
    import trafilatura

    # Without as_dict=True, bare_extraction returns a Document (or None), never a dict.
    document = cast("Document | None", trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, favor_precision=True,
        include_tables=True, date_extraction_params=dict(_DATE_PARAMS)))
    if document is None or not (document.text or "").strip():
        if not require_article:
            raise NoVisibleText(f"{name}: no text but links, menus or markup")
        raise CorpusError(f"{name}: no article in the page (trafilatura found no main text)")
    headings = [_squash(el.text_content()) for el in root.xpath("//h1")]
    lower = frozenset(_squash(el.text_content()) for el in root.xpath("//h2|//h3|//h4"))
    title = (plain_title(_squash(document.title), document.sitename, headings)
             if document.title else None)
    titles = _page_titles(root)
    parts = _title_parts(titles)
    sections = _section_names(root, {title or "", *headings})
    if title and (_is_masthead(title) or _site_wide(root, titles, title)):
        # the site's name in capitals (its logo in an <h1>), or the home page's title: the
        # <h1> headline instead (a masthead never stays the title; the site's title does
        # when the page has no other)
        heading = next((h for h in headings if not _is_masthead(h)
                        and len(h.split()) >= TITLE_PART_WORDS), None)
        title = heading if heading or _is_masthead(title) else title
        if heading is None:
            # ... or, with no <h1>, a lower heading that reads as a headline (``_headline_at``
            # takes the one nearest above the article)
            parts = parts | _subheadings(root, lower)
    elif title and title not in headings and _is_link_text(root, title):
        # a link's text not printed as the <h1> (a menu's item, "Tin tức - Sự kiện": a section's
        # name in the <title>; a short headline is the <h1> and a breadcrumb's last link):
        # a section's name, a heading printed nearer the article instead (as below)
        sections = sections | {title}
        parts = parts | _subheadings(root, lower)
    elif title and not headings and len(title.split()) < TITLE_PART_WORDS \
            and title.casefold() not in {part.casefold() for whole in titles
                                         for part in re.split(SITE_SEPARATOR, whole)}:
        # a short label the page's <title> and og:title do not name (a portlet's heading, "Tin
        # hoạt động", taken by extraction on a page with no <h1>): a section's name, which a
        # heading the <title> names, printed between it and the article, replaces
        sections = sections | {title}
    elif title and (title.casefold() not in {block.casefold() for block in _above_article(
            blocks, _paragraphs(document.text or "", title))} or title in sections):
        # a title the page prints nowhere above the article ("Chi tiết tin", a title for search
        # engines, a portal's name that only its footer prints), or a
        # section's name (a category's, "Đối ngoại", over a listing that prints one story in
        # full): the heading printed nearest above the article instead, if one reads as a
        # headline
        parts = parts | _subheadings(root, lower)
    paragraphs = _paragraphs(document.text or "", title)
    if paragraphs and paragraphs[0] != title \
            and paragraphs[0].casefold() in parts:
        # The headline, kept as the first paragraph (an <h2> under a logo's <h1>): the
        # <title> or og:title says so (or, the title being the site's, it is a heading).
        title, paragraphs = paragraphs[0], paragraphs[1:]
    first = _first_kept(blocks, paragraphs)
    paragraphs = _zone_headings(blocks, paragraphs, first)
    little = _too_little_prose(paragraphs)
    if little and require_article:
        raise CorpusError(f"{name}: no article in the page: {little}")
    candidates = _candidates(root)
    # The markup dates the article: a date in its JSON-LD, Open Graph or meta tags, or the
    # extracted date stands in a <time> element (not one for a comment or the clock only).
    dated = any(source not in _PLACED_DATES for source, _ in candidates["published"]) or bool(
        document.date and _source("published", document.date,
                                  candidates["published"])[0] == "html:time")
    title, under = _headline_and_under(
        parts, blocks, asides, first, title, headings, dated=dated, lower=lower,
        sections=sections, named_sapos=frozenset(i for i, named in enumerate(sapos) if named))
    url = None if _home_page(document.url) else document.url
    values = {"title": title, "published": document.date, "author": document.author,
              "outlet": document.sitename, "url": url}
    found = {field: _source(field, value, candidates[field])
             for field, value in values.items() if value}
    sources = {field: source for field, (source, _) in found.items()}
    date = dt.date.fromisoformat(document.date) if document.date else None
    if date and (stamp := found["published"][1]) and (local := local_date(stamp)):
        date = local                # the markup's own timestamp, read in Vietnam's time
    if (date is None or sources.get("published") == "htmldate") \
            and not (root.get("lang") or "").lower().startswith("en"):
        # a date the article's own markup (JSON-LD, Open Graph, microdata) states in another
        # form than ISO 8601 ("08/01/2024 09:15"), which the date extraction does not read (it
        # found none, or one in the text only): day first, as Vietnamese sites write it; not
        # a 12-hour clock's ("1/8/2024 9:15:00 AM", month first), nor on an English page
        stated = next(((found_date, source) for source, stamp in candidates["published"]
                       if source in _ARTICLE_MARKUP and not MERIDIEM.search(stamp)
                       and (found_date := parse_full_date(stamp))), None)
        if stated:
            date, sources["published"] = stated
    in_text = sources.get("published") == "htmldate"
    if in_text:
        del sources["published"]
    return HtmlPage(name=name, encoding=encoding, encoding_note=note, title=title,
                    paragraphs=paragraphs, published=None if in_text else date,
                    author=document.author, sitename=document.sitename, url=url,
                    sources=tuple(sources.items()),
                    audit=_audit(blocks, title, paragraphs, under, first),
                    date_in_text=date if in_text else None, under_title=under,
                    cut_short=cut_short(text),
                    above_title=0 if under else _kept_above(blocks, paragraphs, first, title),
                    warning=f"little text: {little}" if little else None)
