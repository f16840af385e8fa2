// Remove what the LOAD CSV baseline wrote: its pairing and membership edges first.
MATCH ()-[r:PAIRED_WITH|BELONGS_TO {method: 'load_csv'}]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
