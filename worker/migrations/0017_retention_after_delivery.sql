-- The 30 days before erasure count from when the renewal mail was handed to the sender, not from when it
-- was queued: a mail that never leaves (a misconfigured or failing sender) erases no one; the person is
-- asked again. A renewal keeps the earlier consent proofs beside the new one (GDPR Art. 7(1)).
ALTER TABLE outbox ADD COLUMN kind TEXT;                 -- 'renewal': its delivery starts the person's 30 days
ALTER TABLE signups ADD COLUMN renewal_mailed_at TEXT;   -- when the renewal mail was sent
ALTER TABLE signups ADD COLUMN consent_history TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(consent_history));
CREATE INDEX signups_renewal_mailed ON signups (renewal_mailed_at) WHERE renewal_mailed_at IS NOT NULL;
