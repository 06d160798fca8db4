-- Evidence files of follow-up updates (issue 12, part 4): a PDF, or a photo re-encoded as JPEG,
-- attached to one progress update. Stored in the database like the session's photos, so a file
-- commits with its update and goes with the session. The bytes sit in their own table, so that
-- listing a row's files (the tracker, the sheet) never reads them; both tables carry session_id,
-- so deleting a session (server/privacy: every table with that column) reaches them.
CREATE TABLE action_evidence (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  update_id TEXT NOT NULL REFERENCES action_updates(id) ON DELETE CASCADE,
  -- As the sender named it, cleaned (no path, no control characters), with the stored type's extension.
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('pdf', 'jpeg')),
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX action_evidence_by_update ON action_evidence (session_id, update_id);

CREATE TABLE action_evidence_blobs (
  evidence_id TEXT PRIMARY KEY REFERENCES action_evidence(id) ON DELETE CASCADE,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
