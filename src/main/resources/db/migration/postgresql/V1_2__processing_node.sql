-- Nodes sharing this database say here that they are alive (SegmentBalancer), so that a node holding more than its
-- share of a processor's segments can hand some to a newcomer. Times are the database's clock, never a node's.
CREATE TABLE processing_node (
    node_id    VARCHAR(255) PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
