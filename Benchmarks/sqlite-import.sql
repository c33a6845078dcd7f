PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
CREATE TABLE entities(id TEXT PRIMARY KEY, kind TEXT, name TEXT);
CREATE TABLE names(entity TEXT, name TEXT);
CREATE TABLE documents(id TEXT PRIMARY KEY, title TEXT, date TEXT, body TEXT);
CREATE TABLE statements(id TEXT PRIMARY KEY, doc TEXT, force TEXT, cue TEXT, cameo TEXT, content TEXT, date TEXT, quote TEXT, reported_by TEXT, mode TEXT);
CREATE TABLE speakers(statement TEXT, entity TEXT);
CREATE TABLE targets(statement TEXT, entity TEXT);
CREATE TABLE topics(statement TEXT, topic TEXT);
.mode csv
.import --skip 1 entities.csv entities
.import --skip 1 names.csv names
.import --skip 1 documents.csv documents
.import --skip 1 statements.csv statements
.import --skip 1 speakers.csv speakers
.import --skip 1 targets.csv targets
.import --skip 1 topics.csv topics
CREATE INDEX names_name ON names(name COLLATE NOCASE);
CREATE INDEX statements_force ON statements(force);
CREATE INDEX statements_date ON statements(date);
CREATE INDEX speakers_entity ON speakers(entity, statement);
CREATE INDEX speakers_statement ON speakers(statement);
CREATE INDEX targets_entity ON targets(entity, statement);
CREATE INDEX topics_topic ON topics(topic, statement);
