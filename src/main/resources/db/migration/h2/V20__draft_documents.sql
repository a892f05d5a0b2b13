-- A version's document, kept by its SHA-256 (lower-case hex of the bytes as uploaded): the bytes and the text read
-- from them (JSON of drafttext.api.DocumentText, UTF-8). Written in the publishing command's own transaction
-- (drafttext.store.DocumentTable), never changed: the same file published twice is one row. In BLOBs, which H2
-- keeps beside the row: a document is up to shingi.documents.max-size (20 MB) and read only when asked for.
CREATE TABLE draft_document (
    sha256      CHAR(64)      NOT NULL PRIMARY KEY,
    file_name   VARCHAR(500),
    media_type  VARCHAR(200)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    page_count  INT           NOT NULL,
    content     BLOB          NOT NULL,
    text_json   BLOB          NOT NULL
);

-- Which document a version was published with, for the rules that check an anchor against its words.
ALTER TABLE directory_draft ADD COLUMN document_sha256 CHAR(64);
