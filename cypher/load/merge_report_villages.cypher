// Reports: villages the code table lacks or that stay ambiguous, as unresolved Village nodes
// (uid built from the place the text gives plus the name), PART_OF that place (town or district).
// @param rows LIST  maps {uid, name, status, candidate_codes, part_of}
// :param rows => [{uid: 'village:310116:方盈村', name: '方盈村', status: 'unknown', candidate_codes: [], part_of: '310116'}]
UNWIND $rows AS row
MERGE (v:Village {uid: row.uid})
ON CREATE SET v.weak = false, v.weak_categories = []
SET v.name = row.name, v.resolved = false, v.status = row.status, v.candidate_codes = row.candidate_codes
WITH v, row
OPTIONAL MATCH (p:Town|District {code: row.part_of})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (v)-[:PART_OF]->(p))
