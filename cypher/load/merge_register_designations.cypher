// Register load: weak-village designations, (:Village)-[:DESIGNATED_AS {year}]->(:WeakCategory).
// Run load/refresh_village_weak afterwards to recompute Village.weak and weak_categories.
// @param rows      LIST    maps {source_loc, evidence, method, confidence, village_uid, category, year}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:weak.csv'
// :param rows => [{source_loc: 'sheet weak!row 2', evidence: '村=四滧村; 类别=经济薄弱村', method: 'register:code', confidence: 1.0, village_uid: '310151102216', category: '经济薄弱村', year: 2023}]
UNWIND $rows AS row
MATCH (v:Village {uid: row.village_uid})
MERGE (c:WeakCategory {name: row.category})
MERGE (v)-[r:DESIGNATED_AS {source_id: $source_id, source_loc: row.source_loc}]->(c)
SET r.year = row.year, r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
