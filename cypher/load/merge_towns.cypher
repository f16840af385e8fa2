// Gazetteer load: towns, townships and street offices (9-digit codes) under their district.
// @param rows LIST  maps {code, name, full_name, parent, kind}
// :param rows => [{code: '310151102', name: '堡镇', full_name: '堡镇', parent: '310151', kind: 'town'}]
UNWIND $rows AS row
MERGE (t:Town {code: row.code})
SET t.name = row.name, t.full_name = row.full_name, t.kind = row.kind
WITH t, row
MATCH (d:District {code: row.parent})
MERGE (t)-[:PART_OF]->(d)
