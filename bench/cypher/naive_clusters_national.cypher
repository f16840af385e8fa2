// Naive baseline: helper pairs sharing villages anywhere in China.
MATCH (h1)-[:PAIRED_WITH]->(v:Village)<-[:PAIRED_WITH]-(h2)
WHERE elementId(h1) < elementId(h2)
RETURN h1.uid AS a, h2.uid AS b, count(DISTINCT v) AS shared
ORDER BY shared DESC
LIMIT 100
