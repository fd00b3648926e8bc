"""helpers.html on hand-written pages in the shapes of Vietnamese news sites (tests/data/html)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from helpers.cleaning import clean_article
from helpers.errors import CorpusError, NoVisibleText
from helpers.html import decode_html, extract_html, is_html
from helpers.metadata import infer_metadata, with_fallback
from helpers.pages import process_page

HTML_DIR = Path(__file__).parent / "data" / "html"
DC32_URL = "https://baomau.example.vn/ngoai-giao/khai-mac-hoi-nghi-ngoai-giao-lan-thu-32-a1032.html"
DC32_TITLE = "Khai mạc Hội nghị Ngoại giao lần thứ 32: Xây dựng nền ngoại giao toàn diện, hiện đại"
NFAC_TITLE = "Hội nghị Đối ngoại toàn quốc: Quán triệt đường lối đối ngoại của Đại hội XIII"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def page(name: str):
    return extract_html((HTML_DIR / name).read_bytes(), name)


def encode_cp1258(text: str) -> bytes:
    """Text in windows-1258, the legacy Vietnamese code page: base letter, then tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def test_article_metadata_comes_from_the_markup_with_its_source():
    result = page("dc32-khai-mac.html")
    assert result.metadata() == {"title": DC32_TITLE, "published": dt.date(2023, 12, 19),
                                 "author": "Minh Anh", "outlet": "Báo Mẫu Đối Ngoại",
                                 "url": DC32_URL}
    assert result.metadata_from == {"title": "html:json-ld", "published": "html:json-ld",
                                    "author": "html:json-ld", "outlet": "html:og",
                                    "url": "html:canonical"}


def test_article_body_is_one_paragraph_per_line_without_page_chrome():
    result = page("dc32-khai-mac.html")
    assert result.paragraphs[0].startswith("Sáng 19/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32")
    assert "Nâng tầm quan hệ với các đối tác" in result.paragraphs
    assert result.paragraphs[-1].startswith("Hội nghị Ngoại giao là sự kiện thường kỳ")
    assert len(result.paragraphs) == 7
    # (the markup states the date: the dateline under the headline is not put back)
    assert result.under_title == ()
    assert result.text.splitlines() == [DC32_TITLE, *result.paragraphs]
    for chrome in ("Trang chủ", "Tin liên quan", "Ý kiến bạn đọc", "Gửi bình luận",
                   "Chúc hội nghị thành công", "Tin cùng chuyên mục", "Bản quyền", "23/11/2026",
                   "Nhìn lại một năm đối ngoại sôi động"):
        assert chrome not in result.text, chrome


def test_audit_names_every_dropped_block_and_counts_add_up():
    audit = page("dc32-khai-mac.html").audit
    assert audit.blocks_kept + audit.blocks_dropped == audit.blocks_in_page
    assert audit.blocks_kept == 8   # headline + 7 paragraphs
    for dropped in ("Tin liên quan", "Ý kiến bạn đọc", "Trần Văn Bình",
                    "Hội nghị Ngoại giao lần thứ 32", "Minh Anh | Thứ ba, 19/12/2023, 09:30",
                    "Thứ hai, 23/11/2026 Đăng nhập Đăng ký"):
        assert dropped in audit.dropped, dropped
    assert audit.chars_kept < audit.chars_in_page
    assert f"kept 8 of {audit.blocks_in_page} text blocks" in audit.summary()
    assert audit.dropped_above[-3:] == ("Hội nghị Ngoại giao lần thứ 32",
                                        "Minh Anh | Thứ ba, 19/12/2023, 09:30",
                                        "Chia sẻ Facebook Chia sẻ Zalo In bài")


def test_amp_copy_gives_the_same_article_and_points_to_the_desktop_page():
    desktop, amp = page("dc32-khai-mac.html"), page("dc32-khai-mac.amp.html")
    assert amp.paragraphs == desktop.paragraphs
    assert (amp.title, amp.published, amp.author, amp.url) == (
        desktop.title, desktop.published, desktop.author, DC32_URL)
    assert amp.metadata_from == {"title": "html:og", "published": "html:time",
                                 "author": "html:meta", "outlet": "html:og",
                                 "url": "html:canonical"}


def test_page_declared_windows_1252_but_served_in_utf8_is_read_as_utf8():
    data = (HTML_DIR / "nfac-2021-declared-1252.html").read_bytes()
    assert b"charset=windows-1252" in data
    result = extract_html(data, "nfac.html")
    assert (result.encoding, result.encoding_note) == ("utf-8", "valid UTF-8, declared cp1252")
    assert result.title == NFAC_TITLE
    assert result.paragraphs[0].startswith("Ngày 14/12/2021, Hội nghị Đối ngoại toàn quốc")
    assert (result.published, result.author, result.sitename) == (
        dt.date(2021, 12, 14), "Lê Thu Hà", "Tạp chí Mẫu")
    assert result.metadata_from["url"] == "html:og"


@pytest.mark.parametrize("declare", [True, False], ids=["declared", "undeclared"])
def test_legacy_windows_1258_page_decodes_to_the_same_nfc_text(declare):
    source = (HTML_DIR / "nfac-2021-declared-1252.html").read_text(encoding="utf-8")
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />'
    new_meta = meta.replace("windows-1252", "windows-1258") if declare else ""
    data = encode_cp1258(source.replace(meta, new_meta))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = extract_html(data, "legacy.html")
    reference = page("nfac-2021-declared-1252.html")
    assert result.encoding == "cp1258"
    assert result.encoding_note == ("declared charset" if declare
                                    else "guessed by charset-normalizer")
    assert (result.title, result.paragraphs) == (reference.title, reference.paragraphs)
    assert all(unicodedata.is_normalized("NFC", p) for p in result.paragraphs)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_decide_the_encoding(codec):
    source = (HTML_DIR / "dc32-khai-mac.html").read_text(encoding="utf-8")
    result = extract_html(source.encode(codec), "bom.html")
    assert result.encoding_note.startswith("byte-order mark")
    assert result.paragraphs == page("dc32-khai-mac.html").paragraphs


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,   # an image saved as .html
    b"\xff\xfe" + "<html><p>Hội nghị</p>".encode("utf-16-le") + b"\x00",
], ids=["binary", "truncated-utf16"])
def test_undecodable_bytes_raise_an_error_naming_the_file(data):
    with pytest.raises(CorpusError, match=r"^broken\.html: cannot decode"):
        decode_html(data, "broken.html")


def test_utf16_without_a_byte_order_mark_is_recognised():
    text, codec, note = decode_html("<p>Hội nghị Ngoại giao</p>".encode("utf-16-le"), "u.html")
    assert (text, codec, note) == ("<p>Hội nghị Ngoại giao</p>", "utf_16_le",
                                   "guessed by charset-normalizer")


@pytest.mark.parametrize("name", ["section-index.html", "error-404.html"])
def test_page_without_an_article_raises_an_error_naming_the_file(name):
    with pytest.raises(CorpusError, match=rf"^{name}: no article in the page"):
        page(name)


def test_empty_or_markup_only_page_has_no_visible_text_and_a_short_one_no_article():
    # (load_corpus skips the first kind as empty, with a warning; the second is an error)
    with pytest.raises(NoVisibleText, match=r"^empty\.html: an HTML page with no visible text"):
        extract_html(b"<html><head><title>x</title></head><body></body></html>", "empty.html")
    with pytest.raises(NoVisibleText, match=r"^blank\.html: an HTML page with no visible text"):
        extract_html(b"  \n", "blank.html")
    with pytest.raises(CorpusError, match=r"^short\.html: no article") as caught:
        extract_html("<html><body><p>Trang chủ</p></body></html>".encode(), "short.html")
    assert not isinstance(caught.value, NoVisibleText)


def test_page_clock_is_never_taken_for_the_publication_date():
    # No structured date: the only dates are a page clock and the lead's "Sáng 19/12".
    source = (HTML_DIR / "dc32-khai-mac.amp.html").read_text(encoding="utf-8")
    source = source.replace('<time datetime="2023-12-19T09:30:00+07:00">19/12/2023 09:30</time>',
                            "<span>Thứ hai, 23/11/2026</span>")
    result = extract_html(source.encode(), "clock.html")
    assert result.published is None and "published" not in result.metadata_from
    assert result.date_in_text == dt.date(2026, 11, 23)    # kept apart, not used
    assert "Thứ hai, 23/11/2026 · Minh Anh" in result.audit.dropped_above


def test_date_in_the_canonical_url_counts_as_markup():
    source = (HTML_DIR / "dc32-khai-mac.amp.html").read_text(encoding="utf-8")
    time_tag = '<time datetime="2023-12-19T09:30:00+07:00">19/12/2023 09:30</time>'
    source = source.replace(time_tag, "")
    source = source.replace("/ngoai-giao/khai-mac", "/2023/12/19/khai-mac")
    result = extract_html(source.encode(), "url-date.html")
    assert result.published == dt.date(2023, 12, 19)
    assert result.metadata_from["published"] == "html:url"


@pytest.mark.parametrize("name, data, expected", [
    ("a.html", None, True), ("b.HTM", None, True), ("c.xhtml", None, True),
    ("d.txt", b"<!DOCTYPE html><html>", False), ("e", b"  <!doctype html>\n<html lang='vi'>", True),
    ("f.dat", b"\xef\xbb\xbf<html><body>", True), ("g", b"Hoi nghi <html>", False),
    ("h", None, False),
])
def test_is_html_by_extension_or_first_bytes(name, data, expected):
    assert is_html(name, data) is expected


@pytest.mark.parametrize("stem", ["dc32-khai-mac", "nfac-2021-declared-1252"])
def test_html_body_matches_the_saved_text_version(stem):
    # The .txt is the page's text as a browser saves it, chrome included. The HTML body must be
    # its article lines, in order, and hold every long (prose) line of it but reader comments.
    result = page(f"{stem}.html")
    expected_text = (HTML_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in expected_text.splitlines()]
    positions = [lines.index(p) for p in result.paragraphs]
    assert positions == sorted(positions)
    long_lines = {line for line in lines if len(line.split()) >= 25}
    assert long_lines <= set(result.paragraphs)
    assert result.title in lines


@pytest.mark.parametrize("name", ["dc32-khai-mac.html", "dc32-khai-mac.amp.html",
                                  "nfac-2021-declared-1252.html"])
def test_extracted_text_passes_the_project_cleaning_unchanged(name):
    # The line-based cleaning of .txt pages runs on the HTML text too: it must find the same
    # headline and keep every paragraph trafilatura kept (the page chrome is already gone).
    result = page(name)
    cleaned = clean_article(result.text)
    assert (cleaned.headline, cleaned.paragraphs) == (result.title, result.paragraphs)


def test_a_folder_mixing_text_and_html_gives_the_same_clean_body_and_flags_the_copies(tmp_path):
    import shutil
    import warnings

    import helpers

    for name in ("dc32-khai-mac.html", "dc32-khai-mac.txt", "dc32-khai-mac.amp.html",
                 "nfac-2021-declared-1252.html", "nfac-2021-declared-1252.txt"):
        shutil.copy(HTML_DIR / name, tmp_path / name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # every file is a readable article
        corpus = helpers.load_corpus(tmp_path).set_index("source_file")
    for stem in ("dc32-khai-mac", "nfac-2021-declared-1252"):
        html, text = corpus.loc[f"{stem}.html"], corpus.loc[f"{stem}.txt"]
        assert html["page"].article.paragraphs == text["page"].article.paragraphs
        assert html["title"] == text["title"]
    assert corpus["duplicate_of"].notna().sum() == 3          # one article kept of each
    assert "published: html:" in corpus.loc["nfac-2021-declared-1252.html", "metadata_from"] \
        or corpus.loc["nfac-2021-declared-1252.html", "date_precision"] == "day"
    audit = helpers.cleaning_audit(corpus.reset_index())
    extraction = audit[audit["reason"] == "html extraction"]
    assert len(extraction) == 3 and extraction["text"].str.contains("dropped").all()


# --- shapes of real sites: sapo outside the article, microdata, <title> with the site, tables ---

TOPICS = ("ngoại giao kinh tế", "ngoại giao văn hóa", "công tác người Việt Nam ở nước ngoài",
          "bảo hộ công dân")
# Four different paragraphs (extraction keeps one of several equal ones).
PARAGRAPHS = tuple(f"Hội nghị Ngoại giao lần thứ 32 thảo luận các định hướng lớn về {topic} "
                   "trong những năm tới, với sự tham dự của các trưởng cơ quan đại diện."
                   for topic in TOPICS)
SAPO = ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội, mở đầu năm ngày làm "
        "việc của toàn ngành.")
HEADLINE = "Khai mạc Hội nghị Ngoại giao lần thứ 32"


def site_page(head: str, above: str, body: str = "", below: str = "") -> bytes:
    """A news page: menu, then ``above`` (headline, date, sapo ...), the article's element with
    four paragraphs, then ``below``."""
    body = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{head}</head><body>'
            '<nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>'
            f'<main>{above}<article class="fck_detail">{body}</article>{below}</main>'
            '<footer><p>© Báo Mẫu</p></footer></body></html>').encode()


def test_sapo_and_dateline_printed_outside_the_article_element_are_put_back():
    # A sapo in a <p class="description"> above <article>, as many sites print it: extraction
    # keeps the article's element only; the line cleaning gets the sapo as the lead and the
    # dateline as a dateline.
    data = site_page("", f'<h1>{HEADLINE}</h1><div class="date">Thứ Ba, 19/12/2023 | 08:30</div>'
                         f'<div class="share">Chia sẻ</div><p class="description">{SAPO}</p>')
    result = extract_html(data, "sapo.html")
    assert result.under_title == ("Thứ Ba, 19/12/2023 | 08:30", SAPO)
    assert SAPO not in result.audit.dropped
    article = clean_article(result.text)
    assert (article.headline, article.paragraphs[0]) == (HEADLINE, SAPO)
    assert article.with_reason("dateline")[0].text == "Thứ Ba, 19/12/2023 | 08:30"


def test_prose_above_the_headline_or_far_from_the_article_is_not_put_back():
    sidebar = f'<div class="teaser">{SAPO}</div>'
    data = site_page("", sidebar + f"<h1>{HEADLINE}</h1>")
    assert extract_html(data, "teaser.html").under_title == ()
    # a page whose headline is not found near the article: nothing is put back
    data = site_page("", f"<h1>{HEADLINE}</h1>" + "<div>Mục</div>" * 9 + f"<p>{SAPO}</p>")
    assert extract_html(data, "far.html").under_title == ()


@pytest.mark.parametrize(("stamp", "expected"), [
    ("2021-12-14T18:30:00Z", dt.date(2021, 12, 15)),        # 01:30 on the 15th in Vietnam
    ("2021-12-14T18:30:00+07:00", dt.date(2021, 12, 14)),
    ("2021-12-14T23:30:00-05:00", dt.date(2021, 12, 15)),
])
def test_a_timestamp_with_an_offset_gives_the_date_in_vietnam(stamp, expected):
    data = site_page(f'<meta property="article:published_time" content="{stamp}">',
                     f"<h1>{HEADLINE}</h1>")
    result = extract_html(data, "stamp.html")
    assert (result.published, result.metadata_from["published"]) == (expected, "html:og")


def test_a_microdata_date_counts_as_markup():
    above = (f'<h1 itemprop="headline">{HEADLINE}</h1>'
             '<meta itemprop="datePublished" content="2021-12-16T06:00:00+07:00">')
    result = extract_html(site_page("", above), "microdata.html")
    assert result.published == dt.date(2021, 12, 16)
    assert result.metadata_from["published"] == "html:microdata"


@pytest.mark.parametrize("title", [f"{HEADLINE} – Báo Mẫu Điện Tử",
                                   f"{HEADLINE} | Báo Mẫu Điện Tử"])
def test_the_site_name_is_cut_from_the_title(title):
    head = (f'<title>{title}</title><meta property="og:title" content="{title}">'
            '<meta property="og:site_name" content="Báo Mẫu Điện Tử">')
    assert extract_html(site_page(head, ""), "site.html").title == HEADLINE


def test_the_headline_printed_above_the_article_beats_the_site_part_of_the_title():
    # No <h1>, no og:title: the page's <title> is "Site - Headline", and the headline is
    # printed above the article in a <span>.
    head = f"<title>Cổng Thông tin Mẫu - {HEADLINE}</title>"
    above = f'<div class="title"><span>{HEADLINE}</span></div><div>19/12/2023 10:20</div>'
    result = extract_html(site_page(head, above), "portal.html")
    assert result.title == HEADLINE
    assert result.under_title == ("19/12/2023 10:20",)


def test_layout_tables_are_read_as_text_and_data_tables_kept():
    cells = "".join(f"<tr><td><p>{p}</p></td></tr>" for p in PARAGRAPHS)
    layout = (f'<table width="980"><tr><td class="menu"><table><tr><td>Chuyên mục</td></tr>'
              f'</table></td><td><table>{cells}</table></td></tr></table>')
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=layout), "layout.html")
    assert all(not line.startswith("|") for line in result.paragraphs)
    assert result.paragraphs == PARAGRAPHS
    data = ("<table><tr><th>Năm</th><th>Số đoàn</th></tr><tr><td>2022</td><td>27</td></tr>"
            "<tr><td>2023</td><td>31</td></tr></table>")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + data
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=body), "data.html")
    assert any(line.startswith("|") and "Số đoàn" in line for line in result.paragraphs)


def test_a_date_under_the_headline_is_not_put_back_when_the_markup_states_one():
    head = '<meta property="article:published_time" content="2023-12-19T08:30:00+07:00">'
    above = (f"<h1>{HEADLINE}</h1><span>Cập nhật: 21/12/2023 16:40</span>"
             "<div>Thứ Năm, 21/12/2023</div>")
    result = extract_html(site_page(head, above), "updated.html")
    assert result.under_title == () and result.published == dt.date(2023, 12, 19)


def test_a_caption_or_a_box_between_headline_and_article_is_not_put_back_as_a_sapo():
    caption = "Các đại biểu dự phiên khai mạc Hội nghị Ngoại giao lần thứ 32 tại trụ sở Bộ."
    box = "Đăng ký nhận bản tin của chúng tôi để không bỏ lỡ những tin tức quan trọng mỗi ngày."
    above = (f'<h1>{HEADLINE}</h1><p class="sapo">{SAPO}</p><figure><img src="a.jpg">'
             f'<figcaption>{caption}</figcaption></figure><div class="newsletter">{box}</div>')
    assert extract_html(site_page("", above), "caption.html").under_title == (SAPO,)


def test_a_one_column_table_of_short_entries_is_kept_as_a_table():
    rows = "".join(f"<tr><td>{item}</td></tr>" for item in
                   ("Khai mạc", "Báo cáo đề dẫn", "Thảo luận chuyên đề", "Bế mạc"))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<table>{rows}</table>"
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=body), "list.html")
    assert any("Báo cáo đề dẫn" in line for line in result.paragraphs)


def test_a_section_name_in_the_h1_is_not_taken_for_the_title():
    head = f'<meta property="og:title" content="{HEADLINE} - Thời sự">'
    result = extract_html(site_page(head, "<h1>Thời sự</h1>"), "section.html")
    assert result.title != "Thời sự"


@pytest.mark.parametrize("cut, why", [("</main><footer><p>© Báo Mẫu</p></foo", "inside a tag"),
                                      ("</main><footer><p>© Báo", "before </body>")])
def test_a_page_cut_short_loads_with_a_warning_naming_it_also_from_the_cache(tmp_path, cut, why):
    import warnings

    import helpers
    from helpers.errors import CorpusWarning

    whole = site_page("<title>Tin</title>", f"<h1>{HEADLINE}</h1>").decode()
    (tmp_path / "whole.html").write_text(whole, encoding="utf-8")
    (tmp_path / "cut.html").write_text(whole[:whole.index("</main>")] + cut, encoding="utf-8")
    assert extract_html((tmp_path / "whole.html").read_bytes(), "whole.html").cut_short is None
    for _load in ("cold", "warm"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = helpers.load_corpus(tmp_path, progress=False)
        said = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
        assert len(said) == 1 and said[0].startswith("cut.html: the HTML looks cut short")
        assert why in said[0]
        assert len(corpus) == 2 and corpus["text"].str.len().gt(0).all()   # both still loaded


def test_a_logo_in_the_h1_is_not_the_title_the_headline_under_it_is():
    # The site's name in capitals in <h1>, the headline in an <h2> that extraction keeps as
    # the first paragraph; <title> holds the headline and the site's name.
    data = site_page(f"<title>{HEADLINE} - Báo Mẫu điện tử</title>",
                     '<h1 class="logo"><a href="/">BÁO MẪU ĐIỆN TỬ</a></h1>'
                     f'<div class="post"><h2 class="post-title">{HEADLINE}</h2>',
                     below="</div>")
    found = extract_html(data, "logo.html")
    assert found.title == HEADLINE
    assert found.paragraphs == PARAGRAPHS
    assert clean_article(found.text).headline == HEADLINE


def test_a_print_page_masthead_and_section_name_do_not_take_the_title():
    # A print version: the site's name in capitals in its header, <title> "Bản in - site",
    # the section's name above the <h1>.
    data = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            "<title>Bản in - Báo Mẫu điện tử</title></head><body>"
            '<div class="print-head"><table><tr><td><b>BÁO MẪU ĐIỆN TỬ</b></td>'
            '<td><a href="#">In bài này</a></td></tr></table></div><div class="print-body">'
            f'<p class="cat">Chính trị - Đối ngoại</p><h1>{HEADLINE}</h1>'
            '<p class="date">Thứ Ba, 19/12/2023 - 16:40</p>'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + "</div></body></html>").encode()
    found = extract_html(data, "print.html")
    assert found.title == HEADLINE
    article = clean_article(found.text)
    assert article.headline == HEADLINE
    assert article.paragraphs == PARAGRAPHS


def test_the_home_pages_og_title_of_a_template_is_not_the_articles_title():
    head = ('<meta property="og:type" content="website"><meta property="og:title" '
            'content="Báo Mẫu điện tử - Tin tức, sự kiện mới nhất trong ngày">'
            "<title>Báo Mẫu điện tử - Tin tức, sự kiện mới nhất trong ngày</title>")
    found = extract_html(site_page(head, f"<h1>{HEADLINE}</h1>"), "template.html")
    assert found.title == HEADLINE
    assert clean_article(found.text).headline == HEADLINE


def test_an_articles_own_og_title_stays_the_title():
    head = ('<meta property="og:type" content="article">'
            f'<meta property="og:title" content="{HEADLINE}">')
    found = extract_html(site_page(head, "<h1>Thời sự</h1>"), "article.html")
    assert found.title == HEADLINE


def test_a_headline_in_capitals_is_the_title_a_site_name_in_capitals_is_not():
    caps = "BẾ MẠC HỘI NGHỊ ĐỐI NGOẠI TOÀN QUỐC"
    found = extract_html(site_page(f"<title>{caps}</title>", f"<h1>{caps}</h1>"), "caps.html")
    assert found.title == caps


def test_a_site_wide_title_stays_when_no_h1_can_replace_it():
    head = ('<meta property="og:type" content="website">'
            f'<meta property="og:title" content="{HEADLINE}"><title>{HEADLINE}</title>')
    found = extract_html(site_page(head, '<div class="title">Thời sự</div>'), "seo.html")
    assert found.title == HEADLINE


def test_the_headline_repeated_in_the_body_does_not_move_the_article_above_it():
    # the headline again as a bold line under the first paragraphs: they stay under the <h1>
    body = ("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + f"<p><b>{HEADLINE}</b></p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]))
    found = extract_html(site_page("<title>Tin</title>", f"<h1>{HEADLINE}</h1>", body=body),
                         "repeat.html")
    assert found.above_title == 0
    assert clean_article(found.text).headline == HEADLINE


def test_a_headline_under_a_site_wide_title_with_its_slogan_is_the_title_and_its_row_dates_it():
    # A template's og:title is the site's name and slogan (og:type "website"), the page has no
    # <h1>: the headline is an <h3> that extraction keeps as the first paragraph, under it one
    # row with the author's name and the time, then the sapo outside the article's element.
    head = ('<meta property="og:type" content="website"><meta property="og:title" content="'
            'Nhịp Sống Mẫu - Tin tức 24h, đọc báo nhanh, tin mới nhất trong ngày">'
            "<title>Nhịp Sống Mẫu - Tin tức 24h, đọc báo nhanh, tin mới nhất trong ngày</title>")
    above = (f'<div class="detail-head"><h3 class="title">{HEADLINE}</h3><div class="info">'
             '<span class="author">Vũ Thanh Tùng</span> <span class="time">Thứ Ba, 19/12/2023 '
             f'- 18:30</span></div></div><div class="sapo">{SAPO}</div>')
    data = site_page(head, above)
    found = extract_html(data, "slogan.html")
    assert found.title == HEADLINE
    assert found.under_title == ("Vũ Thanh Tùng Thứ Ba, 19/12/2023 - 18:30", SAPO)
    page = process_page("slogan.html", data, cache=False)
    assert page.article.headline == HEADLINE
    assert page.article.paragraphs[0] == SAPO
    assert (page.metadata.published, page.metadata.found_by["published"]) == (
        dt.date(2023, 12, 19), "page dateline")


@pytest.mark.parametrize("row", ["Thứ Sáu, 26/08/2016 - 09:12 Lượt xem: 611 In bài",
                                 "Ngọc Lan 26/08/2016 09:12"])
def test_a_row_under_the_headline_the_text_rules_read_as_a_dateline_is_put_back(row):
    # The time shares its row with a view count and a print button, or with the author's name:
    # not a bare date, but a dateline to the text rules, so the page is dated by it and not
    # by the lead's "Ngày 25/8".
    sapo = "Ngày 25/8, Sở Ngoại vụ tỉnh tổ chức hội nghị quán triệt kết quả Hội nghị Ngoại giao."
    data = site_page("<title>Báo Mẫu</title>",
                     f'<h1>{HEADLINE}</h1><div class="meta">{row}</div><p class="sapo">{sapo}</p>')
    assert extract_html(data, "row.html").under_title == (row, sapo)
    page = process_page("row.html", data, cache=False)
    assert page.metadata.published == dt.date(2016, 8, 26)
    # a sentence under the headline is not put back as a dateline, however dated
    data = site_page("<title>Báo Mẫu</title>",
                     f'<h1>{HEADLINE}</h1><div class="meta">Cập nhật: {row}</div>')
    assert extract_html(data, "updated.html").under_title == ()


def test_a_templates_home_page_address_is_not_the_articles_url():
    head = ('<meta property="og:url" content="https://baomau.vn/">'
            '<link rel="canonical" href="https://baomau.vn/">')
    assert extract_html(site_page(head, f"<h1>{HEADLINE}</h1>"), "home.html").url is None
    own = "https://baomau.vn/thoi-su/khai-mac-hoi-nghi-ngoai-giao-32-p3318.html"
    head = f'<meta property="og:url" content="{own}"><link rel="canonical" href="{own}">'
    found = extract_html(site_page(head, f"<h1>{HEADLINE}</h1>"), "own.html")
    assert (found.url, found.metadata_from["url"]) == (own, "html:canonical")


def test_the_h1_above_the_article_beats_an_og_title_written_for_search_engines():
    head = ('<meta property="og:type" content="article"><meta property="og:title" '
            'content="Bế mạc HNNG 32: 6 điểm nhấn đáng chú ý nhất">'
            "<title>Bế mạc HNNG 32: 6 điểm nhấn đáng chú ý nhất | Báo Mẫu</title>")
    found = extract_html(site_page(head, f'<h1 class="article__title">{HEADLINE}</h1>'),
                         "seo.html")
    assert (found.title, found.metadata_from["title"]) == (HEADLINE, "html:h1")
    # an <h1> that does not read as a headline (a section's name) leaves the og:title
    found = extract_html(site_page(head, "<h1>Thời sự</h1>"), "section.html")
    assert found.title == "Bế mạc HNNG 32: 6 điểm nhấn đáng chú ý nhất"


def test_a_title_the_page_prints_nowhere_gives_way_to_the_heading_above_the_article():
    # a portal's <title> names the page type ("Chi tiết tin"); the headline is a div.title
    head = "<title>Chi tiết tin - Cổng thông tin điện tử tỉnh Mẫu</title>"
    above = (f'<div class="news-detail"><div class="title">{HEADLINE}</div>'
             '<div class="date">Ngày đăng: 19/12/2023 10:20</div></div>')
    found = extract_html(site_page(head, above), "portal.html")
    assert found.title == HEADLINE
    page = process_page("portal.html", site_page(head, above), cache=False)
    assert page.metadata.published == dt.date(2023, 12, 19)


def test_a_joomla_heading_row_beside_its_icons_is_the_title_not_a_table():
    head = "<title>Khai mạc Hội nghị 32</title>"
    heading = (f'<table class="contentpaneopen"><tr><td class="contentheading">{HEADLINE}</td>'
               '<td class="buttonheading"><a href="/pdf"><img src="pdf.png" alt="PDF"></a></td>'
               '<td class="buttonheading"><a href="/in"><img src="in.png" alt="In"></a></td>'
               "</tr></table>")
    body = heading + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    found = extract_html(site_page(head, "", body=body), "joomla.html")
    assert found.title == HEADLINE
    assert not any(line.startswith("|") for line in found.paragraphs)


def test_a_markup_date_in_vietnamese_order_is_read_day_first():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          f'"NewsArticle", "headline": "{HEADLINE}", "datePublished": "08/01/2024 09:15"}}'
          "</script>")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>Cập nhật lần cuối 10/01/2024.</p>"
    found = extract_html(site_page(ld, f"<h1>{HEADLINE}</h1>", body=body), "ld.html")
    assert (found.published, found.metadata_from["published"]) == (dt.date(2024, 1, 8),
                                                                    "html:json-ld")


def test_a_blogs_date_header_right_above_the_post_title_dates_the_post():
    head = f'<meta property="og:title" content="{HEADLINE}">'
    above = (f'<div class="date-outer"><h2 class="date-header"><span>Thứ Năm, 1 tháng 9, 2016'
             f'</span></h2><h3 class="post-title">{HEADLINE}</h3></div>')
    data = site_page(head, above)
    assert extract_html(data, "blog.html").under_title == ("Thứ Năm, 1 tháng 9, 2016",)
    page = process_page("blog.html", data, cache=False)
    assert page.metadata.published == dt.date(2016, 9, 1)
    # a page clock further up is not taken
    data = site_page(head, '<div class="clock">Thứ Hai, 25/12/2023</div><div>Thời sự</div>'
                           f"<h1>{HEADLINE}</h1>")
    assert extract_html(data, "clock.html").under_title == ()


def test_second_review_dates_and_titles_the_new_html_rules_leave_alone():
    # a page's date bar right above the <h1>, no date in the markup: not the article's date
    bar = '<div class="today">Thứ Tư, 10/01/2024</div>'
    assert extract_html(site_page("", bar + f"<h1>{HEADLINE}</h1>"), "bar.html").under_title == ()
    # a 12-hour clock's date (month first), a template's <meta name="date">, an English page
    for head, name in (('<meta property="article:published_time" content="1/8/2024 9:15:00 AM">',
                        "ampm.html"),
                       ('<meta name="dc.date.issued" content="01/05/2015">', "template.html")):
        assert extract_html(site_page(head, f"<h1>{HEADLINE}</h1>"), name).published is None
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
          '"01/08/2024 09:15"}</script>')
    english = site_page(ld, f"<h1>{HEADLINE}</h1>").replace(b'lang="vi"', b'lang="en"')
    assert extract_html(english, "en.html").published is None
    # a category's <h1> over the article's own heading, a series' label: the og:title stays
    og = '<meta property="og:title" content="Thủ tướng dự Hội nghị Ngoại giao lần thứ 32">'
    for label in ("Hoạt động của lãnh đạo Đảng, Nhà nước",
                  "Chuyên đề: Hội nghị Ngoại giao lần thứ 32"):
        above = (f"<h1 class='category'>{label}</h1>"
                 "<h2>Thủ tướng Phạm Minh Chính dự Hội nghị Ngoại giao lần thứ 32</h2>")
        assert extract_html(site_page(og, above), "category.html").title != label


# --- the fifth page-shapes set (3 Dec 2026): what its blind read missed, in general shapes --

def test_a_time_element_under_the_headline_dates_the_page_when_extraction_picked_another():
    # Comments and the header clock give later dates, which the date extraction may pick;
    # the <time> under the headline is the article's: its row is put back and read.
    above = (f'<div class="topbar"><span class="date-now">Thứ Bảy, 23/12/2023</span></div>'
             f'<h1>{HEADLINE}</h1>'
             '<div class="meta"><span class="author">Ngọc Hà</span> '
             '<time datetime="2023-12-22T07:30:00+07:00">22/12/2023 07:30</time></div>')
    below = "".join(f'<div class="comment"><b>Bạn đọc {n}</b> <span class="time">23/12/2023 '
                    f'1{n}:0{n}</span><p>Bài viết rất hay, cảm ơn tác giả và tòa soạn.</p></div>'
                    for n in range(3))
    result = extract_html(site_page("", above, below=below), "time.html")
    meta = infer_metadata(clean_article(result.text))
    meta = with_fallback(meta, result.metadata(), result.metadata_from)
    assert meta.published == dt.date(2023, 12, 22)
    # ... and with no other date about, the <time> the extraction took still counts
    plain = extract_html(site_page("", f'<h1>{HEADLINE}</h1><time datetime="2023-12-19">'
                                       '19/12/2023</time>'), "plain-time.html")
    assert plain.published == dt.date(2023, 12, 19)
    assert plain.metadata_from["published"] == "html:time" and plain.under_title == ()


def test_a_category_h1_over_a_listing_gives_way_to_the_story_printed_in_full():
    head = ('<title>Đối ngoại - Báo Mẫu</title><meta property="og:title" content="Đối ngoại">'
            '<meta property="og:type" content="website">')
    above = ('<div class="menu"><a href="/doi-ngoai/">Đối ngoại</a> <a href="/kinh-te/">Kinh '
             f'tế</a></div><h1 class="cat-title">Đối ngoại</h1><div class="featured">'
             f'<h2 class="featured-title"><a href="/a.html">{HEADLINE}</a></h2>'
             '<div class="date">19/12/2023 11:20</div></div>')
    teasers = "".join(f'<div class="card"><h3><a href="/{n}.html">Tin khác số {n} về hoạt động '
                      f'đối ngoại của tỉnh</a></h3><p>20/12/2023</p></div>' for n in range(3))
    result = extract_html(site_page(head, above, below=teasers), "listing.html")
    assert clean_article(result.text).headline == HEADLINE
    assert result.title == HEADLINE
    # a short headline that is the page's own (no link on the page names it) stays the title,
    # with a deck or a related story's heading under it
    head = '<title>Tết xa quê</title><meta property="og:title" content="Tết xa quê">'
    above = ('<h1>Tết xa quê</h1><h2 class="sapo-title">Cộng đồng người Việt tại nước bạn đón '
             'Xuân Giáp Thìn</h2><ul class="related"><li><h3><a href="/b.html">Kiều bào gói bánh '
             'chưng đón Tết ở xa</a></h3></li></ul>')
    assert extract_html(site_page(head, above), "short.html").title == "Tết xa quê"
    # ... also when a link names it (a breadcrumb's last item, a tag), on an article's page
    crumb = '<div class="breadcrumb"><a href="/van-hoa/tet-xa-que-123.html">Tết xa quê</a></div>'
    for kind in ("", '<meta property="og:type" content="article">'):
        page = site_page(head + kind, crumb + above)
        assert extract_html(page, "crumb.html").title == "Tết xa quê"


def test_prose_in_paragraphs_of_a_one_cell_table_makes_it_a_layout_table():
    # an old portal's article cell: its paragraphs, then "Các tin khác:" and a list, so the
    # cell's text as a whole ends with a date in brackets, not a sentence
    cell = ("".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + "<p><b>Các tin khác:</b></p><ul><li><a href='/x'>Tin cũ về hội nghị</a> "
              "(27/12/2013)</li></ul>")
    body = f'<table width="100%"><tr><td>{cell}</td></tr></table>'
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=body), "cell.html")
    assert not any(line.startswith("|") for line in result.paragraphs)
    assert result.paragraphs[:4] == PARAGRAPHS
    # a photo's caption in a one-column table (one paragraph of prose) is no layout
    caption = ("Các đại biểu dự phiên thảo luận chuyên đề về ngoại giao kinh tế chiều 20/12 tại "
               "Hà Nội.")
    table = (f'<table class="image"><tr><td><img src="a.jpg"></td></tr><tr><td><p>{caption}</p>'
             '<p>Ảnh: Quang Hòa</p></td></tr></table>')
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=table + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS)), "caption-table.html")
    assert clean_article(result.text).paragraphs[0] != caption
    # nor a timeline of rows, each a date and one paragraph (its dates stay a table's)
    rows = "".join(f"<tr><td><p><b>{day}/12/2023</b></p><p>{p}</p><p>Ảnh: TTXVN</p></td></tr>"
                   for day, p in zip((19, 20, 21), PARAGRAPHS, strict=False))
    timeline = f'<table class="timeline">{rows}</table>'
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body="".join(
        f"<p>{p}</p>" for p in PARAGRAPHS) + timeline), "timeline.html")
    assert any(line.startswith("|") and "19/12/2023" in line for line in result.paragraphs)


def test_a_month_first_row_with_a_12_hour_clock_is_not_put_back_as_a_dateline():
    # an English page: "12/05/2023 10:00 AM" is 5 December; the text rules read day first
    above = (f'<h1>{HEADLINE}</h1><div class="byline">12/05/2023 10:00 AM</div>'
             f'<p class="sapo">{SAPO}</p>')
    result = extract_html(site_page("", above), "month-first.html")
    assert "12/05/2023 10:00 AM" not in result.under_title and SAPO in result.under_title
    # a day over 12 reads one way only: put back
    above = above.replace("12/05/2023", "19/12/2023")
    assert "19/12/2023 10:00 AM" in extract_html(site_page("", above), "day.html").under_title


def portal_page(title_class: str = "tieude") -> bytes:
    """An old government portal (ASP.NET): one row of three columns (a sidebar, the article, a
    poll), the headline in a classed <span>, the sapo in another, a <title> that is the
    portal's name, printed again only in the footer."""
    center = (f'<div class="duongdan"><a href="/">Trang chủ</a> &raquo; <a href="/tin">Tin tức'
              f'</a></div><div class="chitiet"><span class="{title_class}">{HEADLINE}</span>'
              '<div class="ngaydang">Cập nhật 20:15 ngày 19/12/2023</div>'
              '<div class="tienich"><a href="#">In bài</a> | <a href="#">Gửi email</a></div>'
              f'<span class="tomtat">{SAPO}</span><div class="noidung">'
              + "".join(f'<p style="text-align: justify;">{p}</p>' for p in PARAGRAPHS)
              + "</div></div>")
    side = ('<div class="box-title">LỊCH CÔNG TÁC</div><ul><li><a href="/lich">Lịch công tác '
            'tuần 51</a></li></ul>')
    poll = ('<div class="box-title">THĂM DÒ Ý KIẾN</div><p>Bạn đánh giá thế nào về cổng?</p>'
            '<input type="radio"> Tốt<br><input type="radio"> Chưa tốt')
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử '
            'tỉnh Mẫu</title></head><body><form><div id="menu"><ul><li><a href="/">Trang chủ'
            '</a></li><li><a href="/tin">Tin tức</a></li></ul></div>'
            f'<table width="100%"><tr><td valign="top" width="230">{side}</td>'
            f'<td valign="top">{center}</td><td width="220">{poll}</td></tr></table>'
            '<div id="footer"><p><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH MẪU</b></p></div>'
            '</form></body></html>').encode()


def test_an_old_portals_row_of_columns_is_a_layout_and_its_classed_headline_the_title():
    result = extract_html(portal_page(), "portal.aspx.html")
    assert not any(line.startswith("|") for line in result.paragraphs)
    assert result.title == HEADLINE
    article = clean_article(result.text)
    assert (article.headline, article.paragraphs[:2]) == (HEADLINE, (SAPO, PARAGRAPHS[0]))
    # "tiêu đề" (title) spelt the other ways portals class it
    for spelling in ("tieu-de", "tieu_de_chitiet"):
        assert extract_html(portal_page(spelling), "portal.html").title == HEADLINE


def test_a_row_of_cells_of_short_entries_is_still_a_data_table():
    row = "".join(f"<td>{cell}</td>" for cell in ("Hà Nội", "19/12/2023", "Khai mạc"))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<table><tr>{row}</tr></table>"
    result = extract_html(site_page("", f"<h1>{HEADLINE}</h1>", body=body), "row.html")
    assert any(line.startswith("|") and "Khai mạc" in line for line in result.paragraphs)


def test_a_dropped_heading_over_a_kept_list_of_other_stories_or_a_poll_is_put_back():
    from helpers.html import _first_kept, _zone_headings

    def zone_headings(blocks, kept):
        return _zone_headings(blocks, kept, _first_kept(blocks, kept))

    other = "Tỉnh Mẫu quán triệt kết quả Hội nghị Ngoại giao lần thứ 32 tới các sở (27/12/2023)"
    question = "Bạn đánh giá thế nào về giao diện mới của cổng?"
    blocks = ["Các tin khác", HEADLINE, *PARAGRAPHS[:2], "Các tin khác", other,
              "THĂM DÒ Ý KIẾN", question, "Lịch công tác", "Tốt"]
    kept = (*PARAGRAPHS[:2], f"- {other}", question, "Tốt")
    # extraction kept the list (as "- " items) and the poll's question, not their headings
    assert zone_headings(blocks, kept) == (*PARAGRAPHS[:2], "Các tin khác", f"- {other}",
                                            "THĂM DÒ Ý KIẾN", question, "Tốt")
    # a heading extraction kept is not put back twice
    assert zone_headings(blocks, (*PARAGRAPHS[:2], "Các tin khác", f"- {other}")) == (
        *PARAGRAPHS[:2], "Các tin khác", f"- {other}")
    # one above the article is not put back, though extraction kept what it heads (a sidebar)
    sidebar = ["Các tin khác", other, HEADLINE, *PARAGRAPHS[:2]]
    assert zone_headings(sidebar, (f"- {other}", *PARAGRAPHS[:2])) == (f"- {other}",
                                                                          *PARAGRAPHS[:2])
    article = clean_article("\n".join((HEADLINE, *zone_headings(blocks, kept))))
    assert article.paragraphs == PARAGRAPHS[:2]
    assert {line.reason for line in article.removed} == {"related heading", "related news",
                                                         "poll"}


def test_the_h1_is_the_title_over_a_shorter_og_title_when_only_a_sapo_in_an_h2_stands_between():
    og = "Đại sứ tại Castrelle: Kỹ sư Việt có thể là cây cầu công nghệ"
    h1 = "Đại sứ Mẫn Đức Huy: Kỹ sư Việt có thể trở thành cây cầu công nghệ giữa hai nước"
    head = f'<title>{og} | Bản Tin Mẫu</title><meta property="og:title" content="{og}">'
    result = extract_html(site_page(head, f'<h1>{h1}</h1><h2 class="sapo">{SAPO}</h2>'),
                          "h2-sapo.html")
    assert result.title == h1
    # a heading that reads as a headline between them still makes the <h1> a category's
    result = extract_html(site_page(head, f"<h1>{h1}</h1><h2>{HEADLINE}: những điểm mới</h2>"),
                          "h2-heading.html")
    assert result.title == og
    # ... and so does a question headline in the <h2> (a series' <h1> over it)
    question = "Ngoại giao Việt Nam sẽ đi trước mở đường như thế nào?"
    head = ('<title>Ngoại giao đi trước mở đường thế nào</title><meta property="og:title" '
            'content="Ngoại giao đi trước mở đường thế nào">')
    result = extract_html(site_page(head, f"<h1>{HEADLINE}</h1><h2>{question}</h2>"),
                          "h2-question.html")
    assert result.title == "Ngoại giao đi trước mở đường thế nào"


def test_a_notice_of_prose_above_the_headline_does_not_hide_it():
    # the <title> names the <h1>, printed under a notice of prose: it stays the title, and a
    # subheading of the article is not taken for it
    notice = ("Báo Mẫu trân trọng thông báo: từ ngày 1/1/2024, chuyên trang Đối ngoại chuyển "
              "sang địa chỉ mới.")
    head = f"<title>{HEADLINE} | Báo Mẫu</title>"
    body = "<h3>Bối cảnh quốc tế nhiều biến động</h3>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    result = extract_html(site_page(head, f"<p>{notice}</p><h1>{HEADLINE}</h1>", body=body),
                          "notice.html")
    assert result.title == HEADLINE


def test_a_title_that_is_a_menus_item_gives_way_to_the_classed_headline_above_the_article():
    # "<section> - <portal>": the <title> names the menu's item the page sits under
    data = portal_page().replace(b"<title>C\xe1\xbb\x95ng th\xc3\xb4ng tin \xc4\x91i\xe1\xbb\x87n "
                                 b"t\xe1\xbb\xad t\xe1\xbb\x89nh M\xe1\xba\xabu</title>",
                                 "<title>Tin tức - Cổng thông tin điện tử tỉnh Mẫu</title>"
                                 .encode())
    assert b"<title>Tin t" in data
    result = extract_html(data, "menu-title.html")
    assert result.title == HEADLINE
    article = clean_article(result.text)
    assert article.paragraphs[:2] == (SAPO, PARAGRAPHS[0])
    # the footer's portal name and a counter of visitors are furniture
    footer = clean_article("\n".join((HEADLINE, SAPO, *PARAGRAPHS, "Đang trực tuyến: 48",
                                      "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH MẪU")))
    assert footer.paragraphs == (SAPO, *PARAGRAPHS)


def test_a_headline_linked_to_its_own_page_or_from_a_box_of_most_read_stays_the_title():
    deck = "Bộ trưởng Bùi Thanh Sơn: Ngoại giao cần tiếp tục đi trước mở đường"
    head = f"<title>{HEADLINE}</title>"
    above = (f'<h2 class="title"><a href="/a.html">{HEADLINE}</a></h2><h3>{deck}</h3>'
             '<div class="date">19/12/2023 08:30</div>')
    most_read = f'<ul class="most-read"><li><a href="/a.html">{HEADLINE}</a></li></ul>'
    for page in (site_page(head, above), site_page(head, above, below=most_read)):
        assert extract_html(page, "linked.html").title == HEADLINE


def test_a_sidebars_heading_of_the_same_words_as_a_zone_put_back_is_not_the_articles_start():
    # the portal of shapes7/h02 with its left box headed "Các tin khác", as the list of other
    # stories under the article is: putting that one back must not move the article's start
    page = HTML_DIR.parent / "shapes7" / "h02_aspnet_portal_closing.html"
    data = page.read_bytes().replace('<div class="box-title">LỊCH CÔNG TÁC</div>'.encode(),
                                     '<div class="box-title">Các tin khác</div>'.encode())
    result = process_page("side.html", data, cache=False)
    assert result.metadata.title.startswith("Bế mạc Hội nghị Ngoại giao lần thứ 31")
    assert result.metadata.published == dt.date(2021, 12, 18)
