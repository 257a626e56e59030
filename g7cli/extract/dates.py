"""Date expressions of the genre, in both languages.

A date expression is a cluster of tokens (era or Western year, month, day,
weekday) joined only by connectors (and, to, 及び, 、, から...まで, dashes).
The year may be given once for the whole range and the month once for several
days ("March 14 and 15", "25日、26日", "14 and 15 March"). A cluster without
a year is resolved later against a reference date (the publication date).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m: i + 1 for i, ms in enumerate([
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"]) for m in ms.split()}
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

_TOKEN = re.compile(r"""
    (?P<era>(?P<eraname>令和|平成|昭和)\s*(?P<eranum>元|\d{1,2})\s*年)
  | (?P<jyear>(?P<jy>(?:19|20)\d{2})\s*年(?:度)?)
  | (?P<jmd>(?P<jm>\d{1,2})\s*月\s*(?P<jd>\d{1,2})\s*日(?!間|本|目|程))
  | (?P<jday>(?<![\d月])(?P<jdd>\d{1,2})\s*日(?!間|本|目|程|米|英|独|仏|加|伊|EU|中|韓|印))
  | (?P<wkj>\(\s*[月火水木金土日](?:曜日?)?\s*\)|[月火水木金土日]曜日)
  | (?P<month>\b(?P<mname>January|February|March|April|May|June|July|August|September|October|November|December
              |Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)
  | (?P<wke>\(?\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b\)?|\(?\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?\)?)
  | (?P<year>(?<![\w.,/])(?<![A-Z]-)(?:19|20)\d{2}(?![\d年]))
  | (?P<day>(?<![\w.,/:])(?<![A-Z]-)\d{1,2}(?!\d)(?:st|nd|rd|th)?(?![\d:.,]\d|\s*(?:%|年|月|日|時|分|th\b)))
""", re.VERBOSE)

_GAP = re.compile(r"^(?:\s|,|、|・|及び|および|並びに|から|より|〜|~|-|–|—|/|&|\(|\)|にかけて|まで|and|to|through|until|till|from|on|the|of|、?同)*$", re.I)


@dataclass
class DateCluster:
    start: int
    end: int
    dates: list[tuple[int | None, int, int]]   # (year or None, month, day)
    has_month: bool

    def resolve(self, ref: dt.date | None) -> list[dt.date]:
        out = []
        for y, m, d in self.dates:
            if m is None:
                continue
            year = y
            if year is None:
                if ref is None:
                    continue
                year = ref.year
                # A release published in January about a December meeting.
                try:
                    if dt.date(year, m, d) > ref + dt.timedelta(days=60):
                        year -= 1
                except ValueError:
                    continue
            try:
                out.append(dt.date(year, m, d))
            except ValueError:
                continue
        return sorted(set(out))


def _tokens(text: str):
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        g = m.groupdict()
        if g["era"]:
            n = 1 if g["eranum"] == "元" else int(g["eranum"])
            yield m, "year", _ERAS[g["eraname"]] + n
        elif g["jyear"]:
            yield m, "year", int(g["jy"])
        elif g["jmd"]:
            yield m, "md", (int(g["jm"]), int(g["jd"]))
        elif g["jday"]:
            yield m, "d", int(g["jdd"])
        elif g["wkj"] or g["wke"]:
            yield m, "wk", None
        elif g["month"]:
            yield m, "m", _MONTHS[g["mname"].lower().rstrip(".")]
        elif g["year"]:
            yield m, "year", int(m.group())
        elif g["day"]:
            yield m, "d", int(re.match(r"\d+", m.group()).group())
        del kind


def clusters(text: str, start: int = 0, end: int | None = None) -> list[DateCluster]:
    end = len(text) if end is None else end
    chunk = text[start:end]
    groups: list[list] = []
    last_end = None
    for m, kind, value in _tokens(chunk):
        if groups and last_end is not None and _GAP.match(chunk[last_end:m.start()]):
            groups[-1].append((m, kind, value))
        else:
            groups.append([(m, kind, value)])
        last_end = m.end()
    out = []
    for g in groups:
        c = _interpret(g)
        if c is not None:
            out.append(DateCluster(start + g[0][0].start(), start + g[-1][0].end(), c[0], c[1]))
    return out


def _interpret(group) -> tuple[list, bool] | None:
    kinds = [k for _, k, _ in group]
    if "m" not in kinds and "md" not in kinds and not ("d" in kinds and any(
            "日" in m.group() for m, k, _ in group if k == "d")):
        return None   # bare numbers are not dates
    # Day-first ("30 January–1 February", "14 and 15 March"): a day belongs
    # to the month after it. Month-first ("March 14 and 15", "3月14日、15日"):
    # to the month before it.
    day_first = "d" in kinds and "m" in kinds and kinds.index("d") < kinds.index("m")
    dates: list[tuple[int | None, int]] = []     # (month or None, day), in order
    years: list[tuple[int, int]] = []            # (dates before it, year)
    month = None
    pending: list[int] = []
    for _, k, v in group:
        if k == "year":
            years.append((len(dates), v))
        elif k == "md":
            month = v[0]
            dates.append((v[0], v[1]))
        elif k == "m":
            month = v
            dates.extend((month, d) for d in pending)       # "14 and 15 March"
            pending = []
        elif k == "d":
            if month is None or day_first:
                pending.append(v)
            else:
                dates.append((month, v))
    if pending and "日" in "".join(m.group() for m, k, _ in group if k == "d"):
        dates.extend((None, d) for d in pending)    # "15日": month from context
    dated = _with_years(dates, years)
    valid = [(y, m, d) for y, m, d in dated if 1 <= d <= 31 and (m is None or 1 <= m <= 12)]
    if not valid:
        return None
    return valid, month is not None


def _with_years(dates: list[tuple[int | None, int]], years: list[tuple[int, int]]) -> list[tuple]:
    """Each date with its year. A year written before the first date
    ("2023年12月31日から2024年1月1日") holds for the dates after it; written
    after ("December 31, 2023 to January 1, 2024", "14 and 15 March 2024"),
    for the dates before it, and the last one for any left after it. Dates
    that step back in the calendar under one year cross into the next year
    (leading) or come from the previous one (trailing)."""
    if not years:
        return [(None, m, d) for m, d in dates]
    leading = years[0][0] == 0
    source: list[int] = []
    for i in range(len(dates)):
        if leading:
            k = max(j for j, (before, _) in enumerate(years) if before <= i)
        else:
            k = next((j for j, (before, _) in enumerate(years) if before > i), len(years) - 1)
        source.append(k)
    shift = [0] * len(dates)
    for i in range(1, len(dates)):
        (m0, d0), (m1, d1) = dates[i - 1], dates[i]
        if source[i] == source[i - 1] and m0 is not None and m1 is not None and (m1, d1) < (m0, d0):
            if leading:
                for j in range(i, len(dates)):
                    if source[j] == source[i]:
                        shift[j] += 1
            else:
                for j in range(i):
                    if source[j] == source[i]:
                        shift[j] -= 1
    return [(years[k][1] + s, m, d) for (m, d), k, s in zip(dates, source, shift)]


def day_only(cluster: DateCluster) -> list[int]:
    return [d for _, m, d in cluster.dates if m is None]


def first_date(text: str, start: int = 0, end: int | None = None, ref: dt.date | None = None) -> dt.date | None:
    for c in clusters(text, start, end):
        if c.has_month:
            got = c.resolve(ref)
            if got:
                return got[0]
    return None
