-- The command side's lookup (see Directory.java): kept in the same transaction as the events that change it.
CREATE TABLE directory_deliberation (
    deliberation_id     VARCHAR(200) PRIMARY KEY,
    next_comment_number INTEGER      NOT NULL
);

CREATE TABLE directory_participant (
    deliberation_id VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    PRIMARY KEY (deliberation_id, participant_id)
);

CREATE TABLE directory_meeting (
    deliberation_id VARCHAR(200) NOT NULL,
    meeting_id      VARCHAR(200) NOT NULL,
    PRIMARY KEY (deliberation_id, meeting_id)
);

CREATE TABLE directory_draft (
    deliberation_id VARCHAR(200) NOT NULL,
    version         INTEGER      NOT NULL,
    page_count      INTEGER,
    PRIMARY KEY (deliberation_id, version)
);
