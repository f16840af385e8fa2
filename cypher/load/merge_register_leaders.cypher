// Register load: leaders, (:Person)-[:HOLDS {role, since, until}]->(post). The post is the party
// organization when the row names one, else the village, else the unit, else the town.
// A named party organization BELONGS_TO the row's village, else its unit. Person uid: name@affiliation.
// @param rows      LIST    maps {source_loc, evidence, method, confidence, person_uid, person_name, role, since, until, org_uid, org_name, org_kind, party_uid, party_name, party_level, party_parent_uid, post_uid, village_uid, town_code}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:leaders.csv'
// :param rows => [{source_loc: 'sheet leaders!row 2', evidence: '姓名=张三; 职务=第一书记', method: 'register:code', confidence: 1.0, person_uid: 'person:张三@org:区农业农村委', person_name: '张三', role: '第一书记', since: date('2023-01-01'), until: null, org_uid: 'org:区农业农村委', org_name: '区农业农村委', org_kind: 'government', party_uid: null, party_name: null, party_level: null, party_parent_uid: null, post_uid: null, village_uid: '310151102216', town_code: null}]
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.org_uid IS NOT NULL
  MERGE (o:Organization {uid: row.org_uid})
  ON CREATE SET o.name = row.org_name, o.kind = row.org_kind
}
CALL (row) {
  WITH row WHERE row.party_uid IS NOT NULL
  MERGE (p:PartyOrganization {uid: row.party_uid})
  ON CREATE SET p.name = row.party_name, p.level = row.party_level
}
CALL (row) {
  WITH row WHERE row.party_uid IS NOT NULL AND row.party_parent_uid IS NOT NULL
  MATCH (p:PartyOrganization {uid: row.party_uid})
  OPTIONAL MATCH (pv:Village {uid: row.party_parent_uid})
  OPTIONAL MATCH (po:Organization {uid: row.party_parent_uid})
  WITH p, row, coalesce(pv, po) AS parent
  WHERE parent IS NOT NULL
  MERGE (p)-[b:BELONGS_TO {source_id: $source_id, source_loc: row.source_loc}]->(parent)
  SET b.evidence = row.evidence, b.method = row.method, b.confidence = row.confidence
}
MERGE (person:Person {uid: row.person_uid})
ON CREATE SET person.name = row.person_name
WITH row, person
OPTIONAL MATCH (v:Village {uid: row.village_uid})
OPTIONAL MATCH (t:Town {code: row.town_code})
OPTIONAL MATCH (po:PartyOrganization {uid: row.post_uid})
OPTIONAL MATCH (o:Organization {uid: row.post_uid})
WITH row, person, coalesce(po, o, v, t) AS post
WHERE post IS NOT NULL
MERGE (person)-[h:HOLDS {source_id: $source_id, source_loc: row.source_loc}]->(post)
SET h.role = row.role, h.since = row.since, h.until = row.until,
    h.evidence = row.evidence, h.method = row.method, h.confidence = row.confidence
