"""One page in, one frozen result out: decode a file's bytes (text; HTML through
``helpers.html``, Markdown through ``helpers.markdown``, MHTML through ``helpers.mhtml``), clean,
read metadata, segment.

Owns ``page_format`` (how a file is read), ``decode_bytes`` (with clear errors), ``PageResult``
(everything computed for a page, kept by the corpus so nothing is read or segmented twice) and
``process_page``, a pure function of a file's name and bytes. Running it over many files is
``helpers.pipeline``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, TypeVar

import numpy as np
from charset_normalizer import from_bytes

from .cleaning import BODY, CleanedArticle, Line, clean_article
from .damage import utf8_damage
from .dedupe import shingle_hashes
from .errors import CorpusError, NoVisibleText
from .html import HtmlPage, extract_html, is_html
from .markdown import MARKDOWN_SUFFIXES, is_markdown, read_markdown
from .metadata import PageMetadata, detect_language, infer_metadata, with_fallback
from .mhtml import is_mhtml, read_mhtml
from .text import (
    TONE_MARKS,
    normalize_text,
    segment,
    segment_many,
    unwrap_lines,
    words_from_segments,
)

_T = TypeVar("_T")

__all__ = ["PageResult", "decode_bytes", "likely_legacy_encoding", "page_format", "process_page",
           "process_pages", "text_page"]

OK, EMPTY, UNDECODABLE = "ok", "empty", "undecodable"


# Legacy Vietnamese 8-bit encodings, read as Windows-1252: VNI writes a vowel then a mark
# character ("Vieät", "Hoäi nghò"); TCVN3 (ABC) puts whole toned vowels in the upper half
# ("Héi nghÞ Ngo¹i giao", "ViÖt").
_VNI_MARKS = re.compile("[aeiouyAEIOUY][\u00e0-\u00e5\u00e8-\u00ef\u00f2-\u00f5\u00f8-\u00fb]")
_TCVN3_LETTERS = re.compile("[\u00a1-\u00bf\u00c6-\u00cf\u00d6\u00de\u00e6\u00f7]")
LEGACY_MIN_SHARE = 0.05
# Windows-1258 writes Vietnamese with precomposed vowels and combining tone marks: read in it
# and composed (NFC), such bytes give only letters of the Vietnamese alphabet and common
# punctuation, where VNI gives letters it lacks ("Hoäi") and TCVN3 symbols ("Ngo¹i").
_VIETNAMESE_ALPHABET = frozenset(
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for tone in {"", *TONE_MARKS}) | set("đĐ")
_PUNCTUATION_1258 = frozenset("\u00a0“”‘’–—…•«»°€")
# Letters only Vietnamese uses: at least one (French, Spanish and Portuguese share the grave,
# acute and tilde vowels and â, ê, ô); and a tone mark Windows-1258 writes as a combining
# character, which Windows-1252 text does not give (Portuguese "não" reads "năo" in it).
_VIETNAMESE_ONLY = frozenset(_VIETNAMESE_ALPHABET - set("àáãèéìíòóõùúýâêôÀÁÃÈÉÌÍÒÓÕÙÚÝÂÊÔ"))


def likely_legacy_encoding(data: bytes) -> str | None:
    """"Windows-1258", "VNI" or "TCVN3" when the bytes look like Vietnamese in that legacy
    encoding, else None (Windows-1258: read in it, every character outside ASCII is a letter of
    the Vietnamese alphabet or common punctuation, one of them a letter only Vietnamese uses,
    and one tone mark at least is a combining character, as that encoding writes most).

    Parameters
    ----------
    data : bytes
        A file's content (not valid UTF-8).

    Returns
    -------
    str or None

    Examples
    --------
    >>> likely_legacy_encoding("Hoäi nghò Ngoaïi giao laàn thöù 32 taïi Haø Noäi".encode("cp1252"))
    'VNI'
    >>> likely_legacy_encoding("Héi nghÞ Ngo¹i giao lÇn thø 32 t¹i Hµ Néi".encode("cp1252"))
    'TCVN3'
    >>> likely_legacy_encoding("Hô\\u0323i nghi\\u0323".encode("cp1258"))   # Hội nghị
    'Windows-1258'
    """
    if _reads_as_windows_1258(data):
        return "Windows-1258"
    text = data.decode("latin-1")
    words = text.split() or [""]
    vni = sum(bool(_VNI_MARKS.search(w)) for w in words) / len(words)
    tcvn3 = sum(bool(_TCVN3_LETTERS.search(w)) for w in words) / len(words)
    if max(vni, tcvn3) < LEGACY_MIN_SHARE:
        return None
    return "TCVN3" if tcvn3 > vni else "VNI"


def _reads_as_windows_1258(data: bytes) -> bool:
    try:
        raw = data.decode("cp1258")
    except UnicodeDecodeError:       # a byte Windows-1258 leaves undefined
        return False
    if not TONE_MARKS & set(raw):
        return False
    text = unicodedata.normalize("NFC", raw)
    other = {ch for ch in text if ord(ch) > 127}
    return bool(other & _VIETNAMESE_ONLY) and other <= _VIETNAMESE_ALPHABET | _PUNCTUATION_1258


def _guess_vietnamese(data: bytes) -> str | None:
    """The text, when charset-normalizer is sure the bytes are Vietnamese in Windows-1258
    (and the decoded text reads as Vietnamese), else None."""
    best = from_bytes(data).best()
    if best is None or best.encoding != "cp1258":
        return None
    text = unicodedata.normalize("NFC", str(best))
    return text if detect_language(text)[0] == "vi" else None


# UTF-16 written without its byte order mark: in a text of Latin letters (Vietnamese too),
# most characters are below U+0100, so their high byte, every other byte, is zero; the other
# bytes hold few zeros (U+0300, a combining grave accent).
UTF16_ZERO_SHARE = 0.3


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte order mark, little- or big-endian, when every
    other byte is zero often enough (``UTF16_ZERO_SHARE`` of the characters, four times as
    often as in the other bytes) and the text decoded has no control characters but line
    ends and tabs; else None."""
    half = len(data) // 2
    if not half or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= UTF16_ZERO_SHARE * half and others * 4 <= zeros:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = {ch for ch in text if unicodedata.category(ch) == "Cc"} - set("\n\r\t")
            return None if controls else text
    return None


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Text of a file: UTF-8 with or without BOM, UTF-16 with a BOM or without one (its every
    other byte zero: ``_utf16_without_bom``), or (when charset-normalizer is sure and the text
    reads as Vietnamese) the legacy code page Windows-1258.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file's name, for error messages.

    Returns
    -------
    str

    Raises
    ------
    CorpusError
        Naming the file, the encoding tried and where decoding failed, and either that the
        file is UTF-8 with a few damaged bytes (``helpers.damage``: cut short, or corrupted) or
        the legacy encoding the bytes most likely are in (VNI, TCVN3), which no decoder can
        read reliably.

    Examples
    --------
    >>> decode_bytes("Hòa bình".encode("utf-16"))
    'Hòa bình'
    """
    if data.startswith(codecs.BOM_UTF8):
        tried, encoding, payload = "UTF-8 (BOM found)", "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        tried, encoding, payload = "UTF-16 (BOM found)", "utf-16", data
    elif b"\x00" in data and (text := _utf16_without_bom(data)) is not None:
        return text     # (valid UTF-8 too when it holds no letter past U+007F: read as UTF-16)
    else:
        tried, encoding, payload = "UTF-8 (no BOM, nor UTF-16's zero bytes)", "utf-8", data
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding == "utf-8" and (why := utf8_damage(payload)) is not None:
            raise CorpusError(f"{name}: cannot decode as {tried}: {why}; save or download it "
                              "again.") from None
        if encoding == "utf-16":     # its mark says what it is: only damage can break it
            cut = err.reason == "truncated data" or (  # an odd byte, or half a surrogate pair
                err.reason == "unexpected end of data" and err.end == len(payload))
            looks = ("the file ends in the middle of a character: it looks cut short" if cut
                     else "the file looks damaged")
            raise CorpusError(f"{name}: cannot decode as {tried}: {err.reason} at byte "
                              f"{err.start}: {looks}; save or download it again.") from None
        if encoding == "utf-8" and (text := _guess_vietnamese(data)) is not None:
            return text
        legacy = likely_legacy_encoding(data)
        hint = (f" It looks like Vietnamese in the legacy {legacy} encoding: convert it to "
                "UTF-8 (e.g. with UniKey's converter) and load it again." if legacy else
                " Save the file as UTF-8 (or UTF-16 with a BOM) and load it again.")
        if legacy == "Windows-1258":   # read when long enough to be sure (_guess_vietnamese)
            hint = (" It looks like Vietnamese in the legacy Windows-1258 encoding, but is too "
                    "short to be read with confidence: convert it to UTF-8 and load it again.")
        raise CorpusError(f"{name}: cannot decode as {tried}: {err.reason} at byte "
                          f"{err.start}.{hint}") from None


@dataclass(frozen=True, eq=False)
class PageResult:
    """Everything computed for one file.

    ``status`` is "ok", "empty" or "undecodable" (then ``error`` says why, None for an empty
    text file, and the other fields are empty). For a readable page: the cleaned ``article``
    (every line with its role and removal reason), ``segments`` (underthesea's raw segments per
    body paragraph: case and punctuation as returned), ``words`` (the words of the body by the
    project's word policy, stopwords kept), ``metadata`` with how each field was found, and
    ``shingles`` for duplicate detection; ``warning`` says what a reader of a page that loaded
    should know (an HTML page that looks cut short), else None.
    """

    source_file: str
    status: str
    error: str | None = None
    article: CleanedArticle | None = None
    segments: tuple[tuple[str, ...], ...] = ()
    words: tuple[str, ...] = ()
    metadata: PageMetadata | None = None
    shingles: np.ndarray | None = None
    extraction: str | None = None
    warning: str | None = None

    def __repr__(self) -> str:
        return f"PageResult({self.source_file!r}, {self.status}, {len(self.words)} words)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PageResult):
            return NotImplemented
        fields = ("source_file", "status", "error", "article", "segments", "words", "metadata",
                  "extraction", "warning")
        if not all(getattr(self, f) == getattr(other, f) for f in fields):
            return False
        if self.shingles is None or other.shingles is None:
            return self.shingles is other.shingles
        return bool(np.array_equal(self.shingles, other.shingles))

    __hash__ = None  # type: ignore[assignment]  # holds arrays and lists: not hashable

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every non-blank line of the page with its role (empty when not readable)."""
        return self.article.lines if self.article else ()

    @property
    def raw_text(self) -> str:
        """The page's non-blank lines as read (normalized), before cleaning."""
        return "\n".join(line.text for line in self.lines)

    def __reduce__(self):
        # The shingles travel as bytes and come back as a read-only array over them, as
        # shingle_hashes makes them: pickle's own way for arrays leaves two buffer objects per
        # page for the garbage collector to walk in a loaded corpus.
        shingles = (None if self.shingles is None
                    else (self.shingles.dtype.str, self.shingles.tobytes()))
        return (_unpickled_page, (self.source_file, self.status, self.error, self.article,
                               self.segments, self.words, self.metadata, shingles,
                               self.extraction, self.warning))

    def renamed(self, source_file: str) -> PageResult:
        """The same result under another file name (a cached result found for equal bytes)."""
        return PageResult(source_file, self.status, self.error, self.article, self.segments,
                          self.words, self.metadata, self.shingles, self.extraction, self.warning)


def _unpickled_page(source_file: str, status: str, error: str | None,
                    article: CleanedArticle | None,
                    segments: tuple[tuple[str, ...], ...],
                    words: tuple[str, ...], metadata: PageMetadata | None,
                    shingles: tuple[str, bytes] | None,
                    extraction: str | None, warning: str | None = None) -> PageResult:
    """A ``PageResult`` read back from its pickle (``PageResult.__reduce__``)."""
    array = None if shingles is None else np.frombuffer(shingles[1], dtype=shingles[0])
    return PageResult(source_file, status, error, article, segments, words, metadata, array,
                      extraction, warning)


def process_page(name: str, data: bytes, cache: bool = True) -> PageResult:
    """Decode, clean, read metadata and segment one file. Pure: the same bytes give the same
    result in any process or machine.

    Parameters
    ----------
    name : str
        The file's path in the corpus folder (for messages and the result).
    data : bytes
        The file's content.
    cache : bool
        Use the on-disk segmentation cache.

    Returns
    -------
    PageResult

    Examples
    --------
    >>> data = "Hội nghị khai mạc hôm nay\\nSáng 19/12, hội nghị khai mạc.".encode()
    >>> page = process_page("a.txt", data)
    >>> page.status, page.article.headline, page.words[:3]
    ('ok', 'Hội nghị khai mạc hôm nay', ('sáng', 'hội nghị', 'khai mạc'))
    """
    return process_pages([(name, data)], cache=cache)[0]


def process_pages(items: Sequence[tuple[str, bytes]], cache: bool = True) -> list[PageResult]:
    """``process_page`` of each ``(name, data)``: the same results, the pages' paragraphs
    segmented in one call (faster than a call per page).

    Parameters
    ----------
    items : sequence of (str, bytes)
        Each file's path in the corpus folder and its content.
    cache : bool
        Use the on-disk segmentation cache.

    Returns
    -------
    list of PageResult
        One per item, in order.

    Examples
    --------
    >>> pages = process_pages([("a.txt", "Hội nghị khai mạc hôm nay\\nSáng 19/12, hội nghị "
    ...                        "khai mạc.".encode()), ("b.txt", b"  ")], cache=False)
    >>> [(page.source_file, page.status) for page in pages]
    [('a.txt', 'ok'), ('b.txt', 'empty')]
    """
    prepared = [_naming(name, _read_and_clean, name, data) for name, data in items]
    cleaned = [i for i, page in enumerate(prepared)
               if not isinstance(page, PageResult) and page[1].paragraphs]
    found = segment_many([prepared[i][1].text for i in cleaned],  # type: ignore[index]
                         cache=cache)
    segments = dict(zip(cleaned, found, strict=True))
    return [page if isinstance(page, PageResult)
            else _naming(name, _page_result, name, *page, segments.get(i, []))
            for i, ((name, _), page) in enumerate(zip(items, prepared, strict=True))]


def _naming(name: str, function: Callable[..., _T], *args: Any) -> _T:
    """``function(*args)``; an unexpected error says which page it came from."""
    try:
        return function(*args)
    except Exception as err:
        err.add_note(f"while processing the page {name}")
        raise


def page_format(name: str, data: bytes | None = None) -> str:
    """How the loader reads a corpus file: "markdown" (by its extension), "mhtml"
    (``mhtml.is_mhtml``), "html" (``html.is_html``), "markdown" (``markdown.is_markdown``: front
    matter naming a title) or "text".

    Examples
    --------
    >>> page_format("a.md"), page_format("a.htm"), page_format("a.txt", "Tin mới".encode())
    ('markdown', 'html', 'text')
    >>> page_format("a.mht"), page_format("bai.aspx", b"<!DOCTYPE html><html>")
    ('mhtml', 'html')
    """
    if PurePath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    if is_mhtml(name, data):
        return "mhtml"
    if is_html(name, data):
        return "html"
    return "markdown" if is_markdown(name, data) else "text"


def _read_and_clean(name: str,
                    data: bytes) -> PageResult | tuple[HtmlPage | None, CleanedArticle]:
    """The page's HTML extraction (of the page, or of the HTML a Markdown page renders to; None
    for text) and its cleaned article, or the result of a page that cannot be read or is
    empty."""
    html: HtmlPage | None = None
    try:
        reading = page_format(name, data)
        if reading == "html":
            html = extract_html(data, name)
            text = html.text
        elif reading == "mhtml":
            html = read_mhtml(data, name)
            text = html.text
        elif reading == "markdown":
            html = read_markdown(decode_bytes(data, name), name)
            text = html.text
        else:
            text = unwrap_lines(decode_bytes(data, name))
    except NoVisibleText as err:
        return PageResult(name, EMPTY, str(err))
    except CorpusError as err:
        return PageResult(name, UNDECODABLE, str(err))
    if not text.strip():
        return PageResult(name, EMPTY)
    article = clean_article(text, html.title if html is not None else None)
    if not article.line_texts:      # nothing visible: only invisible format characters
        return PageResult(name, EMPTY)
    return html, article


def _page_result(name: str, html: HtmlPage | None, article: CleanedArticle,
                 found: list[list[str]]) -> PageResult:
    segments = tuple(tuple(s) for s in found)
    metadata = infer_metadata(article)
    if html is not None:
        metadata = with_fallback(metadata, html.metadata(), html.metadata_from)
    return PageResult(
        source_file=name, status=OK, article=article, segments=segments,
        words=tuple(words_from_segments(segments)), metadata=metadata,
        shingles=shingle_hashes(article.text),
        extraction=html.audit.summary() if html is not None else None,
        warning=_warning(html))


def _warning(html: HtmlPage | None) -> str | None:
    """What the page's reader warns about: an HTML page cut short, a Markdown page's front
    matter read line by line."""
    if html is None:
        return None
    notes = [f"the HTML looks cut short (an interrupted download?): {html.cut_short}; its text "
             "may be incomplete"] if html.cut_short else []
    notes += [html.warning] if html.warning else []
    return "; ".join(notes) or None


def text_page(name: str, text: str, cache: bool = True) -> PageResult:
    """A page result for text that is already an article's body: every non-blank line is a
    paragraph, nothing is cleaned away (for sentences typed in a notebook, or tests).

    Parameters
    ----------
    name : str
        The page's name (its doc_id is the name without extension, unless another shares it:
        ``helpers.corpus.unique_doc_ids``).
    text : str
        The article's body.
    cache : bool
        Use the on-disk segmentation cache.

    Returns
    -------
    PageResult

    Examples
    --------
    >>> text_page("a", "Chuyến thăm hữu nghị.\\nHợp tác ASEAN.").words
    ('chuyến thăm', 'hữu nghị', 'hợp tác', 'ASEAN')
    """
    lines = [line.strip() for line in normalize_text(text).split("\n") if line.strip()]
    article = CleanedArticle.from_lines(None, tuple(lines),
                                        (Line(n, t, BODY) for n, t in enumerate(lines, 1)))
    segments = tuple(tuple(s) for s in segment(article.text, cache=cache)) if lines else ()
    return PageResult(source_file=name, status=OK, article=article, segments=segments,
                      words=tuple(words_from_segments(segments)),
                      metadata=PageMetadata(language=detect_language(article.text)[0]),
                      shingles=shingle_hashes(article.text))


def normalized_page_text(data: bytes, name: str) -> str:
    """A file's text decoded and normalized, not cleaned (for comparisons)."""
    return normalize_text(decode_bytes(data, name))
