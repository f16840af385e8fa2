// Whether the database holds any node at all: the offline importer may only build an empty graph.
RETURN EXISTS { MATCH (n) } AS any
