-- The region: its towns, the employers in it, and their open jobs with a full-text index.

CREATE TABLE towns (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  lat         REAL NOT NULL,
  lon         REAL NOT NULL
) STRICT;

-- Kept equal to shared/towns.ts by a test.
INSERT INTO towns (id, name, postal_code, lat, lon) VALUES
  ('arnsberg', 'Arnsberg', '59755', 51.3967, 8.0644),
  ('bestwig', 'Bestwig', '59909', 51.3611, 8.4008),
  ('brilon', 'Brilon', '59929', 51.3956, 8.5678),
  ('eslohe', 'Eslohe', '59889', 51.2536, 8.1667),
  ('hallenberg', 'Hallenberg', '59969', 51.1106, 8.6222),
  ('marsberg', 'Marsberg', '34431', 51.4617, 8.8467),
  ('medebach', 'Medebach', '59964', 51.1972, 8.7069),
  ('meschede', 'Meschede', '59872', 51.35, 8.2833),
  ('olsberg', 'Olsberg', '59939', 51.3564, 8.4861),
  ('schmallenberg', 'Schmallenberg', '57392', 51.1547, 8.2883),
  ('sundern', 'Sundern', '59846', 51.3286, 8.0),
  ('winterberg', 'Winterberg', '59955', 51.1931, 8.5336);

CREATE TABLE employers (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  town_id     TEXT NOT NULL REFERENCES towns (id),
  industry    TEXT NOT NULL,
  website     TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX employers_town ON employers (town_id);

CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY,
  employer_id   TEXT NOT NULL REFERENCES employers (id),
  town_id       TEXT NOT NULL REFERENCES towns (id),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL,
  category      TEXT NOT NULL,
  -- Bit set of employment types (shared/taxonomy.ts EMPLOYMENT_TYPES): a job is often several at once.
  employment    INTEGER NOT NULL CHECK (employment > 0),
  remote        TEXT NOT NULL CHECK (remote IN ('onsite', 'hybrid', 'remote')),
  salary_min    INTEGER,
  salary_max    INTEGER,
  apply_url     TEXT,
  -- ISO 8601 UTC instants, so text order is time order.
  posted_at     TEXT NOT NULL,
  valid_through TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- Open jobs are those with valid_through in the future. "Newest first" walks jobs_posted and skips the few
-- closed ones; "closing soonest" walks jobs_deadline from now on.
CREATE INDEX jobs_posted ON jobs (posted_at, id);
CREATE INDEX jobs_deadline ON jobs (valid_through, id);
CREATE INDEX jobs_town ON jobs (town_id, valid_through);
CREATE INDEX jobs_employer ON jobs (employer_id, valid_through);
CREATE INDEX jobs_category ON jobs (category, valid_through);

-- Full-text index, rowid = jobs.id. It holds folded text (shared/search-text.ts indexText: ä→ae, gender
-- markers joined, compound heads added), written by whoever writes the job, so index and query fold alike.
CREATE VIRTUAL TABLE jobs_fts USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
