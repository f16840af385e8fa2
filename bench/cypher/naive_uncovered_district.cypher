// Naive baseline: a district's weak villages nobody is paired with today, as one plain query.
// @param district STRING  6-digit district code
MATCH (v:Village {weak: true})-[:PART_OF]->(:Town)-[:PART_OF]->(d:District {code: $district})
WHERE NOT EXISTS { MATCH ()-[p:PAIRED_WITH]->(v) WHERE (p.since IS NULL OR p.since <= date())
                   AND (p.until IS NULL OR p.until >= date()) }
RETURN v.code AS code, v.name AS name
