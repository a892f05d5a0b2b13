-- The command side's register of comments (RegisteredComments.java): which deliberation each comment belongs to and
-- its reference (#N), so that writes on a comment are authorised against the write side, never against a read model
-- that may be in the middle of a rebuild. Filled from the event log by V16_1 (DirectoryCommentsFromTheLog.java).
CREATE TABLE directory_comment (
    comment_id      VARCHAR(200) PRIMARY KEY,
    deliberation_id VARCHAR(200) NOT NULL,
    reference       VARCHAR(40)  NOT NULL
);

CREATE INDEX directory_comment_by_reference ON directory_comment (deliberation_id, reference);
