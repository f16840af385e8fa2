// Register load: projects, (helper)-[:FUNDS]->(:Project)-[:BENEFITS]->(:Village|:Town).
// The project node is the register row's own (uid from source and row); the helper is optional and
// exists already (load/merge_register_organizations).
// @param rows      LIST    maps {uid, source_loc, evidence, method, confidence, org_uid, name, category, amount, amount_unit, amount_yuan, year, village_uid, town_code}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:projects.csv'
// :param rows => [{uid: 'project:register:projects.csv#sheet projects!row 2', source_loc: 'sheet projects!row 2', evidence: '项目名称=村道修缮', method: 'register:code', confidence: 1.0, org_uid: 'org:上海某集团', name: '村道修缮', category: '基础设施', amount: 50.0, amount_unit: '万元', amount_yuan: 500000.0, year: 2023, village_uid: '310151102216', town_code: null}]
UNWIND $rows AS row
OPTIONAL MATCH (o:Organization {uid: row.org_uid})
OPTIONAL MATCH (v:Village {uid: row.village_uid})
OPTIONAL MATCH (t:Town {code: row.town_code})
WITH row, o, coalesce(v, t) AS recipient
MERGE (p:Project {uid: row.uid})
SET p.name = row.name, p.category = row.category, p.amount = row.amount, p.amount_unit = row.amount_unit,
    p.amount_yuan = row.amount_yuan, p.year = row.year, p.source_id = $source_id,
    p.source_loc = row.source_loc, p.evidence = row.evidence, p.method = row.method, p.confidence = row.confidence
WITH p, row, o, recipient
CALL (p, row, o) {
  WITH p, row, o WHERE o IS NOT NULL
  MERGE (o)-[f:FUNDS {source_id: $source_id, source_loc: row.source_loc}]->(p)
  SET f.evidence = row.evidence, f.method = row.method, f.confidence = 1.0
}
WITH p, row, recipient
WHERE recipient IS NOT NULL
MERGE (p)-[b:BENEFITS {source_id: $source_id, source_loc: row.source_loc}]->(recipient)
SET b.evidence = row.evidence, b.method = row.method, b.confidence = row.confidence
