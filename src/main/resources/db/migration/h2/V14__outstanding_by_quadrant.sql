-- "Outstanding" no longer walks the interval trees of V4/V7 (84 index lookups glued by UNION ALL, whose statement text
-- changed with nearly every instant, so H2 parsed it anew each time, and converted every row of the union). A row
-- holds as of (at, position) iff valid_from <= at < valid_to and known_from <= position < known_to
-- (docs/adr/007-outstanding-by-rectangle.md). Each interval is filed as a POINT (start, end) in an R-tree (H2's
-- MVStore spatial index): "the intervals containing t" are the points in the quadrant start <= t < end, one probe.
-- As in V7, rows that end on the occurred clock are filed by their validity, rows that hold until further notice by
-- what the ledger knew them for, so that neither probe reads superseded history.
-- Points, not the rows' rectangles: the rectangles nearly all reach "forever" on one clock or the other and overlap
-- so much that each insert's search of the tree cost ~80 us (measured on a 100k-event ledger); points ~15 us.
-- Only rows that can be outstanding are filed (open commitments; open comments that need a response); the others are
-- NULL and stay out of the trees. The columns are computed by the database, so writers need not know about them.
-- H2 keeps the trees' coordinates as 32-bit floats: the query widens its bounds by a millionth and then tests the
-- exact BIGINT bounds (DeliberationQueries.stab).
ALTER TABLE comment_v ADD COLUMN open_valid GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' AND needs_response AND valid_to < 9223372036854775807
         THEN CAST('POINT (' || valid_from || ' ' || valid_to || ')' AS GEOMETRY) END);
ALTER TABLE comment_v ADD COLUMN open_known GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' AND needs_response AND valid_to = 9223372036854775807
         THEN CAST('POINT (' || known_from || ' ' || known_to || ')' AS GEOMETRY) END);
CREATE SPATIAL INDEX ix_comment_v_open_valid ON comment_v (open_valid);
CREATE SPATIAL INDEX ix_comment_v_open_known ON comment_v (open_known);

ALTER TABLE commitment_v ADD COLUMN open_valid GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' AND valid_to < 9223372036854775807
         THEN CAST('POINT (' || valid_from || ' ' || valid_to || ')' AS GEOMETRY) END);
ALTER TABLE commitment_v ADD COLUMN open_known GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' AND valid_to = 9223372036854775807
         THEN CAST('POINT (' || known_from || ' ' || known_to || ')' AS GEOMETRY) END);
CREATE SPATIAL INDEX ix_commitment_v_open_valid ON commitment_v (open_valid);
CREATE SPATIAL INDEX ix_commitment_v_open_known ON commitment_v (open_known);

-- The interval trees' indexes served only that stab; every write paid for them.
DROP INDEX ix_comment_v_ri_from;
DROP INDEX ix_comment_v_ri_to;
DROP INDEX ix_comment_v_kn_from;
DROP INDEX ix_comment_v_kn_to;
DROP INDEX ix_commitment_v_ri_from;
DROP INDEX ix_commitment_v_ri_to;
DROP INDEX ix_commitment_v_kn_from;
DROP INDEX ix_commitment_v_kn_to;
