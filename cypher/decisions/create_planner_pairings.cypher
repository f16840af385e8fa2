// Planners' decisions that several helpers are paired with several villages from a date, accepted
// together (a pairing plan): each row gets the PAIRED_WITH edge and the PlannerDecision of
// create_planner_pairing, all sharing one batch uid. A row whose helper or village does not exist
// returns no decision; a row whose helper (or its unit, or a party organization of it) is paired
// with the village on that day already returns `conflict` and writes nothing. The caller rolls the
// whole transaction back when any row did not go in.
// @param rows       LIST    maps {decision_uid, helper_uid, village}: village is a code or uid
// @param batch_uid  STRING  the uid shared by the decisions taken together ('plan:<uuid>')
// @param since      DATE    the first day of the pairings
// @param note       STRING  why, and the plan's parameters
// @param decided_by STRING  who decided
// @param decided_at STRING  ISO timestamp of the decision
// :param rows => [{decision_uid: 'decision:example-1', helper_uid: 'org:崇明区教育局', village: '310151102217'}]
// :param batch_uid => 'plan:example'
// :param since => date('2024-07-01')
// :param note => '结对方案'
// :param decided_by => '张三'
// :param decided_at => '2024-07-01T09:00:00+00:00'
UNWIND $rows AS row
OPTIONAL CALL (row) {
  MATCH (n:Organization {uid: row.helper_uid}) RETURN n
  UNION MATCH (n:PartyOrganization {uid: row.helper_uid}) RETURN n
}
OPTIONAL CALL (row) {
  MATCH (v:Village {code: row.village}) RETURN v
  UNION MATCH (v:Village {uid: row.village}) RETURN v
}
OPTIONAL MATCH (n)-[:BELONGS_TO]->(unit:Organization)
WITH row, n AS helper, v, coalesce(unit, n) AS unit
WITH row, helper, v, EXISTS {
  MATCH (unit)<-[:BELONGS_TO*0..1]-(x)-[p:PAIRED_WITH]->(v)
  WHERE (p.since IS NULL OR p.since <= date($since)) AND (p.until IS NULL OR p.until >= date($since))
} AS conflict
OPTIONAL CALL (row, helper, v, conflict) {
  WITH row, helper, v WHERE helper IS NOT NULL AND v IS NOT NULL AND NOT conflict
  CREATE (helper)-[:PAIRED_WITH {
    source_id: 'planner', source_loc: row.decision_uid, since: date($since), until: null, kind: '结对帮扶',
    evidence: $note, method: 'planner', confidence: 1.0,
    decision_uid: row.decision_uid, decided_by: $decided_by, decided_at: $decided_at, note: $note}]->(v)
  CREATE (d:PlannerDecision {
    uid: row.decision_uid, action: 'pair', helper_uid: helper.uid, helper: helper.name,
    village_uid: v.uid, village_code: v.code, village: v.name, day: date($since),
    pairing_source_id: 'planner', pairing_source_loc: row.decision_uid, batch_uid: $batch_uid,
    note: $note, decided_by: $decided_by, decided_at: $decided_at})
  RETURN d {.*} AS decision
}
RETURN row.helper_uid AS helper_uid, row.village AS village, helper.name AS helper, helper IS NOT NULL AND v IS NOT NULL AS found,
       conflict, decision
