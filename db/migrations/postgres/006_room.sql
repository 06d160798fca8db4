-- PostgreSQL translation of ../006_room.sql.
ALTER TABLE sessions ADD COLUMN door text NOT NULL DEFAULT 'open';
ALTER TABLE sessions ADD COLUMN capacity integer NOT NULL DEFAULT 1000;
ALTER TABLE participants ADD COLUMN removed_reason text;

CREATE TABLE former_codes (
  code text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
);
