// Reports: persons and the role they hold in a unit, party organization, village or town.
// @param rows LIST  maps {uid, name, role, aff_uid, aff_code, source_id, source_loc, evidence, method, confidence}
// :param rows => [{uid: 'person:沈海峰@310116112216', name: '沈海峰', role: '党支部书记', aff_uid: '310116112216', aff_code: null, source_id: 'report:x', source_loc: 'chars 1-4', evidence: '…', method: 'role_then_name', confidence: 0.85}]
UNWIND $rows AS row
MERGE (person:Person {uid: row.uid})
SET person.name = row.name
WITH person, row
OPTIONAL MATCH (a:Organization|PartyOrganization|Village {uid: row.aff_uid})
OPTIONAL MATCH (b:Town|District {code: row.aff_code})
WITH person, row, coalesce(a, b) AS unit
WHERE unit IS NOT NULL
MERGE (person)-[r:HOLDS {source_id: row.source_id, source_loc: row.source_loc}]->(unit)
SET r.role = row.role, r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
