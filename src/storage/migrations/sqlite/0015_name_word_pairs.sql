-- Name search by pairs of words (ADR 0009 addendum, 2026-12-02): name_words also holds one row
-- per pair of distinct words of a name, keyed "a b" (the two words in byte order). A search of
-- two words then reads exactly its matches in Vietnamese order under their pair, and counts
-- them there, instead of walking one word's rows and dropping those without the other (a common
-- family name with a common given name dropped 87,000 rows on the national data set). The rows
-- are written by the application (storage::NameWordRowsOf): the migration empties the table and
-- refills it from people.
DELETE FROM name_words;
