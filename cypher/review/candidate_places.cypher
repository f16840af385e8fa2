// The villages a review item offers as candidates, each with its town and district, so a person can
// tell namesakes apart without looking codes up.
// @param codes LIST  12-digit village codes
// :param codes => ['310151109203', '310151110201']
UNWIND $codes AS code
MATCH (v:Village {code: code})
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
OPTIONAL MATCH (v)-[:PART_OF*1..2]->(d:District)
RETURN v.code AS code, v.name AS name, t.name AS town, d.name AS district
