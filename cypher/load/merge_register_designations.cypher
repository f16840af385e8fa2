// Register load: weak-village designations, (:Village)-[:DESIGNATED_AS {year}]->(:WeakCategory),
// and the Village.weak / weak_categories of the villages in the batch recomputed from all their
// designations (load/refresh_village_weak is then needed only after designations were removed).
// @param rows      LIST    maps {source_loc, evidence, method, confidence, village_uid, category, year}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:weak.csv'
// :param rows => [{source_loc: 'sheet weak!row 2', evidence: '村=四滧村; 类别=经济薄弱村', method: 'register:code', confidence: 1.0, village_uid: '310151102216', category: '经济薄弱村', year: 2023}]
UNWIND $rows AS row
MATCH (v:Village {uid: row.village_uid})
MERGE (c:WeakCategory {name: row.category})
MERGE (v)-[r:DESIGNATED_AS {source_id: $source_id, source_loc: row.source_loc}]->(c)
SET r.year = row.year, r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
WITH DISTINCT v
// Lock the village before reading its designations: another load's batch designating it at the same
// time would otherwise compute the list without this batch's edge and overwrite it (a lost update).
SET v.weak_lock = true
REMOVE v.weak_lock
WITH v
CALL (v) {
  OPTIONAL MATCH (v)-[:DESIGNATED_AS]->(c:WeakCategory)
  WITH c ORDER BY c.name
  RETURN collect(DISTINCT c.name) AS categories
}
SET v.weak = size(categories) > 0, v.weak_categories = categories
