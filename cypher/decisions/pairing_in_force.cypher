// Whether a helper (directly or through one of its party organizations, or the unit a party
// organization belongs to) is already paired with a village on a given day: a second identical
// decision is a conflict, not a new fact.
// @param helper_uid STRING  Organization or PartyOrganization uid
// @param village    STRING  12-digit village code or village uid
// @param day        DATE    the day judged
// :param helper_uid => 'org:崇明区民政局'
// :param village => '310151102216'
// :param day => date('2024-06-30')
CALL () { MATCH (v:Village {code: $village}) RETURN v UNION MATCH (v:Village {uid: $village}) RETURN v }
MATCH (h {uid: $helper_uid})
WHERE h:Organization OR h:PartyOrganization
OPTIONAL MATCH (h)-[:BELONGS_TO]->(unit:Organization)
WITH v, coalesce(unit, h) AS unit
MATCH (unit)<-[:BELONGS_TO*0..1]-(x)-[p:PAIRED_WITH]->(v)
WHERE (p.since IS NULL OR p.since <= date($day)) AND (p.until IS NULL OR p.until >= date($day))
RETURN x.name AS helper, p.source_id AS source_id, p.source_loc AS source_loc
LIMIT 1
