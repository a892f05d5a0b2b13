-- A multi-command request (an import) keeps its result beside its key row, in the transaction of its commands, so
-- that a retry after a crash that came before the answer was kept replays the same result (docs/security.md).
ALTER TABLE idempotency_key ADD COLUMN batch_result VARCHAR;
