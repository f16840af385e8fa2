// Reports: aggregate statements ("29 units paired with 64 villages"), kept as said, claimed by the document.
// @param rows LIST  maps {uid, metric, value, unit, scope_code, source_id, source_loc, evidence, method, confidence}
// :param rows => [{uid: 'claim:report:x:1-5', metric: 'villages', value: 64.0, unit: '个行政村', scope_code: '310151', source_id: 'report:x', source_loc: 'chars 1-5', evidence: '…', method: 'count_noun_pattern', confidence: 0.7}]
UNWIND $rows AS row
MERGE (c:Claim {uid: row.uid})
SET c.metric = row.metric, c.value = row.value, c.unit = row.unit, c.scope_code = row.scope_code,
    c.source_id = row.source_id, c.source_loc = row.source_loc, c.evidence = row.evidence,
    c.method = row.method, c.confidence = row.confidence
WITH c, row
MATCH (d:Document {uid: row.source_id})
MERGE (d)-[r:CLAIMS {source_id: row.source_id, source_loc: row.source_loc}]->(c)
