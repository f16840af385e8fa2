// Withdraw a person's key: it is refused from now on (the user stays, for the audit trail's names).
// Returns nothing when no user has that name.
// @param user_name  STRING  the person's name
// @param revoked_at STRING  ISO timestamp
// :param user_name => '张三'
// :param revoked_at => '2026-12-06T10:00:00+00:00'
MATCH (u:ApiUser {name: $user_name})
SET u.revoked_at = coalesce(u.revoked_at, $revoked_at)
RETURN u.name AS name, u.role AS role, u.revoked_at AS revoked_at
