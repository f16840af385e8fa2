// Baseline: districts and counties under their city.
// @param url STRING  'file:///gazetteer/areas.csv'
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (d:District {code: trim(row.code)})
  SET d.name = trim(row.name), d.full_name = trim(row.name)
  WITH d, row
  MATCH (c:City {code: trim(row.cityCode)})
  MERGE (d)-[:PART_OF]->(c)
} IN TRANSACTIONS OF 10000 ROWS
