"""Pages saved as one MHTML file (Chrome's and Edge's "Webpage, single file", Internet
Explorer's and Word's ``.mht``): the page's HTML, its images and frames in one MIME message
(RFC 2557, ``multipart/related``).

The page is the message's root part (the one its ``start`` parameter names, else its first
HTML part), read by ``html.extract_html`` as a saved ``.html`` page is; the images, style
sheets and frames around it are left out. The address the page was saved from
(``Snapshot-Content-Location``, else the root part's ``Content-Location``) stands in for the
page's canonical address when the page names none, so its URL and a date in it are read as
for a page that names its own, with the provenance "mhtml:saved address". The message's
``Date`` header is the day the page was saved, never read as its date.

Owns ``is_mhtml``, ``page_html`` (the root part's HTML) and ``read_mhtml``.
"""
from __future__ import annotations

import dataclasses
import email.parser
import email.policy
import html as html_escape
import re
from collections.abc import Iterator
from email.message import Message
from pathlib import PurePath
from urllib.parse import quote

from .errors import CorpusError
from .html import HtmlPage, extract_html, is_html

__all__ = ["MHTML_SUFFIXES", "SavedPage", "is_mhtml", "page_html", "read_mhtml"]

MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
# A MIME message's header block (header lines and folded continuations, then a blank line)
# whose Content-Type is multipart/related: how an MHTML file begins, whatever its name.
_HEADERS = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n|[ \t][^\r\n]*\r?\n)+\r?\n")
_RELATED = re.compile(rb"^content-type:\s*multipart/related\b", re.IGNORECASE | re.MULTILINE)
_SNIFF_BYTES = 8192
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Where a saved page's head opens (else its html element), to put in what the message says of
# the page and the page does not: its canonical address, its characters' encoding.
_HEAD = re.compile(rb"<head(?:\s[^>]*)?>", re.IGNORECASE)
_HTML = re.compile(rb"<html(?:\s[^>]*)?>", re.IGNORECASE)
_DECLARES = re.compile(rb"<meta[^>]*?charset|<\?xml[^>]*?encoding", re.IGNORECASE)
_OWN_ADDRESS = re.compile(rb"""<link[^>]+rel\s*=\s*["']?canonical|<meta[^>]+og:url""",
                          re.IGNORECASE)
_SOURCES = {"html:canonical": "mhtml:saved address", "html:url": "mhtml:saved address"}


def is_mhtml(name: str, data: bytes | None = None) -> bool:
    """Whether a corpus file is an MHTML page: by its extension (``.mhtml``, ``.mht``, unless
    its first bytes are HTML's: a page saved under that name as HTML), or, for a file whose
    extension is not ``.txt``, by a MIME header block of ``multipart/related`` at its start.

    Examples
    --------
    >>> saved = b"From: <Saved by Blink>\\r\\nContent-Type: multipart/related;\\r\\n\\r\\n"
    >>> is_mhtml("bai.MHT"), is_mhtml("bai", saved), is_mhtml("bai.txt", saved)
    (True, True, False)
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in MHTML_SUFFIXES:
        return data is None or not is_html("page", data)    # (a page saved as .mht but HTML)
    if suffix == ".txt" or data is None:
        return False
    head = _HEADERS.match(data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf"))
    return bool(head and _RELATED.search(head.group()))


@dataclasses.dataclass(frozen=True)
class SavedPage:
    """An MHTML file's page: its HTML (the bytes as the part holds them, transfer encoding
    undone), the address it was saved from and the charset its part names (None when the file
    names none)."""

    html: bytes
    address: str | None
    charset: str | None


def page_html(data: bytes, name: str) -> SavedPage:
    """The page of an MHTML file: its root part's HTML (decoded from quoted-printable or
    base64), the address it was saved from and its part's charset.

    Raises
    ------
    CorpusError
        The file is not a MIME message of several parts, or holds no HTML page.

    Examples
    --------
    >>> saved = page_html(b"Snapshot-Content-Location: https://baomau.vn/tin.html\\r\\n"
    ...     b'Content-Type: multipart/related; boundary="B"\\r\\n\\r\\n--B\\r\\n'
    ...     b"Content-Type: text/html\\r\\nContent-Transfer-Encoding: quoted-printable\\r\\n\\r\\n"
    ...     b"<html lang=3D\\"vi\\"><p>H=E1=BB=99i ngh=E1=BB=8B</p></html>\\r\\n--B--\\r\\n",
    ...     "a.mhtml")
    >>> saved.html.decode("utf-8"), saved.address, saved.charset
    ('<html lang="vi"><p>Hội nghị</p></html>', 'https://baomau.vn/tin.html', None)
    """
    top, body_at = _headers(data, 0)
    boundary = top.get_boundary() if top is not None else None
    if top is None or top.get_content_maintype() != "multipart" or not boundary:
        raise CorpusError(f"{name}: not an MHTML file (a web page saved as one file begins with "
                          "a MIME header of Content-Type multipart/related and holds parts)")
    parts = list(_parts(data, boundary.encode("utf-8", "surrogateescape"), body_at))
    heads = [head for _, _, head in parts]
    root = _root(str(top.get_param("start") or ""), heads)
    if root is None:
        kinds = sorted({head.get_content_type() for head in heads}) or ["none"]
        raise CorpusError(f"{name}: an MHTML file with no HTML page in it (its parts are "
                          f"{', '.join(kinds)})")
    begin, end, head = parts[root]
    # Only the page's part is parsed whole: a page's images and frames may be most of the file.
    try:
        payload = email.parser.BytesParser(policy=email.policy.default).parsebytes(
            data[begin:end]).get_payload(decode=True)
    except Exception as error:      # the email package's errors are of many kinds
        raise CorpusError(f"{name}: cannot read the page in the MHTML file ({error})") from None
    html = payload if isinstance(payload, bytes) else b""
    address = top.get("Snapshot-Content-Location") or head.get("Content-Location")
    return SavedPage(html.strip(b"\r\n"), _unfolded(address), head.get_content_charset())


def _headers(data: bytes, at: int) -> tuple[Message | None, int]:
    """The header block starting at ``at`` (up to its blank line), parsed (None when the bytes
    there hold none), and where the bytes after it begin."""
    ends = [(i, i + len(gap)) for gap in (b"\r\n\r\n", b"\n\n")
            if (i := data.find(gap, at)) >= 0]
    stop, after = min(ends) if ends else (len(data), len(data))
    try:
        head = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(
            data[at:stop + 2])
    except Exception:       # the email package's errors are of many kinds
        return None, after
    return (head if head.keys() else None), after


def _parts(data: bytes, boundary: bytes, body_at: int) -> Iterator[tuple[int, int, Message]]:
    """Each part of a multipart message whose body begins at ``body_at``: where its bytes begin
    and end (its headers included, without the line break before the next boundary) and its
    parsed headers."""
    mark = b"--" + boundary
    at = body_at if data.startswith(mark, body_at) else data.find(b"\n" + mark, body_at) + 1
    while at > 0 or (at == 0 and data.startswith(mark)):
        line_end = data.find(b"\n", at)
        if line_end < 0 or data.startswith(mark + b"--", at):
            return
        begin = line_end + 1
        at = data.find(b"\n" + mark, begin)
        end = at if at >= 0 else len(data)
        head = _headers(data, begin)[0]
        if head is not None:
            yield begin, end, head
        at = at + 1 if at >= 0 else -1


def _root(start: str, heads: list[Message]) -> int | None:
    """The index of the part the message's ``start`` parameter names (by Content-ID), if it is
    HTML, else of the first HTML part."""
    if start:
        named = [i for i, head in enumerate(heads)
                 if str(head.get("Content-ID") or "").strip() == start.strip()]
        if named and heads[named[0]].get_content_type() in _HTML_TYPES:
            return named[0]
    return next((i for i, head in enumerate(heads) if head.get_content_type() in _HTML_TYPES),
                None)


def _unfolded(value: object) -> str | None:
    """A header's value on one line, without surrounding spaces; None when empty."""
    text = re.sub(r"\s*\r?\n\s*", "", str(value)).strip() if value else ""
    return text or None


def read_mhtml(data: bytes, name: str) -> HtmlPage:
    """Read one MHTML page: the HTML page in it, read by ``extract_html``, with the address it
    was saved from as its canonical address when the page names none (provenance
    "mhtml:saved address" for the URL and a date read from it).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    name : str
        The file's name, for error messages.

    Returns
    -------
    HtmlPage

    Raises
    ------
    CorpusError
        Not an MHTML file, no HTML page in it, or (as ``extract_html``) no article.
    """
    saved = page_html(data, name)
    html, said = saved.html, b""
    if saved.charset and not _DECLARES.search(html[:8192]):
        said += b'<meta charset="%s">' % html_escape.escape(saved.charset).encode("ascii", "ignore")
    own_address = saved.address is None or _OWN_ADDRESS.search(html)
    if not own_address:
        said += b'<link rel="canonical" href="%s">' % html_escape.escape(
            quote(saved.address or "", safe=":/?#[]@!$&'()*+,;=%~-._")).encode("ascii")
    if not said:
        return extract_html(html, name)
    opening = _HEAD.search(html) or _HTML.search(html)
    at = opening.end() if opening else 0
    page = extract_html(html[:at] + said + html[at:], name)
    if own_address:
        return page
    return page.with_provenance(_SOURCES)
