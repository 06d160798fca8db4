-- PostgreSQL translation of ../003_report_links.sql.
CREATE TABLE report_links (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  key_hash text NOT NULL,
  created_at text NOT NULL,
  revoked_at text,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX report_links_by_session ON report_links (session_id, created_at);
