// Register load: pairings. The helper is the unit (Organization) or, when the register says its
// party organization pairs, the PartyOrganization; the recipient is a Village (uid) or a Town (code).
// Helpers exist already (load/merge_register_organizations, _party_organizations), so this only
// matches endpoints; the composite index on (source_id, source_loc) finds an existing edge.
// @param rows      LIST    maps {source_loc, evidence, method, confidence, helper_uid, village_uid, town_code, since, until, since_precision, until_precision, programme, kind}
// @param source_id STRING  the Document.uid, 'register:<file name>'
// :param source_id => 'register:pairings.csv'
// :param rows => [{source_loc: 'sheet pairings!row 2', evidence: '帮扶单位=区农业农村委', method: 'register:code', confidence: 1.0, helper_uid: 'org:区农业农村委', village_uid: '310151102216', town_code: null, since: date('2023-03-01'), until: null, since_precision: 'month', until_precision: null, programme: '第三轮', kind: '结对帮扶'}]
UNWIND $rows AS row
OPTIONAL MATCH (ho:Organization {uid: row.helper_uid})
OPTIONAL MATCH (hp:PartyOrganization {uid: row.helper_uid})
OPTIONAL MATCH (v:Village {uid: row.village_uid})
OPTIONAL MATCH (t:Town {code: row.town_code})
WITH row, coalesce(ho, hp) AS helper, coalesce(v, t) AS recipient
WHERE helper IS NOT NULL AND recipient IS NOT NULL
MERGE (helper)-[r:PAIRED_WITH {source_id: $source_id, source_loc: row.source_loc}]->(recipient)
SET r.since = row.since, r.until = row.until, r.since_precision = row.since_precision, r.until_precision = row.until_precision, r.programme = row.programme, r.kind = row.kind,
    r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
