// The API's users with their roles and the state of their keys (never the hash).
MATCH (u:ApiUser)
RETURN u.name AS name, u.role AS role, u.key_id AS key_id, u.created_at AS created_at,
       u.rotated_at AS rotated_at, u.revoked_at AS revoked_at
ORDER BY u.created_at, u.name
