// How many entries the audit trail holds (tests check one per write).
MATCH (a:AuditEntry)
RETURN count(a) AS entries
