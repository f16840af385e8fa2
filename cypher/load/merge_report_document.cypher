// Reports: the document itself (uid report:<file stem>), with its content hash.
// @param rows LIST  maps {uid, title, path, sha256}
// :param rows => [{uid: 'report:000_9edabbf90e428618', title: '…', path: '/corpus/000.txt', sha256: 'ab12…'}]
UNWIND $rows AS row
MERGE (d:Document {uid: row.uid})
SET d.kind = 'report', d.title = row.title, d.path = row.path, d.sha256 = row.sha256
