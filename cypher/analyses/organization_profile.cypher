// One helper unit: its party organizations, the villages and towns it (or a party organization of
// it) is paired with on a given date, the projects it funds and the resources it provides.
// @param uid   STRING  organization or party organization uid (org:…, party:…)
// @param as_of DATE    the day pairings are judged on; null means today
// :param uid => 'org:崇明区民政局'
// :param as_of => date('2024-06-30')
WITH coalesce(date($as_of), date()) AS day
CALL () { MATCH (n:Organization {uid: $uid}) RETURN n UNION MATCH (n:PartyOrganization {uid: $uid}) RETURN n }
WITH day, n AS o
OPTIONAL MATCH (d:District {code: o.district_code})
RETURN o.uid AS uid, o.name AS name, o.kind AS kind,
       CASE WHEN o:Organization THEN 'Organization' ELSE 'PartyOrganization' END AS label,
       o.district_code AS district_code, d.name AS district,
       COLLECT { MATCH (o)<-[:BELONGS_TO]-(party:PartyOrganization) RETURN party {.uid, .name, .level} } AS party_organizations,
       COLLECT { MATCH (o)<-[:BELONGS_TO*0..1]-(x)-[pw:PAIRED_WITH]->(r)
                 WHERE (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
                 OPTIONAL MATCH (r)-[:PART_OF*0..1]->(t:Town)
                 RETURN {key: coalesce(r.code, r.uid), name: r.name, label: labels(r)[0], town: t.name,
                         weak: coalesce(r.weak, false) OR EXISTS { (r)-[:DESIGNATED_AS]->() },
                         via: CASE WHEN x = o THEN null ELSE x.name END, since: pw.since, until: pw.until,
                         source_id: pw.source_id, source_loc: pw.source_loc, evidence: pw.evidence} } AS pairings,
       COLLECT { MATCH (o)<-[:BELONGS_TO*0..1]-()-[:FUNDS]->(pr:Project)
                 RETURN DISTINCT pr {.uid, .name, .category, .amount, .amount_unit, .amount_yuan, .year, .source_id} } AS projects,
       COLLECT { MATCH (o)<-[:BELONGS_TO*0..1]-()-[:PROVIDES]->(res:Resource) RETURN DISTINCT res.category } AS resources
