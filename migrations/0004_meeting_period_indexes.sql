-- 0004_meeting_period_indexes: --since and --until through an index.
--
-- A meeting is held since a date when its last day (end date, else start
-- date, else the last day of its year) is on or after it, and until a date
-- when its first day (start date, else the first day of its year) is on or
-- before it. No column holds those days, so without these indexes every
-- --since/--until read every meeting (and, joined to a fact table, every
-- row of that table). g7cli/queries.py compares exactly these expressions:
-- SQLite uses an index on an expression only for a WHERE term written the
-- same way, so the two must change together.
--
-- Statements run one by one inside the migration's transaction (no PRAGMA).

CREATE INDEX meetings_last_day ON meetings(coalesce(end_date, start_date, year || '-12-31'));
CREATE INDEX meetings_first_day ON meetings(coalesce(start_date, year || '-01-01'));
