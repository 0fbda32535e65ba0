-- Council membership that changes between meetings (issue 5; docs/council.md "Managing a council").
-- A member who leaves keeps their row (left_at), so past meetings still name them; each meeting
-- keeps the seats it was held with (meeting_seats, written when its ballot opens), so a later
-- change of role, title or membership never rewrites its minutes.
ALTER TABLE council_members ADD COLUMN left_at TEXT;
CREATE TABLE meeting_seats (
    meeting_id  BIGINT NOT NULL REFERENCES meetings(id),
    member_id   BIGINT NOT NULL REFERENCES council_members(id),
    role        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    unit_id     BIGINT REFERENCES units(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
INSERT INTO meeting_seats (meeting_id, member_id, role, title, unit_id, position)
SELECT m.id, cm.id, cm.role, cm.title, cm.unit_id, cm.position
FROM meetings m JOIN council_members cm ON cm.council_id = m.council_id
WHERE m.state <> 'planned';

