// The titles of reports by their document uid, so a source reads as the report's title rather than
// its file name (the console's "来源" cells).
// @param uids LIST  document uids of reports ('report:<file stem>')
// :param uids => ['report:000_9edabbf90e428618']
MATCH (d:Document)
WHERE d.uid IN $uids AND d.kind = 'report' AND d.title IS NOT NULL AND d.title <> ''
RETURN d.uid AS uid, d.title AS title
