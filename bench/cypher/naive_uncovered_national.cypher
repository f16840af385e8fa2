// Naive baseline: every weak village in China nobody is paired with today.
MATCH (v:Village {weak: true})
WHERE NOT EXISTS { MATCH ()-[p:PAIRED_WITH]->(v) WHERE (p.since IS NULL OR p.since <= date())
                   AND (p.until IS NULL OR p.until >= date()) }
RETURN v.code AS code, v.name AS name
