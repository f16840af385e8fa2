// Naive baseline: helpers already paired in a village's town, as candidates for it.
// @param village STRING  12-digit village code
MATCH (v:Village {code: $village})-[:PART_OF]->(t:Town)<-[:PART_OF]-(:Village)<-[:PAIRED_WITH]-(h)
RETURN h.uid AS uid, count(*) AS nearby
ORDER BY nearby DESC
LIMIT 5
