-- H2 only (PostgreSQL probes GiST indexes instead, V14). "Outstanding" walks the interval trees of V4/V7: one index
-- range per node on the path to an instant, on each clock (DeliberationQueries.treeStab). Each range was filtered
-- on the other clock by reading the whole row; at 1M events one query read ~5,000 rows to keep ~800, most of them
-- from pages not in H2's cache (docs/adr/007-outstanding-by-quadrant.md, "Covering indexes"). The same eight indexes
-- now also hold every column the ranges are filtered on, so a row is read only when it holds. Same names, same
-- leading columns: nothing else reads them. Rebuilding them takes about 40 s per million events.
DROP INDEX ix_comment_v_ri_from;
DROP INDEX ix_comment_v_ri_to;
DROP INDEX ix_comment_v_kn_from;
DROP INDEX ix_comment_v_kn_to;
DROP INDEX ix_commitment_v_ri_from;
DROP INDEX ix_commitment_v_ri_to;
DROP INDEX ix_commitment_v_kn_from;
DROP INDEX ix_commitment_v_kn_to;
CREATE INDEX ix_comment_v_ri_from ON comment_v (deliberation_id, status, ri_node, valid_from, known_from, known_to, needs_response);
CREATE INDEX ix_comment_v_ri_to ON comment_v (deliberation_id, status, ri_node, valid_to, known_from, known_to, needs_response);
CREATE INDEX ix_comment_v_kn_from ON comment_v (deliberation_id, status, kn_node, known_from, valid_from, needs_response);
CREATE INDEX ix_comment_v_kn_to ON comment_v (deliberation_id, status, kn_node, known_to, valid_from, needs_response);
CREATE INDEX ix_commitment_v_ri_from ON commitment_v (deliberation_id, status, ri_node, valid_from, known_from, known_to);
CREATE INDEX ix_commitment_v_ri_to ON commitment_v (deliberation_id, status, ri_node, valid_to, known_from, known_to);
CREATE INDEX ix_commitment_v_kn_from ON commitment_v (deliberation_id, status, kn_node, known_from, valid_from);
CREATE INDEX ix_commitment_v_kn_to ON commitment_v (deliberation_id, status, kn_node, known_to, valid_from);
