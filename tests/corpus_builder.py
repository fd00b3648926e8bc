"""Build a varied corpus folder from the seeds, for tests of ``load_corpus`` on pages it has
never seen: other outlets' page furniture, a syndicated copy, a mobile duplicate, NFD text,
CRLF line ends, byte-order marks, no catalog, an empty file and an undecodable file.

``EXPECTED`` says what the loader should infer for each file. The page ``dc30-synthetic.txt``
is written for these tests (it is not a real article); it gives the corpus a third year.
"""
from __future__ import annotations

import codecs
import shutil
import unicodedata
from pathlib import Path

from helpers.paths import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def _seed(stem: str) -> str:
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return path.read_text(encoding="utf-8")


def _body_lines(stem: str) -> list[str]:
    """The article lines of a seed (headline first), as the cleaner keeps them."""
    from helpers import clean_article

    art = clean_article(_seed(stem))
    return [art.headline, *art.paragraphs]


SYNTHETIC_DC30 = """Trang chủ
Chính trị > Đối ngoại
Thứ Năm, 20/12/2018 - 10:15 (GMT+7)
Khai mạc Hội nghị Ngoại giao lần thứ 30 tại Hà Nội
Lượt xem: 2.048
Chia sẻ
Sáng 17/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 30 khai mạc với sự tham dự của đại biểu các cơ quan đại diện.
Hội nghị bàn về công tác đối ngoại, hội nhập quốc tế và ngoại giao kinh tế trong thời gian tới.
Các đại biểu nhấn mạnh vai trò của ngoại giao trong việc giữ vững môi trường hòa bình, ổn định.
Hội nghị cũng thảo luận về ngoại giao văn hóa và công tác người Việt Nam ở nước ngoài.
Nguyễn Minh An
Tin liên quan
Hội nghị Ngoại vụ toàn quốc lần thứ 19
Tóm tắt một bài khác về hội nghị ngoại vụ...
© Bản quyền thuộc về Báo Điện tử Thử Nghiệm
"""  # noqa: E501 (a page line as sites write it)


def build_varied_corpus(folder: Path) -> Path:
    """Write the varied corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem in ("000", "001", "002", "003", "004"):
        (src,) = SEEDS.glob(f"{stem}_*.txt")
        shutil.copyfile(src, folder / src.name)
    names = {p.name[:3]: p for p in folder.glob("*.txt")}
    # Other encodings and forms of the same pages (same articles, not copies of each other).
    names["001"].write_bytes(codecs.BOM_UTF8 + _seed("001").encode("utf-8"))
    names["002"].write_bytes(_seed("002").replace("\n", "\r\n").encode("utf-8"))
    names["003"].write_bytes(unicodedata.normalize("NFD", _seed("003")).encode("utf-8"))
    names["004"].write_bytes(_seed("004").encode("utf-16"))
    # A syndicated copy of 000 with another outlet's furniture and its own dateline.
    lines = _body_lines("000")
    syndicated = "\n".join([
        "Trang chủ", "English | Tiếng Việt", "Thời sự > Đối ngoại", lines[0],
        "Thứ ba, 19/12/2023, 16:45 (GMT+7)", "Lượt xem: 1.234", "Chia sẻ", *lines[1:],
        "Ảnh: Quang Hòa", "(Theo Báo Sơn La)", "Tin liên quan", "Một bài khác về hội nghị",
        "Tóm tắt bài khác...", "© Bản quyền thuộc về Báo Điện tử Đối Ngoại",
    ])
    (folder / "dc32-syndicated.txt").write_text(syndicated, encoding="utf-8")
    # A mobile copy of 004: other furniture, a byline added, one caption added.
    lines = _body_lines("004")
    mobile = "\n".join(["Phiên bản máy tính", lines[0], lines[1],
                        "Toàn cảnh phiên bế mạc. (Ảnh: Tuấn Anh)", *lines[2:], "Minh Ngọc",
                        "Xem thêm", "Tin khác về hội nghị"])
    (folder / "dc31-mobile.txt").write_text(mobile, encoding="utf-8")
    (folder / "dc30-synthetic.txt").write_text(SYNTHETIC_DC30, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    broken = "Hội nghị ngoại giao".encode("cp1258", "replace") + b"\x81\xfe\xff"
    (folder / "broken.txt").write_bytes(broken)
    return folder


# What load_corpus(on_error="skip") should make of each file, with no catalog.
EXPECTED = {
    "000_81a13d3eb0ca6e22": {"event": "DC32", "year": 2023, "published": "2023-12-19",
                             "date_precision": "approximate", "author": "Thanh Huyền",
                             "duplicate_of": None},
    "001_a5ec4419648efbd0": {"event": "DC32", "year": 2023, "published": "2023-12-23",
                             "date_precision": "approximate", "source": "Báo điện tử Đảng Cộng sản",
                             "duplicate_of": None},
    "002_ed76183e011c5285": {"event": "NFAC", "year": 2021, "published": "2021-12-13",
                             "date_precision": "day", "author": "Kim Hồng", "duplicate_of": None},
    "003_079bd86adfea4555": {"event": "NFAC", "year": 2021, "published": None,
                             "outlet": "Baoquocte.vn", "author": "Chu Văn", "source": "TTXVN",
                             "duplicate_of": None},
    "004_b5a5b979df70e810": {"event": "DC31", "year": 2021, "published": "2021-12-18",
                             "date_precision": "approximate", "duplicate_of": None},
    "dc30-synthetic": {"event": "DC30", "year": 2018, "published": "2018-12-20",
                       "date_precision": "day", "author": "Nguyễn Minh An",
                       "outlet": "Báo Điện tử Thử Nghiệm", "duplicate_of": None,
                       "title": "Khai mạc Hội nghị Ngoại giao lần thứ 30 tại Hà Nội"},
    "dc31-mobile": {"event": "DC31", "year": 2021, "author": "Minh Ngọc",
                    "duplicate_of": "004_b5a5b979df70e810"},
    "dc32-syndicated": {"event": "DC32", "year": 2023, "published": "2023-12-19",
                        "date_precision": "day", "source": "Báo Sơn La",
                        "outlet": "Báo Điện tử Đối Ngoại", "duplicate_of": "000_81a13d3eb0ca6e22"},
}
