// Remove what the LOAD CSV baseline wrote: then its units and party organizations.
MATCH (n)
WHERE n:Organization OR n:PartyOrganization
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS
