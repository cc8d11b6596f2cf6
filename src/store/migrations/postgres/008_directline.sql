-- Web Chat's Direct Line conversations, their transcripts and uploaded files (the twin of
-- ../008_directline.sql). Keys start with user_id, so the tables distribute by user with the rest; no
-- foreign key to users, since a Web Chat visitor has no users row until they link something.
CREATE TABLE directline_conversations (
  user_id    TEXT NOT NULL,
  id         TEXT NOT NULL,
  watermark  BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX directline_conversations_by_expiry ON directline_conversations (expires_at);

CREATE TABLE directline_activities (
  user_id         TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  seq             BIGINT NOT NULL,
  activity_json   TEXT NOT NULL,
  created_at      BIGINT NOT NULL,
  PRIMARY KEY (user_id, conversation_id, seq),
  FOREIGN KEY (user_id, conversation_id) REFERENCES directline_conversations (user_id, id) ON DELETE CASCADE
);

CREATE TABLE directline_files (
  user_id         TEXT NOT NULL,
  id              TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  name            TEXT NOT NULL,
  content_type    TEXT NOT NULL,
  bytes           BYTEA NOT NULL,
  created_at      BIGINT NOT NULL,
  expires_at      BIGINT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX directline_files_by_id ON directline_files (id);
CREATE INDEX directline_files_by_expiry ON directline_files (expires_at);
