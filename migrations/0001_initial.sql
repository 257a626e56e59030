-- 0001_initial: documents, the meetings they report, and every fact extracted
-- from them.
--
-- Two kinds of fact tables:
--   * per-document facts (participants, themes, outcomes, meeting_cities and
--     meeting_documents) carry their document_id and evidence directly;
--   * facts that documents share once merged (meetings, delegates,
--     bilaterals) are rows derived from their *_sources / meeting_documents
--     rows, so removing a document removes its sources and the store then
--     drops or recomputes what they fed. Nothing is ever orphaned by
--     ON DELETE CASCADE alone being forgotten: every child names its parent.
--
-- Evidence: evidence_text is the sentence (or line) a fact came from, and
-- evidence_start/evidence_end are offsets into documents.text.
--
-- Statements are executed one by one inside the migration's transaction
-- (never executescript, which would COMMIT half-way), so no PRAGMA here.

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,      -- where the text was read from (absolute)
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,      -- of the decoded text: same text = same document
    bytes       INTEGER,                   -- size of the file as read
    encoding    TEXT,
    language    TEXT,                      -- en | ja
    publisher   TEXT,
    published   TEXT,                      -- ISO date
    title       TEXT,
    text        TEXT NOT NULL,             -- the normalised text evidence offsets point into
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_file_name ON documents(file_name);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_language ON documents(language);

CREATE TABLE meetings (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    titles            TEXT NOT NULL DEFAULT '[]',   -- JSON list: every title its documents use
    year              INTEGER,
    start_date        TEXT,
    end_date          TEXT,
    host_country_code TEXT,
    host_country      TEXT,
    virtual           INTEGER NOT NULL DEFAULT 0 CHECK (virtual IN (0, 1))
);
CREATE INDEX meetings_year ON meetings(year, start_date);
CREATE INDEX meetings_host_country_code ON meetings(host_country_code);
CREATE INDEX meetings_start_date ON meetings(start_date);

-- What each document says about its meeting; the meetings row is the
-- consensus of these. A document reports at most one meeting.
CREATE TABLE meeting_documents (
    document_id       INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    meeting_id        INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    year              INTEGER,
    start_date        TEXT,
    end_date          TEXT,
    host_country_code TEXT,
    virtual           INTEGER NOT NULL DEFAULT 0 CHECK (virtual IN (0, 1)),
    evidence_text     TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER
);
CREATE INDEX meeting_documents_meeting_id ON meeting_documents(meeting_id);
-- Finding the meeting a new document joins: same year and host.
CREATE INDEX meeting_documents_year_host ON meeting_documents(year, host_country_code);

CREATE TABLE meeting_cities (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,       -- canonical English name when known
    name_ja      TEXT,
    country_code TEXT
);
CREATE INDEX meeting_cities_meeting_id ON meeting_cities(meeting_id);
CREATE INDEX meeting_cities_document_id ON meeting_cities(document_id);
CREATE INDEX meeting_cities_name ON meeting_cities(name);

-- Japan's delegates, one row per person per meeting, however many documents
-- report them. name joins every spelling ("Kono / 河野"); names is the JSON list.
CREATE TABLE delegates (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    names        TEXT NOT NULL DEFAULT '[]',
    role         TEXT,
    roles        TEXT NOT NULL DEFAULT '[]',
    role_key     TEXT,
    country_code TEXT NOT NULL
);
CREATE INDEX delegates_meeting_id ON delegates(meeting_id);
CREATE INDEX delegates_country_code ON delegates(country_code);
CREATE INDEX delegates_role_key ON delegates(role_key);

CREATE TABLE delegate_sources (
    id             INTEGER PRIMARY KEY,
    delegate_id    INTEGER NOT NULL REFERENCES delegates(id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT,
    role_key       TEXT,
    country_code   TEXT NOT NULL,
    evidence_text  TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX delegate_sources_delegate_id ON delegate_sources(delegate_id);
CREATE INDEX delegate_sources_document_id ON delegate_sources(document_id);

-- --delegate NAME matches a whole spelling or any word of it by prefix, in
-- an index (casefolded, NFKC) rather than scanning names with LIKE.
CREATE TABLE delegate_name_keys (
    delegate_id INTEGER NOT NULL REFERENCES delegates(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    PRIMARY KEY (key, delegate_id)
) WITHOUT ROWID;
CREATE INDEX delegate_name_keys_delegate_id ON delegate_name_keys(delegate_id);

CREATE TABLE participants (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('member', 'invited', 'organization')),
    chair          INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1)),
    evidence_text  TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX participants_meeting_id ON participants(meeting_id);
CREATE INDEX participants_document_id ON participants(document_id);
CREATE INDEX participants_code ON participants(code);

CREATE TABLE themes (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    evidence_text  TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX themes_meeting_id ON themes(meeting_id);
CREATE INDEX themes_document_id ON themes(document_id);

-- Key columns first: SQLite 3.40's integrity_check wrongly reports NULLs in
-- a WITHOUT ROWID table whose non-key column sits between key columns.
CREATE TABLE theme_topics (
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (theme_id, topic)
) WITHOUT ROWID;
CREATE INDEX theme_topics_topic ON theme_topics(topic);

CREATE TABLE bilaterals (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    delegate_id      INTEGER REFERENCES delegates(id) ON DELETE SET NULL,
    delegate         TEXT,
    counterpart      TEXT,                       -- every spelling, joined with " / "
    counterparts     TEXT NOT NULL DEFAULT '[]', -- JSON list of spellings
    counterpart_role TEXT,
    country_code     TEXT,
    country          TEXT,
    date             TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('meeting', 'brief')),
    with_delegates   TEXT NOT NULL DEFAULT '[]'  -- JSON list: Japan's other delegates who joined
);
CREATE INDEX bilaterals_meeting_id ON bilaterals(meeting_id);
CREATE INDEX bilaterals_delegate_id ON bilaterals(delegate_id);
CREATE INDEX bilaterals_country_code ON bilaterals(country_code);
CREATE INDEX bilaterals_date ON bilaterals(date);

CREATE TABLE bilateral_sources (
    id               INTEGER PRIMARY KEY,
    bilateral_id     INTEGER NOT NULL REFERENCES bilaterals(id) ON DELETE CASCADE,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    delegate_id      INTEGER REFERENCES delegates(id) ON DELETE SET NULL,
    position         INTEGER NOT NULL,
    delegate         TEXT,
    counterpart      TEXT,
    counterpart_role TEXT,
    country_code     TEXT,
    country          TEXT,
    date             TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('meeting', 'brief')),
    with_delegates   TEXT NOT NULL DEFAULT '[]',
    evidence_text    TEXT,
    evidence_start   INTEGER,
    evidence_end     INTEGER
);
CREATE INDEX bilateral_sources_bilateral_id ON bilateral_sources(bilateral_id);
CREATE INDEX bilateral_sources_document_id ON bilateral_sources(document_id);
CREATE INDEX bilateral_sources_delegate_id ON bilateral_sources(delegate_id);

CREATE TABLE outcomes (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('declaration', 'annex', 'statement')),
    evidence_text  TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX outcomes_meeting_id ON outcomes(meeting_id);
CREATE INDEX outcomes_document_id ON outcomes(document_id);
CREATE INDEX outcomes_kind ON outcomes(kind);

-- Countries and organisations seen in any document, so that --country can
-- take a name as well as a code without the query importing a gazetteer.
CREATE TABLE countries (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
-- alias: casefolded name or code -> code
CREATE TABLE country_aliases (
    alias TEXT PRIMARY KEY,
    code  TEXT NOT NULL REFERENCES countries(code)
) WITHOUT ROWID;
CREATE INDEX country_aliases_code ON country_aliases(code);
