-- The programme's outcomes, counted per day for the console's Outcomes view and the funders' report.
-- Counts, not people: no row names anyone, so erasing a person (withdrawal, retention) leaves the figures
-- already reported as they were. Triggers keep the counts, in the same statement as the change itself.
CREATE TABLE outcome_counts (
  day    TEXT NOT NULL,      -- YYYY-MM-DD, UTC
  -- signup, confirmed, withdrawn (a confirmed person erased); proposed, accepted, declined, opened (a
  -- forward's first opening); replied, interview, hired, no_fit (a forward's outcome, as the team records it)
  metric TEXT NOT NULL,
  town   TEXT NOT NULL,      -- a town the person named, or '*': everyone, once
  site   TEXT NOT NULL,      -- the site whose form they used (its label, else its host), or '' when unknown
  n      INTEGER NOT NULL,
  PRIMARY KEY (town, day, metric, site)
) STRICT, WITHOUT ROWID;

-- Each person once under '*' and once under each town they named, with the site they came from.
CREATE VIEW person_slices AS
  SELECT id AS signup_id, '*' AS town,
         coalesce(nullif(trim(source), ''), substr(claimed_origin, instr(claimed_origin, '//') + 2), '') AS site
    FROM signups
  UNION ALL
  SELECT s.id, j.value,
         coalesce(nullif(trim(s.source), ''), substr(s.claimed_origin, instr(s.claimed_origin, '//') + 2), '')
    FROM signups s, json_each(s.towns) j;

-- A row written confirmed already (an import of an earlier list, the demo) counts as confirmed too.
CREATE TRIGGER outcome_signup AFTER INSERT ON signups BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT substr(new.created_at, 1, 10), 'signup', town, site, 1 FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT coalesce(substr(new.confirmed_at, 1, 10), substr(new.created_at, 1, 10)), 'confirmed', town, site, 1
      FROM person_slices WHERE new.status = 'confirmed' AND signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_confirmed AFTER UPDATE OF status ON signups
WHEN old.status = 'pending' AND new.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT coalesce(substr(new.confirmed_at, 1, 10), date('now')), 'confirmed', town, site, 1
      FROM person_slices WHERE signup_id = new.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Before the row goes, while the view still sees it. Unconfirmed signups purged after 7 days are not
-- withdrawals: they were never in.
CREATE TRIGGER outcome_withdrawn BEFORE DELETE ON signups WHEN old.status = 'confirmed' BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT date('now'), 'withdrawn', town, site, 1
      FROM person_slices WHERE signup_id = old.id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_proposed AFTER INSERT ON forwards BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT substr(new.proposed_at, 1, 10), 'proposed', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_answered AFTER UPDATE OF state ON forwards
WHEN old.state = 'asked' AND new.state IN ('shared', 'declined') BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT substr(new.answered_at, 1, 10), CASE new.state WHEN 'shared' THEN 'accepted' ELSE 'declined' END,
           town, site, 1
      FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outcome_opened AFTER UPDATE OF first_opened_at ON forwards
WHEN old.first_opened_at IS NULL AND new.first_opened_at IS NOT NULL BEGIN
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT substr(new.first_opened_at, 1, 10), 'opened', town, site, 1 FROM person_slices WHERE signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A forward has one outcome: a corrected one (replied, then interview, then hired) moves the count from the
-- old outcome's day to the new one, so each forward counts once, under what came of it last.
CREATE TRIGGER outcome_recorded AFTER UPDATE OF outcome ON forwards
WHEN new.outcome IS NOT old.outcome BEGIN
  UPDATE outcome_counts SET n = n - 1
    WHERE old.outcome IS NOT NULL AND metric = old.outcome AND day = substr(old.outcome_at, 1, 10) AND n > 0
      AND (town, site) IN (SELECT town, site FROM person_slices WHERE signup_id = new.signup_id);
  INSERT INTO outcome_counts (day, metric, town, site, n)
    SELECT substr(new.outcome_at, 1, 10), new.outcome, town, site, 1
      FROM person_slices WHERE new.outcome IS NOT NULL AND signup_id = new.signup_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- What happened before this migration, counted from what is still there (one statement per step: D1
-- allows few terms in a compound SELECT).
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT substr(s.created_at, 1, 10), 'signup', p.town, p.site, count(*) FROM signups s JOIN person_slices p ON p.signup_id = s.id
  WHERE true GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT coalesce(substr(s.confirmed_at, 1, 10), substr(s.created_at, 1, 10)), 'confirmed', p.town, p.site, count(*) FROM signups s JOIN person_slices p ON p.signup_id = s.id
  WHERE s.status = 'confirmed' GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT substr(f.proposed_at, 1, 10), 'proposed', p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE true GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT substr(f.answered_at, 1, 10), CASE f.state WHEN 'declined' THEN 'declined' ELSE 'accepted' END, p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.answered_at IS NOT NULL AND (f.state IN ('shared', 'declined') OR (f.state = 'revoked' AND f.token_hash IS NOT NULL)) GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT substr(f.first_opened_at, 1, 10), 'opened', p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.first_opened_at IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO outcome_counts (day, metric, town, site, n)
  SELECT substr(f.outcome_at, 1, 10), f.outcome, p.town, p.site, count(*) FROM forwards f JOIN person_slices p ON p.signup_id = f.signup_id
  WHERE f.outcome IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
