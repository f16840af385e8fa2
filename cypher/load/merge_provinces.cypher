// Gazetteer load: provinces (2-digit codes). Used by loaders/gazetteer.py, one batch per call.
// @param rows LIST  maps {code, name, full_name}
// :param rows => [{code: '31', name: '上海市', full_name: '上海市'}]
UNWIND $rows AS row
MERGE (p:Province {code: row.code})
SET p.name = row.name, p.full_name = row.full_name
