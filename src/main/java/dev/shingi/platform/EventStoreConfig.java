package dev.shingi.platform;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The event store and the token store, on the application's database (H2 or PostgreSQL; Flyway owns the tables).
 * What Axon's Spring Boot auto-configuration would build, plus two settings it does not expose and that several
 * nodes sharing one database need: the token store's node id, and how often the event store looks for events that
 * other nodes stored.
 */
@Configuration
class EventStoreConfig {

    /**
     * Who claims segments in the token store. Unique per running application context (two contexts in one JVM are
     * two nodes), readable in {@code TokenEntry.owner}: {@code shingi.node-id} when given, else {@code pid@host/xxxx}.
     */
    @Bean
    NodeId nodeId(@Value("${shingi.node-id:}") String configured) {
        return NodeId.of(configured);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Axon's embedded event store. Events this node commits wake its processors at once; events other nodes commit
     * are found when the store next looks, {@code shingi.processing.fetch-delay} after it last found nothing.
     */
    @Bean
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          @Value("${shingi.processing.fetch-delay:1s}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Axon's JDBC token store under this node's own id (Axon's default, pid@host, is shared by every context of a JVM). */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenStoreProperties properties,
                          NodeId nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId.value())
                .build();
    }
}
