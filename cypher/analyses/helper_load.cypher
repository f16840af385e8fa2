// Helpers ranked by the villages they are paired with on a given date: weak share, towns and
// districts spanned, projects funded and their money; flags helpers spread thin (villages in
// $spread_towns or more towns, or in more than one district) and helpers carrying many
// ($many_villages or more villages). A party organization's pairings count for its unit.
// One page of the ranking is returned, each row carrying the total; a page past the end is one
// row with only the total.
// The ranking needs only each helper's villages and weak villages, so it is one aggregation over
// the pairings in force; towns, districts, projects and money are read for the page's helpers only.
// @param as_of         DATE     the day pairings are judged on; null means today
// @param district      STRING   6-digit district code: only helpers with a pairing in force there; null for all
// @param spread_towns  INTEGER  towns spanned at which a helper is flagged spread thin
// @param many_villages INTEGER  villages paired at which a helper is flagged carrying many
// @param offset        INTEGER  rows of the ranking to skip
// @param limit         INTEGER  rows to return; null for all
// :param as_of => date('2024-06-30')
// :param district => '310151'
// :param spread_towns => 3
// :param many_villages => 5
// :param offset => 0
// :param limit => 100
WITH coalesce(date($as_of), date()) AS day,
     // a district is reached through its index; all of China only when no district is given
     CASE WHEN $district IS NULL THEN [true] ELSE [] END AS everywhere
CALL (day, everywhere) {
  // the pairings in force of the helpers with one in the district (all their pairings count)
  MATCH (scope:District {code: $district})
  USING INDEX scope:District(code)
  MATCH (r)-[:PART_OF*1..2]->(scope)
  WITH DISTINCT day, r  // the district's towns and villages first, then their pairings
  MATCH (h)-[p:PAIRED_WITH]->(r)
  WHERE (h:Organization OR h:PartyOrganization) AND (r:Village OR r:Town)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  WITH DISTINCT day, h
  OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
  WITH DISTINCT day, coalesce(o, h) AS helper
  MATCH (helper)<-[:BELONGS_TO*0..1]-(x)-[p:PAIRED_WITH]->(r)
  WHERE (x:Organization OR x:PartyOrganization) AND (r:Village OR r:Town)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  RETURN helper, r
  UNION ALL
  // all of China: every pairing in force, each counted for its helper (a party organization's unit)
  // (each pairing organization's unit is looked up once, not once per pairing)
  UNWIND everywhere AS all
  MATCH (x) WHERE x:Organization OR x:PartyOrganization
  OPTIONAL MATCH (x)-[:BELONGS_TO]->(o:Organization)
  WITH day, x, coalesce(o, x) AS helper
  MATCH (x)-[p:PAIRED_WITH]->(r)
  WHERE (r:Village OR r:Town)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  RETURN helper, r
}
WITH helper, CASE WHEN r:Village THEN r END AS village
WITH helper, collect(DISTINCT village) AS villages
WITH helper, size(villages) AS villages,
     size([v IN villages WHERE v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) }]) AS weak_villages
ORDER BY villages DESC, weak_villages DESC, helper.name
WITH collect({helper: helper, villages: villages, weak: weak_villages}) AS ranked
WITH size(ranked) AS total,
     ranked[$offset..CASE WHEN $limit IS NULL THEN size(ranked) ELSE $offset + $limit END] AS ranked
UNWIND CASE WHEN size(ranked) = 0 THEN [null] ELSE ranked END AS row
WITH total, row.helper AS helper, row.villages AS villages, row.weak AS weak_villages,
     coalesce(date($as_of), date()) AS day
// towns and districts spanned, projects and money: only for the helpers of the page
CALL (helper, day) {
  OPTIONAL MATCH (helper)<-[:BELONGS_TO*0..1]-(x)-[p:PAIRED_WITH]->(r)
  WHERE (x:Organization OR x:PartyOrganization) AND (r:Village OR r:Town)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  OPTIONAL MATCH (r)-[:PART_OF*0..1]->(t:Town)
  // a village's district through its town, a town's its own, a village placed in a district directly
  WITH DISTINCT t, coalesce(t, r) AS up  // each town once, however many of its villages
  OPTIONAL MATCH (up)-[:PART_OF]->(d:District)
  RETURN collect(DISTINCT t.code) AS towns, collect(DISTINCT d) AS districts
}
CALL (helper) {
  OPTIONAL MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)
  WITH DISTINCT pr
  RETURN count(pr) AS projects, sum(coalesce(pr.amount_yuan, 0.0)) AS money_yuan
}
RETURN total, helper.uid AS uid, helper.name AS name, helper.kind AS kind,
       CASE WHEN helper IS NULL THEN null WHEN helper:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS label,
       villages, weak_villages,
       CASE WHEN villages = 0 THEN null ELSE round(toFloat(weak_villages) / villages, 3) END AS weak_share,
       size(towns) AS towns, size(districts) AS districts,
       [x IN districts | x.name] AS district_names,
       CASE WHEN helper IS NULL THEN null ELSE projects END AS projects,
       CASE WHEN helper IS NULL THEN null ELSE money_yuan END AS money_yuan,
       size(towns) >= $spread_towns OR size(districts) > 1 AS spread_thin,
       villages >= $many_villages AS carrying_many
