-- Passkeys (WebAuthn) for organization accounts (issue 12, part 1): a second way to sign in,
-- beside the password. Only public material is kept: the credential's id, its COSE public key,
-- its signature counter and transports. The private key never leaves the person's device.
CREATE TABLE passkeys (
  -- The credential id as the authenticator made it (base64url).
  id TEXT PRIMARY KEY,
  -- Deleting an account deletes its passkeys.
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  public_key BLOB NOT NULL,
  -- The authenticator's signature counter: each sign-in must show a higher one (0 = it keeps none).
  counter INTEGER NOT NULL DEFAULT 0 CHECK (counter >= 0),
  -- JSON array of hints ("internal", "hybrid", "usb", …) handed back to the browser.
  transports TEXT NOT NULL DEFAULT '[]',
  -- The host name it was made for: a passkey works only on that host.
  rp_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

-- Which passkey a sign-in was made with (NULL: the password or a one-time link), so that removing
-- a passkey also ends the sign-ins it made, as a lost phone's would need.
ALTER TABLE auth_sessions ADD COLUMN passkey_id TEXT;
