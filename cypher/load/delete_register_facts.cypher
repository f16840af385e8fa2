// Register load: remove every fact one register file contributed, before its new contents are written.
// Nodes left without any relationship (helpers, party organizations, persons, categories) go too.
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:pairings.csv'
CALL () {
  MATCH (p:Project {source_id: $source_id})
  DETACH DELETE p
}
CALL () {
  MATCH ()-[r:PAIRED_WITH {source_id: $source_id}]->()
  DELETE r
}
CALL () {
  MATCH ()-[r:HOLDS {source_id: $source_id}]->()
  DELETE r
}
CALL () {
  MATCH ()-[r:DESIGNATED_AS {source_id: $source_id}]->()
  DELETE r
}
CALL () {
  MATCH (:PartyOrganization)-[r:BELONGS_TO {source_id: $source_id}]->()
  DELETE r
}
CALL () {
  MATCH (n)
  WHERE (n:Organization OR n:PartyOrganization OR n:Person OR n:WeakCategory) AND NOT (n)--()
  DELETE n
}
