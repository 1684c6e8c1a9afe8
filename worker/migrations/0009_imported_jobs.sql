-- What imported jobs need beyond the seeded ones (worker/src/import/, worker/src/db/source-jobs.ts).

-- A feed's description as HTML, reduced to a small allow-list when it arrived (worker/src/import/sanitise.ts);
-- the job page shows it. `description` keeps the plain text, which the API, the widgets and search read.
ALTER TABLE jobs ADD COLUMN description_html TEXT;
-- SHA-256 of the two texts: a re-import compares it instead of reading every description back.
ALTER TABLE jobs ADD COLUMN text_hash TEXT;
-- The source's own change stamp for the job (the Jobbörse's aenderungsdatum…), and the stamp whose details
-- (the Jobbörse's description comes from a second request) we hold: unequal means the details are due.
ALTER TABLE jobs ADD COLUMN source_version TEXT;
ALTER TABLE jobs ADD COLUMN details_version TEXT;
-- Normalised employer + title + town (worker/src/import/identity.ts): the same job from the Jobbörse and
-- from the employer's own feed is shown once. The Jobbörse's copy is closed and points at the other.
ALTER TABLE jobs ADD COLUMN match_key TEXT;
ALTER TABLE jobs ADD COLUMN duplicate_of INTEGER REFERENCES jobs (id);
CREATE INDEX jobs_match_key ON jobs (match_key, valid_through) WHERE match_key IS NOT NULL;
-- A source's jobs in id order: the description steps walk them from where the last step stopped.
CREATE INDEX jobs_source ON jobs (source_id, id) WHERE source_id IS NOT NULL;

-- What a healthy run still wants the team to know (occupations with no category yet, descriptions still
-- coming), as JSON.
ALTER TABLE sources ADD COLUMN notes TEXT;
-- D1 rows the last run wrote (its description steps included): 0 when the source had nothing new.
ALTER TABLE sources ADD COLUMN rows_written INTEGER NOT NULL DEFAULT 0;
