// Reports: the document itself (uid report:<file stem>), with its content hash and its text (personal
// numbers masked), which a review decision is applied to at once, without the file.
// @param rows LIST  maps {uid, title, path, sha256, text}
// :param rows => [{uid: 'report:000_9edabbf90e428618', title: '…', path: '/corpus/000.txt', sha256: 'ab12…', text: '…'}]
UNWIND $rows AS row
MERGE (d:Document {uid: row.uid})
SET d.kind = 'report', d.title = row.title, d.path = row.path, d.sha256 = row.sha256, d.text = row.text
