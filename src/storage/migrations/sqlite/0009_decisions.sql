-- Decisions and certificates (issue 5, docs/decisions.md). A decision is recorded for a dossier
-- (number per authority and year, date, signer), then issued by the workflow's "decide" (or
-- "record_central"), which writes every recipient's award history and certificate in the same
-- transaction; "publish" puts it on the public page. A certificate's code is what its QR code opens:
-- /xac-minh/{code}.
CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    dossier_id     INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
    authority_code TEXT NOT NULL,                    -- "UBND": the numbering series
    authority_name TEXT NOT NULL,                    -- "Ủy ban nhân dân tỉnh Hưng Yên"
    year           INTEGER NOT NULL,
    number         INTEGER,                          -- in the series; NULL for a central decision recorded as text
    number_text    TEXT NOT NULL,                    -- "123/QĐ-UBND"
    signed_on      TEXT NOT NULL,
    signer_name    TEXT NOT NULL,
    signer_title   TEXT NOT NULL,                    -- "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH": lines separated by |
    title          TEXT NOT NULL,
    central        INTEGER NOT NULL DEFAULT 0,       -- 1: decided at central level, recorded by the board
    state          TEXT NOT NULL DEFAULT 'draft',    -- draft | issued
    pdf_sha256     TEXT,                             -- the decision as issued (files)
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    issued_at      TEXT,
    published_at   TEXT,
    UNIQUE (authority_code, year, number)
);

CREATE TABLE certificates (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,             -- random, unguessable: the QR code's address
    decision_id    INTEGER NOT NULL REFERENCES decisions(id),
    nominee_id     INTEGER NOT NULL REFERENCES dossier_nominees(id),
    award_id       INTEGER NOT NULL REFERENCES awards(id),
    recipient_name TEXT NOT NULL,
    award_code     TEXT NOT NULL,
    award_name     TEXT NOT NULL,
    prize_vnd      INTEGER NOT NULL DEFAULT 0,
    revoked_at     TEXT,
    revoke_reason  TEXT NOT NULL DEFAULT '',
    revoke_ground  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX certificates_decision ON certificates(decision_id);
