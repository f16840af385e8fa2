// The server's today, read in its own transaction: the cheap validity check of the analyses kept per
// process (graph/records.py read_kept). The transaction's bookmark names the last transaction
// committed to the database, so a kept answer is served only while no write has committed since;
// the date keys the answers that judge coverage on "today".
RETURN date() AS today
