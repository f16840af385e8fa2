// Finds the villages a source named but the code table lacks (for review).
CREATE INDEX village_resolved IF NOT EXISTS FOR (v:Village) ON (v.resolved)
