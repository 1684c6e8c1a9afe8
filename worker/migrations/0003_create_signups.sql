-- "Komm zurück" signups with their consent proof, double opt-in tokens (stored hashed), the dev outbox,
-- and anonymous counters. No raw IP addresses anywhere.
CREATE TABLE signups (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,               -- as given, lower-cased: the person's key
  first_name TEXT,
  field TEXT,
  occupation TEXT,
  qualification TEXT,
  towns TEXT NOT NULL DEFAULT '[]',          -- JSON array of town ids
  earliest_return TEXT NOT NULL,             -- 'open' or YYYY-MM
  wants TEXT NOT NULL,                       -- JSON array: job_offers, meetups, newsletter
  lang TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
  consent_version TEXT NOT NULL,             -- SHA-256 of the exact consent text shown
  consent_given_at TEXT NOT NULL,
  confirmed_at TEXT,
  source TEXT,                               -- the embedding site's own label
  referer_origin TEXT,                       -- the origin of the page the form sat on
  created_at TEXT NOT NULL,
  last_mail_at TEXT NOT NULL
) STRICT;
CREATE INDEX signups_pending ON signups (status, created_at);

CREATE TABLE signup_tokens (
  token_hash TEXT PRIMARY KEY,               -- SHA-256 of the token; the token itself exists only in the mail
  signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm')),
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX signup_tokens_signup ON signup_tokens (signup_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  signup_id TEXT REFERENCES signups (id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
