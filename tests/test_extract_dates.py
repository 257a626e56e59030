"""Date clusters (g7cli.extract.dates): a table of small invented examples.

Each example goes through `normalize` first, as the pipeline does, so
full-width digits and parentheses are covered. Known failures are kept in the
tables as `xfail(strict=True)`: when one starts passing, move it up.
"""
from __future__ import annotations

import datetime as dt

import pytest

from g7cli.extract.dates import clusters, day_only
from g7cli.extract.normalize import normalize


def fixed(*values, was: str):
    """A case that used to fail (what went wrong: `was`), kept so it stays fixed."""
    return pytest.param(*values)


def xfail(*values, reason: str):
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


def _text(raw: str) -> str:
    return normalize(raw).rstrip("\n")


def resolved(raw: str, ref: dt.date | None = None) -> list[list[str]]:
    """The dates of every cluster that names a month, in ISO form."""
    text = _text(raw)
    return [[d.isoformat() for d in c.resolve(ref)] for c in clusters(text) if c.has_month]


# ------------------------------------------------------------------ full dates
# (text, expected resolved dates of each cluster with a month); no reference
# date is needed because every example names its year.
FULL = [
    # era years
    ("令和元年5月15日", [["2019-05-15"]]),
    ("令和元年10月1日（火）に開催", [["2019-10-01"]]),
    ("令和6年4月29日(月)及び30日(火)", [["2024-04-29", "2024-04-30"]]),
    ("平成28年4月29日から30日まで", [["2016-04-29", "2016-04-30"]]),
    ("平成31年3月1日", [["2019-03-01"]]),
    ("平成31年4月30日（火）", [["2019-04-30"]]),
    ("令和 6 年 4 月 29 日", [["2024-04-29"]]),
    ("令和元年5月1日から令和元年5月2日まで", [["2019-05-01", "2019-05-02"]]),
    ("2019年(令和元年)5月15日", [["2019-05-15"]]),
    ("令和元年（2019年）5月15日", [["2019-05-15"]]),
    # Western years in Japanese
    ("2019年5月15日", [["2019-05-15"]]),
    ("2023年5月13日から14日にかけて", [["2023-05-13", "2023-05-14"]]),
    ("2024年3月31日から4月1日まで", [["2024-03-31", "2024-04-01"]]),
    # full-width digits, parentheses and tildes
    ("２０２３年４月２９日〜３０日", [["2023-04-29", "2023-04-30"]]),
    ("令和５年１２月１日（金）", [["2023-12-01"]]),
    ("2024年10月15日（火）～16日（水）", [["2024-10-15", "2024-10-16"]]),
    ("2024年10月15日(火)〜16日(水)", [["2024-10-15", "2024-10-16"]]),
    # ranges joined by 、 ・ の2日間
    ("令和5年4月29日(土)、30日(日)", [["2023-04-29", "2023-04-30"]]),
    ("令和5年4月29日（土）・30日（日）", [["2023-04-29", "2023-04-30"]]),
    ("2023年12月14日（木）・15日（金）の2日間", [["2023-12-14", "2023-12-15"]]),
    # English, day-month
    ("15 May 2019", [["2019-05-15"]]),
    ("15–16 May 2019", [["2019-05-15", "2019-05-16"]]),
    ("14 to 15 March 2024", [["2024-03-14", "2024-03-15"]]),
    ("On 29 and 30 April 2023, the ministers met.", [["2023-04-29", "2023-04-30"]]),
    ("29th-30th April 2023", [["2023-04-29", "2023-04-30"]]),
    ("on the 14th and 15th of March 2024", [["2024-03-14", "2024-03-15"]]),
    ("Monday 29 April 2019", [["2019-04-29"]]),
    ("14 (Thu) and 15 (Fri) March 2024", [["2024-03-14", "2024-03-15"]]),
    ("Wed., 2 Oct. 2024", [["2024-10-02"]]),
    ("Wednesday 2 and Thursday 3 October 2024", [["2024-10-02", "2024-10-03"]]),
    ("From Wednesday, 2 October to Thursday, 3 October 2024", [["2024-10-02", "2024-10-03"]]),
    ("4 March 2020, 5 March 2020", [["2020-03-04", "2020-03-05"]]),
    # English, month-day
    ("May 15-16, 2019", [["2019-05-15", "2019-05-16"]]),
    ("March 14 to 15, 2024", [["2024-03-14", "2024-03-15"]]),
    ("Thursday, March 14 and Friday, March 15, 2024", [["2024-03-14", "2024-03-15"]]),
    ("Wednesday, October 2, 2024", [["2024-10-02"]]),
    ("October 2 (Wed.), 2024", [["2024-10-02"]]),
    ("April 29th and 30th, 2023", [["2023-04-29", "2023-04-30"]]),
    ("Sept. 5, 2024", [["2024-09-05"]]),
    ("Nov 7–8 2023", [["2023-11-07", "2023-11-08"]]),
    ("Jan. 30-31, 2025", [["2025-01-30", "2025-01-31"]]),
    ("May 15 and 16 and 17, 2019", [["2019-05-15", "2019-05-16", "2019-05-17"]]),
    # times next to a date are not days
    ("10:00-12:00, 14 March 2024", [["2024-03-14"]]),
    ("15時から、2024年3月14日", [["2024-03-14"]]),
    ("令和5年12月1日（金）20時30分から22時00分まで（日本時間）", [["2023-12-01"]]),
    ("14 March 2024, 10:30-12:00", [["2024-03-14"]]),
    # known failures
    fixed("Ministers of the G7 on 3 May 2024 agreed", [["2024-05-03"]],
          was="the 7 of 'G7' is read as a day: 7 May is added to the cluster"),
    fixed("the G20 on 14 March 2024", [["2024-03-14"]],
          was="the 20 of 'G20' is read as a day: 20 March is added to the cluster"),
    fixed("COVID-19 on 14 March 2020", [["2020-03-14"]],
          was="the 19 of 'COVID-19' is read as a day: 19 March is added"),
    fixed("December 31, 2023 to January 1, 2024", [["2023-12-31", "2024-01-01"]],
          was="the first year is used for the whole range: January 1 becomes 2023-01-01"),
    fixed("30 January–1 February 2025", [["2025-01-30", "2025-02-01"]],
          was="day-first range across months: '1' takes January instead of the February after it"),
    # ranges across a month or a year, in either order and language
    ("2023年12月31日から2024年1月1日まで", [["2023-12-31", "2024-01-01"]]),
    ("2024年12月31日から1月1日まで", [["2024-12-31", "2025-01-01"]]),
    ("December 31 to January 1, 2025", [["2024-12-31", "2025-01-01"]]),
    ("31 December 2024 – 1 January 2025", [["2024-12-31", "2025-01-01"]]),
    ("31 December – 1 January 2025", [["2024-12-31", "2025-01-01"]]),
    ("29 April to 1 May 2024", [["2024-04-29", "2024-05-01"]]),
    ("April 29 to May 1, 2024", [["2024-04-29", "2024-05-01"]]),
    ("2024年4月30日（火）～5月1日（水）", [["2024-04-30", "2024-05-01"]]),
]


@pytest.mark.parametrize("text,expected", FULL)
def test_full_dates(text, expected):
    assert resolved(text) == expected


# ------------------------------------------------------ year from a reference
# (text, reference date such as the publication date, expected)
REFERENCED = [
    ("12月14日（土）、15日（日）", dt.date(2025, 1, 8), [["2024-12-14", "2024-12-15"]]),
    ("December 14-15", dt.date(2025, 1, 8), [["2024-12-14", "2024-12-15"]]),
    ("on 30 December", dt.date(2024, 1, 5), [["2023-12-30"]]),
    ("3月14日(木)〜15日(金)", dt.date(2024, 3, 18), [["2024-03-14", "2024-03-15"]]),
    ("11月25日、26日", dt.date(2024, 11, 27), [["2024-11-25", "2024-11-26"]]),
    ("14 and 15 March", dt.date(2024, 3, 20), [["2024-03-14", "2024-03-15"]]),
    ("April 29 and 30", dt.date(2024, 4, 1), [["2024-04-29", "2024-04-30"]]),   # announced ahead
    ("５月１３日（土）～１４日（日）", dt.date(2023, 5, 15), [["2023-05-13", "2023-05-14"]]),
    ("January 30-31", dt.date(2025, 2, 3), [["2025-01-30", "2025-01-31"]]),
    ("published on 10 January 2025; the meeting was held on 14 December", dt.date(2025, 1, 10),
     [["2025-01-10"], ["2024-12-14"]]),
    # without a reference a year-less date stays unresolved
    ("12月14日", None, [[]]),
    ("March 14", None, [[]]),
]


@pytest.mark.parametrize("text,ref,expected", REFERENCED)
def test_year_from_reference(text, ref, expected):
    assert resolved(text, ref) == expected


# ------------------------------------------------------- first and last days
# A range of three days or more: what matters is where it starts and ends.
ENDPOINTS = [
    ("14-16 March 2024", "2024-03-14", "2024-03-16"),
    ("October 2 through 4, 2024", "2024-10-02", "2024-10-04"),
    ("2-4 October 2024", "2024-10-02", "2024-10-04"),
    ("令和6年3月14日～16日", "2024-03-14", "2024-03-16"),
    ("2024年10月15日から17日まで", "2024-10-15", "2024-10-17"),
    ("from 5 to 7 June 2023", "2023-06-05", "2023-06-07"),
]


@pytest.mark.parametrize("text,first,last", ENDPOINTS)
def test_range_endpoints(text, first, last):
    (days,) = resolved(text)
    assert (days[0], days[-1]) == (first, last)


# ------------------------------------------------------------ day-only dates
# "25日、26日": days whose month comes from the context; no month, no
# resolution on their own.
DAY_ONLY = [
    ("25日、26日", [25, 26]),
    ("25日(水)及び26日(木)", [25, 26]),
    ("14日(木)に", [14]),
    ("15日から16日まで", [15, 16]),
    ("８日（月）", [8]),
]


@pytest.mark.parametrize("text,days", DAY_ONLY)
def test_day_only_continuations(text, days):
    (c,) = clusters(_text(text))
    assert not c.has_month
    assert day_only(c) == days
    assert c.resolve(dt.date(2024, 1, 1)) == []


# ------------------------------------------------------------------ not dates
NOT_DATES = [
    "6 themes were discussed",
    "3 sessions and 2 declarations",
    "7 countries and 2 organizations",
    "ministers may agree on 5 points",
    "the 2nd day of the meeting",
    "April 2024",
    "G7 2024",
    "Society 5.0",
    "10:30-12:00",
    "2日間の会合",
    "3つのセッション",
    "2日目の会合",
    "第2回会合",
    "2024年度予算",
    "令和6年度",
    "15時から16時まで",
    "約50名が参加、3か国",
    "１２月",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_bare_numbers_are_not_dates(text):
    assert clusters(_text(text)) == []


# ---------------------------------------------------------------------- spans
# (text, the text of each cluster): the span covers the date and its joins,
# not the words around it.
SPANS = [
    ("平成28年4月29日から30日まで開催", ["平成28年4月29日から30日"]),
    ("On 14 and 15 March 2024, ministers met", ["14 and 15 March 2024"]),
    ("会合は令和6年4月29日（月）に開催された。", ["令和6年4月29日(月)"]),
    ("published on 10 January 2025; the meeting was held on 14 December",
     ["10 January 2025", "14 December"]),
    ("Date: Thursday, 14 March 2024 (Japan time)", ["Thursday, 14 March 2024"]),
]


@pytest.mark.parametrize("text,spans", SPANS)
def test_cluster_spans(text, spans):
    t = _text(text)
    assert [t[c.start:c.end] for c in clusters(t)] == spans


def test_offsets_inside_a_window():
    text = "Published 1 March 2024. The meeting was held on 14 and 15 March 2024."
    start = text.index("The meeting")
    (c,) = clusters(text, start)
    assert text[c.start:c.end] == "14 and 15 March 2024"
    assert c.resolve(None) == [dt.date(2024, 3, 14), dt.date(2024, 3, 15)]
