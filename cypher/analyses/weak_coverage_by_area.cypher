// Weak villages, and those with a helper in force on a given date, per province, city or district,
// grouped by the official code's prefix: the overviews' numerators. Starts from the weak villages
// (the weak index, and the villages a designation names), so it never reads the others.
// A pairing is in force when (since IS NULL OR since <= day) AND (until IS NULL OR until >= day).
// @param as_of      DATE     the day coverage is judged on; null means today
// @param parent     STRING   '' for all of China, a 2-digit province or 4-digit city code
// @param key_length INTEGER  2 to count per province, 4 per city, 6 per district (the coverage map)
// :param as_of => date('2024-06-30')
// :param parent => ''
// :param key_length => 2
WITH coalesce(date($as_of), date()) AS day
CALL () {
  MATCH (v:Village {weak: true}) RETURN v
  UNION
  MATCH (v:Village)-[:DESIGNATED_AS]->(:WeakCategory) RETURN v
}
WITH day, v
WHERE v.code STARTS WITH $parent
WITH substring(v.code, 0, $key_length) AS code,
     EXISTS { MATCH (h)-[p:PAIRED_WITH]->(v)
              WHERE (h:Organization OR h:PartyOrganization)
                AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day) } AS paired
RETURN code, count(*) AS weak_villages, count(CASE WHEN paired THEN 1 END) AS paired_weak_villages
ORDER BY code
