// Gazetteer load: districts and counties (6-digit codes) and their PART_OF edge to the city.
// @param rows LIST  maps {code, name, full_name, parent}
// :param rows => [{code: '310151', name: '崇明区', full_name: '崇明区', parent: '3101'}]
UNWIND $rows AS row
MERGE (d:District {code: row.code})
SET d.name = row.name, d.full_name = row.full_name
WITH d, row
MATCH (c:City {code: row.parent})
MERGE (d)-[:PART_OF]->(c)
