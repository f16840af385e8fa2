// Baseline: the gazetteer's provinces as an analyst would load them by hand with LOAD CSV.
// @param url STRING  'file:///gazetteer/provinces.csv' (under the server's import folder)
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (p:Province {code: trim(row.code)})
  SET p.name = trim(row.name), p.full_name = trim(row.name)
} IN TRANSACTIONS OF 10000 ROWS
