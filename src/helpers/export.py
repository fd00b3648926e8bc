"""Tables out: every analysis table saved beside the figures as CSV that Excel opens with its
Vietnamese intact (UTF-8 with BOM), with deterministic bytes and a one-line caption.

Owns writing tables and their plain-text previews; figures are ``helpers.plotting``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .paths import figures_dir

__all__ = ["preview", "save_table", "table_bytes"]

DECIMALS = 4


def _rounded(df: pd.DataFrame, decimals: int) -> pd.DataFrame:
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(decimals)
    return out


def table_bytes(df: pd.DataFrame, index: bool = False, decimals: int = DECIMALS) -> bytes:
    """The CSV bytes ``save_table`` writes: UTF-8 with a BOM, ``\\n`` line ends, floats
    rounded to ``decimals``, rows in the order given (the caller's ranking is meaningful).

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    index : bool
        Write the index as a column (only when it carries meaning, e.g. a group label).
    decimals : int
        Decimal places kept for float columns.

    Returns
    -------
    bytes

    Examples
    --------
    >>> table_bytes(pd.DataFrame({"từ": ["hòa bình"], "g2": [1.234567]}))[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    text = _rounded(df, decimals).to_csv(index=index, lineterminator="\n")
    return text.encode("utf-8-sig")


def save_table(df: pd.DataFrame, name: str, caption: str, folder: str | Path | None = None,
               *, index: bool = False, decimals: int = DECIMALS) -> str:
    """Write ``df`` as ``name``.csv in ``figures/`` (or ``$HELPERS_FIGURES_DIR``, or
    ``folder``) and print ``saved table: name.csv — caption``. Re-running writes identical bytes.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to save (rows in the order given).
    name : str
        File name without extension, named after the notebook: ``"02-collocates"``.
    caption : str
        One line saying what the table holds.
    folder : str or pathlib.Path, optional
        Where to write; by default the figures folder.
    index, decimals
        See ``table_bytes``.

    Returns
    -------
    str
        The file name written.

    Examples
    --------
    >>> import tempfile
    >>> save_table(pd.DataFrame({"word": ["ngoại giao"]}), "00-x", "one word", tempfile.mkdtemp())
    saved table: 00-x.csv — one word
    '00-x.csv'
    """
    if not name or "/" in name or name.endswith(".csv"):
        raise ValueError("save_table: name must be a bare file stem like '02-collocates', "
                         f"got {name!r}")
    if not str(caption).strip():
        raise ValueError(f"save_table: table {name!r} needs a caption")
    out = Path(folder) if folder is not None else figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.csv").write_bytes(table_bytes(df, index=index, decimals=decimals))
    print(f"saved table: {name}.csv — {' '.join(str(caption).split())}")
    return f"{name}.csv"


def preview(df: pd.DataFrame, columns: list[str] | None = None, n: int = 10,
            decimals: int = 2) -> str:
    """A short plain-text view of a table for an nbval-checked cell: the first ``n`` rows of
    ``columns``, floats rounded to ``decimals``, and how many rows were left out.

    Parameters
    ----------
    df : pandas.DataFrame
    columns : list of str, optional
        The key columns (all by default).
    n : int
        Rows shown.
    decimals : int
        Decimal places shown.

    Returns
    -------
    str

    Examples
    --------
    >>> print(preview(pd.DataFrame({"word": ["a", "b", "c"], "g2": [1.0, 2.0, 3.0]}), n=2))
    word  g2
       a 1.0
       b 2.0
    (1 more row in the saved table)
    """
    shown = _rounded(df if columns is None else df[columns], decimals)
    if shown.empty:
        return "(no rows)"
    text = shown.head(n).to_string(index=False)
    rest = len(shown) - n
    if rest > 0:
        text += f"\n({rest} more row{'s' if rest != 1 else ''} in the saved table)"
    return text
