-- Where jobs and events come from: each source is a row (the Jobbörse, an employer's feed, a town's
-- calendar), run on its schedule through the import queue (worker/src/import/), with its health.

CREATE TABLE sources (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('demo', 'ba_jobsuche', 'personio_xml', 'softgarden_feed',
                    'dvinci_json', 'recruitee_json', 'greenhouse_json', 'lever_json', 'jsonld_page', 'ics')),
  name            TEXT NOT NULL,
  url             TEXT,
  -- Kind-specific settings as JSON, e.g. an ics calendar's default event kind.
  params          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  -- An employer's feed belongs to the employer; a calendar to its town.
  employer_id     TEXT REFERENCES employers (id),
  town_id         TEXT REFERENCES towns (id),
  every_minutes   INTEGER NOT NULL DEFAULT 360 CHECK (every_minutes >= 5),
  enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  -- Health: new until the first run; degraded or failing with the reason in words.
  state           TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'healthy', 'degraded', 'failing')),
  last_run_at     TEXT,
  last_success_at TEXT,
  seen            INTEGER NOT NULL DEFAULT 0,
  added           INTEGER NOT NULL DEFAULT 0,
  updated         INTEGER NOT NULL DEFAULT 0,
  closed          INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX sources_due ON sources (enabled, last_run_at);

-- Every job and event remembers its source, the source's own id for it (the Jobbörse's referenznummer,
-- an ICS UID with its recurrence id…), the original URL, and when the source first and last had it.
ALTER TABLE jobs ADD COLUMN source_id TEXT REFERENCES sources (id);
ALTER TABLE jobs ADD COLUMN source_key TEXT;
ALTER TABLE jobs ADD COLUMN source_url TEXT;
ALTER TABLE jobs ADD COLUMN first_seen_at TEXT;
ALTER TABLE jobs ADD COLUMN last_seen_at TEXT;
CREATE UNIQUE INDEX jobs_source_key ON jobs (source_id, source_key) WHERE source_key IS NOT NULL;

ALTER TABLE events ADD COLUMN source_id TEXT REFERENCES sources (id);
ALTER TABLE events ADD COLUMN source_key TEXT;
ALTER TABLE events ADD COLUMN first_seen_at TEXT;
ALTER TABLE events ADD COLUMN last_seen_at TEXT;
-- Calendars have whole-day events (a fair over a weekend); they run from Berlin midnight to midnight.
ALTER TABLE events ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1));
CREATE UNIQUE INDEX events_source_key ON events (source_id, source_key) WHERE source_key IS NOT NULL;
