// Nodes a register or report load creates; none means the graph holds the gazetteer only.
MATCH (n)
WHERE n:Organization OR n:PartyOrganization OR n:Person OR n:Project OR n:Document
RETURN count(n) AS n
