"""Decoding text files as Swedish exports come: UTF-8 with or without a BOM, UTF-16 with a
BOM (Excel's "Unicode text"), or Windows-1252. One decoder for registers and reports."""

from __future__ import annotations


def decode(data: bytes, lenient: bool = False) -> tuple[str, str]:
    """The text and the encoding it was read as. UTF-16 without a byte-order mark is refused
    with a clear reason; a byte Windows-1252 does not define is refused too, unless
    `lenient` (reports: a stray byte becomes U+FFFD rather than losing the file)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        raise UnicodeDecodeError("utf-16", data[:2], 0, 2,
                                 "the file is UTF-16 without a byte-order mark")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace" if lenient else "strict"), "cp1252"
