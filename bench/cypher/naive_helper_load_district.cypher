// Naive baseline: the hundred helpers paired today with the most villages of one district.
// @param district STRING  6-digit district code
// :param district => '310151'
MATCH (:District {code: $district})<-[:PART_OF*1..2]-(v:Village)<-[p:PAIRED_WITH]-(h:Organization)
WHERE p.until IS NULL OR p.until >= date()
RETURN h.uid AS uid, count(DISTINCT v) AS villages
ORDER BY villages DESC
LIMIT 100
