-- Retention: a confirmed person is asked to renew their consent 12 months after confirming (or after their
-- last renewal); without a renewal 30 days after being asked, their data is erased. Unconfirmed signups keep
-- their 7-day purge. Triggers start the clock, so every way a confirmed row comes about has one.
ALTER TABLE signups ADD COLUMN renew_due_at TEXT;        -- when to ask; NULL while unconfirmed
ALTER TABLE signups ADD COLUMN renewal_asked_at TEXT;    -- when asked; cleared by a renewal
ALTER TABLE signups ADD COLUMN consent_renewed_at TEXT;  -- the last renewal

UPDATE signups SET renew_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(confirmed_at, created_at), '+12 months')
  WHERE status = 'confirmed';
CREATE INDEX signups_renew_due ON signups (renew_due_at) WHERE renew_due_at IS NOT NULL AND renewal_asked_at IS NULL;
CREATE INDEX signups_renewal_asked ON signups (renewal_asked_at) WHERE renewal_asked_at IS NOT NULL;

CREATE TRIGGER signups_retention_confirmed AFTER UPDATE OF status ON signups
WHEN old.status = 'pending' AND new.status = 'confirmed' BEGIN
  UPDATE signups SET renew_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(new.confirmed_at, 'now'), '+12 months')
    WHERE id = new.id;
END;

CREATE TRIGGER signups_retention_inserted AFTER INSERT ON signups
WHEN new.status = 'confirmed' AND new.renew_due_at IS NULL BEGIN
  UPDATE signups SET renew_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(new.confirmed_at, new.created_at), '+12 months')
    WHERE id = new.id;
END;
