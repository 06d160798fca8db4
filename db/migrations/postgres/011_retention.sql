-- PostgreSQL translation of ../011_retention.sql.
ALTER TABLE sessions ADD COLUMN retention_months integer;
ALTER TABLE sessions ADD COLUMN retention_keeps_institutions integer NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN anonymised_at text;

ALTER TABLE participants ADD COLUMN erased_at text;

CREATE TABLE privacy_requests (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  participant_id text NOT NULL,
  kind text NOT NULL DEFAULT 'deletion',
  requested_at text NOT NULL,
  requested_by text NOT NULL,
  done_at text,
  hid_items integer NOT NULL DEFAULT 0,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX privacy_requests_by_session ON privacy_requests (session_id, requested_at);
