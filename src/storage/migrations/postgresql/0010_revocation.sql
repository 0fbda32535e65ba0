-- Revocation of an award (Luật TĐKT 2022, Điều 93; docs/decisions.md "Revocation"): the award stays
-- in the history, marked revoked, and no longer counts for eligibility; its certificate says so on
-- the verification page; the prize to recover is tracked.
ALTER TABLE awards ADD COLUMN revoked_at TEXT;
ALTER TABLE awards ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN revoke_decision TEXT NOT NULL DEFAULT '';  -- the revoking decision
ALTER TABLE certificates ADD COLUMN recovery TEXT NOT NULL DEFAULT '';         -- '' | due | recovered
ALTER TABLE certificates ADD COLUMN recovered_at TEXT;
