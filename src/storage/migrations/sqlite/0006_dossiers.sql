-- Nomination dossiers (issue 5, docs/workflow.md): a proposing unit's dossier of nominees, moved
-- through the states of catalog/workflow.jsonc; every transition is an event (the timeline) and an
-- audit entry. Dates are YYYY-MM-DD, instants ISO-8601 UTC, as elsewhere.
CREATE TABLE dossiers (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,            -- "HS-2026-000017": per year, in order of creation
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,                   -- award kind: merit, thematic, sudden …
    procedure_kind TEXT NOT NULL DEFAULT 'full',    -- full | simplified (Luật Điều 85)
    year          INTEGER NOT NULL,                -- of the achievement
    unit_id       INTEGER NOT NULL REFERENCES units(id),  -- the proposing unit
    board_unit_id INTEGER NOT NULL REFERENCES units(id),  -- the unit whose board receives it
    state         TEXT NOT NULL DEFAULT 'draft',
    state_since   TEXT NOT NULL,
    due_date      TEXT,                            -- the current stage's time limit, if it has one
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,      -- optimistic concurrency: a transition names it
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossiers_unit ON dossiers(unit_id, state);
CREATE INDEX dossiers_board ON dossiers(board_unit_id, state, due_date);

CREATE TABLE dossier_nominees (
    id              INTEGER PRIMARY KEY,
    dossier_id      INTEGER NOT NULL REFERENCES dossiers(id),
    position        INTEGER NOT NULL,
    subject_type    TEXT NOT NULL,                 -- individual | collective | household
    person_id       INTEGER REFERENCES people(id),
    unit_id         INTEGER REFERENCES units(id),    -- the collective, or a household's commune
    household_name  TEXT NOT NULL DEFAULT '',
    award_code      TEXT NOT NULL,
    override_reason TEXT NOT NULL DEFAULT '',      -- the board's recorded reason to go on despite a refusal
    override_by     TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT 'pending', -- pending | approved | rejected
    award_id        INTEGER REFERENCES awards(id)    -- written by the decision
);
CREATE INDEX dossier_nominees_dossier ON dossier_nominees(dossier_id, position);
CREATE INDEX dossier_nominees_person ON dossier_nominees(person_id);

CREATE TABLE dossier_events (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
    action      TEXT NOT NULL,                     -- create, submit, return …
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    actor_login TEXT NOT NULL,
    at          TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);
