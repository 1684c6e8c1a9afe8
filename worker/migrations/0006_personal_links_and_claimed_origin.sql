-- Personal links can be revoked: every /me link names the person's link version, and "invalidate all my
-- links" moves it on. The origin of the page the form sat on is what that page claimed (the loader tells
-- the form), not a Referer header any client can write: the column says so.
ALTER TABLE signups ADD COLUMN link_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE signups RENAME COLUMN referer_origin TO claimed_origin;
