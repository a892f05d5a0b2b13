-- A deliberation may be readable by anyone (VisibilityChanged); the directory answers access checks.
ALTER TABLE directory_deliberation ADD COLUMN publicly_readable BOOLEAN DEFAULT FALSE NOT NULL;
