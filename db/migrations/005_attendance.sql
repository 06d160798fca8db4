-- Attendance as offices record it, and the session's photos (dokumentasi).

-- Jabatan and sex (L/P) are optional: '' when not given. Sex is asked only because some
-- offices report attendance disaggregated by gender; it is general personal data (UU PDP).
ALTER TABLE participants ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN sex TEXT NOT NULL DEFAULT '';
-- People without a phone, written into the daftar hadir by staff: the staff role that added
-- them ('facilitator' or 'minutetaker'); NULL for everyone who joined and consented on a phone.
-- Such a row has no token (its token_hash can match no SHA-256 hex digest) and an empty
-- consent_at and consent_version: it never claims a consent given on a phone.
ALTER TABLE participants ADD COLUMN added_by TEXT;
-- Staff remove only the attendees they added; the row stays for the log, out of every list.
ALTER TABLE participants ADD COLUMN removed_at TEXT;

-- Photos of the session. The bytes sit in a table of their own so that listing photos (the
-- snapshot, the minutes) never reads them; both go with the session (ON DELETE CASCADE).
CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  caption TEXT NOT NULL DEFAULT '',
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  added_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX photos_by_session ON photos (session_id, created_at);

-- A rowid table: SQLite advises against WITHOUT ROWID for rows this large.
CREATE TABLE photo_blobs (
  photo_id TEXT PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
  jpeg BLOB NOT NULL
);
