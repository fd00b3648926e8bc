"""Pages saved as one file (MHTML), pages whose names do not say HTML, and the folders of a
page saved "complete": what a folder saved by browsers and download tools holds."""
from __future__ import annotations

import base64
import quopri
import re
import warnings
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

import helpers
from helpers.errors import CorpusError, CorpusWarning
from helpers.mhtml import is_mhtml, page_html
from helpers.pages import page_format

HTML_DIR = Path(__file__).parent / "data" / "html"
DC32 = (HTML_DIR / "dc32-khai-mac.html").read_bytes()
DC32_URL = "https://baomau.example.vn/ngoai-giao/khai-mac-hoi-nghi-ngoai-giao-lan-thu-32-a1032.html"
BOUNDARY = "----MultipartBoundary--9qXkZ0rT3bLw2mYc----"
AD_FRAME = ("<html><body><p>Quảng cáo: Tour du lịch Đà Nẵng trọn gói ba ngày hai đêm, khởi hành "
            "mỗi sáng thứ Bảy, giá ưu đãi cho nhóm từ bốn người, đặt chỗ ngay hôm nay để nhận "
            "quà tặng là một chiếc mũ và bản đồ thành phố.</p></body></html>").encode()
# The article of a page with no date in its markup or its text.
UNDATED = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Ngoại giao "
           "kinh tế trong tình hình mới</title></head><body><article><h1>Ngoại giao kinh tế trong "
           "tình hình mới</h1>" + "".join(
               f"<p>Đoạn {n}: các đại biểu thảo luận về ngoại giao kinh tế, về thu hút đầu tư và "
               "mở rộng thị trường xuất khẩu, về vai trò của các cơ quan đại diện ở nước ngoài "
               "trong việc kết nối doanh nghiệp với đối tác.</p>" for n in range(1, 5))
           + "</article></body></html>").encode()


def _qp(data: bytes) -> bytes:
    """Quoted-printable with CRLF line ends, as Chrome writes its parts."""
    return quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def chrome_mhtml(html: bytes, address: str | None, frames: tuple[bytes, ...] = (AD_FRAME,),
                 saved_on: str = "Thu, 3 Dec 2026 19:40:12 -0000") -> bytes:
    """The page as Chrome's "Webpage, single file" saves it: a MIME header (the address saved
    from, the day it was saved), the page quoted-printable, then a style sheet, an image (in
    base64) and each frame (an advertisement's page)."""
    head = ["From: <Saved by Blink>"]
    head += [f"Snapshot-Content-Location: {address}"] if address else []
    head += ["Subject: =?utf-8?Q?Khai_m=E1=BA=A1c?=", f"Date: {saved_on}", "MIME-Version: 1.0",
             "Content-Type: multipart/related;", '\ttype="text/html";', f'\tboundary="{BOUNDARY}"',
             "", ""]
    parts = [("text/html", "quoted-printable", address or "", _qp(html)),
             ("text/css", "quoted-printable", "https://baomau.example.vn/static/site.css",
              _qp(b"body { font-family: serif; }")),
             ("image/png", "base64", "https://baomau.example.vn/logo.png",
              base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)).replace(b"\n", b"\r\n"))]
    parts += [("text/html", "quoted-printable", f"https://quangcao.example.vn/khung-{n}.html",
               _qp(frame)) for n, frame in enumerate(frames)]
    out = "\r\n".join(head).encode()
    for n, (kind, encoding, location, body) in enumerate(parts):
        cid = f"Content-ID: <frame-{n}A7F@mhtml.blink>\r\n" if kind == "text/html" else ""
        out += (f"--{BOUNDARY}\r\nContent-Type: {kind}\r\n{cid}Content-Transfer-Encoding: "
                f"{encoding}\r\nContent-Location: {location}\r\n\r\n").encode() + body + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


def load(folder: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return helpers.load_corpus(folder, cache=False, catalog=False, progress=False)


def one_page(tmp_path: Path, name: str, data: bytes) -> pd.Series:
    folder = tmp_path / name.replace("?", "_").replace(".", "_")
    folder.mkdir()
    (folder / name).write_bytes(data)
    corpus = load(folder)
    assert len(corpus) == 1
    return corpus.iloc[0]


FIELDS = ["title", "published", "author", "outlet", "url", "event", "kind", "language", "text",
          "n_paragraphs"]


def test_a_page_saved_as_one_file_reads_as_the_same_page_saved_as_html(tmp_path):
    as_html = one_page(tmp_path, "khai-mac.html", DC32)
    as_mhtml = one_page(tmp_path, "khai-mac.mhtml", chrome_mhtml(DC32, DC32_URL))
    assert as_mhtml[FIELDS].to_dict() == as_html[FIELDS].to_dict()
    assert as_mhtml["title"].startswith("Khai mạc Hội nghị Ngoại giao lần thứ 32")
    assert "Quảng cáo" not in as_mhtml["text"]          # the frame is not the page
    assert as_mhtml["page"].metadata.found_by["url"] == "html:canonical"  # the page's own


def test_the_address_saved_from_is_the_url_when_the_page_names_none(tmp_path):
    own = re.compile(rb'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>|'
                     rb'\s*"mainEntityOfPage": "[^"]*",')
    page = own.sub(b"", DC32)
    assert b"canonical" not in page and b"og:url" not in page
    address = "https://baomau.example.vn/tin/a1032.html"
    row = one_page(tmp_path, "khai-mac.mht", chrome_mhtml(page, address))
    assert row["url"] == address
    assert row["page"].metadata.found_by["url"] == "mhtml:saved address"
    assert row["published"] == pd.Timestamp("2023-12-19")   # the page's own date still


def test_a_date_in_the_address_saved_from_dates_the_page_the_day_it_was_saved_never(tmp_path):
    dated = one_page(tmp_path, "a.mhtml", chrome_mhtml(
        UNDATED, "https://baomau.example.vn/2021/12/15/ngoai-giao-kinh-te.html"))
    assert dated["published"] == pd.Timestamp("2021-12-15")
    assert "published: mhtml:saved address" in dated["metadata_from"]
    undated = one_page(tmp_path, "b.mhtml", chrome_mhtml(
        UNDATED, "https://baomau.example.vn/ngoai-giao-kinh-te.html",
        saved_on="Sat, 18 Dec 2021 10:00:00 +0700"))
    assert pd.isna(undated["published"])


def test_an_internet_explorer_mht_in_windows_1258_in_base64_reads_as_the_utf8_page(tmp_path):
    from test_html import encode_cp1258

    page = DC32.decode("utf-8").replace('<meta charset="utf-8">', "")
    body = base64.encodebytes(encode_cp1258(page)).replace(b"\n", b"\r\n")
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"=_NextPart_01\"; "
           b"type=\"text/html\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
           b"--=_NextPart_01\r\nContent-Location: file:///C:/tin/khai-mac.htm\r\n"
           b"Content-Transfer-Encoding: base64\r\nContent-Type: text/html; "
           b"charset=\"windows-1258\"\r\n\r\n" + body + b"\r\n--=_NextPart_01--\r\n")
    read = one_page(tmp_path, "khai-mac.mht", mht)
    assert read["text"] == one_page(tmp_path, "khai-mac.html", DC32)["text"]


def test_the_part_the_message_starts_with_is_the_page_not_the_first_html_part(tmp_path):
    data = chrome_mhtml(DC32, DC32_URL)
    # the advertisement's frame first, the page named by the message's start parameter
    start = data.replace(b'\ttype="text/html";',
                         b'\ttype="text/html"; start="<frame-3A7F@mhtml.blink>";')
    saved = page_html(start, "a.mhtml")
    assert saved.html.startswith(b"<html><body><p>Qu")
    assert page_html(data, "a.mhtml").html.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("data, why", [
    (b"Chi la van ban, khong phai MHTML.\r\n", "not an MHTML file"),
    (b"Content-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: image/png"
     b"\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--B--\r\n",
     r"no HTML page in it \(its parts are image/png\)"),
])
def test_a_file_named_mhtml_that_holds_no_page_is_an_error_naming_it(tmp_path, data, why):
    (tmp_path / "hong.mhtml").write_bytes(data)
    (tmp_path / "tot.html").write_bytes(DC32)
    with pytest.raises(CorpusError, match=rf"hong\.mhtml: .*{why}"):
        helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)


def test_pages_whose_names_do_not_say_html_are_read_by_their_content_and_named(tmp_path):
    (tmp_path / "khai-mac.aspx").write_bytes(DC32)
    (tmp_path / "index.php?id=5").write_bytes(b"\xef\xbb\xbf  <!-- saved -->\n" + UNDATED)
    (tmp_path / "1032").write_bytes(chrome_mhtml(DC32, DC32_URL))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "ghi-chu.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        corpus = helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)
    assert sorted(corpus["source_file"]) == ["1032", "index.php?id=5", "khai-mac.aspx"]
    messages = [str(w.message) for w in caught]
    assert any("read 3 file(s) as web pages by their content" in m and "1032" in m
               for m in messages)
    assert any("ignored 2 file(s)" in m and "notes.docx" in m and "ghi-chu.csv" in m
               for m in messages)
    titles = corpus.set_index("source_file")["title"]
    assert titles["1032"] == titles["khai-mac.aspx"]
    assert corpus.set_index("source_file").loc["khai-mac.aspx", "duplicate_of"] == "1032"


def test_a_text_file_holding_html_stays_text():
    assert page_format("bai.txt", DC32) == "text"
    assert not is_mhtml("bai.txt", chrome_mhtml(DC32, DC32_URL))


def test_a_saved_pages_folder_of_its_own_files_is_not_read_and_is_named(tmp_path):
    (tmp_path / "Khai mạc.html").write_bytes(DC32)
    files = tmp_path / "Khai mạc_files"
    files.mkdir()
    (files / "saved_resource.html").write_bytes(AD_FRAME * 3)
    (files / "site.css").write_text("body {}", encoding="utf-8")
    (files / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    # a folder that only looks like one: no page of its name beside it
    (tmp_path / "bai_files").mkdir()
    (tmp_path / "bai_files" / "tin.html").write_bytes(UNDATED)
    with pytest.warns(CorpusWarning) as caught:
        corpus = helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)
    assert sorted(corpus["source_file"]) == ["Khai mạc.html", "bai_files/tin.html"]
    messages = [str(w.message) for w in caught]
    assert any("did not read 1 folder(s) of a saved page's own files" in m
               and "Khai mạc_files/" in m for m in messages)
    assert not any("saved_resource" in m or "logo.png" in m for m in messages)


def test_headers_in_utf8_and_a_message_without_its_closing_boundary_are_read(tmp_path):
    # (a non-ASCII Content-ID stopped the whole load with an AttributeError before)
    address = "https://báo.example.vn/tin-tức/khai-mạc.html"
    data = chrome_mhtml(DC32, address).replace(b"Content-ID: <frame-0A7F@mhtml.blink>",
                                               "Content-ID: <khung-0á@mhtml.blink>".encode())
    start = '\ttype="text/html"; start="<khung-0á@mhtml.blink>";'.encode()
    data = data.replace(b'\ttype="text/html";', start).removesuffix(f"--{BOUNDARY}--\r\n".encode())
    saved = page_html(data, "a.mhtml")
    assert saved.address == address and saved.html.startswith(b"<!DOCTYPE html>")
    page = UNDATED.replace(b"<title>", b"<title>x")
    row = one_page(tmp_path, "a.mhtml", chrome_mhtml(page, address))
    assert unquote(row["url"]) == address


def test_a_page_saved_under_an_mhtml_name_as_plain_html_is_read_as_html(tmp_path):
    assert page_format("bai.mht", DC32) == "html"
    row = one_page(tmp_path, "bai.mht", DC32)
    assert row["title"].startswith("Khai mạc Hội nghị Ngoại giao lần thứ 32")


def test_only_the_pages_part_is_parsed_whole():
    # 40 images of 1 MB: the page is found and read without parsing them
    image = base64.encodebytes(bytes(1_000_000)).replace(b"\n", b"\r\n")
    parts = b"".join(f"--{BOUNDARY}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: "
                     f"base64\r\n\r\n".encode() + image + b"\r\n" for _ in range(40))
    data = chrome_mhtml(DC32, DC32_URL).replace(f"--{BOUNDARY}--".encode(),
                                                parts + f"--{BOUNDARY}--".encode())
    import tracemalloc
    tracemalloc.start()
    saved = page_html(data, "big.mhtml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert saved.html.startswith(b"<!DOCTYPE html>")
    assert peak < len(data) / 4, (peak, len(data))


def test_an_xhtml_page_with_its_xml_prolog_is_read_by_its_content_and_an_unreadable_file_named(
        tmp_path, monkeypatch):
    import helpers.corpus

    (tmp_path / "bai.aspx").write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n' + DC32)
    (tmp_path / "khoa.bin").write_bytes(b"\x00")
    real_open = open

    def refusing(path, *args, **kwargs):     # a file the user may not read (root reads all)
        if str(path).endswith("khoa.bin"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(helpers.corpus, "open", refusing, raising=False)
    with pytest.warns(CorpusWarning) as caught:
        corpus = helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)
    assert list(corpus["source_file"]) == ["bai.aspx"]
    messages = [str(w.message) for w in caught]
    assert any("could not read 1 file(s)" in m and "khoa.bin" in m for m in messages)
