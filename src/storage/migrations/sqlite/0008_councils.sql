-- Councils, meetings and the secret ballot (issue 5, docs/council.md, ADR 0014). Who voted is kept
-- (ballot_receipts: a member votes once); what they voted is only counted (ballot_tallies), with no
-- link to the member, and the counts are shown only after the ballot closes.
CREATE TABLE councils (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units(id),  -- the province (the board's council) or a unit with its own
    name          TEXT NOT NULL,
    recusal_rule  TEXT NOT NULL DEFAULT 'exclude',     -- exclude: recused members leave the denominator; count: they stay
    quorum_num    INTEGER NOT NULL DEFAULT 2,          -- quorum: present × den ≥ members × num (2/3 by default)
    quorum_den    INTEGER NOT NULL DEFAULT 3,
    created_at    TEXT NOT NULL
);

CREATE TABLE council_members (
    id          INTEGER PRIMARY KEY,
    council_id  INTEGER NOT NULL REFERENCES councils(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL,                         -- chair | vice_chair | secretary | member
    title       TEXT NOT NULL DEFAULT '',              -- "Giám đốc Sở Nội vụ"
    unit_id     INTEGER REFERENCES units(id),              -- where the member works: a nominee of it means recusal
    position    INTEGER NOT NULL,
    UNIQUE (council_id, user_id)
);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    council_id  INTEGER NOT NULL REFERENCES councils(id),
    title       TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'planned',       -- planned | voting | closed
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    opened_at   TEXT,
    closed_at   TEXT
);
CREATE INDEX meetings_council ON meetings(council_id, held_on);

CREATE TABLE meeting_attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    member_id   INTEGER NOT NULL REFERENCES council_members(id),
    present     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
    nominee_id    INTEGER NOT NULL REFERENCES dossier_nominees(id),
    dossier_id    INTEGER NOT NULL REFERENCES dossiers(id),
    position      INTEGER NOT NULL,
    threshold_pct INTEGER NOT NULL,                    -- of the denominator, from the catalogue
    denominator   INTEGER,                             -- set when the ballot closes
    agree         INTEGER,
    disagree      INTEGER,
    abstain       INTEGER,
    passed        INTEGER,                             -- 1 | 0 when closed
    UNIQUE (meeting_id, nominee_id)
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

-- A member recused from one item: the nominee is of the member's unit, or the member declared it.
CREATE TABLE item_recusals (
    item_id    INTEGER NOT NULL REFERENCES agenda_items(id),
    member_id  INTEGER NOT NULL REFERENCES council_members(id),
    reason     TEXT NOT NULL,
    PRIMARY KEY (item_id, member_id)
);

-- That a member voted on an item (electronically, or in writing entered by the secretary), not what.
CREATE TABLE ballot_receipts (
    item_id    INTEGER NOT NULL REFERENCES agenda_items(id),
    member_id  INTEGER NOT NULL REFERENCES council_members(id),
    kind       TEXT NOT NULL,                          -- electronic | written
    PRIMARY KEY (item_id, member_id)
);

-- What was voted, counted: no member, no time.
CREATE TABLE ballot_tallies (
    item_id  INTEGER NOT NULL REFERENCES agenda_items(id),
    choice   TEXT NOT NULL,                            -- agree | disagree | abstain
    count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, choice)
);
