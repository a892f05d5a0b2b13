package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Names the words this deliberation's comment tables use, on top of the defaults (ISO's ge/te/ed, the resolution
 * logs' and 「ご意見と考え方」's disposition words): a type word → the ledger's kind (IETF {@code nit} → EDITORIAL, a
 * ministry's 質問 → QUESTION), a disposition word → the ledger's disposition (対応済 → ACCEPTED). The whole vocabulary
 * is given each time; empty maps go back to the defaults alone. The words are checked at the edge (400 naming them).
 */
public record SetTableVocabulary(
        @TargetAggregateIdentifier String deliberationId,
        Map<String, CommentKind> types,
        Map<String, Disposition> dispositions,
        Instant occurredAt) {
}
