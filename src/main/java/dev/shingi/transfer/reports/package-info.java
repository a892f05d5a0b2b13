/**
 * Reports read from the ledger: the disposition of comments (「ご意見と考え方」) as HTML, CSV and Markdown, and the
 * commitments calendar (iCalendar). Read-only: they ask deliberation.api's queries through the QueryGateway under
 * the same access policy as the REST API, and never write (docs/reports.md).
 */
package dev.shingi.transfer.reports;
