// Reports: a project with its amount, funded by the helper, benefiting each recipient.
// @param rows LIST  maps {uid, name, category, amount, amount_unit, amount_yuan, helper_uid, recipient_uids, recipient_codes, source_id, source_loc, evidence, method, confidence}
// :param rows => [{uid: 'project:report:x:1-5', name: '慰问金共计13000元', category: 'relief', amount: 13000.0, amount_unit: '元', amount_yuan: 13000.0, helper_uid: 'org:置业集团', recipient_uids: ['310151104211'], recipient_codes: [], source_id: 'report:x', source_loc: 'chars 1-5', evidence: '…', method: 'amount_after_recipients', confidence: 0.75}]
UNWIND $rows AS row
MERGE (p:Project {uid: row.uid})
SET p.name = row.name, p.category = row.category, p.amount = row.amount, p.amount_unit = row.amount_unit,
    p.amount_yuan = row.amount_yuan, p.source_id = row.source_id, p.source_loc = row.source_loc,
    p.evidence = row.evidence, p.method = row.method, p.confidence = row.confidence
WITH p, row
CALL (p, row) {
  MATCH (h:Organization|PartyOrganization {uid: row.helper_uid})
  MERGE (h)-[r:FUNDS {source_id: row.source_id, source_loc: row.source_loc}]->(p)
  SET r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
}
CALL (p, row) {
  UNWIND row.recipient_uids AS rid
  MATCH (v:Village {uid: rid})
  MERGE (p)-[r:BENEFITS {source_id: row.source_id, source_loc: row.source_loc}]->(v)
  SET r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
}
CALL (p, row) {
  UNWIND row.recipient_codes AS code
  MATCH (t:Town {code: code})
  MERGE (p)-[r:BENEFITS {source_id: row.source_id, source_loc: row.source_loc}]->(t)
  SET r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
}
