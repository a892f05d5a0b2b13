-- A deliberation's counts (its summary, and every deliberation in the list) asked for the present scanned every row
-- the deliberation ever had: these indexes lead with what the ledger still holds true (known_to), so a count as of
-- the latest knowledge reads the rows not superseded, and carry the other columns the counts test.
CREATE INDEX ix_comment_v_known ON comment_v (deliberation_id, known_to, valid_to, valid_from, known_from, status, needs_response);
CREATE INDEX ix_response_v_known ON response_v (deliberation_id, known_to, valid_to, valid_from, known_from);
CREATE INDEX ix_commitment_v_known ON commitment_v (deliberation_id, known_to, valid_to, valid_from, known_from, status, due_date);
