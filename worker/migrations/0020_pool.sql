-- The anonymous applicant pool (worker/src/pool/): who joined, which details their card may show, and the
-- pool consent text they agreed to. Pausing hides the card at once; leaving deletes the row; erasing the
-- person deletes it with them.
CREATE TABLE pool_members (
  signup_id       TEXT PRIMARY KEY REFERENCES signups (id) ON DELETE CASCADE,
  details         TEXT NOT NULL CHECK (json_valid(details)),  -- JSON array of the details shown (pool/cards.ts)
  consent_version TEXT NOT NULL,                              -- SHA-256 of the exact pool consent text
  joined_at       TEXT NOT NULL,
  paused_at       TEXT,                                       -- set: the card is shown to no one
  updated_at      TEXT NOT NULL
) STRICT;
