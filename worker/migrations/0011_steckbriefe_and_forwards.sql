-- Steckbriefe and forwards (worker/src/routes/person/, routes/staff/, routes/employer/): a person's own short
-- profile, the team's suggestions for it, and forwards of it to named employers, each only after that
-- person's yes for that employer. Staff notes are shown to the person; a log of the mails sent to them
-- (subject and time, never the text: that holds links) outlives the outbox, which deletes sent mails.

-- Where forwards to an employer go, as the team enters it; imports never touch these columns.
ALTER TABLE employers ADD COLUMN contact_email TEXT;
ALTER TABLE employers ADD COLUMN contact_name TEXT;

CREATE TABLE steckbriefe (
  signup_id   TEXT PRIMARY KEY REFERENCES signups (id) ON DELETE CASCADE,
  headline    TEXT,                            -- "Mechatronikerin mit 8 Jahren Erfahrung"
  about       TEXT,                            -- what I do
  looking_for TEXT,                            -- what I am looking for
  languages   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
  cv_url      TEXT,                            -- https only, checked by the schema
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE steckbrief_suggestions (
  id          TEXT PRIMARY KEY,
  signup_id   TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  staff_id    TEXT NOT NULL REFERENCES staff (id),
  changes     TEXT NOT NULL CHECK (json_valid(changes)),   -- the suggested Steckbrief fields
  created_at  TEXT NOT NULL,
  answer      TEXT CHECK (answer IN ('accepted', 'declined')),
  answered_at TEXT
) STRICT;
CREATE INDEX steckbrief_suggestions_signup ON steckbrief_suggestions (signup_id, created_at);

CREATE TABLE forwards (
  id              TEXT PRIMARY KEY,            -- random: ids in URLs cannot be walked
  signup_id       TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  employer_id     TEXT NOT NULL REFERENCES employers (id),
  proposed_by     TEXT NOT NULL REFERENCES staff (id),
  proposed_at     TEXT NOT NULL,
  -- asked: waiting for the person; declined: they said no; shared: the employer has a link (until
  -- expires_at); revoked: the link shows nothing any more.
  state           TEXT NOT NULL CHECK (state IN ('asked', 'declined', 'shared', 'revoked')),
  fields          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),  -- what the person approved
  answered_at     TEXT,
  expires_at      TEXT,
  token_hash      TEXT UNIQUE,                 -- SHA-256 of the employer's link; the link exists only in the mail
  revoked_at      TEXT,
  revoked_by      TEXT CHECK (revoked_by IN ('person', 'staff')),
  opens           INTEGER NOT NULL DEFAULT 0,
  first_opened_at TEXT,
  last_opened_at  TEXT,
  -- What came of it, as the team records it from the employer's answer.
  outcome         TEXT CHECK (outcome IN ('replied', 'interview', 'hired', 'no_fit')),
  outcome_at      TEXT
) STRICT;
-- One open forward per person and employer: proposing again while one is asked or shared adds nothing.
CREATE UNIQUE INDEX forwards_open ON forwards (signup_id, employer_id) WHERE state IN ('asked', 'shared');
CREATE INDEX forwards_signup ON forwards (signup_id, proposed_at);
CREATE INDEX forwards_proposed ON forwards (proposed_at);

-- Every opening of a Steckbrief link, for the person's page and the outcomes.
CREATE TABLE forward_opens (
  forward_id TEXT NOT NULL REFERENCES forwards (id) ON DELETE CASCADE,
  opened_at  TEXT NOT NULL
) STRICT;
CREATE INDEX forward_opens_forward ON forward_opens (forward_id, opened_at);

CREATE TABLE staff_notes (
  id         INTEGER PRIMARY KEY,
  signup_id  TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  staff_id   TEXT NOT NULL REFERENCES staff (id),
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_notes_signup ON staff_notes (signup_id, created_at);

CREATE TABLE mail_log (
  id         INTEGER PRIMARY KEY,
  signup_id  TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  subject    TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX mail_log_signup ON mail_log (signup_id, created_at);
CREATE TRIGGER outbox_mail_log AFTER INSERT ON outbox WHEN NEW.signup_id IS NOT NULL
BEGIN
  INSERT INTO mail_log (signup_id, subject, created_at) VALUES (NEW.signup_id, NEW.subject, NEW.created_at);
END;
