"""The merge rules as plain functions, on hand-built dataclasses."""
from __future__ import annotations

from g7cli import merge
from g7cli.extract.model import Delegate
from g7cli.merge import KnownDelegate, KnownTalk, MeetingReport, TalkKey

# A stand-in for names.same_person with known answers, so these tests pin
# the merge rules rather than the romanisation.
PAIRS = {frozenset(p) for p in [
    ("Kono", "河野"), ("Adolfo Urso", "アドルフォ・ウルソ"), ("Adolfo", "アドルフォ"), ("Urso", "ウルソ"),
    ("Alessio Butti", "アレッシオ・ブッティ"), ("Alessio", "アレッシオ"), ("Butti", "ブッティ"),
    # a loose match between different people, as a permissive matcher may give
    ("Adolfo Urso", "アレッシオ・ブッティ"), ("Urso", "アレッシオ"),
]}


def fake_same(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in PAIRS


def report(start, end, host="IT", title="G7 Digital Ministers' Meeting"):
    return MeetingReport(title, int(start[:4]) if start else None, start, end, host)


def test_dates_overlap():
    assert merge.dates_overlap("2024-03-14", "2024-03-15", "2024-03-15", None)
    assert merge.dates_overlap("2024-03-14", None, "2024-03-13", "2024-03-14")
    assert not merge.dates_overlap("2024-03-14", "2024-03-15", "2024-03-16", "2024-03-17")
    assert not merge.dates_overlap(None, None, "2024-03-16", None)


def test_same_meeting_needs_same_host_and_overlapping_dates():
    a = report("2024-03-14", "2024-03-15")
    assert merge.same_meeting(a, report("2024-03-15", "2024-03-15", title="G7産業・技術・デジタル大臣会合"))
    assert not merge.same_meeting(a, report("2024-03-14", "2024-03-15", host="FR"))
    assert not merge.same_meeting(a, report("2024-10-14", "2024-10-15"))
    assert not merge.same_meeting(a, report("2025-03-14", "2025-03-15"))


def test_same_meeting_without_dates_needs_the_same_title():
    assert merge.same_meeting(report(None, None), report("2024-03-14", None))
    assert not merge.same_meeting(report(None, None, title="Other"), report("2024-03-14", None))
    assert not merge.same_meeting(report(None, None, title=""), report(None, None, title=""))


def test_delegates_match_by_role_key_before_names():
    known = [KnownDelegate(1, ["Kono"], {"digital.minister"}),
             KnownDelegate(2, ["HASEGAWA Junji"], {"mic.parliamentary-vice-minister"})]
    new = [Delegate("長谷川", "総務大臣政務官", "mic.parliamentary-vice-minister"),
           Delegate("河野", "デジタル大臣", "digital.minister")]
    assert merge.match_delegates(known, new, fake_same) == [2, 1]


def test_delegates_with_different_role_keys_are_different_people():
    known = [KnownDelegate(1, ["Kono"], {"digital.minister"})]
    assert merge.match_delegates(known, [Delegate("河野", None, "mic.minister")], fake_same) == [None]


def test_delegates_without_role_keys_match_by_name_or_not_at_all():
    known = [KnownDelegate(1, ["Kono"], set()), KnownDelegate(2, ["奥野"], set())]
    new = [Delegate("河野", None), Delegate("平木", None), Delegate("奥野", None, "mic.state-minister")]
    assert merge.match_delegates(known, new, fake_same) == [1, None, 2]


def test_one_document_never_merges_two_of_its_delegates_into_one_row():
    known = [KnownDelegate(1, ["Kono"], set())]
    assert merge.match_delegates(known, [Delegate("Kono", None), Delegate("河野", None)], fake_same) == [1, None]


def test_delegate_for_talk():
    ds = [Delegate("HASEGAWA Junji", None), Delegate("Kono", None)]
    assert merge.delegate_for_talk(ds, "Kono", fake_same) == 1
    assert merge.delegate_for_talk(ds, "河野", fake_same) == 1
    assert merge.delegate_for_talk(ds, "HASEGAWA", fake_same) == 0
    assert merge.delegate_for_talk(ds, None, fake_same) is None
    assert merge.delegate_for_talk(ds[:1], None, fake_same) == 0
    assert merge.delegate_for_talk(ds, "Someone Else", fake_same) is None


def talk(delegate_id, country, *counterparts, id=0):
    return KnownTalk(delegate_id, [], country, list(counterparts), id=id)


def test_talks_match_the_best_named_counterpart():
    # The loose pair (Urso ~ Alessio) must not take Butti's row from him.
    known = [talk(7, "IT", "Adolfo Urso", id=1), talk(7, "IT", "Alessio Butti", id=2)]
    new = [TalkKey(7, [], "IT", ["アレッシオ・ブッティ"]), TalkKey(7, [], "IT", ["アドルフォ・ウルソ"])]
    assert merge.match_talks(known, new, fake_same) == [2, 1]


def test_talks_need_the_same_delegate_and_country():
    known = [talk(7, "IT", "Alessio Butti", id=1)]
    assert merge.match_talks(known, [TalkKey(8, [], "IT", ["アレッシオ・ブッティ"])], fake_same) == [None]
    assert merge.match_talks(known, [TalkKey(7, [], "FR", ["アレッシオ・ブッティ"])], fake_same) == [None]


def test_unpaired_names_in_two_scripts_merge_when_the_talk_is_the_only_one():
    # The names module could not pair these spellings; each side has a
    # single talk between this delegate and this country.
    known = [talk(7, "FR", "Marina Ferrari", id=1)]
    assert merge.match_talks(known, [TalkKey(7, [], "FR", ["フェラリー"])], fake_same) == [1]
    # Two talks with France on the new side: no guessing.
    two = [TalkKey(7, [], "FR", ["フェラリー"]), TalkKey(7, [], "FR", ["ル=エナンフ"])]
    assert merge.match_talks(known, two, fake_same) == [None, None]


def test_unpaired_names_in_the_same_script_are_different_people():
    known = [talk(7, "FR", "Marina Ferrari", id=1)]
    assert merge.match_talks(known, [TalkKey(7, [], "FR", ["Anne Le Hénanff"])], fake_same) == [None]


def test_talks_naming_only_the_country_match_each_other():
    known = [talk(7, "IT", id=1)]
    assert merge.match_talks(known, [TalkKey(7, [], "IT", [])], fake_same) == [1]


def test_name_score_prefers_more_words_paired():
    assert merge.name_score(["Adolfo Urso"], ["アドルフォ・ウルソ"], fake_same) > \
        merge.name_score(["Adolfo Urso"], ["アレッシオ・ブッティ"], fake_same) > 0
    assert merge.name_score(["Kono"], ["Butti"], fake_same) == 0


def test_consensus_and_unique():
    assert merge.consensus(["2024-03-14", None, "2024-03-15", "2024-03-15"]) == "2024-03-15"
    assert merge.consensus(["a", "b"]) == "a"
    assert merge.consensus([None, ""]) is None
    assert merge.consensus([0, 0, 1]) == 0
    assert merge.unique(["Kono", "KONO", None, "河野", "Kono "]) == ["Kono", "河野"]


def test_script_of():
    assert merge.script_of("Adolfo Urso") == "latin"
    assert merge.script_of("アドルフォ・ウルソ") == "ja"
    assert merge.script_of("河野") == "ja"
    assert merge.script_of("") is None
