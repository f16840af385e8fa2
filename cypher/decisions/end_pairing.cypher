// A planner's decision that a pairing ends on a date: sets `until` on the one PAIRED_WITH edge into
// the village that has this source (register row, report characters or an earlier decision),
// keeping the until it had so the decision can be undone, and records a PlannerDecision.
// Returns nothing when no such pairing exists.
// @param decision_uid STRING  the new decision's uid ('decision:<uuid>')
// @param village      STRING  12-digit village code or village uid
// @param source_id    STRING  the pairing's source_id ('register:…', 'report:…', 'planner')
// @param source_loc   STRING  the pairing's source_loc ('sheet 结对!row 2', 'chars 1-9', 'decision:…')
// @param until        DATE    the last day of the pairing
// @param note         STRING  why
// @param decided_by   STRING  who decided
// @param decided_at   STRING  ISO timestamp of the decision
// :param decision_uid => 'decision:example-end'
// :param village => '310151102216'
// :param source_id => 'register:chongming-pairings.xlsx'
// :param source_loc => 'sheet 结对!row 2'
// :param until => date('2024-12-31')
// :param note => '期满'
// :param decided_by => '张三'
// :param decided_at => '2024-07-01T09:00:00+00:00'
CALL () { MATCH (v:Village {code: $village}) RETURN v UNION MATCH (v:Village {uid: $village}) RETURN v }
MATCH (helper)-[r:PAIRED_WITH]->(v)
WHERE r.source_id = $source_id AND r.source_loc = $source_loc
WITH helper, r, v LIMIT 1
CREATE (d:PlannerDecision {
  uid: $decision_uid, action: 'end', helper_uid: helper.uid, helper: helper.name,
  village_uid: v.uid, village_code: v.code, village: v.name, day: date($until),
  pairing_source_id: r.source_id, pairing_source_loc: r.source_loc, previous_until: r.until,
  note: $note, decided_by: $decided_by, decided_at: $decided_at})
SET r.until = date($until), r.ended_by = $decided_by, r.ended_at = $decided_at, r.end_note = $note,
    r.end_decision_uid = $decision_uid
RETURN d {.*} AS decision
