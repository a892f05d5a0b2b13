-- Why a revision was committed past the readiness gate (RevisionCommitted.override, docs/events.md), shown with the
-- version. Events before the gate carry none, so the column starts null everywhere and no replay is needed.
ALTER TABLE version_v ADD COLUMN override_reason VARCHAR(2000);
