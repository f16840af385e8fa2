// How two entities are connected: the shortest paths between them (at most 6 hops) that skip the
// administrative spine (PART_OF), the weak-category hubs (DESIGNATED_AS) and report mentions
// (MENTIONS), each relationship with its evidence.
// @param source    STRING   village code/uid, organization/party organization/person/project/resource uid, or town/district code
// @param target    STRING   the other entity, identified the same way
// @param max_paths INTEGER  how many shortest paths to return
// :param source => 'org:崇明区民政局'
// :param target => '310151102216'
// :param max_paths => 5
CALL () {
  MATCH (n:Village {uid: $source}) RETURN n UNION MATCH (n:Village {code: $source}) RETURN n
  UNION MATCH (n:Organization {uid: $source}) RETURN n UNION MATCH (n:PartyOrganization {uid: $source}) RETURN n
  UNION MATCH (n:Person {uid: $source}) RETURN n UNION MATCH (n:Project {uid: $source}) RETURN n
  UNION MATCH (n:Resource {uid: $source}) RETURN n
  UNION MATCH (n:Town {code: $source}) RETURN n UNION MATCH (n:District {code: $source}) RETURN n
}
WITH n AS a
CALL () {
  MATCH (n:Village {uid: $target}) RETURN n UNION MATCH (n:Village {code: $target}) RETURN n
  UNION MATCH (n:Organization {uid: $target}) RETURN n UNION MATCH (n:PartyOrganization {uid: $target}) RETURN n
  UNION MATCH (n:Person {uid: $target}) RETURN n UNION MATCH (n:Project {uid: $target}) RETURN n
  UNION MATCH (n:Resource {uid: $target}) RETURN n
  UNION MATCH (n:Town {code: $target}) RETURN n UNION MATCH (n:District {code: $target}) RETURN n
}
WITH a, n AS b
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) IN ['PART_OF', 'DESIGNATED_AS', 'MENTIONS', 'CLAIMS'])
WITH p LIMIT $max_paths
RETURN length(p) AS hops,
       [x IN nodes(p) | {label: labels(x)[0], key: coalesce(x.code, x.uid), name: x.name}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: coalesce(startNode(r).code, startNode(r).uid),
         end: coalesce(endNode(r).code, endNode(r).uid), since: r.since, until: r.until,
         source_id: r.source_id, source_loc: r.source_loc, evidence: r.evidence}] AS relationships,
       p AS path
