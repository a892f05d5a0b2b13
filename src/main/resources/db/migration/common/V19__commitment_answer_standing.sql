-- A commitment of an answer that was reopened, or superseded by a later answer, stays open but is shown as belonging
-- to that earlier answer (docs/api.md, "When an answer is reopened"): commitment_v keeps where its answer stands
-- (CURRENT, REOPENED, SUPERSEDED). Rows change at every reopening and new answer, so the views are emptied and their
-- processor replays the log from the first event (as V7 and V17 did).
ALTER TABLE commitment_v ADD COLUMN answer_standing VARCHAR(20);

DELETE FROM correction_v;
DELETE FROM acknowledgement_v;
DELETE FROM commitment_v;
DELETE FROM response_v;
DELETE FROM comment_v;
DELETE FROM timeline_v;
DELETE FROM version_v;
DELETE FROM meeting_v;
DELETE FROM participant_v;
DELETE FROM deliberation_v;
DELETE FROM ledger_clock;
DELETE FROM TokenEntry WHERE processorName = 'views';
