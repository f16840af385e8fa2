// Register load, new or changed file: projects, (helper)-[:FUNDS]->(:Project)-[:BENEFITS]->(:Village|:Town).
// Twin of load/merge_register_projects. The helper exists already (load/merge_register_organizations).
// MERGE, not CREATE, although the file's old facts were just deleted: two loads of the same file at
// once (an upload started twice) both find it new, and only MERGE, which locks both ends before it
// creates a relationship, keeps one edge per register row. ON CREATE SET: nothing to update here.
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
ON CREATE SET p.name = row.name, p.category = row.category, p.amount = row.amount, p.amount_unit = row.amount_unit,
              p.amount_yuan = row.amount_yuan, p.year = row.year, p.source_id = $source_id,
              p.source_loc = row.source_loc, p.evidence = row.evidence, p.method = row.method,
              p.confidence = row.confidence
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END |
  MERGE (o)-[f:FUNDS {source_id: $source_id, source_loc: row.source_loc}]->(p)
  ON CREATE SET f.evidence = row.evidence, f.method = row.method, f.confidence = 1.0)
FOREACH (_ IN CASE WHEN recipient IS NULL THEN [] ELSE [1] END |
  MERGE (p)-[b:BENEFITS {source_id: $source_id, source_loc: row.source_loc}]->(recipient)
  ON CREATE SET b.evidence = row.evidence, b.method = row.method, b.confidence = row.confidence)
