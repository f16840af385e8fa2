// Register load, new or changed file: (:PartyOrganization)-[:BELONGS_TO]->(unit or village), one
// per party organization and parent. Twin of load/merge_register_memberships.
// MERGE, not CREATE, although the file's old facts were just deleted: two loads of the same file at
// once (an upload started twice) both find it new, and only MERGE, which locks both ends before it
// creates a relationship, keeps one edge per register row. ON CREATE SET: nothing to update here.
// @param rows      LIST    maps {party_uid, parent_uid, source_loc, evidence, method, confidence}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:pairings.csv'
// :param rows => [{party_uid: 'party:区农业农村委机关党支部', parent_uid: 'org:区农业农村委', source_loc: 'sheet pairings!row 2', evidence: '帮扶单位=区农业农村委', method: 'register:village_code', confidence: 1.0}]
UNWIND $rows AS row
MATCH (p:PartyOrganization {uid: row.party_uid})
OPTIONAL MATCH (pv:Village {uid: row.parent_uid})
OPTIONAL MATCH (po:Organization {uid: row.parent_uid})
WITH p, row, coalesce(pv, po) AS parent
WHERE parent IS NOT NULL
MERGE (p)-[r:BELONGS_TO {source_id: $source_id, source_loc: row.source_loc}]->(parent)
ON CREATE SET r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
