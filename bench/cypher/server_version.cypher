// The Neo4j kernel's version and edition, for the result file.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS v, edition
