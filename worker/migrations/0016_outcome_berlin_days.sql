-- The funders' report counts by Berlin calendar days and weeks, but 0012 filed each count under its UTC
-- date: a signup at 00:30 on a Monday in Berlin landed on Sunday, in the week before. SQLite knows no time
-- zones, so the Berlin day is computed here by the EU rule (summer time, UTC+2, from 01:00 UTC on the last
-- Sunday of March to 01:00 UTC on the last Sunday of October; UTC+1 otherwise; shared/berlin-clock.ts has
-- the same rule, tested against Intl). Days, not hours: the counts stay as coarse as the report needs.
-- The counts are rebuilt from what is there; withdrawals (whose people are gone) keep their day.
CREATE TABLE outcome_counts_berlin (
  day    TEXT NOT NULL,      -- YYYY-MM-DD, Europe/Berlin
  metric TEXT NOT NULL,
  town   TEXT NOT NULL,
  site   TEXT NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (town, day, metric, site)
) STRICT, WITHOUT ROWID;
INSERT INTO outcome_counts_berlin (day, metric, town, site, n)
  SELECT day, metric, town, site, n FROM outcome_counts WHERE metric = 'withdrawn';

DROP TRIGGER outcome_signup;
DROP TRIGGER outcome_confirmed;
DROP TRIGGER outcome_withdrawn;
DROP TRIGGER outcome_proposed;
DROP TRIGGER outcome_answered;
DROP TRIGGER outcome_opened;
DROP TRIGGER outcome_recorded;
DROP TABLE outcome_counts;
ALTER TABLE outcome_counts_berlin RENAME TO outcome_counts;

-- A row written confirmed already (an import of an earlier list, the demo) counts as confirmed too.
CREATE TRIGGER outcome_signup AFTER INSERT ON signups BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(new.created_at, CASE WHEN new.created_at >= date(substr(new.created_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.created_at < date(substr(new.created_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'signup', town, site, 1 FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT coalesce(date(new.confirmed_at, CASE WHEN new.confirmed_at >= date(substr(new.confirmed_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.confirmed_at < date(substr(new.confirmed_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), date(new.created_at, CASE WHEN new.created_at >= date(substr(new.created_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.created_at < date(substr(new.created_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END)), 'confirmed', town, site, 1
      FROM person_slices WHERE new.status = 'confirmed' AND signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_confirmed AFTER UPDATE OF status ON signups
WHEN old.status = 'pending' AND new.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT coalesce(date(new.confirmed_at, CASE WHEN new.confirmed_at >= date(substr(new.confirmed_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.confirmed_at < date(substr(new.confirmed_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), date(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), CASE WHEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') >= date(substr(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND strftime('%Y-%m-%dT%H:%M:%fZ', 'now') < date(substr(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END)), 'confirmed', town, site, 1
      FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Before the row goes, while the view still sees it. Unconfirmed signups purged after 7 days are not
-- withdrawals: they were never in.
CREATE TRIGGER outcome_withdrawn BEFORE DELETE ON signups WHEN old.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), CASE WHEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') >= date(substr(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND strftime('%Y-%m-%dT%H:%M:%fZ', 'now') < date(substr(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'withdrawn', town, site, 1
      FROM person_slices WHERE signup_id = old.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_proposed AFTER INSERT ON forwards BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(new.proposed_at, CASE WHEN new.proposed_at >= date(substr(new.proposed_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.proposed_at < date(substr(new.proposed_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'proposed', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_answered AFTER UPDATE OF state ON forwards
WHEN old.state = 'asked' AND new.state IN ('shared', 'declined') BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(new.answered_at, CASE WHEN new.answered_at >= date(substr(new.answered_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.answered_at < date(substr(new.answered_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), CASE new.state WHEN 'shared' THEN 'accepted' ELSE 'declined' END,
           town, site, 1
      FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_opened AFTER UPDATE OF first_opened_at ON forwards
WHEN old.first_opened_at IS NULL AND new.first_opened_at IS NOT NULL BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(new.first_opened_at, CASE WHEN new.first_opened_at >= date(substr(new.first_opened_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.first_opened_at < date(substr(new.first_opened_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'opened', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A forward has one outcome: a corrected one (replied, then interview, then hired) moves the count from the
-- old outcome's day to the new one, so each forward counts once, under what came of it last.
CREATE TRIGGER outcome_recorded AFTER UPDATE OF outcome ON forwards
WHEN new.outcome IS NOT old.outcome BEGIN
  UPDATE outcome_counts SET n = n - 1
    WHERE old.outcome IS NOT NULL AND metric = old.outcome AND day = date(old.outcome_at, CASE WHEN old.outcome_at >= date(substr(old.outcome_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND old.outcome_at < date(substr(old.outcome_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END) AND n > 0
      AND (town, site) IN (SELECT town, site FROM person_slices WHERE signup_id = new.signup_id);
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date(new.outcome_at, CASE WHEN new.outcome_at >= date(substr(new.outcome_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND new.outcome_at < date(substr(new.outcome_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), new.outcome, town, site, 1
      FROM person_slices WHERE new.outcome IS NOT NULL AND signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;


-- The counts of what is still there, by Berlin day (one statement per step: D1 allows few compound terms).
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(s.created_at, CASE WHEN s.created_at >= date(substr(s.created_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND s.created_at < date(substr(s.created_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'signup', p.town, p.site, count(*) FROM signups s JOIN person_slices p ON p.signup_id = s.id
  WHERE true GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(coalesce(s.confirmed_at, s.created_at), CASE WHEN coalesce(s.confirmed_at, s.created_at) >= date(substr(coalesce(s.confirmed_at, s.created_at), 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND coalesce(s.confirmed_at, s.created_at) < date(substr(coalesce(s.confirmed_at, s.created_at), 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'confirmed', p.town, p.site, count(*) FROM signups s JOIN person_slices p ON p.signup_id = s.id
  WHERE s.status = 'confirmed' GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(f.proposed_at, CASE WHEN f.proposed_at >= date(substr(f.proposed_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND f.proposed_at < date(substr(f.proposed_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'proposed', p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE true GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(f.answered_at, CASE WHEN f.answered_at >= date(substr(f.answered_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND f.answered_at < date(substr(f.answered_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), CASE f.state WHEN 'declined' THEN 'declined' ELSE 'accepted' END, p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.answered_at IS NOT NULL AND (f.state IN ('shared', 'declined') OR (f.state = 'revoked' AND f.token_hash IS NOT NULL)) GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(f.first_opened_at, CASE WHEN f.first_opened_at >= date(substr(f.first_opened_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND f.first_opened_at < date(substr(f.first_opened_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), 'opened', p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.first_opened_at IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT date(f.outcome_at, CASE WHEN f.outcome_at >= date(substr(f.outcome_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00' AND f.outcome_at < date(substr(f.outcome_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+2 hours' ELSE '+1 hour' END), f.outcome, p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.outcome IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
