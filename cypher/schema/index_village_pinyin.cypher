// Pinyin search over village names (name_pinyin STARTS WITH …), written by graph/search.py.
CREATE INDEX village_name_pinyin IF NOT EXISTS FOR (v:Village) ON (v.name_pinyin)
