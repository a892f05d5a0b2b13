-- The timeline's sentences are said in the reader's language (docs/api.md, TimelineEntry.wording): timeline_v keeps
-- each one as a phrase of the message bundles (JSON) beside its English summary. Every row gets one, so the views
-- are emptied and their processor replays the log from the first event (as V7 did).
ALTER TABLE timeline_v ADD COLUMN wording VARCHAR;

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
