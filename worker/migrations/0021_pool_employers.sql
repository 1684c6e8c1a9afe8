-- Employers in the applicant pool (routes/employer/, pool/): their contact persons' accounts, contact
-- requests with the person's answer, blocks, saved searches, and a version of the pool that searches cache
-- their anonymized cards by.

-- A line a member writes for employers' full-text search ("SPS, Schaltschrankbau, 8 Jahre"). It is free
-- text, so it is searched but never shown before that member's yes.
ALTER TABLE pool_members ADD COLUMN headline TEXT;

-- Employers' contact persons, created by staff. They sign in by e-mail link like staff, but in tables of
-- their own and with a cookie of their own: an employer's session is not a staff session by construction,
-- so no staff route can mistake one for the other.
CREATE TABLE employer_accounts (
  id              TEXT PRIMARY KEY,
  employer_id     TEXT NOT NULL REFERENCES employers (id),
  email           TEXT NOT NULL UNIQUE,      -- lower-cased
  name            TEXT NOT NULL,
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  lang            TEXT NOT NULL DEFAULT 'de' CHECK (lang IN ('de', 'en')),  -- of their mails: as they last signed in
  created_by      TEXT NOT NULL REFERENCES staff (id),
  created_at      TEXT NOT NULL,
  last_sign_in_at TEXT
) STRICT;
CREATE INDEX employer_accounts_employer ON employer_accounts (employer_id);

CREATE TABLE employer_sign_in_tokens (
  token_hash  TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES employer_accounts (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
) STRICT;
CREATE INDEX employer_sign_in_tokens_account ON employer_sign_in_tokens (account_id);

CREATE TABLE employer_sessions (
  id_hash      TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES employer_accounts (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT
) STRICT;
CREATE INDEX employer_sessions_account ON employer_sessions (account_id);

-- A contact request: a concrete role and a short message, open for 14 days. One per employer and person,
-- ever: a no or a silence is an answer, and asking again would be pestering. A person who leaves the pool
-- withdraws their open requests, and one who erases their data leaves the request without a person: either
-- way the employer sees it open until its day and then expired, as after any silence, so neither is told.
CREATE TABLE pool_requests (
  id          TEXT PRIMARY KEY,              -- random: ids in URLs cannot be walked
  employer_id TEXT NOT NULL REFERENCES employers (id),
  account_id  TEXT NOT NULL REFERENCES employer_accounts (id),
  signup_id   TEXT REFERENCES signups (id) ON DELETE SET NULL,
  role        TEXT NOT NULL,
  message     TEXT NOT NULL,
  card        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(card)),  -- what the card showed when asked (k-anonymous)
  salary_min  INTEGER,                       -- euros a year, both or neither
  salary_max  INTEGER,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  -- open until answered or expires_at; the cron marks the unanswered 'expired'. 'withdrawn': the person
  -- left the pool (db/pool-requests.ts shows it to the employer as open, then expired).
  state       TEXT NOT NULL DEFAULT 'open'
              CHECK (state IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
  answered_at TEXT
) STRICT;
CREATE UNIQUE INDEX pool_requests_pair ON pool_requests (employer_id, signup_id);
CREATE INDEX pool_requests_signup ON pool_requests (signup_id, created_at);
CREATE INDEX pool_requests_employer ON pool_requests (employer_id, created_at);
CREATE INDEX pool_requests_open ON pool_requests (expires_at) WHERE state IN ('open', 'withdrawn');

-- A member's block of an employer: that employer never sees their card.
CREATE TABLE pool_blocks (
  signup_id   TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  employer_id TEXT NOT NULL REFERENCES employers (id),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (signup_id, employer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pool_blocks_employer ON pool_blocks (employer_id);

-- An employer's saved search, mailed weekly when cards new since the last mail match.
CREATE TABLE pool_searches (
  id          TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES employer_accounts (id) ON DELETE CASCADE,
  employer_id TEXT NOT NULL REFERENCES employers (id),
  name        TEXT NOT NULL,
  query       TEXT NOT NULL CHECK (json_valid(query)),
  created_at  TEXT NOT NULL,
  checked_at  TEXT NOT NULL                  -- cards changed after this are "new" for the next mail
) STRICT;
CREATE INDEX pool_searches_account ON pool_searches (account_id);

-- The pool's version: every change to what a card may show sets it anew, by trigger, whoever writes (the
-- person's page, the console, erasure, retention). Searches cache the anonymized cards per version. It is
-- random rather than counted, so that a database restored to an earlier state never repeats a version a
-- cache has seen with other contents.
INSERT INTO counters (name, value) VALUES ('pool_version', random());

CREATE TRIGGER pool_members_insert AFTER INSERT ON pool_members BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;
CREATE TRIGGER pool_members_update AFTER UPDATE ON pool_members BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;
CREATE TRIGGER pool_members_delete AFTER DELETE ON pool_members BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;
CREATE TRIGGER pool_signups_update AFTER UPDATE OF field, occupation, qualification, towns, earliest_return, status
  ON signups WHEN EXISTS (SELECT 1 FROM pool_members WHERE signup_id = new.id) BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;
CREATE TRIGGER pool_steckbriefe_insert AFTER INSERT ON steckbriefe
  WHEN EXISTS (SELECT 1 FROM pool_members WHERE signup_id = new.signup_id) BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;
CREATE TRIGGER pool_steckbriefe_update AFTER UPDATE OF languages ON steckbriefe
  WHEN EXISTS (SELECT 1 FROM pool_members WHERE signup_id = new.signup_id) BEGIN
  UPDATE counters SET value = random() WHERE name = 'pool_version';
END;

-- The audit log gains employers as actors: each entry names a staff account or an employer's account.
-- (Rebuilt, as SQLite cannot relax a NOT NULL; nothing references audit_log.)
CREATE TABLE audit_log_new (
  id                  INTEGER PRIMARY KEY,
  at                  TEXT NOT NULL,
  staff_id            TEXT REFERENCES staff (id),
  employer_account_id TEXT REFERENCES employer_accounts (id),
  action              TEXT NOT NULL,
  person_id           TEXT,
  detail              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  CHECK ((staff_id IS NULL) <> (employer_account_id IS NULL))
) STRICT;
INSERT INTO audit_log_new (id, at, staff_id, action, person_id, detail)
  SELECT id, at, staff_id, action, person_id, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_person ON audit_log (person_id, at) WHERE person_id IS NOT NULL;
