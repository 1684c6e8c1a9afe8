-- The outbox becomes a transactional outbox: a mail is written in the same batch as what caused it, then
-- delivered by the configured sender (worker/src/mail/). Delivered mails are deleted in production (they
-- hold a confirmation link) and kept, marked sent, in development for /dev/outbox.
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;        -- NULL: due now; also the lease while sending
ALTER TABLE outbox ADD COLUMN sent_at TEXT;
ALTER TABLE outbox ADD COLUMN message_id TEXT;             -- the sender's id for the mail, when it gives one
ALTER TABLE outbox ADD COLUMN last_error TEXT;             -- the sender's refusal, without the mail's content
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
