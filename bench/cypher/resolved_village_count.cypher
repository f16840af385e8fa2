// Villages the gazetteer loaded (resolved to an official code).
MATCH (v:Village)
WHERE v.resolved
RETURN count(v) AS n
