-- PostgreSQL translation of ../014_org_data.sql.
ALTER TABLE organizations ADD COLUMN retention_months integer;
ALTER TABLE organizations ADD COLUMN retention_keeps_institutions integer NOT NULL DEFAULT 1;

ALTER TABLE org_audit ADD COLUMN actor text NOT NULL DEFAULT 'account';
CREATE INDEX org_audit_by_action ON org_audit (organization_id, action, at);
