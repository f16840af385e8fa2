// The helper with the most pairings in a district (the console phase opens its page).
// @param d STRING  6-digit district code
MATCH (h:Organization)-[:PAIRED_WITH]->(:Village)-[:PART_OF*1..2]->(:District {code: $d})
RETURN h.uid AS uid, count(*) AS n
ORDER BY n DESC, uid
LIMIT 1
