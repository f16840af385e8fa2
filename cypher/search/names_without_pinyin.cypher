// Searchable nodes whose pinyin is missing or stale (written for a different name), a batch at a time.
// @param batch INTEGER  the most nodes to return
// :param batch => 1000
MATCH (n:Village|Town|District|Organization|PartyOrganization)
WHERE n.pinyin_of IS NULL OR n.pinyin_of <> n.name
RETURN elementId(n) AS id, n.name AS name
LIMIT $batch
