// The supply of a pairing plan: the helpers of the area and of its paired regions, each with the
// villages it carries on the day (its load), the towns and districts it is active in, and the
// resource categories it provides. Of the area: paired (now or before) with a village or town of
// it, or seated in it (district_code). Its paired regions: the districts where the helpers paired
// into it are seated (the urban district that pairs with a rural one); their seated helpers join.
// $helpers adds helpers found near the villages in the graph. A party organization that belongs
// to a unit counts as the unit; one that belongs to nothing pairs as itself.
// @param districts LIST  6-digit codes of the area's districts
// @param helpers   LIST  uids of further helpers to include
// @param as_of     DATE  the day pairings are judged on; null means today
// :param districts => ['310151']
// :param helpers => []
// :param as_of => date('2024-06-30')
WITH coalesce(date($as_of), date()) AS day
CALL () {
  UNWIND $districts AS code
  MATCH (r)-[:PART_OF*1..2]->(:District {code: code})
  MATCH (x)-[:PAIRED_WITH]->(r)
  WHERE (x:Organization OR x:PartyOrganization) AND (r:Village OR r:Town)
  OPTIONAL MATCH (x)-[:BELONGS_TO]->(o:Organization)
  RETURN collect(DISTINCT coalesce(o, x)) AS paired
}
WITH day, paired,
     [x IN paired WHERE x.district_code IS NOT NULL AND NOT x.district_code IN $districts | x.district_code] AS regions
CALL (paired, regions) {
  UNWIND paired AS x RETURN x
  UNION
  UNWIND $districts + regions AS seat
  MATCH (x:Organization {district_code: seat}) RETURN x
  UNION
  UNWIND $helpers AS uid MATCH (x:Organization {uid: uid}) RETURN x
  UNION
  UNWIND $helpers AS uid MATCH (x:PartyOrganization {uid: uid}) RETURN x
}
OPTIONAL MATCH (x)-[:BELONGS_TO]->(o:Organization)
WITH DISTINCT day, coalesce(o, x) AS h
WHERE h.name IS NOT NULL AND (h:Organization OR NOT EXISTS { (h)-[:BELONGS_TO]->() })
CALL (h, day) {
  OPTIONAL MATCH (h)<-[:BELONGS_TO*0..1]-(x)-[p:PAIRED_WITH]->(r)
  WHERE (x:Organization OR x:PartyOrganization) AND (r:Village OR r:Town)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  OPTIONAL MATCH (r)-[:PART_OF*0..1]->(t:Town)
  OPTIONAL MATCH (r)-[:PART_OF*1..2]->(d:District)
  RETURN count(DISTINCT CASE WHEN r:Village THEN r END) AS load, collect(DISTINCT t.code) AS towns,
         collect(DISTINCT d.code) AS districts
}
RETURN h.uid AS uid, h.name AS name, h.kind AS kind, load, towns, districts,
       COLLECT { MATCH (h)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource) RETURN DISTINCT res.category } AS provides
ORDER BY uid
