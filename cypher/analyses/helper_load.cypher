// Helpers ranked by the villages they are paired with on a given date: weak share, towns and
// districts spanned, projects funded and their money; flags helpers spread thin (villages in
// $spread_towns or more towns, or in more than one district) and helpers carrying many
// ($many_villages or more villages). A party organization's pairings count for its unit.
// @param as_of         DATE     the day pairings are judged on; null means today
// @param district      STRING   only helpers with a pairing in force in this district (code or name), or null
// @param spread_towns  INTEGER  towns spanned at which a helper is flagged spread thin
// @param many_villages INTEGER  villages paired at which a helper is flagged carrying many
// :param as_of => date('2024-06-30')
// :param district => '310151'
// :param spread_towns => 3
// :param many_villages => 5
WITH coalesce(date($as_of), date()) AS day
MATCH (h)-[p:PAIRED_WITH]->(r)
WHERE (h:Organization OR h:PartyOrganization) AND (r:Village OR r:Town)
  AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
WITH coalesce(o, h) AS helper, r
OPTIONAL MATCH (r)-[:PART_OF*0..1]->(t:Town)
OPTIONAL MATCH (r)-[:PART_OF*1..2]->(d:District)
WITH helper,
     collect(DISTINCT CASE WHEN r:Village THEN r END) AS villages,
     collect(DISTINCT t.code) AS towns,
     collect(DISTINCT d) AS districts
WHERE $district IS NULL OR any(x IN districts WHERE x.code = $district OR x.name = $district)
CALL (helper) {
  OPTIONAL MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)
  WITH DISTINCT pr
  RETURN count(pr) AS projects, sum(coalesce(pr.amount_yuan, 0.0)) AS money_yuan
}
WITH helper, villages, towns, districts, projects, money_yuan,
     size([v IN villages WHERE v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) }]) AS weak_villages
RETURN helper.uid AS uid, helper.name AS name, helper.kind AS kind,
       CASE WHEN helper:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS label,
       size(villages) AS villages, weak_villages,
       CASE WHEN size(villages) = 0 THEN null ELSE round(toFloat(weak_villages) / size(villages), 3) END AS weak_share,
       size(towns) AS towns, size(districts) AS districts,
       [x IN districts | x.name] AS district_names,
       projects, money_yuan,
       size(towns) >= $spread_towns OR size(districts) > 1 AS spread_thin,
       size(villages) >= $many_villages AS carrying_many
ORDER BY villages DESC, weak_villages DESC, name
