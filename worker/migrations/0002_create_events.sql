-- Returnee meet-ups, job fairs, info evenings and other events in the region.

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL,
  town_id     TEXT NOT NULL REFERENCES towns (id),
  venue       TEXT NOT NULL,
  address     TEXT,
  organizer   TEXT NOT NULL,
  url         TEXT,
  -- ISO 8601 UTC instants; shown in Europe/Berlin.
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL CHECK (ends_at >= starts_at),
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX events_ends ON events (ends_at, starts_at);
CREATE INDEX events_town ON events (town_id, starts_at);
