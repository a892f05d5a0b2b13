/**
 * The deliberation's contract: commands, events, queries and views as plain records.
 * <p>
 * Events are stored forever: every one carries {@code @Revision}, its {@code occurredAt} (the deliberation's clock),
 * and is stored with the ledger's own timestamp (the recorded clock). docs/events.md is their catalogue; never change
 * the meaning of a stored field, add a revision and an upcaster instead.
 */
package dev.shingi.deliberation.api;
