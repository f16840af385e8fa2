// Pairing coverage per town (街道, 镇, 乡) of one district on a given date: villages (村委会,
// communities excluded), weak villages, weak villages with a helper in force, coverage ratio, villages with exactly one helper,
// distinct helpers — and, beside them, the aggregate claims reports made about the town.
// Village counts are of coded units; the villages a source placed here that the code table lacks
// are counted apart, as unresolved_villages.
// @param as_of  DATE    the day coverage is judged on; null means today
// @param parent STRING  the district: 6-digit code or name (崇明区)
// :param as_of => date('2024-06-30')
// :param parent => '310151'
WITH coalesce(date($as_of), date()) AS day
MATCH (area:Town)-[:PART_OF]->(d:District)
WHERE d.code = $parent OR d.name = $parent
CALL (area, day) {
  OPTIONAL MATCH (v:Village)-[:PART_OF]->(area)
  WITH v, day, v.code IS NOT NULL AS coded,
       v.code IS NOT NULL AND (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) }) AS weak
  // most villages have no pairing at all: skip the helper count for them
  WITH v, coded, weak, CASE WHEN NOT EXISTS { (v)<-[:PAIRED_WITH]-() } THEN 0 ELSE COUNT {
    MATCH (h)-[pw:PAIRED_WITH]->(v)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
    OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
    RETURN DISTINCT coalesce(o, h) AS helper
  } END AS helpers
  RETURN count(CASE WHEN coded AND coalesce(v.kind, 'village') = 'village' THEN v END) AS villages,
         count(CASE WHEN weak THEN v END) AS weak_villages,
         count(CASE WHEN weak AND helpers > 0 THEN v END) AS paired_weak_villages,
         count(CASE WHEN coded AND helpers > 0 THEN v END) AS paired_villages,
         count(CASE WHEN coded AND helpers = 1 THEN v END) AS villages_with_one_helper,
         count(CASE WHEN NOT coded THEN v END) AS unresolved_villages
}
CALL (area, day) {
  OPTIONAL MATCH (h)-[pw:PAIRED_WITH]->(r)-[:PART_OF*0..1]->(area)
  WHERE (h:Organization OR h:PartyOrganization) AND (r:Village OR r:Town)
    AND (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
  OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
  RETURN count(DISTINCT coalesce(o, h)) AS helpers
}
CALL (area) {
  OPTIONAL MATCH (pr:Project)-[:BENEFITS]->()-[:PART_OF*0..1]->(area)
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
RETURN area.code AS code, area.name AS name, villages, weak_villages, paired_weak_villages,
       CASE WHEN weak_villages = 0 THEN null ELSE round(toFloat(paired_weak_villages) / weak_villages, 3) END AS coverage_ratio,
       paired_villages, villages_with_one_helper, unresolved_villages, helpers, projects, claims
ORDER BY code
