// The area a pairing plan is made for: a district, city or province named by its code or its name,
// with the codes of the districts it holds. More than one row means the name is ambiguous (give the code).
// @param value STRING  6-digit district, 4-digit city or 2-digit province code, or the name
// :param value => '崇明区'
CALL () {
  MATCH (n:District {code: $value}) RETURN n
  UNION MATCH (n:District {name: $value}) RETURN n
  UNION MATCH (n:City {code: $value}) RETURN n
  UNION MATCH (n:City {name: $value}) RETURN n
  UNION MATCH (n:Province {code: $value}) RETURN n
  UNION MATCH (n:Province {name: $value}) RETURN n
}
CALL (n) {
  MATCH (d:District)-[:PART_OF*0..2]->(n)
  RETURN collect(DISTINCT d.code) AS districts
}
RETURN CASE WHEN n:District THEN 'district' WHEN n:City THEN 'city' ELSE 'province' END AS level,
       n.code AS code, n.name AS name, districts
ORDER BY code
