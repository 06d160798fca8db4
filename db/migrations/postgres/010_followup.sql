-- PostgreSQL translation of ../010_followup.sql.
CREATE TABLE action_updates (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  row_id text NOT NULL REFERENCES action_rows(id) ON DELETE CASCADE,
  at text NOT NULL,
  actor text NOT NULL,
  status text NOT NULL CHECK (status IN ('rencana', 'berjalan', 'selesai', 'tertunda')),
  note text NOT NULL DEFAULT '',
  evidence_url text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX action_updates_by_row ON action_updates (session_id, row_id, at);

CREATE TABLE pic_links (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  institution text NOT NULL,
  key_hash text NOT NULL,
  created_at text NOT NULL,
  revoked_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX pic_links_by_session ON pic_links (session_id, created_at);
