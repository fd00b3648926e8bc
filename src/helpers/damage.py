"""Telling damaged UTF-8 from another encoding, so that a file cut short by a download or hit
by a bad byte is named as such, not as a legacy encoding to convert (which would corrupt it).

Owns ``damaged_utf8`` and ``utf8_damage``; ``helpers.pages`` (text files) and ``helpers.html``
(saved pages) raise the error with it.
"""
from __future__ import annotations

__all__ = ["DAMAGED_UTF8_MIN_RATIO", "DAMAGED_UTF8_MIN_VALID", "damaged_utf8", "utf8_damage"]

# Valid characters outside ASCII per invalid sequence at least (and in all), for bytes to
# count as UTF-8 with a few damaged bytes rather than another encoding. In an 8-bit encoding
# nearly every byte above 127 breaks UTF-8 and valid sequences are chance: none in the test
# pages converted to Windows-1258, nor in the tests' VNI, TCVN3, French and German samples
# (Windows-1252), by hand on 3 Dec 2026.
DAMAGED_UTF8_MIN_RATIO = 2
DAMAGED_UTF8_MIN_VALID = 3


def damaged_utf8(data: bytes) -> tuple[int, int] | None:
    """``(invalid sequences, valid characters outside ASCII)`` when ``data`` is UTF-8 but for
    a few invalid byte sequences (see ``DAMAGED_UTF8_MIN_RATIO``, ``DAMAGED_UTF8_MIN_VALID``),
    else None.

    Parameters
    ----------
    data : bytes
        A file's content.

    Returns
    -------
    tuple of int, or None

    Examples
    --------
    >>> text = "Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội. ".encode() * 3
    >>> damaged_utf8(text[:20] + b"\\xff" + text[20:])
    (1, 27)
    >>> damaged_utf8("Hà Nội hôm nay".encode() + b"\\xff" + " trời đẹp".encode())
    (1, 6)
    >>> damaged_utf8("Héi nghÞ Ngo¹i giao lÇn thø 32".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    # (a replacement character the file itself holds is valid, not a damaged byte)
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    if invalid == 0 or valid < max(DAMAGED_UTF8_MIN_RATIO * invalid, DAMAGED_UTF8_MIN_VALID):
        return None
    return invalid, valid


def utf8_damage(data: bytes) -> str | None:
    """Why bytes that are UTF-8 but for a few bytes do not decode (where, and what it looks
    like), or None when they decode, or are in another encoding as far as one can tell.

    Bytes valid up to an unfinished character at their very end were cut short, however few
    of them are outside ASCII; otherwise ``damaged_utf8`` decides.

    Parameters
    ----------
    data : bytes
        A file's content (after any byte-order mark).

    Returns
    -------
    str or None

    Examples
    --------
    >>> why = utf8_damage("Tin mới: Hà".encode()[:-1])
    >>> why.split(":")[0], why.endswith("it looks cut short (an interrupted download?)")
    ('unexpected end of data at byte 12', True)
    >>> utf8_damage("Hà Nội".encode()) is None
    True
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        first = err
    else:
        return None
    if first.reason == "unexpected end of data" and first.end == len(data):
        return (f"{first.reason} at byte {first.start}: the file ends in the middle of a "
                "character and is UTF-8 before it: it looks cut short (an interrupted download?)")
    damage = damaged_utf8(data)
    if damage is None:
        return None
    invalid, valid = damage
    return (f"{first.reason} at byte {first.start}: the rest is UTF-8 ({valid} characters "
            f"outside ASCII, {invalid} invalid sequence(s)): the file looks damaged")
