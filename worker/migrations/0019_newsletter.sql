-- The newsletter "Heimatpost" (worker/src/keep-in-touch/newsletter.ts): written in the console, sent to
-- an audience by town, field and language, and kept in a public archive once sent.
CREATE TABLE newsletters (
  id          INTEGER PRIMARY KEY,
  subject_de  TEXT NOT NULL,
  body_de     TEXT NOT NULL,                 -- Markdown (shared/newsletter-markup.ts)
  subject_en  TEXT,                          -- the English version is optional; without it all get German
  body_en     TEXT,
  -- The audience, each an empty list for "all": towns they named, their field, their language.
  towns       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(towns)),
  fields      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
  langs       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(langs)),
  -- draft → scheduled (send_at in the future) → sending (its mails being queued) → sent (all queued).
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
  send_at     TEXT,
  origin      TEXT,                          -- the public origin its links are built on, fixed when sent
  recipients  INTEGER,                       -- mails queued so far
  created_by  TEXT REFERENCES staff (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  sent_at     TEXT                           -- when queuing began: the date of the issue in the archive
) STRICT;
CREATE INDEX newsletters_due ON newsletters (send_at) WHERE status = 'scheduled';
CREATE INDEX newsletters_archive ON newsletters (sent_at) WHERE status IN ('sending', 'sent');

-- Pictures for the newsletter, uploaded in the console and served from our own origin only
-- (/heimatpost/bilder/ID), so no mail or archive page loads anything from elsewhere. The id is random:
-- the picture of a draft cannot be found by counting.
CREATE TABLE newsletter_images (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL CHECK (type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
  bytes       BLOB NOT NULL,
  created_by  TEXT REFERENCES staff (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
) STRICT;
