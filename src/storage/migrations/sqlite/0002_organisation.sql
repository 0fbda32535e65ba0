-- Organisation over time, people and their records, award history (issue 3).
-- Dates are ISO text (YYYY-MM-DD); a period is [from, to) with NULL for an open end.
-- name_folded: text::Fold of the name (search); sort_key: hex of the Vietnamese ICU collation key
-- (byte order = Vietnamese order on both databases). Both are filled by the application.

ALTER TABLE units ADD COLUMN unit_type TEXT NOT NULL DEFAULT 'department';
ALTER TABLE units ADD COLUMN valid_from TEXT;
ALTER TABLE units ADD COLUMN valid_to TEXT;
ALTER TABLE units ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
UPDATE units SET unit_type = 'province' WHERE parent_id IS NULL;
CREATE INDEX units_sort ON units(sort_key);

-- Organisational events: create, rename, move, retype, merge, split, dissolve.
CREATE TABLE unit_events (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id),  -- the subject (for a merge: the successor)
    kind           TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    document       TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
);
CREATE INDEX unit_events_unit ON unit_events(unit_id, effective_date);

-- The name, parent and type of a unit over time: at most one version covers any date.
CREATE TABLE unit_versions (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    valid_from TEXT,
    valid_to   TEXT,
    name       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES units(id),
    unit_type  TEXT NOT NULL,
    event_id   INTEGER REFERENCES unit_events(id)
);
CREATE INDEX unit_versions_unit ON unit_versions(unit_id, valid_from);
CREATE INDEX unit_versions_parent ON unit_versions(parent_id);
INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, parent_id, unit_type)
SELECT id, NULL, NULL, name, parent_id, unit_type FROM units;

-- Successions: a merged unit's predecessors, a split unit's successors.
CREATE TABLE unit_lineage (
    predecessor_id INTEGER NOT NULL REFERENCES units(id),
    successor_id   INTEGER NOT NULL REFERENCES units(id),
    event_id       INTEGER NOT NULL REFERENCES unit_events(id),
    effective_date TEXT NOT NULL,
    PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX unit_lineage_successor ON unit_lineage(successor_id);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    full_name     TEXT NOT NULL,
    name_folded   TEXT NOT NULL,
    sort_key      TEXT NOT NULL,
    gender        TEXT NOT NULL,
    birth_date    TEXT,
    national_id   TEXT UNIQUE,
    category      TEXT NOT NULL,
    direct_worker INTEGER NOT NULL DEFAULT 0,
    position      TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER REFERENCES units(id),  -- the current unit (the open membership)
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX people_sort ON people(sort_key);
CREATE INDEX people_unit_sort ON people(unit_id, sort_key);

-- Substring search on the folded name: a trigram index answers LIKE '%dang thi dao%'.
CREATE VIRTUAL TABLE people_search USING fts5(name_folded, content='people', content_rowid='id', tokenize='trigram');
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_search (rowid, name_folded) VALUES (new.id, new.name_folded);
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_search (people_search, rowid, name_folded) VALUES ('delete', old.id, old.name_folded);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF name_folded ON people BEGIN
    INSERT INTO people_search (people_search, rowid, name_folded) VALUES ('delete', old.id, old.name_folded);
    INSERT INTO people_search (rowid, name_folded) VALUES (new.id, new.name_folded);
END;

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    start_date TEXT NOT NULL,
    end_date   TEXT,
    position   TEXT NOT NULL DEFAULT '',
    document   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX memberships_person ON memberships(person_id, start_date);
CREATE INDEX memberships_unit ON memberships(unit_id, end_date);

CREATE TABLE person_ratings (
    person_id INTEGER NOT NULL REFERENCES people(id),
    year      INTEGER NOT NULL,
    rating    TEXT NOT NULL,
    document  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, year)
);

CREATE TABLE unit_ratings (
    unit_id  INTEGER NOT NULL REFERENCES units(id),
    year     INTEGER NOT NULL,
    rating   TEXT NOT NULL,
    document TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, year)
);

CREATE TABLE leaves (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    kind       TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leaves_person ON leaves(person_id);

CREATE TABLE disciplines (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    form       TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT,
    decision   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX disciplines_person ON disciplines(person_id);

-- Every title or award received: by a person, a unit (collective) or a household of a commune.
CREATE TABLE awards (
    id              INTEGER PRIMARY KEY,
    subject_type    TEXT NOT NULL,
    person_id       INTEGER REFERENCES people(id),
    unit_id         INTEGER REFERENCES units(id),
    household_name  TEXT NOT NULL DEFAULT '',
    award_code      TEXT NOT NULL,
    year            INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    decision_number TEXT NOT NULL DEFAULT '',
    decision_date   TEXT,
    authority       TEXT NOT NULL DEFAULT '',
    prize_vnd       INTEGER NOT NULL DEFAULT 0,
    source          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX awards_person ON awards(person_id, year);
CREATE INDEX awards_unit ON awards(unit_id, year);

CREATE TABLE initiatives (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES people(id),
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL,
    year             INTEGER NOT NULL,
    scope            TEXT NOT NULL,
    decision         TEXT NOT NULL DEFAULT '',
    used_by_award_id INTEGER REFERENCES awards(id)
);
CREATE INDEX initiatives_person ON initiatives(person_id);
