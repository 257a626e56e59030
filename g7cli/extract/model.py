"""What extraction produces for one document: plain dataclasses, no I/O.

Every fact carries an `Evidence`: the sentence (or line) it came from, as
offsets into `Extraction.text` (the normalised text that is stored with the
document), so a stored fact always points at a real span of its document.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class City:
    name: str                 # canonical English name when the gazetteer knows it, else as written
    name_ja: str | None = None
    country_code: str | None = None


@dataclass
class Meeting:
    title: str
    start_date: str | None    # ISO YYYY-MM-DD
    end_date: str | None
    cities: list[City] = field(default_factory=list)
    host_country_code: str | None = None
    virtual: bool = False
    evidence: Evidence | None = None

    @property
    def year(self) -> int | None:
        return int(self.start_date[:4]) if self.start_date else None


@dataclass
class Delegate:
    """One of the publishing government's own attendees (Japan's)."""
    name: str                  # as written, e.g. "山田" or "YAMADA Taro"
    role: str | None           # as written, e.g. "総務大臣政務官"
    role_key: str | None = None  # language-independent key from the role gazetteer, e.g. "mic.parliamentary-vice-minister"
    country_code: str = "JP"
    evidence: Evidence | None = None


@dataclass
class Participant:
    code: str                  # ISO 3166-1 alpha-2, EU, or an organisation acronym
    name: str                  # canonical English name
    kind: str                  # member | invited | organization
    chair: bool = False
    evidence: Evidence | None = None


@dataclass
class Theme:
    title: str
    topics: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Bilateral:
    delegate: str | None       # the Japanese delegate's name as written (matches a Delegate.name)
    counterpart: str | None    # None when the release names only the country
    counterpart_role: str | None
    country_code: str | None
    country: str | None        # canonical English name
    date: str | None = None
    kind: str = "meeting"      # meeting | brief
    with_delegates: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Outcome:
    title: str
    kind: str                  # declaration | annex | statement
    evidence: Evidence | None = None


@dataclass
class Extraction:
    text: str                  # the normalised text every Evidence points into
    language: str              # en | ja
    publisher: str | None = None
    published: str | None = None
    title: str | None = None   # the document's own headline
    meeting: Meeting | None = None  # None: the document reports no G7 meeting
    delegates: list[Delegate] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    bilaterals: list[Bilateral] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
