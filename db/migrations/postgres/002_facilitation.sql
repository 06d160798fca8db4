-- PostgreSQL translation of ../002_facilitation.sql.
ALTER TABLE sessions ADD COLUMN phase text NOT NULL DEFAULT 'lobby';
ALTER TABLE sessions ADD COLUMN phase_kinds text NOT NULL DEFAULT '{}';
ALTER TABLE sessions ADD COLUMN timer text NOT NULL DEFAULT '{"endsAt":null,"remainingMs":null,"lockOnEnd":false}';
ALTER TABLE sessions ADD COLUMN voting text NOT NULL DEFAULT '{"budget":5,"cap":3,"target":"items","revealed":false}';
ALTER TABLE sessions ADD COLUMN pre_moderation integer NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN details text NOT NULL DEFAULT '{}';
ALTER TABLE sessions ADD COLUMN minutetaker_key_hash text;

ALTER TABLE items ADD COLUMN status text NOT NULL DEFAULT 'visible';
ALTER TABLE items ADD COLUMN theme_id text;
ALTER TABLE items ADD COLUMN merged_into text;
ALTER TABLE items ADD COLUMN hidden_reason text;

ALTER TABLE session_events ADD COLUMN owner text;

CREATE TABLE themes (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  name text NOT NULL,
  position integer NOT NULL,
  deleted_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE votes (
  session_id text NOT NULL REFERENCES sessions(id),
  participant_id text NOT NULL REFERENCES participants(id),
  target_id text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  PRIMARY KEY (session_id, participant_id, target_id)
);

CREATE TABLE links (
  session_id text NOT NULL REFERENCES sessions(id),
  recommendation_id text NOT NULL,
  target_id text NOT NULL,
  PRIMARY KEY (session_id, recommendation_id, target_id)
);

CREATE TABLE action_rows (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  position integer NOT NULL,
  data text NOT NULL,
  deleted_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE notes (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  kind text NOT NULL,
  phase text NOT NULL,
  text text NOT NULL,
  speaker text,
  at text NOT NULL,
  deleted_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
