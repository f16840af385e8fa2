// Ranked candidate helpers for one village, or for every uncovered weak village of a district,
// with the components of the score a planner reads as reasons: already active in the same town
// (3) or district (2), resources the helper provides that the village's projects (or its town's)
// use (1.5 each), capacity left under $capacity (up to 1), and closeness in the graph
// (2 / hops over pairings, party ties, projects and posts, at most 4 hops; an ended pairing is 1 hop).
// Helpers at or over capacity, and helpers already paired with the village, are left out.
// Only helpers that can score more than capacity alone are ranked in full (active in the district,
// providing what the village needs, within 4 hops), beside the first idle helpers by name (nothing
// in force: the most capacity alone can give); when there are too few idle ones, every helper is.
// @param as_of       DATE     the day pairings are judged on; null means today
// @param village     STRING   village code or uid; null to suggest for the district's uncovered weak villages
// @param district    STRING   6-digit district code (used when village is null)
// @param capacity    INTEGER  the most villages a helper should carry
// @param per_village INTEGER  candidates listed per village
// :param as_of => date('2024-06-30')
// :param village => null
// :param district => '310151'
// :param capacity => 5
// :param per_village => 3
WITH coalesce(date($as_of), date()) AS day, CASE WHEN $village IS NULL THEN $district END AS district
CALL (day) {
  CALL (day) {
    MATCH (h:Organization)
    WHERE h.name IS NOT NULL AND NOT EXISTS {
      MATCH (h)<-[:BELONGS_TO*0..1]-()-[p:PAIRED_WITH]->(:Village)
      WHERE (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
    }
    RETURN h ORDER BY h.name LIMIT $per_village
    UNION
    MATCH (h:PartyOrganization)
    WHERE h.name IS NOT NULL AND NOT EXISTS { (h)-[:BELONGS_TO]->() } AND NOT EXISTS {
      MATCH (h)-[p:PAIRED_WITH]->(:Village)
      WHERE (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
    }
    RETURN h ORDER BY h.name LIMIT $per_village
  }
  RETURN collect(h) AS idle
}
CALL (idle) {
  UNWIND CASE WHEN size(idle) < $per_village THEN [true] ELSE [] END AS short
  CALL () {
    MATCH (h:Organization) RETURN h
    UNION
    MATCH (h:PartyOrganization) WHERE NOT EXISTS { (h)-[:BELONGS_TO]->() } RETURN h
  }
  RETURN collect(h) AS everyone
}
CALL (day, district) {
  MATCH (v:Village {code: $village}) RETURN v
  UNION
  MATCH (v:Village {uid: $village}) RETURN v
  UNION
  MATCH (v:Village)-[:PART_OF*1..2]->(scope:District {code: district})
  USING INDEX scope:District(code)
  WHERE (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) })
    AND NOT EXISTS {
      MATCH (h)-[p:PAIRED_WITH]->(v)
      WHERE (h:Organization OR h:PartyOrganization)
        AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
    }
  RETURN v
}
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
OPTIONAL MATCH (v)-[:PART_OF*1..2]->(d:District)
WITH day, idle, everyone, v, t, d,
     COLLECT { CALL (v, t) { MATCH (pr:Project)-[:BENEFITS]->(v) RETURN pr
                             UNION MATCH (pr:Project)-[:BENEFITS]->(t) RETURN pr }
               MATCH (pr)-[:USES]->(res:Resource) RETURN DISTINCT res.category } AS needs
CALL (day, idle, everyone, v, d, needs) {
  UNWIND idle + everyone AS h
  RETURN h
  UNION
  MATCH (h)<-[:BELONGS_TO*0..1]-()-[p:PAIRED_WITH]->(:Village)-[:PART_OF*1..2]->(d)
  WHERE (h:Organization OR (h:PartyOrganization AND NOT EXISTS { (h)-[:BELONGS_TO]->() }))
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  RETURN h
  UNION
  UNWIND needs AS category
  MATCH (h)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(:Resource {category: category})
  WHERE h:Organization OR (h:PartyOrganization AND NOT EXISTS { (h)-[:BELONGS_TO]->() })
  RETURN h
  UNION
  MATCH ANY SHORTEST (v)-[:PAIRED_WITH|BELONGS_TO|FUNDS|BENEFITS|HOLDS]-{1,4}(h)
  WHERE h:Organization OR (h:PartyOrganization AND NOT EXISTS { (h)-[:BELONGS_TO]->() })
  RETURN h
}
OPTIONAL MATCH (h)<-[:BELONGS_TO*0..1]-()-[p:PAIRED_WITH]->(r:Village)
WHERE (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
OPTIONAL MATCH (r)-[:PART_OF]->(rt:Town)
OPTIONAL MATCH (r)-[:PART_OF*1..2]->(rd:District)
WITH day, v, t, d, needs, h, count(DISTINCT r) AS load, collect(DISTINCT rt.code) AS towns,
     collect(DISTINCT rd.code) AS districts
WITH day, v, t, d, needs, h, load, towns, districts,
     COLLECT { MATCH (h)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource) RETURN DISTINCT res.category } AS provides
WITH day, v, t, d, needs, h, load,
     coalesce(t.code IN towns, false) AS same_town, coalesce(d.code IN districts, false) AS same_district,
     $capacity - load AS capacity_left, [x IN provides WHERE x IN needs] AS matches
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
