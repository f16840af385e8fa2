// The labels each named full-text index covers now (install_schema drops one whose labels changed).
// @param names LIST  index names, e.g. ['entity_names']
// :param names => ['entity_names']
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes
WHERE name IN $names
RETURN name, labelsOrTypes
