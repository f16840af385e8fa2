// Naive baseline: a province's weak villages nobody is paired with today.
// @param province STRING  2-digit province code
MATCH (v:Village {weak: true})-[:PART_OF]->(:Town)-[:PART_OF]->(:District)-[:PART_OF]->(:City)
      -[:PART_OF]->(:Province {code: $province})
WHERE NOT EXISTS { MATCH ()-[p:PAIRED_WITH]->(v) WHERE (p.since IS NULL OR p.since <= date())
                   AND (p.until IS NULL OR p.until >= date()) }
RETURN v.code AS code, v.name AS name
