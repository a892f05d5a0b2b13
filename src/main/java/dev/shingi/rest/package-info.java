/**
 * The deliberation capability's JSON-over-HTTP API. Request records here are the wire format (validated at the edge)
 * and are turned into commands of {@code deliberation.api}; the command records are never bound from JSON directly.
 * It lives outside {@code deliberation} so that dependencies point one way: the capability knows nothing of HTTP.
 */
package dev.shingi.rest;
