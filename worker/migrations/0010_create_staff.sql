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
