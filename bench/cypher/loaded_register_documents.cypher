// The register files whose every row is written (their Document carries the file's hash): the plan
// phase loads only the workload files not among them.
MATCH (d:Document)
WHERE d.uid STARTS WITH 'register:' AND d.sha256 IS NOT NULL
RETURN collect(substring(d.uid, 9)) AS names
