package dev.shingi.platform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When the ledger waits for the database file: after each command, or once after a batch, which is one transaction
 * (and a failed one, rolled back whole, has nothing to wait for).
 */
class LedgerBatchTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final Durability durability = mock(Durability.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final Ledger ledger = new Ledger(gateway, mock(EventStore.class), null, null, durability,
            Duration.ofSeconds(1), 1, transactions, NoCache.INSTANCE, mock(Idempotency.class));

    @Test
    void eachCommandOnItsOwnWaitsForTheFile() {
        ledger.record("a", MetaData.emptyInstance());
        ledger.record("b", MetaData.emptyInstance());

        InOrder order = inOrder(gateway, durability);
        order.verify(gateway).sendAndWait(eq("a"), any(MetaData.class));
        order.verify(durability).awaitDurable();
        order.verify(gateway).sendAndWait(eq("b"), any(MetaData.class));
        order.verify(durability).awaitDurable();
    }

    @Test
    void aBatchWaitsOnceAfterItsLastCommandEvenNested() {
        ledger.batch(() -> {
            ledger.record("a", MetaData.emptyInstance());
            ledger.batch(() -> ledger.record("b", MetaData.emptyInstance()));
            return ledger.record("c", MetaData.emptyInstance());
        });

        InOrder order = inOrder(gateway, durability);
        order.verify(gateway).sendAndWait(eq("c"), any(MetaData.class));
        order.verify(durability).awaitDurable();
        verify(durability, times(1)).awaitDurable();
        verify(gateway, times(3)).sendAndWait(any(), any(MetaData.class));
        verify(transactions, times(1)).getTransaction(any());
        verify(transactions, times(1)).commit(any());

        ledger.record("d", MetaData.emptyInstance()); // the batch is over: back to one wait per command
        verify(durability, times(2)).awaitDurable();
    }

    @Test
    void aFailedBatchIsRolledBackWholeAndWaitsForNothing() {
        when(gateway.sendAndWait(eq("bad"), any(MetaData.class))).thenThrow(new IllegalStateException("rule broken"));

        assertThatThrownBy(() -> ledger.batch(() -> {
            ledger.record("good", MetaData.emptyInstance());
            return ledger.record("bad", MetaData.emptyInstance());
        })).hasMessage("rule broken");

        verify(transactions, times(1)).rollback(any());
        verify(transactions, times(0)).commit(any());
        verify(durability, times(0)).awaitDurable();
    }
}
