-- The last rebuild of the views (admin.Rebuild), kept so that a node that dies during one starts it again when it is
-- ready, and so that an operator sees how far it came: one row per processing group rebuilt. The live views serve
-- throughout; the rebuild fills copies of their tables (<table>_next) and switches them in at its end.
CREATE TABLE view_rebuild (
    processing_group VARCHAR(100) PRIMARY KEY,
    state            VARCHAR(20)  NOT NULL,
    phase            VARCHAR(20)  NOT NULL,
    events_done      BIGINT       NOT NULL,
    events_total     BIGINT       NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
