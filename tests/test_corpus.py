"""load_corpus: bad input gives clear errors, valid data is never dropped silently."""
import codecs
import unicodedata
import warnings

import pandas as pd
import pytest

import helpers
from conftest import seed_text
from helpers import CorpusError, CorpusWarning
from helpers.pages import decode_bytes


def test_seed_table_has_the_documented_columns_and_types():
    corpus = helpers.load_corpus()
    for col in ["doc_id", "source_file", "title", "outlet", "author", "published", "event",
                "year", "kind", "text", "n_paragraphs", "n_words", "duplicate_of"]:
        assert col in corpus.columns
    assert len(corpus) == 5
    assert pd.api.types.is_datetime64_any_dtype(corpus["published"])
    assert corpus["n_words"].tolist() == [len(t) for t in corpus["tokens"]]
    assert corpus["n_paragraphs"].tolist() == [len(t.split("\n")) for t in corpus["text"]]
    assert corpus["duplicate_of"].isna().all()
    # a column's type does not depend on what the corpus holds (a copy, a link, a catalog)
    with_copy = helpers.corpus.corpus_from_texts({"a": "Hợp tác ASEAN.", "b": "Hợp tác ASEAN."})
    assert with_copy["duplicate_of"].tolist()[1] == "a"
    no_catalog = helpers.load_corpus(catalog=False)
    empty = helpers.corpus._table([], {})
    text_type = pd.Series(["text"]).dtype
    for table in (corpus, with_copy, no_catalog, empty):
        for column in helpers.corpus.TEXT_COLUMNS:
            assert table[column].dtype == text_type, column
        assert table["published"].dtype == "datetime64[us]"
        assert (table[helpers.corpus.COUNT_COLUMNS].dtypes == "int64").all()


def test_corpus_dir_environment_variable_points_elsewhere(seed_copy, monkeypatch):
    for p in seed_copy.glob("00[1-4]_*.txt"):
        p.unlink()
    (seed_copy / "catalog.csv").unlink()
    monkeypatch.setenv("CORPUS_DIR", str(seed_copy))
    corpus = helpers.load_corpus()
    assert corpus["doc_id"].tolist() == ["000_81a13d3eb0ca6e22"]


def test_without_a_catalog_metadata_come_from_the_page(seed_copy):
    (seed_copy / "catalog.csv").unlink()
    corpus = helpers.load_corpus(seed_copy).set_index("doc_id")
    row = corpus.loc["002_ed76183e011c5285"]
    assert row["title"].startswith("Ngành ngoại giao: Tiếp tục là chủ lực")
    assert row["published"] == pd.Timestamp("2021-12-13") and row["year"] == 2021
    assert row["author"] == "Kim Hồng"
    assert "published: page dateline" in row["metadata_from"]
    assert row["date_precision"] == "day"
    lead = corpus.loc["004_b5a5b979df70e810"]
    assert lead["published"] == pd.Timestamp("2021-12-18")
    assert lead["date_precision"] == "approximate"
    assert "published: lead date, year from the event DC31" in lead["metadata_from"]
    assert pd.isna(corpus.loc["003_079bd86adfea4555", "published"])  # the page never says: NaT
    assert corpus.loc["003_079bd86adfea4555", "year"] == 2021        # from the event instead


def test_inferred_metadata_match_the_catalog_wherever_the_page_states_them(seed_copy):
    catalog = helpers.load_corpus(seed_copy).set_index("doc_id")
    (seed_copy / "catalog.csv").unlink()
    inferred = helpers.load_corpus(seed_copy).set_index("doc_id")
    assert inferred["title"].to_dict() == catalog["title"].to_dict()
    assert inferred["event"].to_dict() == catalog["event"].to_dict()
    assert inferred["year"].to_dict() == catalog["year"].to_dict()
    stated = ["000_81a13d3eb0ca6e22", "001_a5ec4419648efbd0", "002_ed76183e011c5285",
              "004_b5a5b979df70e810"]          # 003 prints no date and opens with none
    assert inferred.loc[stated, "published"].to_dict() == catalog.loc[stated, "published"].to_dict()
    assert (inferred.loc[stated, "date_precision"].to_dict()
            == catalog.loc[stated, "date_precision"].to_dict())
    name = "003_079bd86adfea4555"
    assert inferred.loc[name, "outlet"] == catalog.loc[name, "outlet"]


def test_undecodable_file_raises_an_error_naming_it(seed_copy):
    broken = "Hội nghị".encode("cp1258", errors="replace") + b"\xff\xfe\x00abc"
    (seed_copy / "broken.txt").write_bytes(broken)
    with pytest.raises(CorpusError, match=r"broken\.txt: cannot decode as UTF-8"):
        helpers.load_corpus(seed_copy)


def test_on_error_skip_warns_and_keeps_the_rest(seed_copy):
    (seed_copy / "broken.txt").write_bytes(b"\xc3\x28 bad utf-8")
    with pytest.warns(CorpusWarning, match=r"broken\.txt"):
        corpus = helpers.load_corpus(seed_copy, on_error="skip")
    assert len(corpus) == 5


def test_empty_files_are_skipped_with_a_warning_naming_them(seed_copy):
    blank = {"empty.txt": b"", "blank.txt": b" \n\n\t\n",
             "invisible.txt": "\ufeff\u200b\n \u200b\u2060\n".encode(),
             "empty.html": b"", "blank.htm": codecs.BOM_UTF8 + b"\n  \r\n",
             "invisible.html": "\u200b \u200d".encode("utf-16"),
             "sub/empty.xhtml": b" ", "comment.html": b"<!-- saved by a browser -->\n",
             "template.html": b"<!DOCTYPE html><html><head><title>T</title><script>x()</script>"
                              b"</head><body><div id='app'></div></body></html>",
             "zero-width.htm": "<p>&#8203;</p><p>\u200b</p>".encode(),
             "marks.txt": "\u200e\u200f\u2066\u2069\n\u00ad\u034f\u2028".encode(),
             "shy.html": b"<html><body><p>&shy;&shy;</p><p>&lrm;</p></body></html>"}
    for name, data in blank.items():
        (seed_copy / name).parent.mkdir(exist_ok=True)
        (seed_copy / name).write_bytes(data)
    with pytest.warns(CorpusWarning) as record:
        corpus = helpers.load_corpus(seed_copy)
    messages = " ".join(str(w.message) for w in record)
    assert all(f"{name}: empty file (no visible text), skipped" in messages
               for name in blank if name.endswith(".txt"))
    assert all(f"{name}: an HTML page with no visible text" in messages
               for name in blank if not name.endswith(".txt"))
    assert len(corpus) == 5


@pytest.mark.parametrize("encode", [
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: s.encode("utf-16"),  # with BOM, native order
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
], ids=["utf8-bom", "utf16", "utf16-be", "crlf", "nfd"])
def test_encodings_line_ends_and_nfd_give_the_same_article(tmp_path, encode):
    raw = seed_text("004")
    (tmp_path / "plain.txt").write_text(raw, encoding="utf-8")
    plain = helpers.load_corpus(tmp_path).iloc[0]
    (tmp_path / "plain.txt").write_bytes(encode(raw))
    variant = helpers.load_corpus(tmp_path).iloc[0]
    assert variant["text"] == plain["text"]
    assert variant["tokens"] == plain["tokens"]
    assert variant["title"] == plain["title"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_with_one(tmp_path, codec):
    # a tool that writes UTF-16 without its byte order mark: read, not refused (a long page
    # was refused with a hint that it looked like TCVN3); NFD accents and English alike
    raw = seed_text("004")
    for name, text in (("vi.txt", raw), ("nfd.txt", unicodedata.normalize("NFD", raw)),
                       ("en.txt", "Diplomatic Conference opens in Hanoi\n\n" + "The " * 40)):
        assert decode_bytes(text.encode(codec), name) == text
    (tmp_path / "no-bom.txt").write_bytes(raw.encode(codec))
    (tmp_path / "with-bom.txt").write_bytes(raw.encode("utf-16"))
    corpus = helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)
    assert corpus["text"].iloc[0] == corpus["text"].iloc[1]


def test_bytes_that_are_neither_utf8_nor_utf16_are_refused_with_a_hint(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"H\x00\xff\x00i\x00" * 3 + b"\x01")
    with pytest.raises(CorpusError, match=r"odd\.txt: cannot decode as UTF-8"):
        helpers.load_corpus(tmp_path, cache=False, catalog=False, progress=False)


def test_copies_are_flagged_kept_in_the_table_and_left_out_of_analyses(seed_copy):
    original = seed_text("001")
    # A mobile copy: same article, other chrome, a changed byline and an added caption.
    mobile = ("Trang chủ\n" + original.replace("Theo Báo điện tử Đảng Cộng sản", "Minh Anh")
              .replace("Hội nghị đã nhận được sự quan tâm",
                       "Quang cảnh phiên bế mạc. (Ảnh: TTXVN)\nHội nghị đã nhận được sự quan tâm"))
    (seed_copy / "zz_mobile_copy.txt").write_text(mobile, encoding="utf-8")
    corpus = helpers.load_corpus(seed_copy).set_index("doc_id")
    assert corpus.loc["zz_mobile_copy", "duplicate_of"] == "001_a5ec4419648efbd0"
    # Two different reports of the same conference are not merged.
    assert pd.isna(corpus.loc["000_81a13d3eb0ca6e22", "duplicate_of"])
    assert pd.isna(corpus.loc["001_a5ec4419648efbd0", "duplicate_of"])
    assert "zz_mobile_copy" not in helpers.analysable(corpus.reset_index())["doc_id"].tolist()
    assert len(helpers.analysable(corpus.reset_index())) == 5


def test_a_folder_whose_pages_are_all_skipped_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"<!-- -->")
    tcvn3 = "Héi nghÞ Ngo¹i giao lÇn thø 32 t¹i Hµ Néi\n"
    (tmp_path / "old.txt").write_bytes(tcvn3.encode("cp1252"))
    with pytest.warns(CorpusWarning) as caught, \
            pytest.raises(CorpusError, match=r"none of its 3 page file\(s\) could be read: "
                                             r"blank\.html: an HTML page with no visible text; "
                                             r"empty\.txt: empty file; old\.txt: cannot decode"):
        helpers.load_corpus(tmp_path, on_error="skip")
    assert sorted(str(w.message).split(":")[0] for w in caught) == ["blank.html", "empty.txt",
                                                                    "old.txt"]


def test_files_that_differ_only_in_extension_get_distinct_doc_ids(seed_copy):
    page = seed_text("001")
    (seed_copy / "zz_bai.txt").write_text(page, encoding="utf-8")
    (seed_copy / "zz_bai.TXT").write_text(page.replace("Hội nghị", "Hội  nghị"), encoding="utf-8")
    (seed_copy / "zz_bai.txt.txt").write_text("Tựa khác\nMột bài khác hẳn về ngoại giao.",
                                              encoding="utf-8")
    corpus = helpers.load_corpus(seed_copy)
    ids = dict(zip(corpus["source_file"], corpus["doc_id"], strict=True))
    assert corpus["doc_id"].is_unique
    assert ids["zz_bai.txt"] == "zz_bai.txt" and ids["zz_bai.TXT"] == "zz_bai.TXT"
    assert ids["zz_bai.txt.txt"] == "zz_bai.txt.txt"    # its short id is another file's path
    assert ids["001_a5ec4419648efbd0.txt"] == "001_a5ec4419648efbd0"     # the others unchanged
    # a file's id does not depend on whether its namesake loads (an empty one is skipped)
    (seed_copy / "000_81a13d3eb0ca6e22.html").write_bytes(b"")
    with pytest.warns(CorpusWarning, match="000_81a13d3eb0ca6e22.html: an HTML page with no"):
        again = helpers.load_corpus(seed_copy)
    assert "000_81a13d3eb0ca6e22.txt" in again["doc_id"].tolist()
    # a copy names the one file it copies
    assert corpus.set_index("source_file").loc["zz_bai.TXT", "duplicate_of"] in {
        "001_a5ec4419648efbd0", "zz_bai.txt"}
    # tables keyed by doc_id keep the files apart
    summary = helpers.corpus.removal_summary(helpers.cleaning_audit(corpus), corpus["doc_id"])
    assert len(summary) == len(corpus)


def test_find_duplicates_threshold_separates_copies_from_same_topic():
    hashes = [helpers.shingle_hashes(t) for t in helpers.load_corpus()["text"]]
    assert helpers.find_duplicates(hashes) == [None] * 5
    assert helpers.find_duplicates([*hashes, hashes[2]]) == [None] * 5 + [2]


def test_catalog_without_a_file_column_is_an_error_naming_the_catalog(seed_copy):
    (seed_copy / "catalog.csv").write_text("name,title\nx.txt,X\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"catalog\.csv: no 'file' column \(found: name, title\)"):
        helpers.load_corpus(seed_copy)


def test_a_minimal_catalog_gives_the_columns_it_has(seed_copy):
    name = "004_b5a5b979df70e810.txt"
    (seed_copy / "catalog.csv").write_text(f"file,title,published\n{name},Tựa riêng,2021-12-18\n",
                                           encoding="utf-8")
    corpus = helpers.load_corpus(seed_copy).set_index("source_file")
    assert corpus.loc[name, "title"] == "Tựa riêng"
    assert corpus.loc[name, "published"] == pd.Timestamp("2021-12-18")
    assert "title: catalog" in corpus.loc[name, "metadata_from"]
    # Fields the catalog does not give are read from the page.
    assert corpus.loc[name, "event"] == "DC31"
    assert "event: named in" in corpus.loc[name, "metadata_from"]


def test_catalog_rows_find_files_named_in_another_unicode_form(seed_copy):
    # macOS and some archive tools store names decomposed (NFD); users type either tone-mark
    # placement ("hoà", "hòa"). The catalog lists each name as a person would type it.
    nfd = unicodedata.normalize("NFD", "Hội nghị ngoại giao.txt")
    old_style = "Hoà bình.txt"
    (seed_copy / "004_b5a5b979df70e810.txt").rename(seed_copy / nfd)
    (seed_copy / "003_079bd86adfea4555.txt").rename(seed_copy / old_style)
    (seed_copy / "catalog.csv").write_text(
        "file,title,notes\nHội nghị ngoại giao.txt,Tựa một,\n"
        "Hòa bình.txt,Tựa hai,\"dòng đầu\ndòng sau\"\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)     # no row reported as not found
        corpus = helpers.load_corpus(seed_copy).set_index("source_file")
    assert corpus.loc[nfd, "title"] == "Tựa một"
    assert corpus.loc[old_style, "title"] == "Tựa hai"
    assert corpus.loc[old_style, "notes"] == "dòng đầu\ndòng sau"  # a quoted line break kept


def test_catalog_rows_go_to_files_named_exactly_then_alike(seed_copy):
    # Files whose names differ only in Unicode form (possible on Linux): the same name composed
    # and decomposed, the two tone-mark placements; a name with a space before it.
    nfc, nfd = "Hội nghị.txt", unicodedata.normalize("NFD", "Hội nghị.txt")
    for name, seed in [("Hoà bình.txt", "004_b5a5b979df70e810.txt"),
                       ("Hòa bình.txt", "003_079bd86adfea4555.txt"),
                       (" cách.txt", "002_ed76183e011c5285.txt"),
                       (nfc, "001_a5ec4419648efbd0.txt"), (nfd, "000_81a13d3eb0ca6e22.txt")]:
        (seed_copy / seed).rename(seed_copy / name)
    (seed_copy / "catalog.csv").write_text(
        f"file,title\nHòa bình.txt,Tựa hai\n cách.txt ,Tựa ba\n{nfc},Tựa NFC\n{nfd},Tựa NFD\n"
        "Hòa Bình.txt,Tựa khác\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        corpus = helpers.load_corpus(seed_copy).set_index("source_file")
    assert corpus.loc["Hòa bình.txt", "title"] == "Tựa hai"
    assert corpus.loc["Hoà bình.txt", "title"] != "Tựa hai"
    assert corpus.loc[" cách.txt", "title"] == "Tựa ba"
    assert corpus.loc[nfc, "title"] == "Tựa NFC" and corpus.loc[nfd, "title"] == "Tựa NFD"
    assert [str(w.message).split(": ", 1)[1] for w in caught] == [
        "lists 'Hòa Bình.txt', which is not in the corpus folder"]
    # a row that names neither of two files alike goes to none of them, with a warning
    (seed_copy / "catalog.csv").write_text("file,title\nHoa\u0300 bình.txt,Tựa hai\n",
                                           encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"fit 2 files .*: given to none of them"):
        corpus = helpers.load_corpus(seed_copy).set_index("source_file")
    assert "Tựa hai" not in corpus["title"].tolist()


def test_a_catalog_row_for_a_skipped_file_is_not_given_to_its_namesake(seed_copy):
    nfc = "Hòa bình.txt"
    (seed_copy / "004_b5a5b979df70e810.txt").rename(seed_copy / "Hoà bình.txt")
    (seed_copy / nfc).write_bytes(b"")                              # skipped: empty
    (seed_copy / "catalog.csv").write_text(f"file,title\n{nfc},Tựa của tệp rỗng\n",
                                           encoding="utf-8")
    with pytest.warns(CorpusWarning, match="empty file"):
        corpus = helpers.load_corpus(seed_copy)
    assert "Tựa của tệp rỗng" not in corpus["title"].tolist()


def test_one_file_listed_twice_in_two_unicode_forms_is_an_error(seed_copy):
    name = "Hòa bình.txt"
    (seed_copy / "004_b5a5b979df70e810.txt").rename(seed_copy / name)
    nfd = unicodedata.normalize("NFD", name)
    (seed_copy / "catalog.csv").write_text(f"file,title\n{name},Một\n{nfd},Hai\n",
                                           encoding="utf-8")
    with pytest.raises(CorpusError, match=r"lists 'H\\xf2a b\\xecnh\.txt' more than once, as "
                                          r".* and .* \(the same name in other Unicode forms\)"):
        helpers.load_corpus(seed_copy)
    # neither row named exactly (the file has the other tone-mark placement): the same
    (seed_copy / name).rename(seed_copy / "Hoà bình.txt")
    with pytest.raises(CorpusError, match=r"lists 'Ho\\xe0 b\\xecnh\.txt' more than once"):
        helpers.load_corpus(seed_copy)


def test_catalog_paths_may_be_written_as_on_windows_or_from_the_folder(seed_copy):
    (seed_copy / "2023").mkdir()
    (seed_copy / "004_b5a5b979df70e810.txt").rename(seed_copy / "2023" / "bai.txt")
    (seed_copy / "catalog.csv").write_text("file,title\n2023\\bai.txt,Tựa một\n"
                                           "./003_079bd86adfea4555.txt,Tựa hai\n",
                                           encoding="utf-8")
    corpus = helpers.load_corpus(seed_copy).set_index("source_file")
    assert corpus.loc["2023/bai.txt", "title"] == "Tựa một"
    assert corpus.loc["003_079bd86adfea4555.txt", "title"] == "Tựa hai"


def test_a_catalog_cell_may_hold_any_line_break_inside_quotes_or_u0085(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes("file,title,notes\r\na.txt,Tiêu đề A,\"một\r\nhai\"\r\n"
                     "b.txt,Tiêu đề B\u0085phần sau,\r\nc.txt,,2023-12-19\r\n".encode())
    rows = helpers.catalog.read_catalog(path)
    assert list(rows) == ["a.txt", "b.txt", "c.txt"]
    assert rows["a.txt"]["notes"] == "một\nhai"
    assert rows["b.txt"]["title"] == "Tiêu đề B phần sau"      # a title is one line
    path.write_bytes(b"file,published\na.txt,\nb.txt,\"2023\n-12-19\"\n")
    with pytest.raises(CorpusError, match=r"line 4 \(b\.txt\): published '2023 -12-19'"):
        helpers.catalog.read_catalog(path)


def test_catalog_events_and_kinds_not_known_are_kept_with_a_warning(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("file,event,kind\na.txt,DC32,interview\nb.txt,dc32,phỏng vấn\n"
                    "c.txt,DC99,news\nd.txt,,\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        rows = helpers.catalog.read_catalog(path)
    assert [rows[f"{f}.txt"]["event"] for f in "abcd"] == ["DC32", "dc32", "DC99", ""]
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert "event values that are not conference codes of data/conferences.csv" in messages[0]
    assert "'dc32' (line 3; 'DC32'?), 'DC99' (line 4); known: DC28, " in messages[0]
    assert "kind values that are not kinds of data/kinds.csv, or news" in messages[1]
    assert "'phỏng vấn' (line 3); known: article, closing report, interview, news, " in messages[1]


def test_catalog_bad_date_names_the_row_and_file(seed_copy):
    cat = (seed_copy / "catalog.csv").read_text(encoding="utf-8")
    cat = cat.replace("2021-12-18", "18/12/2021")
    (seed_copy / "catalog.csv").write_text(cat, encoding="utf-8")
    message = r"line 6 \(004_b5a5b979df70e810\.txt\): published '18/12/2021'"
    with pytest.raises(CorpusError, match=message):
        helpers.load_corpus(seed_copy)


@pytest.mark.parametrize("date", ["2021-W50-6", "20211218", "2021-12-18T10:00"])
def test_catalog_dates_must_be_year_month_day(seed_copy, date):
    cat = (seed_copy / "catalog.csv").read_text(encoding="utf-8").replace("2021-12-18", date)
    (seed_copy / "catalog.csv").write_text(cat, encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"published '{date}' is not an ISO date"):
        helpers.load_corpus(seed_copy)


def test_catalog_row_without_a_file_warns(seed_copy):
    (seed_copy / "004_b5a5b979df70e810.txt").unlink()
    with pytest.warns(CorpusWarning, match=r"lists '004_b5a5b979df70e810\.txt', which is not in"):
        helpers.load_corpus(seed_copy)


def test_other_files_in_the_folder_are_reported_not_silently_ignored(seed_copy):
    (seed_copy / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.warns(CorpusWarning, match=r"ignored 1 file\(s\) that are not \.htm or \.html or "
                                           r"\.markdown or \.md or \.mht or \.mhtml or \.txt or "
                                           r"\.xhtml and do not begin as a web page: notes\.docx"):
        helpers.load_corpus(seed_copy)


def test_an_html_page_without_an_article_is_an_error_naming_it(seed_copy):
    (seed_copy / "page.html").write_text("<html><body><p>Hội nghị</p></body></html>",
                                         encoding="utf-8")
    with pytest.raises(CorpusError, match=r"page\.html: no article in the page"):
        helpers.load_corpus(seed_copy)
    with pytest.warns(CorpusWarning, match=r"page\.html: no article in the page"):
        assert len(helpers.load_corpus(seed_copy, on_error="skip")) == 5


def test_a_page_that_is_all_furniture_warns(tmp_path):
    (tmp_path / "chrome.txt").write_text("Trang chủ\nBÌNH LUẬN\nfb yt zl tw\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"chrome\.txt: no article text found"):
        corpus = helpers.load_corpus(tmp_path)
    assert len(corpus) == 1 and corpus["text"].iat[0] == ""


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        helpers.load_corpus(tmp_path / "nope")


def test_a_file_given_for_the_folder_is_a_clear_error(tmp_path):
    page = tmp_path / "bai.txt"
    page.write_text("Hội nghị Ngoại giao lần thứ 32 khai mạc.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bai\.txt: a file, not a folder") as error:
        helpers.load_corpus(page)
    assert repr(str(tmp_path.resolve())) in str(error.value)     # the folder to pass instead


def test_check_command_reports_articles_removals_and_warnings(seed_copy, capsys):
    from helpers.check import describe

    (seed_copy / "empty.txt").write_bytes(b"")
    n_warnings = describe(seed_copy)
    out = capsys.readouterr().out
    assert "5 article(s)" in out
    assert "004_b5a5b979df70e810.txt  ≈2021-12-18  DC31  closing report  vi" in out
    assert "related news 61" in out
    assert "WARNING: empty.txt: empty file (no visible text), skipped" in out
    assert n_warnings == 1


def test_check_command_says_when_the_cache_cannot_be_written(seed_copy, file_in_the_way, capsys,
                                                             monkeypatch):
    from helpers import cache
    from helpers.check import describe

    blocker = file_in_the_way
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(blocker))
    monkeypatch.setattr(cache, "_WARNED", set())
    assert describe(seed_copy) == 0                      # not a corpus warning
    out = capsys.readouterr().out
    assert "5 article(s)" in out
    assert f"CACHE: {blocker / 'pages'}: the cache cannot be written" in out


def test_near_identical_bodies_count_as_copies():
    text = helpers.load_corpus()["text"].iat[3]
    paragraphs = text.split("\n")
    # Edited copy: a caption without credit added, two words changed, last paragraph dropped.
    caption = "Quang cảnh buổi phỏng vấn tại trụ sở Ban Đối ngoại Trung ương."
    edited = "\n".join([caption, *paragraphs[:-1]])
    edited = edited.replace("quan trọng", "rất quan trọng", 2)
    hashes = [helpers.shingle_hashes(text), helpers.shingle_hashes(edited)]
    assert helpers.find_duplicates(hashes) == [None, 0]
    # The pair is near, not exact: a stricter threshold no longer calls it a copy.
    assert helpers.find_duplicates(hashes, threshold=0.999) == [None, None]


def test_check_command_usage_and_exit_codes(capsys, tmp_path):
    from helpers.check import main

    assert main(["--help"]) == 0
    assert "usage: python -m helpers.check [PATH]" in capsys.readouterr().err
    assert main([str(tmp_path / "nope")]) == 1                 # said, without a traceback
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope'}: corpus folder not found " \
                                      "(set CORPUS_DIR or pass a path)\n"
    assert main(["one", "two"]) == 2
    assert main([]) == 0 and "5 article(s)" in capsys.readouterr().out


def _listed_by_pathlib(folder):
    """Page files and other files as ``sorted(Path.rglob("*"))`` lists them: the reference."""
    from pathlib import Path
    files, other = [], []
    for file in sorted(Path(folder).rglob("*")):
        rel = file.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if file.suffix.lower() in helpers.corpus.PAGE_SUFFIXES:
            files.append(rel.as_posix())
        elif file.name != "catalog.csv":
            other.append(rel.as_posix())
    return files, other


def test_page_files_are_listed_as_pathlib_orders_and_filters_them(tmp_path):
    names = ["a-b.txt", "a/b.txt", "a /q.txt", "a0/b.txt", "a_/b.TXT", "a/c/d.html", "x.Htm",
             "b.", "..txt", "g..txt", ".hidden/x.txt", "h/.x.txt", "sub/catalog.csv",
             "catalog.csv", "notes.md", unicodedata.normalize("NFD", "Hội nghị.txt"),
             "Hội nghị 2.txt", "deep/1/2/3.txt", "f.txt.bak"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "link to a").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "x.Htm")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    files, other = _listed_by_pathlib(tmp_path)
    assert "a/b.txt" in files and "link.txt" in files and "link to a/b.txt" not in files
    # links that lead to no file, two of them in a loop, are named (pathlib passes over them)
    (tmp_path / "a" / "loop.lnk").symlink_to(tmp_path / "a" / "loop.txt")
    (tmp_path / "a" / "loop.txt").symlink_to(tmp_path / "a" / "loop.lnk")
    (tmp_path / "gone").symlink_to(tmp_path / "no folder", target_is_directory=True)
    assert _listed_by_pathlib(tmp_path) == (files, other)
    with pytest.warns(CorpusWarning) as caught:
        _, listed = helpers.corpus.list_pages(tmp_path)
    assert listed == files
    messages = [str(w.message) for w in caught]
    assert messages[0].endswith("ignored 1 catalog.csv in subfolders (only the folder's own is "
                                "read; list every file there, with its path): sub/catalog.csv")
    assert messages[1].endswith(": " + ", ".join(other))
    assert messages[2].endswith(
        "ignored 4 link(s) that lead to no file (the target is missing, or links point at each "
        "other): a/loop.lnk, a/loop.txt, broken.txt, gone")


def test_an_unreadable_folder_is_an_error_and_an_unreadable_subfolder_is_passed_over(
        tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("x", encoding="utf-8")
    scandir = helpers.corpus.os.scandir

    def refuse(path, refused):
        if str(path).endswith(refused):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(helpers.corpus.os, "scandir", lambda path: refuse(path, "locked"))
    assert helpers.corpus.list_pages(tmp_path)[1] == ["a.txt"]
    monkeypatch.setattr(helpers.corpus.os, "scandir", lambda path: refuse(path, tmp_path.name))
    with pytest.raises(CorpusError, match="cannot read the corpus folder"):
        helpers.corpus.list_pages(tmp_path)
