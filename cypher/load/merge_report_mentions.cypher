// Reports: (:Document)-[:MENTIONS {start, end, surface}]->(what the text names), by uid or by code.
// @param rows LIST  maps {uid, code, start, end, surface, source_id, source_loc, evidence, method, confidence}
// :param rows => [{uid: null, code: '310116112', start: 10, end: 13, surface: '曹泾镇', source_id: 'report:x', source_loc: 'chars 10-13', evidence: '…', method: 'gazetteer_fuzzy_pinyin', confidence: 0.6}]
UNWIND $rows AS row
MATCH (d:Document {uid: row.source_id})
OPTIONAL MATCH (a:Village|Organization|PartyOrganization|Person {uid: row.uid})
OPTIONAL MATCH (b:Province|City|District|Town {code: row.code})
WITH d, row, coalesce(a, b) AS n
WHERE n IS NOT NULL
MERGE (d)-[m:MENTIONS {source_id: row.source_id, source_loc: row.source_loc}]->(n)
SET m.start = row.start, m.end = row.end, m.surface = row.surface, m.evidence = row.evidence,
    m.method = row.method, m.confidence = row.confidence, m.review_key = row.review_key
