// Naive baseline: the hundred helpers paired with the most villages today.
MATCH (h:Organization)-[p:PAIRED_WITH]->(v:Village)
WHERE p.until IS NULL OR p.until >= date()
RETURN h.uid AS uid, count(DISTINCT v) AS villages
ORDER BY villages DESC
LIMIT 100
