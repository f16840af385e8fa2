// Register load: the units one register file names, each once (the loader dedupes them per file).
// Run before the fact queries, which only MATCH their endpoints: a MERGE per fact row would repeat
// the same seek and lock for every row of a unit, and a write before a read plans an Eager.
// @param rows LIST  maps {uid, name, kind}; name and kind are set only on a new node
// :param rows => [{uid: 'org:区农业农村委', name: '区农业农村委', kind: 'government'}]
UNWIND $rows AS row
MERGE (o:Organization {uid: row.uid})
ON CREATE SET o.name = row.name, o.kind = row.kind
