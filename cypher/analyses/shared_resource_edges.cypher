// The projection the shared-resource clusters are found on (docs/analyses.md): the helpers paired
// with a village on a given date (optionally in one district), and for them one row per tie —
// 'pairing' (helper, village), 'project' (helper funding or village benefiting, project) and
// 'resource' (helper providing or village's project using, resource). Python builds the weighted
// graph from these rows and runs seeded Louvain.
// @param as_of    DATE    the day pairings are judged on; null means today
// @param district STRING  6-digit district code or name, or null for everywhere
// :param as_of => date('2024-06-30')
// :param district => '310151'
WITH coalesce(date($as_of), date()) AS day
MATCH (h)-[p:PAIRED_WITH]->(v:Village)-[:PART_OF*1..2]->(d:District)
WHERE (h:Organization OR h:PartyOrganization)
  AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
  AND ($district IS NULL OR d.code = $district OR d.name = $district)
OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
WITH DISTINCT coalesce(o, h) AS helper, v
WITH collect(DISTINCT helper) AS helpers, collect(DISTINCT v) AS villages, collect([helper, v]) AS pairs
CALL (helpers, villages, pairs) {
  UNWIND pairs AS pair
  RETURN 'pairing' AS kind, pair[0] AS member, pair[1] AS hub
  UNION
  UNWIND helpers AS helper
  MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)
  RETURN 'project' AS kind, helper AS member, pr AS hub
  UNION
  UNWIND helpers AS helper
  MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)-[:BENEFITS]->(x:Village)
  RETURN 'project' AS kind, x AS member, pr AS hub
  UNION
  UNWIND villages AS x
  MATCH (pr:Project)-[:BENEFITS]->(x)
  RETURN 'project' AS kind, x AS member, pr AS hub
  UNION
  UNWIND helpers AS helper
  MATCH (helper)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource)
  RETURN 'resource' AS kind, helper AS member, res AS hub
  UNION
  UNWIND villages AS x
  MATCH (pr:Project)-[:BENEFITS]->(x), (pr)-[:USES]->(res:Resource)
  RETURN 'resource' AS kind, x AS member, res AS hub
}
RETURN kind,
       member.uid AS member_uid, member.name AS member_name,
       CASE WHEN member:Village THEN 'Village' WHEN member:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS member_label,
       hub.uid AS hub_uid, hub.name AS hub_name, hub.category AS hub_category,
       CASE WHEN hub:Village THEN 'Village' WHEN hub:Project THEN 'Project' ELSE 'Resource' END AS hub_label
ORDER BY kind, member_uid, hub_uid
