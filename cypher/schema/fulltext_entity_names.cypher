// Full-text index over the names of the helpers, party organizations, persons and projects an
// analyst looks for (Chinese, CJK analyzer): db.index.fulltext.queryNodes('entity_names', '农商银行').
// Places are left out: the code table's 665,000 names are found through GET /search (name, code,
// pinyin), and indexing them in Lucene made the national gazetteer load a third slower (bench/NOTES.md).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|PartyOrganization|Person|Project)
ON EACH [n.name, n.full_name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
