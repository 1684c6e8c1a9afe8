-- Events the team runs from the console: single dates and series ("every third Thursday, 19:00"),
-- expanded into dated events; a cancelled date stays, marked, so subscribed calendars show it cancelled
-- (same UID, STATUS:CANCELLED, a higher SEQUENCE) rather than silently losing it.
CREATE TABLE event_series (
  id          TEXT PRIMARY KEY,            -- random: ids in URLs cannot be walked
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL,
  town_id     TEXT NOT NULL REFERENCES towns (id),
  venue       TEXT NOT NULL,
  address     TEXT,
  organizer   TEXT NOT NULL,
  url         TEXT,
  -- {"every":"week","interval":1..4,"weekday":0..6} or {"every":"month","nth":1..4|-1,"weekday":0..6};
  -- weekday 0 is Monday.
  rule        TEXT NOT NULL CHECK (json_valid(rule)),
  start_time  TEXT NOT NULL,               -- HH:MM, Berlin wall clock
  end_time    TEXT NOT NULL,
  first_date  TEXT NOT NULL,               -- YYYY-MM-DD
  until_date  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES staff (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  ended_at    TEXT                          -- the series was ended: its later dates are cancelled
) STRICT;

-- NULL source: made in the console (imported events belong to their source and change with it).
ALTER TABLE events ADD COLUMN series_id TEXT REFERENCES event_series (id);
ALTER TABLE events ADD COLUMN created_by TEXT REFERENCES staff (id);
ALTER TABLE events ADD COLUMN cancelled_at TEXT;
-- RFC 5545 SEQUENCE: raised when the date, time or place changes or the event is cancelled, so calendar
-- apps take the new version over the one they hold.
ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_series ON events (series_id, starts_at);
