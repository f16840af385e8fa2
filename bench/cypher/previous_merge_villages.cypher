// The village merge of revkg's gazetteer loader before the bench work (commit 0488aca): one row per
// village, each looking its Town up. Kept so the benchmark measures before and after in the same run.
// @param rows LIST  maps {code, name, full_name, parent, kind}
// :param rows => [{code: '310151102216', name: '四滧村', full_name: '四滧村村委会', parent: '310151102', kind: 'village'}]
UNWIND $rows AS row
MERGE (v:Village {code: row.code})
ON CREATE SET v.uid = row.code, v.weak = false, v.weak_categories = []
SET v.name = row.name, v.full_name = row.full_name, v.kind = row.kind, v.resolved = true
WITH v, row
MATCH (t:Town {code: row.parent})
MERGE (v)-[:PART_OF]->(t)
