"""Encodings: every seed in every encoding a Japanese or English release comes in
decodes to the same text and extracts exactly the same; --encoding overrides."""
from __future__ import annotations

import pytest

from g7cli.decode import DecodeError, decode
from g7cli.extract import extract
from g7cli.extract.normalize import normalize
from g7cli.resources import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))
# What a converter such as iconv or nkf does with the few characters CP932
# and EUC-JP lack: the text both encodings can carry.
PORTABLE = str.maketrans({"\u2022": "・", "\u00a0": " ", "\u2013": "-", "\u00e7": "c", "\u00e9": "e"})


def portable(text: str) -> str:
    return text.translate(PORTABLE)


def encoded(text: str, encoding: str, newline: str = "\n") -> bytes:
    text = text.replace("\n", newline)
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.fixture(scope="module")
def reference() -> dict[str, tuple[str, object]]:
    """Each seed's portable text and its extraction from UTF-8."""
    out = {}
    for seed in SEEDS:
        text = portable(seed.read_text(encoding="utf-8"))
        out[seed.name] = (text, extract(decode(text.encode("utf-8")).text))
    return out


ENCODINGS = ["utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32",
             "cp932", "shift_jis", "euc_jp", "iso2022_jp"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("seed", [s.name for s in SEEDS])
def test_every_seed_extracts_the_same_in_every_encoding(reference, seed, encoding):
    text, expected = reference[seed]
    newline = {"cp932": "\r\n", "euc_jp": "\r", "utf-16": "\r\n"}.get(encoding, "\n")
    got = decode(encoded(text, encoding, newline))
    if encoding in ("cp932", "shift_jis"):
        # CP932 has one code for − and －, and reads it back as －: the same text once normalised.
        assert normalize(got.text) == normalize(text)
    else:
        assert got.text == text
    assert extract(got.text) == expected      # the whole Extraction: facts, evidence, normalised text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_make_no_difference(reference, newline):
    for name, (text, expected) in reference.items():
        assert decode(text.replace("\n", newline).encode("utf-8")).text == text
        assert extract(decode(text.replace("\n", newline).encode("cp932")).text) == expected


@pytest.mark.parametrize("text", [
    "G7会合", "総務省", "会談を行いました。", "令和6年3月14日(木)", "Minister Kono visited 日本語サイト",
    "長谷川総務大臣政務官が出席しました。\n", "● 開催日\n令和6年3月14日\n",
])
@pytest.mark.parametrize("encoding", ["cp932", "euc_jp"])
def test_short_japanese_texts_are_read_as_japanese(text, encoding):
    # charset-normalizer alone reads short EUC-JP as Big5 or Johab and short
    # CP932 as UTF-16; the corrections in decode() fix both.
    got = decode(text.encode(encoding))
    assert got.text == text
    assert got.encoding == encoding


def test_detected_encodings_are_named():
    text = portable(SEEDS[0].read_text(encoding="utf-8"))
    assert decode(text.encode("utf-8")).encoding == "utf-8"
    assert decode(b"\xef\xbb\xbf" + text.encode()).encoding == "utf-8-sig"
    assert decode(text.encode("utf-16")).encoding == "utf-16 (BOM)"
    assert decode(text.encode("utf-16-le")).encoding == "utf-16-le"
    assert decode(text.encode("cp932")).encoding == "cp932"
    assert decode(text.encode("euc_jp")).encoding == "euc_jp"
    assert decode(text.encode("shift_jis")).encoding == "cp932"   # never shift_jis_2004
    assert decode(text.encode("iso2022_jp")).encoding == "iso2022_jp"


def test_latin_code_pages_for_english_releases():
    text = "Minister Kono met Mr. François-Philippe Champagne’s team in Montréal – 14 March 2024.\n"
    assert decode(text.encode("cp1252")).text == text
    assert decode("Düsseldorf and Zürich\n".encode("latin-1")).text == "Düsseldorf and Zürich\n"


def test_encoding_option_overrides_detection():
    data = "会合".encode("euc_jp")
    assert decode(data, "euc_jp").text == "会合"
    assert decode(data, "latin-1").text == data.decode("latin-1")   # as asked, even if odd
    with pytest.raises(DecodeError, match="not utf-8 text"):
        decode(data, "utf-8")
    with pytest.raises(ValueError, match="unknown encoding"):
        decode(data, "no-such-codec")
    with pytest.raises(ValueError, match="not a text encoding"):
        decode(data, "base64")


def test_empty_is_refused_before_detection():
    # charset-normalizer calls an empty file UTF-8; g7 calls it empty.
    for data in (b"", b"\n\r\n  \t", b"\xef\xbb\xbf\n", "\u3000\n".encode("utf-16")):
        with pytest.raises(DecodeError, match="empty"):
            decode(data)


def test_cli_reads_each_encoding_and_names_it(g7, tmp_path):
    text = portable(SEEDS[3].read_text(encoding="utf-8"))     # MIC's Japanese release
    for enc in ("utf-8", "euc_jp", "utf-16"):
        (tmp_path / f"{enc}.txt").write_bytes(text.encode(enc))
    result = g7("ingest", *sorted(tmp_path.glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    # One text in three encodings is one document: the others are unchanged.
    assert "documents: 1 added, 2 unchanged" in result.stderr
    forced = g7("ingest", "--encoding", "utf-8", tmp_path / "euc_jp.txt")
    assert forced.exit_code == 1
    assert forced.stderr.splitlines()[0].startswith(f"{tmp_path / 'euc_jp.txt'}: not utf-8 text (invalid byte")
    bad = g7("ingest", "--encoding", "klingon", tmp_path / "euc_jp.txt")
    assert bad.exit_code == 2 and "unknown encoding 'klingon'" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
