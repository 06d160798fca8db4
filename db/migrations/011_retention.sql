-- Personal data (UU PDP No. 27/2022): how long a session keeps it, when it was anonymised, who
-- asked for their data to be deleted, and whose was.

-- Months after the session's close that participants' personal data is kept; NULL: the server's
-- default (RETENTION_MONTHS, 12). An organization's setting will supply it when there is one.
ALTER TABLE sessions ADD COLUMN retention_months INTEGER;
-- Whether anonymisation keeps institutions (an institution is rarely a person); 1 keeps them.
ALTER TABLE sessions ADD COLUMN retention_keeps_institutions INTEGER NOT NULL DEFAULT 1;
-- When personal data was anonymised (names became "Peserta N"); NULL while it is still held.
ALTER TABLE sessions ADD COLUMN anonymised_at TEXT;

-- When this participant's personal data was deleted at their request (or on their behalf); the
-- row stays, without name, institution, jabatan, sex or token, so counts by group still add up.
ALTER TABLE participants ADD COLUMN erased_at TEXT;

-- A participant's request (from their phone, or staff on their behalf) and when staff carried it out.
CREATE TABLE privacy_requests (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'deletion',
  requested_at TEXT NOT NULL,
  -- 'participant' (from their phone) or 'facilitator' (on their behalf)
  requested_by TEXT NOT NULL,
  done_at TEXT,
  -- Their items hidden from the minutes rather than kept as anonymous content.
  hid_items INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX privacy_requests_by_session ON privacy_requests (session_id, requested_at);
