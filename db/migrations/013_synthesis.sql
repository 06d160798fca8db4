-- Hand edits of a synthesis report's clusters (merge, split, rename, pin), kept per scope: the
-- programme id once programmes exist, or a list of sessions today. Append-only: every edit is its
-- own row (who, when), applied in order on top of the automatic clustering, so edits survive new
-- items. Edits name items, never cluster numbers, which change as items arrive.
CREATE TABLE synthesis_edits (
  id TEXT PRIMARY KEY,
  scope_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('merge', 'split', 'rename', 'pin')),
  -- JSON: { itemIds: string[], name?: string }
  payload TEXT NOT NULL
);
CREATE INDEX synthesis_edits_by_scope ON synthesis_edits (scope_id, at, id);
