// Names of provinces, cities and districts by code, for the console's breadcrumbs and the rows of
// its national and provincial overviews (coverage is counted per district and summed upwards).
// @param codes LIST  2-digit province, 4-digit city or 6-digit district codes
// :param codes => ['31', '3101', '310151']
UNWIND $codes AS code
CALL (code) {
  MATCH (n:Province {code: code}) RETURN n
  UNION MATCH (n:City {code: code}) RETURN n
  UNION MATCH (n:District {code: code}) RETURN n
}
RETURN n.code AS code, n.name AS name, labels(n)[0] AS label
ORDER BY code
