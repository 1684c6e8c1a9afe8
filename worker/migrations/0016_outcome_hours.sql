-- The funders' report counts by Berlin calendar days and weeks, but SQLite knows no time zones: a signup at
-- 00:30 on a Monday in Berlin is Sunday in UTC. So the counts are kept per UTC hour, and summed into Berlin
-- days when read (worker/src/present/outcomes.ts). The counts of 0012 keep their day (as its first hour).
CREATE TABLE outcome_counts_hourly (
  hour   TEXT NOT NULL,      -- YYYY-MM-DDTHH, UTC
  metric TEXT NOT NULL,
  town   TEXT NOT NULL,
  site   TEXT NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (town, hour, metric, site)
) STRICT, WITHOUT ROWID;
INSERT INTO outcome_counts_hourly (hour, metric, town, site, n)
  SELECT day || 'T00', metric, town, site, n FROM outcome_counts WHERE true;

DROP TRIGGER outcome_signup;
DROP TRIGGER outcome_confirmed;
DROP TRIGGER outcome_withdrawn;
DROP TRIGGER outcome_proposed;
DROP TRIGGER outcome_answered;
DROP TRIGGER outcome_opened;
DROP TRIGGER outcome_recorded;
DROP TABLE outcome_counts;
ALTER TABLE outcome_counts_hourly RENAME TO outcome_counts;

-- A row written confirmed already (an import of an earlier list, the demo) counts as confirmed too.
CREATE TRIGGER outcome_signup AFTER INSERT ON signups BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT substr(new.created_at, 1, 13), 'signup', town, site, 1 FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT coalesce(substr(new.confirmed_at, 1, 13), substr(new.created_at, 1, 13)), 'confirmed', town, site, 1
      FROM person_slices WHERE new.status = 'confirmed' AND signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_confirmed AFTER UPDATE OF status ON signups
WHEN old.status = 'pending' AND new.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT coalesce(substr(new.confirmed_at, 1, 13), strftime('%Y-%m-%dT%H', 'now')), 'confirmed', town, site, 1
      FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Before the row goes, while the view still sees it. Unconfirmed signups purged after 7 days are not
-- withdrawals: they were never in.
CREATE TRIGGER outcome_withdrawn BEFORE DELETE ON signups WHEN old.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT strftime('%Y-%m-%dT%H', 'now'), 'withdrawn', town, site, 1
      FROM person_slices WHERE signup_id = old.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_proposed AFTER INSERT ON forwards BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT substr(new.proposed_at, 1, 13), 'proposed', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_answered AFTER UPDATE OF state ON forwards
WHEN old.state = 'asked' AND new.state IN ('shared', 'declined') BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT substr(new.answered_at, 1, 13), CASE new.state WHEN 'shared' THEN 'accepted' ELSE 'declined' END,
           town, site, 1
      FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_opened AFTER UPDATE OF first_opened_at ON forwards
WHEN old.first_opened_at IS NULL AND new.first_opened_at IS NOT NULL BEGIN
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT substr(new.first_opened_at, 1, 13), 'opened', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A forward has one outcome: a corrected one (replied, then interview, then hired) moves the count from the
-- old outcome's hour to the new one, so each forward counts once, under what came of it last.
CREATE TRIGGER outcome_recorded AFTER UPDATE OF outcome ON forwards
WHEN new.outcome IS NOT old.outcome BEGIN
  UPDATE outcome_counts SET n = n - 1
    WHERE old.outcome IS NOT NULL AND metric = old.outcome AND hour = substr(old.outcome_at, 1, 13) AND n > 0
      AND (town, site) IN (SELECT town, site FROM person_slices WHERE signup_id = new.signup_id);
  INSERT INTO outcome_counts (hour, metric, town, site, n)
    SELECT substr(new.outcome_at, 1, 13), new.outcome, town, site, 1
      FROM person_slices WHERE new.outcome IS NOT NULL AND signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

