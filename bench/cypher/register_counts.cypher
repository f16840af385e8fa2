// What the register loads wrote, counted per kind (compared between revkg's loader and LOAD CSV).
CALL () { MATCH ()-[r:PAIRED_WITH]->() RETURN count(r) AS pairings }
CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
CALL () { MATCH (p:PartyOrganization) RETURN count(p) AS party_organizations }
CALL () { MATCH (:Village)-[r:DESIGNATED_AS]->() RETURN count(r) AS designations }
CALL () { MATCH (p:Project) RETURN count(p) AS projects }
CALL () { MATCH (:Person)-[h:HOLDS]->() RETURN count(h) AS holds }
CALL () { MATCH (v:Village {weak: true}) RETURN count(v) AS weak_villages }
RETURN *
