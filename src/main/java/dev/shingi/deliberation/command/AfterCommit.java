package dev.shingi.deliberation.command;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a fact read from the directory may be cached: a command reads inside its transaction, which sees what that
 * transaction wrote and has not committed (an import's batch registers a participant, then raises a comment as them).
 * Cached at once, a rolled-back batch would leave the node believing in records that were never stored; so the cache
 * is filled once the transaction has committed, and at once when there is none.
 */
final class AfterCommit {
    private AfterCommit() {
    }

    static void cache(Runnable put) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            put.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                put.run();
            }
        });
    }
}
