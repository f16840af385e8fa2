// The project and resource hubs of the shared-resource projection (docs/analyses.md), for the
// helpers and villages shared_resource_pairings.cypher found: one row per hub with the members it
// ties. A project ties the helpers funding it (directly or through their party organization) and
// the villages it benefits; a resource ties the helpers providing it and the villages whose projects
// use it. A village benefiting from a helper's project joins as a member. One row per hub, not one per
// member and hub: nationally 296,779 rows instead of 850,486, each hub's name read once. Python
// builds the weighted graph from these rows and the pairings, and runs seeded Leiden.
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
WITH kind, hub, collect(DISTINCT member) AS members
// the helpers among the members are all in $helpers, so the caller has their names already
RETURN kind, hub.uid AS hub_uid, hub.name AS hub_name,
       [m IN members WHERE NOT m:Village | m.uid] AS helper_uids,
       [m IN members WHERE m:Village | m.uid] AS village_uids,
       [m IN members WHERE m:Village | m.name] AS village_names
