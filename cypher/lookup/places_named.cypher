// Provinces, districts or towns a planner's word names: a code, a name (崇明区, 堡镇) or, when no
// code or name matches, a full name; more than one row means the name is ambiguous and the code
// must be given.
// @param value STRING  code or name
// @param level STRING  'province', 'district' or 'town'
// :param value => '堡镇'
// :param level => 'town'
// Codes and names are index seeks; the full-name scan only runs when they found nothing.
CALL () {
  MATCH (n:Province {code: $value}) WHERE $level = 'province' RETURN n
  UNION MATCH (n:Province {name: $value}) WHERE $level = 'province' RETURN n
  UNION MATCH (n:District {code: $value}) WHERE $level = 'district' RETURN n
  UNION MATCH (n:District {name: $value}) WHERE $level = 'district' RETURN n
  UNION MATCH (n:Town {code: $value}) WHERE $level = 'town' RETURN n
  UNION MATCH (n:Town {name: $value}) WHERE $level = 'town' RETURN n
}
WITH collect(n) AS found
CALL (found) {
  UNWIND found AS n RETURN n
  UNION
  WITH found WHERE size(found) = 0
  CALL () {
    MATCH (n:Province) WHERE $level = 'province' AND n.full_name = $value RETURN n
    UNION MATCH (n:District) WHERE $level = 'district' AND n.full_name = $value RETURN n
    UNION MATCH (n:Town) WHERE $level = 'town' AND n.full_name = $value RETURN n
  }
  RETURN n
}
OPTIONAL MATCH (n)-[:PART_OF]->(up)
OPTIONAL MATCH (up:City)-[:PART_OF]->(p:Province)
RETURN n.code AS code, n.name AS name, CASE WHEN n:District THEN p.name ELSE up.name END AS parent
ORDER BY code
