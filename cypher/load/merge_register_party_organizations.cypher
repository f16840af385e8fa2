// Register load: the party organizations one register file names, each once (deduped per file).
// @param rows LIST  maps {uid, name, level}; name is set only on a new node
// :param rows => [{uid: 'party:区农业农村委机关党支部', name: '区农业农村委机关党支部', level: 'branch'}]
// Level rule, the same in merge_report_party_orgs: a specific level (committee, general_branch,
// branch, group) is never replaced by 'other' or null; otherwise the latest load's level wins.
UNWIND $rows AS row
MERGE (p:PartyOrganization {uid: row.uid})
ON CREATE SET p.name = row.name
SET p.level = CASE WHEN row.level IS NULL OR (row.level = 'other' AND p.level IS NOT NULL) THEN p.level
                   ELSE row.level END
