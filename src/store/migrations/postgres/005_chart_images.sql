-- Chart images Tally serves itself (the twin of ../005_chart_images.sql). The random id is what a URL names;
-- the key starts with the owner so the table distributes by user like every other.
CREATE TABLE chart_images (
  user_id    TEXT NOT NULL,
  id         TEXT NOT NULL,
  spec_json  TEXT NOT NULL,
  -- Milliseconds since the epoch (UTC); the image is not served from this moment on.
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX chart_images_by_id ON chart_images (id);
CREATE INDEX chart_images_by_expiry ON chart_images (expires_at);
