// An analyst's first read-only query: the example the API docs show for POST /cypher.
MATCH (v:Village {weak: true}) RETURN v.name LIMIT 10
