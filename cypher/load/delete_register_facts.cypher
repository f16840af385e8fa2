// Register load: remove every fact one register file contributed, before its new contents are written.
// Helpers, party organizations, persons and categories those facts touched are removed when no
// relationship is left on them (nodes other sources still use stay).
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:pairings.csv'
OPTIONAL MATCH (a)-[r:PAIRED_WITH|HOLDS|DESIGNATED_AS|FUNDS|BENEFITS|BELONGS_TO]->(b)
WHERE r.source_id = $source_id
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
