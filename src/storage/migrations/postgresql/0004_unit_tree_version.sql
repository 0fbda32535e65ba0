-- A number that changes whenever units or unit_lineage change. The app keeps the unit tree in memory
-- between transactions (storage/unit_tree_cache.h) and reads it again only when this number differs.
-- From a sequence, so a rolled-back change never hands out a number that a later change reuses.
-- SQLite twin: sqlite/0004_unit_tree_version.sql.

CREATE SEQUENCE unit_tree_seq;
CREATE TABLE unit_tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO unit_tree_version (id, version) VALUES (1, nextval('unit_tree_seq'));

CREATE FUNCTION bump_unit_tree_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE unit_tree_version SET version = nextval('unit_tree_seq') WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER units_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_tree_version();
CREATE TRIGGER unit_lineage_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_lineage
FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_tree_version();
