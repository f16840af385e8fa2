// Reports: remove every fact one document contributed, before its new version is written.
// Relationships carrying the document's source_id go, so do its Project and Claim nodes and its
// MENTIONS; unresolved villages, units, party organizations and persons left with no
// relationship at all are removed too (they existed only because of this document).
// @param source_id STRING  the Document.uid, e.g. 'report:000_9edabbf90e428618'
// :param source_id => 'report:000_9edabbf90e428618'
CALL (){
  MATCH ()-[r]->() WHERE r.source_id = $source_id
  DELETE r
}
CALL (){
  MATCH (n) WHERE (n:Project OR n:Claim) AND n.source_id = $source_id
  DETACH DELETE n
}
CALL (){
  MATCH (n) WHERE (n:Organization OR n:PartyOrganization OR n:Person OR (n:Village AND n.resolved = false))
    AND NOT (n)--()
  DELETE n
}
RETURN 1 AS done
