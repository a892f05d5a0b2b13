-- Idempotent retries (Idempotency-Key). A row is written in the same transaction as the command's events, so it
-- exists exactly when they do; the first answer is added once it is known and replayed to retries.
CREATE TABLE idempotency_key (
    recorded_by   VARCHAR(200) NOT NULL,
    key_value     VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    content_type  VARCHAR(200),
    location      VARCHAR(1000),
    body          VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recorded_by, key_value)
);
