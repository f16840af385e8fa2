// Append one entry to the audit trail: who wrote what, when, through which route. The trail is only
// ever appended to: no query of the catalogue changes or deletes an AuditEntry.
// @param uid     STRING  'audit:<uuid>'
// @param at      STRING  ISO timestamp
// @param who     STRING  the signed-in user's name
// @param role    STRING  that user's role
// @param route   STRING  method and path, e.g. 'POST /decisions/pairings'
// @param action  STRING  what kind of write (record_pairing, upload_registers, users_add …)
// @param target  STRING  what it changed: a decision uid, file names, a user's name
// @param details STRING  JSON of the rest (counts of a load, the decision's fields)
// :param uid => 'audit:example'
CREATE (a:AuditEntry {uid: $uid, at: $at, who: $who, role: $role, route: $route, action: $action,
                      target: $target, details: $details})
RETURN a.uid AS uid
