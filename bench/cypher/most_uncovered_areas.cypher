// The district, city and province with the most weak villages that no helper is paired with today
// (where the plan phase makes its plans). One row per level.
WITH date() AS day
CALL () {
  MATCH (v:Village {weak: true}) RETURN v
  UNION
  MATCH (v:Village)-[:DESIGNATED_AS]->(:WeakCategory) RETURN v
}
WITH day, v
WHERE v.code IS NOT NULL AND NOT EXISTS {
  MATCH (h)-[p:PAIRED_WITH]->(v)
  WHERE (h:Organization OR h:PartyOrganization)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
}
UNWIND [['district', 6], ['city', 4], ['province', 2]] AS level
WITH level[0] AS level, substring(v.code, 0, level[1]) AS code, count(*) AS uncovered
ORDER BY uncovered DESC, code
WITH level, collect({code: code, uncovered: uncovered})[0] AS most
RETURN level, most.code AS code, most.uncovered AS uncovered
