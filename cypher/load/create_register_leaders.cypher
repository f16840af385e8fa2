// Register load, new or changed file: leaders' posts, (:Person)-[:HOLDS]->(post). Twin of
// load/merge_register_leaders, which an unchanged file's reload runs instead.
// MERGE, not CREATE, although the file's old facts were just deleted: two loads of the same file at
// once (an upload started twice) both find it new, and only MERGE, which locks both ends before it
// creates a relationship, keeps one edge per register row. ON CREATE SET: nothing to update here.
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
MERGE (person)-[r:HOLDS {source_id: $source_id, source_loc: row.source_loc}]->(post)
ON CREATE SET r.role = row.role, r.since = row.since, r.until = row.until, r.since_precision = row.since_precision, r.until_precision = row.until_precision, r.evidence = row.evidence,
              r.method = row.method, r.confidence = row.confidence
