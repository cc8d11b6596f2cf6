-- Web Chat's Direct Line conversations, held in the database so any instance can serve any request of
-- one: the conversation (whose person it is, the last watermark handed out, when it expires if nobody
-- touches it), its transcript numbered by watermark, and the files uploaded into it. Every row names its
-- person (the `dl_…` id the token carries), so "delete my data" removes them with everything else. Times
-- are milliseconds since the epoch (UTC).
CREATE TABLE directline_conversations (
  user_id    TEXT NOT NULL,
  id         TEXT NOT NULL,
  watermark  INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, id)
) STRICT;
CREATE INDEX directline_conversations_by_expiry ON directline_conversations (expires_at);

-- One row per activity kept, numbered 1, 2, … within its conversation; the oldest are dropped past a limit.
CREATE TABLE directline_activities (
  user_id         TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  activity_json   TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (user_id, conversation_id, seq),
  FOREIGN KEY (user_id, conversation_id) REFERENCES directline_conversations (user_id, id) ON DELETE CASCADE
) STRICT;

-- Uploaded files, served by their random id (the bot downloads them; the page links to them) until they expire.
CREATE TABLE directline_files (
  user_id         TEXT NOT NULL,
  id              TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  name            TEXT NOT NULL,
  content_type    TEXT NOT NULL,
  bytes           BLOB NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  PRIMARY KEY (user_id, id)
) STRICT;
CREATE INDEX directline_files_by_id ON directline_files (id);
CREATE INDEX directline_files_by_expiry ON directline_files (expires_at);
