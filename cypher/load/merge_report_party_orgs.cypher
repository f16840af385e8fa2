// Reports: party organizations and what they belong to (a unit by uid, a village by uid, a town by code).
// @param rows LIST  maps {uid, name, level, owner_uid, owner_code, source_id, source_loc, evidence, method, confidence}
// :param rows => [{uid: 'party:310151102216:党支部', name: '四滧村党支部', level: 'branch', owner_uid: '310151102216', owner_code: null, source_id: 'report:x', source_loc: 'chars 1-7', evidence: '…', method: 'party_org_of_place', confidence: 0.9}]
// Level rule, the same in merge_register_party_organizations: a specific level (committee,
// general_branch, branch, group) is never replaced by 'other' or null; otherwise the latest load's
// level wins. (A pairing names its helper party organization with level 'other'.)
UNWIND $rows AS row
MERGE (p:PartyOrganization {uid: row.uid})
ON CREATE SET p.name = row.name
SET p.level = CASE WHEN row.level IS NULL OR (row.level = 'other' AND p.level IS NOT NULL) THEN p.level
                   ELSE row.level END
WITH p, row
OPTIONAL MATCH (a:Organization|Village {uid: row.owner_uid})
OPTIONAL MATCH (b:Town {code: row.owner_code})
WITH p, row, coalesce(a, b) AS owner
WHERE owner IS NOT NULL
MERGE (p)-[r:BELONGS_TO {source_id: row.source_id, source_loc: row.source_loc}]->(owner)
SET r.evidence = row.evidence, r.method = row.method, r.confidence = row.confidence
