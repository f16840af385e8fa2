// Reports: units (organs, street offices, enterprises, schools …) by normalised-name uid.
// @param rows LIST  maps {uid, name, kind, district_code}
// :param rows => [{uid: 'org:静安寺街道', name: '静安寺街道', kind: 'street_office', district_code: '310106'}]
UNWIND $rows AS row
MERGE (o:Organization {uid: row.uid})
ON CREATE SET o.name = row.name
SET o.kind = coalesce(o.kind, row.kind), o.district_code = coalesce(o.district_code, row.district_code)
