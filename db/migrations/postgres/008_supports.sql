-- PostgreSQL translation of ../008_supports.sql.
CREATE TABLE supports (
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item_id text NOT NULL,
  participant_id text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (session_id, item_id, participant_id)
);
