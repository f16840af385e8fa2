// Register load: the Document node for one register file; returns the checksum it had before.
// The loader compares that checksum with the file's: a changed file has its old facts removed first.
// @param uid     STRING  'register:<file name>'
// @param title   STRING  the file name
// @param path    STRING  where the file was read from
// @param sha256  STRING  the file's content hash
// :param uid => 'register:pairings.csv'
// :param title => 'pairings.csv'
// :param path => 'data/examples/pairings.csv'
// :param sha256 => '0000'
MERGE (d:Document {uid: $uid})
WITH d, d.sha256 AS previous
SET d.kind = 'register', d.title = $title, d.path = $path, d.sha256 = $sha256
RETURN previous
