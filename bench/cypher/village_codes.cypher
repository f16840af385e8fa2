// Every village code, sorted (the throughput phase samples lookups from them).
MATCH (v:Village)
RETURN v.code AS code
ORDER BY code
