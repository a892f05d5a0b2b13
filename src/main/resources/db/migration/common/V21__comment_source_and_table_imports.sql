-- Comments imported from a table keep where they came from (CommentRaised revision 3, `source`: file, row, item, date,
-- links, extra columns), as JSON. Comments recorded before have none: NULL is exactly what their events say.
ALTER TABLE comment_v ADD COLUMN source VARCHAR;

-- Every comment table imported (docs/reports.md): the file's SHA-256, so that the same file again is refused naming
-- this import. Not a view of the log: the importer's own record, like idempotency_key; the comments and responses
-- themselves are events, and a re-import is also recognised by their source.item.
CREATE TABLE table_import (
    import_id       VARCHAR(64)  PRIMARY KEY,
    deliberation_id VARCHAR(200) NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    file_name       VARCHAR(1000),
    draft_version   INTEGER      NOT NULL,
    imported_by     VARCHAR(200),
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    comments        INTEGER      NOT NULL,
    responses       INTEGER      NOT NULL
);
CREATE UNIQUE INDEX ux_table_import_file ON table_import (deliberation_id, sha256);
