-- Sessions, participants and items are the tables the views read; session_events is the
-- per-session log with a gap-free seq, written in the same transaction as those tables.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  facilitator_key_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  organizers TEXT NOT NULL DEFAULT '[]',
  region TEXT NOT NULL DEFAULT '',
  minutes_language TEXT NOT NULL DEFAULT 'id',
  kinds TEXT NOT NULL,
  groups TEXT NOT NULL,
  allow_anonymous INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'open',
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  closed_at TEXT
);

CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  token_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  stakeholder_group TEXT NOT NULL,
  institution TEXT NOT NULL DEFAULT '',
  consent_at TEXT NOT NULL,
  consent_version TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  UNIQUE (session_id, token_hash)
);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES participants(id),
  anonymous INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX items_by_session ON items (session_id, created_at);

CREATE TABLE session_events (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

-- Idempotency: the result of each client command id, so a retry returns it instead of acting twice.
CREATE TABLE commands (
  session_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  command_id TEXT NOT NULL,
  result TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, actor, command_id)
) WITHOUT ROWID;
