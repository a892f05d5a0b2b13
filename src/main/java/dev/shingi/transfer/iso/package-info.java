/**
 * The ISO/IEC commenting template (MB/NC, Line number, Clause/Subclause, Paragraph/Figure/Table, Type of comment,
 * Comments, Proposed change, Observations of the secretariat) as CSV and XLSX: export a version's comments, import a
 * filled template as comments — every row checked first, nothing recorded if any row is bad (docs/reports.md).
 */
package dev.shingi.transfer.iso;
