// Everything the graph knows about one village or helper, fact by fact with its evidence: every
// relationship but the administrative PART_OF, for an organization also those of its party
// organizations (which pair on its behalf), and where each fact came from.
// @param id STRING  village code or uid, or organization / party organization uid
// :param id => '310151102216'
CALL () {
  MATCH (n:Village {uid: $id}) RETURN n UNION MATCH (n:Village {code: $id}) RETURN n
  UNION MATCH (n:Organization {uid: $id}) RETURN n UNION MATCH (n:PartyOrganization {uid: $id}) RETURN n
}
WITH n, [n] + COLLECT { MATCH (n:Organization)<-[:BELONGS_TO]-(party:PartyOrganization) RETURN party } AS subjects
UNWIND subjects AS s
MATCH (s)-[r]-(other)
WHERE type(r) <> 'PART_OF'
RETURN s.name AS subject, coalesce(s.code, s.uid) AS subject_key, type(r) AS relationship,
       CASE WHEN startNode(r) = s THEN 'out' ELSE 'in' END AS direction,
       labels(other)[0] AS other_label, coalesce(other.code, other.uid) AS other_key,
       coalesce(other.name, other.title, other.metric) AS other_name,
       r.since AS since, r.until AS until, r.since_precision AS since_precision,
       r.until_precision AS until_precision, r.year AS year, r.role AS role, r.kind AS kind,
       r.source_id AS source_id, r.source_loc AS source_loc, r.evidence AS evidence,
       r.method AS method, r.confidence AS confidence
ORDER BY subject_key, relationship, other_key, source_id, source_loc
