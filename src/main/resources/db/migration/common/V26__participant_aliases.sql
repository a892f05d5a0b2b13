-- The other names participants go by (AliasRegistered), as of both clocks like participant_v: one row each.
CREATE TABLE participant_alias_v (
    deliberation_id VARCHAR(200) NOT NULL,
    participant_id  VARCHAR(200) NOT NULL,
    alias           VARCHAR(500) NOT NULL,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (deliberation_id, position)
);
