// Undo a planner's decision: a recorded pairing is removed; an ended pairing gets back the until it
// had before. The PlannerDecision stays, marked undone (who, when), as the record of what happened.
// Returns nothing when no decision has that uid or it was undone already.
// @param decision_uid STRING  the decision's uid ('decision:<uuid>')
// @param undone_by    STRING  who undid it
// @param undone_at    STRING  ISO timestamp
// :param decision_uid => 'decision:example'
// :param undone_by => '张三'
// :param undone_at => '2024-07-02T09:00:00+00:00'
MATCH (d:PlannerDecision {uid: $decision_uid})
WHERE d.undone_at IS NULL
CALL (d) {
  OPTIONAL MATCH ()-[r:PAIRED_WITH]->(:Village {uid: d.village_uid})
  WHERE d.action = 'pair' AND r.source_id = 'planner' AND r.source_loc = d.uid
  DELETE r
}
CALL (d) {
  OPTIONAL MATCH ()-[r:PAIRED_WITH]->(:Village {uid: d.village_uid})
  WHERE d.action = 'end' AND r.source_id = d.pairing_source_id AND r.source_loc = d.pairing_source_loc
    AND r.end_decision_uid = d.uid
  SET r.until = d.previous_until
  REMOVE r.ended_by, r.ended_at, r.end_note, r.end_decision_uid
}
SET d.undone_by = $undone_by, d.undone_at = $undone_at
RETURN d {.*} AS decision
