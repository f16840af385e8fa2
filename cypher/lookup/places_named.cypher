// Districts or towns a planner's word names: a code, a name (崇明区, 堡镇) or a full name; more than
// one row means the name is ambiguous and the code must be given.
// @param value STRING  code or name
// @param level STRING  'district' or 'town'
// :param value => '堡镇'
// :param level => 'town'
CALL () {
  MATCH (n:District) WHERE $level = 'district' AND $value IN [n.code, n.name, n.full_name]
  MATCH (n)-[:PART_OF]->(:City)-[:PART_OF]->(p:Province)
  RETURN n.code AS code, n.name AS name, p.name AS parent
  UNION
  MATCH (n:Town) WHERE $level = 'town' AND $value IN [n.code, n.name, n.full_name]
  MATCH (n)-[:PART_OF]->(d:District)
  RETURN n.code AS code, n.name AS name, d.name AS parent
}
RETURN code, name, parent ORDER BY code
