-- 0002_search_and_aliases: full-text search over documents, topic words,
-- counterpart name keys, and a place for reference-data bookkeeping.
--
-- Statements run one by one inside the migration's transaction (no PRAGMA).
-- Reference rows (every country and organisation the gazetteer knows with
-- its aliases in both languages, every topic word) are written by
-- g7cli/reference.py right after the migrations, whenever the bundled
-- gazetteer changes; counterpart name keys are backfilled there too.

-- Full-text search, configured the way sqlite-utils and Datasette detect it:
-- an external-content FTS5 table named <table>_fts with content="documents",
-- kept in step by the triggers sqlite-utils would create. The trigram
-- tokenizer finds any substring of three characters or more in any script
-- (Japanese has no spaces); shorter terms are searched in documents.text.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content="documents", content_rowid="id",
    tokenize="trigram"
);

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Documents stored before this migration.
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

-- The words that signal each topic tag, in both languages, so that --topic
-- takes a word (人工知能, supply chain) as well as a tag without the query
-- importing the gazetteer. key: the word as textkeys.topic_key folds it
-- (NFKC, casefold, separators as one space, none beside Japanese, no
-- trailing '*'); prefix = 1 when the word also matches longer words
-- (supply chain* -> supply chains).
CREATE TABLE topic_words (
    key      TEXT NOT NULL,
    tag      TEXT NOT NULL,
    language TEXT NOT NULL,
    word     TEXT NOT NULL,
    prefix   INTEGER NOT NULL DEFAULT 0 CHECK (prefix IN (0, 1)),
    weak     INTEGER NOT NULL DEFAULT 0 CHECK (weak IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,     -- order in the gazetteer files
    PRIMARY KEY (key, tag, language)   -- key columns first (see theme_topics in 0001)
) WITHOUT ROWID;
CREATE INDEX topic_words_tag ON topic_words(tag);

-- --person NAME on bilateral talks: every spelling of the counterpart and
-- each word of it, folded (like delegate_name_keys for Japan's delegates).
CREATE TABLE bilateral_name_keys (
    bilateral_id INTEGER NOT NULL REFERENCES bilaterals(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    PRIMARY KEY (key, bilateral_id)
) WITHOUT ROWID;
CREATE INDEX bilateral_name_keys_bilateral_id ON bilateral_name_keys(bilateral_id);

-- Bookkeeping: e.g. key 'reference' = fingerprint of the gazetteer files the
-- countries, country_aliases and topic_words rows were last filled from.
CREATE TABLE g7_meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
