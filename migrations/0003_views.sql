-- 0003_views: a few views for the main questions, so the database reads well
-- as it is in the sqlite3 shell, sqlite-utils and Datasette (which lists
-- views beside the tables). Views store nothing: they always show what the
-- tables hold, and g7 itself never reads them.
--
-- Lists are joined with '; ' as in g7's CSV and TSV output. group_concat
-- takes no ORDER BY in SQLite 3.40, so each list is aggregated from an
-- ordered subquery.
--
-- Statements run one by one inside the migration's transaction (no PRAGMA).

-- Every bilateral talk with its meeting, Japan's delegate and the counterpart's
-- country: one row per talk, however many documents report it.
CREATE VIEW talks_with_meetings AS
SELECT
    b.id                                  AS talk_id,
    b.meeting_id                          AS meeting_id,
    m.title                               AS meeting,
    m.year                                AS year,
    b.date                                AS date,
    coalesce(dl.name, b.delegate)         AS delegate,
    dl.role                               AS delegate_role,
    b.counterpart                         AS counterpart,
    b.counterpart_role                    AS counterpart_role,
    b.country_code                        AS country_code,
    coalesce(b.country, c.name)           AS country,
    b.kind                                AS kind,
    (SELECT count(*) FROM bilateral_sources s WHERE s.bilateral_id = b.id) AS sources,
    (SELECT group_concat(file_name, '; ') FROM (
        SELECT DISTINCT doc.file_name FROM bilateral_sources s JOIN documents doc ON doc.id = s.document_id
        WHERE s.bilateral_id = b.id ORDER BY doc.file_name)) AS documents
FROM bilaterals b
JOIN meetings m ON m.id = b.meeting_id
LEFT JOIN delegates dl ON dl.id = b.delegate_id
LEFT JOIN countries c ON c.code = b.country_code;

-- Every meeting with the documents that report it (and their publishers,
-- languages and dates), its cities, and how many facts each table holds for it.
CREATE VIEW meetings_with_documents AS
SELECT
    m.id                                  AS meeting_id,
    m.title                               AS title,
    m.year                                AS year,
    m.start_date                          AS start_date,
    m.end_date                            AS end_date,
    m.host_country_code                   AS host_country_code,
    m.host_country                        AS host_country,
    m.virtual                             AS virtual,
    (SELECT group_concat(name, '; ') FROM (
        SELECT c.name FROM meeting_cities c WHERE c.meeting_id = m.id
        GROUP BY c.name ORDER BY min(c.position), c.name)) AS cities,
    (SELECT count(*) FROM meeting_documents md WHERE md.meeting_id = m.id) AS document_count,
    (SELECT group_concat(file_name, '; ') FROM (
        SELECT doc.file_name FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id
        WHERE md.meeting_id = m.id ORDER BY doc.file_name, doc.id)) AS documents,
    (SELECT group_concat(publisher, '; ') FROM (
        SELECT DISTINCT doc.publisher FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id
        WHERE md.meeting_id = m.id AND doc.publisher IS NOT NULL ORDER BY doc.publisher)) AS publishers,
    (SELECT group_concat(language, '; ') FROM (
        SELECT DISTINCT doc.language FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id
        WHERE md.meeting_id = m.id AND doc.language IS NOT NULL ORDER BY doc.language)) AS languages,
    (SELECT min(doc.published) FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id
        WHERE md.meeting_id = m.id) AS first_published,
    (SELECT count(*) FROM delegates d WHERE d.meeting_id = m.id) AS delegates,
    (SELECT count(*) FROM bilaterals b WHERE b.meeting_id = m.id) AS talks
FROM meetings m;

-- Japan's delegates, one row per person per meeting, with the meeting and the
-- number of talks each held there.
CREATE VIEW delegates_with_meetings AS
SELECT
    d.id                                  AS delegate_id,
    d.name                                AS name,
    d.role                                AS role,
    d.role_key                            AS role_key,
    d.meeting_id                          AS meeting_id,
    m.title                               AS meeting,
    m.year                                AS year,
    m.start_date                          AS start_date,
    m.host_country                        AS host_country,
    (SELECT count(*) FROM bilaterals b WHERE b.delegate_id = d.id) AS talks,
    (SELECT group_concat(file_name, '; ') FROM (
        SELECT DISTINCT doc.file_name FROM delegate_sources s JOIN documents doc ON doc.id = s.document_id
        WHERE s.delegate_id = d.id ORDER BY doc.file_name)) AS documents
FROM delegates d
JOIN meetings m ON m.id = d.meeting_id;
