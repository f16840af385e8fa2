// Reports: remove every fact one document contributed, before its new version is written.
// Relationships carrying the document's source_id go, so do its Project and Claim nodes and its
// MENTIONS; of the units, party organizations, persons and unresolved villages it mentioned,
// those left with no relationship but PART_OF are removed too (nothing else speaks of them).
// @param source_id STRING  the Document.uid, e.g. 'report:000_9edabbf90e428618'
// :param source_id => 'report:000_9edabbf90e428618'
OPTIONAL MATCH (:Document {uid: $source_id})-[:MENTIONS]->(n)
WHERE n:Organization OR n:PartyOrganization OR n:Person OR (n:Village AND n.resolved = false)
WITH collect(DISTINCT n) AS mentioned
CALL () {
  MATCH ()-[r]->() WHERE r.source_id = $source_id
  DELETE r
}
CALL () {
  MATCH (n) WHERE (n:Project OR n:Claim) AND n.source_id = $source_id
  DETACH DELETE n
}
UNWIND mentioned AS n
WITH n WHERE NOT EXISTS { (n)-[r]-() WHERE type(r) <> 'PART_OF' }
DETACH DELETE n
RETURN count(*) AS removed
