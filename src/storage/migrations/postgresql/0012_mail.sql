-- Notifications by e-mail (issue 5; docs/workflow.md "E-mail"). A user's address, set on their
-- account page; each notification written while an SMTP server is configured, to a user with an
-- address, is queued in the same transaction (email_state pending) and the server's sender
-- delivers it: sent, or retried later (email_attempts, email_next_at, email_error) until it fails
-- for good. '' means never to be e-mailed.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN email_state TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN email_next_at TEXT;
ALTER TABLE notifications ADD COLUMN email_error TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_mail ON notifications(email_state, email_next_at);
