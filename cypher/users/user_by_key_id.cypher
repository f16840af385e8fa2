// The user a presented key's id names, with the stored hash to check the key against.
// @param key_id STRING  the key's public id
// :param key_id => 'a1b2c3d4e5f6'
MATCH (u:ApiUser {key_id: $key_id})
RETURN u.name AS name, u.role AS role, u.key_hash AS key_hash, u.revoked_at AS revoked_at
