-- Revoking any award, not only one with a certificate (docs/decisions.md "Revocation"): an award
-- entered by hand or imported keeps its own legal ground, revoking decision and prize recovery.
-- Awards revoked through their certificate get the same columns filled from it.
ALTER TABLE awards ADD COLUMN revoke_ground TEXT NOT NULL DEFAULT '';
ALTER TABLE awards ADD COLUMN revoke_decision TEXT NOT NULL DEFAULT '';
ALTER TABLE awards ADD COLUMN recovery TEXT NOT NULL DEFAULT '';  -- '' | due | recovered
ALTER TABLE awards ADD COLUMN recovered_at TEXT;
UPDATE awards SET
    revoke_ground = (SELECT c.revoke_ground FROM certificates c WHERE c.award_id = awards.id),
    revoke_decision = (SELECT c.revoke_decision FROM certificates c WHERE c.award_id = awards.id),
    recovery = (SELECT c.recovery FROM certificates c WHERE c.award_id = awards.id),
    recovered_at = (SELECT c.recovered_at FROM certificates c WHERE c.award_id = awards.id)
WHERE revoked_at IS NOT NULL AND EXISTS (SELECT 1 FROM certificates c WHERE c.award_id = awards.id);
