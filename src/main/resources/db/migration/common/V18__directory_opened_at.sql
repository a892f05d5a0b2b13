-- The write side checks that nothing is dated before its deliberation opened (rule time.after-opening): the
-- directory keeps each deliberation's opening moment (epoch milliseconds). Rows of a ledger recorded before this are
-- filled from its DeliberationOpened events by the Java migration 18.1 (DirectoryOpeningsFromTheLog).
ALTER TABLE directory_deliberation ADD COLUMN opened_at BIGINT;
