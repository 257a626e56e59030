"""Ingest paths: folders, bad files, changed files, encodings and line endings."""
from __future__ import annotations

import pytest

from g7cli.decode import DecodeError, decode


def test_decode_utf8_with_and_without_bom_and_any_line_ending():
    text = "G7 会合\nline two\n"
    plain = decode(text.encode())
    assert plain.text == text and plain.encoding == "utf-8"
    assert decode(b"\xef\xbb\xbf" + text.encode()).text == text
    assert decode(text.replace("\n", "\r\n").encode()).text == text
    assert decode(text.replace("\n", "\r").encode()).text == text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"), (b" \n\n", "empty file"), (b"\xef\xbb\xbf", "empty file"), (b"\xff\xfe", "empty file"),
    (b"\x00\x01\x02binary", "binary"), (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"), (bytes(range(256)) * 4, "binary"),
    ("text with \x01\x02\x03\x04 controls".encode(), "binary"),
])
def test_decode_refuses_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_folders_are_walked_and_bad_files_reported(g7, seeds, tmp_path):
    root = tmp_path / "in"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_bytes(seeds[0].read_bytes())
    (root / "nested" / "deeper" / "b.TXT").write_bytes(seeds[-1].read_bytes())
    (root / "nested" / "notes.md").write_text("not a document")   # skipped with a note
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref: x")             # hidden: not even a note
    (root / "nested" / "sjis.txt").write_bytes("G7 会合のお知らせ".encode("cp932"))   # read: detected
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "emptydir").mkdir()
    result = g7("ingest", root, tmp_path / "missing.txt", tmp_path / "emptydir")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    failed = [line for line in errors if ": " in line and not line.startswith(("documents:", "added:"))
              and "skipped" not in line]
    assert len(failed) == 4, result.stderr
    assert any(line.startswith(str(root / "photo.txt")) and "PNG image" in line for line in failed)
    assert any(line.startswith(str(root / "empty.txt")) and "empty file" in line for line in failed)
    assert any(line.startswith(str(tmp_path / "missing.txt")) and "no such file" in line for line in failed)
    assert any(line.startswith(str(tmp_path / "emptydir")) and "no *.txt, *.html or *.htm documents" in line
               for line in failed)
    assert f"{root / 'nested' / 'notes.md'}: skipped: neither a text (.txt) nor an HTML (.html, .htm) file" in errors
    assert "HEAD" not in result.stderr
    assert "documents: 2 added, 0 unchanged, 1 without a G7 meeting, 4 failed, 1 skipped" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(d["file_name"] for d in g7.json("documents")) == ["a.txt", "b.TXT", "sjis.txt"]


def test_a_file_named_explicitly_is_read_whatever_its_suffix(g7, seeds, tmp_path):
    doc = tmp_path / "release.text"
    doc.write_bytes(seeds[0].read_bytes())
    assert g7("ingest", doc).exit_code == 0
    assert [d["file_name"] for d in g7.json("documents")] == ["release.text"]


def test_same_text_in_another_encoding_form_is_unchanged(g7, seeds, tmp_path):
    text = seeds[1].read_text(encoding="utf-8")
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="\n")
    (tmp_path / "crlf-bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = g7("ingest", tmp_path / "lf.txt", tmp_path / "crlf-bom.txt")
    assert result.exit_code == 0
    assert "1 added, 1 unchanged" in result.stderr


def test_a_changed_file_replaces_its_document(g7, seeds, tmp_path):
    doc = tmp_path / "release.txt"
    doc.write_bytes(seeds[0].read_bytes())
    assert g7("ingest", doc).exit_code == 0
    before = g7.json("meetings")
    doc.write_text(seeds[0].read_text(encoding="utf-8") + "\n(updated)\n", encoding="utf-8")
    result = g7("ingest", doc)
    assert result.exit_code == 0
    assert "1 added (1 replaced)" in result.stderr
    assert len(g7.json("documents")) == 1
    after = g7.json("meetings")
    assert [(m["title"], m["start_date"], m["documents"]) for m in after] == \
        [(m["title"], m["start_date"], m["documents"]) for m in before]
    assert g7.json("info")[0]["meetings"] == len(before)


def test_a_document_without_a_g7_meeting(g7, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Minutes of a staff lunch. Nothing about ministers.\n", encoding="utf-8")
    result = g7("ingest", doc)
    assert result.exit_code == 0
    assert "0 added, 0 unchanged, 1 without a G7 meeting, 0 failed" in result.stderr
    assert g7.json("meetings") == []
    assert [d["meeting_id"] for d in g7.json("documents")] == [None]


def test_ingest_into_an_unwritable_location_fails_with_one_line(g7, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = g7("--db", blocker / "sub" / "g7.db", "ingest")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
