// The code table's units in the graph, per province and level. A unit counts only when it hangs
// under its parent (PART_OF), so one written without its edge counts as missing and a re-load adds it.
// Villages count when they came from the code table (resolved), not the unresolved names reports leave.
// @param provinces LIST  2-digit province codes, or null for every province
// :param provinces => ['31', '35']
CALL () {
  MATCH (p:Province)
  RETURN p.code AS province, 'province' AS level, count(p) AS loaded
  UNION ALL
  MATCH (c:City)-[:PART_OF]->(:Province)
  RETURN substring(c.code, 0, 2) AS province, 'city' AS level, count(c) AS loaded
  UNION ALL
  MATCH (d:District)-[:PART_OF]->(:City)
  RETURN substring(d.code, 0, 2) AS province, 'district' AS level, count(d) AS loaded
  UNION ALL
  MATCH (t:Town)-[:PART_OF]->(:District)
  RETURN substring(t.code, 0, 2) AS province, 'town' AS level, count(t) AS loaded
  UNION ALL
  MATCH (v:Village)-[:PART_OF]->(:Town)
  WHERE v.resolved
  RETURN substring(v.code, 0, 2) AS province, 'village' AS level, count(v) AS loaded
}
WITH province, level, loaded
WHERE $provinces IS NULL OR province IN $provinces
RETURN province, level, loaded
ORDER BY province, level
