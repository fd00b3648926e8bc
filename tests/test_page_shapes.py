"""Shapes of real news pages the line cleaning and the metadata must read (each page written
here, in the shape a site prints): a ticker of other stories above the headline, bylines of
several authors, question and capital headlines, an inline related box, a summary box."""
import datetime as dt
import functools
import textwrap
import warnings
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.cleaning import is_name
from helpers.dates import parse_dateline
from helpers.metadata import infer_metadata, lead_paragraph, page_author

LEAD = ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội với sự tham dự của "
        "lãnh đạo Đảng, Nhà nước và các trưởng cơ quan đại diện ở nước ngoài.")
SECOND = ("Bộ trưởng Bùi Thanh Sơn trình bày báo cáo đề dẫn về kết quả công tác đối ngoại kể từ "
          "hội nghị lần trước đến nay, nêu rõ những việc đã làm được và những việc còn phải làm.")
HEADLINE = "Khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội"
# A lead that tells no kind (LEAD reports the opening: an opening report's lead), for the kind
# rules of the body and the ending.
KIND_LEAD = ("Sáng 19/12, các đại biểu dự Hội nghị Ngoại giao lần thứ 32 tại Hà Nội đã thảo luận "
             "về những định hướng lớn của công tác đối ngoại trong thời gian tới.")


def clean(*lines: str):
    return helpers.clean_article("\n".join(lines))


def test_a_ticker_of_other_stories_above_the_headline_does_not_date_the_article():
    article = clean("Tin mới nhất", "Giá vàng tăng mạnh trong phiên sáng nay", "18/12/2023 21:10",
                    "Hà Nội tổ chức lại giao thông quanh hồ", "18/12/2023 20:45",
                    HEADLINE, "Thứ Ba, 19/12/2023 - 08:30", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_without_a_dateline_under_the_headline_the_earliest_above_the_related_zone_counts():
    # a page clock (later) above the headline, the article's date at the end of the article
    article = clean("Thứ Năm, 07/11/2024", HEADLINE, LEAD, SECOND, "18/12/2023 09:00")
    assert infer_metadata(article).published == dt.date(2023, 12, 18)


ADDRESS = "https://bao.example.vn/thoi-su/2023/12/19/khai-mac-hoi-nghi-ngoai-giao-32.html"


def test_the_pages_own_address_dates_it_when_no_dateline_stands_under_the_headline():
    from helpers.metadata import page_date
    article = clean(ADDRESS, "Thứ Ba, 12/11/2024", "Thời sự", HEADLINE, LEAD, SECOND)
    assert page_date(article) == (dt.date(2023, 12, 19), "page URL")
    meta = infer_metadata(article)
    assert (meta.published, meta.found_by["published"]) == (dt.date(2023, 12, 19), "page URL")
    # a dateline under the headline still wins
    article = clean(ADDRESS, HEADLINE, "Thứ Tư, 20/12/2023 08:00", LEAD, SECOND)
    assert page_date(article) == (dt.date(2023, 12, 20), "page dateline")


def test_an_address_in_the_body_or_the_related_zone_does_not_date_the_page():
    from helpers.metadata import page_date
    quoted = f"Toàn văn bài phát biểu được đăng tại {ADDRESS} của Báo Mẫu."
    assert page_date(clean(HEADLINE, LEAD, quoted, SECOND)) == (None, "")
    related = clean(HEADLINE, LEAD, SECOND, "Tin liên quan", ADDRESS)
    assert page_date(related) == (None, "")


@pytest.mark.parametrize("line", ["Hội nghị, ngày 18/12/2021", "12/19/2023",
                                  "Hà Nội, ngày 23 tháng 12 năm 1964",     # a letter quoted
                                  "Ngày 14/12/2021, Hội nghị khai mạc."])
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("above", [False, True])
def test_a_place_and_date_line_next_to_the_headline_dates_a_press_release(above):
    place = "Hà Nội, ngày 20 tháng 12 năm 2023"
    lines = [place, HEADLINE] if above else [HEADLINE, place]
    article = clean("Trang chủ", *lines, LEAD, SECOND)
    assert article.headline == HEADLINE and article.paragraphs == (LEAD, SECOND)
    assert [line.text for line in article.with_reason("dateline")] == [place]
    meta = infer_metadata(article)
    assert (meta.published, meta.date_precision) == (dt.date(2023, 12, 20), "day")


def test_a_place_and_date_line_in_the_body_is_a_quoted_letters_and_stays():
    letter = "Hà Nội, ngày 23 tháng 12 năm 1964"
    article = clean(HEADLINE, "Thứ Ba, 19/12/2023 - 08:30", LEAD, letter, SECOND)
    assert letter in article.paragraphs
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_a_speechs_salutations_are_not_its_lead():
    article = clean("Phát biểu của Bộ trưởng tại phiên khai mạc Hội nghị Ngoại giao lần thứ 32",
                    "Kính thưa các đồng chí lãnh đạo Đảng, Nhà nước,",
                    "Thưa các đồng chí Trưởng Cơ quan đại diện Việt Nam ở nước ngoài,",
                    "Thưa toàn thể các đồng chí!", LEAD, SECOND)
    assert lead_paragraph(article) == LEAD


def test_an_affiliation_or_a_section_heading_is_not_the_lead():
    title = "Ngoại giao kinh tế sau Hội nghị Ngoại giao lần thứ 32"
    affiliation = "Trung tâm Nghiên cứu Chính sách Đối ngoại Học viện Ngoại giao"
    article = clean(title, "TS. Phan Minh An", affiliation, "Ngày đăng: 06/01/2022 09:00", LEAD,
                    SECOND)
    assert article.headline == title and article.paragraphs[0] == affiliation
    assert lead_paragraph(article) == LEAD
    heading = "1. Bối cảnh và ý nghĩa của hội nghị đối với ngành"
    article = clean(title, "Tóm tắt", LEAD, heading, SECOND)
    assert lead_paragraph(article) == LEAD
    article = clean(title, "Ngày nhận bài: 26/12/2023; Ngày duyệt đăng: 02/01/2024", LEAD, SECOND)
    assert lead_paragraph(article) == LEAD


def test_a_question_opening_with_thua_can_be_the_lead():
    question = ("Thưa ông, Hội nghị Ngoại giao lần thứ 32 đặt ra những nhiệm vụ gì cho công tác "
                "bảo hộ công dân?")
    article = clean("Phỏng vấn Thứ trưởng về công tác bảo hộ công dân", question, SECOND)
    assert lead_paragraph(article) == question


DECK = "Tranh thủ tối đa nguồn lực bên ngoài, lấy người dân và doanh nghiệp làm trung tâm"


def test_a_deck_under_the_headline_is_not_the_headline():
    article = clean("Chính trị", "Hội nghị Ngoại giao 32", HEADLINE + " với năm ngày làm việc",
                    DECK, "Thu Hằng - Quang Vinh", "20/12/2023 | 17:20 GMT+7", LEAD, SECOND)
    assert article.headline == HEADLINE + " với năm ngày làm việc"
    assert [line.text for line in article.with_reason("deck")] == [DECK]
    assert article.paragraphs == (LEAD, SECOND)


def test_a_tag_above_the_headline_is_not_a_headline_over_a_deck():
    article = clean("Chính trị", "Hội nghị Ngoại giao 32", HEADLINE, LEAD, SECOND)
    assert article.headline == HEADLINE and not article.with_reason("deck")


@pytest.mark.parametrize("apparatus", [("Tóm tắt",), ("Abstract",),
                                       ("Ngày nhận bài: 26/12/2023; Ngày duyệt đăng: 02/01/2024",)])
def test_a_journals_apparatus_in_the_body_makes_a_study_an_article(apparatus):
    from helpers.metadata import infer_kind
    article = clean("Ngoại giao kinh tế sau Hội nghị Ngoại giao lần thứ 32", *apparatus, KIND_LEAD,
                    "1. Bối cảnh mới của ngoại giao kinh tế", SECOND)
    assert infer_kind(article)[0] == "article"


@pytest.mark.parametrize(("lead", "kind"), [
    # a leader's words after the day, with or without the outlet's tag: a speech report
    ("(TĐ) - Chiều 20/12, phát biểu chỉ đạo tại Hội nghị Ngoại giao lần thứ 32, Thủ tướng yêu "
     "cầu ngành ngoại giao tiếp tục đi trước mở đường.", "speech"),
    ("Sáng 19/12, phát biểu tại Hội nghị Ngoại giao lần thứ 32, Chủ tịch nước nhấn mạnh vai trò "
     "của ngoại giao.", "speech"),
    ("Hà Nội, 18/12 (TTXVN) - Phát biểu chỉ đạo tại Hội nghị Ngoại giao lần thứ 30 chiều nay, "
     "Thủ tướng yêu cầu coi hiệu quả kinh tế là thước đo.", "speech"),
    ("TBKK - Phát biểu chỉ đạo tại Hội nghị Đối ngoại toàn quốc sáng 14/12, Tổng Bí thư nhấn "
     "mạnh yêu cầu xây dựng nền đối ngoại toàn diện.", "speech"),
    ("(BSH) - Chiều 21/12, tại Hà Nội, Chủ tịch nước đã dự và phát biểu chỉ đạo Hội nghị Ngoại "
     "giao lần thứ 32.", "speech"),
    # ... but a leader's speech at a session the lead reports is that session's report
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 đã khai mạc tại Hà Nội. Tổng Bí thư dự và "
     "phát biểu chỉ đạo hội nghị.", "opening report"),
    ("Sáng 19/12, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 32. Thủ tướng "
     "dự và phát biểu chỉ đạo.", "opening report"),
    # the day a conference is organised or takes place: a report of it
    ("Sáng 14/12, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị Đối ngoại toàn quốc triển khai "
     "thực hiện Nghị quyết Đại hội XIII.", "opening report"),
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 diễn ra tại Hà Nội với sự tham dự của lãnh "
     "đạo Đảng, Nhà nước.", "opening report"),
    # a province's own conference that day, or a meeting on a diplomatic one
    ("Sáng 22/12, tại thành phố Phước Lãm, UBND tỉnh tổ chức Hội nghị Kinh tế đối ngoại năm "
     "2023.", "news"),
    ("Chiều 06/01, Sở Ngoại vụ tổ chức hội nghị quán triệt kết quả Hội nghị Ngoại giao lần thứ "
     "32.", "news"),
    # a workshop, a meeting on the sidelines, or a briefing on a conference that took place
    ("Ngày 15/8, Sở Ngoại vụ tỉnh phối hợp với Học viện Ngoại giao tổ chức hội thảo khoa học "
     "về đối ngoại địa phương.", "news"),
    ("Chiều 21/12, bên lề Hội nghị Ngoại giao lần thứ 32, Bộ Ngoại giao tổ chức buổi gặp gỡ "
     "giữa các Trưởng Cơ quan đại diện và doanh nghiệp.", "news"),
    ("Chiều 16/8, Đại sứ quán đã gặp mặt đại diện cộng đồng người Việt để thông báo kết quả "
     "Hội nghị Ngoại giao lần thứ 29 vừa diễn ra tại Hà Nội.", "news"),
])
def test_the_lead_after_its_day_tells_a_speech_and_a_conferences_day_from_other_events(lead,
                                                                                      kind):
    from helpers.metadata import infer_kind
    article = clean("Ngoại giao đi trước mở đường cho phát triển đất nước", lead, SECOND)
    assert infer_kind(article)[0] == kind


@pytest.mark.parametrize(("lead", "kind"), [
    ("Kể từ Hội nghị Ngoại giao lần thứ 30, thế giới đã đổi khác. Trong bài viết này, tác giả "
     "phân tích những yêu cầu mới đặt ra cho ngành ngoại giao.", "article"),
    ("Bài viết này phân tích ý nghĩa của Hội nghị Đối ngoại toàn quốc từ góc độ phối hợp giữa "
     "các trụ cột đối ngoại.", "article"),
    ("(LĐM) - Tại Hội nghị Đối ngoại toàn quốc hôm qua, đối ngoại nhân dân được đặt ngang hàng "
     "với các trụ cột khác. Bài viết nhìn lại vai trò cầu nối ấy.", "article"),
    ("This article examines how economic diplomacy changed after the 31st Diplomatic "
     "Conference.", "article"),
    # a news lead that mentions an article, or counts papers, is not a commentary
    ("Ban tổ chức nhận được hơn 50 bài viết tập trung vào ngoại giao văn hóa của các nhà khoa "
     "học trong và ngoài nước.", "news"),
    ("Sáng 20/12, báo điện tử đăng bài viết của Bộ trưởng về kết quả Hội nghị Ngoại giao lần "
     "thứ 32 tại Hà Nội.", "news"),
])
def test_a_lead_that_says_what_the_piece_sets_out_to_do_makes_it_an_article(lead, kind):
    from helpers.metadata import infer_kind
    article = clean("Ngoại giao trong năm bản lề: chủ động thích ứng để tiên phong", lead, SECOND)
    assert infer_kind(article)[0] == kind


@pytest.mark.parametrize(("lead", "kind"), [
    # a narrator in the first person: a commentary, an essay, a blog post
    ("Mấy hôm nay đọc tin về Hội nghị Ngoại giao lần thứ 32, tôi lại nhớ những cuộc hội nghị "
     "ngành mà mình từng dự hồi còn công tác ở nhiệm sở.", "article"),
    ("Tôi theo dõi Hội nghị Đối ngoại toàn quốc qua màn hình ở trụ sở tỉnh, cùng khoảng sáu mươi "
     "cán bộ chưa từng nghĩ mình làm đối ngoại.", "article"),
    ("Có lần, một người bạn làm xuất khẩu hỏi tôi, nửa đùa nửa thật: đại sứ thì cần gì phải biết "
     "giá nông sản?", "article"),
    ("Last Tuesday morning I sat at the back of a provincial meeting room, watching a video feed "
     "of the conference from Hanoi.", "article"),
    ("In 1994, I was sent to a border post to help with the first trade fairs after the "
     "conference of that year.", "article"),
    ("When I arrived in Hanoi for the 32nd Diplomatic Conference, the plenary had already "
     "begun.", "article"),
    # near misses: a quotation, words after a colon, "chúng tôi", a reader's question, numerals
    ("Sáng 19/12, Bộ trưởng nói: “Tôi tin rằng toàn ngành sẽ hoàn thành nhiệm vụ.” Hội nghị kéo "
     "dài năm ngày.", "news"),
    ("Tại phiên thảo luận, Thứ trưởng nhấn mạnh: tôi đề nghị các cơ quan đại diện báo cáo sớm "
     "kết quả.", "news"),
    ("Chúng tôi đã có mặt tại trung tâm báo chí của hội nghị từ sáng sớm ngày 15/12.", "news"),
    ("Con trai tôi đang làm việc tại nước ngoài được hai năm. Xin hỏi gia đình tôi cần liên hệ "
     "cơ quan nào khi cần giúp đỡ?", "news"),
    ("Tỉnh sẽ triển khai ngay trong quý I năm 2024 các việc đã bàn tại hội nghị với các cơ quan "
     "đại diện.", "news"),
    ("Phase I of the programme, agreed at the conference, starts in the first quarter of "
     "2024.", "news"),
    ("The minister told delegates: “I believe every mission can do more for exporters.” The "
     "session ran late.", "news"),
    # ... "tôi luyện", "Tổ quốc tôi", words reported without quotation marks, single quotes, a
    # reader's own question, numerals in English
    ("Trải qua 78 năm, đội ngũ cán bộ đối ngoại đã được thử thách, tôi luyện qua thực tiễn.",
     "news"),
    ("Tối 19/12, chương trình nghệ thuật Việt Nam - Tổ quốc tôi diễn ra tại Hà Nội.", "news"),
    ("Tại buổi gặp, Đại sứ cho biết, tôi luôn nhắc anh em phải gần dân, gần doanh nghiệp.",
     "news"),
    ("Bà Lan xúc động – tôi chưa bao giờ thấy hội trường đông như vậy.", "news"),
    ("Ông kể rằng: sau ba năm học ở TP. Hồ Chí Minh, tôi về Bộ làm việc.", "news"),
    ("Tôi là công dân Việt Nam đang sống ở Đức. Vậy tôi cần chuẩn bị những giấy tờ gì để đăng "
     "ký?", "news"),
    ("‘It was the first time I had seen so many envoys,’ the ambassador told reporters.",
     "news"),
    ("The ambassador said I believe we can do more for exporters this year.", "news"),
    ("Hai Phong became a grade I city in 2003 and hosts the country's busiest port.", "news"),
    ("This is part I of a three-part series on economic diplomacy after the conference.",
     "news"),
    # ... and an abbreviation's full stop ends no sentence
    ("Sau ba năm học ở TP. Hồ Chí Minh, tôi về Bộ làm việc và được cử đi dự hội nghị.",
     "article"),
    ("Đã gần mười năm kể từ khi nghỉ hưu, tôi không còn ngồi trong hội trường ấy nữa.",
     "article"),
])
def test_a_narrator_in_the_first_person_in_the_lead_makes_it_an_article(lead, kind):
    from helpers.metadata import infer_kind
    article = clean("Ngoại giao trong năm bản lề: chủ động thích ứng để tiên phong", lead, SECOND)
    assert infer_kind(article)[0] == kind


def test_a_kicker_in_capitals_right_above_the_headline_names_the_event():
    headline = "Ngoại giao đa phương: Từ tham gia sang chủ động đóng góp"
    lead = ("Ngoại giao đa phương là một trong những chủ đề lớn được các đại biểu thảo luận tại "
            "hội nghị năm nay.")
    article = clean("Thời sự › Chính trị", "HỘI NGHỊ NGOẠI GIAO LẦN THỨ 29", headline,
                    "Thứ Năm, 11/08/2016 - 06:15", lead, SECOND)
    assert (article.headline, article.kicker) == (headline, "HỘI NGHỊ NGOẠI GIAO LẦN THỨ 29")
    assert infer_metadata(article).event == "DC29"
    # not right above the headline: a line in capitals there is the page's, not a kicker
    article = clean("HỘI NGHỊ NGOẠI GIAO LẦN THỨ 29", "Thời sự › Chính trị", "Thời sự", headline,
                    "Thứ Năm, 11/08/2016 - 06:15", lead, SECOND)
    assert article.kicker is None


@pytest.mark.parametrize(("line", "reason"), [
    ("Đăng bởi Hương Cau lúc 22:15", "post footer"), ("Posted by Lan at 10:15 PM", "post footer"),
    ("Không có nhận xét nào:", "comment box"), ("3 nhận xét:", "comment box"),
    ("Gửi email bài đăng này", "navigation"), ("BlogThis!", "navigation"),
    ("Nhãn: Đối ngoại, Sưu tầm, Phỏng vấn", "navigation"),
    ("Bài đăng Mới hơn", "navigation"), ("Older Posts", "navigation"),
    ("Đăng ký: Đăng Nhận xét (Atom)", "navigation"), ("Lưu trữ Blog", "navigation"),
    ("▼ 2021 (48)", "navigation"), ("► tháng 11 (9)", "navigation"),
    ("Xem hồ sơ hoàn chỉnh của tôi", "navigation"),
    ("Nguồn: https://baomau.example.vn/chinh-tri/hoi-nghi-ngoai-giao-32.html", "navigation"),
])
def test_a_blogs_own_furniture_under_a_reposted_article_is_removed(line, reason):
    article = clean(HEADLINE, LEAD, SECOND, line)
    assert article.paragraphs == (LEAD, SECOND)
    assert [(x.text, x.reason) for x in article.removed] == [(line, reason)]


def test_a_reposts_headline_printed_again_without_its_label_is_a_headline_repeat():
    intro = "Mấy hôm nay đọc nhiều bài về hội nghị, thấy bài này hay nên lưu lại đây."
    article = clean("[Sưu tầm] " + HEADLINE, intro, HEADLINE, LEAD, SECOND)
    assert article.headline == "[Sưu tầm] " + HEADLINE
    assert [(x.text, x.reason) for x in article.removed] == [(HEADLINE, "headline repeat")]
    assert article.paragraphs == (intro, LEAD, SECOND)


def test_a_page_saved_on_one_line_keeps_its_dateline_apart_from_the_clock():
    page = " ".join(["CỔNG THÔNG TIN MẪU Giới thiệu Tin tức Văn bản Hỏi đáp",
                     "Thứ Sáu, 15/11/2024 21:17 (GMT+7)", "Trang chủ > Tin tức", HEADLINE,
                     "19/12/2023 10:02", LEAD, SECOND] + [SECOND.replace("Bộ trưởng", f"Ý {i}:")
                                                          for i in range(10)])
    assert "\n" not in page and len(page) > 1500
    article = clean(page)
    assert [x.text for x in article.with_reason("dateline")] == [
        "Thứ Sáu, 15/11/2024 21:17 (GMT+7)", "19/12/2023 10:02"]
    assert article.paragraphs[0] == LEAD
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_symbols_before_a_headline_are_not_part_of_the_title():
    article = clean("Cổng Thông tin Đối ngoại tỉnh", "🔴 " + HEADLINE, LEAD, SECOND)
    assert article.headline == "🔴 " + HEADLINE
    assert infer_metadata(article).title == HEADLINE
    # a title that opens with a quotation or a number keeps it
    for title in ("“Ngoại giao cây tre” trong năm bản lề", "32 năm ngoại giao đa phương"):
        assert infer_metadata(clean(title, LEAD, SECOND)).title == title


@pytest.mark.parametrize(("line", "reason"), [
    ("Cỡ chữ: A A A", "navigation"), ("Từ: Bản tin Mẫu <bantin@baomau.vn>", "mail header"),
    ("To: ban-doc@baomau.vn", "mail header"), ("Đến: tôi", "mail header")])
def test_a_font_size_widget_and_a_mails_header_are_furniture(line, reason):
    article = clean(line, HEADLINE, LEAD, SECOND)
    assert article.headline == HEADLINE
    assert [(x.text, x.reason) for x in article.removed] == [(line, reason)]


def test_a_dateline_with_a_two_digit_year_and_its_clock_dates_the_page():
    article = clean(HEADLINE, "31/08/16 - 10:05", LEAD, SECOND, "Tin khác",
                    "Chuyên gia: Năm 2016, các FTA bắt đầu phát huy tác dụng (15/07/16)")
    assert infer_metadata(article).published == dt.date(2016, 8, 31)
    assert parse_dateline("(29/08/16)") is None and parse_dateline("Tỷ lệ 12/3/16") is None


def test_an_official_notice_is_titled_by_its_type_and_subject_and_dated_by_its_place_and_date():
    lead = ("Từ ngày 19 đến ngày 23/12/2023, tại Hà Nội, lãnh đạo Sở Ngoại vụ đã tham dự Hội "
            "nghị Ngoại giao lần thứ 32 do Bộ Ngoại giao tổ chức.")
    article = clean("UBND TỈNH MẪU", "SỞ NGOẠI VỤ", "Số: 215/TB-SNgV",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Mẫu Sơn, ngày 26 tháng 12 năm 2023", "THÔNG BÁO",
                    "Kết quả tham dự Hội nghị Ngoại giao lần thứ 32",
                    "Căn cứ Công văn số 4512/BNG-VP ngày 05/12/2023 của Bộ Ngoại giao;", lead,
                    SECOND)
    meta = infer_metadata(article)
    assert meta.title == "Thông báo kết quả tham dự Hội nghị Ngoại giao lần thứ 32"
    assert meta.published == dt.date(2023, 12, 26)
    assert lead_paragraph(article) == lead
    # a study's "Kết luận" heading is not a document's type, nor is "THÔNG BÁO" above a
    # headline it is not part of
    assert "Kết luận" in clean(HEADLINE, LEAD, "Kết luận", SECOND).paragraphs
    article = clean("THÔNG BÁO", "Tin tức", HEADLINE, LEAD, SECOND)
    assert infer_metadata(article).title == HEADLINE


def test_the_banner_of_an_archived_copy_does_not_hide_the_headline():
    banner = ("The Wayback Machine - https://web.archive.org/web/20190105083412/http://www.baomau"
              ".vn/chinh-tri/...", "INTERNET ARCHIVE", "17 captures", "About this capture",
              "COLLECTED BY", "Organization: Archive Team", "TIMESTAMPS")
    article = clean(*banner, banner[0], "Báo Mẫu", HEADLINE, "19/12/2023 10:20", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert article.paragraphs == (LEAD, SECOND)
    assert {x.reason for x in article.removed if x.text in banner} == {"web archive"}


def test_second_review_the_new_rules_leave_these_alone():
    # lines of a body the new furniture patterns must not take
    body = ("Nhãn: phải ghi bằng ngôn ngữ của nước nhập khẩu, có xuất xứ và hạn sử dụng rõ ràng.",
            "Organization: ASEAN Secretariat and the member states' foreign ministries",
            "KẾT LUẬN")
    for line in body:
        assert line in clean(HEADLINE, LEAD, line, SECOND).paragraphs, line
    # a stamp inside a running sentence of a one-line page stays in it, and dates nothing
    sentence = "Hội nghị lần trước khai mạc lúc 15/12/2021 08:30 đã thu hút nhiều đại biểu."
    page = " ".join([HEADLINE, LEAD, sentence] + [SECOND] * 8)
    article = clean(page)
    # (the page's lead, glued to its headline on the one line, opens "Sáng 19/12": its day)
    assert sentence in article.paragraphs
    assert infer_metadata(article).published != dt.date(2021, 12, 15)
    # an affiliation under a name, with no headline above them, is not the headline
    article = clean("Nguyễn Văn An", "Viện Nghiên cứu Chiến lược Ngoại giao", LEAD, SECOND)
    assert article.headline is None
    # a topic tag above the headline weighs less than the lead
    article = clean("HỘI NGHỊ NGOẠI GIAO LẦN THỨ 31", "Ngành ngoại giao triển khai chỉ thị mới",
                    LEAD, SECOND)
    assert infer_metadata(article).event == "DC32"
    # a portal's section label over a news headline is not a document's type
    article = clean("THÔNG BÁO", "Thông báo kết quả tuyển dụng công chức năm 2023", LEAD, SECOND)
    assert infer_metadata(article).title == "Thông báo kết quả tuyển dụng công chức năm 2023"


def test_a_sentence_about_comments_or_a_source_stays():
    for line in ("Bài viết đã nhận được 3 nhận xét của các chuyên gia về ngoại giao kinh tế.",
                 "Nguồn: Bộ Ngoại giao cho biết hội nghị sẽ kéo dài năm ngày."):
        assert line in clean(HEADLINE, LEAD, line, SECOND).paragraphs


def test_a_summary_box_of_a_news_page_does_not_make_an_article():
    from helpers.metadata import infer_kind
    box = ("Tóm tắt", "Hội nghị khai mạc sáng 19/12 với năm phiên thảo luận chuyên đề.")
    article = clean("Ngoại giao kinh tế sau Hội nghị Ngoại giao lần thứ 32", *box, LEAD, SECOND)
    assert infer_kind(article)[0] != "article"
    middle = clean(HEADLINE, LEAD, "Tóm tắt: các đại biểu đã thảo luận về nhiều nội dung của "
                   "ngoại giao kinh tế và ngoại giao văn hóa.", SECOND)
    assert infer_kind(middle)[0] != "article"


@pytest.mark.parametrize("line", ["Trang: 1 2 3 Trang sau »", "Trang 2",
                                  "« Trang trước Trang: 1 2 3", "Page 1 2 3 Next »"])
def test_pagination_lines_in_an_article_split_over_pages_are_furniture(line):
    article = clean(HEADLINE, LEAD, line, SECOND)
    assert article.paragraphs == (LEAD, SECOND)
    assert [x.reason for x in article.removed] == ["navigation"]


@pytest.mark.parametrize("label", ["[Ảnh] ", "[Video] ", "[Sưu tầm] ", "[ Tin tức ] "])
def test_a_bracketed_label_before_the_headline_is_not_part_of_the_title(label):
    article = clean("Trang chủ", label + HEADLINE, LEAD, SECOND)
    assert article.headline == label + HEADLINE          # the line as printed, in the audit
    assert infer_metadata(article).title == HEADLINE


def test_a_byline_of_two_authors_is_not_the_headline():
    article = clean("Thời sự", "Chính trị", "Đối ngoại", HEADLINE, "Thu Hằng - Quang Vinh",
                    "20/12/2023 | 17:20 GMT+7", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert [line.text for line in article.with_reason("byline")] == ["Thu Hằng - Quang Vinh"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thu Hằng - Quang Vinh", True), ("Thu Hằng, Quang Vinh và Minh Anh/TTXVN", True),
    ("Hội nghị - Hà Nội", False), ("An - Bình", False),
    ("Thu Hằng, Quang Vinh, Minh Anh, Hải Yến, Bảo Ngọc", False),    # five names: not a byline
    # the longest byline the rules allow, four names of five words (23 tokens with the joins)
    ("Lê Thị Thu Hằng An - Trần Văn Quang Vinh Bá - Ngô Thị Minh Anh Thư - "
     "Phạm Thị Hải Yến Chi", True),
    ("Lê Thị Thu Hằng An - Trần Văn Quang Vinh Bá - Ngô Thị Minh Anh Thư - "
     "Phạm Thị Hải Yến Chi Lan", False),                        # a sixth word in the last name
])
def test_bylines_of_several_names(text, expected):
    assert is_name(text, several=True) is expected
    assert not is_name(text) or text.count(" ") <= 1     # one name only, unless asked


def test_a_question_headline_is_found_when_no_other_line_can_be_it():
    question = "Doanh nghiệp được hỗ trợ những gì sau Hội nghị Ngoại giao lần thứ 32?"
    article = clean("Trang chủ", "Chính trị", "Kinh tế", "Văn hóa", question,
                    "Thứ Năm, 21-12-2023, 06:15", LEAD, "Phóng viên: Thưa Thứ trưởng, ngoại "
                    "giao kinh tế được thảo luận như thế nào?", SECOND)
    assert article.headline == question
    assert lead_paragraph(article) == LEAD


def test_a_question_under_a_headline_or_put_by_the_reporter_stays_in_the_body():
    question = "Phóng viên: Thưa Thứ trưởng, ngoại giao kinh tế được thảo luận như thế nào?"
    article = clean(HEADLINE, question, SECOND)
    assert article.headline == HEADLINE and question in article.paragraphs
    article = clean("Trang chủ", "Chính trị", "Kinh tế", question, SECOND)
    assert article.headline is None and question in article.paragraphs


def test_a_long_headline_in_capitals_is_a_headline_a_short_one_a_masthead():
    caps = "LÃNH ĐẠO TỈNH LAM SƠN DỰ PHIÊN KHAI MẠC HỘI NGHỊ NGOẠI GIAO LẦN THỨ 32"
    article = clean("BÁO ĐIỆN TỬ LAM SƠN", "Trang chủ | Thời sự | Chính trị", caps,
                    "Ngày đăng: 2023-12-19 10:45:00", LEAD, SECOND)
    assert article.headline == caps
    assert infer_metadata(article).published == dt.date(2023, 12, 19)
    article = clean("Trang chủ | Thời sự | Chính trị", "BÁO ĐIỆN TỬ LAM SƠN", LEAD, SECOND)
    assert article.headline is None


def test_a_related_list_with_one_summary_per_title_stays_removed():
    summary = ("Bộ trưởng Bùi Thanh Sơn trả lời phỏng vấn về những việc ngành cần làm trong "
               "năm tới.")
    article = clean(HEADLINE, LEAD, SECOND, "Tin liên quan",
                    "Bộ trưởng trả lời phỏng vấn bên lề hội nghị", summary,
                    "Kiều bào gửi gắm kỳ vọng tới hội nghị", "Kiều bào ở nhiều nước gửi thư "
                    "chúc mừng hội nghị và nêu các đề xuất về công tác bảo hộ.")
    assert article.paragraphs == (LEAD, SECOND)


def test_the_lead_is_not_an_item_of_a_summary_box():
    article = clean(HEADLINE, "Tóm tắt",
                    "• Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội sáng 19/12.",
                    "• Ngành ngoại giao xác định sáu nhóm nhiệm vụ trọng tâm.", LEAD, SECOND)
    assert lead_paragraph(article) == LEAD


def test_other_kinds_of_related_headings():
    article = clean(HEADLINE, LEAD, SECOND, "Video khác",
                    "Khai mạc Hội nghị Ngoại giao lần thứ 32", "19-12-2023 12:00",
                    "Bộ trưởng Ngoại giao trả lời phỏng vấn", "18-12-2023 19:30")
    assert article.paragraphs == (LEAD, SECOND)
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_a_line_of_names_above_the_headline_does_not_hide_it_and_a_short_one_is_a_headline():
    article = clean("Trang chủ | Thời sự", "Việt Nam - Hoa Kỳ", HEADLINE, LEAD, SECOND)
    assert article.headline == HEADLINE
    article = clean("Trang chủ | Thời sự", "Việt Nam - Hoa Kỳ", LEAD, SECOND)
    assert article.headline == "Việt Nam - Hoa Kỳ"
    # a closing line of place names is not a byline
    assert "Quảng Nam, Đà Nẵng" in clean(HEADLINE, LEAD, SECOND, "Quảng Nam, Đà Nẵng").paragraphs


def test_a_line_in_capitals_under_the_headline_does_not_replace_it():
    caps = "TRÍCH BÀI PHÁT BIỂU CỦA TỔNG BÍ THƯ TẠI HỘI NGHỊ NGOẠI GIAO LẦN THỨ 32"
    article = clean("Trang chủ | Thời sự", HEADLINE, "19/12/2023 08:30", caps, LEAD, SECOND)
    assert article.headline == HEADLINE and caps in article.paragraphs


@pytest.mark.parametrize("question", [
    "Thưa Bộ trưởng, ông đánh giá thế nào về kết quả của hội nghị lần này?",
    "- Thưa Bộ trưởng, ông đánh giá thế nào về kết quả của hội nghị lần này?",
    "“Chúng tôi sẽ không bao giờ bỏ cuộc trước khó khăn của người dân!”",
])
def test_an_interview_question_or_a_quotation_is_not_taken_for_a_headline(question):
    article = clean("Trang chủ", "Chính trị", "Kinh tế", question, LEAD, SECOND)
    assert article.headline is None and question in article.paragraphs


def test_a_heading_about_influence_is_not_a_related_heading():
    line = "Ảnh hưởng liên quan"
    assert line in clean(HEADLINE, LEAD, line, SECOND).paragraphs


# --- the shapes corpus: 20 pages (tests/data/shapes), with what a reader gives each -----------

SHAPES = Path(__file__).parent / "data" / "shapes"
# Pages (of 20) on which each field must equal the reader's value. Measured on 3 Dec 2026:
# Measured at this commit: shapes title 20, published 20, event 20, kind 19 (h07 misses), language
# 20, lead 20; shapes2 (written blind, then read: title 21, published 23, event 24, kind 22,
# language 24, lead 21 of 24; before the rules it taught, title 15, published 20, kind 19, lead
# 16); shapes3 (title 18, published 16, event 18, kind 17, language 18, lead 18 of 18; read blind
# first: 13, 12, 17, 12, 18, 17). In the afternoon of 3 Dec, a lower heading under a site-wide
# title, a row under the headline read as a dateline and the kind rules for a lead after its day
# and a commentary's lead moved shapes kind from 18, shapes2 kind from 20, shapes3 published from
# 14, kind from 15 and lead from 17. shapes4 (21 pages, written blind, read blind at e2ee6f0:
# title 13, published 15, event 20, kind 13, language 21, lead 20; after the rules it taught: 20,
# 19, 20, 17, 21, 20). shapes5 (20 pages, written blind, read blind at 53c349c: title 13,
# published 13, event 17, kind 9, language 20, lead 14; after the rules it taught: 15, 17, 17, 11,
# 20, 16; with Markdown read as Markdown, t03 too: 16, 17, 17, 12, 20, 17; with a text page
# wrapped at a fixed width read in paragraphs, t01's event and lead too: 16, 17, 18, 12, 20, 18).
# markdown (12 Markdown pages of web clippers, Hugo, Jekyll, Notion, Pandoc, written blind, read
# blind at c201f4c: title 7, published 12, event 8, kind 8, language 12, lead 7; after what they
# and a review taught: 11, 11, 11, 10, 12, 10: m02, undated then, its excerpt taken for the lead,
# is now dated by its lead, "Chiều 18/12" at DC30, where the set says no date). The floors are
# those counts less one page where a page was spare.
# shapes11 (20 pages in the seeds' scraper shape, written blind, read blind at 6095627: title
# 16, published 18, event 19, kind 17, language 20, lead 18; after the rules it taught: 20, 19,
# 20, 18, 20, 18). shapes12 (18 files as tools save pages, written blind, read blind at a6f1cf3:
# 11, 18, 15, 12, 18, 13; after the rules it taught: 16, 18, 17, 14, 18, 16).
# shapes13 (20 pages of a researcher's folder, written blind, read blind at f608568: 17, 20, 19,
# 14, 20, 18; with an e-magazine's cover headline and a 35-syllable headline laid out as one:
# 19, 20, 20, 15, 20, 18; with u17's <h1> of 39 syllables over its og:title cut short, and
# sapos of 56 words without their full stop (u10; u15's in a div.detail-sapo): 20, 20, 20, 15,
# 20, 20; with an English headline of a top leader urging read as a speech, u06: kind 16, and
# shapes7 p12: kind 18). shapes14 (20 HTML pages of many content-management systems, written
# blind, read blind at 12ee06c: 19, 15, 19, 12, 20, 20; with v16's dateline row
# put back without its update's time: published 16; with the date rows right above the
# headline of v05, v09 and v20 and v02's portlet heading giving way to the <title>'s: title 20,
# published 19; with two questions put to the one who answers making an interview, v16: kind
# 13, and shapes5 t09: kind 15). shapes15 (20 pages of the seeds' scraper on many outlets where
# the headline and the lead can be confused, written blind, read blind at 00b114e: 18, 18, 20,
# 17, 20, 19; with a video player's lines no menu, w04, an English credit with its role a
# byline, w09, a page clock over the menu no date, w03, and "khai mạc ngày 15/12" an opening,
# w17: 20, 19, 20, 18, 20, 19). shapes16 (20 pages of the seeds' scraper with traps for dates,
# events and kinds, written blind, read blind at 7190ed5: 17, 17, 16, 11, 20, 20; with the
# rules it taught, d1eae2b to 16e1d85: 20, 18, 16, 14, 20, 20). shapes17 (16 pages where the
# article ends before teasers, author boxes, appeals and comments, written blind, read blind at
# ec3f263: 16, 16, 12, 12, 16, 16; its extra column "last", the article's last paragraph, read
# 0 of 16: the body's end was not found on such pages; with end_pass, event 15, last 16).
# A narrator in the first person in the lead an article (kinds.csv, 4 Dec 2026): kind 21 in
# shapes4, 18 in shapes5, 14 in shapes14, 16 in shapes16, 14 in shapes19; no page read worse.
# A headline of a leader asking the sector read as a speech was tried and taken out after two
# reviews (receptions, directives and interviews are headlined so).
# shapes20 (20 pages: ordinary pages of mainstream outlets, one story on many sites,
# written blind, read blind at c5ab1f6: 18, 18, 20, 12, 20, 20, last 16; with English captions
# credited "... Photo", links to the page in another language, bylines of the paper's
# reporters, a print edition's issue line, jumps and footer, an aggregator's links and a
# portal's posting row: 20, 20, 20, 13, 20, 20, last 19; with a leader's directing speech at
# the opening session, "Phát biểu chỉ đạo Hội nghị, ..." and "khi phát biểu chỉ đạo" speeches,
# kind 15; without the issue line as a dateline, a review's finding, published 19).
# shapes21 (20 pages: what kind of piece it is, Vietnamese and English outlets, written blind,
# read blind at 5815ab3: 19, 20, 17, 13, 20, 20, last 13; with a print issue's note, desk notes
# on the author's views, a blog's boxes, a wire's pointer to its principles, "PV:" questions an
# interview, "Khai mạc triển lãm ..." of a side event news, the event named in the body and the
# tags, and a count of interviews no interview's sign: 20, 20, 19, 16, 20, 20, last 17; these
# also gave shapes2 event 24, shapes18 20, shapes19 last 15. A review narrowed them: "Q:",
# "Hỏi:" (FAQs, briefings) and an agency's letters after a dash ("- ASEAN" in a list) no sign.
# A third review took out the headline speech rules and the tags' confirmation of the event:
# shapes21 event 17, kind 15; shapes2 event 23, shapes18 event 19 and kind 17, shapes19 kind 14.
# A fourth took out "khi phát biểu" as a speech (follow-ups recall speeches so) and a count of
# interviews as no interview's sign ("giới thiệu hai bài phỏng vấn" introduces them): shapes20
# kind 14, shapes21 kind 14. A closing lead "Hội nghị ... bế mạc sau bốn ngày làm việc": shapes20
# kind 15.
SHAPE_FLOORS = {
    "shapes": {"title": 19, "published": 19, "event": 19, "kind": 18, "language": 20, "lead": 19},
    "shapes2": {"title": 20, "published": 22, "event": 23, "kind": 22, "language": 24, "lead": 20},
    "shapes3": {"title": 17, "published": 16, "event": 17, "kind": 17, "language": 18, "lead": 17},
    "shapes4": {"title": 19, "published": 19, "event": 20, "kind": 21, "language": 21, "lead": 19},
    "shapes5": {"title": 15, "published": 16, "event": 19, "kind": 18, "language": 19, "lead": 17},
    "markdown": {"title": 11, "published": 10, "event": 11, "kind": 10, "language": 11, "lead": 10},
    "shapes6": {"title": 19, "published": 19, "event": 19, "kind": 18, "language": 19, "lead": 19},
    "shapes7": {"title": 19, "published": 19, "event": 20, "kind": 18, "language": 20, "lead": 20},
    "shapes8": {"title": 20, "published": 20, "event": 20, "kind": 19, "language": 20, "lead": 20},
    "shapes9": {"title": 19, "published": 20, "event": 20, "kind": 19, "language": 20, "lead": 20},
    "shapes10": {"title": 15, "published": 16, "event": 16, "kind": 14, "language": 16,
                 "lead": 16},
    "shapes11": {"title": 20, "published": 18, "event": 20, "kind": 18, "language": 20,
                 "lead": 18},
    "shapes12": {"title": 16, "published": 18, "event": 17, "kind": 15, "language": 18,
                 "lead": 16},
    "shapes13": {"title": 20, "published": 20, "event": 20, "kind": 17, "language": 20,
                 "lead": 20},
    "shapes14": {"title": 20, "published": 19, "event": 19, "kind": 14, "language": 20,
                 "lead": 20},
    # (published, in shapes11, 15 and 20: the sets' READMEs count no date that is only in the
    # lead, while a page without a dateline is dated from its lead, approximately, as the seeds'
    # catalog dates such pages: shapes15 w10 from "Bên lề Hội nghị Ngoại giao lần thứ 32, chiều
    # 21/12, ...", shapes20 b19 from "Chiều 18/12" after a wire's "Hà Nội, 18/12 (TTXVN) -",
    # shapes11 s13 from "The 32nd Diplomatic Conference opened in Hanoi on Tuesday", the
    # Tuesday of DC32)
    "shapes15": {"title": 20, "published": 18, "event": 20, "kind": 18, "language": 20,
                 "lead": 19},
    "shapes16": {"title": 20, "published": 18, "event": 18, "kind": 17, "language": 20,
                 "lead": 20},
    "shapes17": {"title": 16, "published": 16, "event": 16, "kind": 13, "language": 16,
                 "lead": 16},
    "shapes18": {"title": 20, "published": 20, "event": 20, "kind": 17, "language": 20,
                 "lead": 20},
    "shapes19": {"title": 20, "published": 20, "event": 19, "kind": 14, "language": 20,
                 "lead": 20},
    "shapes20": {"title": 20, "published": 18, "event": 20, "kind": 15, "language": 20,
                 "lead": 20},
    "shapes21": {"title": 20, "published": 20, "event": 19, "kind": 14, "language": 20,
                 "lead": 20},
    # shapes22 (16 pages in shapes sets 15-21 had not covered, written blind, read blind at
    # 5067523, the reading rules of 10f14a7: title 12, published 13, event 14, kind 12,
    # language 16, lead 16, last 5; with ">>" breadcrumbs, "By X, editor" and "Hosted by X"
    # bylines, a player line with words, "26 min listen" on a dateline, a dateline under the
    # sapo, a series part's link under the dateline, "was this helpful?" rows, a series' part
    # links, a transcript's note and an email's footer: 16, 15, 14, 12, 16, 16, last 6; with a
    # journal's volume and issue on a dateline, published 16)
    "shapes22": {"title": 16, "published": 16, "event": 14, "kind": 12, "language": 16,
                 "lead": 16},
}
FIELDS = ("title", "published", "event", "kind", "language", "lead")
# Sets with a column "last", the article's last paragraph (compared on 45 characters).
# shapes17: 0 of 16 at ec3f263; 16 with the end of the article found (end_pass). shapes18 (20
# pages on the same theme with traps where the article goes on, written blind, read blind at
# d74b6bd: 20, 19, 18, 15, 20, 19, last 7, no article text cut; with tags and desk notes as
# signs of the end, a credit naming its agency's site and the rules below: 20, 20, 19, 15, 20,
# 20, last 19; with "conference wraps up" a closing report and the desk's notes read for the
# kind, kind 17, and shapes17's 13).
# shapes19 (20 pages, half ending before teasers, comments or the next article, half with
# traps where the article goes on, written blind, read blind at 96262e9: 20, 18, 19, 13, 20,
# 20, last 9, no article text cut; with credits naming a site with digits or where they were
# written from, initials, "By ...; Editing by ...", "Chủ đề:" lists, "Xem thêm video" and a
# press licence's footer: last 14).
LAST_FLOORS = {"shapes17": 16, "shapes18": 19, "shapes19": 15, "shapes20": 19, "shapes21": 17,
               "shapes22": 6}


@functools.cache
def _shape_set(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A shapes set's corpus and its expected.csv, each indexed by file, loaded once."""
    folder = SHAPES.parent / name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # README.md and expected.csv are not pages
        corpus = helpers.load_corpus(folder, cache=False, catalog=False, progress=False)
    expected = pd.read_csv(folder / "expected.csv", dtype=str, keep_default_na=False)
    return corpus.set_index("source_file"), expected.set_index("file")


@pytest.fixture(scope="module", params=sorted(SHAPE_FLOORS))
def shapes(request):
    return request.param, *_shape_set(request.param)


def _shape_value(row, field: str) -> str:
    if field == "lead":
        return lead_paragraph(row["page"].article)[:45]
    value = row[field]
    if field == "published":
        return "" if pd.isna(value) else str(value.date())
    return value if isinstance(value, str) else ""


@pytest.mark.parametrize("field", FIELDS)
def test_the_shapes_corpora_read_as_a_reader_does(shapes, field):
    name, corpus, expected = shapes
    assert sorted(corpus.index) == sorted(expected.index)
    misses = [file for file, row in expected.iterrows()
              if _shape_value(corpus.loc[file], field) != (row[field][:45] if field == "lead"
                                                           else row[field])]
    assert len(expected) - len(misses) >= SHAPE_FLOORS[name][field], f"{field}: misses {misses}"


@pytest.mark.parametrize("name", sorted(LAST_FLOORS))
def test_the_article_ends_where_a_reader_says(name):
    corpus, expected = _shape_set(name)
    misses = [file for file, row in expected.iterrows()
              if corpus.loc[file, "page"].article.paragraphs[-1][:45] != row["last"][:45]]
    assert len(expected) - len(misses) >= LAST_FLOORS[name], f"last: misses {misses}"


# --- second review: rules narrowed where they misread pages --------------------------------

def test_a_clock_that_says_today_never_dates_the_article():
    from helpers.metadata import page_date
    article = clean("Hôm nay: Thứ Ba, 12/11/2024", HEADLINE, LEAD, SECOND)
    assert page_date(article) == (None, "")


def test_a_press_releases_place_and_date_under_the_document_heading_dates_it():
    article = clean("Trang chủ", HEADLINE, "Lượt xem: 1.318", "BỘ NGOẠI GIAO", "Số: 73/TCBC-BNG",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Hà Nội, ngày 23 tháng 12 năm 2023", LEAD, SECOND)
    assert [line.reason for line in article.removed][-3:] == [
        "document header", "document header", "dateline"]
    assert infer_metadata(article).published == dt.date(2023, 12, 23)


def test_the_earliest_of_an_address_and_a_dateline_above_the_headline_counts():
    from helpers.metadata import page_date
    # an aggregator's own address (the day it copied the article) and the original's dateline
    copied = "https://tonghop.example.vn/2024/01/05/khai-mac-hoi-nghi.html"
    article = clean(copied, "Báo Mẫu · 19/12/2023 11:26", HEADLINE, LEAD, SECOND)
    assert page_date(article) == (dt.date(2023, 12, 19), "page dateline")
    # an address printed under the article, its date in a timestamp
    printed = "Địa chỉ bài viết: https://bao.example.vn/doi-ngoai/hoi-nghi-20211214163015.htm"
    article = clean(HEADLINE, LEAD, SECOND, printed)
    assert [line.reason for line in article.removed] == ["navigation"]
    assert page_date(article) == (dt.date(2021, 12, 14), "page URL")


def test_player_controls_with_counts_do_not_make_a_menu_that_hides_the_headline():
    article = clean("Trang chủ", HEADLINE, "Thời sự · 19/12/2023 11:48", "▶ 00:00",
                    "00:00 / 03:12", "Chia sẻ   ♡ 27   💬 4", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert article.with_reason("social buttons")[0].text == "Chia sẻ   ♡ 27   💬 4"


LONG_HEADLINE = HEADLINE + " với năm ngày làm việc"


@pytest.mark.parametrize("above", [
    ("Đọc nhiều", "Giá vàng hôm nay tăng mạnh trở lại sau chuỗi ngày giảm sâu liên tiếp"),
    ("TRỰC TIẾP THỜI SỰ CHƯƠNG TRÌNH PODCAST DỰ BÁO THỜI TIẾT",
     "Mở ứng dụng để xem truyền hình trực tiếp trên điện thoại của bạn"),
    ("Chính trị", "Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh Hải Đông"),
    ("Chính trị", "Chào mừng kỷ niệm 78 năm Ngày thành lập ngành Ngoại giao Việt Nam"),
])
def test_a_teaser_banner_or_slogan_above_the_headline_is_not_taken_over_it(above):
    article = clean("Trang chủ", "Thời sự", "Kinh tế", *above, LONG_HEADLINE,
                    "Thứ Ba, 19/12/2023 08:30", LEAD, SECOND)
    assert article.headline == LONG_HEADLINE and not article.with_reason("deck")


def test_a_deck_needs_a_byline_or_dateline_under_it():
    article = clean("Chính trị", LONG_HEADLINE, DECK, LEAD, SECOND)
    assert not article.with_reason("deck")


@pytest.mark.parametrize("text, expected", [
    ("Cập nhật 08:15-18/12/2021", dt.date(2021, 12, 18)),
    ("11:26-19/12/2023", dt.date(2023, 12, 19)),
])
def test_a_clock_joined_to_the_date_by_a_dash_still_dates_the_line(text, expected):
    from helpers.dates import parse_full_date
    assert parse_full_date(text) == expected


# --- the fifth set (tests/data/shapes5): what its blind read missed, in general shapes -------

@pytest.mark.parametrize("notice", [
    "Trình duyệt của bạn đã tắt JavaScript. Một số tính năng của trang sẽ không hoạt động.",
    "Vui lòng bật JavaScript để xem đầy đủ nội dung bài viết.",
    "Please enable JavaScript to view the comments.",
    "JavaScript is disabled in your browser.",
])
def test_a_notice_about_javascript_is_furniture(notice):
    article = clean(notice, "Thời sự", HEADLINE, LEAD, SECOND)
    assert [line.text for line in article.with_reason("script notice")] == [notice]
    assert article.headline == HEADLINE and article.paragraphs[0] == LEAD
    # an article's sentence about a browser or JavaScript stays
    prose = ("Trình duyệt web và JavaScript là những công nghệ mà các cơ quan đại diện dùng "
             "hằng ngày để giới thiệu hình ảnh Việt Nam ra thế giới, theo báo cáo tại hội nghị "
             "được các đại biểu đánh giá cao trong phiên thảo luận chuyên đề chiều qua.")
    assert prose in clean(HEADLINE, LEAD, prose, SECOND).paragraphs
    for sentence in [
            "Trang web dùng trình duyệt để chạy mã JavaScript kiểm tra hồ sơ ngay trên máy "
            "người dùng, giúp giảm tải cho máy chủ.",
            "The portal works in any modern browser, and its JavaScript checks each form "
            "before it is sent, the developers said.",
            "JavaScript is required for the identity check, which links to the e-ID account."]:
        assert sentence in clean(HEADLINE, LEAD, sentence, SECOND).paragraphs


def test_a_counts_line_is_never_the_headline():
    counts = "3.412 lượt xem  15 thg 12, 2021  #HoiNghiNgoaiGiao #BoNgoaiGiao"
    article = clean("Đăng ký", "Chia sẻ", counts, LEAD, SECOND)
    assert article.headline is None
    assert clean("Chia sẻ", HEADLINE, counts, LEAD, SECOND).headline == HEADLINE
    assert clean("Chia sẻ", "1,2K views · 2 years ago", LEAD, SECOND).headline is None
    # a headline may start with a count
    for title in ["3 views on what the 32nd Diplomatic Conference means for business",
                  "2 triệu lượt xem cho video về Hội nghị Ngoại giao lần thứ 32 của sinh viên"]:
        assert clean("Chia sẻ", title, "19/12/2023 08:30", LEAD, SECOND).headline == title


def test_google_s_short_vietnamese_month_is_a_date():
    from helpers.dates import parse_dateline, parse_full_date
    assert parse_full_date("15 thg 12, 2021") == dt.date(2021, 12, 15)
    assert parse_dateline("Thứ 6, 17 thg 12, 2021, 06:30") == dt.date(2021, 12, 17)
    assert parse_full_date("thg 12, 2021") is None


def test_a_question_and_answer_page_is_dated_by_its_own_dates_not_the_page_clock():
    question = ("Con trai tôi đang làm việc ở nước ngoài. Xin hỏi Hội nghị Ngoại giao lần thứ 32 "
                "có bàn về bảo hộ người lao động không?")
    answer = ("Hội nghị Ngoại giao lần thứ 32 diễn ra tại Hà Nội từ ngày 19 đến ngày 23/12/2023 "
              "và đã dành một phiên cho công tác bảo hộ công dân.")
    article = clean("Thứ Ba, 12/11/2024", "Trang chủ", "Hỏi - đáp", HEADLINE + "?",
                    "Ngày gửi: 26/12/2023", question, "Trả lời:", "Ngày trả lời: 05/01/2024",
                    answer)
    assert [line.text for line in article.with_reason("dateline")][1:] == [
        "Ngày trả lời: 05/01/2024"]
    # published when answered, not asked; the page clock is later
    assert infer_metadata(article).published == dt.date(2024, 1, 5)
    # a dateline under the question's headline still wins
    article = clean(HEADLINE + "?", "08/01/2024 09:30", "Ngày gửi: 15/11/2023", question,
                    "Trả lời:", answer)
    assert infer_metadata(article).published == dt.date(2024, 1, 8)


def test_a_comment_widget_between_the_body_and_the_article_s_date_does_not_hide_it():
    # "Bình luận (0)", "Thích": a one-line widget, then the byline and the date at the end
    for widget in (["Bình luận (0)"], ["Thích", "Chia sẻ"], ["In bài", "Gửi bình luận"]):
        article = clean(HEADLINE, LEAD, SECOND, *widget, "Minh Châu",
                        "Thứ Hai, 25/12/2023 - 10:30", "Tin liên quan",
                        "Tin cũ hơn về hội nghị (10/12/2023)")
        assert infer_metadata(article).published == dt.date(2023, 12, 25), widget


# --- a text page wrapped at a fixed width (a PDF's text, an e-mail) ---------------------------

def test_a_text_page_wrapped_at_a_fixed_width_is_read_in_paragraphs(tmp_path):
    import textwrap

    wrapped = "\n".join(textwrap.fill(p, 64) for p in (LEAD, SECOND, LEAD + " " + SECOND))
    page = f"{HEADLINE}\nThứ Ba, 19/12/2023 - 08:30\n\n{wrapped}\n"
    (tmp_path / "pdf.txt").write_text(page, encoding="utf-8")
    row = helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False).iloc[0]
    article = row["page"].article
    assert article.headline == HEADLINE
    assert lead_paragraph(article) == LEAD
    assert SECOND in article.paragraphs            # each paragraph whole: it ends a sentence
    assert row["event"] == "DC32"


def test_a_list_of_headlines_of_one_length_is_not_taken_for_wrapped_text():
    from helpers.text import unwrap_lines

    titles = "\n".join(f"Hội nghị Ngoại giao lần thứ {n} bàn về ngoại giao kinh tế và văn hóa "
                       "trong thời kỳ mới" for n in range(25, 33))
    assert unwrap_lines(f"Tin liên quan\n{titles}\n") == f"Tin liên quan\n{titles}\n"


# A third review: what a short scraped page must never lose to the wrapping test.
_WRAP_PROSE = (LEAD + " " + SECOND + " ") * 2


@pytest.mark.parametrize("page", [
    # a short page whose one lower-case line start is a brand's name
    "Số hóa\niPhone 16 bán chạy nhất Việt Nam trong quý đầu năm theo thống kê của hãng\n"
    "Theo hãng nghiên cứu, iPhone 16 chiếm 12% thị phần điện thoại tại Việt Nam trong quý I.\n"
    "Samsung Galaxy A15 đứng thứ hai với 8%, tiếp theo là hai mẫu máy giá rẻ khác.\n",
    # a scraper's header: title, address, date, then short paragraphs
    f"{HEADLINE}\nhttps://bao.example.vn/thoi-su/khai-mac-hoi-nghi-ngoai-giao-32.html\n"
    f"2023-12-19 08:15\n\n{LEAD}\n\n{SECOND}\n",
    # legal items
    "Điều 3. Trách nhiệm của cơ quan đại diện\na) Bảo hộ quyền và lợi ích hợp pháp của công "
    "dân;\nb) Thúc đẩy hợp tác kinh tế, thương mại và đầu tư với nước sở tại;\nc) Báo cáo "
    "định kỳ với Bộ Ngoại giao về tình hình công dân và doanh nghiệp.\n",
])
def test_a_short_scraped_page_keeps_its_lines(page):
    from helpers.text import unwrap_lines

    assert unwrap_lines(page) == page


def test_wrapped_text_under_a_long_title_quotes_lists_and_hyphens_come_out_whole():
    import textwrap

    from helpers.text import unwrap_lines

    title = "Khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội với nhiều đại biểu tham dự"
    body = textwrap.fill(_WRAP_PROSE, 64)
    assert unwrap_lines(f"{title}\n{body}\n").split("\n")[0] == title     # longer: not wrapped
    quoted = "\n".join("> " + line for line in textwrap.wrap(_WRAP_PROSE, 62))
    assert unwrap_lines(quoted) == "> " + _WRAP_PROSE.strip()
    items = "\n".join(textwrap.fill(p, 64, initial_indent="- ", subsequent_indent="  ")
                      for p in (LEAD, SECOND, LEAD, SECOND))
    assert unwrap_lines(items).split("\n") == [f"- {p}" for p in (LEAD, SECOND, LEAD, SECOND)]
    lines = textwrap.wrap(_WRAP_PROSE, 64)
    before, after = lines[0].split()[-1], lines[1].split()[0]
    lines[0] += "-"                                     # a word cut at the break by a hyphen
    assert f"{before}-{after}" in unwrap_lines("\n".join(lines))


# --- sixth set: rows of the article's tools, however spaced ---------------------------------

@pytest.mark.parametrize("row", [
    "Chia sẻ  Facebook  Zalo  Twitter  Gửi email  In bài  Aa+  Aa-",
    "Cỡ chữ  A  A  A     In bài     Gửi bài",
    "Thích  Chia sẻ  Nhúng video",
    "Thích Chia sẻ Nhúng video",                       # one space apart
    "Lượt xem: 1.245   Cỡ chữ  A-  A+   🖨 In   ✉ Gửi email",
    "Thích 128   Chia sẻ   Lưu",
    "5 min read   Share  Facebook  LinkedIn  X  Email",
    "Chia sẻ\tf\tZalo\t✉\t🖨",
])
def test_a_row_of_the_articles_tools_under_the_dateline_is_never_the_headline(row):
    # (before, the row was taken for the headline and the headline for the page's header)
    article = clean("Trang chủ › Thời sự", HEADLINE, "Thứ Ba, 19/12/2023 - 08:30", row, LEAD,
                    SECOND)
    assert article.headline == HEADLINE
    assert [line.text for line in article.removed][-1] == row
    assert article.paragraphs == (LEAD, SECOND)


def test_a_menu_printed_as_one_row_is_navigation_a_sentence_row_or_a_table_row_is_not():
    menu = "TRANG CHỦ  THỜI SỰ  ĐỐI NGOẠI  KINH TẾ  XÃ HỘI  CHƯƠNG TRÌNH"
    article = clean(menu, HEADLINE, LEAD, SECOND)
    assert article.headline == HEADLINE
    assert article.removed[0].reason == "navigation"
    prose = "Hội nghị khai mạc sáng nay.  Các đại biểu đã dự họp.  Chiều nay, hội nghị thảo luận."
    table = "Năm 2021  Năm 2022  Năm 2023  Năm 2024"
    article = clean(HEADLINE, LEAD, prose, table, SECOND)
    assert article.paragraphs == (LEAD, prose, table, SECOND)


def test_a_credit_line_under_the_dateline_is_never_the_headline():
    # (before, "Nguồn: ..." was taken for the headline, the headline for the page's header)
    for credit in ("Nguồn: Văn phòng UBND tỉnh", "Tác giả: Nguyễn Thu", "Thực hiện: Nhóm PV"):
        article = clean("Trang chủ | Tin tức", HEADLINE, "Ngày 19/12/2023 | Lượt xem: 512",
                        credit, LEAD, SECOND)
        assert article.headline == HEADLINE, credit


def test_a_breadcrumb_ending_in_the_shortened_headline_is_navigation():
    crumb = "Trang chủ › Thời sự › " + HEADLINE[:40] + "..."
    article = clean(crumb, HEADLINE, "21/12/2023 19:40", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert article.removed[0].reason == "navigation"
    assert article.paragraphs == (LEAD, SECOND)


def test_a_row_holding_the_date_among_the_tools_is_a_dateline_that_dates_the_page():
    article = clean(HEADLINE, "19/12/2023 08:30  |  Chia sẻ  |  In bài", "Sáng nay, " + LEAD[11:],
                    SECOND)
    assert article.headline == HEADLINE
    assert article.removed[0].reason == "dateline"
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_a_notice_above_the_headline_is_a_box_the_headline_laid_out_under_it_is_the_title():
    # (before, the site's name above the notice was the title and the notice the lead)
    notice = ("THÔNG BÁO: Đại sứ quán tổ chức chiêu đãi nhân dịp Quốc khánh vào tối 01.09.2016 "
              "tại trụ sở, bà con đăng ký trước ngày 25.08.2016 qua thư điện tử của Đại sứ quán.")
    article = clean("ĐẠI SỨ QUÁN VIỆT NAM TẠI VALDORIA",
                    "Embassy of the Socialist Republic of Vietnam in the Republic of Valdoria",
                    "Trang chủ | Đại sứ quán | Lãnh sự", notice, "Tin tức - Hoạt động", HEADLINE,
                    "Đăng ngày: 19.12.2023", LEAD, SECOND, "Các tin đã đưa:",
                    "» Đại sứ quán gặp mặt cộng đồng (03.12.2023)")
    assert article.headline == HEADLINE
    assert article.paragraphs == (LEAD, SECOND)
    reasons = {line.text: line.reason for line in article.removed}
    assert reasons[notice] == "page header" and reasons["Các tin đã đưa:"] == "related heading"


def test_a_readers_comment_above_the_article_is_not_taken_for_a_box():
    # shapes2/t10: readers' comments, each under its author's name and time, above the article
    name = "t10_comments_above.txt"
    page = helpers.process_page(name, (SHAPES.parent / "shapes2" / name).read_bytes(), cache=False)
    assert page.metadata.title in (None, "Gặp mặt trí thức, doanh nhân kiều bào tiêu biểu bên lề "
                                         "Hội nghị Ngoại giao lần thứ 32")


@pytest.mark.parametrize("dateline, day", [
    ("Chủ Nhật, 19/12/2021 - 20:30 (GMT-5)", 20),     # 08:30 on the 20th in Vietnam
    ("Chủ Nhật, 19/12/2021 - 20:30 (GMT+7)", 19),
    ("19/12/2021 09:30 (GMT-5)", 19),
    ("Sunday, December 19, 2021 | 08:30 PM UTC", 20),
    ("Thứ Hai, 20/12/2021 - 01:15 (GMT+9)", 19),       # 23:15 on the 19th in Vietnam
])
def test_a_dateline_with_its_offset_dates_the_article_in_vietnams_time(dateline, day):
    article = clean(HEADLINE, dateline, "Sáng nay, " + LEAD[11:], SECOND)
    assert infer_metadata(article).published == dt.date(2021, 12, day)


def test_a_conference_named_once_in_passing_in_the_body_is_not_the_event():
    review = ("Năm 2023, tỉnh đã đón 12 đoàn khách quốc tế và ký kết 5 thỏa thuận hợp tác với "
              "các địa phương nước ngoài, tạo nền tảng cho các hoạt động năm tới.")
    passing = ("Trong năm tới, tỉnh sẽ quán triệt tinh thần của Hội nghị Ngoại giao lần thứ 32 "
               "vừa diễn ra, tập trung vào ngoại giao kinh tế.")
    headline = "Tỉnh tổng kết công tác đối ngoại năm 2023"
    once = infer_metadata(clean(headline, "28/12/2023 16:40", review, passing))
    assert once.event is None
    twice = infer_metadata(clean(headline, "28/12/2023 16:40", review, passing,
                                 passing.replace("Trong năm tới", "Cũng theo kế hoạch")))
    assert (twice.event, twice.found_by["event"]) == ("DC32", "named in the body (2x)")


QUESTION = "Thưa Đại sứ, hội nghị năm nay đặt ra yêu cầu gì mới đối với các cơ quan đại diện?"
ANSWER = ("Điều tôi cảm nhận rõ nhất là yêu cầu về tính cụ thể, mỗi cơ quan đại diện phải có "
          "kết quả đo được.")


@pytest.mark.parametrize("thanks", ["Xin cảm ơn Đại sứ!", "PV: Xin cảm ơn chị!",
                                    "Thank you, Ambassador.", "Q: Thank you very much, Mr. Nam."])
def test_questions_then_thanks_to_the_one_answering_make_an_interview(thanks):
    headline = "Đại sứ Trịnh Hoài Nam: Ngoại giao kinh tế phải bắt đầu từ doanh nghiệp"
    article = clean(headline, "17/12/2021 06:15", KIND_LEAD, QUESTION, ANSWER, thanks)
    assert infer_metadata(article).kind == "interview"


def test_thanks_quoted_in_the_middle_of_a_report_make_no_interview():
    quoted = "Xin cảm ơn Đại sứ!"
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, QUESTION, quoted, SECOND, ANSWER,
                    SECOND.replace("Bộ trưởng", "Thứ trưởng"))
    assert infer_metadata(article).kind != "interview"


@pytest.mark.parametrize("close", ["Xin trân trọng cảm ơn!", "Xin cảm ơn các đồng chí!",
                                   "Xin cảm ơn quý vị đại biểu."])
def test_a_speech_that_asks_and_thanks_its_audience_is_no_interview(close):
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD,
                    "Vậy ngoại giao phải làm gì để đóng góp nhiều hơn cho phát triển?", SECOND,
                    close)
    assert infer_metadata(article).kind != "interview"


@pytest.mark.parametrize("tail", [
    ["Related", "- Diplomats gather in Hanoi for 31st Diplomatic Conference - Dec 15, 2021"],
    ["Most read", "Hanoi's new metro line set for trial runs in 2019"],
    ["CÁC TẬP KHÁC", "Tập 36 · Năm 2023 của ASEAN nhìn lại · 15/12/2023 · 21:05"],
    ["Các câu hỏi khác", "Công dân bị mất hộ chiếu ở nước ngoài cần làm gì? (04/12/2023)"],
    ["ĐỌC NHIỀU TRONG TUẦN", "Chuyển tiền kiều hối qua kênh chính thức: lợi ích kép"],
    ["Nghe thêm", "Bản tin Thời sự 6 giờ sáng - 16/12/2021"],
    ["Thẻ: Đại sứ | Hội nghị Ngoại giao lần thứ 32 | xuất khẩu"],
    ["#HộiNghịNgoạiGiao32 #LãnhSự #KiềuBào"],
    ["Tổng lượt truy cập: 8.406.117", "41 lượt chia sẻ", "Bài viết: 1.234 lượt đọc"],
    ["‹ Bài trước    Bài tiếp ›"],
    ["Giấy phép xuất bản số 315/GP-BTTTT ngày 02/06/2016", "Cơ quan chủ quản: Sở Ngoại vụ"],
    ["Licence No. 45/GP-BTTTT, issued on March 2, 2016"],
    ["Ý kiến bạn đọc (2)", "Trần Minh Đức - Hà Nội", "Câu chuyện rất xúc động."],
    ["By Ngo Thanh Tam | Tuesday, December 14, 2021 - 19:45 (GMT+7)"],
])
def test_what_sites_print_under_the_article_leaves_the_body(tail):
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, SECOND, *tail)
    assert article.paragraphs == (LEAD, SECOND)


def test_a_theme_line_and_a_numbered_marker_stay_in_the_body():
    theme = "Chủ đề: Phát huy vai trò tiên phong của đối ngoại"
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, theme, "#1", SECOND)
    assert article.paragraphs == (LEAD, theme, "#1", SECOND)


@pytest.mark.parametrize("stamp", ["Ngày in: 15/01/2024 10:05", "Printed on January 15, 2024",
                                   "Truy cập ngày 15/01/2024", "Accessed: 15/01/2024 10:05",
                                   "Đã lưu: 15/01/2024 10:05"])
def test_the_day_a_copy_was_printed_saved_or_read_never_dates_the_article(stamp):
    article = clean(stamp, HEADLINE, "Hội nghị khai mạc sáng nay tại Hà Nội với nhiều đại biểu "
                    "tham dự.", SECOND)
    assert infer_metadata(article).published is None


def test_a_live_blogs_dated_entry_under_the_lead_is_not_taken_for_the_headline():
    # (review: the box rule took the entry for the headline and the lead for a box)
    headline = "Trực tiếp: Phiên bế mạc Hội nghị Ngoại giao lần thứ 32"
    article = clean(headline, LEAD, "Phiên thảo luận buổi sáng", "21/12/2023 09:15", SECOND,
                    SECOND.replace("Bộ trưởng", "Thứ trưởng"))
    assert article.headline == headline
    assert article.paragraphs[0] == LEAD


@pytest.mark.parametrize("row", ["Quốc gia\tSố dự án\tVốn đăng ký\tTỷ trọng",
                                 "| Hàn Quốc | Nhật Bản | Hoa Kỳ | Đức |"])
def test_a_tables_rows_are_not_a_menu(row):
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, row, SECOND)
    assert row in article.paragraphs


def test_a_byline_in_the_datelines_row_gives_the_author():
    article = clean(HEADLINE, "By Ngo Thanh Tam | Tuesday, December 19, 2023 - 19:45", LEAD,
                    SECOND)
    meta = infer_metadata(article)
    assert (meta.author, meta.published) == ("Ngo Thanh Tam", dt.date(2023, 12, 19))


@pytest.mark.parametrize("sentence", [
    "Theo ông, «hợp tác» và «phát triển» là hai trụ cột của chính sách đối ngoại mà Việt Nam "
    "kiên trì theo đuổi trong nhiều năm qua…",
    "Bước 1 » Bước 2 » Bước 3: doanh nghiệp cần hoàn thiện hồ sơ trước khi gửi Đại sứ quán",
    "Cơ quan chủ quản của dự án là Bộ Ngoại giao, với tổng mức đầu tư hơn 200 tỷ đồng.",
    "Giấy phép xuất bản của tờ báo đã bị thu hồi vào năm 2019 vì vi phạm quy định.",
])
def test_sentences_that_only_look_like_furniture_stay_in_the_body(sentence):
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, sentence, SECOND)
    assert sentence in article.paragraphs


def test_a_video_pages_headline_is_not_a_video_credit():
    headline = "Video: Toàn cảnh lễ khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội"
    article = clean("Báo Mẫu Điện tử", "Trang chủ | Video", headline, "19/12/2023 08:30", LEAD,
                    SECOND, "Video: Minh Anh - Thu Hà")
    assert article.headline == headline
    assert article.removed[-1].reason == "photo credit"


def test_a_year_end_review_dated_during_a_conference_naming_it_in_passing_has_no_event():
    # (a version that kept such a mention when the article was dated during the conference
    # gave this December review DC32)
    headline = "Tỉnh tổng kết công tác đối ngoại năm 2023"
    review = ("Năm 2023, tỉnh đã đón 12 đoàn khách quốc tế và ký kết 5 thỏa thuận hợp tác với "
              "các địa phương nước ngoài.")
    passing = ("Trong năm tới, tỉnh sẽ quán triệt tinh thần của Hội nghị Ngoại giao lần thứ 32 "
               "vừa diễn ra.")
    assert infer_metadata(clean(headline, "22/12/2023 16:40", review, passing)).event is None


def test_from_a_conference_after_a_noun_is_about_it_since_a_conference_is_background():
    from helpers.metadata import _mentions

    assert _mentions("Ba điểm nhấn về tư duy từ Hội nghị Ngoại giao lần thứ 31") == [
        ("DC31", False)]
    assert _mentions("Từ Hội nghị Ngoại giao lần thứ 30, ngành đã đổi mới cách làm.") == [
        ("DC30", True)]
    assert _mentions("Ngành đã đi một chặng đường dài từ Hội nghị Ngoại giao lần thứ 29 đến "
                     "lần thứ 30.") == [("DC29", True), ("DC30", False)]


def test_an_interviews_questions_marked_with_a_square_are_not_poll_options():
    question = "■ Nhưng một Đại sứ quán chỉ có vài cán bộ, làm sao đáp ứng hàng trăm doanh nghiệp?"
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, question, SECOND,
                    "Thăm dò ý kiến", "○ Tốt", "○ Chưa tốt")
    assert question in article.paragraphs
    assert [line.reason for line in article.removed][-2:] == ["poll", "poll"]


def test_an_author_in_capitals_with_an_affiliation_under_the_headline_is_no_section_name():
    # (a rule preferring a headline laid out under a line in capitals took the affiliation)
    headline = "Định hướng đối ngoại Việt Nam sau Hội nghị Ngoại giao lần thứ 32"
    article = clean("Trang chủ", headline, "NGUYỄN VĂN HÙNG",
                    "Viện Nghiên cứu Chiến lược, Học viện Ngoại giao", "26/12/2023 08:00", LEAD,
                    SECOND)
    assert article.headline == headline


@pytest.mark.parametrize("credit", ["Red River Times staff", "By Staff Writer", "Staff reporter"])
def test_an_english_staff_credit_under_the_dateline_is_a_byline_not_the_headline(credit):
    headline = "PM urges diplomats to turn partnerships into projects"
    lead = ("Hanoi, December 20 (RRT) - Prime Minister Pham Minh Chinh on Wednesday told "
            "Vietnam's heads of overseas missions to turn partnerships into projects.")
    article = clean("POLITICS & LAW", headline, "Published: 16:45, 20/12/2023", credit, lead,
                    "He also called on missions to work more closely with provinces and cities.")
    assert article.headline == headline
    assert article.removed[-1].reason == "byline"



@pytest.mark.parametrize("line, reason", [
    ("Embassy Honours Its Local Staff", None), ("The embassy thanks its staff", None),
    ("Đà Nẵng Times staff", "byline"), ("VNA staff", "byline"),
    ("Video: Nguyễn Thị Minh Anh - Trần Thu Hà/VOV", "photo credit"),
    ("Video: Q.Vinh - T.Hà", "photo credit"), ("Video: Toàn cảnh phiên khai mạc", None),
    ("Cơ quan chủ quản Bộ Ngoại giao", "copyright"),
    ("Giấy phép xuất bản: Số 40/GP-BTTTT ngày 14/2/2018", "copyright"),
    ("Thời sự › Đối ngoại › Khai mạc Hội nghị Ngoại giao lần thứ 32: Xây dựng nền ngoại giao",
     "navigation"),
    ("■ Thúc đẩy thu hút đầu tư chất lượng cao", None), ("● Xin cảm ơn Thứ trưởng!", None),
])
def test_second_review_lines_read_as_they_are(line, reason):
    from helpers.cleaning import _compiled, _line_facts

    assert _line_facts(line, _compiled())[2] == reason


@pytest.mark.parametrize("text, backward", [
    ("Lan tỏa tinh thần từ Hội nghị Ngoại giao lần thứ 32 tới các cơ quan đại diện", False),
    ("Từ Hội nghị Ngoại giao lần thứ 32 đến hành động cụ thể của các cơ quan đại diện", False),
    ("Kể từ Hội nghị Ngoại giao lần thứ 31 tới nay, ngành đã đổi mới.", True),
    ("Mở đầu\nTừ Hội nghị Ngoại giao lần thứ 29, ngành đã đổi mới.", True),
    ("“Từ Hội nghị Ngoại giao lần thứ 29, chúng tôi đã đổi mới.", True),
])
def test_from_and_to_around_a_conference(text, backward):
    from helpers.metadata import _mentions

    assert _mentions(text)[0][1] is backward


def test_an_offset_written_with_a_typographic_minus_is_read():
    from helpers.dates import vietnam_day

    for sign in "−–":
        assert vietnam_day(f"19/12/2023 15:00 (GMT{sign}5)", dt.date(2023, 12, 19)) == \
            dt.date(2023, 12, 20)


def test_a_printed_articles_end_mark_ends_it_the_next_issues_notice_is_not_the_article():
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, SECOND, "■ T.K.T",
                    "Đón đọc Số 1 (619) phát hành ngày 04/01/2019:",
                    "KINH TẾ THẾ GIỚI NĂM 2019: NHỮNG RỦI RO KHÔNG THỂ BỎ QUA")
    assert article.paragraphs == (LEAD, SECOND)
    assert [line.reason for line in article.removed][-3:] == ["end mark", "after the end",
                                                              "after the end"]


# --- 3 Dec (night): a dateline with its counter, menu items as labels, a banner row ---------

@pytest.mark.parametrize("dateline", [
    "Đăng bởi: Phòng Truyền thông - 14:20, 19/12/2023 - Lượt xem: 214",
    "Người đăng: Ban Biên tập | 19/12/2023 14:20 | 1.245 lượt xem",
    "Cập nhật lúc 14:20 ngày 19/12/2023 · Lượt xem: 1.245 · Chia sẻ",
])
def test_a_dateline_with_its_view_counter_is_a_dateline_and_dates_the_article(dateline):
    article = clean("Thời sự", HEADLINE, dateline, LEAD, SECOND)
    assert (article.headline, article.paragraphs) == (HEADLINE, (LEAD, SECOND))
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


def test_a_line_with_a_date_a_clock_and_other_parts_than_counters_stays_in_the_body():
    # short enough for a dateline's length; its other part ("Xem chi tiết ...") is no counter
    # or button, so its words count
    deadline = "Hạn chót: 17:00, 30/01/2024 - Xem chi tiết tại website của Bộ"
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, deadline, SECOND)
    assert article.paragraphs == (LEAD, deadline, SECOND)
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


MENU_ROW = ("Trang nhất    Thời sự    Kinh tế    Văn hóa - Xã hội    Phóng sự - Ghi chép    "
            "Hà Nội 360°    Bạn đọc")


def test_a_menu_row_of_vietnamese_section_names_above_the_article_is_navigation():
    # a long one passes for a paragraph by its words: still a menu, and the headline under it
    long_row = MENU_ROW + "    " + "    ".join((
        "Pháp luật", "Giáo dục - Đào tạo", "Sức khỏe", "Thể thao", "Giải trí", "Công nghệ", "Xe",
        "Du lịch", "Nhịp sống trẻ", "Bạn đọc", "Video", "Podcast", "Tuyển sinh", "Nhà đất"))
    article = clean(long_row, HEADLINE, "19/12/2023 08:30", LEAD, SECOND)
    assert (article.headline, article.removed[0].reason) == (HEADLINE, "navigation")
    article = clean(MENU_ROW, HEADLINE, "19/12/2023 08:30", LEAD, SECOND)
    first = article.removed[0]
    assert (first.text, first.reason) == (MENU_ROW, "navigation")
    # above the article, a row with a date or clock, or several numbers, is not a menu
    for row in ("Trang nhất    Thời sự    Kinh tế    Thứ Hai, 03/01/2022",
                "Việt Nam    Lào 12    Campuchia 15    Thái Lan 9"):
        assert clean(row, HEADLINE, LEAD, SECOND).removed[0].reason != "navigation"
    # in the body, rows of names a table copied with spaces stay
    rows = ("Nguyễn Văn An  Viện Hàn lâm Khoa học  Vật liệu nano mới  Giải Nhất",
            "Thứ Bảy  Sân Olympic Phnom Penh  Việt Nam  Lào  Bảng B")
    assert clean(HEADLINE, LEAD, *rows, SECOND).paragraphs == (LEAD, *rows, SECOND)


def test_the_sections_name_under_a_menu_holding_it_is_not_the_headline():
    article = clean(MENU_ROW, "Phóng sự - Ghi chép", "PHÓNG SỰ",
                    "Gốm làng ven sông theo chân các thương vụ ra biển lớn",
                    "Thứ Ba, 28/12/2021 - 07:00", LEAD, SECOND)
    assert article.headline == "Gốm làng ven sông theo chân các thương vụ ra biển lớn"
    assert "Phóng sự - Ghi chép" in [line.text for line in article.removed]
    # the same words as a headline, with no menu holding them, stay the headline
    article = clean("BÁO MẪU ĐIỆN TỬ", "Phóng sự - Ghi chép", "Thứ Ba, 28/12/2021 - 07:00",
                    LEAD, SECOND)
    assert article.headline == "Phóng sự - Ghi chép"


def test_a_banner_with_its_button_above_the_headline_is_not_the_headline():
    article = clean("BÁO MẪU ĐIỆN TỬ", "TRỰC TIẾP   THỜI SỰ   CHƯƠNG TRÌNH   PODCAST   DỰ BÁO",
                    "Mở ứng dụng của đài để xem truyền hình trực tiếp   TẢI APP",
                    "Khai mạc Hội nghị Ngoại giao lần thứ 32: Ngoại giao tiên phong vì hòa bình",
                    "Thứ Ba, 19/12/2023 - 08:30", LEAD, SECOND)
    assert article.headline.startswith("Khai mạc Hội nghị Ngoại giao lần thứ 32")


@pytest.mark.parametrize("byline", ["TS. Lã Minh Đức", "PGS, TS. Đinh Văn Khải",
                                    "GS.TS. Khổng Minh Nhật", "Dr. Tran Bao Ngoc"])
def test_a_commentary_signed_under_an_academic_title_is_an_article(byline):
    from helpers.metadata import infer_kind

    opinion = ("Nếu phải tóm lược Hội nghị Ngoại giao lần thứ 30 bằng một từ, có lẽ đó là chủ "
               "động: chủ động nắm bắt thời cơ, chủ động thích ứng với biến động.")
    headline = "Sau Hội nghị Ngoại giao lần thứ 30: Ba chữ chủ động"
    kind, how = infer_kind(clean(headline, byline, "Thứ Hai, 24/12/2018 - 07:00", opinion,
                                 SECOND))
    assert (kind, how.split(":")[0]) == ("article", "byline")
    # a reporter's byline, or a master's (a university's own staff sign news so): news; a
    # headline rule still comes first
    assert infer_kind(clean(headline, "Minh Đức", opinion, SECOND))[0] == "news"
    assert infer_kind(clean(headline, "ThS. Trần Thị Hạnh", opinion, SECOND))[0] == "news"
    assert infer_kind(clean(HEADLINE, byline, LEAD, SECOND))[0] == "opening report"


@pytest.mark.parametrize("label, kind", [("BÌNH LUẬN - QUAN ĐIỂM", "article"),
                                         ("NGHIÊN CỨU - TRAO ĐỔI", "article"),
                                         ("OPINION", "article"), ("ĐỐI THOẠI", "interview"),
                                         ("Thời sự", "news"), ("Đối thoại chính sách", "news")])
def test_the_section_printed_above_the_headline_tells_commentary_and_interviews(label, kind):
    from helpers.metadata import infer_kind

    said = ("Những ngày này, tin tức từ Hà Nội về Hội nghị Ngoại giao lần thứ 31 được bà con "
            "ở nước ngoài theo dõi với nhiều chờ đợi.")
    article = clean("BÁO MẪU ONLINE", label, "Từ Hội nghị Ngoại giao 31 nhìn về kiều bào",
                    "Trần Quế Lâm", "Chủ Nhật, 19/12/2021 - 20:30", said, SECOND)
    assert infer_kind(article)[0] == kind
    # the same words in a menu or in the body say nothing
    article = clean("BÁO MẪU ONLINE", "Từ Hội nghị Ngoại giao 31 nhìn về kiều bào",
                    "Trần Quế Lâm", "Chủ Nhật, 19/12/2021 - 20:30", said, label + ".", SECOND)
    assert infer_kind(article)[0] == "news"


@pytest.mark.parametrize("headline, lead, kind", [
    ("Thủ tướng Phạm Minh Chính: Ngoại giao phải đi trước mở đường cho phát triển",
     "Ngày 20/12, Thủ tướng Phạm Minh Chính dự Hội nghị Ngoại giao lần thứ 32 và nêu nhiều "
     "định hướng lớn.", "speech"),
    ("President Nguyen Xuan Phuc: Diplomacy must keep paving the way for development",
     "Hanoi, December 17 (RRT) - President Nguyen Xuan Phuc told the conference that the "
     "sector must keep its pace.", "speech"),
    # an interview says so in its lead, and a minister's or an ambassador's words are not a
    # speech by their headline alone
    ("Thủ tướng Phạm Minh Chính: Ngoại giao phải đi trước mở đường cho phát triển",
     "Nhân dịp năm mới, Thủ tướng Phạm Minh Chính trả lời phỏng vấn báo chí về công tác "
     "đối ngoại.", "interview"),
    ("Bộ trưởng Bùi Thanh Sơn: Ngoại giao phải đi trước mở đường cho phát triển",
     "Ngày 20/12, Bộ trưởng Bùi Thanh Sơn nêu nhiều định hướng lớn cho ngành trong năm "
     "tới.", "news"),
    ("Thủ tướng thăm chính thức ba nước châu Âu và dự hội nghị thượng đỉnh",
     "Ngày 20/12, Thủ tướng Phạm Minh Chính lên đường thăm chính thức ba nước châu Âu.",
     "news"),
])
def test_a_headline_quoting_a_top_leader_reports_a_speech(headline, lead, kind):
    from helpers.metadata import infer_kind

    assert infer_kind(clean(headline, "Thứ Tư, 20/12/2023 - 10:00", lead, SECOND))[0] == kind


def test_an_authors_footnote_mark_and_a_photo_credit_by_name_are_not_the_headline():
    from helpers.metadata import page_author

    article = clean("Trang chủ › Diễn đàn › Quan điểm", HEADLINE, "TS. Khổng Thị Bích Ngọc (*)",
                    "Thứ Tư, 27/12/2023, 06:00 (GMT+7)", LEAD, SECOND,
                    "(*) Viện Nghiên cứu Chiến lược và Chính sách.")
    assert article.headline == HEADLINE
    assert page_author(article) == "TS. Khổng Thị Bích Ngọc"
    headline = "The lacquer makers who learned to sell to the world from a back room"
    english = ("In a narrow back room behind her family's house, the cooperative's director "
               "keeps two laptops open at all times.")
    article = clean("FEATURE", headline, "By Dang Thu Trang | Jan 7, 2022",
                    "Photos by Ho Viet Khang", english, english.replace("two", "three"))
    assert article.headline == headline
    assert [line.reason for line in article.removed][-1] == "photo credit"


def test_a_browsers_save_as_text_link_targets_do_not_hide_what_a_line_is():
    # Firefox's "save as text": each link's target after its text, in angle brackets
    article = clean("Báo Mẫu điện tử <https://baomau.vn/>",
                    "Chính trị <https://baomau.vn/chinh-tri/> » Đối ngoại <https://baomau.vn/dn/>",
                    HEADLINE, "19/12/2023 20:10",
                    "In bài <javascript:window.print()> Gửi email <mailto:?subject=Khai> Chia sẻ "
                    "<https://www.facebook.com/sharer/sharer.php?u=https://baomau.vn/a.html>",
                    "Thanh Huyền <https://baomau.vn/tac-gia/thanh-huyen.html>", LEAD, SECOND)
    assert (article.headline, article.paragraphs) == (HEADLINE, (LEAD, SECOND))
    from helpers.metadata import page_author
    assert page_author(article) == "Thanh Huyền"
    # on any other page an address the article quotes stays, and so does a line of one only
    quoted = "Toàn văn báo cáo được đăng tại <https://www.mofa.gov.vn/bao-cao-2023>."
    assert clean(HEADLINE, LEAD, quoted, SECOND).paragraphs == (LEAD, quoted, SECOND)
    assert clean(HEADLINE, LEAD, "<https://baomau.vn/a.html>").paragraphs[-1] == \
        "<https://baomau.vn/a.html>"


def test_a_row_of_print_email_and_back_buttons_is_furniture():
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, SECOND, "In bài    Gửi email    Quay lại")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_dateline_with_an_update_and_the_first_posting_dates_the_article_by_the_posting():
    for dateline in ("Cập nhật: 16/12/2021 08:05 (Đăng lần đầu: 14/12/2021 17:40)",
                     "Ngày đăng: 14/12/2021 17:40 | Cập nhật: 16/12/2021 08:05"):
        article = clean("Lũng Giang dự trực tuyến Hội nghị Đối ngoại toàn quốc", dateline,
                        LEAD, SECOND)
        assert infer_metadata(article).published == dt.date(2021, 12, 14)


@pytest.mark.parametrize("credit, author", [
    ("Bài: Mai Phương - Ảnh: Đinh Quang Hưng", "Mai Phương"),
    ("Bài, ảnh: Đinh Thu Hà", "Đinh Thu Hà"), ("Bài và ảnh: Đức Huy", "Đức Huy")])
def test_a_writers_credit_beside_the_photographers_is_the_byline(credit, author):
    from helpers.metadata import page_author

    headline = "Toàn cảnh Hội nghị Đối ngoại toàn quốc qua ống kính phóng viên"
    article = clean("PHÓNG SỰ ẢNH", headline, credit, "15/12/2021 07:45", LEAD, SECOND)
    assert article.headline == headline
    assert page_author(article) == author
    # "ẢNH KHÁC", "BÀI VIẾT CÙNG CHUYÊN MỤC" (no colon) still open a related zone
    article = clean(HEADLINE, LEAD, SECOND, "ẢNH KHÁC", "Lễ hội đua ghe năm 2021 (25/11/2021)")
    assert article.paragraphs == (LEAD, SECOND)


def test_the_category_a_post_is_filed_under_in_its_dateline_row_is_furniture():
    english = ("From 19 to 23 December 2023, the Ambassador attended the 32nd Diplomatic "
               "Conference in Hanoi together with the heads of missions.")
    article = clean("Ambassador attends the 32nd Diplomatic Conference in Hanoi",
                    "Posted: Dec 26, 2023 | Category: Embassy News | Print", english,
                    english.replace("Ambassador", "Consul"))
    assert infer_metadata(article).published == dt.date(2023, 12, 26)
    assert clean(HEADLINE, "Chuyên mục: Thời sự", LEAD, SECOND).paragraphs == (LEAD, SECOND)
    # ... the category first in the row: still the row's date
    for row in ("Category: Embassy News | December 19, 2023",
                "Chuyên mục: Thời sự | 19/12/2023 10:00"):
        article = clean(HEADLINE, row, LEAD, SECOND)
        assert infer_metadata(article).published == dt.date(2023, 12, 19), row


@pytest.mark.parametrize("lines, kind", [
    # a lead that says the interviewee gave the outlet a conversation
    (("Nhân dịp dự Hội nghị Ngoại giao lần thứ 32, Đại sứ Mẫn Đức Huy đã dành cho Báo Mẫu cuộc "
      "trao đổi về hợp tác công nghệ.", SECOND), "interview"),
    # the reporter's closing thanks, "xin trân trọng"
    ((KIND_LEAD, "Thưa Đại sứ, đâu là khó khăn lớn nhất của doanh nghiệp Việt Nam ở sở tại?",
      SECOND, "Xin trân trọng cảm ơn Đại sứ!"), "interview"),
    ((KIND_LEAD, "Hỏi: Thưa Đại sứ, đâu là khó khăn lớn nhất của doanh nghiệp ở sở tại?", SECOND,
      "Hỏi: Xin cảm ơn Đại sứ!", "Ban Truyền thông Khoa"), "interview"),
    # a speech printed as delivered, its salutation opening a paragraph
    ((KIND_LEAD, "Kính thưa các đồng chí lãnh đạo Đảng, Nhà nước, thưa toàn thể hội nghị,",
      SECOND), "speech"),
    ((KIND_LEAD, "Kính thưa Ngài Đại sứ, xin ông cho biết kết quả của hội nghị năm nay là gì?",
      SECOND), "news"),
    # an English lead reporting a leader's address; not one who addressed an issue
    (("Hanoi (VW) - Party General Secretary Nguyen Phu Trong on Tuesday called for a modern "
      "foreign service as he addressed the first National Foreign Affairs Conference.",
      SECOND), "speech"),
    (("Hanoi (VW) - The ministry said on Tuesday that it had addressed the concerns raised by "
      "businesses about visas and work permits.", SECOND), "news"),
    (("Hanoi (VW) - The deputy minister said the government would cut red tape as he "
      "addressed the concerns raised by businesses at the meeting.", SECOND), "news"),
    # a note on the author closing a commentary
    ((KIND_LEAD, SECOND, "Nguyen Thao Linh is a senior economics writer at Vietnam Horizon."),
     "article"),
    ((KIND_LEAD, SECOND, "(*) Tác giả là nghiên cứu viên Viện Nghiên cứu Chiến lược."), "article"),
    ((KIND_LEAD, SECOND, "Bài viết thể hiện quan điểm riêng của tác giả."), "article"),
    # ... not a sentence about someone in the middle of the body, nor one at its end that is
    # not a note ("Dr. Binh, who ...", a book's author at a launch)
    (("Nguyen Van An is a researcher at the institute and spoke at the conference on Tuesday.",
      KIND_LEAD, SECOND, KIND_LEAD.replace("Sáng", "Chiều")), "news"),
    ((KIND_LEAD, SECOND, "Dr. Binh, who spoke at a press briefing, is a senior researcher at the "
      "Institute for Regional Studies."), "news"),
    ((KIND_LEAD, SECOND, "Tác giả là nhà văn quân đội Nguyễn Văn Hùng, người từng nhiều năm công "
      "tác ở biên giới."), "news"),
    # an event the interviewee gave, not an outlet's conversation
    (("Tối 20/12, Đại sứ Mẫn Đức Huy đã dành cho bà con cộng đồng người Việt buổi trò chuyện "
      "thân mật về hội nghị.", SECOND), "news"),
    # two questions put to the one who answers, each a paragraph of its own (an interview's
    # first page, a transcript), in Vietnamese or English
    ((KIND_LEAD, "Thưa ông, vì sao chế biến sâu mới là hướng đi bền vững?", SECOND,
      "Theo bà, thị trường nào nên được ưu tiên?", SECOND), "interview"),
    ((KIND_LEAD, "What did you bring to the conference this year?", SECOND,
      "How will you follow up with the provinces, Ambassador?", SECOND), "interview"),
    # ... not one question, questions to "bà con", questions to no one, a question quoted
    ((KIND_LEAD, "Thưa ông, vì sao chế biến sâu mới là hướng đi bền vững?", SECOND), "news"),
    ((KIND_LEAD, "Vậy bà con cần làm gì để giữ giá nông sản?", SECOND,
      "Bà con sẽ bán cho ai khi thị trường đóng cửa?", SECOND), "news"),
    ((KIND_LEAD, "Vì sao xuất khẩu vẫn chậm?", SECOND, "Doanh nghiệp cần làm gì?", SECOND), "news"),
    # ... nor a press briefing's questions, Britain ("Anh"), an explainer's "you"
    ((KIND_LEAD, "Phóng viên: Đề nghị bà cho biết phản ứng của Việt Nam về thông tin trên?", SECOND,
      "Phóng viên: Đề nghị bà cho biết thêm về chuyến thăm sắp tới?", SECOND), "news"),
    ((KIND_LEAD, "Vì sao nước Anh rơi vào suy thoái kỹ thuật?", SECOND,
      "Ngân hàng Trung ương Anh sẽ làm gì tiếp theo?", SECOND), "news"),
    ((KIND_LEAD, "What does this mean for you?", SECOND, "Where can you find help?", SECOND),
     "news"),
    ((KIND_LEAD, "Ông Hùng hỏi: “Thưa Bộ trưởng, doanh nghiệp cần làm gì?”", SECOND,
      "Bà Lan hỏi tiếp: “Theo ông, thị trường nào nên được ưu tiên?”", SECOND), "news"),
])
def test_interview_and_commentary_signs_in_the_lead_and_at_the_end(lines, kind):
    from helpers.metadata import infer_kind

    headline = "Ngoại giao công nghệ và những việc phải làm trong năm tới"
    assert infer_kind(clean(headline, "21/12/2023 08:00", *lines))[0] == kind


def test_near_misses_of_the_kind_rules_of_labels_and_speakers():
    from helpers.metadata import infer_kind

    said = ("Ngày 20/12, nhiều ý kiến tại hội nghị cho rằng ngành cần đổi mới cách làm việc với "
            "các địa phương.")
    # a research section's bare name over research news; a clause before a headline's colon
    assert infer_kind(clean("Nghiên cứu", "Phát hiện vật liệu mới cho pin mặt trời thế hệ sau",
                            "20/12/2023 08:00", said, SECOND))[0] == "news"
    assert infer_kind(clean("Thủ tướng phê duyệt Quy hoạch điện VIII: Ưu tiên năng lượng sạch",
                            "20/12/2023 08:00", said, SECOND))[0] == "news"
    # an interview column's label wins over a quoted leader in its headline
    assert infer_kind(clean("ĐỐI THOẠI", "Phó Thủ tướng Trần Lưu Quang: Ngoại giao phải đi trước",
                            "20/12/2023 08:00", said, SECOND))[0] == "interview"


def test_near_misses_of_tonights_line_rules():
    # a feature's subheadings "Trở về", "Quay lại" are no buttons on their own line
    third = LEAD.replace("Sáng", "Chiều")
    assert clean(HEADLINE, LEAD, "Trở về", SECOND, "Quay lại", third).paragraphs == (
        LEAD, "Trở về", SECOND, "Quay lại", third)
    # a title-case English headline or sentence is no photo credit
    title = "Photos By Hanoi Teenager Win International Wildlife Award"
    english = ("The award was announced in Geneva on Tuesday, the organisers said in a "
               "statement to the press.")
    assert clean(title, english, english.replace("Tuesday", "Monday")).headline == title
    # a stray double space after a headline's colon does not make the deck the headline
    headline = "Khai mạc Hội nghị Ngoại giao lần thứ 32:  Ngoại giao tiên phong vì hòa bình"
    deck = "Ngành ngoại giao tổng kết một năm nhiều dấu ấn và đề ra định hướng cho năm 2024"
    assert clean(headline, deck, "Thứ Ba, 19/12/2023 - 08:30", LEAD, SECOND).headline == headline
    # a dateline with the posting and a document's issue date: the posting's
    article = clean("Quyết định phê duyệt kế hoạch chuyển đổi số của tỉnh giai đoạn 2024-2025",
                    "Ngày đăng: 19/12/2023 08:30 | Ngày ban hành: 15/11/2023", LEAD, SECOND)
    assert infer_metadata(article).published == dt.date(2023, 12, 19)


# --- shapes9 (read blind, then fixed): icons, social pages, mastheads, kickers, sources ------

@pytest.mark.parametrize("line, reason", [
    ("⏱ Thời gian đọc: 5 phút", "media player"), ("Reading time: 4 min", "media player"),
    ("☆ Theo dõi Điểm Tin 24 trên Google News", "navigation"),
    ("🔊 Nghe phỏng vấn   ▶ 00:00 / 07:48", "media player"),
    ("✓ Đã quan tâm", "navigation"), ("Quan tâm    Nhắn tin", "social buttons"),
    ("Official Account · Tin tức - Báo chí", "navigation"),
    ("12.408 người quan tâm", "view counter"), ("Đang trực tuyến: 48", "view counter"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH MẪU", "site name"),
    # not so: a table's row opening with "|", a headline beside a date, an icon before prose
    ("| Trình bày báo cáo | Bộ trưởng |", None), ("Giá vàng lập đỉnh mới | 26/12/2023", None),
    ("🔴 Khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội", None),
    # ... an article's subheadings and sentences that start like a social page's buttons, a
    # list's items with icons, a headline about a portal
    ("Quan tâm", None), ("Nhắn tin", None), ("Theo dõi", None),
    ("Theo dõi kênh đào Phù Nam Techo, Việt Nam đề nghị Campuchia chia sẻ thông tin", None),
    ("Theo dõi trang thông tin của Ủy hội sông Mê Công, các chuyên gia cập nhật dữ liệu.", None),
    ("✅ Bình luận", None), ("📅 Thời gian: 17/12/2023", None), ("📌 Facebook", None),
    ("Cổng thông tin điện tử tỉnh ra mắt giao diện mới", None),
    ("Bộ Ngoại giao - 10/10/2021", None), ("Hội nghị Cấp cao APEC - 15/11/2023", None),
])
def test_lines_with_icons_social_page_buttons_and_a_source_beside_a_date(line, reason):
    from helpers.cleaning import _compiled, _line_facts

    assert _line_facts(line, _compiled())[2] == reason


def test_a_source_beside_a_date_dates_the_article_under_its_headline_only():
    article = clean(HEADLINE, "Báo Kim Đài điện tử · 19/12/2018", LEAD, SECOND)
    assert infer_metadata(article).published == dt.date(2018, 12, 19)
    # a ticker's item above the headline, with the page's dateline above it too
    from helpers.metadata import page_date
    article = clean("Đọc nhiều", "Đài Loan hứng bão lớn - 02/09/2024", "Thứ Năm, 19/12/2024 10:45",
                    HEADLINE, LEAD, SECOND)
    assert page_date(article)[0] == dt.date(2024, 12, 19)
    # a timeline in the body stays
    rows = ("Hội nghị Cấp cao ASEAN - 10/05/2023", "Hội nghị Cấp cao APEC - 15/11/2023")
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, *rows, SECOND)
    assert article.paragraphs == (LEAD, *rows, SECOND)


def test_a_sites_name_is_never_the_headline():
    # the site's name above a label that reads as a name, and the headline under it
    article = clean("Báo Bình Lãng điện tử", "Trang chủ » Chính trị » Xây dựng Đảng", "ĐỐI THOẠI",
                    "Bí thư Tỉnh ủy Hà Quang Trung: Đối ngoại địa phương phải đo bằng dự án",
                    "Thanh Xuân (thực hiện)", "07:30, 16/12/2021", LEAD, SECOND)
    assert article.headline.startswith("Bí thư Tỉnh ủy Hà Quang Trung")
    # ... but a headline about a portal or an e-paper is one
    for headline in ("Tạp chí Khoa học ra mắt bản điện tử", "Báo điện tử phải có tổng biên tập",
                     "Cổng thông tin điện tử tỉnh ra mắt giao diện mới"):
        assert clean("Chính trị", headline, "19/12/2023 08:30", LEAD, SECOND).headline == headline


@pytest.mark.parametrize("second", ["từ ngoại giao vắc-xin đến ngoại giao phục hồi kinh tế",
                                    "nhìn từ các địa phương"])
def test_a_headline_set_on_two_lines_is_one_title(second):
    first = "Hội nghị Ngoại giao lần thứ 31 và con đường"
    article = clean("Góc nhìn", first, second, "Đàm Thu Trang", "24/12/2021 06:00", LEAD,
                    SECOND)
    assert article.headline == f"{first} {second}"
    assert [line.reason for line in article.removed][1] == "headline continued"
    assert article.paragraphs == (LEAD, SECOND)
    # a deck that opens with a capital stays a deck
    deck = "Ngành ngoại giao tổng kết một năm nhiều dấu ấn và đề ra định hướng cho năm 2024"
    article = clean("Góc nhìn", LONG_HEADLINE, deck, "Đàm Thu Trang", "24/12/2021 06:00", LEAD,
                    SECOND)
    assert (article.headline, article.with_reason("deck")[0].text) == (LONG_HEADLINE, deck)


def test_a_sentence_with_a_clock_a_date_and_a_reporters_sign_off_stays_in_the_body():
    said = "Lễ khai mạc diễn ra lúc 8:00 ngày 15/12/2023 - PV Minh Anh"
    article = clean(HEADLINE, LEAD, SECOND, said)
    assert article.paragraphs == (LEAD, SECOND, said)


def test_near_misses_of_a_headline_on_two_lines_and_of_a_source_beside_a_date():
    from helpers.metadata import page_date

    # a headline opening with a word with capitals inside ("iPhone") goes on from nothing
    headline = "iPhone 16 chính thức lên kệ tại Việt Nam với giá từ 22 triệu đồng"
    article = clean("Công nghệ số và đời sống", headline, "18/12/2023 10:30", LEAD, SECOND)
    assert article.headline == headline
    # the place and date under a headline on two lines is its dateline
    article = clean("Bài phát biểu của Bộ trưởng Ngoại giao tại Hội nghị",
                    "tổng kết công tác đối ngoại năm 2023", "Hà Nội, ngày 18 tháng 12 năm 2023",
                    LEAD, SECOND)
    assert page_date(article) == (dt.date(2023, 12, 18), "page dateline")
    # a timeline's items under the headline are no datelines
    article = clean("Bế mạc Hội nghị Ngoại giao lần thứ 32", "Dòng sự kiện",
                    "Khai mạc Hội nghị Ngoại giao - 19/12/2023",
                    "Thủ tướng dự phiên toàn thể - 20/12/2023", LEAD, SECOND)
    assert page_date(article) == (None, "")
    # ... a name beside a date labelled as the posting is one
    article = clean(HEADLINE, "Đăng ngày 17/12/2021 - Ban Truyền thông Khoa", LEAD, SECOND)
    assert page_date(article) == (dt.date(2021, 12, 17), "page dateline")
    # a caption's long row of names under the headline is no menu
    names = "  ".join(("Phó Thủ tướng Trần Lưu", "Bộ trưởng Bùi Thanh Sơn", "Thứ trưởng Đỗ Hùng",
                       "Thứ trưởng Hà Kim Ngọc", "Thứ trưởng Nguyễn Minh Vũ", "Đại sứ Đặng Giang",
                       "Đại sứ Nguyễn Văn An", "Đại sứ Lê Văn Bình"))
    article = clean(HEADLINE, "18/12/2023 10:30", names, "Các đại biểu chụp ảnh lưu niệm",
                    LEAD, SECOND)
    assert article.headline == HEADLINE


# --- shapes11: the seeds' scraper on other outlets -------------------------------------------

SAPO = ("Từ Hội nghị Ngoại giao lần thứ 32 nghĩ về hàng trăm nghìn lao động Việt đang làm việc "
        "xa quê")      # a sapo printed without its full stop, of headline length
COMMENT_HEADLINE = "Bảo hộ công dân: thước đo gần nhất của ngoại giao vì dân"


def test_a_sapo_without_its_full_stop_under_the_headline_is_the_articles_not_the_headline():
    article = clean("Góc nhìn", COMMENT_HEADLINE, "Lê Thục Anh", "26/12/2023 06:00", SAPO, LEAD,
                    SECOND)
    assert article.headline == COMMENT_HEADLINE
    assert article.paragraphs[:2] == (SAPO, LEAD)
    # printed right under the headline, with no furniture between (a page with no chrome)
    article = clean(COMMENT_HEADLINE, SAPO, LEAD, SECOND)
    assert article.headline == COMMENT_HEADLINE and article.paragraphs[0] == SAPO


def test_a_shorter_line_above_the_headline_is_not_taken_for_it():
    # a slogan, a section's name, a teaser under a related list, a longer line above: the
    # line right above the article stays the headline
    for above in (["Tiếng nói của người lao động"], ["Hội nghị Ngoại giao lần thứ 32"],
                  ["Đọc nhiều", "Giá vàng hôm nay tăng mạnh trong phiên giao dịch buổi sáng"]):
        article = clean(*above, HEADLINE + " với nhiều điểm mới đáng chú ý", LEAD, SECOND)
        assert article.headline == HEADLINE + " với nhiều điểm mới đáng chú ý", above
    # the lower line is no longer than the upper one: a headline under a teaser
    article = clean("Giá vàng hôm nay tăng mạnh trong phiên giao dịch buổi sáng thứ Hai",
                    "18/12/2023 08:00", HEADLINE, LEAD, SECOND)
    assert article.headline == HEADLINE


def test_a_bare_read_more_heads_a_list_of_other_stories():
    article = clean(HEADLINE, LEAD, SECOND, "Read more", "Diplomatic Conference closes in Hanoi",
                    "Vietnam's foreign affairs in 2023: a year of upgrades", "Jan 8, 2024")
    assert [line.reason for line in article.removed][:3] == [
        "related heading", "related news", "related news"]
    assert infer_metadata(article).published == dt.date(2023, 12, 19)    # the lead's day
    # a link to read on elsewhere is navigation
    article = clean(HEADLINE, LEAD, "Read more at the ministry's website", SECOND)
    assert [line.reason for line in article.removed] == ["navigation"]


def test_a_kicker_the_page_prints_joined_to_the_headline_is_the_headlines_first_line():
    kicker = "Đại sứ Việt Nam tại Estravia Lục Minh Khuê:"
    rest = "Hàng Việt phải đi bằng chất lượng"
    article = clean("08:45 | 18/12/2023", kicker, rest, LEAD, f"{kicker} {rest}", SECOND,
                    f"{kicker} {rest}")
    assert article.headline == f"{kicker} {rest}"
    assert article.paragraphs == (LEAD, SECOND)
    assert [line.reason for line in article.removed][-2:] == ["headline repeat"] * 2
    # printed nowhere joined: a kicker, not part of the title
    article = clean("08:45 | 18/12/2023", kicker, rest, LEAD, SECOND)
    assert article.headline == rest and article.kicker == kicker


def test_a_desks_team_is_a_byline():
    article = clean(HEADLINE, "Nhóm phóng viên Thời sự", "15/12/2021 07:40 GMT+7", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert [line.reason for line in article.removed] == ["byline", "dateline"]


LONG_HEADLINE = ("Khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội với sự tham dự của Tổng Bí "
                 "thư Nguyễn Phú Trọng")


@pytest.mark.parametrize("above", [
    ["Thời sự", "Hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"],     # a banner
    ["Báo Lâm Hà điện tử", "Tiếng nói của Đảng bộ, chính quyền và nhân dân tỉnh Lâm Hà",
     "Thứ Ba, 19/12/2023"],                                            # a slogan, the clock
    ["Trang chủ", "Thời sự", "Kinh tế", "Thế giới",
     "Giá vàng hôm nay tăng mạnh trong phiên giao dịch buổi sáng"],              # a teaser
    ["Thời sự", "Kinh tế", "Hà Nội tổ chức lại giao thông quanh hồ Hoàn Kiếm dịp cuối năm",
     "19/12/2023 10:00"],                       # a ticker's item, the headline's date above it
    ["E-magazine", "Tổng Bí thư Nguyễn Phú Trọng phát biểu chỉ đạo tại hội nghị"],  # a caption
])
def test_a_shorter_line_with_no_byline_under_it_above_the_headline_is_not_the_title(above):
    # a second review's near misses of the sapo rule: no author's byline between the two
    article = clean(*above, LONG_HEADLINE, LEAD, SECOND)
    assert article.headline == LONG_HEADLINE


def test_a_headline_set_on_two_lines_the_second_longer_is_one_title():
    article = clean("Chính trị", "Toàn văn tham luận của Chủ tịch UBND tỉnh Ngân Giang",
                    "về công tác ngoại giao kinh tế và thu hút đầu tư nước ngoài của tỉnh nhà",
                    LEAD, SECOND)
    assert article.headline == ("Toàn văn tham luận của Chủ tịch UBND tỉnh Ngân Giang về công "
                                "tác ngoại giao kinh tế và thu hút đầu tư nước ngoài của tỉnh nhà")


def test_a_teams_name_in_lower_case_is_no_byline():
    # an award's categories, a research team: body lines, not the author
    article = clean(HEADLINE, "19/12/2023 10:00", LEAD, "Các giải thưởng gồm:",
                    "Nhóm tác giả xuất sắc", "Nhóm phóng viên trẻ", "Cá nhân tiêu biểu", SECOND)
    assert "Nhóm phóng viên trẻ" in article.paragraphs
    assert infer_metadata(article).author is None
    article = clean(HEADLINE, "Nhóm PV Kinh tế - Xã hội", "19/12/2023 10:00", LEAD, SECOND)
    assert article.headline == HEADLINE
    assert infer_metadata(article).author == "Nhóm PV Kinh tế - Xã hội"


def test_a_kicker_joined_to_the_headline_only_outside_the_article_stays_a_kicker():
    kicker = "Hội nghị Đối ngoại toàn quốc:"
    rest = "Tổng Bí thư chủ trì hội nghị đối ngoại đầu tiên của Đảng"
    for page in (["Trang chủ", kicker, rest, "14/12/2021 12:05", LEAD, SECOND, "Minh Đức",
                  "Đọc nhiều", f"{kicker} {rest}", "Giá vàng hôm nay tăng mạnh trong phiên"],
                 [f"{kicker} {rest}", "Trang chủ", "Chính trị", kicker, rest,
                  "14/12/2021 12:05", LEAD, SECOND]):
        article = clean(*page)
        assert article.headline == rest and article.kicker == kicker


# --- shapes12: pages as tools save them --------------------------------------------------------

WRAPPED = textwrap.fill(
    "SVO - Sáng 19/12, tại Hà Nội, Bộ Ngoại giao khai mạc Hội nghị Ngoại giao lần thứ 32. Hội "
    "nghị diễn ra trong năm ngày, đến hết 23/12, với sự tham dự trực tiếp của gần 100 Trưởng "
    "cơ quan đại diện Việt Nam ở nước ngoài cùng đại diện lãnh đạo các bộ, ngành, địa phương. "
    "Phát biểu khai mạc, Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết hội nghị lần này được tổ "
    "chức vào thời điểm nửa chặng đường thực hiện nghị quyết, khi tình hình thế giới tiếp tục "
    "biến động nhanh và phức tạp, đòi hỏi ngành phải chủ động hơn nữa trong công tác tham mưu.",
    76, initial_indent="   ", subsequent_indent="   ")
MENU = "\n".join(f"     * [{i}]{item}" for i, item in enumerate(
    ["Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Thế giới", "Xã hội", "Văn hóa",
     "Giáo dục", "Thể thao", "Bạn đọc", "Video", "Podcast"], start=3))


def process(text: str, name: str):
    from helpers.pages import process_page
    return process_page(name, text.encode("utf-8"), cache=False)


def lynx_page(*middle: str) -> str:
    return "\n\n".join(["   [1]Sao Việt Online", "   Thứ Sáu, 05/01/2024", MENU,
                        "   [16]Chính trị > [17]Đối ngoại", *middle, WRAPPED,
                        WRAPPED.replace("SVO - Sáng 19/12", "Chiều cùng ngày"),
                        "   [18]Tin liên quan", "References",
                        "\n".join(f"  {i}. https://saoviet.vn/{i}/" for i in range(1, 19))])


def test_a_text_browsers_dump_reads_as_the_page():
    # lynx: a menu of short lines over paragraphs wrapped at 76 columns, links numbered
    # "[12]Text", their addresses listed at the end; a headline wrapped and centred
    text = lynx_page("   Hội nghị Ngoại giao lần thứ 32 khai mạc: Ngoại giao cần chủ động hơn "
                     "nữa trong kiến\n                 tạo môi trường hòa bình",
                     "   Thứ Ba, 19/12/2023 - 11:05")
    result = process(text, "t.txt")
    assert result.article.headline == ("Hội nghị Ngoại giao lần thứ 32 khai mạc: Ngoại giao cần "
                                       "chủ động hơn nữa trong kiến tạo môi trường hòa bình")
    assert result.article.paragraphs[0].startswith(
        "SVO - Sáng 19/12, tại Hà Nội, Bộ Ngoại giao khai mạc Hội nghị Ngoại giao lần thứ 32. Hội")
    assert not any("[" in p or "https://" in p for p in result.article.paragraphs)
    assert result.metadata.published == dt.date(2023, 12, 19)


def test_a_related_list_of_short_lines_is_no_wrapped_text():
    from helpers.text import unwrap_lines
    # (headlines open with a capital; the menu's short lines no longer count against wrapping)
    titles = "\n".join(["Thủ tướng dự phiên thảo luận về ngoại giao kinh tế và hội nhập quốc tế",
                        "Bế mạc hội nghị", "Họp báo giới thiệu Hội nghị Ngoại giao lần thứ 32",
                        "Tiếp xúc cử tri", "Đại sứ quán tổ chức gặp mặt cộng đồng người Việt"] * 4)
    assert unwrap_lines(titles) == titles


def test_a_table_drawn_in_box_characters_is_not_joined_into_the_text():
    from helpers.text import unwrap_lines
    table = "\n".join(["┌──┬────────────────────────────────────┬────────────────────┐",
                       "│1 │Khu công nghiệp Tân Lãng mở rộng    │Huyện Tân Lãng      │",
                       "├──┼────────────────────────────────────┼────────────────────┤",
                       "│2 │Nhà máy chế biến rau quả xuất khẩu  │Huyện Hòa Sơn       │",
                       "└──┴────────────────────────────────────┴────────────────────┘"])
    plain = textwrap.fill(" ".join([LEAD, SECOND, LEAD, SECOND]), 80)
    out = unwrap_lines(f"{plain}\n\n{table}\n\n{plain}")
    assert table in out and out.count(LEAD) == 4 and out.count(SECOND) == 4


def test_a_printed_pages_header_in_columns_does_not_stop_the_unwrapping():
    from helpers.text import unwrap_lines
    header = "1/15/19, 10:12 AM" + " " * 36 + "Economic diplomacy grows up | Viet Monitor"
    address = "https://vietmonitor.vn/politics/economic-diplomacy-grows-up-" + "x" * 60
    plain = textwrap.fill(" ".join([LEAD, SECOND, LEAD, SECOND, LEAD]), 80)
    page = "\n\n".join([header, plain, address + "   1/2", header, plain, address + "   2/2"])
    assert unwrap_lines(page).count(LEAD) == 6


def test_a_headline_split_by_a_line_break_in_its_heading_is_one_title():
    html = ("<html><head><title>Bế mạc Hội nghị Ngoại giao lần thứ 31: Cụ thể hóa ngay định "
            "hướng đối ngoại | Báo Mẫu</title></head><body><article><h1>Bế mạc Hội nghị Ngoại "
            "giao lần thứ 31:<br>Cụ thể hóa ngay định hướng đối ngoại</h1>"
            f"<p>{LEAD}</p><p>{SECOND}</p><p>{LEAD} {SECOND}</p></article></body></html>")
    result = process(html, "t.html")
    assert result.metadata.title == ("Bế mạc Hội nghị Ngoại giao lần thứ 31: Cụ thể hóa ngay "
                                     "định hướng đối ngoại")
    assert result.metadata.kind == "closing report"


def test_an_image_named_by_its_file_in_brackets_is_furniture():
    article = clean(HEADLINE, LEAD, "[hoi-nghi-doi-ngoai-diem-cau.jpg]", SECOND)
    assert [line.reason for line in article.removed] == ["image file"]


def test_a_pandoc_page_wrapped_at_72_columns_with_long_links_reads_in_paragraphs():
    # its source lines holding a link's address run past 100 characters: no paragraph a line
    link = ("[báo cáo tổng kết](https://ngoctuyen.gov.vn/tin-tuc-su-kien/bai-viet-binh-luan/"
            "bao-cao-tong-ket-cong-tac-doi-ngoai-nam-2021-cua-tinh-ngoc-tuyen-ban-day-du)")
    paragraphs = [LEAD, SECOND] + [f"{SECOND} Xem {link} của tỉnh." for _ in range(4)]
    body = "\n\n".join(textwrap.fill(p, 72, break_long_words=False,
                                        break_on_hyphens=False) for p in paragraphs)
    assert sum(len(line) > 100 for line in body.split("\n")) == 4
    result = process(f"# {HEADLINE}\n\n{body}\n", "t.md")
    assert result.article.headline == HEADLINE
    assert result.article.paragraphs[:2] == (LEAD, SECOND)


def test_an_english_headline_opens_a_conference_not_a_door():
    body = ("The ambassador said Vietnamese firms in green technology would find new partners in "
            "the region next year, as the two economies deepen their trade ties and investment.")
    for headline, kind in (
            ("32nd Diplomatic Conference opens in Hanoi as envoys gather", "opening report"),
            ("Staff follow the opening of the 32nd Diplomatic Conference", "opening report"),
            ("Ambassador: Norhelm's green transition opens doors for Vietnamese firms", "news")):
        assert infer_metadata(clean(headline, body, body)).kind == kind, headline


def test_a_list_of_lower_case_items_ending_in_semicolons_is_not_joined():
    # (a second review's near misses of the shapes12 rules)
    from helpers.text import unwrap_lines
    items = ["tiếp tục triển khai hiệu quả công tác ngoại giao kinh tế phục vụ phát triển kinh tế;",
             "đẩy mạnh công tác bảo hộ công dân, hỗ trợ cộng đồng người Việt Nam ở nước ngoài;",
             "nâng cao chất lượng công tác nghiên cứu, tham mưu chiến lược về đối ngoại;",
             "xây dựng đội ngũ cán bộ ngoại giao chuyên nghiệp, hiện đại, vững vàng bản lĩnh."]
    page = "\n".join(["Bộ Ngoại giao triển khai nhiệm vụ năm 2024", "Thứ Hai, 15/01/2024 10:30",
                      "Hội nghị thống nhất các nhiệm vụ trọng tâm trong năm tới như sau:", *items,
                      "Minh Anh", "Tin liên quan", "Hội nghị Ngoại giao lần thứ 32"])
    assert unwrap_lines(page) == page


def test_a_section_name_under_the_headline_is_not_its_last_words():
    article = clean("Trang chủ", "Thời sự", "Bộ Ngoại giao triển khai nhiệm vụ công tác năm 2024",
                    "thời sự", "Thứ Hai, 15/01/2024 10:30", LEAD, SECOND)
    assert article.headline == "Bộ Ngoại giao triển khai nhiệm vụ công tác năm 2024"


def test_an_articles_own_numbered_sources_are_not_a_text_browsers_links():
    sources = [f"[{i}]Nguyễn Văn {chr(64 + i)}, Ngoại giao Việt Nam, NXB Chính trị quốc gia, 2002."
               for i in range(1, 6)]
    addresses = [f"{i}. https://baoquocte.vn/bai-{i}.html" for i in range(1, 4)]
    article = clean(HEADLINE, "Thứ Hai, 15/01/2024 10:30", LEAD, SECOND, "Tài liệu tham khảo",
                    *sources, "Bài viết tổng hợp từ các nguồn:", *addresses, "References")
    assert all(line in article.paragraphs for line in sources + addresses)


def test_a_poems_two_lines_that_make_the_title_stay_lines_of_the_poem():
    title = "Ngày xuân con én đưa thoi, Thiều quang chín chục đã ngoài sáu mươi"
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{LEAD}</p><p>Ngày xuân con én đưa thoi,<br>Thiều quang chín chục đã ngoài sáu "
            "mươi<br>Cỏ non xanh tận chân trời,<br>Cành lê trắng điểm một vài bông hoa.</p>"
            f"<p>{SECOND}</p><p>{SECOND} {LEAD}</p></article></body></html>")
    result = process(html, "t.html")
    assert result.metadata.title == title
    assert "Ngày xuân con én đưa thoi," in result.article.paragraphs


def test_an_emagazines_headline_on_its_cover_printed_again_between_its_sections_is_the_title():
    cover = ("Sau Hội nghị Ngoại giao lần thứ 31: Khi tiên phong trở thành yêu cầu của từng ngày "
             "làm việc")
    article = clean("E-MAGAZINE", cover, "Bài: Tô Hoài Nam", "25/12/2021", "Quay lại E-magazine",
                    "Tạp chí Bang Giao", LEAD, cover, SECOND, "Tiên phong không chỉ là khẩu hiệu",
                    cover, LEAD + " " + SECOND)
    assert article.headline == cover
    # a page's name printed over its post and its replies to comments is shorter than the
    # post's headline (as on a social network's page)
    name = "Cổng Thông tin Đối ngoại tỉnh Phú Lâm"
    post = HEADLINE + " bên lề hội nghị ngoại giao"
    article = clean("Menu", "Thông báo", name, name, "20 tháng 12, 2023 lúc 18:42", post, LEAD,
                    SECOND, "Bình luận", "Nguyễn An", "Hay quá", name, "Cảm ơn bạn", name,
                    "Cảm ơn trang")
    assert article.headline == post


def test_a_printed_pages_form_feed_ends_a_line():
    # pdftotext puts a form feed between printed pages, glued to the next page's header
    article = clean(HEADLINE, LEAD, "https://baomau.vn/a.html 1/2\x0c12/16/21, 9:47 PM", SECOND)
    assert "\x0c" not in "".join(article.line_texts)
    assert "12/16/21, 9:47 PM" in article.line_texts


def test_a_centred_headlines_last_words_over_the_authors_name_join_it():
    article = clean("Trang chủ", "Hội nghị Ngoại giao lần thứ 32 khai mạc: Ngoại giao cần chủ "
                    "động hơn nữa trong kiến", "tạo môi trường", "Nguyễn Minh Anh",
                    "Thứ Ba, 19/12/2023 - 11:05", LEAD, SECOND)
    assert article.headline.endswith("trong kiến tạo môi trường")
    assert article.paragraphs[0] == LEAD


LONG = ("Tổng Bí thư Nguyễn Phú Trọng: Đối ngoại phải phát huy sức mạnh tổng hợp của ba trụ cột, "
        "giữ vững môi trường hòa bình và huy động nguồn lực cho phát triển đất nước")


def test_a_headline_of_35_syllables_laid_out_as_one_is_the_title():
    article = clean("Chính trị", "Hội nghị Đối ngoại toàn quốc:", LONG, "14/12/2021 - 17:35",
                    LEAD, SECOND)
    assert article.headline == LONG and article.paragraphs[0] == LEAD
    # near misses: with no dateline or byline under it, a long line is the lead (a review's
    # caption or sapo of 35 words over a lead that opens with its day is no headline either); a
    # line holding a breadcrumb (a page saved on one line, its tools and crumbs glued to the
    # headline) or ending a sentence is no headline
    assert clean("Chính trị", LONG, LEAD, SECOND).headline is None
    crumbs = "Cỡ chữ: A- A A+ Trang chủ > Tin tức > Tin hoạt động " + LONG[:120]
    assert clean(crumbs, "14/12/2021 - 17:35", LEAD, SECOND).headline is None
    assert clean(LONG + ".", "14/12/2021 - 17:35", LEAD, SECOND).headline is None
    # ... nor is a long lead, caption or quote without its full stop and with a credit or a date
    # under it, where no kicker stands above it and the page prints it once (a review's)
    sapo = ("Năm 2023, dù nhiều khó khăn, tỉnh Bình Phước vẫn duy trì tốc độ tăng trưởng khá, "
            "thu hút đầu tư tăng mạnh và đời sống của người dân tiếp tục được cải thiện rõ rệt")
    for under in ("Thứ Hai, 12/02/2024 - 08:15", "Bài, ảnh: Đinh Thu Hà", "PV Quang Huy"):
        assert clean("Thời sự", "Kinh tế", sapo, under, LEAD, SECOND).headline is None, under
    # printed again in a list of the most read, it is the headline without a kicker
    article = clean("Chính trị", LONG, "14/12/2021 - 17:35", LEAD, SECOND, "Đọc nhiều", LONG)
    assert article.headline == LONG


def test_an_h1_of_35_syllables_is_the_title_though_its_og_title_is_cut_short():
    # the <h1> holds the whole headline, og:title its first part (cut for sharing), and the
    # lead stands right under the <h1> with no dateline or byline between
    cut = LONG.split(",")[0]
    html = (f'<html><head><title>{LONG} | Báo Mẫu</title>'
            f'<meta property="og:title" content="{cut}"></head><body><article>'
            f"<h1>{LONG}</h1><p>{LEAD}</p><p>{SECOND}</p><p>{SECOND} {LEAD}</p>"
            "</article></body></html>")
    result = process(html, "t.html")
    assert result.metadata.title == LONG
    assert result.article.headline == LONG and LONG not in result.article.paragraphs
    assert result.article.paragraphs[0] == LEAD
    # near misses: the same long line as text with no markup marking it stays the lead, and an
    # <h1> that goes on with the site's name, not the sentence, is not the title
    assert clean(LONG, LEAD, SECOND).headline is None
    assert helpers.clean_article("\n".join([LONG, LEAD, SECOND]), LONG).headline == LONG
    from helpers.html import plain_title
    assert plain_title(HEADLINE, None, [HEADLINE + " Báo Mẫu"]) == HEADLINE
    assert plain_title(HEADLINE, None, [HEADLINE + " - Báo Mẫu"]) == HEADLINE
    assert plain_title(HEADLINE, None, [HEADLINE + " ấn tượng"]) == HEADLINE + " ấn tượng"
    assert plain_title("Hội nghị", None, ["Hội nghị bế mạc"]) == "Hội nghị"


SAPO = ("Tìm đối tác cho nông sản, gọi vốn cho một cảng biển nước sâu và đưa du khách từ những "
        "nước xa về vùng cao là những đề nghị cụ thể mà ba tỉnh miền Trung gửi tới các Trưởng cơ "
        "quan đại diện tại phiên thảo luận chiều 21/12 bên lề Hội nghị Ngoại giao lần thứ 32")


def test_a_sapo_of_more_than_40_words_printed_without_its_full_stop_is_the_lead():
    assert len(SAPO.split()) > 40
    article = clean("Thời sự", HEADLINE, "21/12/2023 19:30 GMT+7", SAPO, LEAD, SECOND)
    assert lead_paragraph(article) == SAPO
    # near misses: a shorter line without its full stop (a headline of up to 40 words the
    # cleaning did not take, a deck), one that ends in a comma, and a long line further down
    # are not the lead
    short = " ".join(SAPO.split()[:38])
    assert lead_paragraph(clean("Thời sự", short, LEAD, SECOND)) == LEAD
    assert lead_paragraph(clean(HEADLINE, SAPO + ",", LEAD, SECOND)) == LEAD
    assert lead_paragraph(clean(HEADLINE, "Ba tỉnh gửi đơn đặt hàng tới các Đại sứ bên lề hội "
                                "nghị năm nay", SAPO, LEAD)) == LEAD


def test_a_sapo_the_markup_names_is_kept_under_the_headline_without_its_full_stop():
    def page(sapo_html: str) -> str:
        return (f"<html><head><title>{HEADLINE}</title></head><body><main><h1>{HEADLINE}</h1>"
                f'<div class="detail-meta"><span>20/12/2023 13:25</span></div>{sapo_html}'
                f'<div class="detail-content"><p>{LEAD}</p><p>{SECOND}</p><p>{SECOND} {LEAD}'
                "</p></div></main></body></html>")
    result = process(page(f'<div class="detail-sapo"><b>(Mẫu)</b> - {SAPO}</div>'), "t.html")
    assert result.article.paragraphs[0] == f"(Mẫu) - {SAPO}"
    assert lead_paragraph(result.article) == f"(Mẫu) - {SAPO}"
    assert SAPO in process(page(f'<p class="description">{SAPO}</p>'), "t.html").article.paragraphs
    # near misses: the same block in a caption's or a related box's markup, or not named the
    # sapo, is not put back
    for markup in (f'<div class="related-sapo">{SAPO}</div>',
                   f'<figure><figcaption class="sapo">{SAPO}</figcaption></figure>',
                   f'<div class="meta">{SAPO}</div>'):
        assert SAPO not in process(page(markup), "t.html").article.paragraphs, markup


@pytest.mark.parametrize("headline, kind", [
    ("Party chief urges diplomatic sector to build modern diplomacy as 32nd Diplomatic "
     "Conference opens", "speech"),
    ("PM urges diplomats to turn partnerships into projects", "speech"),
    ("Prime Minister Pham Minh Chinh calls for bolder economic diplomacy", "speech"),
    # near misses: a minister's or an ambassador's words (a minister's to the envoys or the
    # conference: the next test), a leader who is not the subject, and an opening with no
    # leader speaking stay with the other rules
    ("Foreign minister urges missions to support businesses at 32nd Diplomatic Conference",
     "news"),
    ("Ambassador calls for closer trade ties as 32nd Diplomatic Conference opens",
     "opening report"),
    ("32nd Diplomatic Conference opens as the Prime Minister urges more exports",
     "opening report"),
])
def test_an_english_headline_of_a_top_leader_urging_reports_a_speech(headline, kind):
    from helpers.metadata import infer_kind
    lead = ("Hanoi (VW) - The 32nd Diplomatic Conference was held in Hanoi on Tuesday with "
            "heads of Vietnam's missions abroad and leaders of ministries and provinces.")
    assert infer_kind(clean(headline, "19/12/2023 08:00", lead, SECOND))[0] == kind


@pytest.mark.parametrize("headline", [
    "Bộ trưởng Bùi Thanh Sơn đề nghị ngành ngoại giao cụ thể hóa ngay định hướng đối ngoại mới",
    "Foreign Minister tells envoys to turn policy guidelines into measurable results",
    # reviews' cases of the rules once tried for these (4 Dec 2026, taken out): an interview
    # headlined with a reported clause, a reception, a directive, another country
    "Thứ trưởng mong đội ngũ cán bộ ngoại giao trẻ dám nghĩ, dám làm",
    "Foreign Minister asks foreign ambassadors to back Vietnam's bid",
    "Thủ tướng yêu cầu Trưởng cơ quan đại diện tại Trung Đông bảo đảm an toàn cho công dân",
    "EU tells diplomats to leave the capital within a week",
])
def test_a_headline_of_someone_asking_the_sector_is_no_sign_of_a_speech(headline):
    # reception, directive, interview and speech all headline so: the lead and body decide
    from helpers.metadata import infer_kind
    lead = ("Trong khuôn khổ chương trình làm việc, các đại biểu đã trao đổi về nhiều vấn đề lớn "
            "của công tác đối ngoại trong thời gian tới.")
    assert infer_kind(clean(headline, "19/12/2023 08:00", lead, SECOND))[0] == "news"


@pytest.mark.parametrize("line, reason", [
    ("Xem thêm: Thủ tướng tiếp các Trưởng cơ quan đại diện Việt Nam ở nước ngoài", "related link"),
    (">> Đọc thêm: Toàn cảnh 5 ngày làm việc của Hội nghị Ngoại giao lần thứ 32", "related link"),
    ("TIN LIÊN QUAN: Bế mạc Hội nghị Ngoại giao lần thứ 31", "related link"),
    ("See also: How Vietnam's diplomats court investors abroad", "related link"),
    # near misses: a sentence after the label, a bare label (a related heading over a list,
    # which the long paragraph under it closes), a label with no colon
    ("Xem thêm: Bộ trưởng cho biết các cơ quan đại diện sẽ tiếp tục hỗ trợ doanh nghiệp.", ""),
    ("Xem thêm:", "related heading"),
    ("Tin liên quan đến hội nghị được Bộ Ngoại giao cập nhật trên cổng thông tin", ""),
    # a site's own appeals and links under the article
    ("Get Tonkin Review in your inbox every Friday.", "newsletter"),
    ("Subscribe", "newsletter"),
    ("By signing up you agree to our Terms of Use and Privacy Policy.", "newsletter"),
    ("Nhận bản tin Mậu Dịch mỗi sáng", "newsletter"),
    ("Become a member", "newsletter"),
    ("Terms of Use", "newsletter"),
    ("Comments are closed for this article.", "comment box"),
    ("Thích · Trả lời", "comment box"),
    # near misses: sentences about subscribing or signing up stay
    ("Hơn 200 doanh nghiệp đã đăng ký tham gia buổi làm việc với các Đại sứ tại hội nghị.", ""),
    ("The ministry said 40 provinces had signed up for the sessions with ambassadors.", ""),
])
def test_a_related_link_or_the_sites_own_appeal_in_the_article_is_furniture(line, reason):
    article = clean(HEADLINE, "19/12/2023 08:30", LEAD, line, SECOND, LEAD.replace("Sáng", "Chiều"))
    assert [x.reason for x in article.lines if x.text == line] == [reason]
    assert SECOND in article.paragraphs


def test_a_dateline_row_with_its_update_time_after_it_is_put_back_under_the_headline():
    def page(row: str) -> str:
        return (f"<html><head><title>{HEADLINE}</title></head><body><main><h1>{HEADLINE}</h1>"
                f'<div class="meta">{row}</div><div class="content"><p>{SECOND}</p>'
                f"<p>{SECOND} {SECOND}</p><p>{SECOND}</p></div></main></body></html>")
    row = ('<span>Bảo Ngọc</span> - <span>04/01/2024 07:00</span> <span>(Cập nhật: 05/01/2024 '
           '10:30)</span>')
    assert process(page(row), "t.html").metadata.published == dt.date(2024, 1, 4)
    # near miss: the update's time alone does not date the article
    only = "<span>(Cập nhật: 05/01/2024 10:30)</span>"
    assert process(page(only), "t.html").metadata.published != dt.date(2024, 1, 5)


@pytest.mark.parametrize("above, date", [
    # a portal's label and time over its title span; a section's name and the date in two
    # spans with no space between; an English edition's date row over its <h1>
    ('<div class="date">Ngày đăng: 24/08/2016 10:15 SA</div>', dt.date(2016, 8, 24)),
    ('<div class="top"><span>Đối thoại</span><span>Thứ Năm, 16/12/2021 | 09:20</span></div>',
     dt.date(2021, 12, 16)),
    ('<div class="header-detail"><span class="date">Monday, December 20, 2021, 7:00 (GMT+7)'
     "</span></div>", dt.date(2021, 12, 20)),
    # near misses: a clock "today" with its time, a date with no time (a date bar), the last
    # of a list of dated items, a list item
    ('<div class="clock">Hôm nay, Thứ Năm, 16/12/2021 09:20</div>', None),
    ('<div class="bar">Thứ Năm, 16/12/2021</div>', None),
    ('<div class="box"><div>Tin mới</div><div><a href="/a">Bộ trưởng tiếp Đại sứ nước bạn</a>'
     '</div><div class="t">15/12/2021 10:05</div><div><a href="/b">Tỉnh đón đoàn doanh nghiệp'
     '</a></div><div class="t">16/12/2021 08:00</div></div>', None),
    ('<ul><li>Thứ Năm, 16/12/2021 | 09:20</li></ul>', None),
    # ... another story's headline glued to its date, or over its time; an update's time
    # alone; a weather widget glued to the clock
    ('<div class="t"><div><a href="/a">Bộ trưởng tiếp Đại sứ nước bạn tại Hà Nội</a><span>Thứ Tư, '
     '12/12/2021 10:05</span></div></div>', None),
    ('<div><a href="/a">Bộ trưởng tiếp Đại sứ nước bạn tại trụ sở Bộ</a></div>'
     '<div class="t">12/12/2021 10:05</div>', None),
    ('<div class="u">Cập nhật: 18/12/2021 10:00</div>', None),
    ('<div class="w">Hà Nội 18°C Thứ Năm, 16/12/2021 09:20</div>', None),
    # ... but a page clock without a time further up does not hide the article's row
    ('<div class="clock">Thứ Năm, 16/12/2021</div><div>Thời sự</div><div>Đối ngoại</div>'
     '<div class="date">Ngày đăng: 15/12/2021 10:15</div>', dt.date(2021, 12, 15)),
])
def test_the_articles_date_and_time_right_above_its_headline_date_it(above, date):
    # HTML extraction drops the row above the headline; with no date in the markup, the
    # row is put back under the headline and read as the page's dateline
    page = (f"<html><head><title>{HEADLINE}</title></head><body><main>{above}"
            f'<h1>{HEADLINE}</h1><div class="content"><p>{SECOND}</p>'
            f"<p>{SECOND} {SECOND}</p><p>{SECOND}</p></div></main></body></html>")
    assert process(page, "t.html").metadata.published == date


def test_a_portlets_short_heading_over_the_title_the_page_title_names_is_not_the_title():
    # a portal with no <h1>: extraction takes the portlet's <h2> ("Tin hoạt động"); the
    # <title> names the headline printed in a div between it and the article
    def page(portlet: str, headline: str) -> str:
        return (f"<html><head><title>{headline} - Cổng Thông tin điện tử tỉnh Mẫu</title></head>"
                f'<body><div class="portlet"><h2 class="portlet-title">{portlet}</h2>'
                f'<div class="title-news">{headline}</div>'
                '<div class="date">Ngày đăng: 14/12/2021 | 17:05</div>'
                f'<div class="content"><p>{SECOND}</p><p>{SECOND} {SECOND}</p><p>{SECOND}</p>'
                "</div></div></body></html>")
    assert process(page("Tin hoạt động", HEADLINE), "t.html").metadata.title == HEADLINE
    # near miss: a short headline of its own in the <h2>, which the <title> names, stays the
    # title over a longer line under it
    short = "Tết xa quê"
    text = page(short, HEADLINE).replace(f"<title>{HEADLINE} -", f"<title>{short} -")
    assert process(text, "t.html").metadata.title == short


@pytest.mark.parametrize("player", [
    ("00:00", "03:12", "Tự động phát"),
    ("00:00", "02:47"),
    ("Autoplay", "0:00"),
])
def test_a_video_players_times_and_controls_under_the_dateline_are_no_menu(player):
    # a TV site's page: headline, dateline, then what its player printed, then the lead; the
    # player's lines were read as a menu, which the headline is never looked for above
    article = clean("Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Thời sự", HEADLINE,
                    "28/12/2023 21:10", *player, LEAD, SECOND)
    assert article.headline == HEADLINE
    assert all(article.line_reasons[article.line_texts.index(p)] == "media player"
               for p in player)
    # near misses: a live blog's times, each over its entry, and a programme's times in the
    # text, which start no player, stay in the body
    blog = clean(HEADLINE, "28/12/2023 21:10", LEAD, "11:40", SECOND, "11:25", SECOND)
    assert [x for x in blog.paragraphs if x in ("11:40", "11:25")] == ["11:40", "11:25"]
    plan = clean(HEADLINE, "28/12/2023 21:10", LEAD, "08:00", "09:30", SECOND)
    assert [x for x in plan.paragraphs if x in ("08:00", "09:30")] == ["08:00", "09:30"]


@pytest.mark.parametrize("credit, author", [
    ("Interview by Đoàn Bích Ngọc", "Đoàn Bích Ngọc"),
    ("Text and photos by Lê An", "Lê An"),
    ("Reporting by Minh Anh and Thu Hà", "Minh Anh and Thu Hà"),
])
def test_an_english_credit_with_its_role_under_the_headline_is_a_byline(credit, author):
    # under a headline quoting its speaker: the credit was taken for the headline, the
    # headline above it for the page's header
    headline = "Ambassador Lã Thu Hằng: “Casmera wants partners, not just suppliers”"
    lead = ("As heads of Vietnam's overseas missions gathered in Hanoi this week for the 32nd "
            "Diplomatic Conference, we sat down with the ambassador to talk about exports.")
    article = clean("IN CONVERSATION", headline, credit, "Thu, 21 Dec 2023 · 09:30", lead,
                    SECOND)
    assert article.headline == headline
    assert page_author(article) == author
    # near misses: lower-case words after "by" are no name
    for line in ("Story by the river", "Written by hand in 1945"):
        assert line not in [x.text for x in article.with_reason("byline")]
        other = clean(headline, line, lead, SECOND)
        assert "byline" not in [r for r, t in zip(other.line_reasons, other.line_texts,
                                                   strict=True) if t == line]


def test_a_clock_over_the_sites_menu_on_a_page_without_a_headline_is_not_its_date():
    # an aggregator's page whose headline was lost: its clock (the time the page was saved)
    # stands over the menu, and was taken for the article's date
    lead = ("Hội nghị Ngoại giao lần thứ 32 đã bế mạc tại Hà Nội sau năm ngày làm việc với "
            "nhiều định hướng mới cho ngành ngoại giao.")
    menu = ("Thời sự", "Thế giới", "Kinh doanh", "Thể thao")
    article = clean("Tin Mười Phương", "Chủ Nhật, 24/12/2023 | 00:41", *menu, lead, SECOND)
    assert infer_metadata(article).published is None
    # near misses: a date under the menu, right over the article, is its date; and on a page
    # whose headline is found, a date over the menu is not taken for a clock
    article = clean("Tin Mười Phương", *menu, "Chủ Nhật, 24/12/2023 | 00:41", lead, SECOND)
    assert infer_metadata(article).published == dt.date(2023, 12, 24)
    article = clean("Thứ Năm, 16/12/2021, 09:20 (GMT+7)", "Chính trị", "Đối ngoại", "Quốc phòng",
                    HEADLINE, lead, SECOND)
    assert infer_metadata(article).published == dt.date(2021, 12, 16)


@pytest.mark.parametrize("lead, kind", [
    ("GXO - Hội nghị Ngoại giao lần thứ 31 khai mạc ngày 15/12 tại Hà Nội, mở đầu bốn ngày làm "
     "việc của ngành ngoại giao.", "opening report"),
    ("Hội nghị Ngoại giao lần thứ 32 khai mạc sáng 19/12 tại Hà Nội với sự tham dự của lãnh đạo "
     "Đảng, Nhà nước.", "opening report"),
    ("Hội nghị Ngoại giao lần thứ 32 khai mạc ngày 19/12/2023 tại Hà Nội.", "opening report"),
    # ... "chính thức khai mạc", an organiser or host opening it, its closing the same ways
    ("(VLO) - Ngày 19/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32 chính thức khai mạc.",
     "opening report"),
    ("(BTN) - Ngày 15/12, Bộ Ngoại giao khai mạc Hội nghị Ngoại giao lần thứ 31 tại Hà Nội.",
     "opening report"),
    ("Ngày 19/12, Tổng Bí thư đã chủ trì phiên khai mạc Hội nghị ngoại giao lần thứ 32.",
     "opening report"),
    ("Hội nghị Ngoại giao lần thứ 31 bế mạc chiều 18/12 tại Hà Nội.", "closing report"),
    ("Hà Nội, 18/12 (TTXVN) - Chiều 18/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 31 bế mạc "
     "sau bốn ngày làm việc.", "closing report"),
    ("Hội nghị Ngoại giao lần thứ 31 dự kiến bế mạc sau bốn ngày làm việc.", "news"),
    # ... and opened the same way: "khai mạc tại", not planned nor beside it
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội với sự tham dự của các "
     "Trưởng cơ quan đại diện.", "opening report"),
    ("Hội nghị Ngoại giao lần thứ 32 sẽ khai mạc tại Hà Nội vào sáng 19/12.", "news"),
    ("Bên lề Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội, Bộ trưởng tiếp các doanh "
     "nghiệp.", "news"),
    # near misses: an opening speech (a speech: the speech lead rules), a leader's directing
    # speech at the opening session, an aside after a comma, a commentary's "đã khép lại"
    ("Phát biểu khai mạc Hội nghị Ngoại giao lần thứ 31 ngày 15/12, Bộ trưởng đề nghị toàn ngành "
     "cụ thể hóa định hướng mới.", "speech"),
    ("Ngày 15/12, tại Hà Nội, Thủ tướng Chính phủ dự và phát biểu chỉ đạo phiên khai mạc Hội nghị "
     "Ngoại giao lần thứ 31.", "speech"),
    ("Phát biểu chỉ đạo Hội nghị, Tổng Bí thư nhấn mạnh yêu cầu phát huy sức mạnh tổng hợp của cả "
     "hệ thống chính trị.", "speech"),
    # ("..., khi phát biểu chỉ đạo Hội nghị ..." is no sign: follow-ups recall speeches so, "Thứ
    # trưởng cho biết, khi phát biểu chỉ đạo Hội nghị ..., Tổng Bí thư đã giao ...": a rule
    # tried for it on 4 Dec 2026 was taken out after reviews)
    ("Thứ trưởng cho biết, khi phát biểu chỉ đạo Hội nghị Ngoại giao lần thứ 32, Tổng Bí thư đã "
     "giao cho ngành ba nhiệm vụ lớn.", "news"),
    ("Hội nghị Ngoại giao lần thứ 32, bế mạc ngày 23/12/2023, diễn ra vào thời điểm đặc biệt.",
     "news"),
    ("Năm ngày làm việc của Hội nghị Ngoại giao lần thứ 32 đã khép lại với một thông điệp không "
     "mới.", "news"),
    # near misses: previews
    ("Hội nghị Ngoại giao lần thứ 32 sẽ khai mạc ngày 19/12 tại Hà Nội, Bộ Ngoại giao cho biết "
     "tại buổi họp báo.", "news"),
    ("Theo kế hoạch, hội nghị dự kiến khai mạc ngày 19/12 và kéo dài năm ngày.", "news"),
    ("Bộ trưởng tiếp các đại sứ trước khi khai mạc ngày 19/12 phiên toàn thể của hội nghị.",
     "news"),
])
def test_a_lead_saying_the_conference_opened_or_closed_is_its_report(lead, kind):
    from helpers.metadata import infer_kind

    article = clean("Bốn ngày bàn việc cho cả nhiệm kỳ của ngành ngoại giao", "15/12/2021 15:50",
                    lead, SECOND)
    assert infer_kind(article)[0] == kind


ENGLISH_LEAD = ("Heads of Vietnam's missions abroad and senior officials spent the week in Hanoi "
                "reviewing two years of work and setting tasks for the next two.")


@pytest.mark.parametrize("headline, lead, kind", [
    ("Diplomatic conference wraps up with orders for embassies: follow up", ENGLISH_LEAD,
     "closing report"),
    ("32nd Diplomatic Conference concludes in Hanoi", ENGLISH_LEAD, "closing report"),
    ("Envoys head back to their posts", "The 32nd Diplomatic Conference came to a close in "
     "Hanoi on Saturday after five days of plenary and thematic sessions.", "closing report"),
    # near misses: a finding, and another thing wrapped up
    ("Report concludes embassies need more consular staff", ENGLISH_LEAD, "news"),
    ("Vietnam wraps up talks on a new trade deal with Ossaria", ENGLISH_LEAD, "news"),
])
def test_an_english_conference_that_wraps_up_or_concludes_is_its_closing_report(headline, lead,
                                                                                  kind):
    from helpers.metadata import infer_kind

    article = clean(headline, "23/12/2023 18:30", lead, SECOND)
    assert infer_kind(article)[0] == kind


def test_share_buttons_one_a_line_a_credit_with_its_task_and_a_us_time_zone():
    # an overseas weekly: the credit "Phóng viên X tổng hợp" was taken for the headline, the
    # buttons under it ("Tweet", "Print") for the lead, and the related list's earliest date
    # for the article's; its dateline is in US Eastern time (EST: the 19th in Vietnam)
    lead = ("HÀ NỘI (ĐN) – Ngày Thứ Bảy, 18 tháng 12 (giờ Việt Nam), Hội nghị Ngoại giao lần thứ "
            "31 đã bế mạc sau bốn ngày làm việc với chương trình hành động cho năm 2022.")
    article = clean("Trang Nhà", "Cộng Đồng", "Việt Nam", "Thế Giới", HEADLINE,
                    "December 18, 2021 | 9:30 PM EST", "Phóng viên Đò Ngang tổng hợp", "Share",
                    "Tweet", "Email", "Print", lead, SECOND, "Tin liên quan",
                    "Hội nghị Đối ngoại toàn quốc lần đầu tiên được tổ chức", "December 11, 2021")
    assert article.headline == HEADLINE
    assert article.paragraphs[0] == lead
    metadata = infer_metadata(article)
    assert (metadata.published, metadata.author) == (dt.date(2021, 12, 19), "Đò Ngang")
    # near misses: a button's word alone in the text stays ("In" is a word), and so does a
    # zone's letters that are not one ("CST": America's or China's)
    alone = clean(HEADLINE, "19/12/2023 08:30", LEAD, "In", SECOND)
    assert "In" in alone.paragraphs
    assert helpers.dates.vietnam_day("December 18, 2021 | 9:30 PM CST",
                                     dt.date(2021, 12, 18)) == dt.date(2021, 12, 18)


def test_a_column_of_share_buttons_under_the_byline_is_no_menu_that_hides_the_headline():
    # "Chia sẻ:" / "f" / "Zalo" / "Link" one a line under the dateline and the author: the
    # author, "f" and "Link" were read as a menu, the headline above it as the page's header
    article = clean("Thời sự", "Thế giới", "Kinh doanh", "Địa phương", HEADLINE,
                    "16:05 (GMT+7) 17-12-2021", "Lục Thanh Bình", "Chia sẻ:", "f", "Zalo", "Link",
                    LEAD, SECOND)
    assert article.headline == HEADLINE
    assert page_author(article) == "Lục Thanh Bình"
    assert article.paragraphs[0] == LEAD
    # near miss: "Lưu" (a name) or "Link" alone in the text, with no button beside it, stays
    text = clean(HEADLINE, "17-12-2021 16:05", LEAD, "Lưu", SECOND, "Link", SECOND)
    assert [p for p in text.paragraphs if p in ("Lưu", "Link")] == ["Lưu", "Link"]


def test_a_players_title_under_the_dateline_is_not_the_headline():
    # a TV site's interview: "Video: ..." over the player's time, under the dateline, was
    # taken for the headline, and the headline above the dateline for the page's header
    article = clean("Thời sự", "Kinh tế", "Nông nghiệp", HEADLINE, "19/12/2023 21:30",
                    "Video: Phỏng vấn Đại sứ Việt Nam tại Tavessa", "00:00 / 06:42", LEAD, SECOND)
    assert article.headline == HEADLINE
    # near miss: a video page's headline "Video: ..." over its dateline stays the headline
    video = "Video: Toàn cảnh phiên khai mạc Hội nghị Ngoại giao lần thứ 32"
    article = clean("Thời sự", "Kinh tế", "Nông nghiệp", video, "19/12/2023 21:30",
                    "00:00 / 06:42", LEAD, SECOND)
    assert article.headline == video


@pytest.mark.parametrize("line", ["Thích 12", "Like 3,4K", "Chia sẻ 5"])
def test_a_button_with_its_count_under_the_dateline_is_not_the_lead(line):
    article = clean(HEADLINE, "15/12/2021 | 11:48", line, "Chia sẻ", LEAD, SECOND)
    assert article.paragraphs[0] == LEAD
    # near miss: a sentence that starts with the word stays
    text = clean(HEADLINE, "15/12/2021 | 11:48", LEAD, "Thích 12 loại trái cây nhiệt đới.",
                 SECOND)
    assert "Thích 12 loại trái cây nhiệt đới." in text.paragraphs


def test_a_short_h1_stays_the_title_beside_a_longer_page_title_printed_as_the_sapo():
    # the portlet rule is for pages with no <h1>: here the <h1> is the headline
    title = "Người lao động đón Tết xa quê"
    page = (f"<html><head><title>{title} - Báo Mẫu</title></head><body><main><h1>Tết xa quê</h1>"
            f'<div class="sapo">{title}</div><div class="content"><p>{SECOND}</p>'
            f"<p>{SECOND} {SECOND}</p><p>{SECOND}</p></div></main></body></html>")
    assert process(page, "t.html").metadata.title == "Tết xa quê"


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGALRM"), reason="needs SIGALRM")
def test_a_date_followed_by_a_long_run_of_spaces_is_read_at_once():
    # the lunar-calendar check after a date tried every share of the spaces: quadratic
    import signal

    def too_long(*_):
        raise TimeoutError("reading one date took more than 5 s")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(5)
    try:
        found = helpers.dates.earliest_full_date("Cập nhật: 16/12/2021" + " " * 30000 + "x")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert found == dt.date(2021, 12, 16)


# --- shapes20: the ordinary page of many outlets, and one story on many sites -------------

EN_HEADLINE = "Party chief asks diplomats to read the world early and advise without delay"
EN_LEAD = ("HANOI (VNA) - The General Secretary on Tuesday called on the diplomatic service to "
           "strengthen its research and forecasting, as the 32nd Diplomatic Conference opened.")
EN_SECOND = ("The conference brought together the heads of Vietnam's representative offices "
             "overseas and senior officials of the Ministry of Foreign Affairs for five days.")


@pytest.mark.parametrize("caption", [
    "The General Secretary speaks at the opening session in Hanoi on Tuesday. VNA/The Harbour "
    "Line Photo",
    "Heads of missions attend the closing session in Hanoi. — RRT Photo Minh Quan",
    "Delegates at the opening session. — VNA/VNS Photo Trí Dũng",
])
def test_an_english_caption_ends_with_its_agency_and_photo_credit(caption):
    # under the headline, above the lead, it is neither the headline nor the lead
    article = clean("Politics / Diplomacy", EN_HEADLINE, "Tuesday, December 19, 2023 - 17:52",
                    caption, EN_LEAD, EN_SECOND)
    assert article.headline == EN_HEADLINE
    assert lead_paragraph(article) == EN_LEAD
    assert {line.text: line.reason for line in article.removed}[caption] == "photo caption"


def test_a_sentence_ending_in_a_photo_is_no_caption():
    # near miss: the last sentence ends in "photo", in lower case, of no agency
    line = ("The minister then asked the heads of missions to stay for the traditional group "
            "photo. They posed for a group photo.")
    article = clean(EN_HEADLINE, "Tuesday, December 19, 2023 - 17:52", EN_LEAD, line, EN_SECOND)
    assert line in article.paragraphs


@pytest.mark.parametrize("link", ["Read this story in Vietnamese", "Đọc bài này bằng tiếng Anh",
                                  "Xem bản tiếng Việt", "» Read in English"])
def test_a_link_to_the_page_in_another_language_is_furniture_under_the_headline(link):
    article = clean("National > Politics", EN_HEADLINE, "By Lantern Post reporters",
                    "Tuesday, 14 December 2021, 21:10 (GMT+7)", link, EN_LEAD, EN_SECOND)
    assert article.headline == EN_HEADLINE
    reasons = {line.text: line.reason for line in article.removed}
    assert reasons[link] == "navigation"
    assert reasons["By Lantern Post reporters"] == "byline"


def test_a_bilingual_texts_headings_are_not_links():
    article = clean(HEADLINE, "19/12/2023 08:00", LEAD, "Bản tiếng Anh", EN_LEAD, SECOND)
    assert "Bản tiếng Anh" in article.paragraphs


@pytest.mark.parametrize("byline", ["By Lantern Post reporters", "By Our Correspondent",
                                    "By a staff reporter"])
def test_a_byline_of_the_papers_reporters(byline):
    article = clean(EN_HEADLINE, byline, "Tuesday, December 19, 2023 - 17:52", EN_LEAD,
                    EN_SECOND)
    assert {line.text: line.reason for line in article.removed}[byline] == "byline"
    assert article.headline == EN_HEADLINE


def test_a_print_editions_jumps_and_footer_are_furniture():
    article = clean(
        "NGUỒN SÁNG - BÁO IN", "Số 354 (10.412) - Thứ Tư, ngày 20 tháng 12 năm 2023",
        "Chọn số báo:  Số 353 - 19/12/2023  |  Số 354 - 20/12/2023", "Xem bản PDF trang 1",
        "Trang 1 - Thời sự", HEADLINE, "NGỌC HÂN", LEAD, "(Xem tiếp trang 3)",
        "Trang 3 - Thời sự", "(Tiếp theo trang 1)", SECOND, "Hội nghị sẽ kết thúc vào thứ Bảy.",
        "Bài liên quan trên số báo này", "Trang 2: Ngoại giao kinh tế năm 2023 qua những con số",
        "Tải bản PDF số 354", "Giấy phép xuất bản báo in số 205/GP-BTTTT. Tổng Biên tập: Hoàng Lục",
        "Trụ sở: 62 phố Lý Nam Đế Mới, Hà Nội. Phát hành: 024.3 726 5519")
    assert article.paragraphs == (LEAD, SECOND, "Hội nghị sẽ kết thúc vào thứ Bảy.")
    reasons = {line.text: line.reason for line in article.removed}
    assert reasons["Bài liên quan trên số báo này"] == "related heading"
    assert reasons["(Tiếp theo trang 1)"] == reasons["Tải bản PDF số 354"] == "navigation"
    assert reasons["Trụ sở: 62 phố Lý Nam Đế Mới, Hà Nội. Phát hành: 024.3 726 5519"] == "contact"
    assert reasons["Giấy phép xuất bản báo in số 205/GP-BTTTT. Tổng Biên tập: Hoàng Lục"] \
        == "copyright"


@pytest.mark.parametrize("line", [
    # a paper's issue with its date is no dateline: the same line lists back issues in a
    # sidebar or a picker, and shows the current issue in a banner over any article
    "Số 354 (10.412) - Thứ Tư, ngày 20 tháng 12 năm 2023", "Số 353 - 19/12/2023",
])
def test_an_issue_line_is_no_dateline(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("line", [
    "Tòa soạn: Theo quy định hiện hành, công dân có thể đăng ký trực tuyến tại cổng dịch vụ công.",
    "Trang 2: Những con số ấn tượng của năm đối ngoại",
    # a third review's
    "Tòa soạn: 15 ngày làm việc là thời hạn giải quyết hồ sơ theo quy định hiện hành.",
    "Trụ sở: Số 4-10 Tenjin, Chuo-ku, Fukuoka",
    "Tài liệu đính kèm theo Kế hoạch gồm bảng phân công nhiệm vụ cho các sở",
    "Bản in số 1 của Tuyên ngôn Độc lập được đặt ở vị trí trung tâm",
    "Vietnam – ASEAN Photo Contest",
])
def test_lines_like_the_footer_or_a_page_head_in_the_article_stay(line):
    assert line in clean(HEADLINE, "19/12/2023 08:00", LEAD, line, SECOND).paragraphs


@pytest.mark.parametrize("headline", [
    "Vietnam-Japan Diplomatic Relations Photo Exhibition Opens In Hanoi",
    "U.S. Embassy Photo Exhibition Opens In Hanoi",      # a third review's: no sentence ends
])
def test_a_title_case_headline_with_photo_in_it_is_no_caption(headline):
    article = clean("Culture", headline, "Tuesday, December 19, 2023 - 17:52", EN_LEAD,
                    EN_SECOND)
    assert article.headline == headline


def test_an_aggregators_links_under_the_article_do_not_end_its_body():
    article = clean(HEADLINE, "19/12/2023 11:20", LEAD, SECOND,
                    "Hội nghị dự kiến bế mạc ngày 23/12.", "Theo Ngàn Khơi",
                    "Xem bài gốc tại: https://ngankhoi.example.vn/thoi-su/khai-mac-hoi-nghi-ngoai-"
                    "giao-lan-thu-32-79213.html", "Báo cáo vi phạm bản quyền", "Chia sẻ",
                    "Facebook", "Tin cùng nguồn",
                    "Cận cảnh công trình cầu vượt sông Đáy trước ngày thông xe",
                    "Ngàn Khơi · 45 phút trước")
    assert article.paragraphs[-1] == "Hội nghị dự kiến bế mạc ngày 23/12."


def test_a_portals_posting_row_under_the_headline_is_its_dateline():
    row = "Ngày đăng: 15/12/2021 | Người đăng: Phòng Hành chính - Tổng hợp | Lượt xem: 187"
    article = clean("Trang chủ / Tin tức", HEADLINE, row, "(Nguồn: TTXVN)", LEAD, SECOND,
                    "Tệp đính kèm: không có", "In trang | Gửi email | Quay lại")
    assert infer_metadata(article).published == dt.date(2021, 12, 15)
    assert article.paragraphs == (LEAD, SECOND)
    # near misses: a row with words that are no labelled cell, and the same row in the body
    other = "Ngày đăng: 15/12/2021 | Phòng Hành chính đã gửi thông báo tới các khoa | Lượt xem: 187"
    assert other in clean(HEADLINE, other, LEAD, SECOND).paragraphs
    assert row in clean(HEADLINE, LEAD, row, SECOND).paragraphs


# --- shapes21: what kind of piece it is ---------------------------------------------------

def test_a_print_issues_note_under_the_byline_is_no_headline():
    article = clean("Trade / Markets", EN_HEADLINE, "By Triệu Hải Yến",
                    "December 22, 2023 | 07:15 (GMT+7)", "In print: Issue 51, December 25-31, 2023",
                    EN_LEAD, EN_SECOND)
    assert article.headline == EN_HEADLINE
    assert {line.text: line.reason for line in article.removed}[
        "In print: Issue 51, December 25-31, 2023"] == "navigation"


@pytest.mark.parametrize("note", [
    "Bài viết thể hiện quan điểm riêng của tác giả.",
    "The views expressed here are the author's own and do not represent those of the institute.",
])
def test_the_desks_notes_on_the_authors_views_end_the_article(note):
    third = "Hội nghị sẽ làm việc đến hết ngày 23/12 với nhiều phiên thảo luận chuyên đề."
    article = clean(HEADLINE, "21/12/2023 08:00", LEAD, SECOND, third, note, "About the author",
                    "Đoàn Quế Chi is a Senior Fellow in the Vietnam Programme at the institute, "
                    "where she writes on economic diplomacy and the foreign ministries of the "
                    "region.", "Related posts", "Five questions about Vietnam's new markets")
    assert article.paragraphs == (LEAD, SECOND, third)
    assert {line.text: line.reason for line in article.removed}[note] == "desk note"


@pytest.mark.parametrize("note", ["(This interview has been edited for length and clarity.)",
                                  "(Các tiêu đề nhỏ do Ban Biên tập đặt)"])
def test_a_note_on_the_editing_is_removed_but_ends_nothing(note):
    # printed above the questions as often as under them
    second = ("Năm tới, cơ quan đại diện sẽ tổ chức hai cuộc gặp nhỏ với các nhà nhập khẩu thay "
              "cho một hội chợ lớn.")
    article = clean(HEADLINE, "21/12/2023 08:00", LEAD, SECOND, note, QUESTION, ANSWER,
                    QUESTION.replace("năm nay", "năm tới"), second)
    assert article.paragraphs == (LEAD, SECOND, QUESTION, ANSWER,
                                  QUESTION.replace("năm nay", "năm tới"), second)
    assert {line.text: line.reason for line in article.removed}[note] == "editing note"


def test_a_list_of_acronyms_after_dashes_stays():
    items = ("- ASEAN", "- APEC", "- WTO", "- CPTPP")
    article = clean(HEADLINE, "21/12/2023 08:00", LEAD, "Việt Nam là thành viên của:", *items,
                    SECOND)
    assert all(item in article.paragraphs for item in items)


@pytest.mark.parametrize("line", ["Bài đăng phổ biến", "Popular Posts",
                                  "Chủ đề Đơn giản. Được tạo bởi Blogger.",
                                  "Our Standards: The Pacific Relay Trust Principles."])
def test_a_blogs_boxes_and_a_wires_pointer_to_its_principles_are_furniture(line):
    assert helpers.clean_article(line).removed[0].reason == "navigation"


@pytest.mark.parametrize(("lines", "kind"), [
    ((KIND_LEAD, "PV: Thưa Đại sứ, ở sở tại điều đó được thể hiện cụ thể như thế nào?", SECOND,
      "PV: Doanh nghiệp Việt Nam thường gặp khó khăn gì khi vào thị trường này?", SECOND),
     "interview"),
    # near misses: "Q:", "Hỏi:", "Phóng viên:" are a briefing's, an FAQ's or an advice column's
    # too, "Q." a district's abbreviation
    ((EN_SECOND, "Q: Who can apply for the new electronic visa this year?", EN_SECOND,
      "Q: How long does the embassy take to answer an application?", EN_SECOND), "news"),
    ((KIND_LEAD,
      "Phóng viên: Xin Người phát ngôn cho biết phản ứng của Việt Nam về thông tin trên?", SECOND,
      "Phóng viên: Việt Nam có phản ứng thế nào trước việc này?", SECOND), "news"),
    ((KIND_LEAD, "Q. Ba Đình: phố Hùng Vương, phố Điện Biên Phủ cấm xe từ 7 giờ đến 12 giờ.",
      "Q. Nam Từ Liêm: đường Phạm Hùng cấm xe từ 7 giờ đến 12 giờ.", SECOND), "news"),
    # near misses: a reader's one question to an advice column
    ((KIND_LEAD, "Hỏi: Con trai tôi làm việc ở nước ngoài, cần liên hệ cơ quan nào khi gặp khó "
      "khăn?", "Trả lời: " + SECOND), "news"),
])
def test_questions_under_the_reporters_label_make_an_interview(lines, kind):
    from helpers.metadata import infer_kind
    article = clean("Ngoại giao kinh tế ở một thị trường xa", "21/12/2023 08:00", *lines)
    assert infer_kind(article)[0] == kind


@pytest.mark.parametrize(("headline", "lead", "kind"), [
    ("Khai mạc triển lãm ảnh “Những nhiệm sở xa” bên lề Hội nghị Ngoại giao lần thứ 31",
     "Sáng 16/12, bên lề Hội nghị Ngoại giao lần thứ 31, triển lãm ảnh “Những nhiệm sở xa” đã "
     "khai mạc tại sảnh chính nơi diễn ra Hội nghị.", "news"),
    ("Những bức ảnh từ các nhiệm sở xa",
     "Sáng 16/12, bên lề Hội nghị Ngoại giao lần thứ 31, triển lãm ảnh “Những nhiệm sở xa” đã "
     "khai mạc tại sảnh chính nơi diễn ra Hội nghị.", "news"),
    # near misses: the conference opens, with an exhibition beside it
    ("Khai mạc Hội nghị Ngoại giao lần thứ 31",
     "Sáng 15/12, Hội nghị Ngoại giao lần thứ 31 đã khai mạc tại Hà Nội; bên lề hội nghị có "
     "triển lãm ảnh về các nhiệm sở.", "opening report"),
    ("Những bức ảnh từ các nhiệm sở xa",
     "Hội nghị Ngoại giao lần thứ 31 đã khai mạc tại Hà Nội. Bên lề hội nghị có triển lãm ảnh về "
     "các nhiệm sở.", "opening report"),
])
def test_the_opening_of_an_exhibition_beside_the_conference_is_news(headline, lead, kind):
    from helpers.metadata import infer_kind
    assert infer_kind(clean(headline, "16/12/2021 10:00", lead, SECOND))[0] == kind


def _event_with_tags(headline: str, dateline: str, first: str, second: str,
                     tags: str) -> str | None:
    """The event read from a page of two paragraphs, SECOND and a tags line."""
    return infer_metadata(clean(headline, dateline, first, second, SECOND, tags)).event


def test_a_conference_named_once_in_the_body_is_no_event_whatever_the_tags_say():
    # a review's case: a site tags every name it prints (4 Dec 2026, a rule that read the tags
    # was taken out)
    review = ("Năm 2023, tỉnh đã đón 12 đoàn khách quốc tế và ký 5 thỏa thuận hợp tác với các "
              "địa phương nước ngoài.")
    passing = ("Trong năm tới, tỉnh tiếp tục quán triệt tinh thần của Hội nghị Ngoại giao lần "
               "thứ 32 vừa diễn ra.")
    tags = "Từ khóa: Quảng Ninh, đối ngoại, Hội nghị Ngoại giao lần thứ 32"
    assert _event_with_tags("Tỉnh tổng kết công tác đối ngoại năm 2023", "28/12/2023 16:40",
                            review, passing, tags) is None


def _kind_of_lead(lead: str) -> str | None:
    """The kind read from a page of a neutral headline, a dateline, ``lead`` and SECOND."""
    from helpers.metadata import infer_kind
    headline = "Bốn ngày bàn việc cho cả nhiệm kỳ của ngành ngoại giao"
    return infer_kind(clean(headline, "19/12/2023 10:00", lead, SECOND))[0]


@pytest.mark.parametrize(("lead", "kind"), [
    # a second review's near misses: the conference opens in a festive air, a week, beside an
    # exhibition opened the same day
    ("Sáng 19/12, trong không khí ngày hội lớn của toàn ngành, Hội nghị Ngoại giao lần thứ 32 "
     "đã chính thức khai mạc tại Hà Nội.", "opening report"),
    ("Diễn ra trong tuần lễ cuối cùng của năm, Hội nghị Ngoại giao lần thứ 32 đã khai mạc sáng "
     "nay tại Hà Nội.", "opening report"),
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 đã khai mạc tại Hà Nội. Cùng ngày, triển lãm ảnh "
     "về các nhiệm sở cũng đã khai mạc.", "opening report"),
    # ... a speech recalled, not reported
    ("Thực hiện chỉ đạo của Thủ tướng khi phát biểu tại Hội nghị Ngoại giao lần thứ 31, UBND tỉnh "
     "vừa ban hành chương trình hành động.", "news"),
    ("Các đại biểu bàn cách triển khai những định hướng mà Tổng Bí thư nêu ra khi phát biểu chỉ "
     "đạo Hội nghị.", "news"),
    # ... the session in the first sentence, the leader's speech at it in the next
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Trung tâm Hội nghị Quốc gia. Tổng "
     "Bí thư dự và phát biểu chỉ đạo phiên khai mạc Hội nghị Ngoại giao lần thứ 32.",
     "opening report"),
])
def test_leads_of_openings_and_recalled_speeches_keep_their_kind(lead, kind):
    assert _kind_of_lead(lead) == kind


def test_the_tags_never_decide_between_conferences():
    # the 31st Diplomatic Conference in the lead, the national conference of the day before
    # once in the body and twice in the tags: the lead's
    lead = ("Sáng 16/12, ngày làm việc thứ hai của Hội nghị Ngoại giao lần thứ 31 dành cho các "
            "phiên thảo luận chuyên đề về ngoại giao kinh tế.")
    body = ("Các đại biểu nhắc lại tinh thần Hội nghị Đối ngoại toàn quốc diễn ra hôm trước, với "
            "yêu cầu phối hợp chặt chẽ giữa ba trụ cột.")
    tags = "Từ khóa: Hội nghị Đối ngoại toàn quốc, HỘI NGHỊ ĐỐI NGOẠI TOÀN QUỐC, ngoại giao"
    assert _event_with_tags("Ngày làm việc thứ hai của ngành ngoại giao", "16/12/2021 18:00",
                            lead, body, tags) == "DC31"


# --- a third review of the session's rules (4 Dec 2026) -----------------------------------

@pytest.mark.parametrize(("lead", "kind"), [
    ("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 đã khai mạc tại Hà Nội, Tổng Bí thư dự và phát "
     "biểu chỉ đạo phiên khai mạc.", "opening report"),
    ("Thực hiện chỉ đạo của Thủ tướng khi phát biểu tại phiên khai mạc của Hội nghị Ngoại giao "
     "lần thứ 31, tỉnh sẽ thành lập tổ công tác về ngoại giao kinh tế.", "news"),
    ("Sáng nay (19/12), ngày hội lớn của ngành Ngoại giao – Hội nghị Ngoại giao lần thứ 32 – đã "
     "chính thức khai mạc tại Hà Nội.", "opening report"),
    ("Tiếp tục chuỗi các bài phỏng vấn Trưởng cơ quan đại diện nhân dịp Hội nghị Ngoại giao lần "
     "thứ 32, Báo Mẫu giới thiệu ý kiến của Đại sứ Lê Nam.", "interview"),
    # readers' questions, words reported without quotation marks, a title's "Tôi"
    ("Tôi đang sinh sống tại Đức và hộ chiếu sắp hết hạn. Thủ tục gia hạn hộ chiếu tại Đại sứ "
     "quán như thế nào?", "news"),
    ("I am a Vietnamese student in Germany and my passport expires soon. How do I renew it at "
     "the embassy?", "news"),
    ("”Tôi tin rằng toàn ngành sẽ hoàn thành nhiệm vụ”, Đại sứ Lê Nam nói tại buổi gặp.", "news"),
    ("Tôi tin rằng ngành sẽ làm tốt, Đại sứ Lê Nam bộc bạch trong buổi gặp với cộng đồng.",
     "news"),
    ("Tối 19/12, chương trình nghệ thuật Tôi yêu Việt Nam đã diễn ra tại Nhà hát Lớn Hà Nội.",
     "news"),
    ("I have never seen so many envoys in one hall, Ambassador Le Nam admits.", "news"),
    # the narrator still: a passive "remembered" is no verb of saying
    ("I have sat through more conferences than I can count, and most of them I have forgotten. "
     "I suspect the one held in Hanoi on December 14, Vietnam's first National Foreign Affairs "
     "Conference, will be remembered for a long time.", "article"),
])
def test_a_third_reviews_leads_keep_their_kind(lead, kind):
    assert _kind_of_lead(lead) == kind


def test_a_summits_week_is_no_side_event_nor_a_press_briefing_an_interview():
    from helpers.metadata import infer_kind
    lead = "Sáng 6/11, Tuần lễ Cấp cao APEC 2017 đã chính thức khai mạc tại Đà Nẵng."
    assert infer_kind(clean("Khai mạc Tuần lễ Cấp cao APEC 2017 tại Đà Nẵng", "06/11/2017 09:00",
                            lead, SECOND))[0] == "opening report"
    briefing = clean("Họp báo thường kỳ của Bộ Ngoại giao", "21/12/2023 16:00", LEAD,
                     "PV: Đề nghị Người phát ngôn cho biết phản ứng của Việt Nam về thông tin "
                     "trên?",
                     SECOND, "PV: Đề nghị Người phát ngôn cho biết thêm về chuyến thăm sắp tới?",
                     SECOND)
    assert infer_kind(briefing)[0] != "interview"




# --- a fourth review of the session's rules (4 Dec 2026) ----------------------------------

@pytest.mark.parametrize(("lead", "kind"), [
    # plans, a recalled speech
    ("Thủ tướng Phạm Minh Chính sẽ phát biểu tại phiên khai mạc Hội nghị Ngoại giao lần thứ 32 "
     "vào sáng 19/12.", "news"),
    ("Theo kế hoạch, Tổng Bí thư sẽ dự và phát biểu tại phiên khai mạc Hội nghị Ngoại giao lần "
     "thứ 32.", "news"),
    ("Bí thư Tỉnh ủy nhắc lại, khi phát biểu tại Hội nghị Ngoại giao lần thứ 32, Thủ tướng đã "
     "yêu cầu các địa phương chủ động hơn.", "news"),
    # titles with "tôi", the conference as a festival, an interview page counting its interviews
    ("Các nghệ sĩ biểu diễn ca khúc Việt Nam quê hương tôi tại buổi gặp mặt cộng đồng người Việt.",
     "news"),
    ("Ban tổ chức trao giải cuộc thi ảnh Việt Nam trong mắt tôi cho 12 tác giả kiều bào.", "news"),
    ("Sáng 19/12, tại Hà Nội, ngày hội lớn của ngành Ngoại giao đã chính thức khai mạc với sự "
     "tham dự của lãnh đạo Đảng, Nhà nước.", "opening report"),
    ("Báo Mẫu trân trọng giới thiệu hai bài phỏng vấn Đại sứ Lê Nam và Tổng Lãnh sự Trần Hòa "
     "nhân dịp Hội nghị.", "interview"),
    # readers' requests, words reported without quotation marks
    ("Tôi là lao động tại Nhật Bản, hộ chiếu của tôi bị mất. Đề nghị cơ quan chức năng hướng dẫn "
     "thủ tục cấp lại.", "news"),
    ("I am a Vietnamese worker in Japan and lost my passport. Please advise on the renewal "
     "procedure.", "news"),
    ("Tôi đã gắn bó với châu Phi gần 20 năm, Đại sứ Lê Nam tiết lộ với phóng viên.", "news"),
    ("I arrived in Dakar without a word of French, Ambassador Le Nam recounted.", "news"),
])
def test_a_fourth_reviews_leads_keep_their_kind(lead, kind):
    assert _kind_of_lead(lead) == kind


def test_a_briefing_under_pv_labels_and_a_quoted_view_keep_their_reading():
    from helpers.metadata import infer_kind
    assert infer_kind(clean("Khai mạc ngày hội lớn của ngành Ngoại giao", "19/12/2023 10:00",
                            LEAD, SECOND))[0] == "opening report"
    briefing = clean("Họp báo thường kỳ của Bộ Ngoại giao", "21/12/2023 16:00", LEAD,
                     "PV: Xin Người phát ngôn cho biết phản ứng của Việt Nam về thông tin trên?",
                     SECOND, "PV: Xin Người phát ngôn cho biết thêm về chuyến thăm sắp tới?",
                     SECOND)
    assert infer_kind(briefing)[0] != "interview"
    view = ("Bài viết là quan điểm riêng của tác giả, không phản ánh đúng chính sách của Việt "
            "Nam.")
    assert view in clean(HEADLINE, "21/12/2023 16:00", LEAD, view, SECOND).paragraphs


# --- a fifth review: 60 ordinary pages, kind right 42 before the session, 52 after ---------

def test_a_briefings_pv_questions_and_a_military_regions_numeral_keep_their_kind():
    from helpers.metadata import infer_kind
    lead = ("Chiều 21/12, Bộ Ngoại giao tổ chức họp báo thường kỳ, trả lời các câu hỏi của phóng "
            "viên trong và ngoài nước.")
    briefing = clean("Họp báo thường kỳ của Bộ Ngoại giao tháng 12", "21/12/2023 16:00", lead,
                     "PV: Việt Nam có bình luận gì về thông tin trên các phương tiện truyền thông?",
                     SECOND, "PV: Bà có thể cho biết thêm về chuyến thăm sắp tới?", SECOND)
    assert infer_kind(briefing)[0] == "news"
    assert _kind_of_lead("Đại diện Quân khu I tham gia phiên chuyên đề về công tác đối ngoại "
                         "quốc phòng tại Hà Nội.") == "news"


# --- shapes of real outlets' pages as text extractors save them (4 Dec, night) ------------
# Each rule below was missing on pages of that shape; the pages here are written for the test.

def test_a_caption_printed_as_a_tables_cell_is_no_headline():
    caption = ("Hội nghị Ngoại giao lần thứ 32 và Hội nghị Ngoại vụ lần thứ 21 diễn ra tại Hà "
               "Nội. (Ảnh: Lâm Vũ) |")
    art = clean(caption, LEAD, SECOND)
    assert art.headline is None and art.with_reason("photo caption")[0].text == caption
    assert art.paragraphs == (LEAD, SECOND)


def test_an_english_line_credited_to_its_source_stays():
    # a caption "(Source: VNA)" and a paragraph or list item citing its figures so look alike
    # (a rule that took the first was taken out after a review)
    for line in ("Deputy Prime Minister and Foreign Minister speaks at the closing ceremony of "
                 "the conference (Source: VNA)", "- Total trade: 683 billion USD (Source: GSO)"):
        assert line in clean(HEADLINE, "19/12/2023 10:00", LEAD, line, SECOND).paragraphs

def test_a_blogs_date_row_with_its_sections_dates_the_page_and_a_site_clock_does_not():
    art = clean("Tổng Bí thư: Xây dựng nền ngoại giao mang bản sắc cây tre Việt Nam",
                "17 Tháng Mười Hai, 2021 | Tin tức, Tin vắn trong nước", KIND_LEAD, SECOND)
    assert art.with_reason("dateline") and infer_metadata(art).published == dt.date(2021, 12, 17)
    clock = clean("Thứ Hai, 20/12/2021 | Hà Nội 17°C", HEADLINE, KIND_LEAD, SECOND)
    assert not clock.with_reason("dateline")
    assert infer_metadata(clock).published == dt.date(2023, 12, 19)     # the lead's, not 20/12/2021


@pytest.mark.parametrize("line", ["Mời quý độc giả theo dõi Báo Mẫu Sơn trên",
                                  "img", "Ảnh 2", "hinh anh 3", "tin nhap 20180813142312",
                                  "Khai mạc Hội nghị Ngoại giao lần thứ 32 tại Hà Nội - ảnh 1"])
def test_a_follow_prompt_and_an_images_alt_text_are_not_the_article(line):
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, line, SECOND)
    assert art.paragraphs == (LEAD, SECOND), art.lines


def test_an_images_number_glued_between_headline_and_caption_parts_them():
    page = ("31st Diplomatic Conference marks a milestone for the sector: Deputy FM hinh anh "
            "1Prime Minister addresses the 31st National Diplomatic Conference (Photo: VNA)\n"
            "Hanoi (VNA) – The 31st National Diplomatic Conference had a special meaning in both "
            "content and context, according to the Deputy Foreign Minister.\n" + SECOND)
    art = helpers.clean_article(page)
    assert art.headline == ("31st Diplomatic Conference marks a milestone for the sector: "
                            "Deputy FM")
    assert art.paragraphs[0].startswith("Hanoi (VNA)") and len(art.paragraphs) == 2
    assert infer_metadata(art).event == "DC31"


def test_the_headline_without_its_marks_is_an_images_alt_text():
    alt = "khai mac hoi nghi ngoai giao lan thu 32 tai ha noi"
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, "Tin liên quan",
                f"{alt} Bộ trưởng Bùi Thanh Sơn gặp gỡ các trưởng cơ quan đại diện",
                f"{alt} Những định hướng lớn của công tác đối ngoại trong thời gian tới năm nay",
                SECOND, alt, "Toàn cảnh phiên khai mạc. (Ảnh: Minh Anh)", SECOND + " Hết.",
                alt.title(), SECOND + " Hết hẳn.")
    assert art.paragraphs == (LEAD, SECOND, SECOND + " Hết.", SECOND + " Hết hẳn."), art.lines
    # An English headline has no marks to lose: a paragraph may open with its words.
    head = "Diplomatic conference opens in Hanoi"
    lead = f"{head} on Tuesday with the heads of Vietnamese missions abroad in attendance."
    assert clean(head, "19/12/2023 10:00", lead, SECOND).paragraphs[0] == lead


@pytest.mark.parametrize("lead, kind", [
    ("The 29th Diplomatic Conference concluded in Hanoi on August 26 after five days of "
     "sitting.", "closing report"),
    ("The conference concluded that the sector must put development at the centre of its "
     "work in the years ahead.", "news"),
])
def test_an_english_lead_saying_the_conference_concluded_is_a_closing_report(lead, kind):
    assert _kind_of_lead(lead) == kind


def test_a_lead_date_after_a_clause_and_under_a_summary_dates_the_report():
    lead = ("Sau 5 ngày họp tại Hà Nội, chiều 17/8, Hội nghị Ngoại giao lần thứ 30 chính thức "
            "khép lại với nhiều giải pháp cho ngoại giao đa phương.")
    art = clean("Bế mạc Hội nghị Ngoại giao lần thứ 30", lead, SECOND)
    meta = infer_metadata(art)
    assert (meta.published, meta.date_precision) == (dt.date(2018, 8, 17), "approximate")
    summary = ("(VOV5) - Hội nghị đưa ra nhiều giải pháp nhằm thúc đẩy hoạt động ngoại giao trên "
               "các trụ cột chính trị, kinh tế và văn hóa.")
    meta = infer_metadata(clean("Bế mạc Hội nghị Ngoại giao lần thứ 30", summary, lead, SECOND))
    assert meta.published == dt.date(2018, 8, 17)
    # a summary that names a day (not as a report's opening) says which day it reports: the
    # next paragraph's date is not read
    dated = summary.replace("văn hóa.", "văn hóa, triển khai từ ngày 20/8.")
    meta = infer_metadata(clean("Bế mạc Hội nghị Ngoại giao lần thứ 30", dated, lead, SECOND))
    assert meta.published is None


def test_a_caption_credited_to_a_site_is_removed():
    caption = "Toàn cảnh hội nghị tại Hội trường Diên Hồng. Ảnh: baomau.vn"
    assert clean(HEADLINE, "19/12/2023 10:00", LEAD, caption, SECOND).paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("text, code", [
    ("The 32nd National Diplomatic Conference wraps up after five working days", "DC32"),
    ("Hội nghị trực tuyến đối ngoại toàn quốc triển khai Nghị quyết Đại hội XIII", "NFAC"),
    ("right after the first National Conference on Foreign Affairs", "NFAC"),
    ("the 21st National Conference on Foreign Affairs of the provinces", None),
])
def test_the_names_real_pages_give_the_conferences(text, code):
    from helpers.dates import conference_mentions
    assert [c for _, _, c in conference_mentions(text)] == ([code] if code else [])


@pytest.mark.parametrize("line", ["Bạn phải đăng nhập để bình luận.",
                                  "You must be logged in to post a comment."])
def test_a_blogs_prompt_to_log_in_is_its_comment_box(line):
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, SECOND, line)
    assert art.paragraphs == (LEAD, SECOND) and art.with_reason("comment box")


def test_a_caption_whose_credit_ends_with_a_full_stop_is_removed():
    caption = "Tổng Bí thư phát biểu chỉ đạo Hội nghị Ngoại giao lần thứ 29. Ảnh: VGP."
    assert clean(HEADLINE, "19/12/2023 10:00", LEAD, caption, SECOND).paragraphs == (LEAD, SECOND)


def test_a_lead_that_dates_today_in_brackets_dates_the_report():
    lead = ("Hội nghị Ngoại giao lần thứ 30 với chủ đề về ngoại giao phục vụ phát triển khai mạc "
            "tại Trung tâm Hội nghị Quốc tế, Hà Nội vào sáng nay (13/8).")
    meta = infer_metadata(clean("Khai mạc Hội nghị Ngoại giao toàn quốc lần thứ 30", lead, SECOND))
    assert (meta.published, meta.date_precision) == (dt.date(2018, 8, 13), "approximate")


def test_an_english_lead_dates_the_report_by_the_day_it_names():
    lead = ("The 28th Diplomatic Conference was wrapped up in Hanoi on December 20 after five "
            "days of reviewing the sector's performance.")
    meta = infer_metadata(clean("Diplomatic conference concludes in Hanoi", lead, SECOND))
    assert (meta.published, meta.date_precision) == (dt.date(2013, 12, 20), "approximate")
    later = ("The 28th Diplomatic Conference reviewed the sector's performance. It closes on "
             "December 20 after five days.")
    assert infer_metadata(clean("Diplomatic conference in Hanoi", later, SECOND)).published is None


@pytest.mark.parametrize("text, code", [
    ("Thirty first Diplomatic Conference opens in Ha Noi", "DC31"),
    ("the Thirtieth Diplomatic Conference reviewed the sector's work", "DC30"),
])
def test_an_english_headline_may_spell_the_conferences_number(text, code):
    from helpers.dates import conference_mentions
    assert [c for _, _, c in conference_mentions(text)] == [code]


def test_under_a_summary_naming_no_conference_the_reports_first_paragraph_names_it():
    summary = ("(Báo Mẫu Sơn) - Nước ta đã xây dựng nên một trường phái đối ngoại rất đặc sắc và "
               "độc đáo, mang đậm bản sắc cây tre Việt Nam, gốc vững, thân chắc, cành uyển chuyển.")
    first = ("Sáng 14/12, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị trực tuyến đối ngoại toàn "
             "quốc triển khai thực hiện Nghị quyết Đại hội XIII của Đảng.")
    meta = infer_metadata(clean("Tổng Bí thư: Phát triển nền ngoại giao cây tre", summary, first,
                                SECOND))
    assert (meta.event, meta.published) == ("NFAC", dt.date(2021, 12, 14))
    # a lead that tells its day is the report's: a conference its next paragraph names in
    # passing is not the event
    lead = ("Ngày 26/8, Trung tâm Nghiên cứu Lạc Hồng tổ chức tọa đàm về 75 năm ngành Ngoại giao "
            "với hơn 40 nhà nghiên cứu và cựu Đại sứ.")
    aside = ("Nhiều ý kiến cho rằng các hội nghị định kỳ, gần đây nhất là Hội nghị Ngoại giao lần "
             "thứ 29, đã góp phần định hình tư duy đối ngoại.")
    assert infer_metadata(clean("Tọa đàm 75 năm Ngoại giao Việt Nam", lead, aside,
                                SECOND)).event is None


@pytest.mark.parametrize("lead, day", [
    ("Sau 5 ngày làm việc khẩn trương, Hội nghị Ngoại giao lần thứ 29 với chủ đề về hội nhập "
     "quốc tế đã bế mạc chiều 26/8 tại Hà Nội.", dt.date(2016, 8, 26)),
    ("Hội nghị Ngoại giao lần thứ 29 với chủ đề về hội nhập quốc tế sẽ bế mạc chiều 26/8 tại "
     "Hà Nội sau 5 ngày làm việc.", None),
])
def test_a_part_of_the_day_in_the_leads_first_sentence_dates_the_report(lead, day):
    assert infer_metadata(clean("Hội nghị Ngoại giao lần thứ 29", lead, SECOND)).published == day


def test_the_conference_the_lead_names_outweighs_two_mentions_in_the_body():
    lead = ("Within the framework of the 32nd Diplomatic Conference, on December 21, the Ministry "
            "of Foreign Affairs held a plenary session on economic diplomacy.")
    body = ("The National Foreign Affairs Conference made economic diplomacy a focus, and the "
            "National Foreign Affairs Conference set its direction.")
    art = clean("Economic diplomacy to serve the country", lead, body, SECOND)
    assert art.paragraphs[0] == lead and infer_metadata(art).event == "DC32"


def test_an_american_date_month_first_dates_the_page():
    art = clean("General Secretary advancing bamboo diplomacy", "9:28:03 AM | 12/25/2023",
                "In light of the anticipated intricate developments, the General Secretary "
                "underlined the need for a reformed approach to foreign affairs.", SECOND)
    assert art.with_reason("dateline") and infer_metadata(art).published == dt.date(2023, 12, 25)


@pytest.mark.parametrize("lead, day", [
    ("(VOVWORLD) - The 31st Diplomatic Conference opened on Wednesday morning in Hanoi under "
     "the theme of a pioneering diplomacy.", dt.date(2021, 12, 15)),
    ("(baomau.gov.vn) - On the morning of December 21, in Hanoi, the Ministry of Foreign Affairs "
     "held a plenary session of the 32nd Diplomatic Conference.", dt.date(2023, 12, 21)),
    # the weekday of no day of the conference: no date
    ("The 31st Diplomatic Conference delegates met again on Monday in Hanoi to review the "
     "sector's work.", None),
])
def test_an_english_lead_dated_by_its_weekday_or_after_an_outlets_tag(lead, day):
    assert infer_metadata(clean("Diplomatic conference in Hanoi", lead, SECOND)).published == day


def test_an_english_paragraph_under_the_lead_does_not_date_the_report():
    lead = ("The 31st National Diplomatic Conference had a special meaning in terms of both "
            "content and context, according to the Deputy Foreign Minister.")
    under = ("Speaking to the media on the outcomes of the event, which concluded on December 18 "
             "after five working days, he said the conference was a success.")
    meta = infer_metadata(clean("31st Diplomatic Conference a milestone: Deputy FM", lead, under,
                                SECOND))
    assert meta.event == "DC31" and meta.published is None


def test_a_count_of_the_times_a_leader_spoke_at_the_conferences_is_no_speech():
    lead = ("Với ngành Ngoại giao, đồng chí Tổng Bí thư luôn dành sự quan tâm đặc biệt: trên "
            "cương vị Tổng Bí thư, đồng chí năm lần tới dự và phát biểu chỉ đạo tại Hội nghị "
            "Ngoại giao.")
    assert _kind_of_lead(lead) == "news"
    assert _kind_of_lead(lead.replace("năm lần tới dự", "đã tới dự")) == "speech"


# --- a sixth review (68 invented pages against daacb7a): what the night's rules misread -------

@pytest.mark.parametrize("line", [
    "Exports to the region grew by 12 percent in the first eleven months (Source: GSO).",
    "Bộ trưởng cho biết hội nghị sẽ kéo dài đến ngày 23/12. (Source: VNA)",
    "Triển lãm kể lại chặng đường của ngành qua hình ảnh: những khoảnh khắc lịch sử của ngoại "
    "giao Việt Nam.",
    "Đài truyền hình phát các hình ảnh 3D về hội trường và tín hiệu hình ảnh 4K được truyền đi.",
    "19/12/2023 | Phiên khai mạc",
])
def test_a_sixth_reviews_body_lines_stay(line):
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, line, SECOND)
    assert line in art.paragraphs, art.lines


def test_a_sixth_reviews_headline_words_in_an_english_paragraph_stay():
    head = "“Diplomacy must go one step ahead”"
    lead = ("Diplomacy must go one step ahead in creating a peaceful environment for the "
            "country's development, the leader said.")
    assert clean(head, "19/12/2023 10:00", lead, SECOND).paragraphs[0] == lead
    lead = "Ha Noi hosts the 32nd Diplomatic Conference this week, with envoys from every mission."
    assert clean("Hà Nội hosts the 32nd Diplomatic Conference", "19/12/2023 10:00", lead,
                 SECOND).paragraphs[0] == lead


def test_a_ticker_row_above_the_headline_and_a_teaser_below_do_not_date_the_page():
    art = clean("25/12/2023 | Hà Nội đón đợt rét đậm", HEADLINE, LEAD, SECOND,
                "Xem thêm:", "15/12/2023 | Hội nghị khai mạc")
    assert infer_metadata(art).published == dt.date(2023, 12, 19)     # the lead's


@pytest.mark.parametrize("lead", [
    "Đúng 10 năm trước, sáng 16/12/2013, Hội nghị Ngoại giao lần thứ 28 khai mạc tại Hà Nội.",
    "Phát biểu tại Hội nghị Ngoại giao lần thứ 31 sáng 15/12/2021, Thủ tướng nhấn mạnh vai trò "
    "của ngành.",
    "Chiều 14/12 năm ngoái, Hội nghị Đối ngoại toàn quốc lần đầu tiên được tổ chức tại Hà Nội.",
])
def test_a_lead_recalling_an_earlier_day_does_not_displace_the_dateline(lead):
    meta = infer_metadata(clean("Nhìn lại chặng đường đối ngoại", "28/12/2023 08:00", lead,
                                SECOND))
    assert meta.published == dt.date(2023, 12, 28)


@pytest.mark.parametrize("lead", [
    "Hội nghị Ngoại giao lần thứ 32 theo kế hoạch khai mạc sáng 19/12 tại Hà Nội.",
    "Dự kiến, sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội.",
    "Bộ Ngoại giao thông báo Hội nghị Ngoại giao lần thứ 32 khai mạc vào sáng 19/12.",
    "Hội nghị Ngoại giao lần thứ 32 diễn ra từ sáng 19/12 đến chiều 23/12 tại Hà Nội.",
    "The Ministry of Foreign Affairs will hold the 32nd Diplomatic Conference on December 19.",
    "The spokeswoman said on Friday that the lessons of the 32nd Diplomatic Conference would "
    "guide the sector.",
    "The 31st Diplomatic Conference, which opened on December 15, 2021, set the sector's tasks "
    "for the 32nd Diplomatic Conference.",
])
def test_a_plan_or_a_recall_in_the_lead_does_not_date_a_page_without_a_dateline(lead):
    assert infer_metadata(clean("Ngành ngoại giao và những kế hoạch lớn", lead,
                                SECOND)).published is None


def test_two_mentions_in_the_body_outweigh_a_passing_one_under_a_summary():
    summary = "Một năm nhiều dấu ấn khép lại với những thành tựu đối ngoại nổi bật của đất nước."
    under = "Nhắc lại tinh thần Hội nghị Ngoại giao lần thứ 31, các đại biểu bàn nhiều vấn đề lớn."
    body = ("Hội nghị Ngoại giao lần thứ 32 đã thông qua chương trình hành động; Hội nghị Ngoại "
            "giao lần thứ 32 cũng đề ra nhiều giải pháp.")
    art = clean("Ngành ngoại giao bước vào chặng mới", "24/12/2023 09:00", summary, under, body)
    assert infer_metadata(art).event == "DC32"
    lead = ("Hai năm sau Hội nghị Ngoại giao lần thứ 31, toàn ngành lại về Hà Nội để bàn những "
            "định hướng lớn cho nhiệm kỳ.")
    art = clean("Ngành ngoại giao bước vào chặng mới", "20/12/2023 09:00", lead, body)
    assert infer_metadata(art).event == "DC32"


@pytest.mark.parametrize("text", [
    "The twenty-first National Conference on Foreign Affairs opened in Hanoi",
    "Localities hold their national conference on foreign affairs in Hanoi",
])
def test_the_provinces_conference_in_english_is_not_the_partys(text):
    from helpers.dates import conference_mentions
    assert conference_mentions(text) == []


def test_a_conference_that_concluded_its_discussions_or_with_questions_is_no_closing_report():
    assert _kind_of_lead("Delegates at the conference concluded their discussions on economic "
                         "diplomacy on the second day of the meeting.") == "news"
    assert _kind_of_lead("The regular press conference concluded with questions on the "
                         "conference's agenda and the sector's plans.") == "news"


# --- a seventh review (54 more invented pages): loose days without a dateline, names, kinds ---
# Left misread, with no test that would pass: a later piece whose lead or the paragraph under
# its summary opens with an earlier conference's day and year ("On December 14, 2021, ...",
# "Ngày 14/12/2021, tại Hội nghị Đối ngoại toàn quốc ...") takes that day; a feature whose
# second paragraph, under a scene, names a conference once in passing takes it as its event (and
# a lead "Cũng như tại Hội nghị ... 31" its conference over two mentions in the body); a "date |
# place" card right under a headline is read as its dateline; "Five years ago, the 30th ...
# concluded in Hanoi on ..." reads as a closing report; an English caption with no credit that
# comes first is read as the lead, and its day with it (an eighth review's).

@pytest.mark.parametrize("lead", [
    "Cách đây tròn mười năm, sáng 16/12/2013, Hội nghị Ngoại giao lần thứ 28 khai mạc tại Hà "
    "Nội.",
    "Nhiều cán bộ ngoại giao vẫn nhớ tối 26/8 năm ấy, khi Hội nghị Ngoại giao lần thứ 32 được "
    "chuẩn bị.",
    "Trong tuần qua, sáng 19/12, Hội nghị Ngoại giao lần thứ 32 đã khai mạc tại Hà Nội.",
    "Triển lãm ảnh bên lề Hội nghị Ngoại giao lần thứ 32 mở cửa đến hết tối 23/12 tại Hà Nội.",
    "Sáng nay, các đại biểu nhắc nhiều đến Hội nghị Ngoại giao lần thứ 28 khai mạc sáng "
    "16/12/2013.",
    "Exactly ten years ago, on December 16, 2013, the 28th Diplomatic Conference opened in "
    "Hanoi.",
    "Vietnam and the country established diplomatic relations on September 21, 1973, long before "
    "the 32nd Diplomatic Conference.",
    "A photo exhibition opened on Sunday in Hanoi ahead of the 32nd Diplomatic Conference.",
    "In a speech delivered on December 19, 2023, the leader spoke of the 32nd Diplomatic "
    "Conference.",
])
def test_a_seventh_reviews_leads_give_no_date(lead):
    assert infer_metadata(clean("Ngoại giao Việt Nam qua những chặng đường", lead,
                                SECOND)).published is None


def test_an_english_lead_of_who_did_what_on_a_day_dates_the_report():
    lead = ("President Vo Van Thuong on December 20 met with ambassadors who had returned home "
            "for the 32nd Diplomatic Conference.")
    meta = infer_metadata(clean("President meets chiefs of representative offices", lead, SECOND))
    assert (meta.event, meta.published) == ("DC32", dt.date(2023, 12, 20))


def test_a_year_old_day_under_a_summary_does_not_date_the_report():
    summary = "Tám mươi năm qua, ngành ngoại giao đã đồng hành cùng dân tộc qua nhiều thử thách."
    under = "Ngày 28/8/1945, Bộ Ngoại giao được thành lập, mở đầu một chặng đường vẻ vang."
    assert infer_metadata(clean("Tám mươi năm ngoại giao Việt Nam", summary, under,
                                SECOND)).published is None


@pytest.mark.parametrize("lead, code", [
    ("Cũng như tại Hội nghị Ngoại giao lần thứ 31, các đại biểu lần này tập trung vào ngoại giao "
     "kinh tế.", "DC32"),
    ("Theo kế hoạch, chỉ một tuần sau Hội nghị Ngoại giao lần thứ 32 sẽ khai mạc tại Hà Nội với "
     "nhiều nội dung mới.", "DC32"),
])
def test_a_lead_comparing_with_an_earlier_conference_or_naming_next_week(lead, code):
    body = ("Hội nghị Ngoại giao lần thứ 32 bàn nhiều nội dung; Hội nghị Ngoại giao lần thứ 32 "
            "cũng thông qua chương trình hành động.")
    art = clean("Ngành ngoại giao bàn việc lớn", "18/12/2023 09:00", lead, body)
    assert infer_metadata(art).event == code


def test_the_provinces_conference_of_a_year_in_english_is_not_the_partys():
    from helpers.dates import conference_mentions
    assert conference_mentions("the 2023 National Conference on Foreign Affairs, held on the "
                               "sidelines") == []


@pytest.mark.parametrize("lead", [
    "Since the 32nd Diplomatic Conference concluded last week, missions abroad have begun work "
    "on its action programme.",
    "The results of a border trade meeting concluded earlier this month were reviewed by the "
    "ministry.",
])
def test_a_conference_that_concluded_some_time_ago_is_no_closing_report(lead):
    assert _kind_of_lead(lead) == "news"


def test_a_headline_under_a_byline_of_several_names_is_no_affiliation():
    head = "Học viện Ngoại giao tổ chức tọa đàm về ngoại giao kinh tế"
    art = clean("Minh Anh - Thu Hà", head, LEAD, SECOND)
    assert art.headline == head


# --- an eighth review (56 more invented pages): days named in passing, English weekdays -------

@pytest.mark.parametrize("lead", [
    "Trong khuôn khổ Hội nghị Ngoại giao lần thứ 32 (khai mạc sáng 19/12), chiều 21/12, các đại "
    "biểu thảo luận về ngoại giao kinh tế.",
    "Tiếp nối phiên khai mạc trọng thể sáng 19/12, ngày làm việc thứ hai của Hội nghị Ngoại giao "
    "lần thứ 32 bàn về công tác bảo hộ công dân.",
    "Trước thềm Hội nghị Ngoại giao lần thứ 32 khai mạc sáng 19/12, Đại sứ đã trả lời phỏng vấn.",
    "Hội nghị Ngoại giao lần thứ 32 khai mạc vào sáng 19/12 tới tại Hà Nội với nhiều nội dung "
    "mới.",
    "Năm 2021, sáng 15/12, Hội nghị Ngoại giao lần thứ 31 khai mạc tại Hà Nội trong bối cảnh "
    "đại dịch.",
    "The spokeswoman on Tuesday briefed reporters on the outcomes of the 32nd Diplomatic "
    "Conference.",
    "Vietnam and the partner on September 10 upgraded their ties, a year before the 32nd "
    "Diplomatic Conference reviewed them.",
])
def test_an_eighth_reviews_leads_give_no_date(lead):
    assert infer_metadata(clean("Ngành ngoại giao và những việc lớn", lead,
                                SECOND)).published is None


def test_a_wires_dateline_of_place_day_and_agency_opens_the_report():
    lead = ("Hà Nội, 18/12 (TTXVN) - Chiều 18/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 31 bế "
            "mạc sau bốn ngày làm việc khẩn trương.")
    assert infer_metadata(clean("Bế mạc Hội nghị Ngoại giao lần thứ 31", lead,
                                SECOND)).published == dt.date(2021, 12, 18)


@pytest.mark.parametrize("line", [
    "- Kích thước ảnh: tối thiểu 3.000 pixel cho cạnh dài nhất",
    "Thể lệ chi tiết của cuộc thi ảnh: xem tại trang baomau.vn/the-le",
])
def test_a_contests_rules_on_photos_are_not_captions(line):
    assert line in clean(HEADLINE, "19/12/2023 10:00", LEAD, line, SECOND).paragraphs


@pytest.mark.parametrize("text, code", [
    ("Localities share experience at National Conference on Foreign Affairs", None),
    ("the annual National Conference on Foreign Affairs of the provinces", None),
    ("right after the first National Conference on Foreign Affairs", "NFAC"),
    ("the National Conference on Foreign Affairs in 2021", "NFAC"),
])
def test_the_partys_conference_in_english_needs_first_or_its_year(text, code):
    from helpers.dates import conference_mentions
    assert [c for _, _, c in conference_mentions(text)] == ([code] if code else [])


def test_a_place_in_a_headline_under_a_byline_of_several_names_is_no_affiliation():
    head = "Trường Sa trong trái tim những người lính biển hôm nay"
    art = clean("Văn hóa", "Minh Anh - Thu Hà", head, LEAD, SECOND)
    assert art.headline == head


# --- a ninth review (50 representative pages): no field worse; these were wrong in both ------

@pytest.mark.parametrize("site", ["Báo Bắc Giang", "Vietnam Times", "Vietnam Investment Review"])
def test_a_sites_name_over_the_headline_is_no_byline_over_an_affiliation(site):
    art = clean(site, HEADLINE, LEAD, SECOND)
    assert art.headline == HEADLINE and art.paragraphs == (LEAD, SECOND)
    # (a person's name over a headline-like line with no dateline is still read as a byline
    # over an affiliation: the page then has no headline)


@pytest.mark.parametrize("line", ["Posted on December 19, 2021 by admin",
                                  "Đăng ngày 19/12/2021 bởi Ban biên tập"])
def test_a_blogs_date_and_poster_under_the_headline_date_the_page(line):
    art = clean(HEADLINE, line, KIND_LEAD, SECOND)
    assert art.with_reason("dateline") and infer_metadata(art).published == dt.date(2021, 12, 19)


@pytest.mark.parametrize("line, reason", [
    ("Source: VNA", "source line"), ("VNA", "source line"), ("VNA/VNS", "source line"),
    ("Comments (3)", "comment box"), ("Leave a Reply", "comment box"),
    ("Share this:", "navigation"), ("Thích điều này:", "navigation"), ("Xem nguồn", "navigation"),
])
def test_an_english_wires_credit_and_a_blogs_buttons_are_not_the_article(line, reason):
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, SECOND, line)
    assert art.paragraphs == (LEAD, SECOND) and art.with_reason(reason), art.lines


@pytest.mark.parametrize("site", ["Tuổi Trẻ", "Người Lao Động", "TUỔI TRẺ ONLINE", "Thanh Huyền"])
def test_a_headline_under_the_pages_first_line_a_name_is_the_headline(site):
    # the site's name (or a byline) over the headline reads as a person's name; under it, only
    # a role or an institution is an affiliation
    assert clean(site, HEADLINE, LEAD, SECOND).headline == HEADLINE
    assert clean("Nguyễn Văn An", "Nghiên cứu viên, Học viện Ngoại giao Việt Nam", LEAD,
                 SECOND).headline is None


# --- a tenth review (50 pages in the shapes of major outlets' sites): none worse; these were
# wrong in both versions ----------------------------------------------------------------------

@pytest.mark.parametrize("lead, day", [
    ("Sáng 19.12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32 đã khai mạc với sự tham dự của "
     "lãnh đạo Đảng, Nhà nước.", dt.date(2023, 12, 19)),
    ("Hội nghị Ngoại giao lần thứ 30 khai mạc sáng 13/8 tại Hà Nội với sự tham dự của Tổng Bí "
     "thư và lãnh đạo Nhà nước.", dt.date(2018, 8, 13)),
])
def test_a_day_with_a_dot_or_an_opening_without_da_dates_the_report(lead, day):
    assert infer_metadata(clean("Khai mạc Hội nghị Ngoại giao", lead, SECOND)).published == day


def test_viet_nam_news_dateline_and_its_credits():
    from helpers.dates import parse_full_date
    assert parse_full_date("August, 13/2018 - 17:30") == dt.date(2018, 8, 13)
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD,
                "The Party leader speaks at the opening session. Photo by VnExpress/Giang Huy",
                SECOND, "(TTXVN/Vietnam+)")
    assert art.paragraphs == (LEAD, SECOND), art.lines


@pytest.mark.parametrize("line", ["THU HÀ thực hiện", "Minh Anh ghi"])
def test_an_interviewers_credit_without_brackets_is_a_byline(line):
    art = clean(HEADLINE, "19/12/2023 10:00", LEAD, SECOND, line)
    assert art.paragraphs == (LEAD, SECOND) and art.with_reason("byline")


@pytest.mark.parametrize("lead, kind", [
    ("Tôi đến Trung tâm Hội nghị Quốc gia từ sáng sớm để xin phỏng vấn một vị Đại sứ về những "
     "ngày làm việc ở nhiệm sở.", "article"),
    ("Bên lề Hội nghị, Đại sứ Việt Nam tại Nhật Bản đã trả lời phỏng vấn phóng viên về quan hệ "
     "hai nước.", "interview"),
])
def test_asking_for_an_interview_is_no_interview(lead, kind):
    assert _kind_of_lead(lead) == kind


# --- shapes22: shapes the earlier sets had not covered -------------------------------------

@pytest.mark.parametrize("line, reason", [
    ("Tin tức - Sự kiện >> Hoạt động đối ngoại", "navigation"),      # an older portal's
    ("Trang chủ >> Tin tức >> Đối ngoại", "navigation"),
    ("By Giang Bich Ngan, Daybreak editor", "byline"),
    ("By Tran Minh Duc, VNS correspondent", "byline"),
    ("Hosted by Kieu Mai Khanh", "byline"),
    ("▶ Play episode 00:00 / 26:14", "media player"),
    ("December 22, 2023 · 26 min listen", "dateline"),
    ("10 January 2022 · Volume 6, Issue 1 · 14 min read", "dateline"),   # a journal's issue
    ("Bài viết có hữu ích với bạn? 👍 128 👎 3", "poll"),
    ("Was this article helpful?", "poll"),
    ("Loạt bài: Kỳ 1 | Kỳ 2 | Kỳ cuối", "navigation"),
    ("Transcript edited for clarity.", "editing note"),
    ("You are receiving this email because you subscribed to Daybreak. Unsubscribe", "newsletter"),
    ("Bạn nhận được thư này vì đã đăng ký nhận bản tin sáng.", "newsletter"),
])
def test_shapes22_furniture_lines(line, reason):
    from helpers import cleaning

    assert cleaning._line_facts(line, cleaning._compiled())[2] == reason


@pytest.mark.parametrize("line", [
    "By Tuesday, the editor will have decided",                     # one capitalised word
    "Thông tin này có hữu ích cho doanh nghiệp không? Ông Nam cho rằng có.",
    "Xem thêm >>",
    "Loạt bài Kỳ 1",
])
def test_shapes22_lines_that_are_no_furniture_of_those_kinds(line):
    from helpers import cleaning

    assert cleaning._line_facts(line, cleaning._compiled())[2] not in {
        "byline", "poll", "navigation", "newsletter", "editing note"}


def test_a_series_parts_link_under_the_dateline_is_not_the_headline():
    title = "Chiếc cặp hồ sơ của người tham tán đi cùng hội nghị"
    link = "Kỳ 1: Ba chuyến bay và một cuộc họp trực tuyến"
    art = clean("Trang chủ | Phóng sự | Chân dung", title, "Thứ Tư, 22/12/2021 - 06:00", link,
                LEAD, SECOND)
    assert art.headline == title
    assert link in art.text                               # kept in the body, nothing lost
    # a series' first part prints "Kỳ 1: ..." as its headline, its dateline under it
    first = clean("Trang chủ | Phóng sự | Chân dung", link, "Thứ Tư, 15/12/2021 - 06:00", LEAD,
                  SECOND)
    assert first.headline == link


def test_a_mobile_pages_dateline_under_the_sapo_beats_a_card_above_the_headline():
    art = clean("TIN NỔI BẬT", "Nhiều địa phương chuẩn bị điểm cầu cho Hội nghị", "13/12/2021",
                HEADLINE, LEAD, "Gió Bắc · 19/12/2023 12:20 GMT+7", SECOND)
    assert infer_metadata(art).published == dt.date(2023, 12, 19)
    # a dateline between the headline and the sapo still comes first
    art = clean(HEADLINE, "18/12/2023 08:00", LEAD, "Gió Bắc · 19/12/2023 12:20", SECOND)
    assert infer_metadata(art).published == dt.date(2023, 12, 18)


# A review's lines and pages that the first form of shapes22's rules misread.
@pytest.mark.parametrize("line", [
    "Nội dung có bổ ích không?",                   # an article's subheading
    "Was this information useful?",
    "Thông tin này có hữu ích không?",
    "Bạn nhận được thư này vì tài khoản của bạn có dấu hiệu bất thường. Vui lòng nhấn vào "
    "đường link để xác minh.",                      # a scam e-mail quoted in a warning
    "You are receiving this email because your account has been suspended. Please click the "
    "link below.",
])
def test_shapes22_review_lines_stay_in_the_article(line):
    from helpers import cleaning

    assert cleaning._line_facts(line, cleaning._compiled())[2] is None


def test_a_series_first_part_keeps_its_headline_over_a_tickers_dateline():
    part = "Kỳ 1: Những chuyến bay giải cứu công dân giữa đại dịch"
    for ticker in (["Giá vàng hôm nay tăng mạnh trong phiên sáng", "Cập nhật lúc 08:00 20/11/2024"],
                   ["Tin tức cập nhật nhanh nhất mỗi ngày", "Thứ Hai, 20/11/2024"]):
        art = clean(*ticker, part, "14/12/2021 10:20", LEAD, SECOND)
        assert art.headline == part, ticker
        assert infer_metadata(art).published == dt.date(2021, 12, 14)


def test_an_update_under_the_sapo_does_not_hide_an_earlier_date():
    # the page's address, or a later dateline, is earlier than an update under the sapo
    address = "https://bao.example.vn/thoi-su/2021/12/14/hoi-nghi.html"
    art = clean(address, HEADLINE, LEAD, "Cập nhật: 17/12/2021 16:00", SECOND)
    assert infer_metadata(art).published == dt.date(2021, 12, 14)
    # a live blog, its newest entry first
    art = clean(HEADLINE, LEAD, "17/12/2021 10:20", SECOND, "16/12/2021 09:00",
                "Hội nghị bước sang ngày làm việc thứ hai với các phiên thảo luận chuyên đề về "
                "ngoại giao kinh tế.", "15/12/2021 08:00", SECOND + " Buổi sáng.")
    assert infer_metadata(art).published == dt.date(2021, 12, 15)

