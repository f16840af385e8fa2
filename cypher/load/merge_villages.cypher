// Gazetteer load: villages and communities (12-digit codes) under their town.
// Rows come grouped by town, so a batch looks each Town up once rather than once per village.
// Weak-village designations set by registers are kept (coalesce), so re-loading the gazetteer is safe.
// @param rows LIST  maps {town, villages: [{code, name, full_name, kind}]}
// :param rows => [{town: '310151102', villages: [{code: '310151102216', name: '四滧村', full_name: '四滧村村委会', kind: 'village'}]}]
UNWIND $rows AS group
OPTIONAL MATCH (t:Town {code: group.town})
UNWIND group.villages AS row
MERGE (v:Village {code: row.code})
ON CREATE SET v.uid = row.code, v.weak = false, v.weak_categories = []
SET v.name = row.name, v.full_name = row.full_name, v.kind = row.kind, v.resolved = true
WITH v, t WHERE t IS NOT NULL
MERGE (v)-[:PART_OF]->(t)
