// Naive baseline: helper pairs sharing villages in one province.
// @param province STRING  2-digit province code
MATCH (h1)-[:PAIRED_WITH]->(v:Village)-[:PART_OF]->(:Town)-[:PART_OF]->(:District)-[:PART_OF]->(:City)
      -[:PART_OF]->(:Province {code: $province}),
      (h2)-[:PAIRED_WITH]->(v)
WHERE elementId(h1) < elementId(h2)
RETURN h1.uid AS a, h2.uid AS b, count(DISTINCT v) AS shared
ORDER BY shared DESC
LIMIT 100
