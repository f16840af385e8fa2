// Full-text index over the names of everything a planner searches for (Chinese, CJK analyzer).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Province|City|District|Town|Village|Organization|PartyOrganization|Person|Project)
ON EACH [n.name, n.full_name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
