// Counts and name lengths of one administrative level: two loads of the same table must agree.
// @param label STRING  Province, City, District, Town or Village
MATCH (n:$($label))
RETURN count(n) AS n, sum(size(n.name) + size(n.full_name)) AS chars,
       count(n.kind) AS kinds, collect(DISTINCT n.kind) AS kind_values
