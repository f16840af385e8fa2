// Pairing coverage per district on a given date: villages (村委会, communities excluded), weak
// villages, weak villages with a helper in force, coverage ratio, villages with exactly one helper,
// distinct helpers — and, beside them, the aggregate claims reports made about the district.
// Village counts are of coded units (as the overviews count them by code prefix); the villages a
// source placed here that the code table lacks are counted apart, as unresolved_villages.
// Districts are ordered by code and one page of them is worked out, each row carrying the total;
// a page past the end is one row with only the total.
// @param as_of  DATE     the day coverage is judged on; null means today
// @param parent STRING   province (31) or city (3101) code or name, or null for every district
// @param offset INTEGER  districts to skip
// @param limit  INTEGER  districts to return; null for all
// :param as_of => date('2024-06-30')
// :param parent => '31'
// :param offset => 0
// :param limit => 100
WITH coalesce(date($as_of), date()) AS day,
     CASE WHEN $parent IS NULL THEN [true] ELSE [] END AS everywhere
// a parent is found through the code and name indexes; full names are compared on the few provinces and cities
CALL (everywhere) {
  MATCH (area:District)-[:PART_OF]->(:City {code: $parent}) RETURN area
  UNION
  MATCH (area:District)-[:PART_OF]->(:City {name: $parent}) RETURN area
  UNION
  MATCH (area:District)-[:PART_OF]->(:City)-[:PART_OF]->(:Province {code: $parent}) RETURN area
  UNION
  MATCH (area:District)-[:PART_OF]->(:City)-[:PART_OF]->(:Province {name: $parent}) RETURN area
  UNION
  MATCH (c:City) WHERE $parent IS NOT NULL AND (c.full_name = $parent OR EXISTS {
    MATCH (c)-[:PART_OF]->(p:Province) WHERE p.full_name = $parent })
  MATCH (area:District)-[:PART_OF]->(c) RETURN area
  UNION
  UNWIND everywhere AS all
  MATCH (area:District)-[:PART_OF]->(:City)-[:PART_OF]->(:Province) RETURN area
}
WITH day, area ORDER BY area.code
WITH day, collect(area) AS areas
WITH day, size(areas) AS total,
     areas[$offset..CASE WHEN $limit IS NULL THEN size(areas) ELSE $offset + $limit END] AS areas
UNWIND CASE WHEN size(areas) = 0 THEN [null] ELSE areas END AS area
// one pass over the area's villages gathers what the counts, the helpers and the projects need
CALL (area, day) {
  OPTIONAL MATCH (v:Village)-[:PART_OF*1..2]->(area)
  WITH v, day, v.code IS NOT NULL AS coded,
       v.code IS NOT NULL AND (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) }) AS weak
  // most villages have no pairing and no project at all: skip the subqueries for them
  WITH v, coded, weak, CASE WHEN NOT EXISTS { (v)<-[:PAIRED_WITH]-() } THEN [] ELSE COLLECT {
    MATCH (h)-[pw:PAIRED_WITH]->(v)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
    OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
    RETURN DISTINCT coalesce(o, h) AS helper
  } END AS helpers,
  CASE WHEN NOT EXISTS { (v)<-[:BENEFITS]-() } THEN [] ELSE COLLECT {
    MATCH (pr:Project)-[:BENEFITS]->(v) RETURN pr
  } END AS projects
  RETURN count(CASE WHEN coded AND coalesce(v.kind, 'village') = 'village' THEN v END) AS villages,
         count(CASE WHEN weak THEN v END) AS weak_villages,
         count(CASE WHEN weak AND size(helpers) > 0 THEN v END) AS paired_weak_villages,
         count(CASE WHEN coded AND size(helpers) > 0 THEN v END) AS paired_villages,
         count(CASE WHEN coded AND size(helpers) = 1 THEN v END) AS villages_with_one_helper,
         count(CASE WHEN NOT coded THEN v END) AS unresolved_villages,
         collect(helpers) AS village_helpers, collect(projects) AS village_projects
}
CALL (area, day, village_helpers) {
  CALL (area, day, village_helpers) {
    UNWIND village_helpers AS some UNWIND some AS helper RETURN helper
    UNION
    MATCH (h)-[pw:PAIRED_WITH]->(:Town)-[:PART_OF]->(area)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
    OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
    RETURN coalesce(o, h) AS helper
  }
  RETURN count(DISTINCT helper) AS helpers
}
CALL (area, village_projects) {
  CALL (area, village_projects) {
    UNWIND village_projects AS some UNWIND some AS pr RETURN pr
    UNION
    MATCH (pr:Project)-[:BENEFITS]->(:Town)-[:PART_OF]->(area) RETURN pr
    UNION
    MATCH (pr:Project)-[:BENEFITS]->(area) RETURN pr
  }
  RETURN count(DISTINCT pr) AS projects
}
// Report claims come from sentences about pairing, so a claimed number of villages or weak
// villages is set beside the paired ones the graph holds.
CALL (area, paired_weak_villages, paired_villages, helpers, projects) {
  OPTIONAL MATCH (claim:Claim {scope_code: area.code})
  WITH claim ORDER BY claim.metric, claim.source_id, claim.source_loc
  RETURN collect(claim {.metric, .value, .unit, .source_id, .source_loc, .evidence,
    graph_value: CASE
      WHEN claim.metric IN ['villages', 'villages_paired'] THEN paired_villages
      WHEN claim.metric IN ['weak_villages', 'weak_villages_paired'] THEN paired_weak_villages
      WHEN claim.metric IN ['helpers', 'helpers_paired'] THEN helpers
      WHEN claim.metric = 'projects' THEN projects END}) AS claims
}
RETURN total, area.code AS code, area.name AS name, villages, weak_villages, paired_weak_villages,
       CASE WHEN weak_villages = 0 THEN null ELSE round(toFloat(paired_weak_villages) / weak_villages, 3) END AS coverage_ratio,
       paired_villages, villages_with_one_helper, unresolved_villages, helpers, projects, claims
ORDER BY code
