// Register load: which of the official codes a register resolved to have no node in the graph yet
// (the gazetteer for that province was not loaded), so their rows are reported instead of lost.
// @param codes LIST  12-digit village or 9-digit town codes
// :param codes => ['310151102216', '310151105']
UNWIND $codes AS code
OPTIONAL MATCH (v:Village {uid: code})
OPTIONAL MATCH (t:Town {code: code})
WITH code WHERE v IS NULL AND t IS NULL
RETURN collect(code) AS missing
