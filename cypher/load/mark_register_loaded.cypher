// Register load: record the checksum of a register file once all its rows are written.
// @param uid     STRING  'register:<file name>'
// @param sha256  STRING  the file's content hash
// :param uid => 'register:pairings.csv'
// :param sha256 => '0000'
MATCH (d:Document {uid: $uid})
SET d.sha256 = $sha256
