-- Name search by words (ADR 0009, 2026-12-01): every word typed is a word of the folded name, in any
-- order. A word index answers it from its doclists; the trigram
-- index it replaces had to intersect the long lists of "ngu", "guy", "uye"… for every query.
DROP TRIGGER people_search_insert;
DROP TRIGGER people_search_delete;
DROP TRIGGER people_search_update;
DROP TABLE people_search;

CREATE VIRTUAL TABLE people_search USING fts5(name_folded, content='people', content_rowid='id',
    tokenize='unicode61');
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
INSERT INTO people_search (people_search) VALUES ('rebuild');

-- The same words, each with the person's sort key, in key order per word. A name that thousands
-- share is listed by walking one of its words in Vietnamese order and stopping after the page,
-- instead of sorting every match (ADR 0009). `words` is " w1 w2 … ", for whole-word checks of
-- the other words typed. Written by the application (storage::NameWords), like the keys.
CREATE TABLE name_words (
    word      TEXT NOT NULL,
    sort_key  TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    words     TEXT NOT NULL,
    PRIMARY KEY (word, sort_key, person_id)
) WITHOUT ROWID;
