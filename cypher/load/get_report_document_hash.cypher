// The stored content hash of a document, to skip unchanged re-loads.
// @param uid STRING  the Document.uid
// :param uid => 'report:000_9edabbf90e428618'
MATCH (d:Document {uid: $uid})
RETURN d.sha256 AS sha256
