// The managed instance's identity, written at its first start (graph/server.py): one node per id.
CREATE CONSTRAINT revkg_instance_id IF NOT EXISTS FOR (i:RevkgInstance) REQUIRE i.id IS UNIQUE
