/**
 * The JSON-over-HTTP API. Request records here are the wire format (validated at the edge) and are turned into
 * commands; the command records are never bound from JSON directly.
 */
package dev.shingi.deliberation.web;
