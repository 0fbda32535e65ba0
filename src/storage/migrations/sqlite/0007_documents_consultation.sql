-- Dossier documents and notifications (issue 5, docs/workflow.md, ADR 0013).
-- files: content-addressed (SHA-256) uploads and generated documents. The content is kept here,
-- base64-encoded, when the file store is the database; with a directory store (serve --files DIR)
-- only the row is kept and the bytes live in DIR, shared by every app server.
CREATE TABLE files (
    sha256      TEXT PRIMARY KEY,                  -- hex, also the name in a directory store
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL,                     -- as sniffed from the content, never from the name
    content_b64 TEXT,                              -- NULL when the bytes are in a directory store
    created_at  TEXT NOT NULL
);

CREATE TABLE dossier_documents (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
    nominee_id  INTEGER REFERENCES dossier_nominees(id),  -- a nominee's own document (report …), else NULL
    doc_type    TEXT NOT NULL,                     -- the catalogue's document code: to_trinh, bao_cao_thanh_tich …
    file_name   TEXT NOT NULL,                     -- as uploaded (shown, never trusted)
    sha256      TEXT NOT NULL REFERENCES files(sha256),
    generated   INTEGER NOT NULL DEFAULT 0,        -- 1 when tdkt produced it from the dossier
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    removed_at  TEXT,                              -- kept for the record, no longer counted
    removed_by  TEXT
);
CREATE INDEX dossier_documents_dossier ON dossier_documents(dossier_id, doc_type);

-- What someone must do next, in the app (and by e-mail when SMTP is configured).
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    dossier_id  INTEGER REFERENCES dossiers(id),
    message     TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    read_at     TEXT,
    emailed_at  TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);

-- Public consultation (Luật TĐKT 2022; NĐ 152/2025 — tdkt-domain.md §4.5): the nominees of awards that
-- require it are listed on a public page for at least the catalogue's working days; anyone may
-- comment, the board moderates and answers, and the nominees go to the council only after it closes.
CREATE TABLE consultations (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
    opened_on   TEXT NOT NULL,                     -- YYYY-MM-DD
    closes_on   TEXT NOT NULL,                     -- the last day comments are taken
    working_days INTEGER NOT NULL,
    opened_by   TEXT NOT NULL,
    opened_at   TEXT NOT NULL
);

CREATE TABLE consultation_comments (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    nominee_id      INTEGER REFERENCES dossier_nominees(id),  -- the nominee the comment is about, if any
    author_name     TEXT NOT NULL,
    author_contact  TEXT NOT NULL,                 -- phone or e-mail; never published
    body            TEXT NOT NULL,
    client_key      TEXT NOT NULL,                 -- SHA-256 of the client address (rate limit), never the address
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending', -- pending | published | rejected (moderation)
    moderated_by    TEXT NOT NULL DEFAULT '',
    response        TEXT NOT NULL DEFAULT '',      -- the board's answer, published with the comment
    responded_by    TEXT NOT NULL DEFAULT '',
    responded_at    TEXT
);
CREATE INDEX consultation_comments_consultation ON consultation_comments(consultation_id, id);
CREATE INDEX consultation_comments_client ON consultation_comments(client_key, created_at);
