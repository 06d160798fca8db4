-- PostgreSQL translation of ../016_evidence.sql.
CREATE TABLE action_evidence (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  update_id text NOT NULL REFERENCES action_updates(id) ON DELETE CASCADE,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('pdf', 'jpeg')),
  bytes integer NOT NULL,
  created_at text NOT NULL,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX action_evidence_by_update ON action_evidence (session_id, update_id);

CREATE TABLE action_evidence_blobs (
  evidence_id text PRIMARY KEY REFERENCES action_evidence(id) ON DELETE CASCADE,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  data bytea NOT NULL
);
