-- PostgreSQL translation of ../005_attendance.sql.
ALTER TABLE participants ADD COLUMN position text NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN sex text NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN added_by text;
ALTER TABLE participants ADD COLUMN removed_at text;

CREATE TABLE photos (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  caption text NOT NULL DEFAULT '',
  width integer NOT NULL,
  height integer NOT NULL,
  bytes integer NOT NULL,
  added_by text NOT NULL,
  created_at text NOT NULL,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX photos_by_session ON photos (session_id, created_at);

CREATE TABLE photo_blobs (
  photo_id text PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
  jpeg bytea NOT NULL
);
