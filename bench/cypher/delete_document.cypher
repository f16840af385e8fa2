// Delete a register's Document node once its facts are gone (register_pairings.py without --keep).
// @param uid STRING  'register:<file name>'
MATCH (d:Document {uid: $uid})
DELETE d
