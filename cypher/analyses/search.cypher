// Find villages, towns, districts, organizations and party organizations by Chinese name or part
// of it, by code or code prefix, or by pinyin (whole, huayuancun, or initials, hyc), each with its
// administrative path (上海市 / 崇明区 / 堡镇) so namesakes can be told apart.
// Pinyin needs name_pinyin / name_initials, which graph/search.py writes on first pinyin search.
// @param q     STRING   what the person typed: 四滧, 四滧村, 310151102216, huayuan, hyc
// @param limit INTEGER  the most results to return
// :param q => '新建村'
// :param limit => 20
WITH toLower(trim($q)) AS q
CALL (q) {
  MATCH (n:Village)
  WHERE n.name CONTAINS q OR n.full_name CONTAINS q OR n.code STARTS WITH q
     OR n.name_pinyin STARTS WITH q OR n.name_initials STARTS WITH q
  RETURN n LIMIT 500
  UNION
  MATCH (n:Town)
  WHERE n.name CONTAINS q OR n.code STARTS WITH q OR n.name_pinyin STARTS WITH q OR n.name_initials STARTS WITH q
  RETURN n LIMIT 200
  UNION
  MATCH (n:District)
  WHERE n.name CONTAINS q OR n.code STARTS WITH q OR n.name_pinyin STARTS WITH q OR n.name_initials STARTS WITH q
  RETURN n LIMIT 50
  UNION
  MATCH (n:Organization|PartyOrganization)
  WHERE n.name CONTAINS q OR n.uid = q OR n.name_pinyin STARTS WITH q OR n.name_initials STARTS WITH q
  RETURN n LIMIT 200
}
WITH n, CASE
  WHEN q IN [n.name, n.full_name, n.code, n.uid, n.name_pinyin] THEN 3
  WHEN n.name STARTS WITH q OR n.name_pinyin STARTS WITH q THEN 2
  ELSE 1 END AS score
CALL (n) {
  OPTIONAL MATCH (anchor:District {code: n.district_code})
  WITH coalesce(anchor, n) AS start
  OPTIONAL MATCH p = (start)-[:PART_OF*0..4]->(top)
  WHERE NOT EXISTS { (top)-[:PART_OF]->() }
  RETURN [x IN reverse(nodes(p)) WHERE x <> n AND x.name <> '市辖区' | x.name] AS path
}
RETURN labels(n)[0] AS label, coalesce(n.code, n.uid) AS key, n.name AS name, n.full_name AS full_name,
       path, score
ORDER BY score DESC, size(n.name), key
LIMIT $limit
