// A person's decision on a mention (key = surface@scope code): the code chosen, or null for "not in the code table".
// @param uid STRING  the mention key, e.g. '红星村@310151'
// @param surface STRING  the name as written
// @param scope_code STRING  the place the name was read in
// @param decided_code STRING  the official code chosen, or null
// @param note STRING  why
// @param decided_at STRING  ISO timestamp
// @param decided_by STRING  who decided (the API key's user; null from the command line)
// :param uid => '红星村@310151'
MERGE (r:ReviewDecision {uid: $uid})
SET r.surface = $surface, r.scope_code = $scope_code, r.decided_code = $decided_code, r.note = $note,
    r.decided_at = $decided_at, r.decided_by = $decided_by
RETURN r.uid AS uid
