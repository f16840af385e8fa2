// What links the villages of a pairing plan to helpers: a pairing that ended before the day (a
// previous pairing), and the helpers within 4 hops over pairings, party ties, projects and posts
// (the shortest such path; an ended or future pairing is 1 hop). A party organization that belongs
// to a unit is counted as the unit for a previous pairing.
// @param villages LIST  uids of the plan's villages
// @param as_of    DATE  the day pairings are judged on; null means today
// :param villages => ['310151102217']
// :param as_of => date('2024-06-30')
WITH coalesce(date($as_of), date()) AS day
UNWIND $villages AS uid
MATCH (v:Village {uid: uid})
CALL (v, day) {
  MATCH (x)-[p:PAIRED_WITH]->(v)
  WHERE (x:Organization OR x:PartyOrganization) AND p.until IS NOT NULL AND p.until < day
  OPTIONAL MATCH (x)-[:BELONGS_TO]->(o:Organization)
  RETURN coalesce(o, x) AS h, true AS previous, null AS hops
  UNION
  MATCH path = ANY SHORTEST (v)-[:PAIRED_WITH|BELONGS_TO|FUNDS|BENEFITS|HOLDS]-{1,4}(h)
  WHERE h:Organization OR (h:PartyOrganization AND NOT EXISTS { (h)-[:BELONGS_TO]->() })
  RETURN h, false AS previous, length(path) AS hops
}
WITH v, h, count(CASE WHEN previous THEN 1 END) > 0 AS previous, min(hops) AS hops
RETURN v.uid AS village_uid, h.uid AS helper_uid, previous, hops
ORDER BY village_uid, helper_uid
