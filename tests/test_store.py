"""The store on hand-built extractions: merging, idempotency, replacement, no orphans."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from g7cli import db, store
from g7cli.extract.model import (Bilateral, City, Delegate, Evidence, Extraction, Meeting, Outcome,
                                 Participant, Theme)


def ev(text: str, fragment: str) -> Evidence:
    start = text.index(fragment)
    return Evidence(start, start + len(fragment), fragment)


def meeting(text, title, start="2024-03-14", end="2024-03-15", host="IT", cities=("Verona", "Trento")):
    return Meeting(title, start, end, [City(c, None, host) for c in cities], host, False, ev(text, text.split("\n")[0]))


def doc_kono() -> Extraction:
    text = "G7 meeting in Verona.\nMinister Kono met Champagne.\nKono met Butti.\nBrief exchange with Gill.\n"
    return Extraction(
        text=text, language="en", publisher="Digital Agency", published="2024-03-18",
        meeting=meeting(text, "G7 Industry, Technology and Digital Ministerial Meeting"),
        delegates=[Delegate("Kono", "Minister for Digital Transformation", "digital.minister",
                            evidence=ev(text, "Minister Kono"))],
        themes=[Theme("AI in the public sector", ["ai", "digital-government"], ev(text, "G7 meeting"))],
        bilaterals=[
            Bilateral("Kono", "François-Philippe Champagne", "Minister", "CA", "Canada",
                      evidence=ev(text, "Minister Kono met Champagne.")),
            Bilateral("Kono", "Alessio Butti", "Undersecretary", "IT", "Italy", evidence=ev(text, "Kono met Butti.")),
            Bilateral("Kono", "Gill", "Under-Secretary-General", "UN", "United Nations", kind="brief",
                      evidence=ev(text, "Brief exchange with Gill.")),
        ],
        outcomes=[Outcome("Ministerial Declaration", "declaration", ev(text, "G7 meeting"))],
    )


def doc_hasegawa_en() -> Extraction:
    text = "Results of the G7 meeting.\nHASEGAWA Junji attended.\nTalks with Adolfo Urso, Alessio Butti and Marina Ferrari.\n"
    talks = ev(text, "Talks with Adolfo Urso, Alessio Butti and Marina Ferrari.")
    return Extraction(
        text=text, language="en", publisher="MIC", published="2024-03-18",
        meeting=meeting(text, "G7 Industry, Technology and Digital Ministerial Meeting"),
        delegates=[Delegate("HASEGAWA Junji", "Parliamentary Vice-Minister", "mic.parliamentary-vice-minister",
                            evidence=ev(text, "HASEGAWA Junji attended."))],
        participants=[Participant("IT", "Italy", "member", True, ev(text, "G7 meeting")),
                      Participant("BR", "Brazil", "invited", False, ev(text, "G7 meeting"))],
        themes=[Theme("AI in the Public Sector", ["ai"], ev(text, "G7 meeting"))],
        bilaterals=[
            Bilateral("HASEGAWA", "Adolfo Urso", "Minister of Enterprises", "IT", "Italy", evidence=talks),
            Bilateral("HASEGAWA", "Alessio Butti", "Undersecretary", "IT", "Italy", evidence=talks),
            Bilateral("HASEGAWA", "Marina Ferrari", "Secretary of State", "FR", "France", evidence=talks),
        ],
    )


def doc_hasegawa_ja() -> Extraction:
    text = "G7産業・技術・デジタル大臣会合\n長谷川総務大臣政務官が出席。\nブッティ次官、ウルソ大臣、フェラーリ長官と会談。\n"
    talks = ev(text, "ブッティ次官、ウルソ大臣、フェラーリ長官と会談。")
    return Extraction(
        text=text, language="ja", publisher="MIC", published="2024-03-18",
        meeting=meeting(text, "G7産業・技術・デジタル大臣会合", start="2024-03-14", end="2024-03-15"),
        delegates=[Delegate("長谷川", "総務大臣政務官", "mic.parliamentary-vice-minister",
                            evidence=ev(text, "長谷川総務大臣政務官が出席。"))],
        participants=[Participant("IT", "Italy", "member", True, ev(text, "G7産業")),
                      Participant("BR", "Brazil", "invited", False, ev(text, "G7産業"))],
        themes=[Theme("公共部門におけるAI", ["ai", "digital-government"], ev(text, "G7産業"))],
        bilaterals=[
            # Order differs from the English release on purpose.
            Bilateral("長谷川", "アレッシオ・ブッティ", "国務次官", "IT", "Italy", evidence=talks),
            Bilateral("長谷川", "アドルフォ・ウルソ", "大臣", "IT", "Italy", evidence=talks),
            # Spelled so that no romanisation pairs it with "Marina Ferrari":
            # merged only because it is the only talk with France on both sides.
            Bilateral("長谷川", "ミズ・エフ", "長官", "FR", "France", evidence=talks),
        ],
    )


def doc_other_meeting() -> Extraction:
    text = "G7情報通信・産業大臣会合\n奥野総務副大臣が出席。\n"
    return Extraction(text=text, language="ja", meeting=meeting(text, "G7情報通信・産業大臣会合", "2017-09-25",
                                                                "2017-09-26", cities=("Turin",)),
                      delegates=[Delegate("奥野", "総務副大臣", "mic.state-minister")])


@pytest.fixture
def conn(tmp_path):
    database = db.open_write(tmp_path / "store.db")
    yield database.conn
    database.close()


def save(conn, path: str, ex: Extraction) -> store.SaveResult:
    sha = hashlib.sha256(ex.text.encode()).hexdigest()
    return store.save(conn, path=path, sha256=sha, extraction=ex)


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def assert_no_orphans(conn):
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Merged rows without a single source would be facts no document reports.
    assert conn.execute("SELECT count(*) FROM meetings WHERE id NOT IN (SELECT meeting_id FROM meeting_documents)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM delegates WHERE id NOT IN (SELECT delegate_id FROM delegate_sources)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM bilaterals WHERE id NOT IN (SELECT bilateral_id FROM bilateral_sources)").fetchone()[0] == 0


def test_three_documents_of_one_meeting_merge(conn):
    results = [save(conn, "/d/kono-en.txt", doc_kono()), save(conn, "/d/mic-en.txt", doc_hasegawa_en()),
               save(conn, "/d/mic-ja.txt", doc_hasegawa_ja())]
    assert [r.meetings_added for r in results] == [1, 0, 0]
    assert [r.delegates_added for r in results] == [1, 1, 0]
    assert [r.bilaterals_added for r in results] == [3, 3, 0]
    assert count(conn, "meetings") == 1
    assert count(conn, "delegates") == 2
    assert count(conn, "bilaterals") == 6
    names = dict(conn.execute("SELECT role_key, name FROM delegates"))
    assert names["mic.parliamentary-vice-minister"] == "HASEGAWA Junji / 長谷川"
    talks = dict(conn.execute("SELECT counterpart, country_code FROM bilaterals"))
    assert talks == {
        "François-Philippe Champagne": "CA", "Alessio Butti": "IT", "Gill": "UN",
        "Adolfo Urso / アドルフォ・ウルソ": "IT", "Alessio Butti / アレッシオ・ブッティ": "IT",
        "Marina Ferrari / ミズ・エフ": "FR",
    }
    # Every merged talk keeps both sources, each with its own evidence.
    sources = conn.execute(
        "SELECT b.counterpart, count(*), group_concat(s.evidence_text, '|') FROM bilaterals b "
        "JOIN bilateral_sources s ON s.bilateral_id = b.id GROUP BY b.id HAVING count(*) > 1").fetchall()
    assert len(sources) == 3
    assert all("会談" in ev_text and "Talks with" in ev_text for _, _, ev_text in sources)
    assert_no_orphans(conn)


def test_evidence_points_into_the_stored_text(conn):
    save(conn, "/d/kono-en.txt", doc_kono())
    text = conn.execute("SELECT text FROM documents").fetchone()[0]
    for table in ("meeting_documents", "delegate_sources", "bilateral_sources", "themes", "outcomes"):
        for ev_text, start, end in conn.execute(f"SELECT evidence_text, evidence_start, evidence_end FROM {table}"):
            assert text[start:end] == ev_text


def test_merged_values_do_not_depend_on_ingest_order(tmp_path):
    def snapshot(order):
        database = db.open_write(tmp_path / f"{'-'.join(order)}.db")
        docs = {"a": ("/d/kono-en.txt", doc_kono()), "b": ("/d/mic-en.txt", doc_hasegawa_en()),
                "c": ("/d/mic-ja.txt", doc_hasegawa_ja())}
        for key in order:
            save(database.conn, *docs[key])
        c = database.conn
        out = (sorted(c.execute("SELECT name, role FROM delegates")),
               sorted(c.execute("SELECT counterpart, counterpart_role, country_code, kind FROM bilaterals")),
               c.execute("SELECT title, start_date, end_date, host_country FROM meetings").fetchall())
        database.close()
        return out

    assert snapshot("abc") == snapshot("cba") == snapshot("bca")


def test_same_text_is_unchanged_and_changes_nothing(conn):
    save(conn, "/d/kono-en.txt", doc_kono())
    before = {t: count(conn, t) for t in ("documents", "meetings", "delegates", "bilaterals", "themes")}
    again = save(conn, "/d/kono-en.txt", doc_kono())
    copy = save(conn, "/elsewhere/copy.txt", doc_kono())
    assert again.status == copy.status == "unchanged"
    assert copy.same_as == "/d/kono-en.txt"
    assert {t: count(conn, t) for t in before} == before


def test_a_changed_file_replaces_its_facts(conn):
    save(conn, "/d/mic-en.txt", doc_hasegawa_en())
    save(conn, "/d/mic-ja.txt", doc_hasegawa_ja())
    changed = doc_hasegawa_ja()
    changed.text += "追記。\n"
    changed.bilaterals = changed.bilaterals[:1]      # only Butti now
    result = save(conn, "/d/mic-ja.txt", changed)
    assert result.status == "replaced"
    assert count(conn, "documents") == 2
    assert count(conn, "meetings") == 1
    assert count(conn, "delegates") == 1
    rows = dict(conn.execute("SELECT counterpart, (SELECT count(*) FROM bilateral_sources s WHERE s.bilateral_id = b.id) FROM bilaterals b"))
    assert rows == {"Adolfo Urso": 1, "Alessio Butti / アレッシオ・ブッティ": 2, "Marina Ferrari": 1}
    assert_no_orphans(conn)


def test_a_document_moving_to_another_meeting_leaves_nothing_behind(conn):
    save(conn, "/d/a.txt", doc_hasegawa_ja())
    moved = doc_other_meeting()
    save(conn, "/d/a.txt", moved)
    assert conn.execute("SELECT year FROM meetings").fetchall() == [(2017,)]
    for table in ("delegates", "bilaterals", "participants", "themes", "meeting_cities", "delegate_name_keys"):
        rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        expected = {"delegates": 1, "meeting_cities": 1, "delegate_name_keys": 1}.get(table, 0)
        assert rows == expected, table
    assert_no_orphans(conn)


def test_removing_every_document_empties_every_fact_table(conn):
    ids = [save(conn, p, ex).document_id for p, ex in
           [("/a", doc_kono()), ("/b", doc_hasegawa_en()), ("/c", doc_hasegawa_ja()), ("/d", doc_other_meeting())]]
    for doc_id in ids:
        with store.transaction(conn):
            store.remove_document(conn, doc_id)
        assert_no_orphans(conn)
    for table in ("documents", "meetings", "meeting_documents", "meeting_cities", "delegates", "delegate_sources",
                  "delegate_name_keys", "participants", "themes", "theme_topics", "bilaterals",
                  "bilateral_sources", "outcomes"):
        assert count(conn, table) == 0, table


def test_a_document_without_a_meeting_is_stored_alone(conn):
    result = save(conn, "/d/g20.txt", Extraction(text="G20 Digital Ministers", language="en"))
    assert result.status == "added" and not result.has_meeting
    assert count(conn, "documents") == 1 and count(conn, "meetings") == 0


def test_a_failed_save_leaves_nothing(conn):
    bad = doc_kono()
    bad.outcomes = [Outcome("Something", "not-a-kind")]   # violates the CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        save(conn, "/d/bad.txt", bad)
    for table in ("documents", "meetings", "delegates", "bilaterals"):
        assert count(conn, table) == 0, table


def test_countries_are_registered_with_names_and_codes(conn):
    save(conn, "/d/mic-en.txt", doc_hasegawa_en())
    aliases = dict(conn.execute("SELECT alias, code FROM country_aliases"))
    assert aliases["italy"] == "IT" and aliases["it"] == "IT" and aliases["brazil"] == "BR"
    assert conn.execute("SELECT host_country FROM meetings").fetchone()[0] == "Italy"
