-- Bot Framework dialog state, one document per person per conversation (the twin of ../002_personal_state.sql,
-- where the table already existed). The owner is part of the key; documents no person owns are kept under
-- the empty user id. `etag` is the document's version: a write naming an older one is refused.
CREATE TABLE bot_state (
  user_id    TEXT NOT NULL DEFAULT '',
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  etag       BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX bot_state_by_key ON bot_state (key);
