// Villages per kind, and how many of each are marked not weak.
MATCH (v:Village)
RETURN v.kind AS kind, count(*) AS n, sum(CASE WHEN v.weak = false THEN 1 ELSE 0 END) AS not_weak
