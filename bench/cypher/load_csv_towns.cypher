// Baseline: towns under their district; kind from the name's suffix, else the code's digits 7-9.
// @param url STRING  'file:///gazetteer/streets.csv'
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, trim(row.code) AS code, trim(row.name) AS name
  WITH row, code, name, toInteger(substring(code, 6, 3)) AS n
  MERGE (t:Town {code: code})
  SET t.name = name, t.full_name = name,
      t.kind = CASE
        WHEN name ENDS WITH '街道' THEN 'street' WHEN name ENDS WITH '镇' THEN 'town'
        WHEN name ENDS WITH '乡' THEN 'township' WHEN n < 100 THEN 'street' WHEN n < 200 THEN 'town'
        WHEN n < 400 THEN 'township' ELSE 'other' END
  WITH t, row
  MATCH (d:District {code: trim(row.areaCode)})
  MERGE (t)-[:PART_OF]->(d)
} IN TRANSACTIONS OF 10000 ROWS
