// Each audit entry once (the audit trail is only ever appended to).
CREATE CONSTRAINT audit_entry_uid IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.uid IS UNIQUE
