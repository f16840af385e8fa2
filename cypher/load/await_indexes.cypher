// Wait until every index and constraint is online (after creating them on a loaded graph).
// @param timeout_s INTEGER  seconds to wait at most
// :param timeout_s => 300
CALL db.awaitIndexes($timeout_s)
