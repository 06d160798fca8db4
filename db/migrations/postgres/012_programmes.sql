-- PostgreSQL translation of ../012_programmes.sql.
CREATE TABLE programmes (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  theme text NOT NULL DEFAULT '',
  template text NOT NULL DEFAULT '{}',
  created_by text,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX programmes_by_organization ON programmes (organization_id);

ALTER TABLE sessions ADD COLUMN programme_id text REFERENCES programmes(id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN region_code text;
CREATE INDEX sessions_by_programme ON sessions (programme_id);

ALTER TABLE staff_grants ADD COLUMN role text NOT NULL DEFAULT 'facilitator' CHECK (role IN ('facilitator', 'minutetaker'));
