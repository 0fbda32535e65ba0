-- The kinds of commendation take the codes of the eligibility API (issue 4): quá trình cống hiến is
-- `contribution` (was `lifetime`), theo niên hạn is `service_length` (was `service`). The old codes
-- are still accepted on input (domain/codes.cpp aliases).
UPDATE awards SET kind = 'contribution' WHERE kind = 'lifetime';
UPDATE awards SET kind = 'service_length' WHERE kind = 'service';
