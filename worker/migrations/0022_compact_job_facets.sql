-- The search's narrow copy of each job (0007), made about four times smaller: small integer codes instead of
-- the text values the search filters and counts by, and the two instants as milliseconds. At 80 bytes a row,
-- 50,000 jobs took 5.3 MB, more than SQLite's default page cache (2 MB), so every search read its pages anew;
-- at about 25 bytes they fit, and a search matching 3,500 jobs joins them in half the time (issue 11).

-- One code per facet value, given on first sight and never reused, so a code means the same value for ever.
CREATE TABLE facet_codes (
  code  INTEGER PRIMARY KEY,
  facet TEXT NOT NULL CHECK (facet IN ('town', 'category', 'employer', 'remote')),
  value TEXT NOT NULL,
  UNIQUE (facet, value)
) STRICT;

DROP TRIGGER jobs_facets_insert;
DROP TRIGGER jobs_facets_update;
DROP TRIGGER jobs_facets_delete;
DROP TABLE job_facets;

-- The columns are named after the facets (worker/src/db/jobs.ts builds their SQL from the names).
CREATE TABLE job_facets (
  id            INTEGER PRIMARY KEY,
  -- Milliseconds since 1970, UTC: compared and ordered exactly like the ISO texts in `jobs`.
  valid_through INTEGER NOT NULL,
  posted_at     INTEGER NOT NULL,
  town          INTEGER NOT NULL,
  category      INTEGER NOT NULL,
  employer      INTEGER NOT NULL,
  employment    INTEGER NOT NULL,
  remote        INTEGER NOT NULL
) STRICT;

-- "Newest first" and "closing soonest" without a text query walk these and stop after a page.
CREATE INDEX job_facets_posted ON job_facets (posted_at, id);
CREATE INDEX job_facets_deadline ON job_facets (valid_through, id);

-- Without a text query, each facet is counted by walking its own covering index (worker/src/db/jobs.ts):
-- in the facet's order, so no sorting, and never a lookup into the table.
CREATE INDEX job_facets_by_town ON job_facets (town, valid_through, category, employer, employment, remote);
CREATE INDEX job_facets_by_category ON job_facets (category, valid_through, town, employer, employment, remote);
CREATE INDEX job_facets_by_employer ON job_facets (employer, valid_through, town, category, employment, remote);
CREATE INDEX job_facets_by_remote ON job_facets (remote, valid_through, town, category, employer, employment);
CREATE INDEX job_facets_by_employment ON job_facets (employment, valid_through, town, category, employer, remote);

-- A job's text values, one row each, and its row in the narrow table, read from `jobs`: the one definition
-- the backfill and both triggers use (a trigger's `WHERE id = new.id` reaches `jobs` by its key).
CREATE VIEW job_facet_values AS
  SELECT id, 'town' AS facet, town_id AS value FROM jobs
  UNION ALL SELECT id, 'category', category FROM jobs
  UNION ALL SELECT id, 'employer', employer_id FROM jobs
  UNION ALL SELECT id, 'remote', remote FROM jobs;

-- In the columns' order of job_facets, so that `SELECT *` fills it.
CREATE VIEW job_facet_rows AS
  SELECT j.id,
    CAST(round((julianday(j.valid_through) - 2440587.5) * 86400000) AS INTEGER) AS valid_through,
    CAST(round((julianday(j.posted_at) - 2440587.5) * 86400000) AS INTEGER) AS posted_at,
    (SELECT code FROM facet_codes WHERE facet = 'town' AND value = j.town_id) AS town,
    (SELECT code FROM facet_codes WHERE facet = 'category' AND value = j.category) AS category,
    (SELECT code FROM facet_codes WHERE facet = 'employer' AND value = j.employer_id) AS employer,
    j.employment,
    (SELECT code FROM facet_codes WHERE facet = 'remote' AND value = j.remote) AS remote
  FROM jobs j;

INSERT OR IGNORE INTO facet_codes (facet, value) SELECT DISTINCT facet, value FROM job_facet_values;
INSERT INTO job_facets SELECT * FROM job_facet_rows;

-- OR REPLACE: an `INSERT OR REPLACE INTO jobs` removes the old row without firing the delete trigger.
CREATE TRIGGER jobs_facets_insert AFTER INSERT ON jobs BEGIN
  INSERT OR IGNORE INTO facet_codes (facet, value) SELECT facet, value FROM job_facet_values WHERE id = new.id;
  INSERT OR REPLACE INTO job_facets SELECT * FROM job_facet_rows WHERE id = new.id;
END;

-- Only when a column copied here changes: refreshing a job's text or its last sighting leaves this alone.
CREATE TRIGGER jobs_facets_update
AFTER UPDATE OF valid_through, posted_at, town_id, category, employer_id, employment, remote ON jobs BEGIN
  INSERT OR IGNORE INTO facet_codes (facet, value) SELECT facet, value FROM job_facet_values WHERE id = new.id;
  INSERT OR REPLACE INTO job_facets SELECT * FROM job_facet_rows WHERE id = new.id;
END;

CREATE TRIGGER jobs_facets_delete AFTER DELETE ON jobs BEGIN
  DELETE FROM job_facets WHERE id = old.id;
END;
