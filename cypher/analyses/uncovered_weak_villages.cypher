// Weak villages (经济薄弱村 …) that no helper is paired with on a given date, each with its town,
// district, weak categories and the nearest helpers already active in the same town, then district.
// A helper is an Organization; a PartyOrganization that BELONGS_TO an Organization counts as it.
// Scope: one town, else one district, else one province, else all of China. One page of rows
// (ordered by district, town, code) is returned, each carrying the total; a page past the end is
// one row with only the total.
// @param as_of    DATE     the day coverage is judged on; null means today
// @param province STRING   2-digit province code, or null
// @param district STRING   6-digit district code, or null
// @param town     STRING   9-digit town code, or null
// @param nearest  INTEGER  how many nearby helpers to list per village
// @param offset   INTEGER  rows of the ordered answer to skip
// @param limit    INTEGER  rows to return; null for all
// :param as_of => date('2024-06-30')
// :param province => null
// :param district => '310151'
// :param town => null
// :param nearest => 3
// :param offset => 0
// :param limit => 100
WITH coalesce(date($as_of), date()) AS day,
     // each scope is reached through index seeks: a branch whose key is null seeks nothing
     CASE WHEN $district IS NULL THEN $province END AS province,
     CASE WHEN $town IS NULL THEN $district END AS district,
     CASE WHEN $town IS NULL AND $district IS NULL AND $province IS NULL THEN true END AS everywhere
CALL (province, district, everywhere) {
  MATCH (v:Village)-[:PART_OF]->(scope:Town {code: $town})
  USING INDEX scope:Town(code)
  RETURN v
  UNION
  MATCH (v:Village)-[:PART_OF*1..2]->(scope:District {code: district})
  USING INDEX scope:District(code)
  RETURN v
  UNION
  MATCH (v:Village)-[:PART_OF*1..2]->(:District)-[:PART_OF]->(:City)-[:PART_OF]->(scope:Province {code: province})
  USING INDEX scope:Province(code)
  RETURN v
  UNION
  MATCH (v:Village {weak: everywhere})
  RETURN v
  UNION
  UNWIND CASE WHEN everywhere THEN [true] ELSE [] END AS designated
  MATCH (v:Village)-[:DESIGNATED_AS]->(:WeakCategory)
  RETURN v
}
WITH DISTINCT day, v
WHERE (v.weak OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) })
  AND NOT EXISTS {
    MATCH (h)-[p:PAIRED_WITH]->(v)
    WHERE (h:Organization OR h:PartyOrganization)
      AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  }
MATCH (v)-[:PART_OF*1..2]->(d:District)
WHERE ($district IS NULL OR d.code = $district) AND ($province IS NULL OR d.code STARTS WITH $province)
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
WITH day, v, t, d ORDER BY d.code, t.code, v.code, v.uid
WITH day, collect({v: v, t: t, d: d}) AS rows
WITH day, size(rows) AS total,
     rows[$offset..CASE WHEN $limit IS NULL THEN size(rows) ELSE $offset + $limit END] AS rows
// The nearest helpers: each district of the page ranks its active helpers once (most villages
// first), then each town of the page takes the first of them active in the town, then the others.
CALL (day, rows) {
  UNWIND rows AS row
  WITH DISTINCT row.d AS d
  OPTIONAL MATCH (h)-[p:PAIRED_WITH]->(other:Village)-[:PART_OF*1..2]->(d)
  WHERE (h:Organization OR h:PartyOrganization)
    AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
  OPTIONAL MATCH (other)-[:PART_OF]->(ot:Town)
  WITH d, coalesce(o, h) AS helper, other, ot
  WHERE helper IS NOT NULL
  WITH d, helper, count(DISTINCT other) AS villages, collect(DISTINCT ot.code) AS towns
  ORDER BY villages DESC, helper.name
  WITH d, collect(helper {.uid, .name, villages_paired: villages, towns: towns}) AS ranked
  RETURN collect({d: d.code, ranked: ranked}) AS active
}
CALL (rows, active) {
  UNWIND rows AS row
  WITH DISTINCT row.d.code AS d, row.t.code AS t
  WITH d, t, coalesce([x IN active WHERE x.d = d][0].ranked, []) AS ranked
  WITH d, t, [x IN ranked WHERE t IS NOT NULL AND t IN x.towns][..$nearest] AS in_town,
       [x IN ranked WHERE NOT (t IS NOT NULL AND t IN x.towns)][..$nearest] AS elsewhere
  WITH d, t, [x IN in_town | x {.uid, .name, same_town: true, .villages_paired}]
             + [x IN elsewhere | x {.uid, .name, same_town: false, .villages_paired}] AS picks
  RETURN collect({key: d + '/' + coalesce(t, ''), nearest: picks[..$nearest]}) AS nearest_by_town
}
UNWIND CASE WHEN size(rows) = 0 THEN [null] ELSE rows END AS row
WITH total, row.v AS v, row.t AS t, row.d AS d,
     coalesce([x IN nearest_by_town WHERE x.key = row.d.code + '/' + coalesce(row.t.code, '')][0].nearest, [])
       AS nearest_helpers
RETURN total, v.uid AS village_uid, v.code AS code, v.name AS village, t.code AS town_code, t.name AS town,
       d.code AS district_code, d.name AS district,
       CASE WHEN v IS NULL THEN [] ELSE COLLECT { UNWIND coalesce(v.weak_categories, []) AS c RETURN c
                 UNION MATCH (v)-[:DESIGNATED_AS]->(w:WeakCategory) RETURN w.name AS c } END AS weak_categories,
       nearest_helpers
