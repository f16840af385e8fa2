// The pairings the shared-resource clusters start from (docs/analyses.md): each helper paired with
// villages on a given date in one district, one province or all of China, a party organization
// counted as its unit; one row per helper. shared_resource_hubs.cypher then adds the helpers' and villages' project
// and resource ties; Python builds the weighted graph and runs seeded Leiden.
// @param as_of    DATE    the day pairings are judged on; null means today
// @param province STRING  2-digit province code, or null
// @param district STRING  6-digit district code, or null (the narrower scope wins)
// :param as_of => date('2024-06-30')
// :param province => null
// :param district => '310151'
WITH coalesce(date($as_of), date()) AS day,
     // each scope is reached through index seeks: a branch whose key is null seeks nothing
     CASE WHEN $district IS NULL THEN $province END AS province,
     CASE WHEN $district IS NULL AND $province IS NULL THEN [true] ELSE [] END AS everywhere
CALL (province, everywhere) {
  MATCH (v:Village)-[:PART_OF*1..2]->(scope:District {code: $district})
  USING INDEX scope:District(code)
  RETURN v
  UNION
  MATCH (v:Village)-[:PART_OF*1..2]->(:District)-[:PART_OF]->(:City)-[:PART_OF]->(scope:Province {code: province})
  USING INDEX scope:Province(code)
  RETURN v
  UNION
  UNWIND everywhere AS all
  MATCH (v:Village) WHERE EXISTS { (v)<-[:PAIRED_WITH]-() }
  RETURN v
}
MATCH (h)-[p:PAIRED_WITH]->(v)
WHERE (h:Organization OR h:PartyOrganization)
  AND (p.since IS NULL OR p.since <= day) AND (p.until IS NULL OR p.until >= day)
OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
WITH DISTINCT coalesce(o, h) AS helper, v
// one row per helper with its villages: a national read is ~130,000 rows instead of ~1,000,000
RETURN helper.uid AS member_uid, helper.name AS member_name,
       CASE WHEN helper:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS member_label,
       collect(v.uid) AS village_uids, collect(v.name) AS village_names
