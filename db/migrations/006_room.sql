-- Room controls: the facilitator closes the door, sets how many may join, removes a
-- participant and issues a new join code.

-- 'open' takes new joins; 'closed' refuses them while joined phones keep working.
ALTER TABLE sessions ADD COLUMN door TEXT NOT NULL DEFAULT 'open';
-- Most participants who may join by phone (staff-added attendees do not count).
ALTER TABLE sessions ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1000;

-- A participant the facilitator removed keeps their row (removed_at, from migration 005) and
-- the reason, so the minutes' attendance says honestly what happened. Staff-added attendees
-- that were deleted have a removed_at and no reason: they are left out of every list.
ALTER TABLE participants ADD COLUMN removed_reason TEXT;

-- Codes a session used before a new one was issued: a phone or staff member holding a secret
-- still connects with the code in its address; nobody joins with one.
CREATE TABLE former_codes (
  code TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
);
