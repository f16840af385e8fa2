// Register load: the Document node for one register file; returns the checksum of its last complete load.
// The loader compares it with the file's: a changed file has its old facts removed first. The new
// checksum is stored only once the load finished (load/mark_document_loaded), so an interrupted load
// is redone in full next time.
// @param uid     STRING  'register:<file name>'
// @param title   STRING  the file name
// @param path    STRING  where the file was read from
// :param uid => 'register:pairings.csv'
// :param title => 'pairings.csv'
// :param path => 'data/examples/pairings.csv'
MERGE (d:Document {uid: $uid})
SET d.kind = 'register', d.title = $title, d.path = $path
RETURN d.sha256 AS previous
