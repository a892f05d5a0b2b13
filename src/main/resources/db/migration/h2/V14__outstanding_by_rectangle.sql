-- "Outstanding" no longer walks the interval trees of V4/V7 (84 index lookups glued by UNION ALL, whose statement text
-- changed with every instant, so H2 parsed it anew each time, and converted every row of the union; 47 ms a query at
-- 1M events). Each row that can be outstanding is a rectangle on the two clocks,
-- [valid_from, valid_to) x [known_from, known_to); the rows that hold as of (at, position) are those whose rectangle
-- contains that point, which an R-tree (H2's MVStore spatial index) answers in one probe (docs/adr/006).
-- Only rows that can be outstanding get a rectangle: open commitments, open comments that need a response. The others
-- stay NULL, so the tree holds what a stab can return and nothing else. The rectangle is computed by the database from
-- the row's own columns (a generated column), so writers need not know about it.
-- H2 keeps the tree's coordinates as 32-bit floats: the query widens its point into a small box and then tests the
-- exact BIGINT bounds (DeliberationQueries.stab).
ALTER TABLE comment_v ADD COLUMN open_box GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' AND needs_response THEN CAST('POLYGON ((' || valid_from || ' ' || known_from || ', '
        || valid_to || ' ' || known_from || ', ' || valid_to || ' ' || known_to || ', ' || valid_from || ' ' || known_to
        || ', ' || valid_from || ' ' || known_from || '))' AS GEOMETRY) END);
CREATE SPATIAL INDEX ix_comment_v_open_box ON comment_v (open_box);

ALTER TABLE commitment_v ADD COLUMN open_box GEOMETRY GENERATED ALWAYS AS (
    CASE WHEN status = 'OPEN' THEN CAST('POLYGON ((' || valid_from || ' ' || known_from || ', '
        || valid_to || ' ' || known_from || ', ' || valid_to || ' ' || known_to || ', ' || valid_from || ' ' || known_to
        || ', ' || valid_from || ' ' || known_from || '))' AS GEOMETRY) END);
CREATE SPATIAL INDEX ix_commitment_v_open_box ON commitment_v (open_box);

-- The interval trees' indexes served only that stab; every write paid for them.
DROP INDEX ix_comment_v_ri_from;
DROP INDEX ix_comment_v_ri_to;
DROP INDEX ix_comment_v_kn_from;
DROP INDEX ix_comment_v_kn_to;
DROP INDEX ix_commitment_v_ri_from;
DROP INDEX ix_commitment_v_ri_to;
DROP INDEX ix_commitment_v_kn_from;
DROP INDEX ix_commitment_v_kn_to;
