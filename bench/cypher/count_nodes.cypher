// Nodes in the bench database (a small graph is emptied through Cypher, a big one by removing the store).
MATCH (n)
RETURN count(n) AS n
