// Weak villages (经济薄弱村 …) that no helper is paired with on a given date, each with its town,
// district, weak categories and the nearest helpers already active in the same town, then district.
// A helper is an Organization; a PartyOrganization that BELONGS_TO an Organization counts as it.
// @param as_of    DATE     the day coverage is judged on; null means today
// @param district STRING   6-digit district code or district name (崇明区), or null for every district
// @param town     STRING   9-digit town code or town name (堡镇), or null for every town
// @param nearest  INTEGER  how many nearby helpers to list per village
// :param as_of => date('2024-06-30')
// :param district => '310151'
// :param town => null
// :param nearest => 3
WITH coalesce(date($as_of), date()) AS day
MATCH (v:Village)-[:PART_OF*1..2]->(d:District)
WHERE (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) })
  AND ($district IS NULL OR d.code = $district OR d.name = $district)
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
WITH day, v, t, d
WHERE ($town IS NULL OR t.code = $town OR t.name = $town)
  AND NOT EXISTS {
    MATCH (h)-[p:PAIRED_WITH]->(v)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  }
CALL (v, t, d, day) {
  OPTIONAL MATCH (h)-[p:PAIRED_WITH]->(other:Village)-[:PART_OF*1..2]->(d)
  WHERE (h:Organization OR h:PartyOrganization)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
  OPTIONAL MATCH (other)-[:PART_OF]->(ot:Town)
  WITH coalesce(o, h) AS helper, other, coalesce(ot = t, false) AS in_town
  WHERE helper IS NOT NULL
  WITH helper, max(CASE WHEN in_town THEN 1 ELSE 0 END) = 1 AS same_town, count(DISTINCT other) AS villages
  ORDER BY same_town DESC, villages DESC, helper.name
  RETURN collect(helper {.uid, .name, same_town: same_town, villages_paired: villages})[..$nearest] AS nearest_helpers
}
RETURN v.uid AS village_uid, v.code AS code, v.name AS village, t.code AS town_code, t.name AS town,
       d.code AS district_code, d.name AS district,
       COLLECT { UNWIND coalesce(v.weak_categories, []) AS c RETURN c
                 UNION MATCH (v)-[:DESIGNATED_AS]->(w:WeakCategory) RETURN w.name AS c } AS weak_categories,
       nearest_helpers
ORDER BY district_code, town_code, code, village_uid
