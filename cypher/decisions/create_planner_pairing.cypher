// A planner's decision that a helper is paired with a village from a date: the PAIRED_WITH edge
// carries its provenance (source_id 'planner', the decision as source_loc, who, when, the note),
// and a PlannerDecision node keeps the record so the decision can be listed and undone.
// Returns nothing when the helper or the village does not exist.
// @param decision_uid STRING  the new decision's uid ('decision:<uuid>')
// @param helper_uid   STRING  Organization or PartyOrganization uid (org:…, party:…)
// @param village      STRING  12-digit village code, or the uid of a village the code table lacks
// @param since        DATE    the first day of the pairing
// @param note         STRING  why (shown as the pairing's evidence)
// @param decided_by   STRING  who decided
// @param decided_at   STRING  ISO timestamp of the decision
// :param decision_uid => 'decision:example'
// :param helper_uid => 'org:崇明区民政局'
// :param village => '310151103212'
// :param since => date('2024-07-01')
// :param note => '区委组织部会议决定'
// :param decided_by => '张三'
// :param decided_at => '2024-07-01T09:00:00+00:00'
CALL () { MATCH (n:Organization {uid: $helper_uid}) RETURN n UNION MATCH (n:PartyOrganization {uid: $helper_uid}) RETURN n }
WITH n AS helper
CALL () { MATCH (v:Village {code: $village}) RETURN v UNION MATCH (v:Village {uid: $village}) RETURN v }
CREATE (helper)-[r:PAIRED_WITH {
  source_id: 'planner', source_loc: $decision_uid, since: date($since), until: null, kind: '结对帮扶',
  evidence: $note, method: 'planner', confidence: 1.0,
  decision_uid: $decision_uid, decided_by: $decided_by, decided_at: $decided_at, note: $note}]->(v)
CREATE (d:PlannerDecision {
  uid: $decision_uid, action: 'pair', helper_uid: helper.uid, helper: helper.name,
  village_uid: v.uid, village_code: v.code, village: v.name, day: date($since),
  pairing_source_id: 'planner', pairing_source_loc: $decision_uid,
  note: $note, decided_by: $decided_by, decided_at: $decided_at})
RETURN d {.*} AS decision
