// Mentions a person should look at: unresolved or ambiguous villages, fuzzy matches, low confidence.
// @param max_confidence FLOAT  mentions at or below this confidence are listed
// :param max_confidence => 0.7
MATCH (d:Document)-[m:MENTIONS]->(n)
WHERE (n:Village AND n.resolved = false) OR m.confidence <= $max_confidence OR m.method CONTAINS 'fuzzy'
OPTIONAL MATCH (decision:ReviewDecision {uid: m.review_key})
RETURN m.review_key AS key, m.surface AS surface, labels(n)[0] AS label, coalesce(n.code, n.uid) AS node,
       n.status AS status, n.candidate_codes AS candidates, m.method AS method, m.confidence AS confidence,
       d.uid AS document, m.source_loc AS source_loc, m.evidence AS evidence,
       decision.decided_code AS decided_code
ORDER BY document, m.start
