// Register load: leaders, (:Person)-[:HOLDS {role, since, until}]->(post). The post is the party
// organization when the row names one, else the village, else the unit, else the town.
// Persons, units and party organizations exist already (load/merge_register_persons,
// _organizations, _party_organizations; BELONGS_TO from load/merge_register_memberships).
// @param rows      LIST    maps {source_loc, evidence, method, confidence, person_uid, role, since, until, since_precision, until_precision, post_uid, village_uid, town_code}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:leaders.csv'
// :param rows => [{source_loc: 'sheet leaders!row 2', evidence: '姓名=张三; 职务=第一书记', method: 'register:code', confidence: 1.0, person_uid: 'person:张三@org:区农业农村委', role: '第一书记', since: date('2023-03-01'), until: null, since_precision: 'month', until_precision: null, post_uid: null, village_uid: '310151102216', town_code: null}]
UNWIND $rows AS row
MATCH (person:Person {uid: row.person_uid})
OPTIONAL MATCH (v:Village {uid: row.village_uid})
OPTIONAL MATCH (t:Town {code: row.town_code})
OPTIONAL MATCH (po:PartyOrganization {uid: row.post_uid})
OPTIONAL MATCH (o:Organization {uid: row.post_uid})
WITH row, person, coalesce(po, o, v, t) AS post
WHERE post IS NOT NULL
MERGE (person)-[h:HOLDS {source_id: $source_id, source_loc: row.source_loc}]->(post)
SET h.role = row.role, h.since = row.since, h.until = row.until, h.since_precision = row.since_precision, h.until_precision = row.until_precision,
    h.evidence = row.evidence, h.method = row.method, h.confidence = row.confidence
