// Gazetteer load: cities (4-digit codes) and their PART_OF edge to the province.
// @param rows LIST  maps {code, name, full_name, parent}
// :param rows => [{code: '3101', name: '市辖区', full_name: '上海市市辖区', parent: '31'}]
UNWIND $rows AS row
MERGE (c:City {code: row.code})
SET c.name = row.name, c.full_name = row.full_name
WITH c, row
MATCH (p:Province {code: row.parent})
MERGE (c)-[:PART_OF]->(p)
