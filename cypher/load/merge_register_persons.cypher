// Register load: the persons a leaders register names, each once (deduped per file).
// @param rows LIST  maps {uid, name}; name is set only on a new node
// :param rows => [{uid: 'person:张三@org:区农业农村委', name: '张三'}]
UNWIND $rows AS row
MERGE (p:Person {uid: row.uid})
ON CREATE SET p.name = row.name
