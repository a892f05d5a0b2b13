/**
 * Reading an uploaded file into pages of lines: what the file is ({@link dev.shingi.drafttext.extract.Detection},
 * from its bytes, checked against its declared type and name), then one reader per kind (PDF with PDFBox, DOCX with
 * POI, Markdown and plain text), each handing the same {@link dev.shingi.drafttext.extract.PageLines} on.
 */
package dev.shingi.drafttext.extract;
