// Baseline: a generated pairings register loaded the way an analyst would by hand with LOAD CSV.
// Codes are matched directly; rows without a code match village, town and district by name (first
// match, no ambiguity check); a row without a village pairs the town. No validation, no rejects.
// @param url  STRING  'file:///registers/pairings_31.csv' (under the server's import folder)
// @param sid  STRING  the Document uid the facts are attributed to
// @param sheet STRING  the sheet name used in source_loc (the file stem)
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, 'sheet ' + $sheet + '!row ' + toString(toInteger(row.`序号`) + 1) AS loc,
       reduce(s = '', k IN keys(row) | CASE WHEN coalesce(row[k], '') = '' THEN s ELSE s + k + '=' + row[k] + '; ' END) AS evidence
  MERGE (o:Organization {uid: 'org:' + row.`帮扶单位`})
  ON CREATE SET o.name = row.`帮扶单位`
  WITH row, loc, evidence, o
  CALL (row, o, loc, evidence) {
    WITH row, o, loc, evidence WHERE coalesce(row.`党组织`, '') <> ''
    MERGE (p:PartyOrganization {uid: 'party:' + row.`党组织`})
    ON CREATE SET p.name = row.`党组织`
    MERGE (p)-[b:BELONGS_TO {source_id: $sid, source_loc: loc}]->(o)
    SET b.evidence = evidence, b.method = 'load_csv', b.confidence = 1.0
    RETURN p
    UNION
    WITH row WHERE coalesce(row.`党组织`, '') = ''
    RETURN null AS p
  }
  CALL (row) {
    WITH row WHERE coalesce(row.`村代码`, '') <> ''
    MATCH (v:Village {code: row.`村代码`})
    RETURN v AS recipient
    UNION
    WITH row WHERE coalesce(row.`村代码`, '') = '' AND coalesce(row.`村`, '') <> ''
    MATCH (v:Village {name: row.`村`})-[:PART_OF]->(:Town {name: row.`镇`})-[:PART_OF]->(:District {name: row.`区`})
    RETURN v AS recipient LIMIT 1
    UNION
    WITH row WHERE coalesce(row.`村代码`, '') = '' AND coalesce(row.`村`, '') = ''
    MATCH (t:Town {name: row.`镇`})-[:PART_OF]->(:District {name: row.`区`})
    RETURN t AS recipient LIMIT 1
  }
  WITH row, loc, evidence, recipient, CASE WHEN row.`结对主体` = '党组织' AND p IS NOT NULL THEN p ELSE o END AS helper
  MERGE (helper)-[r:PAIRED_WITH {source_id: $sid, source_loc: loc}]->(recipient)
  SET r.since = CASE WHEN coalesce(row.`开始日期`, '') = '' THEN null ELSE date(row.`开始日期`) END,
      r.until = CASE WHEN coalesce(row.`结束日期`, '') = '' THEN null ELSE date(row.`结束日期`) END,
      r.programme = row.`轮次`, r.kind = row.`结对形式`, r.evidence = evidence,
      r.method = 'load_csv', r.confidence = 1.0
} IN TRANSACTIONS OF 10000 ROWS
