-- The ISO/IEC commenting template (docs/reports.md) names a line range, a paragraph/figure/table and a proposed change.
-- CommentRaised revision 2 carries them (the anchor's lineFrom/lineTo/element, and proposedChange); comment_v shows them.
-- Comments recorded before have none: NULL is exactly what their events say, so nothing is rebuilt.
ALTER TABLE comment_v ADD COLUMN line_from INTEGER;
ALTER TABLE comment_v ADD COLUMN line_to INTEGER;
ALTER TABLE comment_v ADD COLUMN element VARCHAR(1000);
ALTER TABLE comment_v ADD COLUMN proposed_change VARCHAR;
