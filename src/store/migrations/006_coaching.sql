-- Money coaching: budgets, each person's coaching settings (tone, which proactive messages they want, their
-- time zone), and the proactive messages planned for them. Every row names its person, so "delete my data"
-- removes it with everything else.

-- A budget is a stored query with a limit: `query_json` is the Query (src/insights/query.ts) without a
-- period; the current month is added when it is checked. `subject_key` names what it covers ('all', or a
-- category key), one budget per subject per person.
CREATE TABLE budgets (
  id           INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  subject_key  TEXT NOT NULL,
  label        TEXT NOT NULL,
  query_json   TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency     TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (user_id, subject_key)
) STRICT;

-- One row per person who changed a setting; no row means the defaults (normal tone, budget, bill and
-- payday messages on, the weekly recap off).
CREATE TABLE coaching_settings (
  user_id        TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  tone           TEXT NOT NULL DEFAULT 'normal',
  budget_alerts  INTEGER NOT NULL DEFAULT 1,
  bill_reminders INTEGER NOT NULL DEFAULT 1,
  payday_notes   INTEGER NOT NULL DEFAULT 1,
  weekly_recap   INTEGER NOT NULL DEFAULT 0,
  time_zone      TEXT,
  updated_at     TEXT NOT NULL
) STRICT;

-- Proactive messages, planned before they are sent. The unique key (person, kind, period) means each is
-- planned once however many instances plan it; an instance sends a row only after claiming it with a
-- conditional UPDATE (claimed_at IS NULL), so two instances on one database send it once. `payload_json`
-- holds what to say (a template and its data), so a restart between planning and sending loses nothing.
CREATE TABLE scheduled_messages (
  id           INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  period_key   TEXT NOT NULL,
  due_at       TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  claimed_at   TEXT,
  claimed_by   TEXT,
  sent_at      TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (user_id, kind, period_key)
) STRICT;
CREATE INDEX scheduled_messages_unsent ON scheduled_messages (due_at) WHERE sent_at IS NULL;
