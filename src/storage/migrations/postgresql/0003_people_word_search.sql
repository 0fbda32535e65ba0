-- Name search by words (ADR 0009, 2026-12-01): every word typed is a word of the folded name, in any
-- order. A full-text index on the words answers it; the trigram
-- index it replaces had to intersect the long lists of "ngu", "guy", "uye"… for every query.
DROP INDEX people_name_trgm;
CREATE INDEX people_name_words ON people USING gin (to_tsvector('simple', name_folded));

-- The same words, each with the person's sort key, in key order per word. A name that thousands
-- share is listed by walking one of its words in Vietnamese order and stopping after the page,
-- instead of sorting every match (ADR 0009). `words` is " w1 w2 … ", for whole-word checks of
-- the other words typed. Written by the application (storage::NameWords), like the keys.
CREATE TABLE name_words (
    word      TEXT COLLATE "C" NOT NULL,
    sort_key  TEXT COLLATE "C" NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people(id),
    words     TEXT NOT NULL,
    PRIMARY KEY (word, sort_key, person_id) INCLUDE (words)
);
