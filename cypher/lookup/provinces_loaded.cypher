// The provinces whose code table is in the graph (the place index for uploads covers these).
MATCH (p:Province)
RETURN p.code AS code
ORDER BY code
