// The pairing into a village that one source recorded (register row, report characters or a
// planner's decision): who, and from when to when — what a planner ends.
// @param village    STRING  12-digit village code or village uid
// @param source_id  STRING  the pairing's source_id
// @param source_loc STRING  the pairing's source_loc
// :param village => '310151102216'
// :param source_id => 'register:chongming-pairings.xlsx'
// :param source_loc => 'sheet 结对!row 2'
CALL () { MATCH (v:Village {code: $village}) RETURN v UNION MATCH (v:Village {uid: $village}) RETURN v }
MATCH (helper)-[r:PAIRED_WITH]->(v)
WHERE r.source_id = $source_id AND r.source_loc = $source_loc
RETURN helper.uid AS helper_uid, helper.name AS helper, r.since AS since, r.until AS until
LIMIT 1
