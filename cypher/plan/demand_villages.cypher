// The demand of a pairing plan: the weak villages (经济薄弱村 …) of the area's districts that no
// helper is paired with on the day, each with its town, district and the resource categories its
// projects (or its town's) use. A pairing is in force when (since IS NULL OR since <= day) AND
// (until IS NULL OR until >= day).
// @param districts LIST  6-digit codes of the area's districts
// @param as_of     DATE  the day coverage is judged on; null means today
// :param districts => ['310151']
// :param as_of => date('2024-06-30')
WITH coalesce(date($as_of), date()) AS day
UNWIND $districts AS code
MATCH (d:District {code: code})
MATCH (v:Village)-[:PART_OF*1..2]->(d)
WHERE (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) })
  AND NOT EXISTS {
    MATCH (h)-[p:PAIRED_WITH]->(v)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  }
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
RETURN v.uid AS village_uid, v.code AS village_code, v.name AS village, t.code AS town_code, t.name AS town,
       d.code AS district_code, d.name AS district,
       COLLECT { CALL (v, t) { MATCH (pr:Project)-[:BENEFITS]->(v) RETURN pr
                               UNION MATCH (pr:Project)-[:BENEFITS]->(t) RETURN pr }
                 MATCH (pr)-[:USES]->(res:Resource) RETURN DISTINCT res.category ORDER BY res.category } AS needs
ORDER BY district_code, town_code, village_code, village_uid
