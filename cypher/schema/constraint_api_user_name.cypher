// One person per name among the API's users (revkg users add).
CREATE CONSTRAINT api_user_name IF NOT EXISTS FOR (u:ApiUser) REQUIRE u.name IS UNIQUE
