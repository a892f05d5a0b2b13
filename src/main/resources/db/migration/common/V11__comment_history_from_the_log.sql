-- The comments projection no longer keeps its own copy of every comment's events: when a comment is not in its cache
-- (after a restart, or evicted) it reads the comment's earlier events from the event store, by aggregate. Rewriting
-- a growing JSON copy at every event was most of what each commit wrote to H2's file (docs/benchmarks.md, Ingest).
DROP TABLE comment_history;
