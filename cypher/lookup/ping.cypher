// Whether the database answers a query at all (the API's health check, the server's readiness wait).
RETURN 1 AS ok
