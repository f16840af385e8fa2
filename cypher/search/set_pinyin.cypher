// Write the pinyin of names (name_pinyin: sixiaocun, name_initials: sxc) computed by pypinyin.
// @param rows LIST  maps {id, pinyin, initials, name}
// :param rows => []
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET n.name_pinyin = row.pinyin, n.name_initials = row.initials, n.pinyin_of = row.name
