// Register load: remove every fact one register file contributed, before its new contents are written.
// Helpers, party organizations, persons and categories those facts touched are removed when no
// relationship is left on them (nodes other sources still use stay). One match per relationship
// type, so each seeks its (source_id, source_loc) index instead of scanning every relationship
// (every register fact has a source_loc; saying so lets the composite index answer).
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:pairings.csv'
CALL () {
  MATCH (a)-[r:PAIRED_WITH]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:HOLDS]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:DESIGNATED_AS]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:FUNDS]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:BENEFITS]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:BELONGS_TO]->(b) WHERE r.source_id = $source_id AND r.source_loc IS NOT NULL RETURN a, r, b
}
WITH collect(DISTINCT a) + collect(DISTINCT b) AS touched, collect(r) AS facts
FOREACH (r IN facts | DELETE r)
WITH touched
CALL () {
  MATCH (p:Project {source_id: $source_id})
  DETACH DELETE p
}
UNWIND touched AS n
WITH DISTINCT n
WHERE (n:Organization OR n:PartyOrganization OR n:Person OR n:WeakCategory) AND NOT (n)--()
DELETE n
