// Baseline: cities; municipalities' 市辖区/县 get the province's name in full_name, as revkg does.
// @param url STRING  'file:///gazetteer/cities.csv'
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (p:Province {code: trim(row.provinceCode)})
  MERGE (c:City {code: trim(row.code)})
  SET c.name = trim(row.name),
      c.full_name = CASE WHEN trim(row.name) IN ['市辖区', '县'] THEN p.name + trim(row.name) ELSE trim(row.name) END
  MERGE (c)-[:PART_OF]->(p)
} IN TRANSACTIONS OF 10000 ROWS
