// PART_OF edges, and how many join a code to a prefix of itself (all of them, in a correct load).
MATCH (a)-[r:PART_OF]->(b)
RETURN count(r) AS n, sum(CASE WHEN b.code = left(a.code, size(b.code)) THEN 1 ELSE 0 END) AS nested
