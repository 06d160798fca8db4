-- Support (+1): a participant backs an item already on the board instead of posting a duplicate.
-- One row per participant per item (so supporting twice changes nothing); a merge moves the rows
-- to the item merged into, once per person; they go with the session (ON DELETE CASCADE).
CREATE TABLE supports (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, item_id, participant_id)
) WITHOUT ROWID;
