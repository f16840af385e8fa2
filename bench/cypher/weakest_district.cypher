// The district with the most weak villages (where the analyses phase asks its questions).
MATCH (v:Village {weak: true})-[:PART_OF]->(:Town)-[:PART_OF]->(d:District)
RETURN d.code AS d, count(v) AS n
ORDER BY n DESC, d
LIMIT 1
