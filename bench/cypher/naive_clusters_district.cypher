// Naive baseline: helper pairs sharing villages in one district (what clustering starts from).
// @param district STRING  6-digit district code
MATCH (h1)-[:PAIRED_WITH]->(v:Village)-[:PART_OF]->(:Town)-[:PART_OF]->(:District {code: $district}),
      (h2)-[:PAIRED_WITH]->(v)
WHERE elementId(h1) < elementId(h2)
RETURN h1.uid AS a, h2.uid AS b, count(DISTINCT v) AS shared
ORDER BY shared DESC
LIMIT 100
