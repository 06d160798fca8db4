-- Programmes (rangkaian FGD, issue 12 part 2): a named set of an organization's sessions on one
-- theme, with the template (JSON, see src/lib/server/programmes/template.ts) its sessions start from.
CREATE TABLE programmes (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  template TEXT NOT NULL DEFAULT '{}',
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX programmes_by_organization ON programmes (organization_id);

-- A session's programme (NULL: alone) and its region from the official Kemendagri list: the code of
-- the most precise level chosen (e.g. 64.02 or 64.02.01.2001) and its full name, so reports group by
-- code even if the free-text region is edited. sessions.region keeps the printable name.
ALTER TABLE sessions ADD COLUMN programme_id TEXT REFERENCES programmes(id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN region_code TEXT;
CREATE INDEX sessions_by_programme ON sessions (programme_id);

-- A grant opens one view: the console (facilitator) or, from the dashboard, the minute-taker's page.
ALTER TABLE staff_grants ADD COLUMN role TEXT NOT NULL DEFAULT 'facilitator' CHECK (role IN ('facilitator', 'minutetaker'));
