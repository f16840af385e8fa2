// The reports that mention a review key, with the text they were extracted from, so a decision on
// the key can be applied to them at once.
// @param key STRING  the mention key, e.g. '红星村@310151'
// :param key => '红星村@310151'
MATCH (d:Document)-[m:MENTIONS]->()
WHERE m.review_key = $key
RETURN DISTINCT d.uid AS uid, d.title AS title, d.path AS path, d.sha256 AS sha256, d.text AS text
ORDER BY uid
