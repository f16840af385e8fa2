// Which of the given keys name an entity the paths analysis can start from (code or uid).
// @param keys LIST  village codes/uids, helper/person/project/resource uids, town/district codes
// :param keys => ['310151102216', 'org:崇明区民政局']
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Village {uid: key}) RETURN n UNION MATCH (n:Village {code: key}) RETURN n
  UNION MATCH (n:Organization {uid: key}) RETURN n UNION MATCH (n:PartyOrganization {uid: key}) RETURN n
  UNION MATCH (n:Person {uid: key}) RETURN n UNION MATCH (n:Project {uid: key}) RETURN n
  UNION MATCH (n:Resource {uid: key}) RETURN n
  UNION MATCH (n:Town {code: key}) RETURN n UNION MATCH (n:District {code: key}) RETURN n
}
RETURN DISTINCT key
