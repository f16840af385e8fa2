// Register load, new or changed file: weak-village designations, created without looking for an
// existing edge (the file's old facts were just deleted); the batch's villages then get Village.weak
// and weak_categories recomputed from all their designations. Twin of load/merge_register_designations.
// @param rows      LIST    maps {source_loc, evidence, method, confidence, village_uid, category, year}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:weak.csv'
// :param rows => [{source_loc: 'sheet weak!row 2', evidence: '村=四滧村; 类别=经济薄弱村', method: 'register:code', confidence: 1.0, village_uid: '310151102216', category: '经济薄弱村', year: 2023}]
UNWIND $rows AS row
MATCH (v:Village {uid: row.village_uid})
MERGE (c:WeakCategory {name: row.category})
CREATE (v)-[:DESIGNATED_AS {source_id: $source_id, source_loc: row.source_loc, year: row.year,
                            evidence: row.evidence, method: row.method, confidence: row.confidence}]->(c)
WITH DISTINCT v
CALL (v) {
  OPTIONAL MATCH (v)-[:DESIGNATED_AS]->(c:WeakCategory)
  WITH c ORDER BY c.name
  RETURN collect(DISTINCT c.name) AS categories
}
SET v.weak = size(categories) > 0, v.weak_categories = categories
