"""Tables out: bytes Excel reads as Vietnamese, identical on re-run, a caption line."""
import pandas as pd
import pytest

from helpers import export


def _table():
    return pd.DataFrame({"word": ["ngoại giao", "đối ngoại"], "g2": [12.3456789, -1.0 / 3]})


def test_csv_starts_with_bom_and_keeps_vietnamese(tmp_path):
    export.save_table(_table(), "02-x", "caption", tmp_path)
    raw = (tmp_path / "02-x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "ngoại giao" in raw.decode("utf-8-sig")


def test_rerun_writes_identical_bytes_with_rounded_floats(tmp_path):
    export.save_table(_table(), "02-x", "caption", tmp_path)
    first = (tmp_path / "02-x.csv").read_bytes()
    export.save_table(_table(), "02-x", "caption", tmp_path)
    assert (tmp_path / "02-x.csv").read_bytes() == first
    assert b"12.3457" in first and b"\r\n" not in first and b"12.345678" not in first


def test_no_index_unless_asked(tmp_path):
    export.save_table(_table(), "02-x", "caption", tmp_path)
    assert (tmp_path / "02-x.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "word,g2"
    export.save_table(_table().set_index("word"), "02-y", "caption", tmp_path, index=True)
    assert (tmp_path / "02-y.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "word,g2"


def test_prints_one_caption_line(tmp_path, capsys):
    export.save_table(_table(), "02-x", "collocates of  ngoại giao", tmp_path)
    assert capsys.readouterr().out == "saved table: 02-x.csv — collocates of ngoại giao\n"


def test_bad_name_or_missing_caption_is_refused(tmp_path):
    with pytest.raises(ValueError, match="caption"):
        export.save_table(_table(), "02-x", " ", tmp_path)
    with pytest.raises(ValueError, match=r"02-x\.csv"):
        export.save_table(_table(), "02-x.csv", "c", tmp_path)


def test_preview_counts_rows_left_out():
    text = export.preview(_table(), ["word"], n=1)
    assert text.splitlines()[-1] == "(1 more row in the saved table)"
    assert "đối ngoại" not in text
    assert export.preview(_table().iloc[:0]) == "(no rows)"
