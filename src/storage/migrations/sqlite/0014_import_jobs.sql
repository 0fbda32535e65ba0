-- Excel imports started from the page (README "Excel import", ADR 0016): the job and its
-- result are kept in the database, so that any app server shows them, a restart does not lose them
-- and the user finds their recent imports again. The rows themselves are imported in one
-- transaction, all or nothing; live progress stays with the server that runs the job.
CREATE TABLE import_jobs (
    id          TEXT PRIMARY KEY,                 -- random token: the result page's address
    owner_login TEXT NOT NULL,                    -- only they see it
    kind        TEXT NOT NULL,                    -- units | people | ratings | awards
    file_name   TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'running',  -- running | done | rejected | failed
    total_rows  INTEGER NOT NULL DEFAULT 0,       -- rows of the sheet, header included
    rows_read   INTEGER NOT NULL DEFAULT 0,       -- data rows
    imported    INTEGER NOT NULL DEFAULT 0,
    problems    TEXT NOT NULL DEFAULT '[]',       -- JSON: [{"row", "column", "message"}]
    error       TEXT NOT NULL DEFAULT '',
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX import_jobs_owner ON import_jobs (owner_login, started_at);
