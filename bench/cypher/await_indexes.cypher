// Wait until every index is online (after installing the schema).
// @param timeout_s INTEGER  seconds to wait at most
CALL db.awaitIndexes($timeout_s)
