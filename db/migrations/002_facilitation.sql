-- Facilitation: phases and timer, moderation, themes, dot votes, links, action plan, minutes notes.
ALTER TABLE sessions ADD COLUMN phase TEXT NOT NULL DEFAULT 'lobby';
ALTER TABLE sessions ADD COLUMN phase_kinds TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sessions ADD COLUMN timer TEXT NOT NULL DEFAULT '{"endsAt":null,"remainingMs":null,"lockOnEnd":false}';
ALTER TABLE sessions ADD COLUMN voting TEXT NOT NULL DEFAULT '{"budget":5,"cap":3,"target":"items","revealed":false}';
ALTER TABLE sessions ADD COLUMN pre_moderation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sessions ADD COLUMN minutetaker_key_hash TEXT;

-- status: visible | pending (waits for approval) | hidden (by the facilitator) | merged (into merged_into)
ALTER TABLE items ADD COLUMN status TEXT NOT NULL DEFAULT 'visible';
ALTER TABLE items ADD COLUMN theme_id TEXT;
ALTER TABLE items ADD COLUMN merged_into TEXT;
ALTER TABLE items ADD COLUMN hidden_reason TEXT;

-- Who may see a logged change in full besides the facilitator: the author of the item or the voter.
ALTER TABLE session_events ADD COLUMN owner TEXT;

CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  deleted_at TEXT
);

CREATE TABLE votes (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  target_id TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (session_id, participant_id, target_id)
) WITHOUT ROWID;

CREATE TABLE links (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  recommendation_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  PRIMARY KEY (session_id, recommendation_id, target_id)
) WITHOUT ROWID;

CREATE TABLE action_rows (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  position INTEGER NOT NULL,
  data TEXT NOT NULL,
  deleted_at TEXT
);

-- Minute-taker's record of the proceedings: free notes and attributed quotes.
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL, -- note | quote
  phase TEXT NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT, -- JSON {participantId, name, institution, group} for quotes
  at TEXT NOT NULL,
  deleted_at TEXT
);
