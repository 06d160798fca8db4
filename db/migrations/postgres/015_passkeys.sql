-- PostgreSQL translation of ../015_passkeys.sql.
CREATE TABLE passkeys (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name text NOT NULL,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
  transports text NOT NULL DEFAULT '[]',
  rp_id text NOT NULL,
  created_at text NOT NULL,
  last_used_at text
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

ALTER TABLE auth_sessions ADD COLUMN passkey_id text;
