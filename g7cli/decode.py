"""Bytes from a file -> text, or a one-line reason why not.

The order of the checks matters:

1. `--encoding NAME` wins over everything (strict decoding, no guessing).
2. A byte-order mark (UTF-32, UTF-8, UTF-16) names the encoding.
3. A known binary format (PDF, ZIP/Office, images, SQLite, ...) is refused
   by its signature, before it can pass for text.
4. ISO-2022-JP (7-bit, so it would pass as UTF-8) by its escape sequences.
5. Strict UTF-8: if the bytes decode, they are UTF-8 (other encodings of
   real text almost never form valid UTF-8 sequences).
6. A hint from the caller (an HTML page's <meta charset>), if it decodes.
7. NUL bytes: UTF-16/32 without a byte-order mark if the NULs sit in the
   right places and the result is text, else a binary file.
8. charset-normalizer guesses the rest, choosing among the encodings
   Japanese and English releases come in (CP932/Shift_JIS, EUC-JP,
   ISO-2022-JP, UTF-16/32, CP1252, Latin-1). It is imported only here,
   for files that need it. Its habits are corrected: the Japanese variants
   it names (shift_jis_2004, euc_jis_2004, ...) become the codecs Japanese
   sites actually use (cp932, euc_jp) when those decode the bytes; on short
   texts, or English ones with a few Japanese words, where it guesses a
   Latin code page, a reading as EUC-JP or CP932 that is clearly Japanese
   wins; and it calls an empty file UTF-8, which cannot arise here (empty
   files are refused first).

Line endings are normalised to "\n" and a leading U+FEFF is dropped, so the
same text saved with CRLF or CR, with or without a BOM, in any of these
encodings, is the same text and extracts the same.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (UTF8_BOM, "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Formats people end up with in a folder of press releases, refused by name.
# The short ASCII-only signatures count only with a NUL byte near the start,
# so that a text that happens to begin with "MZ" or "BZh" is still read.
_SIGNATURES = (
    (b"%PDF-", "a PDF document", False),
    (b"PK\x03\x04", "a ZIP archive or Office document", False),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document", False),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", False),
    (b"GIF87a", "a GIF image", False),
    (b"GIF89a", "a GIF image", False),
    (b"\xff\xd8\xff", "a JPEG image", False),
    (b"\x1f\x8b", "a gzip file", False),
    (b"\xfd7zXZ\x00", "an xz file", False),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", False),
    (b"Rar!\x1a\x07", "a RAR archive", False),
    (b"SQLite format 3\x00", "an SQLite database", False),
    (b"\x7fELF", "an executable", False),
    (b"{\\rtf", "an RTF document", False),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file", True),
    (b"BZh", "a bzip2 file", True),
    (b"MZ", "a Windows executable", True),
)
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b$(D", b"\x1b(I")
# Codec names charset-normalizer may give for Japanese text -> the codec to
# use when it decodes the bytes (CP932 is Shift_JIS as Windows and the web
# write it; euc_jp is what EUC-JP pages use).
_JAPANESE = {
    "shift_jis": "cp932", "shift_jis_2004": "cp932", "shift_jisx0213": "cp932", "cp932": "cp932",
    "euc_jp": "euc_jp", "euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp",
}
# What charset-normalizer chooses from: the encodings Japanese and English
# press releases are published in. (Unrestricted, it reads a short EUC-JP
# text as Big5 or Johab.) Anything else needs --encoding.
_CANDIDATES = ("cp932", "shift_jis", "euc_jp", "iso2022_jp", "utf_16", "utf_32", "cp1252", "latin_1")
# Characters Japanese text is made of (besides kana): CJK punctuation and
# ideographs, full-width forms, symbols JIS X 0208 has (● ■ → ① ※ ×).
_JAPANESE_CHARS = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff01-\uff60\u2010-\u2312\u2460-\u24ff"
                             "\u2500-\u26ff\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00d7\u00f7]")
# ... and Latin text: accented letters and typographic punctuation.
_LATIN_CHARS = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u2018\u2019\u201c\u201d"
                          "\u2013\u2014\u2026\u2022]")
# A CJK character with a Latin letter straight before or after it.
_GLUED = re.compile(r"[A-Za-z][\u3000-\u9fff\uff01-\uff9f]|[\u3000-\u9fff\uff01-\uff9f][A-Za-z]")
# Japanese readings weighed against the detector's. EUC-JP first: CP932 text
# almost never decodes as EUC-JP, while EUC-JP bytes often decode as CP932
# (as half-width katakana).
_JAPANESE_FALLBACKS = ("euc_jp", "cp932")
# Control characters plain text does not carry (tab, line breaks, form feed,
# DOS end-of-file and ESC are allowed).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes(b for b in range(0x20) if chr(b) not in "\t\n\r\f\v\x1a\x1b") + b"\x7f"
# Judging a reading needs only a sample.
_SAMPLE = 100_000


class DecodeError(Exception):
    """The bytes are not a text document g7 can read; str(e) is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def check_encoding(name: str) -> str:
    """The canonical codec name for `name`, or ValueError if Python has no such text codec."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding")
    return info.name


def decode(data: bytes, encoding: str | None = None, *, hint: str | None = None) -> Decoded:
    """Decode a document's bytes; raise DecodeError with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    if encoding:
        codec = check_encoding(encoding)
        text = _strict(data, codec)
        if text is None:
            raise DecodeError(f"not {encoding} text ({_where(data, codec)})")
        return _finish(text, codec)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise DecodeError(f"not {codec} text despite its byte-order mark ({_where(data, codec)})")
            return _finish(text, "utf-8-sig" if codec == "utf-8-sig" else f"{codec} (BOM)")
    for signature, what, needs_nul in _SIGNATURES:
        if data.startswith(signature) and (not needs_nul or b"\x00" in data[:64]):
            raise DecodeError(f"not a text document ({what})")
    if any(e in data for e in _ISO2022_ESCAPES) and max(data) < 0x80:
        text = _strict(data, "iso2022_jp")
        if text is not None:
            return _finish(text, "iso2022_jp")
    if b"\x00" not in data:
        text = _strict(data, "utf-8")
        if text is not None:
            return _finish(text, "utf-8")
        if hint:
            try:
                codec = check_encoding(hint)
            except ValueError:
                codec = None
            text = _strict(data, codec) if codec else None
            if text is not None and _is_text(text):
                return _finish(text, codec)
    else:
        for codec in _unmarked_utf16_32(data):
            text = _strict(data, codec)
            if text is not None and _is_text(text):
                return _finish(text, codec)
        raise DecodeError("binary file (contains NUL bytes)")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(data) // 100):
        # No text encoding g7 reads uses these bytes except as control characters.
        raise DecodeError("binary file (control characters)")
    codec, text = _detect(data)
    return _finish(text, codec)


def _finish(text: str, codec: str) -> Decoded:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DecodeError("empty file (only white space)")
    if not _is_text(text):
        raise DecodeError(f"binary file (control characters when read as {codec})")
    return Decoded(text, codec)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, UnicodeError, LookupError):
        return None


def _where(data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as e:
        return f"invalid byte at offset {e.start}"
    except Exception as e:  # noqa: BLE001 - the reason is only for the message
        return str(e) or type(e).__name__
    return "decoding failed"


def _is_text(text: str) -> bool:
    """Few control characters: binary data read through a code page has many."""
    if "\x00" in text:
        return False
    limit = max(2, len(text) // 100)
    for count, _ in enumerate(_CONTROLS.finditer(text), 1):
        if count > limit:
            return False
    return True


def _unmarked_utf16_32(data: bytes) -> list[str]:
    """UTF-16/32 codecs, best first, whose reading of these bytes is plausible text."""
    scored = []
    for codec, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        text = _strict(data, codec)
        if text is not None:
            score = _plausible(text)
            if score >= 0.9:
                # Equally plausible (Latin read the wrong way round is CJK):
                # the reading with more ASCII, i.e. spaces, digits, line breaks.
                ascii_share = sum(1 for c in text[:_SAMPLE] if c < "\x80")
                scored.append((-score, -ascii_share, width == 2, codec))
    return [codec for *_, codec in sorted(scored)]


def _plausible(text: str) -> float:
    """The share of characters a Japanese or English press release is made of."""
    text = text[:_SAMPLE]
    if not text:
        return 0.0
    ok = sum(1 for c in text if " " <= c <= "~" or c in "\t\n\r" or "\u00a0" <= c <= "\u024f"
             or "\u2000" <= c <= "\u206f" or "\u3000" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"
             or "\uff01" <= c <= "\uff9f" or "\u2460" <= c <= "\u24ff")
    return ok / len(text)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    readings: list[tuple[str, str]] = []
    if best is not None:
        codec = check_encoding(best.encoding)
        preferred = _JAPANESE.get(codec)
        if preferred and preferred != codec and _strict(data, preferred) is not None:
            codec = preferred
        text = _strict(data, codec)
        if text is not None:
            readings.append((codec, text))
    for alt in _JAPANESE_FALLBACKS:
        if all(alt != codec for codec, _ in readings):
            text = _strict(data, alt)
            if text is not None:
                readings.append((alt, text))
    if not readings:
        raise DecodeError("cannot tell the text encoding (not UTF-8, UTF-16, Shift_JIS, EUC-JP or "
                          "Latin-1; name it with --encoding)")
    # The detector's reading unless another reads better; between equally
    # good readings a Japanese codec wins over a Latin code page (genuine
    # Latin text almost never reads well as EUC-JP or CP932).
    def rank(reading: tuple[str, str]) -> tuple[int, bool]:
        score = _score(reading[1][:_SAMPLE])
        return score, score > 0 and reading[0] in _JAPANESE

    return max(readings, key=rank)


def _score(text: str) -> int:
    """How well a reading reads. 2: Japanese prose (kana, no stray half-width
    katakana). 1: every non-ASCII character makes sense where it is: Japanese
    words not glued to a Latin letter (a Latin code page read as CP932 glues
    them), Latin letters with accents, typographic punctuation. 0: neither."""
    wide = kana = half = other = 0
    for c in text:
        if c > "\x7f":
            wide += 1
            if "\u3041" <= c <= "\u30ff":
                kana += 1
            elif "\uff61" <= c <= "\uff9f":
                half += 1
            elif not (_JAPANESE_CHARS.match(c) or _LATIN_CHARS.match(c)):
                other += 1
    if not wide:
        return 0
    if kana >= 0.2 * wide and half <= 0.05 * wide:
        return 2
    if half or other or _GLUED.search(text):
        return 0
    return 1
