// The first fifty villages of a district, by code (a fallback when every weak village is paired).
// @param d STRING  6-digit district code
MATCH (v:Village)-[:PART_OF]->(:Town)-[:PART_OF]->(:District {code: $d})
RETURN v.code AS code
ORDER BY code
LIMIT 50
