"""Hostile statements for ``POST /cypher``: writes, schema and admin commands, procedures that write
or reach outside, and resource exhaustion. Each must be refused (4xx with a message) and leave the
database unchanged.

``kind`` says which guard is expected to stop it: ``plan`` (EXPLAIN: not a read, or a forbidden
operator/procedure), ``compile`` (the server refuses to plan it in a READ session), or ``limit``
(it is a read but must hit the timeout; row-capped reads are ``cap``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attack:
    name: str
    query: str
    kind: str = "refuse"  # refuse: any 4xx; limit: refused by the timeout; cap: answered, truncated


WRITES = [
    Attack("create node", "CREATE (:Intruder {name: 'x'})"),
    Attack("create and return", "CREATE (n:Intruder) RETURN n"),
    Attack("merge node", "MERGE (n:Intruder {name: 'x'}) RETURN n"),
    Attack("merge relationship", "MATCH (a:District), (b:District) WITH a, b LIMIT 1 MERGE (a)-[:OWNS]->(b)"),
    Attack("set property", "MATCH (v:Village) SET v.weak = true"),
    Attack("set labels", "MATCH (d:District) SET d:Hacked"),
    Attack("set map", "MATCH (d:District) SET d += {name: 'x'}"),
    Attack("delete relationships", "MATCH ()-[r:PART_OF]->() DELETE r"),
    Attack("detach delete", "MATCH (n) DETACH DELETE n"),
    Attack("remove property", "MATCH (d:District) REMOVE d.name"),
    Attack("remove label", "MATCH (d:District) REMOVE d:District"),
    Attack("foreach write", "MATCH (d:District) FOREACH (_ IN [1] | SET d.x = 1)"),
    Attack("write in a union", "MATCH (d:District) RETURN d.code AS c UNION CREATE (n:Intruder) RETURN 'x' AS c"),
    Attack("write in a subquery", "CALL () { CREATE (n:Intruder) RETURN n } RETURN count(*)"),
    Attack("write after WITH", "MATCH (d:District) WITH d LIMIT 1 CREATE (d)-[:X]->(:Intruder)"),
    Attack("write behind a comment", "MATCH (n) RETURN n LIMIT 1 // harmless\n;CREATE (:Intruder)"),
    Attack("two statements", "RETURN 1; CREATE (:Intruder)"),
    Attack(
        "in transactions", "UNWIND range(1, 10) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS OF 2 ROWS"
    ),
    Attack("in transactions delete", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"),
    Attack("lowercase create", "create (:Intruder)"),
    Attack("unicode escape in label", "CREATE (:`Intr\u00fcder`)"),
    Attack("set via parameter map", "MATCH (d:District {code: '310151'}) SET d = $props"),
]

SCHEMA = [
    Attack("create index", "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.name)"),
    Attack("drop constraint", "DROP CONSTRAINT village_code IF EXISTS"),
    Attack("create constraint", "CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Intruder) REQUIRE n.name IS UNIQUE"),
    Attack("drop index", "DROP INDEX village_name IF EXISTS"),
    Attack("create database", "CREATE DATABASE intruder"),
    Attack("create user", "CREATE USER intruder SET PASSWORD 'password1234'"),
    Attack("alter user", "ALTER USER neo4j SET PASSWORD 'changed-password'"),
    Attack("show users", "SHOW USERS"),
    Attack("terminate transactions", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"),
    Attack("show transactions (other sessions' queries)", "SHOW TRANSACTIONS"),
    Attack("show settings (server configuration)", "SHOW SETTINGS"),
    Attack("show transactions via yield", "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery"),
    Attack("stop database", "STOP DATABASE neo4j"),
]

PROCEDURES = [
    Attack("apoc.create.node", "CALL apoc.create.node(['Intruder'], {name: 'x'}) YIELD node RETURN node"),
    Attack(
        "apoc.create.setProperty", "MATCH (d:District) CALL apoc.create.setProperty(d, 'x', 1) YIELD node RETURN node"
    ),
    Attack("apoc.merge.node", "CALL apoc.merge.node(['Intruder'], {name: 'x'}) YIELD node RETURN node"),
    Attack("apoc.refactor.rename.label", "CALL apoc.refactor.rename.label('District', 'Gone')"),
    Attack(
        "apoc.refactor.mergeNodes",
        "MATCH (d:District) WITH collect(d) AS ds CALL apoc.refactor.mergeNodes(ds) YIELD node RETURN node",
    ),
    Attack(
        "apoc.periodic.iterate", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {batchSize: 100})"
    ),
    Attack(
        "apoc.periodic.commit",
        "CALL apoc.periodic.commit('MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*)', {limit: 100})",
    ),
    Attack("apoc.cypher.runWrite", "CALL apoc.cypher.runWrite('CREATE (:Intruder)', {})"),
    Attack(
        "apoc.cypher.doIt", "CALL apoc.cypher.doIt('CREATE (:Intruder) RETURN 1 AS x', {}) YIELD value RETURN value"
    ),
    Attack(
        "apoc.cypher.run (read wrapper)",
        "CALL apoc.cypher.run('MATCH (n) RETURN count(n) AS c', {}) YIELD value RETURN value",
    ),
    Attack("apoc.load.json", "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"),
    Attack("apoc.load.csv", "CALL apoc.load.csv('file:///etc/passwd') YIELD list RETURN list"),
    Attack("apoc.export.csv.all", "CALL apoc.export.csv.all('/tmp/dump.csv', {})"),
    Attack("apoc.export.json.all", "CALL apoc.export.json.all('dump.json', {})"),
    Attack("apoc.schema.assert", "CALL apoc.schema.assert({}, {}, true)"),
    Attack("apoc.trigger.add", "CALL apoc.trigger.add('t', 'MATCH (n) DETACH DELETE n', {phase: 'before'})"),
    Attack("apoc.util.sleep", "CALL apoc.util.sleep(60000)"),
    Attack("apoc.atomic.add", "MATCH (d:District) CALL apoc.atomic.add(d, 'x', 1) YIELD newValue RETURN newValue"),
    Attack(
        "apoc.nodes.delete",
        "MATCH (d:District) WITH collect(d) AS ds CALL apoc.nodes.delete(ds, 10) YIELD value RETURN value",
    ),
    Attack("apoc.systemdb.execute", "CALL apoc.systemdb.execute('SHOW USERS')"),
    Attack("dbms.listConfig", "CALL dbms.listConfig()"),
    Attack("dbms.setConfigValue", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"),
    Attack("dbms.killTransaction-era call", "CALL dbms.listConnections()"),
    Attack("dbms.security.createUser", "CALL dbms.security.createUser('x', 'password1234', false)"),
    Attack("db.createLabel", "CALL db.createLabel('Intruder')"),
    Attack("db.createProperty", "CALL db.createProperty('intruder')"),
    Attack("db.clearQueryCaches", "CALL db.clearQueryCaches()"),
    Attack("db.index.fulltext.createNodeIndex", "CALL db.index.fulltext.createNodeIndex('x', ['Village'], ['name'])"),
    Attack("load csv file", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"),
    Attack("load csv http", "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row"),
    Attack("load csv in subquery", "CALL () { LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l } RETURN l"),
    Attack(
        "procedure in a subquery",
        "MATCH (d:District) CALL (d) { CALL apoc.create.addLabels(d, ['X']) YIELD node RETURN node } RETURN count(*)",
    ),
]

EXHAUSTION = [
    # count(*) over a bare cartesian product comes from the count store; a predicate forces the work.
    Attack(
        "cartesian blow-up",
        "MATCH (a:Village), (b:Village), (c:Village) WHERE a.name + b.name = c.name RETURN count(*)",
        kind="limit",
    ),
    Attack("unbounded var-length path", "MATCH p = (a:Village)-[*]-(b:Village) RETURN count(p)", kind="limit"),
    Attack(
        "all shortest paths across everything",
        "MATCH (a:Village), (b:Village) WHERE a <> b MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p)",
        kind="limit",
    ),
    Attack("huge range", "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(i)", kind="limit"),
    Attack("huge collect", "UNWIND range(1, 100000000) AS i RETURN size(collect(toString(i)))", kind="limit"),
    Attack("row flood", "UNWIND range(1, 10000000) AS i RETURN i", kind="cap"),
    Attack("cartesian rows", "MATCH (a:Village), (b:Village) RETURN a.code, b.code", kind="cap"),
]

ATTACKS: list[Attack] = WRITES + SCHEMA + PROCEDURES + EXHAUSTION
