-- Follow-up of the action plan (tindak lanjut), after the session: each update of a row is kept
-- as its own row (append-only: who, when, status, note, evidence link), the way the session's
-- log keeps events; a row's current status is its latest update's, or the plan's when it has
-- none. The plan rows themselves (action_rows) are not touched: the minutes keep what was agreed.
CREATE TABLE action_updates (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  row_id TEXT NOT NULL REFERENCES action_rows(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  -- 'facilitator', or 'pic:<link id>' for an update through a PIC link.
  actor TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('rencana', 'berjalan', 'selesai', 'tertunda')),
  note TEXT NOT NULL DEFAULT '',
  evidence_url TEXT
);
CREATE INDEX action_updates_by_row ON action_updates (session_id, row_id, at);

-- PIC update links: like report links (one hashed secret each, revocable), scoped to one PIC
-- institution of one session: the link reads and updates that institution's rows only.
CREATE TABLE pic_links (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  institution TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX pic_links_by_session ON pic_links (session_id, created_at);
