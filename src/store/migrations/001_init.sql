-- Tally's first schema. Money is integer minor units; days are integer yyyymmdd in the user's calendar.

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  consent_at     TEXT,
  alerts_enabled INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  institution TEXT,
  type        TEXT NOT NULL CHECK (type IN ('checking', 'savings', 'credit_card')),
  currency    TEXT NOT NULL,
  mask        TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (user_id, name)
) STRICT;

CREATE TABLE categories (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  primary_code TEXT NOT NULL,
  label        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE merchants (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  source      TEXT NOT NULL,
  format      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  added       INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  -- Set once new rows have been checked for findings worth an alert.
  alerts_done INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE transactions (
  id              INTEGER PRIMARY KEY,
  user_id         TEXT NOT NULL,
  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  posted_on       INTEGER NOT NULL,
  amount_minor    INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  description     TEXT NOT NULL,
  merchant_id     INTEGER NOT NULL REFERENCES merchants (id),
  category_id     INTEGER NOT NULL REFERENCES categories (id),
  flow            TEXT NOT NULL CHECK (flow IN ('spending', 'income', 'transfer', 'cash')),
  category_source TEXT NOT NULL,
  external_id     TEXT,
  fingerprint     TEXT NOT NULL,
  mcc             TEXT,
  bank_category   TEXT,
  batch_id        INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  UNIQUE (account_id, fingerprint)
) STRICT;

-- One covering index answers every per-user, per-period aggregate without touching the table.
CREATE INDEX transactions_by_user_day ON transactions
  (user_id, posted_on, flow, category_id, merchant_id, account_id, currency, amount_minor);
CREATE INDEX transactions_by_batch ON transactions (batch_id);

CREATE TABLE balances (
  account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  as_of        INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('ledger', 'available', 'running')),
  amount_minor INTEGER NOT NULL,
  currency     TEXT NOT NULL,
  PRIMARY KEY (account_id, kind, as_of)
) STRICT;

CREATE TABLE user_category_rules (
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id),
  category_id INTEGER NOT NULL REFERENCES categories (id),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, merchant_id)
) STRICT;

-- Bot Framework conversation and user state, so a restart loses nothing.
CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  etag       INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Where to reach a user without being asked (proactive alerts).
CREATE TABLE conversation_refs (
  user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  reference       TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
) STRICT;

CREATE TABLE alerts_sent (
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  finding_key TEXT NOT NULL,
  sent_at     TEXT NOT NULL,
  PRIMARY KEY (user_id, finding_key)
) STRICT;
