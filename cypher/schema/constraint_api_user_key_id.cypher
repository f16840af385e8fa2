// A key's public id (the part after rk_) finds its user at once; only the key's salted hash is stored.
CREATE CONSTRAINT api_user_key_id IF NOT EXISTS FOR (u:ApiUser) REQUIRE u.key_id IS UNIQUE
