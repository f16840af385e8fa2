// Register load, new or changed file: projects, (helper)-[:FUNDS]->(:Project)-[:BENEFITS]->(:Village|:Town),
// created without looking for existing ones (the file's old facts and projects were just deleted).
// Twin of load/merge_register_projects. The helper exists already (load/merge_register_organizations).
// @param rows      LIST    maps {uid, source_loc, evidence, method, confidence, org_uid, name, category, amount, amount_unit, amount_yuan, year, village_uid, town_code}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:projects.csv'
// :param rows => [{uid: 'project:register:projects.csv#sheet projects!row 2', source_loc: 'sheet projects!row 2', evidence: '项目名称=村道修缮', method: 'register:code', confidence: 1.0, org_uid: 'org:上海某集团', name: '村道修缮', category: '基础设施', amount: 50.0, amount_unit: '万元', amount_yuan: 500000.0, year: 2023, village_uid: '310151102216', town_code: null}]
UNWIND $rows AS row
OPTIONAL MATCH (o:Organization {uid: row.org_uid})
OPTIONAL MATCH (v:Village {uid: row.village_uid})
OPTIONAL MATCH (t:Town {code: row.town_code})
WITH row, o, coalesce(v, t) AS recipient
CREATE (p:Project {uid: row.uid, name: row.name, category: row.category, amount: row.amount,
                   amount_unit: row.amount_unit, amount_yuan: row.amount_yuan, year: row.year,
                   source_id: $source_id, source_loc: row.source_loc, evidence: row.evidence,
                   method: row.method, confidence: row.confidence})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END |
  CREATE (o)-[:FUNDS {source_id: $source_id, source_loc: row.source_loc, evidence: row.evidence,
                      method: row.method, confidence: 1.0}]->(p))
FOREACH (_ IN CASE WHEN recipient IS NULL THEN [] ELSE [1] END |
  CREATE (p)-[:BENEFITS {source_id: $source_id, source_loc: row.source_loc, evidence: row.evidence,
                         method: row.method, confidence: row.confidence}]->(recipient))
