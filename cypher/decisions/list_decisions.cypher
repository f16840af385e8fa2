// Planners' decisions (pairings recorded or ended), newest first: all of them, or one village's.
// @param village STRING   12-digit village code or village uid; null for every village
// @param limit   INTEGER  the most decisions to return
// :param village => '310151103212'
// :param limit => 100
MATCH (d:PlannerDecision)
WHERE $village IS NULL OR d.village_code = $village OR d.village_uid = $village
RETURN d {.*} AS decision
ORDER BY d.decided_at DESC, d.uid
LIMIT $limit
