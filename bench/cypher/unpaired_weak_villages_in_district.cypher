// A district's weak villages with no pairing at all, by code.
// @param d STRING  6-digit district code
MATCH (v:Village {weak: true})-[:PART_OF]->(:Town)-[:PART_OF]->(:District {code: $d})
WHERE NOT EXISTS { ()-[:PAIRED_WITH]->(v) }
RETURN v.code AS code
ORDER BY code
