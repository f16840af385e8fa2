// Reports: (helper)-[:PAIRED_WITH]->(recipient), one relationship per source location.
// The helper is a unit or party organization (uid); the recipient a village (uid) or town (code).
// @param rows LIST  maps {helper_uid, recipient_uid, recipient_code, kind, source_id, source_loc, evidence, method, confidence}
// :param rows => [{helper_uid: 'org:置业集团', recipient_uid: '310151104211', recipient_code: null, kind: '慰问', source_id: 'report:x', source_loc: 'chars 1-9', evidence: '…', method: 'pairing_subject_before_recipient', confidence: 0.7}]
UNWIND $rows AS row
MATCH (h:Organization|PartyOrganization {uid: row.helper_uid})
OPTIONAL MATCH (v:Village {uid: row.recipient_uid})
OPTIONAL MATCH (t:Town {code: row.recipient_code})
WITH h, row, coalesce(v, t) AS recipient
WHERE recipient IS NOT NULL
MERGE (h)-[r:PAIRED_WITH {source_id: row.source_id, source_loc: row.source_loc}]->(recipient)
SET r.kind = row.kind, r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
