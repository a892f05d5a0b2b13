/**
 * Axon and storage wiring: serializers, the event and token stores, processors and their balancing, durability,
 * read-your-writes ({@link dev.shingi.platform.Ledger}), idempotent commands, the bulk replay hook. Knows nothing of the
 * domain: what it must know (which events to handle in order) is handed to it as a bean of an Axon type.
 */
package dev.shingi.platform;
