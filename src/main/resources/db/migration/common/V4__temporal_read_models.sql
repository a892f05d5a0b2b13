-- Temporal read models (docs/time.md, docs/adr/006-temporal-read-models.md). They replace V3's current-state tables.
-- Every row says on which stretch of the OCCURRED clock it holds (valid_from .. valid_to, epoch milliseconds, half
-- open) and on which stretch of the ledger's KNOWLEDGE (known_from .. known_to, global log positions, half open).
-- "Forever" is 9223372036854775807. Rows that never change after they are written (deliberations, participants,
-- meetings, versions, acknowledgements, corrections) keep only occurred_at and position instead.
-- All tables are written by the "views" processing group alone and can be dropped and rebuilt from the log.
-- Changing read models resets the processors' tokens so that they rebuild from the first event.

DROP TABLE timeline_name;
DROP TABLE timeline_entry;
DROP TABLE version_view;
DROP TABLE acknowledgement_view;
DROP TABLE commitment_view;
DROP TABLE response_view;
DROP TABLE comment_view;
DROP TABLE meeting_view;
DROP TABLE participant_view;
DROP TABLE deliberation_view;
DELETE FROM TokenEntry;

CREATE TABLE ledger_clock (
    position    BIGINT PRIMARY KEY,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX ix_clock_recorded ON ledger_clock (recorded_at, position);

CREATE TABLE deliberation_v (
    deliberation_id VARCHAR(200) PRIMARY KEY,
    title           VARCHAR(1000) NOT NULL,
    body            VARCHAR(1000),
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL
);

CREATE TABLE participant_v (
    deliberation_id VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    name            VARCHAR(500) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    title           VARCHAR(500),
    affiliation     VARCHAR(500),
    organisation    BOOLEAN      NOT NULL,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (deliberation_id, participant_id)
);

CREATE TABLE meeting_v (
    deliberation_id VARCHAR(200) NOT NULL,
    meeting_id      VARCHAR(200) NOT NULL,
    number          INTEGER,
    title           VARCHAR(1000),
    starts_at       BIGINT,
    ends_at         BIGINT,
    venue           VARCHAR(500),
    attendee_ids    VARCHAR,
    materials       VARCHAR,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (deliberation_id, meeting_id)
);

CREATE TABLE version_v (
    deliberation_id VARCHAR(200) NOT NULL,
    version         INTEGER      NOT NULL,
    based_on        INTEGER,
    title           VARCHAR(1000),
    material_number VARCHAR(200),
    page_count      INTEGER,
    summary         VARCHAR,
    changes         VARCHAR,
    committed_by    VARCHAR(200),
    illustrative    BOOLEAN      NOT NULL,
    revision        BOOLEAN      NOT NULL,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (deliberation_id, version)
);

CREATE TABLE comment_v (
    row_key             VARCHAR(200) NOT NULL,
    deliberation_id     VARCHAR(200) NOT NULL,
    number              INTEGER      NOT NULL,
    reference           VARCHAR(20)  NOT NULL,
    author_id           VARCHAR(200) NOT NULL,
    draft_version       INTEGER      NOT NULL,
    page_from           INTEGER,
    page_to             INTEGER,
    footnote            VARCHAR(100),
    section             VARCHAR(1000),
    quote               VARCHAR,
    kind                VARCHAR(20)  NOT NULL,
    text                VARCHAR      NOT NULL,
    meeting_id          VARCHAR(200),
    status              VARCHAR(20)  NOT NULL,
    needs_response      BOOLEAN      NOT NULL,
    current_response_id VARCHAR(200),
    occurred_at         BIGINT NOT NULL,
    recorded_at         BIGINT NOT NULL,
    valid_from          BIGINT NOT NULL,
    valid_to            BIGINT NOT NULL,
    known_from          BIGINT NOT NULL,
    known_to            BIGINT NOT NULL,
    ri_node             BIGINT NOT NULL
);
CREATE INDEX ix_comment_v_key ON comment_v (row_key, known_to);
CREATE INDEX ix_comment_v_list ON comment_v (deliberation_id, number);
CREATE INDEX ix_comment_v_ri_from ON comment_v (deliberation_id, status, ri_node, valid_from);
CREATE INDEX ix_comment_v_ri_to ON comment_v (deliberation_id, status, ri_node, valid_to);

CREATE TABLE response_v (
    row_key         VARCHAR(420) NOT NULL,
    comment_id      VARCHAR(200) NOT NULL,
    response_id     VARCHAR(200) NOT NULL,
    deliberation_id VARCHAR(200) NOT NULL,
    responder_id    VARCHAR(200) NOT NULL,
    disposition     VARCHAR(20)  NOT NULL,
    text            VARCHAR,
    occurred_at     BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    valid_from      BIGINT NOT NULL,
    valid_to        BIGINT NOT NULL,
    known_from      BIGINT NOT NULL,
    known_to        BIGINT NOT NULL
);
CREATE INDEX ix_response_v_key ON response_v (row_key, known_to);
CREATE INDEX ix_response_v_comment ON response_v (comment_id);
CREATE INDEX ix_response_v_deliberation ON response_v (deliberation_id);

CREATE TABLE commitment_v (
    row_key           VARCHAR(220) NOT NULL,
    comment_id        VARCHAR(200) NOT NULL,
    deliberation_id   VARCHAR(200) NOT NULL,
    response_id       VARCHAR(200) NOT NULL,
    reference         VARCHAR(30)  NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    description       VARCHAR,
    owner_id          VARCHAR(200) NOT NULL,
    due_date          DATE,
    status            VARCHAR(20)  NOT NULL,
    fulfilled_version INTEGER,
    location_page     INTEGER,
    location_footnote VARCHAR(100),
    location_section  VARCHAR(1000),
    closing_note      VARCHAR,
    closed_by         VARCHAR(200),
    closed_at         BIGINT,
    occurred_at       BIGINT NOT NULL,
    recorded_at       BIGINT NOT NULL,
    valid_from        BIGINT NOT NULL,
    valid_to          BIGINT NOT NULL,
    known_from        BIGINT NOT NULL,
    known_to          BIGINT NOT NULL,
    ri_node           BIGINT NOT NULL
);
CREATE INDEX ix_commitment_v_key ON commitment_v (row_key, known_to);
CREATE INDEX ix_commitment_v_comment ON commitment_v (comment_id);
CREATE INDEX ix_commitment_v_deliberation ON commitment_v (deliberation_id, status);
CREATE INDEX ix_commitment_v_ri_from ON commitment_v (deliberation_id, status, ri_node, valid_from);
CREATE INDEX ix_commitment_v_ri_to ON commitment_v (deliberation_id, status, ri_node, valid_to);

CREATE TABLE acknowledgement_v (
    event_id        VARCHAR(200) PRIMARY KEY,
    comment_id      VARCHAR(200) NOT NULL,
    response_id     VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    satisfied       BOOLEAN      NOT NULL,
    note            VARCHAR,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL
);
CREATE INDEX ix_ack_v_comment ON acknowledgement_v (comment_id);

CREATE TABLE correction_v (
    event_id        VARCHAR(200) NOT NULL,
    field           VARCHAR(30)  NOT NULL,
    comment_id      VARCHAR(200) NOT NULL,
    response_id     VARCHAR(200),
    corrected_by    VARCHAR(200) NOT NULL,
    reason          VARCHAR,
    old_value       VARCHAR,
    new_value       VARCHAR,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (event_id, field)
);
CREATE INDEX ix_correction_v_comment ON correction_v (comment_id);

-- Timeline rows hold from their (corrected) occurred time on; only knowledge bounds them.
CREATE TABLE timeline_v (
    row_key         VARCHAR(200) NOT NULL,
    deliberation_id VARCHAR(200) NOT NULL,
    position        BIGINT       NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    comment_id      VARCHAR(200),
    summary         VARCHAR      NOT NULL,
    recorded_by     VARCHAR(200),
    occurred_at     BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    valid_from      BIGINT NOT NULL,
    valid_to        BIGINT NOT NULL,
    known_from      BIGINT NOT NULL,
    known_to        BIGINT NOT NULL
);
CREATE INDEX ix_timeline_v_key ON timeline_v (row_key, known_to);
CREATE INDEX ix_timeline_v_deliberation ON timeline_v (deliberation_id, position);
CREATE INDEX ix_timeline_v_comment ON timeline_v (comment_id);

-- Each comment's own events as the projection has seen them, so that its history can be recomputed without reading
-- the event store (the projection stays rebuildable on its own).
CREATE TABLE comment_history (
    comment_id      VARCHAR(200) PRIMARY KEY,
    deliberation_id VARCHAR(200) NOT NULL,
    events          VARCHAR      NOT NULL
);
