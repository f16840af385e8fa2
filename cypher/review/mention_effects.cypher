// What the reports now say through a review key: the place each mention points to, and the
// pairings, projects and posts those reports tie to it (after a decision was applied).
// @param key STRING  the mention key, e.g. '红星村@310151'
// :param key => '红星村@310151'
MATCH (d:Document)-[m:MENTIONS]->(n)
WHERE m.review_key = $key
WITH DISTINCT d, n
OPTIONAL MATCH (n)-[:PART_OF]->(t:Town)
OPTIONAL MATCH (n)-[:PART_OF*1..2]->(district:District)
RETURN d.uid AS document, coalesce(n.code, n.uid) AS node, n.name AS name, coalesce(n.resolved, true) AS resolved,
       t.name AS town, district.name AS district,
       COLLECT { MATCH (h)-[r:PAIRED_WITH]->(n) WHERE r.source_id = d.uid
                 RETURN DISTINCT h.name } AS helpers,
       COLLECT { MATCH (p:Project)-[r:BENEFITS]->(n) WHERE r.source_id = d.uid
                 RETURN DISTINCT p.name } AS projects,
       COLLECT { MATCH (person:Person)-[r:HOLDS]->(n) WHERE r.source_id = d.uid
                 RETURN DISTINCT person.name + ' ' + coalesce(r.role, '') } AS leaders
ORDER BY document
