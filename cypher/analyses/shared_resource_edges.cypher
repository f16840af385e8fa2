// The project and resource ties of the shared-resource projection (docs/analyses.md), for the
// helpers and villages shared_resource_pairings.cypher found: 'project' (helper funding or village
// benefiting, project) and 'resource' (helper providing or village's project using, resource).
// A village benefiting from a helper's project joins as a member. Python builds the weighted graph
// from these rows and the pairings, and runs seeded Leiden.
// @param helpers  LIST  uids of the helpers (Organization or PartyOrganization)
// @param villages LIST  uids of the villages
// :param helpers => ['org:崇明区民政局', 'org:上海农商银行崇明支行']
// :param villages => ['310151102216', '310151102214']
CALL () {
  UNWIND $helpers AS uid
  CALL (uid) {
    MATCH (helper:Organization {uid: uid}) RETURN helper
    UNION
    MATCH (helper:PartyOrganization {uid: uid}) RETURN helper
  }
  CALL (helper) {
    MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)
    RETURN DISTINCT 'project' AS kind, helper AS member, pr AS hub
    UNION
    MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)-[:BENEFITS]->(x:Village)
    RETURN DISTINCT 'project' AS kind, x AS member, pr AS hub
    UNION
    MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource)
    RETURN DISTINCT 'resource' AS kind, helper AS member, res AS hub
  }
  RETURN kind, member, hub
  UNION ALL
  UNWIND $villages AS uid
  MATCH (x:Village {uid: uid})
  CALL (x) {
    MATCH (pr:Project)-[:BENEFITS]->(x)
    RETURN DISTINCT 'project' AS kind, x AS member, pr AS hub
    UNION
    MATCH (pr:Project)-[:BENEFITS]->(x), (pr)-[:USES]->(res:Resource)
    RETURN DISTINCT 'resource' AS kind, x AS member, res AS hub
  }
  RETURN kind, member, hub
}
RETURN kind,
       member.uid AS member_uid, member.name AS member_name,
       CASE WHEN member:Village THEN 'Village' WHEN member:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS member_label,
       hub.uid AS hub_uid, hub.name AS hub_name, hub.category AS hub_category,
       CASE WHEN hub:Project THEN 'Project' ELSE 'Resource' END AS hub_label
