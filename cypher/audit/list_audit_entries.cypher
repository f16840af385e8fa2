// The audit trail, newest first, optionally one person's entries.
// @param who   STRING  a user's name, or null for everyone
// @param limit INTEGER most entries
// :param who => null
// :param limit => 100
MATCH (a:AuditEntry)
WHERE $who IS NULL OR a.who = $who
RETURN a.uid AS uid, a.at AS at, a.who AS who, a.role AS role, a.route AS route, a.action AS action,
       a.target AS target, a.details AS details
ORDER BY a.at DESC, a.uid
LIMIT $limit
