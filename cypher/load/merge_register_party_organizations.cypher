// Register load: the party organizations one register file names, each once (deduped per file).
// @param rows LIST  maps {uid, name, level}; name and level are set only on a new node
// :param rows => [{uid: 'party:区农业农村委机关党支部', name: '区农业农村委机关党支部', level: 'branch'}]
UNWIND $rows AS row
MERGE (p:PartyOrganization {uid: row.uid})
ON CREATE SET p.name = row.name, p.level = row.level
