/**
 * Cross-cutting plumbing: Axon configuration (serializers, processors, caches), who-recorded-what metadata,
 * read-your-writes, and the RFC 7807 error mapping. Knows no deliberation rules.
 */
package dev.shingi.platform;
