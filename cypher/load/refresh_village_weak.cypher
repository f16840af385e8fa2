// Recompute Village.weak and Village.weak_categories from the DESIGNATED_AS edges every source left.
// Visits villages flagged weak and villages with a designation, so removed designations clear the flag.
CALL () {
  MATCH (v:Village) WHERE v.weak = true RETURN v
  UNION
  MATCH (v:Village)-[:DESIGNATED_AS]->(:WeakCategory) RETURN v
}
OPTIONAL MATCH (v)-[:DESIGNATED_AS]->(c:WeakCategory)
WITH v, c ORDER BY c.name
WITH v, collect(DISTINCT c.name) AS categories
SET v.weak = size(categories) > 0, v.weak_categories = categories
RETURN count(v) AS villages
