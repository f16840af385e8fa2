// Villages a source named and placed in a district or town that the code table lacks (no code),
// per province or per city of the district they lie in: the overviews' 待核实村名, counted apart
// from the coded villages. Starts from the unresolved villages (the resolved index), a few hundred.
// @param parent     STRING   '' for all of China, a 2-digit province code for its cities
// @param key_length INTEGER  2 to count per province, 4 per city
// :param parent => ''
// :param key_length => 2
MATCH (v:Village {resolved: false})-[:PART_OF*1..2]->(d:District)
WHERE v.code IS NULL AND d.code STARTS WITH $parent
RETURN substring(d.code, 0, $key_length) AS code, count(DISTINCT v) AS unresolved_villages
ORDER BY code
