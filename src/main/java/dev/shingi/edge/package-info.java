/**
 * What every HTTP controller shares — the REST API's, the pages', the importers' and reports': the one as-of
 * resolver ({@link dev.shingi.edge.ReadClock}), RFC 7807 problem mapping, the request filters (request id, body size,
 * idempotency keys, the rebuild notice), request metadata and the strict reading of JSON and text.
 */
package dev.shingi.edge;
