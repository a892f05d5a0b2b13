-- "Outstanding" no longer walks the interval trees of V4/V7 (84 index lookups glued by UNION ALL, parsed anew for
-- nearly every instant). A row holds as of (at, position) iff valid_from <= at < valid_to and
-- known_from <= position < known_to (docs/adr/007-outstanding-by-rectangle.md). Each interval is indexed as a point
-- (start, end) with GiST: "the intervals containing t" are the points in the quadrant start <= t < end, one probe.
-- As in V7, rows that end on the occurred clock are found by their validity, rows that hold until further notice by
-- what the ledger knew them for. Built-in geometric types (float8, exact for these values), no extension. Partial:
-- only rows that can be outstanding. The expressions and predicates must stay identical to DeliberationQueries.stab.
CREATE INDEX ix_comment_v_open_valid ON comment_v USING gist (point(valid_from::float8, valid_to::float8))
    WHERE status = 'OPEN' AND needs_response AND valid_to < 9223372036854775807;
CREATE INDEX ix_comment_v_open_known ON comment_v USING gist (point(known_from::float8, known_to::float8))
    WHERE status = 'OPEN' AND needs_response AND valid_to = 9223372036854775807;
CREATE INDEX ix_commitment_v_open_valid ON commitment_v USING gist (point(valid_from::float8, valid_to::float8))
    WHERE status = 'OPEN' AND valid_to < 9223372036854775807;
CREATE INDEX ix_commitment_v_open_known ON commitment_v USING gist (point(known_from::float8, known_to::float8))
    WHERE status = 'OPEN' AND valid_to = 9223372036854775807;

-- The interval trees' indexes served only that stab; every write paid for them.
DROP INDEX ix_comment_v_ri_from;
DROP INDEX ix_comment_v_ri_to;
DROP INDEX ix_comment_v_kn_from;
DROP INDEX ix_comment_v_kn_to;
DROP INDEX ix_commitment_v_ri_from;
DROP INDEX ix_commitment_v_ri_to;
DROP INDEX ix_commitment_v_kn_from;
DROP INDEX ix_commitment_v_kn_to;
