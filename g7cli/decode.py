"""Bytes from a file -> text, or a one-line reason why not.

For now: UTF-8, with or without a byte-order mark. Line endings are
normalised to "\n" here so that the same text saved with CRLF or CR is the
same document (same sha256) and extracts the same. Other encodings and
saved web pages come later (issue 5) behind the same `decode` call.
"""
from __future__ import annotations

from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"


class DecodeError(Exception):
    """The bytes are not a text document g7 can read; str(e) is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    encoding = "utf-8"
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
        encoding = "utf-8-sig"
    if not data.strip():
        raise DecodeError("empty file")
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DecodeError(f"not UTF-8 text (invalid byte at offset {e.start})") from None
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)
