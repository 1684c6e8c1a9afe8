-- The search's narrow copy of each job: what filters, facets and sort keys read, about 80 bytes a row, so a
-- search that matches thousands of jobs never touches the wide rows (description ~2 KB) except for the
-- page it shows. Kept equal to `jobs` by triggers, so no writer can forget it.

CREATE TABLE job_facets (
  id            INTEGER PRIMARY KEY,
  valid_through TEXT NOT NULL,
  posted_at     TEXT NOT NULL,
  town_id       TEXT NOT NULL,
  category      TEXT NOT NULL,
  employer_id   TEXT NOT NULL,
  employment    INTEGER NOT NULL,
  remote        TEXT NOT NULL
) STRICT;

-- "Newest first" and "closing soonest" without a text query walk these and stop after a page.
CREATE INDEX job_facets_posted ON job_facets (posted_at, id);
CREATE INDEX job_facets_deadline ON job_facets (valid_through, id);

-- Without a text query, each facet is counted by walking its own covering index (worker/src/db/jobs.ts):
-- in the facet's order, so no sorting, and never a lookup into the table.
CREATE INDEX job_facets_by_town ON job_facets (town_id, valid_through, category, employer_id, employment, remote);
CREATE INDEX job_facets_by_category ON job_facets (category, valid_through, town_id, employer_id, employment, remote);
CREATE INDEX job_facets_by_employer ON job_facets (employer_id, valid_through, town_id, category, employment, remote);
CREATE INDEX job_facets_by_remote ON job_facets (remote, valid_through, town_id, category, employer_id, employment);
CREATE INDEX job_facets_by_employment ON job_facets (employment, valid_through, town_id, category, employer_id, remote);

INSERT INTO job_facets (id, valid_through, posted_at, town_id, category, employer_id, employment, remote)
  SELECT id, valid_through, posted_at, town_id, category, employer_id, employment, remote FROM jobs;

-- OR REPLACE: an `INSERT OR REPLACE INTO jobs` removes the old row without firing the delete trigger.
CREATE TRIGGER jobs_facets_insert AFTER INSERT ON jobs BEGIN
  INSERT OR REPLACE INTO job_facets (id, valid_through, posted_at, town_id, category, employer_id, employment, remote)
  VALUES (new.id, new.valid_through, new.posted_at, new.town_id, new.category, new.employer_id, new.employment, new.remote);
END;

CREATE TRIGGER jobs_facets_update AFTER UPDATE ON jobs BEGIN
  DELETE FROM job_facets WHERE id = old.id;
  INSERT INTO job_facets (id, valid_through, posted_at, town_id, category, employer_id, employment, remote)
  VALUES (new.id, new.valid_through, new.posted_at, new.town_id, new.category, new.employer_id, new.employment, new.remote);
END;

CREATE TRIGGER jobs_facets_delete AFTER DELETE ON jobs BEGIN
  DELETE FROM job_facets WHERE id = old.id;
END;
