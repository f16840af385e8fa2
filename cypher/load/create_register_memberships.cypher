// Register load, new or changed file: (:PartyOrganization)-[:BELONGS_TO]->(unit or village), one
// per party organization and parent, created without looking for an existing edge (the file's old
// facts were just deleted). Twin of load/merge_register_memberships.
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
CREATE (p)-[:BELONGS_TO {source_id: $source_id, source_loc: row.source_loc, evidence: row.evidence,
                         method: row.method, confidence: row.confidence}]->(parent)
