-- Charts in cards are images Tally serves itself (GET /charts/<id>.png), drawn when the channel fetches
-- them. The id is random (128 bits) and is the only key: the URL names neither the person nor any figure.
-- What the chart shows (labels and amounts) is the person's data, kept here under their user_id so
-- "delete my data" removes it with everything else, and only until it expires.
CREATE TABLE chart_images (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  -- Milliseconds since the epoch (UTC); the image is not served from this moment on.
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX chart_images_by_user ON chart_images (user_id);
CREATE INDEX chart_images_by_expiry ON chart_images (expires_at);
