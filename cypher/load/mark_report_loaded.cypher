// Reports: record (or clear) the content hash of a document. A re-load skips a document whose stored
// hash equals the file's, so the hash is cleared before its facts are replaced and set again only
// once every batch is written: a load killed half-way is redone in full.
// @param uid     STRING  the Document.uid
// @param sha256  STRING  the file's content hash, or null to clear it
// :param uid => 'report:000_9edabbf90e428618'
// :param sha256 => null
MATCH (d:Document {uid: $uid})
SET d.sha256 = $sha256
