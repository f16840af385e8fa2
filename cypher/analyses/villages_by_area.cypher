// Villages (村委会, communities excluded) per province or per city, counted by the official code's
// prefix: the national and provincial overviews' denominator, without walking every district.
// Villages the code table lacks (no code) are not counted here.
// @param parent     STRING   '' for all of China, a 2-digit province code for its cities
// @param key_length INTEGER  2 to count per province, 4 per city
// :param parent => ''
// :param key_length => 2
MATCH (v:Village)
WHERE v.code STARTS WITH $parent
RETURN substring(v.code, 0, $key_length) AS code,
       count(CASE WHEN coalesce(v.kind, 'village') = 'village' THEN 1 END) AS villages
ORDER BY code
