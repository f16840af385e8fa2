// One village: its administrative path (to tell namesakes apart), weak designations, the helpers
// paired with it on a given date (a party organization shown with its unit), the projects that
// benefit it, and every fact about it with its source (the rows of entity_evidence.cypher).
// @param code  STRING  12-digit village code, or the uid of a village the code table lacks
// @param as_of DATE    the day pairings are judged on; null means today
// :param code => '310151102216'
// :param as_of => date('2024-06-30')
WITH coalesce(date($as_of), date()) AS day
CALL () { MATCH (n:Village {code: $code}) RETURN n UNION MATCH (n:Village {uid: $code}) RETURN n }
WITH day, n AS v
OPTIONAL MATCH (v)-[:PART_OF]->(t:Town)
OPTIONAL MATCH (v)-[:PART_OF*1..2]->(d:District)
OPTIONAL MATCH (d)-[:PART_OF]->(:City)-[:PART_OF]->(p:Province)
RETURN v.uid AS uid, v.code AS code, v.name AS name, v.full_name AS full_name, v.kind AS kind,
       v.resolved AS resolved, v.status AS status, t.code AS town_code, t.name AS town,
       d.code AS district_code, d.name AS district, p.name AS province,
       COLLECT { MATCH (v)-[w:DESIGNATED_AS]->(c:WeakCategory)
                 RETURN c {.name, year: w.year, source_id: w.source_id, evidence: w.evidence} } AS designations,
       coalesce(v.weak, false) OR EXISTS { (v)-[:DESIGNATED_AS]->(:WeakCategory) } AS weak,
       COLLECT { MATCH (h)-[pw:PAIRED_WITH]->(v)
                 WHERE (h:Organization OR h:PartyOrganization)
                   AND (pw.since IS NULL OR pw.since <= day) AND (pw.until IS NULL OR pw.until >= day)
                 OPTIONAL MATCH (h)-[:BELONGS_TO]->(o:Organization)
                 RETURN {uid: coalesce(o, h).uid, name: coalesce(o, h).name,
                         via: CASE WHEN o IS NULL THEN null ELSE h.name END,
                         since: pw.since, until: pw.until, source_id: pw.source_id,
                         source_loc: pw.source_loc, evidence: pw.evidence} } AS helpers,
       COLLECT { MATCH (pr:Project)-[:BENEFITS]->(v)
                 RETURN pr {.uid, .name, .category, .amount, .amount_unit, .amount_yuan, .year, .source_id} } AS projects,
       COLLECT { MATCH (v)-[r]-(other)
                 WHERE type(r) <> 'PART_OF'
                 RETURN {subject: v.name, subject_key: coalesce(v.code, v.uid), relationship: type(r),
                         direction: CASE WHEN startNode(r) = v THEN 'out' ELSE 'in' END,
                         other_label: labels(other)[0], other_key: coalesce(other.code, other.uid),
                         other_name: coalesce(other.name, other.title, other.metric),
                         since: r.since, until: r.until, since_precision: r.since_precision,
                         until_precision: r.until_precision, year: r.year, role: r.role, kind: r.kind,
                         source_id: r.source_id, source_loc: r.source_loc, evidence: r.evidence,
                         method: r.method, confidence: r.confidence} AS fact
                 ORDER BY fact.relationship, fact.other_key, fact.source_id, fact.source_loc } AS evidence
