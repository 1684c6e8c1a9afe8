-- Machine tokens replace the shared ADMIN_TOKEN: an admin makes one per tool in the console, for reading
-- exports only (GET), acting as that admin and audited as such. Stored as a hash; shown once; revocable.
CREATE TABLE machine_tokens (
  id           TEXT PRIMARY KEY,
  staff_id     TEXT NOT NULL REFERENCES staff (id),
  name         TEXT NOT NULL,                -- what the tool is, e.g. "Monatsbericht-Skript"
  token_hash   TEXT NOT NULL UNIQUE,         -- SHA-256 of the token
  scope        TEXT NOT NULL CHECK (scope IN ('export')),
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
) STRICT;
CREATE INDEX machine_tokens_staff ON machine_tokens (staff_id);
