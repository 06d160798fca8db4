-- Organization-level personal data settings and audit (issue 12, parts 1 and 5).

-- Months after a session's close that the organization's sessions keep participants' personal
-- data; NULL: the server's default (RETENTION_MONTHS). A session may only set a shorter period.
ALTER TABLE organizations ADD COLUMN retention_months INTEGER;
-- Whether anonymisation keeps institutions in the organization's sessions (1 keeps them).
ALTER TABLE organizations ADD COLUMN retention_keeps_institutions INTEGER NOT NULL DEFAULT 1;

-- Who acted when no account did: 'account' (a signed-in member), 'facilitator_link',
-- 'report_link', 'pic_link', 'participant' (their phone) or 'system' (the retention run).
ALTER TABLE org_audit ADD COLUMN actor TEXT NOT NULL DEFAULT 'account';
CREATE INDEX org_audit_by_action ON org_audit (organization_id, action, at);
