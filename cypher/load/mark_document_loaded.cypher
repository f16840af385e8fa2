// Registers and reports: record (or clear) the content hash of a source file's Document once all its
// rows are written. A re-load compares the file's hash with it: the report loader skips an unchanged
// document, the register loader replaces a changed file's facts. It is set only at the very end, so a
// load killed half-way is redone in full; reports clear it first, before replacing a document's facts.
// @param uid     STRING  the Document.uid: 'register:<file name>' or 'report:<id>'
// @param sha256  STRING  the file's content hash, or null to clear it
// :param uid => 'register:pairings.csv'
// :param sha256 => '0000'
MATCH (d:Document {uid: $uid})
SET d.sha256 = $sha256
