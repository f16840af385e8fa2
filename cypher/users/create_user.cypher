// Add a person who may use the API with a key of their own. Only the key's salted hash is stored.
// Returns nothing when the name is taken already.
// @param user_name  STRING  the person's name, as provenance will show it
// @param role       STRING  viewer | planner | reviewer | admin
// @param key_id     STRING  the key's public id (its prefix), to find the hash by
// @param key_hash   STRING  scrypt$… of the whole key
// @param created_at STRING  ISO timestamp
// :param user_name => '张三'
// :param role => 'planner'
// :param key_id => 'a1b2c3d4e5f6'
// :param key_hash => 'scrypt$…'
// :param created_at => '2026-12-06T10:00:00+00:00'
OPTIONAL MATCH (taken:ApiUser {name: $user_name})
WITH taken WHERE taken IS NULL
CREATE (u:ApiUser {name: $user_name, role: $role, key_id: $key_id, key_hash: $key_hash, created_at: $created_at})
RETURN u.name AS name, u.role AS role, u.key_id AS key_id, u.created_at AS created_at
