-- A deliberation's own words for its comment tables (TableVocabularySet), one row per setting, as of both clocks like
-- participant_alias_v: the latest row that holds is the vocabulary. types and dispositions are JSON objects, word → name.
CREATE TABLE table_vocabulary_v (
    deliberation_id VARCHAR(200) NOT NULL,
    types           VARCHAR NOT NULL,
    dispositions    VARCHAR NOT NULL,
    occurred_at     BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (deliberation_id, position)
);
