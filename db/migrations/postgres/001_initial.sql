-- PostgreSQL translation of ../001_initial.sql (same number, same tables and columns).
-- Types are kept as SQLite stores them (ISO times as text, flags as 0/1 integers, JSON as text),
-- so one Kysely query reads the same values from both engines. WITHOUT ROWID has no equivalent
-- and needs none. `pos` (identity) stands in for SQLite's rowid where code orders by insertion.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  facilitator_key_hash text NOT NULL,
  title text NOT NULL,
  theme text NOT NULL DEFAULT '',
  starts_at text NOT NULL,
  time_zone text NOT NULL,
  venue text NOT NULL DEFAULT '',
  organizers text NOT NULL DEFAULT '[]',
  region text NOT NULL DEFAULT '',
  minutes_language text NOT NULL DEFAULT 'id',
  kinds text NOT NULL,
  groups text NOT NULL,
  allow_anonymous integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'open',
  last_seq integer NOT NULL DEFAULT 0,
  created_at text NOT NULL,
  closed_at text
);

CREATE TABLE participants (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  token_hash text NOT NULL,
  name text NOT NULL,
  stakeholder_group text NOT NULL,
  institution text NOT NULL DEFAULT '',
  consent_at text NOT NULL,
  consent_version text NOT NULL,
  joined_at text NOT NULL,
  pos bigint GENERATED ALWAYS AS IDENTITY,
  UNIQUE (session_id, token_hash)
);

CREATE TABLE items (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  kind text NOT NULL,
  text text NOT NULL,
  author_id text NOT NULL REFERENCES participants(id),
  anonymous integer NOT NULL DEFAULT 0,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX items_by_session ON items (session_id, created_at);

CREATE TABLE session_events (
  session_id text NOT NULL REFERENCES sessions(id),
  seq integer NOT NULL,
  at text NOT NULL,
  actor text NOT NULL,
  payload text NOT NULL,
  PRIMARY KEY (session_id, seq)
);

-- Idempotency: the result of each client command id, so a retry returns it instead of acting twice.
CREATE TABLE commands (
  session_id text NOT NULL,
  actor text NOT NULL,
  command_id text NOT NULL,
  result text NOT NULL,
  at text NOT NULL,
  PRIMARY KEY (session_id, actor, command_id)
);
