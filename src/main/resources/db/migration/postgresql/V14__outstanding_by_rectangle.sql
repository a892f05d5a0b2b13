-- "Outstanding" no longer walks the interval trees of V4/V7 (84 index lookups glued by UNION ALL, parsed anew for
-- every instant). Each row that can be outstanding is a rectangle on the two clocks,
-- [valid_from, valid_to) x [known_from, known_to); the rows that hold as of (at, position) are those whose rectangle
-- contains that point, which a GiST index over boxes answers in one probe (docs/adr/006). Built-in geometric types,
-- no extension. Partial: only rows that can be outstanding (open commitments, open comments that need a response).
-- The expression must stay identical to the one DeliberationQueries.stab queries with.
CREATE INDEX ix_comment_v_open_box ON comment_v USING gist (
    box(point(valid_from::float8, known_from::float8), point(valid_to::float8, known_to::float8)))
    WHERE status = 'OPEN' AND needs_response;
CREATE INDEX ix_commitment_v_open_box ON commitment_v USING gist (
    box(point(valid_from::float8, known_from::float8), point(valid_to::float8, known_to::float8)))
    WHERE status = 'OPEN';

-- The interval trees' indexes served only that stab; every write paid for them.
DROP INDEX ix_comment_v_ri_from;
DROP INDEX ix_comment_v_ri_to;
DROP INDEX ix_comment_v_kn_from;
DROP INDEX ix_comment_v_kn_to;
DROP INDEX ix_commitment_v_ri_from;
DROP INDEX ix_commitment_v_ri_to;
DROP INDEX ix_commitment_v_kn_from;
DROP INDEX ix_commitment_v_kn_to;
