-- Organizations and accounts (issue 12, part 1). An account signs in with an e-mail address or a
-- username and an Argon2id password; it belongs to organizations through memberships with a role.
-- Secrets (sign-in sessions, one-time links, console grants) are stored as SHA-256 hashes only.
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE COLLATE NOCASE,
  username TEXT UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL DEFAULT '',
  -- NULL until the person opens their setup or invite link and chooses a password.
  password_hash TEXT,
  created_at TEXT NOT NULL,
  CHECK (email IS NOT NULL OR username IS NOT NULL)
);

CREATE TABLE memberships (
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'facilitator')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (organization_id, account_id)
) WITHOUT ROWID;
CREATE INDEX memberships_by_account ON memberships (account_id);

-- Server-side sign-in sessions: the cookie holds the token, the table its hash.
CREATE TABLE auth_sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at TEXT,
  address TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX auth_sessions_by_account ON auth_sessions (account_id);

-- Setup, invite and password-reset links: usable once, before expires_at. 'bootstrap' is the link
-- the server prints on its first start, before any account or organization exists (hence NULLs).
CREATE TABLE one_time_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL CHECK (purpose IN ('bootstrap', 'setup', 'invite', 'reset')),
  account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  created_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- Session ownership: a one-off session has none; a claimed or organization session has one.
ALTER TABLE sessions ADD COLUMN organization_id TEXT REFERENCES organizations(id);
ALTER TABLE sessions ADD COLUMN claimed_at TEXT;
CREATE INDEX sessions_by_organization ON sessions (organization_id);

-- Attribution: the account behind each staff change made from a console opened through /org
-- (NULL for the secret facilitator link, the minute-taker's link and phones).
ALTER TABLE session_events ADD COLUMN account_id TEXT;

CREATE TABLE session_facilitators (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (session_id, account_id)
) WITHOUT ROWID;

-- A console opened from an account: a per-session key bound to the sign-in session that made it,
-- so it dies with that sign-in (sign out, sign out everywhere) or when the account loses the right.
CREATE TABLE staff_grants (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  auth_session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX staff_grants_by_session ON staff_grants (session_id);

-- The organization's audit log: append-only. The triggers refuse any UPDATE or DELETE.
CREATE TABLE org_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id TEXT,
  account_id TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX org_audit_by_organization ON org_audit (organization_id, id);
CREATE TRIGGER org_audit_no_update BEFORE UPDATE ON org_audit
BEGIN
  SELECT RAISE(ABORT, 'org_audit is append-only');
END;
CREATE TRIGGER org_audit_no_delete BEFORE DELETE ON org_audit
BEGIN
  SELECT RAISE(ABORT, 'org_audit is append-only');
END;
