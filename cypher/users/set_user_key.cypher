// Give a person a new key (rotate): the old one is refused from now on; a revoked user is active again.
// Returns nothing when no user has that name.
// @param user_name  STRING  the person's name
// @param key_id     STRING  the new key's public id
// @param key_hash   STRING  scrypt$… of the new key
// @param rotated_at STRING  ISO timestamp
// :param user_name => '张三'
// :param key_id => 'f6e5d4c3b2a1'
// :param key_hash => 'scrypt$…'
// :param rotated_at => '2026-12-06T10:00:00+00:00'
MATCH (u:ApiUser {name: $user_name})
SET u.key_id = $key_id, u.key_hash = $key_hash, u.rotated_at = $rotated_at, u.revoked_at = null
RETURN u.name AS name, u.role AS role, u.key_id AS key_id
