-- PostgreSQL translation of ../013_synthesis.sql.
CREATE TABLE synthesis_edits (
  id text PRIMARY KEY,
  scope_id text NOT NULL,
  at text NOT NULL,
  actor text NOT NULL,
  op text NOT NULL CHECK (op IN ('merge', 'split', 'rename', 'pin')),
  payload text NOT NULL,
  pos bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX synthesis_edits_by_scope ON synthesis_edits (scope_id, at, id);
