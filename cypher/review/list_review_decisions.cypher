// Every recorded review decision, for loaders to apply.
MATCH (r:ReviewDecision)
RETURN r.uid AS uid, r.decided_code AS decided_code
