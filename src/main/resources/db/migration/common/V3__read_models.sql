-- Read models. Each table is written by one projection only (named in the comment above it) and can be dropped and
-- rebuilt from the event log. Instants are TIMESTAMP WITH TIME ZONE in UTC; occurred_at is the deliberation's clock,
-- recorded_at the ledger's.

-- deliberations
CREATE TABLE deliberation_view (
    deliberation_id VARCHAR(200)  PRIMARY KEY,
    title           VARCHAR(1000) NOT NULL,
    body            VARCHAR(1000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- deliberations
CREATE TABLE participant_view (
    deliberation_id VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    name            VARCHAR(500) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    title           VARCHAR(500),
    affiliation     VARCHAR(500),
    organisation    BOOLEAN      NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (deliberation_id, participant_id)
);

-- deliberations
CREATE TABLE meeting_view (
    deliberation_id VARCHAR(200)  NOT NULL,
    meeting_id      VARCHAR(200)  NOT NULL,
    number          INTEGER,
    title           VARCHAR(1000),
    starts_at       TIMESTAMP WITH TIME ZONE,
    ends_at         TIMESTAMP WITH TIME ZONE,
    venue           VARCHAR(500),
    attendee_ids    VARCHAR(100000),
    materials       VARCHAR(100000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (deliberation_id, meeting_id)
);

-- comments
CREATE TABLE comment_view (
    comment_id          VARCHAR(200)   PRIMARY KEY,
    deliberation_id     VARCHAR(200)   NOT NULL,
    number              INTEGER        NOT NULL,
    reference           VARCHAR(20)    NOT NULL,
    author_id           VARCHAR(200)   NOT NULL,
    draft_version       INTEGER        NOT NULL,
    page_from           INTEGER,
    page_to             INTEGER,
    footnote            VARCHAR(100),
    section             VARCHAR(1000),
    quote               VARCHAR(10000),
    kind                VARCHAR(20)    NOT NULL,
    text                VARCHAR(100000) NOT NULL,
    meeting_id          VARCHAR(200),
    status              VARCHAR(20)    NOT NULL,
    needs_response      BOOLEAN        NOT NULL,
    current_response_id VARCHAR(200),
    open_commitments    INTEGER        NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_comment_deliberation ON comment_view (deliberation_id, number);
CREATE INDEX ix_comment_status ON comment_view (deliberation_id, status, needs_response);

-- comments
CREATE TABLE response_view (
    response_id     VARCHAR(200)    PRIMARY KEY,
    comment_id      VARCHAR(200)    NOT NULL,
    deliberation_id VARCHAR(200)    NOT NULL,
    responder_id    VARCHAR(200)    NOT NULL,
    disposition     VARCHAR(20)     NOT NULL,
    text            VARCHAR(100000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_response_comment ON response_view (comment_id);
CREATE INDEX ix_response_deliberation ON response_view (deliberation_id, responder_id);

-- comments
CREATE TABLE commitment_view (
    commitment_id     VARCHAR(220)   PRIMARY KEY,
    comment_id        VARCHAR(200)   NOT NULL,
    deliberation_id   VARCHAR(200)   NOT NULL,
    response_id       VARCHAR(200)   NOT NULL,
    reference         VARCHAR(30)    NOT NULL,
    kind              VARCHAR(20)    NOT NULL,
    description       VARCHAR(10000),
    owner_id          VARCHAR(200)   NOT NULL,
    due_date          DATE,
    status            VARCHAR(20)    NOT NULL,
    fulfilled_version INTEGER,
    location_page     INTEGER,
    location_footnote VARCHAR(100),
    location_section  VARCHAR(1000),
    closing_note      VARCHAR(10000),
    closed_by         VARCHAR(200),
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    closed_recorded_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_commitment_comment ON commitment_view (comment_id);
CREATE INDEX ix_commitment_status ON commitment_view (deliberation_id, status);

-- comments
CREATE TABLE acknowledgement_view (
    event_id        VARCHAR(200)  PRIMARY KEY,
    comment_id      VARCHAR(200)  NOT NULL,
    response_id     VARCHAR(200)  NOT NULL,
    participant_id  VARCHAR(200)  NOT NULL,
    satisfied       BOOLEAN       NOT NULL,
    note            VARCHAR(10000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ack_comment ON acknowledgement_view (comment_id);

-- versions
CREATE TABLE version_view (
    deliberation_id VARCHAR(200)   NOT NULL,
    version         INTEGER        NOT NULL,
    based_on        INTEGER,
    title           VARCHAR(1000),
    material_number VARCHAR(200),
    page_count      INTEGER,
    summary         VARCHAR(100000),
    changes         VARCHAR(100000),
    committed_by    VARCHAR(200),
    illustrative    BOOLEAN        NOT NULL,
    revision        BOOLEAN        NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (deliberation_id, version)
);

-- timeline
CREATE TABLE timeline_entry (
    event_id        VARCHAR(200)    PRIMARY KEY,
    deliberation_id VARCHAR(200)    NOT NULL,
    position        BIGINT          NOT NULL,
    event_type      VARCHAR(100)    NOT NULL,
    comment_id      VARCHAR(200),
    commitment_id   VARCHAR(220),
    reference       VARCHAR(30),
    summary         VARCHAR(100000) NOT NULL,
    recorded_by     VARCHAR(200),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_timeline_deliberation ON timeline_entry (deliberation_id, occurred_at, position);
CREATE INDEX ix_timeline_comment ON timeline_entry (comment_id);
CREATE INDEX ix_timeline_commitment ON timeline_entry (commitment_id);

-- timeline (names, so that entries read in words; the timeline keeps its own copy to stay rebuildable alone)
CREATE TABLE timeline_name (
    deliberation_id VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    name            VARCHAR(500) NOT NULL,
    PRIMARY KEY (deliberation_id, participant_id)
);
