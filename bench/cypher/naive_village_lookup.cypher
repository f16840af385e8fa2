// Naive baseline: one village with its town, district and helpers (what GET /villages/{code} answers).
// @param village STRING  12-digit village code
MATCH (v:Village {code: $village})-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District)
OPTIONAL MATCH (h)-[p:PAIRED_WITH]->(v)
RETURN v {.*} AS village, t.name AS town, d.name AS district, collect(h {.uid, .name, since: p.since}) AS helpers
