-- Keeping in touch as each person asked (worker/src/keep-in-touch/): the job digest, invitations to their
-- towns' meet-ups, and, later, the newsletter. Each is a purpose of its own, left with one click.

-- How often a person wants the digest, and how far it has got: jobs first seen up to digest_mark have been
-- considered for them, so no job is mailed to anyone twice and the next digest starts where this one ended.
ALTER TABLE signups ADD COLUMN digest_every TEXT NOT NULL DEFAULT 'weekly' CHECK (digest_every IN ('daily', 'weekly'));
ALTER TABLE signups ADD COLUMN digest_mark TEXT;
ALTER TABLE signups ADD COLUMN digest_at TEXT;          -- the last run that looked for them (mail or none)
ALTER TABLE signups ADD COLUMN invited_at TEXT;         -- the last invitation mail: at most one a week
-- All mail to the address has stopped: it bounced for good, or the person marked our mail as spam.
ALTER TABLE signups ADD COLUMN mail_stopped_at TEXT;
ALTER TABLE signups ADD COLUMN mail_stop_reason TEXT CHECK (mail_stop_reason IN ('bounce', 'complaint'));

-- The same stop by the address's SHA-256, so it outlives an erasure (a dead address is not mailed again
-- when someone signs it up anew) and holds for mails not tied to a person (sign-in links) without keeping
-- the address itself.
CREATE TABLE mail_stops (
  address_hash TEXT PRIMARY KEY,
  reason       TEXT NOT NULL CHECK (reason IN ('bounce', 'complaint')),
  created_at   TEXT NOT NULL
) STRICT;

-- A mailing's mails (a digest run, an invitation round, a newsletter) carry its key: one per recipient
-- and mailing, so a run that is cut off and run again mails nobody twice and leaves nobody out.
ALTER TABLE outbox ADD COLUMN mailing TEXT;
-- Headers beyond From/To/Subject, as JSON: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
ALTER TABLE outbox ADD COLUMN headers TEXT CHECK (headers IS NULL OR json_valid(headers));
CREATE UNIQUE INDEX outbox_mailing ON outbox (mailing, signup_id) WHERE mailing IS NOT NULL;
CREATE INDEX outbox_bulk_due ON outbox (next_attempt_at, id) WHERE mailing IS NOT NULL AND sent_at IS NULL;

-- The per-person cap counts the keep-in-touch mails of the last days from the mail log, which now says
-- what kind each mail was.
ALTER TABLE mail_log ADD COLUMN kind TEXT;
DROP TRIGGER outbox_mail_log;
CREATE TRIGGER outbox_mail_log AFTER INSERT ON outbox WHEN NEW.signup_id IS NOT NULL
BEGIN
  INSERT INTO mail_log (signup_id, subject, created_at, kind) VALUES (NEW.signup_id, NEW.subject, NEW.created_at, NEW.kind);
END;

-- Who was invited to which meet-up, and their answer; guests see only their own.
CREATE TABLE event_invites (
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  signup_id   TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  invited_at  TEXT NOT NULL,
  answer      TEXT CHECK (answer IN ('yes', 'no')),
  answered_at TEXT,
  PRIMARY KEY (event_id, signup_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_invites_signup ON event_invites (signup_id);

-- The provider's rate: one row whose lease the sending chain holds (worker/src/keep-in-touch/deliver.ts).
CREATE TABLE mail_pacing (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  busy_until  TEXT NOT NULL
) STRICT;
INSERT INTO mail_pacing (id, busy_until) VALUES (1, '1970-01-01T00:00:00.000Z');

-- Open jobs by when we first saw them: the digest reads only the jobs new since a person's last digest.
CREATE INDEX jobs_first_seen ON jobs (first_seen_at) WHERE first_seen_at IS NOT NULL;
