// Delete the sampled villages before the per-row neomodel saves write them again.
// @param codes LIST  12-digit village codes
MATCH (v:Village)
WHERE v.code IN $codes
DETACH DELETE v
