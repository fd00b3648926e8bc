"""Markdown pages: clips saved by web clippers (front matter, then the page as Markdown) are read
as the web page they came from; a folder's README is not a page. Every page here is written for
these tests, in the shapes the clippers save."""
import datetime as dt
import html
import textwrap
import warnings

import pandas as pd
import pytest

import helpers
from helpers import markdown, pages, pipeline
from helpers.corpus import list_pages
from helpers.errors import CorpusWarning
from helpers.metadata import lead_paragraph

LEAD = ("Chiều 23/12, Hội nghị Ngoại giao lần thứ 32 đã bế mạc sau năm ngày làm việc tại Hà Nội, "
        "với năm nhóm nhiệm vụ trọng tâm cho nửa cuối nhiệm kỳ.")
BODY = ("Phát biểu bế mạc, Bộ trưởng nhấn mạnh các cơ quan đại diện cần biến những thỏa thuận đã "
        "đạt được thành các dự án đầu tư, thương mại và công nghệ cụ thể trong năm tới.")
TAIL = ("Các đại biểu cũng thống nhất mỗi cơ quan đại diện sẽ báo cáo kết quả cụ thể với đối tác "
        "địa phương trước khi kết thúc quý I năm 2024, theo lời Bộ trưởng.")
HEADLINE = "Bế mạc Hội nghị Ngoại giao lần thứ 32: biến cam kết thành kết quả"

# Obsidian Web Clipper's default template: the clip's own date in "created".
OBSIDIAN = f"""---
title: "{HEADLINE} | Báo Mẫu"
source: "https://baomau.vn/chinh-tri/be-mac-hoi-nghi-ngoai-giao-32-post88213.html"
author:
  - "[[Minh Châu]]"
published: 2023-12-23
created: 2025-02-11
description: "Năm nhóm nhiệm vụ cho nửa cuối nhiệm kỳ."
tags:
  - "clippings"
---
[Bỏ qua nội dung](https://baomau.vn/#main)

- [Chính trị](https://baomau.vn/chinh-tri)
- [Kinh tế](https://baomau.vn/kinh-te)
- [Xã hội](https://baomau.vn/xa-hoi)
- [Thế giới](https://baomau.vn/the-gioi)

# {HEADLINE}

**{LEAD}**

![Bộ trưởng phát biểu bế mạc](https://baomau.vn/anh/be-mac.jpg)

{BODY}

> "Một thỏa thuận chỉ nằm trên giấy chưa phải là thành tựu", Bộ trưởng nói.

{TAIL}

## Tin liên quan

- [Khai mạc Hội nghị Ngoại giao lần thứ 32](https://baomau.vn/khai-mac-post88011.html)
- [Đại sứ giới thiệu tiềm năng bán dẫn](https://baomau.vn/ban-dan-post88140.html)
"""

# MarkDownload's default template: no publication date, the clip's time in "created", the
# title as a heading in the body.
MARKDOWNLOAD = f"""---
created: 2025-03-02T09:14:55 (UTC +07:00)
tags: [ngoại giao]
source: https://baomau.vn/be-mac-hoi-nghi-ngoai-giao-32-post88213.html
author: Minh Châu
---

# {HEADLINE}

{LEAD}

{BODY}

{TAIL}
"""


def write(folder, name: str, text: str):
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def provenance(row) -> dict[str, str]:
    return dict(part.split(": ", 1) for part in row["metadata_from"].split("; "))


def load(folder):
    return helpers.load_corpus(folder, cache=False, catalog=False, progress=False)


def test_a_clip_is_read_as_its_page_with_the_front_matter_as_its_head(tmp_path):
    row = load(write(tmp_path, "clip.md", OBSIDIAN)).iloc[0]
    article = row["page"].article
    assert row["title"] == HEADLINE                         # the site's name taken off
    assert row["published"].date() == dt.date(2023, 12, 23)   # "published", not "created"
    assert row["author"] == "Minh Châu"                     # the Obsidian link's name
    assert row["url"].endswith("post88213.html")
    assert provenance(row)["published"] == "markdown:front matter"
    assert provenance(row)["author"] == "markdown:front matter"
    assert row["event"] == "DC32"
    assert lead_paragraph(article) == LEAD                  # the bold sapo, without its "**"
    assert BODY in article.paragraphs and TAIL in article.paragraphs
    text = row["text"]
    for markup in ("**", "](", "# ", "[Chính trị", "Kinh tế", "Khai mạc Hội nghị"):
        assert markup not in text                          # menus, links, related list
    assert HEADLINE not in article.paragraphs               # the heading is the headline


def test_a_clip_without_a_publication_date_is_not_dated_by_the_day_it_was_clipped(tmp_path):
    row = load(write(tmp_path, "clip.md", MARKDOWNLOAD)).iloc[0]
    assert row["title"] == HEADLINE
    # dated by its lead ("Chiều 23/12", the year the conference's), never by "created"
    assert row["published"].date() == dt.date(2023, 12, 23)
    assert provenance(row)["published"].startswith("lead date")
    assert lead_paragraph(row["page"].article) == LEAD
    assert row["author"] == "Minh Châu"


def test_a_text_file_that_opens_with_front_matter_is_read_as_markdown(tmp_path):
    folder = write(tmp_path, "clip.txt", OBSIDIAN)
    row = load(folder).iloc[0]
    assert row["title"] == HEADLINE
    assert provenance(row)["published"] == "markdown:front matter"
    assert pages.page_format("clip.txt", OBSIDIAN.encode()) == "markdown"
    # the same bytes are two cache entries as Markdown and as text
    store = pipeline.page_store()
    plain = OBSIDIAN.encode()
    assert pipeline.page_key(store, "a.md", plain, "v") != pipeline.page_key(
        store, "a.html", plain, "v")


@pytest.mark.parametrize("opening", [
    "---\nTin mới nhất\n---\n",                 # rules around a line: not YAML's mapping
    "---\n[không đóng\n---\n",                  # not valid YAML, and no "key: value" line
    "---\nnguồn: Báo Mẫu\n---\n",               # a mapping, but no title
])
def test_a_text_file_with_dashes_and_no_titled_front_matter_stays_text(opening):
    assert pages.page_format("bai.txt", (opening + LEAD).encode()) == "text"


def test_a_block_that_is_not_a_mapping_is_not_front_matter_and_stays_in_the_text():
    text = "---\nMột dòng kẻ, rồi văn bản\n---\n" + LEAD
    assert markdown.front_matter(text) == (None, text, None)


def test_a_markdown_file_without_front_matter_keeps_its_lines(tmp_path):
    # no blank lines between paragraphs, as a text saved under .md: each line stays one
    page = f"{HEADLINE}\nThứ Bảy, 23/12/2023 - 18:30\n{LEAD}\n{BODY}\n{TAIL}\n"
    row = load(write(tmp_path, "bai.md", page)).iloc[0]
    assert row["title"] == HEADLINE
    assert row["published"].date() == dt.date(2023, 12, 23)
    assert lead_paragraph(row["page"].article) == LEAD
    assert TAIL in row["page"].article.paragraphs


def test_a_timestamp_in_front_matter_is_dated_in_vietnam_time():
    page = markdown.read_markdown(
        "---\ntitle: Tin\npublished: 2021-12-14T18:30:00Z\n---\n" + LEAD + "\n\n" + BODY, "a.md")
    assert page.published == dt.date(2021, 12, 15)


def test_front_matter_fields_never_take_the_clip_date():
    fields = markdown.head_fields({"created": "2025-02-11", "updated": "2025-02-12",
                                   "clipped": "2025-02-13", "Title": "Tin"})
    assert fields == {"title": "Tin"}


def test_a_folder_readme_is_not_a_page_and_is_named_in_a_warning(tmp_path):
    write(tmp_path, "README.md", "# Bộ sưu tập\n\nCác bài về Hội nghị Ngoại giao.\n")
    write(tmp_path, "sub/readme.txt", "Ghi chú của nhóm.\n")
    write(tmp_path, "clip.md", OBSIDIAN)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _folder, names = list_pages(tmp_path)
    assert names == ["clip.md"]
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    assert any("2 README file(s)" in m and "README.md" in m and "sub/readme.txt" in m
               for m in messages), messages


def test_hugo_toml_front_matter_and_an_empty_block_are_front_matter(tmp_path):
    hugo = (f'+++\ntitle = "{HEADLINE}"\ndate = 2023-12-23T18:40:00+07:00\ndraft = false\n'
            f'categories = ["Đối ngoại"]\n+++\n\n{LEAD}\n\n{BODY}\n')
    row = load(write(tmp_path, "post.md", hugo)).iloc[0]
    assert row["published"].date() == dt.date(2023, 12, 23)
    assert provenance(row)["published"] == "markdown:front matter"
    assert row["title"] == HEADLINE and lead_paragraph(row["page"].article) == LEAD
    assert "+++" not in row["text"] and "draft" not in row["text"]
    assert markdown.front_matter("---\n---\n" + LEAD) == ({}, LEAD, None)


# --- a review's findings: front matter YAML refuses, short notes, clippers' own shapes ----------

@pytest.mark.parametrize("front", [
    "title: T\ndate: 2024-02-30",                           # no such day: ValueError in YAML
    "title: T\ncreated: 0000-00-00",                        # a field never read, the same
    "title: T\ntags: " + "[" * 3000 + "]" * 3000,           # nested past Python's recursion
])
def test_front_matter_yaml_cannot_read_never_stops_a_load(tmp_path, front):
    write(tmp_path, "a.md", f"---\n{front}\n---\n{LEAD}\n\n{BODY}\n")
    write(tmp_path, "b.txt", f"---\n{front}\n---\n{LEAD}\n\n{BODY}\n")
    with pytest.warns(CorpusWarning) as said:
        table = helpers.load_corpus(tmp_path, catalog=False, progress=False)   # cache: page_key
    assert list(table["source_file"]) == ["a.md", "b.txt"]
    # each file is named once, with why its front matter was read line by line
    told = [str(w.message) for w in said if issubclass(w.category, CorpusWarning)]
    assert sorted(m.split(":")[0] for m in told) == ["a.md", "b.txt"]
    assert all("front matter is not valid YAML" in m for m in told)
    assert all(LEAD in text for text in table["text"])


def test_a_title_with_an_unquoted_colon_is_read_line_by_line_with_a_warning(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: Bộ trưởng: {HEADLINE}\nauthor: Theo: Báo Mẫu\n"
                            f"published: 2023-12-23\n---\n{LEAD}\n\n{BODY}\n")
    with pytest.warns(CorpusWarning, match=r"a\.md: its front matter is not valid YAML"):
        row = load(tmp_path).iloc[0]
    assert row["title"] == f"Bộ trưởng: {HEADLINE}"
    assert row["published"].date() == dt.date(2023, 12, 23)
    assert "title:" not in row["text"]


def test_a_short_markdown_note_is_a_page_not_an_error(tmp_path):
    write(tmp_path, "tin-ngan.md", f"---\ntitle: {HEADLINE}\n---\n{LEAD}\n")
    # the title's colon, unquoted, is no YAML; one paragraph is little text: both said, as a
    # warning, not an error
    with pytest.warns(CorpusWarning, match=r"tin-ngan\.md: its front matter is not valid YAML"
                                           r".*little text"):
        row = load(tmp_path).iloc[0]
    assert row["text"] == LEAD


def test_an_empty_markdown_page_says_it_is_markdown(tmp_path):
    write(tmp_path, "rong.md", "---\ntitle: T\n---\n")
    write(tmp_path, "bai.md", f"{LEAD}\n\n{BODY}\n")
    with pytest.warns(CorpusWarning, match=r"rong\.md: a Markdown page with no text"):
        load(tmp_path)


def test_markdownloads_excerpt_block_is_neither_the_lead_nor_the_body(tmp_path):
    page = MARKDOWNLOAD.replace(f"# {HEADLINE}\n\n", f"# {HEADLINE}\n\n> ## Excerpt\n> Năm nhóm "
                                "nhiệm vụ cho nửa cuối nhiệm kỳ.\n\n---\n\n")
    row = load(write(tmp_path, "clip.md", page)).iloc[0]
    assert lead_paragraph(row["page"].article) == LEAD
    assert "Excerpt" not in row["text"] and "Năm nhóm" not in row["text"]


def test_a_page_wrapped_at_a_fixed_width_is_read_in_paragraphs(tmp_path):
    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in (LEAD, BODY, TAIL))
    with pytest.warns(CorpusWarning, match=r"post\.md: its front matter is not valid YAML"):
        row = load(write(tmp_path, "post.md", f"---\ntitle: {HEADLINE}\ndate: 2023-12-23\n"
                                              f"---\n{wrapped}\n")).iloc[0]
    assert row["title"] == HEADLINE
    assert row["page"].article.paragraphs == (LEAD, BODY, TAIL)


def test_lines_of_a_page_that_is_not_wrapped_stay_lines():
    page = f"Tin mới nhất\nThời sự | Thế giới\n{HEADLINE}\n{LEAD}\n{BODY}\n"
    rendered, _ = markdown.to_html(page)
    assert rendered.count("<br />") == 4


def test_a_draft_flag_is_no_date_and_hugos_publishdate_is_one():
    assert markdown.head_fields({"title": "T", "published": True, "date": "2024-03-10"}) == {
        "title": "T", "published": "2024-03-10"}
    assert markdown.head_fields({"title": "T", "publishDate": "2024-03-11"})["published"] \
        == "2024-03-11"


def test_a_date_read_from_the_source_address_is_not_called_front_matter():
    page = markdown.read_markdown(f"---\ntitle: T\nsource: https://baomau.vn/2023/12/23/"
                                  f"be-mac.html\n---\n{LEAD}\n\n{BODY}\n", "a.md")
    assert page.published == dt.date(2023, 12, 23)
    assert page.metadata_from["published"] == "markdown:source address"


def test_the_site_a_clip_adds_to_its_title_is_cut_off_when_the_page_prints_no_heading(tmp_path):
    page = OBSIDIAN.replace(f"# {HEADLINE}\n\n", "")
    row = load(write(tmp_path, "clip.md", page)).iloc[0]
    assert row["title"] == HEADLINE
    assert markdown.site_in_title(f"{HEADLINE} | Báo Mẫu", "https://www.baomau.vn/a") == "Báo Mẫu"


def test_pandoc_and_obsidian_markup_leave_their_text_only(tmp_path):
    page = (f"::: {{.article .detail}}\n# {HEADLINE} {{#tieu-de .title}}\n\n"
            f"[Thứ Bảy, 23/12/2023 - 18:30]{{.time}}\n\n{LEAD}\n\n"
            f"Theo [[nguoi/Minh Châu|Minh Châu]], =={BODY}==\n\n![[anh-be-mac.png]]\n\n{TAIL}\n"
            ":::\n")
    row = load(write(tmp_path, "bai.md", page)).iloc[0]
    assert row["title"] == HEADLINE
    assert row["published"].date() == dt.date(2023, 12, 23)
    assert f"Theo Minh Châu, {BODY}" in row["page"].article.paragraphs
    for markup in ("{", ":::", "[[", "==", "anh-be-mac"):
        assert markup not in row["text"]


def test_a_readme_in_another_language_is_not_a_page(tmp_path):
    write(tmp_path, "README.vi.md", "# Bộ sưu tập\n")
    write(tmp_path, "clip.md", OBSIDIAN)
    with pytest.warns(CorpusWarning, match="README"):
        assert list_pages(tmp_path)[1] == ["clip.md"]


def test_notions_property_lines_are_its_head_and_its_created_date_never_dates_it(tmp_path):
    page = (f"# {HEADLINE}\n\nCreated: June 1, 2025 9:14 AM\nTags: ngoại giao\n"
            f"URL: https://baomau.vn/be-mac-post88213.html\n\n{LEAD}\n\n{BODY}\n")
    row = load(write(tmp_path, "notion.md", page)).iloc[0]
    assert row["published"].date() == dt.date(2023, 12, 23)          # from the lead, not 2025
    assert row["url"].endswith("post88213.html")
    assert "Created" not in row["text"] and "Tags" not in row["text"]
    # lines that only look like properties (no key Notion writes) stay the article's
    prose = f"# {HEADLINE}\n\nHà Nội: {LEAD}\nHuế: {BODY}\n"
    assert f"Hà Nội: {LEAD}" in markdown.to_html(prose)[0]


def test_notions_time_properties_alone_are_its_head_too_and_never_date_it(tmp_path):
    # (read as the page's dateline before: published 2025-06-01)
    page = (f"# {HEADLINE}\n\nCreated time: June 1, 2025 9:14 AM\n"
            f"Last edited time: June 2, 2025 8:00 AM\n\n{BODY}\n\n{TAIL}\n")
    row = load(write(tmp_path, "notion.md", page)).iloc[0]
    assert pd.isna(row["published"])
    assert [line.text for line in row["page"].article.removed] == []
    assert lead_paragraph(row["page"].article).startswith("Phát biểu bế mạc")


# --- a second review: what the first fixes took too far ---------------------------------------

def test_a_text_between_two_rules_that_only_looks_like_front_matter_stays_the_page():
    text = f"---\nPV: Thưa Đại sứ, {LEAD}\nĐại sứ: {BODY}\n---\n{TAIL}\n"
    assert markdown.front_matter(text) == (None, text, None)
    rendered, _ = markdown.to_html(text)
    assert "Thưa Đại sứ" in rendered and "Đại sứ: Phát biểu" in rendered


def test_front_matter_read_line_by_line_follows_yaml_where_it_can():
    values, _, problem = markdown.front_matter(
        "---\ntitle: >-\n  Bộ trưởng: tin vui\n  từ hội nghị\nauthor: Theo: Báo Mẫu # nguồn\n"
        "published: N/A\ndate: 2023-12-20\n---\nVăn bản")
    assert problem and values == {"title": "Bộ trưởng: tin vui từ hội nghị",
                                  "author": "Theo: Báo Mẫu", "published": "N/A",
                                  "date": "2023-12-20"}
    assert markdown.head_fields(values)["published"] == "2023-12-20"     # "N/A" is no date


def test_a_pandoc_page_wrapped_at_72_with_a_long_link_is_read_in_paragraphs():
    link = "[văn kiện](https://baomau.vn/van-kien/hoi-nghi-ngoai-giao-lan-thu-32-post88213.html)"
    lead = LEAD.replace("tại Hà Nội,", f"tại Hà Nội (xem {link}),")
    wrapped = [textwrap.fill(p, 72, break_on_hyphens=False, break_long_words=False)
               for p in (lead, BODY, TAIL)]
    assert max(map(len, "\n".join(wrapped).split("\n"))) > 72      # the link's line is longer
    html_text, _ = markdown.to_html(f"---\ntitle: {HEADLINE}\n---\n" + "\n\n".join(wrapped))
    # breaks kept: only after a line that ends a sentence, or the link's, too long to have
    # been wrapped at the page's width
    kept = sum(line.endswith(".") or len(line) > 76 for p in wrapped for line in p.split("\n")[:-1])
    assert html_text.count("<br />") == kept


def test_wrapped_quotes_and_paragraphs_with_a_hard_break_are_joined_too():
    quote = textwrap.fill(BODY, 52, initial_indent="> ", subsequent_indent="> ")
    lead = textwrap.fill(LEAD, 54).replace("\n", "\\\n", 1)      # Pandoc's <br> on line one
    rendered, _ = markdown.to_html("\n\n".join([lead, quote, textwrap.fill(TAIL, 54)]) + "\n")
    assert rendered.count("<br />") == 1                           # only the hard break


@pytest.mark.parametrize("page", [
    "Sông quê chiều lặng gió,\nThuyền nhỏ neo bến xưa,\nMẹ ngồi chờ bên ngõ,\n"
    "Hương bưởi thoảng trong mưa.\n",
    "\n".join(p[:88].rsplit(" ", 1)[0] + "." for p in (LEAD, BODY, TAIL, LEAD[5:], BODY[3:])),
])
def test_a_poem_or_short_paragraphs_a_line_keep_their_lines(page):
    rendered, _ = markdown.to_html(page)
    assert rendered.count("<br />") == page.strip().count("\n")


@pytest.mark.parametrize(("title", "url", "site"), [
    ("Quảng Ninh - Hải Phòng hợp tác du lịch", "https://baoquangninh.vn/a.html", None),
    ("Báo Quảng Ninh - Hải Phòng hợp tác du lịch", "https://baoquangninh.vn/a.html",
     "Báo Quảng Ninh"),
    ("Việt Nam - Hàn Quốc nâng cấp quan hệ", "https://vietnamnet.vn/a.html", None),
    ("Hội nghị bế mạc | English", "https://english.baomau.vn/a.html", None),
    ("Hội nghị bế mạc | Bộ Ngoại giao", "https://mofa.gov.vn/a.html", None),
])
def test_only_a_part_holding_the_whole_site_name_is_the_site(title, url, site):
    assert markdown.site_in_title(title, url) == site


def test_a_markdown_page_of_little_text_loads_with_a_warning_and_one_of_links_only_is_skipped(
        tmp_path):
    write(tmp_path, "404.md", "# 404\n\nTrang bạn tìm không tồn tại.\n")
    write(tmp_path, "links.md", "- [Chính trị](https://baomau.vn/chinh-tri)\n"
                                "- [Kinh tế](https://baomau.vn/kinh-te)\n")
    write(tmp_path, "bai.md", f"# {HEADLINE}\n\n{LEAD}\n\n{BODY}\n\n{TAIL}\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = load(tmp_path)
    messages = " ".join(str(w.message) for w in caught)
    assert list(table["source_file"]) == ["404.md", "bai.md"]
    assert "404.md: little text" in messages and "links.md: a Markdown page with no text" \
        in messages
    assert "bai.md" not in messages


def test_markdownloads_excerpt_is_found_with_crlf_and_only_at_the_top():
    clip = (f"# {HEADLINE}\r\n\r\n> ## Excerpt\r\n> Tóm tắt.\r\n\r\n---\r\n\r\n{LEAD}\r\n")
    assert "Tóm tắt" not in markdown.to_html(clip)[0]
    review = f"{LEAD}\n\n> ## Excerpt\n> Một đoạn trích trong bài.\n\n{BODY}\n"
    assert "Một đoạn trích" in markdown.to_html(review)[0]


def test_markup_rules_leave_code_and_prose_that_only_looks_like_markup():
    page = ("Biểu thức A==B==C và {x=1} trong văn bản.\n\n::: Tin nổi bật :::\n\n"
            "```\nassert x==y and df[[\"a\"]] == {#1}\n```\n\nCũng `a==b==c` ở đây.\n")
    rendered, _ = markdown.to_html(page)
    for kept in ("A==B==C", "{x=1}", "Tin nổi bật", "x==y", 'df[["a"]]', "a==b==c"):
        assert html.escape(kept) in rendered or kept in rendered, kept
