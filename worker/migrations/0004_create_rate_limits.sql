-- Fixed-window counters for rate limits. Keys are HMACs (of a client's IP address, of an e-mail
-- address), never the values themselves.
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
) STRICT;
