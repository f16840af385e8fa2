// Ranked candidate helpers for one village, or for every uncovered weak village of a district,
// with the components of the score a planner reads as reasons: already active in the same town
// (3) or district (2), resources the helper provides that the village's projects (or its town's)
// use (1.5 each), capacity left under $capacity (up to 1), and closeness in the graph
// (2 / hops over pairings, party ties, projects and posts, at most 4 hops; an ended pairing is 1 hop).
// Helpers at or over capacity, and helpers already paired with the village, are left out.
// @param as_of       DATE     the day pairings are judged on; null means today
// @param village     STRING   village code or uid; null to suggest for the district's uncovered weak villages
// @param district    STRING   6-digit district code or name (used when village is null)
// @param capacity    INTEGER  the most villages a helper should carry
// @param per_village INTEGER  candidates listed per village
// :param as_of => date('2024-06-30')
// :param village => null
// :param district => '310151'
// :param capacity => 5
// :param per_village => 3
WITH coalesce(date($as_of), date()) AS day
CALL (day) {
  MATCH (h)
  WHERE h:Organization OR (h:PartyOrganization AND NOT EXISTS { (h)-[:BELONGS_TO]->() })
  OPTIONAL MATCH (h)<-[:BELONGS_TO*0..1]-()-[p:PAIRED_WITH]->(r:Village)
  WHERE (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  OPTIONAL MATCH (r)-[:PART_OF]->(rt:Town)
  OPTIONAL MATCH (r)-[:PART_OF*1..2]->(rd:District)
  WITH h, count(DISTINCT r) AS load, collect(DISTINCT rt.code) AS towns, collect(DISTINCT rd.code) AS districts
  RETURN collect({h: h, load: load, towns: towns, districts: districts,
    provides: COLLECT { MATCH (h)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource) RETURN DISTINCT res.category }}) AS candidates
}
CALL (day) {
  MATCH (v:Village) WHERE $village IS NOT NULL AND (v.uid = $village OR v.code = $village)
  RETURN v
  UNION
  MATCH (v:Village)-[:PART_OF*1..2]->(d:District)
  WHERE $village IS NULL AND (d.code = $district OR d.name = $district)
    AND (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) })
    AND NOT EXISTS {
      MATCH (h)-[p:PAIRED_WITH]->(v)
      WHERE (h:Organization OR h:PartyOrganization)
        AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
    }
  RETURN v
}
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
OPTIONAL MATCH (v)-[:PART_OF*1..2]->(d:District)
WITH day, candidates, v, t, d,
     COLLECT { MATCH (pr:Project)-[:BENEFITS]->(x) WHERE x = v OR x = t
               MATCH (pr)-[:USES]->(res:Resource) RETURN DISTINCT res.category } AS needs
UNWIND candidates AS c
WITH day, v, t, d, needs, c.h AS h, c.load AS load,
     coalesce(t.code IN c.towns, false) AS same_town, coalesce(d.code IN c.districts, false) AS same_district,
     $capacity - c.load AS capacity_left, [x IN c.provides WHERE x IN needs] AS matches
WHERE capacity_left > 0
  AND NOT EXISTS {
    MATCH (h)<-[:BELONGS_TO*0..1]-()-[p:PAIRED_WITH]->(v)
    WHERE (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  }
OPTIONAL MATCH path = shortestPath((h)-[:PAIRED_WITH|BELONGS_TO|FUNDS|BENEFITS|HOLDS*..4]-(v))
WITH v, t, d, h, load, same_town, same_district, capacity_left, matches, length(path) AS hops
WITH v, t, d, h, load, same_town, same_district, capacity_left, matches, hops,
     CASE WHEN same_town THEN 3.0 WHEN same_district THEN 2.0 ELSE 0.0 END
       + 1.5 * size(matches)
       + toFloat(capacity_left) / $capacity
       + CASE WHEN hops IS NULL THEN 0.0 ELSE 2.0 / hops END AS score
ORDER BY v.uid, score DESC, h.name
WITH v, t, d, collect({uid: h.uid, name: h.name, kind: h.kind, score: round(score, 3), same_town: same_town,
  same_district: same_district, villages_paired: load, capacity_left: capacity_left,
  resource_matches: matches, hops: hops})[..$per_village] AS ranked
UNWIND range(0, size(ranked) - 1) AS i
RETURN v.uid AS village_uid, v.code AS village_code, v.name AS village, t.name AS town, d.name AS district,
       i + 1 AS rank, ranked[i].uid AS helper_uid, ranked[i].name AS helper, ranked[i].kind AS helper_kind,
       ranked[i].score AS score, ranked[i].same_town AS same_town, ranked[i].same_district AS same_district,
       ranked[i].villages_paired AS villages_paired, ranked[i].capacity_left AS capacity_left,
       ranked[i].resource_matches AS resource_matches, ranked[i].hops AS hops
ORDER BY village_code, village_uid, rank
