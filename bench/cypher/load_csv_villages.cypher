// Baseline: villages under their town, with revkg's short name (四滧村村委会 → 四滧村) and kind.
// @param url STRING  'file:///gazetteer/villages.csv'
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, trim(row.code) AS code, trim(row.name) AS full
  WITH row, code, full, toInteger(substring(code, 9, 3)) AS n,
       [s IN [['村民委员会', true], ['村委会', true], ['居民委员会', false], ['居委会', false], ['委员会', false]]
        WHERE full ENDS WITH s[0] AND size(full) > size(s[0])][0] AS suffix
  WITH row, code, full, n, suffix,
       CASE WHEN suffix IS NULL THEN full ELSE left(full, size(full) - size(suffix[0])) END AS base
  MERGE (v:Village {code: code})
  ON CREATE SET v.uid = code, v.weak = false, v.weak_categories = []
  SET v.name = CASE WHEN suffix IS NOT NULL AND suffix[1] AND NOT base ENDS WITH '村' THEN base + '村' ELSE base END,
      v.full_name = full,
      v.kind = CASE WHEN (200 <= n <= 399) OR (600 <= n <= 799) THEN 'village' ELSE 'community' END,
      v.resolved = true
  WITH v, row
  MATCH (t:Town {code: trim(row.streetCode)})
  MERGE (v)-[:PART_OF]->(t)
} IN TRANSACTIONS OF 10000 ROWS
