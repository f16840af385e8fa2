// Naive baseline: weak villages and those with a pairing in force, per district.
MATCH (v:Village {weak: true})-[:PART_OF]->(:Town)-[:PART_OF]->(d:District)
RETURN d.code AS code, count(v) AS weak,
       count(CASE WHEN EXISTS { MATCH ()-[p:PAIRED_WITH]->(v) WHERE p.until IS NULL OR p.until >= date() }
             THEN 1 END) AS covered
