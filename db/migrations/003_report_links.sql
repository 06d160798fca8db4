-- Report links: read-only access to the minutes for organizers who do not run the session.
-- Each link has its own secret (only its hash is stored) so one can be revoked without
-- touching the facilitator's key or the other links.
CREATE TABLE report_links (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  key_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX report_links_by_session ON report_links (session_id, created_at);
