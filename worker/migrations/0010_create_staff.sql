-- The programme's staff: the district's team (admin) and the towns' economic developers (town), who sign
-- in by e-mail link (worker/src/routes/staff/). Tokens and session ids are stored only as hashes.

CREATE TABLE staff (
  id              TEXT PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE,      -- lower-cased
  name            TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('admin', 'town')),
  -- JSON array of town ids: the towns a town account serves (empty for admins, who see everything).
  towns           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(towns)),
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at      TEXT NOT NULL,
  last_sign_in_at TEXT
) STRICT;

CREATE TABLE staff_sign_in_tokens (
  token_hash  TEXT PRIMARY KEY,              -- SHA-256 of the token; the token exists only in the mail
  staff_id    TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
) STRICT;
CREATE INDEX staff_sign_in_tokens_staff ON staff_sign_in_tokens (staff_id);

CREATE TABLE staff_sessions (
  id_hash      TEXT PRIMARY KEY,             -- SHA-256 of the cookie's value
  staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,                -- idle expiry counts from here
  expires_at   TEXT NOT NULL,                -- absolute expiry
  revoked_at   TEXT
) STRICT;
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Every staff read of a person's data and every staff action: who, when, what, which person. It holds no
-- copies of the data (the filters of a list, never its rows). Kept two years (scheduled.ts).
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  staff_id  TEXT NOT NULL REFERENCES staff (id),
  action    TEXT NOT NULL,
  person_id TEXT,
  detail    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_person ON audit_log (person_id, at) WHERE person_id IS NOT NULL;

-- The console's people list: newest first, paged by (created_at, id).
CREATE INDEX signups_newest ON signups (created_at, id);

-- What the people list filters on, so that neither a page nor its total reads every signup (the jobs
-- search's job_facets idea, 0007): the towns a person named as rows, kept by triggers, and the words
-- staff search for (first name, address, occupation) in a trigram index, which answers "contains".
CREATE INDEX signups_status_newest ON signups (status, created_at);
CREATE INDEX signups_field_newest ON signups (field, created_at);
-- Totals of the usual filter pairs from the index alone.
CREATE INDEX signups_filters ON signups (status, field);

-- One row per person and town named, with what the console filters on beside the town, so a town's list
-- and its totals are read from these indexes alone.
CREATE TABLE signup_towns (
  town_id    TEXT NOT NULL,
  signup_id  TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  status     TEXT NOT NULL,
  field      TEXT,
  PRIMARY KEY (town_id, signup_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX signup_towns_newest ON signup_towns (town_id, created_at, signup_id);
CREATE INDEX signup_towns_filters ON signup_towns (town_id, status, field);
CREATE INDEX signup_towns_person ON signup_towns (signup_id);
INSERT OR IGNORE INTO signup_towns (town_id, signup_id, created_at, status, field)
  SELECT j.value, s.id, s.created_at, s.status, s.field FROM signups s, json_each(s.towns) j;

CREATE VIRTUAL TABLE signups_search USING fts5 (words, tokenize = 'trigram');
INSERT INTO signups_search (rowid, words)
  SELECT rowid, coalesce(first_name, '') || ' ' || email || ' ' || coalesce(occupation, '') FROM signups;

CREATE TRIGGER signups_people_insert AFTER INSERT ON signups BEGIN
  INSERT OR IGNORE INTO signup_towns (town_id, signup_id, created_at, status, field)
    SELECT value, new.id, new.created_at, new.status, new.field FROM json_each(new.towns);
  INSERT INTO signups_search (rowid, words)
    VALUES (new.rowid, coalesce(new.first_name, '') || ' ' || new.email || ' ' || coalesce(new.occupation, ''));
END;

CREATE TRIGGER signups_people_update AFTER UPDATE OF towns, status, field, first_name, email, occupation ON signups BEGIN
  DELETE FROM signup_towns WHERE signup_id = old.id;
  INSERT OR IGNORE INTO signup_towns (town_id, signup_id, created_at, status, field)
    SELECT value, new.id, new.created_at, new.status, new.field FROM json_each(new.towns);
  DELETE FROM signups_search WHERE rowid = old.rowid;
  INSERT INTO signups_search (rowid, words)
    VALUES (new.rowid, coalesce(new.first_name, '') || ' ' || new.email || ' ' || coalesce(new.occupation, ''));
END;

CREATE TRIGGER signups_people_delete AFTER DELETE ON signups BEGIN
  DELETE FROM signup_towns WHERE signup_id = old.id;
  DELETE FROM signups_search WHERE rowid = old.rowid;
END;
