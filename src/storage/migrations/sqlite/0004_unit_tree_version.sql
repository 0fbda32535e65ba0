-- A number that changes whenever units or unit_lineage change. The app keeps the unit tree in memory
-- between transactions (storage/unit_tree_cache.h) and reads it again only when this number differs.
-- Random 64-bit values, so a rolled-back change never hands out a number that a later change reuses.
-- PostgreSQL twin: postgresql/0004_unit_tree_version.sql.

CREATE TABLE unit_tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO unit_tree_version (id, version) VALUES (1, random());

CREATE TRIGGER units_tree_version_insert AFTER INSERT ON units
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
CREATE TRIGGER units_tree_version_update AFTER UPDATE ON units
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
CREATE TRIGGER units_tree_version_delete AFTER DELETE ON units
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
CREATE TRIGGER unit_lineage_tree_version_insert AFTER INSERT ON unit_lineage
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
CREATE TRIGGER unit_lineage_tree_version_update AFTER UPDATE ON unit_lineage
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
CREATE TRIGGER unit_lineage_tree_version_delete AFTER DELETE ON unit_lineage
BEGIN UPDATE unit_tree_version SET version = random() WHERE id = 1; END;
